"""The App shell: opens the store, routes first run / damaged file / second copy, global keys,
themes, the command palette. Built by `make_app(data_dir, clock, today)` so tests inject all.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from string import Template

from rich.text import Text
from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.driver import Driver
from textual.message import Message
from textual.screen import Screen

import closeness_tui.screens as _screens_package
from closeness_tui.apptext import app_text
from closeness_tui.clock import Clock, FakeClock, SystemClock
from closeness_tui.commands import ClosenessCommands
from closeness_tui.models import CheckIn, Record, Settings, Statement
from closeness_tui.registry import screen_class
from closeness_tui.store import Store, StoreDamaged, StoreLocked, StoreWriteError

LIGHT_THEME = "textual-light"
DARK_THEME = "textual-dark"
LEFT_OUT_SYSTEM_COMMANDS = frozenset({"Screenshot", "Quit"})
SIGNAL_EXIT_GRACE = 5.0  # seconds a signalled exit may take before the process just ends
# Checked just after the first frame when they are big (Home reads neither): at ten years,
# 5.3 of 7.8 MB and 40-50 ms of decoding.
LATER = (CheckIn, Statement)


@dataclass
class DataChecked(Message):
    """Opening finished on a thread: the damage its check found, or why no `.bak` was kept."""

    store: Store
    damage: StoreDamaged | None
    backup_problem: str | None


def _is_terminal(stream: object) -> bool:
    """True while `stream` is a working terminal (False once it has been hung up)."""
    try:
        return os.isatty(stream.fileno())  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return False


class ClosenessApp(App[None]):
    TITLE = "closeness"
    # Home's own .tcss too: a screen's CSS read when it is first shown makes Textual parse
    # every stylesheet again (~10 ms), and Home is shown first (same resolved path as
    # HomeScreen.CSS_PATH, so Textual sees it is already there).
    CSS_PATH = ["app.tcss", (Path(_screens_package.__file__).parent / "home.tcss").resolve()]
    COMMANDS = {ClosenessCommands}  # which also offers Textual's system commands, last
    BINDINGS = [
        Binding(
            "f1,question_mark",
            "help",
            "Help",
            id="help",
            tooltip="Keys and what this screen is for",
        ),
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            id="quit",
            priority=True,
            tooltip="Close closeness; everything you confirmed is already saved",
        ),
    ]

    def __init__(self, data_dir: Path, clock: Clock, *, bell: bool = True) -> None:
        super().__init__()
        self.data_dir = Path(data_dir)
        self.clock = clock
        self.store: Store | None = None
        self.settings = Settings()
        self.allow_bell = bell
        self.resume_gc_after_first_frame = False  # set by cli.main, which pauses GC
        self._had_terminal = False
        self._open_problem: StoreLocked | StoreDamaged | None = None
        # Bumped after every save and delete: caches of what the data says (the journal's
        # index, insights) are kept for one version and rebuilt after a change.
        self.data_version = 0
        # Index in the screen stack of the screen with nothing to go back to (see _show_only).
        self._floor = 0

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver, or on Linux one whose input survives bad bytes and ESC in a
        paste (closeness_tui/terminal_driver.py)."""
        from closeness_tui.terminal_driver import driver_for

        return driver_for(super().get_driver_class())

    # -- start-up ------------------------------------------------------------------------
    # One path: the data is opened (locked, read and checked in full) while the app is
    # composed, before anything is drawn. Home is the first screen when there are names;
    # anything else (first run, a damaged file, another copy open) is shown once mounted.

    def get_default_screen(self) -> Screen:
        self._open_data()
        if self.store is not None and self.settings.named:
            return screen_class("home")()
        return super().get_default_screen()

    def on_mount(self) -> None:
        self._install_signal_handlers()
        if not isinstance(self.screen, screen_class("home")):
            self._show_first_screen()

    def on_ready(self) -> None:
        self.call_after_refresh(self._finish_opening)
        if self.resume_gc_after_first_frame:
            self.resume_gc_after_first_frame = False
            gc.freeze()  # what start-up built lives as long as the app: never scan it again
            gc.enable()

    def _finish_opening(self) -> None:
        """Check the app's own words not needed by the first screen (a malformed content
        file ends the app with a message naming the file and key), and say what opening the
        data had to say."""
        from closeness_tui.content import ContentError, validate_all

        try:
            validate_all()
        except ContentError as exc:
            self.exit(return_code=2, message=Text(f"closeness could not start: {exc}"))
            return
        self._tell_about_opening()

    def _tell_about_opening(self) -> None:
        """A permission repair is said at once. Then one thread worker finishes opening after
        the first frame, so that neither holds it up: it checks what `Store.open` left for
        later (a damage found brings the damaged-file screen) and writes the `.bak`."""
        store = self.store
        if store is None:
            return
        if store.repaired:
            what = ", ".join(store.repaired)
            text = app_text().opening.repaired
            self.notify(Template(text).substitute(what=what), timeout=15, markup=False)

        def check_then_back_up() -> None:
            damage = store.check()
            backup_problem = None if damage else store.write_backup()
            if damage or backup_problem:
                self.post_message(DataChecked(store, damage, backup_problem))

        self.run_worker(check_then_back_up, thread=True, name="check", exit_on_error=False)

    @on(DataChecked)
    def _data_checked(self, message: DataChecked) -> None:
        if message.store is not self.store:  # opened again since (after a restore)
            return
        if message.damage is not None:
            self._show_damaged(message.damage)
        elif message.backup_problem:
            text = app_text().opening.backup_failed
            message_text = Template(text).substitute(reason=message.backup_problem)
            self.notify(message_text, severity="warning", timeout=20, markup=False)

    def _show_damaged(self, exc: StoreDamaged) -> None:
        from closeness_tui.screens.problems import DamagedScreen

        self._close_store()
        self.store = None
        self._show_only(DamagedScreen(exc))

    def _install_signal_handlers(self) -> None:
        """Closing the terminal (SIGHUP) or SIGTERM: exit cleanly, as ctrl+q would (without
        asking: nobody may be there to answer), after writing every screen's draft. Not
        in headless test runs (no terminal to lose)."""
        if self.is_headless:
            return
        import asyncio

        self._had_terminal = _is_terminal(sys.__stdin__)
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGHUP, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, self._exit_on_signal, sig)

    def _exit_on_signal(self, sig: signal.Signals) -> None:
        """The exit code says which signal it was (128 + n, as a shell would).

        If the terminal is still there (`kill -TERM`), leave through `exit`, which gives the
        terminal back and runs on_unmount (releasing the lock). If it has gone (the window
        was closed), Textual's writer thread dies on the first write and a graceful exit
        would wait for it forever: release the lock and end at once. Either way a watchdog
        ends the process if leaving takes more than a few seconds. Nothing is lost: every
        confirmed step was written atomically when it was confirmed, and words still being
        typed are written as drafts first."""
        code = 128 + int(sig)
        self.flush_drafts()
        if self._had_terminal and not _is_terminal(sys.__stdin__):
            self._close_store()
            os._exit(code)
        if not self.is_headless:  # never in a test process
            watchdog = threading.Timer(SIGNAL_EXIT_GRACE, os._exit, args=(code,))
            watchdog.daemon = True
            watchdog.start()
        self.exit(return_code=code)

    def flush_drafts(self) -> None:
        """Write what is typed on every screen in the stack as a draft, now."""
        for screen in reversed(self.screen_stack):
            flush = getattr(screen, "flush_draft", None)
            if callable(flush):
                with contextlib.suppress(Exception):
                    flush()

    def _close_store(self) -> None:
        if self.store is not None:
            with contextlib.suppress(Exception):
                self.store.close()

    def open_store(self) -> None:
        """Open the data and show the right first screen (again, after the damaged-file
        screen has kept a file aside or restored a backup)."""
        self._open_data()
        self._show_first_screen()
        if self.store is not None:
            self._tell_about_opening()

    def _open_data(self) -> None:
        """Open the store and read the settings; what went wrong is kept to show."""
        self._open_problem = None
        try:
            self.store = Store.open(self.data_dir, later=LATER)
        except (StoreLocked, StoreDamaged) as exc:
            self.store = None
            self._open_problem = exc
            return
        self.settings = self.store.settings()
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme

    def _show_first_screen(self) -> None:
        problem = self._open_problem
        if isinstance(problem, StoreLocked):
            from closeness_tui.screens.problems import LockedScreen

            self._show_only(LockedScreen(self.data_dir))
        elif isinstance(problem, StoreDamaged):
            self._show_damaged(problem)
        elif self.settings.named:
            self.go_home()
        else:
            self._show_only(screen_class("welcome")())

    def go_home(self) -> None:
        """Back to Home with nothing above it: the Home the app opened on, if it did (it
        brings itself up to date when shown again), else a new one on an empty stack."""
        home = screen_class("home")
        while len(self.screen_stack) > self._floor + 1 and not isinstance(self.screen, home):
            self.pop_screen()
        if not isinstance(self.screen, home):
            self._show_only(home())

    def _show_only(self, screen: Screen) -> None:
        """Make `screen` the only screen there is to see (nothing to go back to). The app's
        first screen (Home, or Textual's blank one) cannot be switched away from, so `screen`
        goes above it and is the floor from then on."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(screen)
        self._floor = 1

    def has_screen_below(self, screen: Screen) -> bool:
        """True when leaving `screen` lands on a screen they can use (not below the floor:
        Textual's blank first screen, or one left behind by `_show_only`)."""
        stack = self.screen_stack
        return screen in stack and stack.index(screen) > self._floor

    def on_unmount(self) -> None:
        self._close_store()

    # -- saving --------------------------------------------------------------------------

    def save(self, record: Record) -> bool:
        """Save one record now. On failure say so kindly and keep what is on screen."""
        if self.store is None:
            return False
        try:
            self.store.put(record)
        except StoreWriteError as exc:
            self.notify(
                f"That could not be saved ({exc}). Your words are still on the screen; "
                "please try again in a moment.",
                title="Not saved yet",
                severity="error",
                timeout=10,
                markup=False,
            )
            return False
        finally:
            # After the write (done or not): what was read while it ran is not current.
            self.data_version += 1
        return True

    def delete(self, record_type: type[Record], *record_ids: str) -> bool:
        """Delete records now (all in order). On failure say so kindly; nothing else changes."""
        if self.store is None:
            return False
        try:
            for record_id in record_ids:
                self.store.delete(record_type, record_id)
        except StoreWriteError as exc:
            self.notify(
                f"That could not be deleted ({exc}). Please try again in a moment.",
                title="Not deleted yet",
                severity="error",
                timeout=10,
                markup=False,
            )
            return False
        finally:
            # After the write (done or not): what was read while it ran is not current.
            self.data_version += 1
        return True

    def save_settings(self, settings: Settings) -> bool:
        if self.store is None:
            return False
        try:
            self.store.save_settings(settings)
        except StoreWriteError as exc:
            self.notify(f"Settings could not be saved ({exc}).", severity="error", markup=False)
            return False
        finally:
            # After the write (done or not): what was read while it ran is not current.
            self.data_version += 1
        self.settings = self.store.settings()
        return True

    def watch_theme(self, theme: str) -> None:
        if self.store is not None and self.settings.theme != theme:
            self.settings.theme = theme
            self.save_settings(self.settings)

    # -- actions ---------------------------------------------------------------------------

    def open_screen(self, name: str) -> None:
        if self.store is None or not self.settings.named:
            return
        if type(self.screen).__name__ == screen_class(name).__name__:
            return
        self.push_screen(screen_class(name)())

    def action_home(self) -> None:
        """Back to Home; if the screen holds typed words that are not saved, ask first."""
        if self.store is None or not self.settings.named:
            return
        from closeness_tui.screens.dialogs import leave_or_stay

        leave_or_stay(self.screen, self.go_home)

    def action_help(self) -> None:
        if isinstance(self.screen, screen_class("help")):
            return
        topic = getattr(self.screen, "HELP_TOPIC", "home")
        self.push_screen(screen_class("help")(topic))

    def action_toggle_dark(self) -> None:
        self.theme = LIGHT_THEME if self.current_theme.dark else DARK_THEME

    async def action_quit(self) -> None:
        """Quit; if the screen holds typed words that are not saved, ask first."""
        from closeness_tui.screens.dialogs import leave_or_stay

        self.flush_drafts()

        leave_or_stay(self.screen, self.exit, quit=True)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own palette commands, less two: "Screenshot" writes the screen (private
        words) to a file in the working directory, and "Quit" repeats our own Quit."""
        for command in super().get_system_commands(screen):
            if command.title not in LEFT_OUT_SYSTEM_COMMANDS:
                yield command


def make_app(
    data_dir: Path | str,
    clock: Clock | None = None,
    today: date | None = None,
) -> ClosenessApp:
    """Build the app. Tests pass a temp dir, a FakeClock and a fixed `today`."""
    if clock is None:
        clock = FakeClock(today=today) if today is not None else SystemClock()
    return ClosenessApp(Path(data_dir), clock)
