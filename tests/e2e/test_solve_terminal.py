"""Solve it together in a real terminal (tmux, 60x20, the installed `closeness` command):
the problem, what each cannot give up and where they can bend, ideas; the terminal closed
mid-way; Home then says the talk is waiting, and it carries on through the marks to a
trial, all on disk."""

from __future__ import annotations

import pytest
from conftest import seed_names
from e2e_helpers import BOX_TOP, FOCUS_EDGE, START_TIMEOUT, needs_tmux, start

from closeness_tui.models import Solution
from closeness_tui.store import Store

HOME = "Hello, Ana and Ben"
pytestmark = [pytest.mark.e2e, needs_tmux]


def _write(tui, prompt: str, text: str) -> None:
    """Once the step's box has the focus, type into it and send it. (ctrl+s comes after the
    letters: the box takes letters itself, and the binding reaches the screen after them.)"""
    tui.wait_for(prompt)
    tui.wait_for_focus(BOX_TOP, FOCUS_EDGE)
    tui.type(text)
    tui.send("C-s")


def test_solve_it_together_in_a_small_terminal_with_a_restart(data_dir):
    seed_names(data_dir, "Ana", "Ben")
    with start(data_dir, cols=60, rows=20) as tui:
        tui.wait_for(HOME, timeout=START_TIMEOUT)
        tui.send("w")
        tui.wait_for("Solve it together")
        tui.send("s")
        tui.wait_for("Begin")
        tui.send("C-s")
        _write(tui, "what is the problem", "disagree about [late] evenings.")
        _write(tui, "Ana, what can you not give up?", "Eating together.")
        _write(tui, "Ana, where can you be flexible?", "The time.")
        _write(tui, "Ben, what can you not give up?", "Urgent work.")
        _write(tui, "Ben, where can you be flexible?", "Messages.")
        _write(tui, "ideas, as many as you like", "Eat at eight on late days")
        tui.wait_for("1. Eat at eight")
        _write(tui, "1. Eat at eight", "Text by six")
        tui.wait_for("2. Text by six")
    # The terminal is gone (tmux killed): every confirmed step is already on disk.
    with Store.open(data_dir, read_only=True) as store:
        (record,) = store.all(Solution)
    assert record.problem == "We disagree about [late] evenings."
    assert [i.text for i in record.options] == ["Eat at eight on late days", "Text by six"]

    with start(data_dir, cols=60, rows=20) as tui:
        tui.wait_for("Solving it together is waiting", timeout=START_TIMEOUT)
        assert HOME in tui.screen()  # the line does not push the greeting away
        tui.send("w")
        tui.wait_for("Solve it together")
        tui.send("s")
        tui.wait_for("Set it aside")
        tui.send("Escape")  # carry on
        tui.wait_for("2. Text by six")
        tui.send("C-g")
        for name in ("Ana", "Ben"):
            tui.wait_for(f"{name}, how does each idea sit with you?")
            tui.wait_for("· not marked yet")
            tui.wait_for_focus(BOX_TOP, FOCUS_EDGE)  # the list of ideas takes the marks
            tui.send("w")  # each mark moves on to the next idea
            tui.wait_for("· works for me")
            tui.send("c")
            tui.wait_gone("· not marked yet")
            tui.send("C-s")
        tui.wait_for("which one will you try?")
        tui.wait_for_focus(BOX_TOP, FOCUS_EDGE)  # the ideas to choose from
        tui.send("Enter")
        _write(tui, "Ana, what will you do", "Cook at eight.")
        _write(tui, "Ben, what will you do", "Be home by eight.")
        tui.wait_for("how long will you try it?")
        tui.send("C-s")
        tui.wait_for("Good luck with it")
        tui.send("C-q")
        assert tui.exit_code() == 0
    with Store.open(data_dir, read_only=True) as store:
        (record,) = store.all(Solution)
    assert record.status == "trial"
    assert [i.marks for i in record.options] == [["works", "works"], ["could", "could"]]
    assert record.tries[0].plans == ["Cook at eight.", "Be home by eight."]
