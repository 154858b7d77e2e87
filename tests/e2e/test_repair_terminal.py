"""After a fight, in a real terminal (tmux, 80x24, the installed `closeness` command): the
first steps in their names, a break, leaving; then a restart carries on where it stopped
and the words typed are on disk."""

from __future__ import annotations

import time

from conftest import seed_names
from e2e_helpers import START_TIMEOUT, STEP_TIMEOUT, needs_tmux, start

from closeness_tui.models import AfterFight
from closeness_tui.store import Store


@needs_tmux
def test_after_a_fight_in_a_terminal_with_a_break_and_a_restart(data_dir):
    seed_names(data_dir, "Ana", "Ben")
    with start(data_dir) as tui:
        tui.wait_for("What would you like to do together?", timeout=START_TIMEOUT)
        tui.send("w")
        tui.wait_for("Solve it together", timeout=STEP_TIMEOUT)
        tui.send("f")
        tui.wait_for("What was it about", timeout=STEP_TIMEOUT)
        tui.type("the [b]wait[/b]")
        tui.send("C-s")
        tui.wait_for("Is now a good time for both of you?", timeout=STEP_TIMEOUT)
        tui.send("C-s")
        tui.wait_for("Ana, how did you feel during the fight?", timeout=STEP_TIMEOUT)
        tui.type("hurt [/] 😢")
        tui.send("C-s")
        tui.wait_for("Ben, how did you feel during the fight?", timeout=STEP_TIMEOUT)
        tui.type("sad")
        tui.send("C-s")
        tui.wait_for("Ana, what was it like for you?", timeout=STEP_TIMEOUT)
        assert "hurt [/] 😢" in tui.screen()  # both feelings side by side, literally
        tui.send("C-t")
        tui.wait_for("Taking a break", timeout=STEP_TIMEOUT)
        tui.wait_for("Ana telling their reality", timeout=STEP_TIMEOUT)
        tui.send("Escape")
        tui.wait_for("Solve it together", timeout=STEP_TIMEOUT)
        tui.send("C-q")
        deadline = time.monotonic() + STEP_TIMEOUT
        while not tui.exited() and time.monotonic() < deadline:
            time.sleep(0.1)
    with Store.open(data_dir, read_only=True) as store:
        (record,) = store.all(AfterFight)
    assert record.topic == "the [b]wait[/b]" and record.status == "on_break"
    assert [s.feelings for s in record.sides] == ["hurt [/] 😢", "sad"]

    with start(data_dir) as tui:
        tui.wait_for("What would you like to do together?", timeout=START_TIMEOUT)
        tui.send("w")
        tui.wait_for("Solve it together", timeout=STEP_TIMEOUT)
        tui.send("f")
        tui.wait_for("Set it aside", timeout=STEP_TIMEOUT)
        tui.send("Escape")  # carry on
        tui.wait_for("Taking a break", timeout=STEP_TIMEOUT)
        tui.send("C-r")
        tui.wait_for("Ana, what was it like for you?", timeout=STEP_TIMEOUT)
        tui.send("C-q")
