"""A year of a couple's records (bench/make_data.py) in a real terminal (tmux, 80x24, the
installed `closeness`): the journal opens on the newest entry, a search narrows it, Esc
clears the search before it leaves, Insights names its periods, Past sessions lists the
sessions the bench wrote."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from e2e_helpers import FOCUS_EDGE, START_TIMEOUT, needs_tmux, start

pytestmark = [pytest.mark.e2e, needs_tmux]

BENCH = Path(__file__).resolve().parents[2] / "bench"
HOME = "Cards and knowing each other"  # an entry only Home lists (in either layout)
SEARCH_BOX = "Search your words"  # the empty search box's placeholder


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
        tui.wait_for("Sat 21 Nov 2026")  # the newest entry, at once
        # The first frame may show the search box focused before the list takes the focus
        # (asked for in on_mount, done after). Each key that moves the focus is followed by
        # waiting for the search box's edge to show where it went: letters sent sooner
        # would reach the list ("i" opens Insights).
        tui.wait_for_focus(SEARCH_BOX, FOCUS_EDGE, has=False)
        tui.send("/")
        tui.wait_for_focus(SEARCH_BOX, FOCUS_EDGE)
        tui.type("bike")  # no one wrote this: the journal says so in words
        tui.wait_for("Nothing matches")
        # A lone Esc is told from a key sequence by the pause after it: each Esc waits for
        # what it does before the next key.
        tui.send("Escape")
        tui.wait_for(SEARCH_BOX)  # cleared, still here
        tui.wait_for_focus(SEARCH_BOX, FOCUS_EDGE, has=False)  # back on the list
        tui.wait_for("Sat 21 Nov 2026")
        assert "Showing everything" in tui.screen()
        tui.send("/")
        tui.wait_for_focus(SEARCH_BOX, FOCUS_EDGE)
        tui.type("sunday walk")
        tui.wait_for("Ritual kept")
        tui.send("Enter")  # to the list ("i" in the box would be a letter)
        tui.wait_for_focus("sunday walk", FOCUS_EDGE, has=False)
        tui.send("i")
        screen = tui.wait_for("in these 12 weeks")
        assert "one bar per week" in screen and "this week" in screen
        tui.send("Escape")
        tui.wait_for("Showing everything")
        tui.wait_gone("in these 12 weeks")
        tui.send("Escape")  # clears "sunday walk"
        tui.wait_for(SEARCH_BOX)
        tui.send("Escape")  # and leaves
        tui.wait_for(HOME)
        tui.send("l")
        tui.wait_for("Who speaks first?")
        tui.send("C-o")
        tui.wait_for("Listening sessions")
        tui.wait_for("Ana & Ben")  # the sessions make_data wrote
        tui.send("C-q")
        assert tui.exit_code() == 0
