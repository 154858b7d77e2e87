"""Terminal input: the paste guard, the replacing decoder and the mended Linux driver."""

from __future__ import annotations

import os
import threading
import time
from threading import Event

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual import events
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver

from closeness_tui.paste_guard import PASTE_END, PASTE_START, PasteGuard
from closeness_tui.terminal_driver import (
    TEXTUAL_FIXED_FOR,
    GuardedLinuxDriver,
    driver_for,
    replacing_decoder,
    textual_version,
)

S, E = PASTE_START, PASTE_END


@pytest.mark.parametrize(
    ("chunks", "expected"),
    [
        (["hello"], "hello"),
        (["\x1b", "[A"], "\x1b[A"),  # keys outside a paste pass untouched, even split
        ([S + "plain" + E], S + "plain" + E),
        ([S + "a\x1bq b" + E], S + "aq b" + E),  # the ESC that would be alt+q
        ([S + "\x1b[31mred\x1b[0m" + E], S + "[31mred[0m" + E),
        ([S + "x\x1b" + E], S + "x" + E),  # an ESC just before the end marker
        ([S + "\x1b\x1b\x1b" + E + "\x1b"], S + E + "\x1b"),  # Esc key after the paste
        ([S + "nested " + S + "in" + E], S + "nested [200~in" + E),
        ([S[:3], S[3:] + "a\x1bb" + E], S + "ab" + E),  # start marker split
        ([S + "a\x1b[20", "1~tail"], S + "a" + E + "tail"),  # end marker split
        ([S + "a\x1b[20", "0~b" + E], S + "a[200~b" + E),  # looked like the end, was not
        ([S + "a\x1b", "q" + E], S + "aq" + E),
        ([S + "one" + E + "k" + S + "t\x1bwo" + E], S + "one" + E + "k" + S + "two" + E),
    ],
)
def test_guard_keeps_each_paste_whole(chunks, expected):
    guard = PasteGuard()
    assert "".join(guard.feed(c) for c in chunks) == expected
    assert not guard.in_paste


def test_guard_holds_at_most_a_possible_end_marker():
    guard = PasteGuard()
    assert guard.feed(S + "abc\x1b[2") == S + "abc"
    assert guard.in_paste
    assert guard.feed("01~") == E


pasted = st.text(alphabet=st.sampled_from("ab\x1b[201~\n\x0b\u0085é🌙"), max_size=40)


@given(
    before=st.text(alphabet="xy", max_size=5),
    body=pasted,
    cuts=st.lists(st.integers(min_value=0, max_value=80), max_size=6),
)
def test_any_split_gives_one_paste_holding_the_body_without_esc(before, body, cuts):
    """Through Textual's own parser: one Paste event whose text is the body without ESC,
    and no key press from inside the paste, wherever the terminal splits its reads."""
    while E in body:  # a paste cannot hold its own end marker (the terminal's job)
        body = body.replace(E, "")
    stream = before + S + body + E
    marks = sorted({min(c, len(stream)) for c in cuts})
    chunks = [stream[a:b] for a, b in zip([0, *marks], [*marks, len(stream)], strict=True)]
    guard, parser = PasteGuard(), XTermParser()
    passed = [guard.feed(c) for c in chunks]
    got = [ev for part in passed if part for ev in parser.feed(part)]  # "" would end input
    pastes = [ev for ev in got if isinstance(ev, events.Paste)]
    keys = [ev for ev in got if isinstance(ev, events.Key)]
    assert [p.text for p in pastes] == [body.replace("\x1b", "")]
    assert [k.character for k in keys] == list(before)


def test_stock_parser_still_turns_a_pasted_esc_into_keys():
    """Why the guard exists: if this fails, Textual fixed its parser; check the guard still
    helps and say so in README's notes for maintainers."""
    parser = XTermParser()
    got = list(parser.feed(S + "a\x1bq rest" + E))
    assert any(isinstance(ev, events.Key) for ev in got)


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"caf\xe9", "caf\ufffd"),  # Latin-1
        (b"\xff\xfe ok", "\ufffd\ufffd ok"),
        ("café 🌙".encode(), "café 🌙"),
    ],
)
def test_decoder_replaces_bad_bytes(raw, text):
    decode = replacing_decoder().decode  # type: ignore[attr-defined]
    assert decode(raw, final=True) == text


def test_decoder_joins_a_character_split_between_reads():
    decode = replacing_decoder().decode  # type: ignore[attr-defined]
    moon = "🌙".encode()
    assert decode(moon[:2]) + decode(moon[2:]) == "🌙"


def test_the_fix_is_pinned_to_the_textual_version_it_was_checked_against():
    """Textual changed: read its linux_driver.run_input_thread and _xterm_parser again,
    copy any change into GuardedLinuxDriver.run_input_thread, check whether the faults are
    still there (test_stock_parser_...), then move TEXTUAL_FIXED_FOR (README: notes for
    maintainers)."""
    assert textual_version() == TEXTUAL_FIXED_FOR


def test_the_app_uses_the_guarded_driver_only_in_place_of_linux_driver():
    assert driver_for(LinuxDriver) is GuardedLinuxDriver
    assert driver_for(object) is object


class _Recorder(GuardedLinuxDriver):
    def __init__(self, fileno: int) -> None:  # no terminal set-up: only the input thread
        self.fileno = fileno
        self.exit_event = Event()
        self._debug = False
        self.got: list[object] = []

    def process_message(self, message) -> None:  # type: ignore[no-untyped-def]
        self.got.append(message)


def test_driver_input_thread_survives_bad_bytes_and_keeps_the_paste():
    read_end, write_end = os.pipe()
    driver = _Recorder(read_end)
    thread = threading.Thread(target=driver.run_input_thread, daemon=True)
    thread.start()
    try:
        os.write(write_end, b"\x1b[200~caf\xe9 \x1bq\x0b\x1b[2")  # the end marker split
        time.sleep(0.3)
        os.write(write_end, b"01~x")
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and len(driver.got) < 2:
            time.sleep(0.02)
    finally:
        driver.exit_event.set()
        thread.join(5)
        os.close(write_end)
        os.close(read_end)
    assert not thread.is_alive()
    pastes = [m for m in driver.got if isinstance(m, events.Paste)]
    keys = [m for m in driver.got if isinstance(m, events.Key)]
    assert [p.text for p in pastes] == ["caf\ufffd q\x0b"]
    assert [k.character for k in keys] == ["x"]
