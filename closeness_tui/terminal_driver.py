"""Textual's Linux driver with two faults of Textual 8.2.8 mended, for the real terminal.

1. Its input thread decodes with a strict UTF-8 decoder: one invalid byte (a Latin-1 "é"
   in a paste) raises UnicodeDecodeError and ends the app. Here invalid bytes become U+FFFD.
2. Its parser leaves a bracketed paste at the first ESC inside it and turns the rest into
   key presses. Here `PasteGuard` removes such ESC bytes before the parser sees them.

`run_input_thread` is Textual 8.2.8's own, with only the decoder and the guard changed, so it
is pinned: pyproject.toml requires textual==8.2.8, `TEXTUAL_FIXED_FOR` names the version it
was checked against, and tests/unit/test_terminal_input.py fails when Textual changes,
asking for the fix to be checked again (see "Notes for maintainers" in README.md). The app
does not look the version up itself: importlib.metadata costs 20-140 ms at start-up.
"""

from __future__ import annotations

import os
import selectors
from codecs import getincrementaldecoder
from collections.abc import Iterable

from textual._loop import loop_last
from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

from closeness_tui.paste_guard import PasteGuard

TEXTUAL_FIXED_FOR = "8.2.8"


def textual_version() -> str:
    """The installed Textual's version (for the tests: slow, never called at start-up)."""
    from importlib.metadata import version

    return version("textual")


def replacing_decoder() -> object:
    """An incremental UTF-8 decoder that never raises: bad bytes become U+FFFD."""
    return getincrementaldecoder("utf-8")(errors="replace")


class GuardedLinuxDriver(LinuxDriver):
    """LinuxDriver whose input never ends the app and whose pastes stay pastes."""

    def run_input_thread(self) -> None:
        """Wait for input and dispatch events (Textual 8.2.8's loop, mended)."""
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)

        fileno = self.fileno
        EVENT_READ = selectors.EVENT_READ

        parser = XTermParser(self._debug)
        guard = PasteGuard()

        def feed(text: str) -> Iterable[Message]:
            # The guard may hold back a whole read (a split end marker): feeding the
            # parser "" would tell it the input has ended.
            guarded = guard.feed(text)
            return parser.feed(guarded) if guarded else ()

        tick = parser.tick
        decode = replacing_decoder().decode  # type: ignore[attr-defined]
        read = os.read

        def process_selector_events(
            selector_events: list[tuple[selectors.SelectorKey, int]],
            final: bool = False,
        ) -> None:
            for last, (_selector_key, mask) in loop_last(selector_events):
                if mask & EVENT_READ:
                    unicode_data = decode(read(fileno, 1024 * 4), final=final and last)
                    if not unicode_data:
                        # This can occur if the stdin is piped
                        break
                    for event in feed(unicode_data):
                        self.process_message(event)
            for event in tick():
                self.process_message(event)

        try:
            while not self.exit_event.is_set():
                process_selector_events(selector.select(0.1))
            selector.unregister(self.fileno)
            process_selector_events(selector.select(0.1), final=True)
        finally:
            selector.close()
            try:
                for _event in parser.feed(""):
                    pass
            except (EOFError, ParseError):
                pass


def driver_for(stock: type) -> type:
    """The driver the app should use in place of Textual's choice `stock`."""
    return GuardedLinuxDriver if stock is LinuxDriver else stock
