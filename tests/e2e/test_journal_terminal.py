"""A year of a couple's records (bench/make_data.py) in a real terminal (tmux, 80x24, the
installed `closeness`): the journal opens on the newest entry, a search narrows it, Esc
clears the search before it leaves, Insights names its periods, Past sessions lists the
sessions the bench wrote."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from e2e_helpers import START_TIMEOUT, STEP_TIMEOUT, exit_code, needs_tmux, start

pytestmark = [pytest.mark.e2e, needs_tmux]

BENCH = Path(__file__).resolve().parents[2] / "bench"
HOME = "Cards and knowing each other"  # an entry only Home lists (in either layout)
ESC_PAUSE = 0.8  # a lone Esc is told from a key sequence by the pause after it
FOCUS_PAUSE = 0.8  # focus moves after the key that moved it: let it land before typing


def test_a_year_of_journal_in_a_real_terminal(tmp_path):
    sys.path.insert(0, str(BENCH))
    try:
        from make_data import make
    finally:
        sys.path.remove(str(BENCH))
    data_dir = tmp_path / "data"
    make(data_dir, 1)
    with start(data_dir) as tui:
        tui.wait_for(HOME, timeout=START_TIMEOUT)
        tui.send("j")
        tui.wait_for("Sat 21 Nov 2026", timeout=STEP_TIMEOUT)  # the newest entry, at once
        tui.send("/")
        time.sleep(FOCUS_PAUSE)
        tui.type("bike")  # no one wrote this: the journal says so in words
        tui.wait_for("Nothing matches", timeout=STEP_TIMEOUT)
        tui.send("Escape")
        time.sleep(ESC_PAUSE)
        tui.wait_for("Sat 21 Nov 2026", timeout=STEP_TIMEOUT)  # cleared, still here
        assert "Showing everything" in tui.screen()
        tui.send("/")
        time.sleep(FOCUS_PAUSE)
        tui.type("sunday walk")
        tui.wait_for("Ritual kept", timeout=STEP_TIMEOUT)
        tui.send("Enter")  # to the list
        time.sleep(FOCUS_PAUSE)
        tui.send("i")
        tui.wait_for("in these 12 weeks", timeout=STEP_TIMEOUT)
        screen = tui.screen()
        assert "one bar per week" in screen and "this week" in screen
        tui.send("Escape")
        time.sleep(ESC_PAUSE)
        tui.wait_for("Showing everything", timeout=STEP_TIMEOUT)
        tui.send("Escape")  # clears "sunday walk"
        time.sleep(ESC_PAUSE)
        tui.send("Escape")  # and leaves
        time.sleep(ESC_PAUSE)
        tui.wait_for(HOME, timeout=STEP_TIMEOUT)
        tui.send("l")
        time.sleep(0.5)
        tui.send("C-o")
        tui.wait_for("Listening sessions", timeout=STEP_TIMEOUT)
        tui.wait_for("Ana & Ben", timeout=STEP_TIMEOUT)  # the sessions make_data wrote
        tui.send("C-q")
        assert exit_code(tui) == 0
