"""Playing conversation cards in a real terminal (tmux, 80x24, the installed `closeness`):
Home -> Cards -> play; the screen says who asks and who answers, in their names; "we talked
about this" swaps the roles; a pass does too; then the file holds both cards. (Each key waits
for what it changes on screen: the machine may be busy. The notes are a Pilot test.)"""

from __future__ import annotations

import pytest
from conftest import seed_names
from e2e_helpers import START_TIMEOUT, STEP_TIMEOUT, needs_tmux, start

from closeness_tui.models import CardPlay
from closeness_tui.store import Store

pytestmark = [pytest.mark.e2e, needs_tmux]


def test_play_two_cards_taking_turns(data_dir):
    seed_names(data_dir, "Ana", "Ben")
    tui = start(data_dir)
    try:
        tui.wait_for("Question of the day (d)", timeout=START_TIMEOUT)
        tui.type("k")
        tui.wait_for("Play conversation cards", timeout=STEP_TIMEOUT)
        tui.type("p")
        tui.wait_for("Ana asks, Ben answers", timeout=STEP_TIMEOUT)
        assert "Cards tonight: 0 talked about, 0 passed" in tui.screen()
        tui.type("n")  # we talked about this
        tui.wait_for("Ben asks, Ana answers", timeout=STEP_TIMEOUT)
        tui.wait_for("1 talked about, 0 passed", timeout=STEP_TIMEOUT)
        tui.type("p")  # pass: always fine
        tui.wait_for("Ana asks, Ben answers", timeout=STEP_TIMEOUT)
        tui.wait_for("1 talked about, 1 passed", timeout=STEP_TIMEOUT)
        tui.send("C-q")
        assert tui.exit_code() == 0
    finally:
        tui.close()
    with Store.open(data_dir, read_only=True) as store:
        plays = sorted(store.all(CardPlay), key=lambda p: p.played_at)
    assert [(p.asker, p.outcome) for p in plays] == [(0, "talked"), (1, "passed")]
