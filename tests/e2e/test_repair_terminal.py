"""After a fight, in a real terminal (tmux, 80x24, the installed `closeness` command): the
first steps in their names, a break, leaving; then a restart carries on where it stopped
and the words typed are on disk."""

from __future__ import annotations

import pytest
from conftest import seed_names
from e2e_helpers import BOX_TOP, FOCUS_EDGE, START_TIMEOUT, needs_tmux, start

from closeness_tui.models import AfterFight
from closeness_tui.store import Store

pytestmark = [pytest.mark.e2e, needs_tmux]


def write(tui, prompt: str, text: str) -> None:
    """Once the step's box has the focus, type into it and send it with ctrl+s (after the
    letters: the box takes letters itself, the binding reaches the screen after them)."""
    tui.wait_for(prompt)
    tui.wait_for_focus(BOX_TOP, FOCUS_EDGE)
    tui.type(text)
    tui.send("C-s")


def test_after_a_fight_in_a_terminal_with_a_break_and_a_restart(data_dir):
    seed_names(data_dir, "Ana", "Ben")
    with start(data_dir) as tui:
        tui.wait_for("What would you like to do together?", timeout=START_TIMEOUT)
        tui.send("w")
        tui.wait_for("Solve it together")
        tui.send("f")
        write(tui, "What was it about", "the [b]wait[/b]")
        tui.wait_for("Is now a good time for both of you?")
        tui.send("C-s")
        write(tui, "Ana, how did you feel during the fight?", "hurt [/] 😢")
        write(tui, "Ben, how did you feel during the fight?", "sad")
        tui.wait_for("Ana, what was it like for you?")
        assert "hurt [/] 😢" in tui.screen()  # both feelings side by side, literally
        tui.send("C-t")
        tui.wait_for("Taking a break")
        tui.wait_for("Ana telling their reality")
        tui.send("Escape")
        tui.wait_for("Solve it together")
        tui.send("C-q")
        assert tui.exit_code() == 0
    with Store.open(data_dir, read_only=True) as store:
        (record,) = store.all(AfterFight)
    assert record.topic == "the [b]wait[/b]" and record.status == "on_break"
    assert [s.feelings for s in record.sides] == ["hurt [/] 😢", "sad"]

    with start(data_dir) as tui:
        tui.wait_for("What would you like to do together?", timeout=START_TIMEOUT)
        tui.send("w")
        tui.wait_for("Solve it together")
        tui.send("f")
        tui.wait_for("Set it aside")
        tui.send("Escape")  # carry on
        tui.wait_for("Taking a break")
        tui.send("C-r")
        tui.wait_for("Ana, what was it like for you?")
        tui.send("C-q")
        assert tui.exit_code() == 0
