"""Closing the terminal (SIGHUP) or SIGTERM while closeness runs: it exits cleanly, gives the
terminal back, releases the lock, and everything confirmed (the names) is on disk."""

from __future__ import annotations

import os
import signal

import pytest
from e2e_helpers import complete_first_run, needs_tmux, start, wait_until_gone

from closeness_tui.store import Store

pytestmark = [pytest.mark.e2e, needs_tmux]


def assert_released_and_saved(data_dir) -> None:
    # The lock is free: a new writer can open the store at once.
    store = Store.open(data_dir)
    try:
        assert store.settings().names == ("Ana", "Ben")
    finally:
        store.close()


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_signal_exits_cleanly(tmp_path, sig):
    data_dir = tmp_path / "data"
    pid_file = tmp_path / "closeness.pid"
    with start(data_dir, pid_file=pid_file) as tui:
        complete_first_run(tui, "Ana", "Ben")
        pid = int(pid_file.read_text())
        assert tui.display("#{alternate_on}") == "1"
        os.kill(pid, sig)
        # Handled, not killed: the exit code names the signal and the terminal is restored
        # (a process killed outright would leave tmux on the alternate screen).
        assert tui.exit_code() == 128 + int(sig)
        wait_until_gone(pid)
        assert tui.display("#{alternate_on}") == "0"
        assert tui.display("#{mouse_any_flag}") == "0"
        assert "Traceback" not in tui.screen()
    assert_released_and_saved(data_dir)


def test_closing_the_terminal_window(tmp_path):
    """tmux closing the pane hangs up the terminal for real (SIGHUP, then no tty)."""
    data_dir = tmp_path / "data"
    pid_file = tmp_path / "closeness.pid"
    tui = start(data_dir, pid_file=pid_file)
    try:
        complete_first_run(tui, "Ana", "Ben")
        pid = int(pid_file.read_text())
    finally:
        tui.close()  # kills the tmux server: the pane's terminal goes away
    wait_until_gone(pid)
    assert_released_and_saved(data_dir)
