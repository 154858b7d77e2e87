"""The terminal going while closeness runs, through the real signal path (SIGHUP, SIGTERM,
a closed tmux window): it exits cleanly and gives the terminal back, frees the lock, keeps
everything confirmed (the names), and words typed a moment before, cut off mid-word, are
back after a restart, in the listening summary and in the weekly check-in (the installed
command, in tmux, at 80x24)."""

from __future__ import annotations

import os
import signal
import time

import pytest
from conftest import seed_names
from e2e_helpers import (
    FOCUS_EDGE,
    START_TIMEOUT,
    complete_first_run,
    needs_tmux,
    start,
    wait_until_gone,
)

from closeness_tui.listening import SETTLE_SECONDS
from closeness_tui.store import Store

pytestmark = [pytest.mark.e2e, needs_tmux]

SUMMARY = "What I heard is you miss our wa"  # cut off mid-word
STARTER = "What I heard is "  # the summary box's own first words, the cursor after them
WEEKLY = "You made tea for me on Tuesday even thou"
PLACEHOLDER = "You walked the dog"  # the appreciations' example, shown in the empty boxes
HOME = "Hello, Ana and Ben"


def settle() -> None:
    """A turn ignores a press for SETTLE_SECONDS after it began (its words show after it
    began): this long after they show, a press counts."""
    time.sleep(SETTLE_SECONDS + 0.1)


def to_summary(tui) -> None:
    tui.send("l")
    tui.wait_for("Who speaks first?")
    tui.send("C-s")
    tui.wait_for("Is now a good time")
    tui.send("C-s")
    tui.wait_for("is speaking")
    settle()
    tui.send("Enter")  # in the turn's first seconds: asks first
    tui.wait_for("Has Ana really")
    tui.wait_for_focused("Keep going")  # the dialog's default, focused after its first frame
    tui.send("Tab")
    tui.wait_for_focused("Yes, on to Ben")
    tui.send("Enter")
    tui.wait_for("what did you hear")


def carry_on_to_summary(tui) -> None:
    tui.wait_for(HOME, timeout=START_TIMEOUT)
    tui.send("l")
    tui.wait_for("Start a new one")
    tui.wait_for_focused("Carry on")  # the calm default
    tui.send("Enter")
    tui.wait_for("what did you hear")


def assert_released_and_saved(data_dir) -> None:
    # The lock is free: a new writer can open the store at once.
    with Store.open(data_dir) as store:
        assert store.settings().names == ("Ana", "Ben")


@pytest.mark.parametrize("how", ["SIGHUP", "SIGTERM", "closed window"])
def test_the_terminal_going_exits_cleanly_and_keeps_a_summary_typed_mid_word(tmp_path, how):
    data_dir = tmp_path / "data"
    pid_file = tmp_path / "pid"
    tui = start(data_dir, pid_file=pid_file)
    try:
        complete_first_run(tui)
        pid = int(pid_file.read_text())
        assert tui.display("#{alternate_on}") == "1"
        to_summary(tui)
        # The box holds the starter; ctrl+e (a binding, which letters sent at once could
        # overtake) puts the cursor after it, and once it is there the letters follow.
        tui.wait_for_focus(STARTER, FOCUS_EDGE)
        tui.send("C-e")
        tui.wait_for_cursor_after(STARTER)
        tui.type(SUMMARY.removeprefix(STARTER))
        tui.wait_for("miss our wa")
        if how == "closed window":
            tui.close()  # kills the tmux server: the pane's terminal goes away (SIGHUP, no tty)
        else:
            sig = getattr(signal, how)
            os.kill(pid, sig)
            # Handled, not killed: the exit code names the signal and the terminal is
            # restored (a process killed outright would leave tmux on the alternate screen).
            assert tui.exit_code() == 128 + int(sig)
            assert tui.display("#{alternate_on}") == "0"
            assert tui.display("#{mouse_any_flag}") == "0"
            assert "Traceback" not in tui.screen()
        wait_until_gone(pid)
    finally:
        tui.close()
    assert_released_and_saved(data_dir)
    with start(data_dir) as again:
        carry_on_to_summary(again)
        again.wait_for("you miss our wa")


def test_weekly_words_survive_sighup(tmp_path):
    data_dir = tmp_path / "data"
    seed_names(data_dir)
    pid_file = tmp_path / "pid"
    tui = start(data_dir, pid_file=pid_file)
    try:
        tui.wait_for(HOME, timeout=START_TIMEOUT)
        pid = int(pid_file.read_text())
        tui.send("c")
        tui.wait_for("Nightly check-in")
        tui.send("w")
        tui.wait_for("Appreciations")
        tui.wait_for_focus(PLACEHOLDER, FOCUS_EDGE)  # the first box, focused after the first frame
        tui.type(WEEKLY)
        tui.wait_for("even thou")
        os.kill(pid, signal.SIGHUP)
        wait_until_gone(pid)
    finally:
        tui.close()
    with start(data_dir) as again:
        again.wait_for(HOME, timeout=START_TIMEOUT)
        again.send("c")
        again.wait_for("Nightly check-in")
        again.send("w")
        again.wait_for("even thou")
