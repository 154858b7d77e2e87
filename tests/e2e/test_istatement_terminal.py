"""The installed `closeness` in a real terminal (tmux, 80x24): a partner starts from "You never
listen to me!" and ends with an I-statement saved in their library, read back from disk."""

from __future__ import annotations

import pytest
from conftest import seed_names
from e2e_helpers import FOCUS_EDGE, START_TIMEOUT, needs_tmux, start
from tui import Tui

from closeness_tui.istatement import review
from closeness_tui.models import Statement
from closeness_tui.store import Store

pytestmark = [pytest.mark.e2e, needs_tmux]


COMPLAINT_BOX = "For example: You never"  # the empty complaint box's placeholder


def write_a_complaint(tui: Tui, complaint: str) -> str:
    """Home -> I-statements -> a complaint typed; the screen once it is coached."""
    tui.wait_for("Hello, Ana and Ben", timeout=START_TIMEOUT)
    tui.send("i")
    tui.wait_for("Start from a complaint")
    tui.send("c")
    tui.wait_for("Nobody else")
    tui.wait_for_focus(COMPLAINT_BOX, FOCUS_EDGE)  # the box has the focus: letters go there
    tui.type(complaint)
    return tui.wait_for("Feelings that may be underneath")


def build_from_it(tui: Tui, guess: str) -> None:
    """The builder, its situation guessed from the complaint; the feeling box focused."""
    tui.send("C-b")
    tui.wait_for(guess)
    tui.wait_for_focused("Ana", FOCUS_EDGE)  # whose words: focused after the first frame
    tui.send("Enter", "Tab")  # Ana's words; then the feeling box (both bindings, in order)
    tui.wait_for("suggested")  # its list shows once the box has the focus: letters go there


def test_from_you_never_to_a_saved_i_statement_in_a_real_terminal(tmp_path):
    data = tmp_path / "data"
    seed_names(data, "Ana", "Ben")
    with start(data) as tui:
        write_a_complaint(tui, "You never listen to me!")
        build_from_it(tui, "you don't listen to me")
        tui.send("Tab", "Enter")  # the list: the first suggestion
        # The pick moves the focus to the situation box in the same handler that fills the
        # feeling, before the sentence is redrawn: once it shows, the keys go there.
        tui.wait_for("feel lonely.")
        tui.send("Home", "C-k")  # clear the first-guess situation
        tui.wait_for_cursor_on("What a camera would have seen")  # empty, still focused
        tui.type("I told you about my day and you looked at your phone")
        tui.wait_for("looked at your phone")
        tui.send("Tab")  # on to the need box: its list shows while it has the focus
        tui.wait_for("suggested")
        tui.type("to be heard")
        tui.wait_for("need to be")
        tui.send("Tab")  # into the list of needs, shown under the box
        tui.wait_for("connection")  # the list's heading for "to be heard"
        tui.send("Tab")  # on to the request
        # The list hides once the focus has left the need box and its list. (The terminal's
        # cursor is no proof here: the form scrolls after the request box took the focus.)
        tui.wait_gone("suggested")
        tui.type("put the phone away while we talk")
        tui.wait_for("Would you be willing")
        tui.send("C-s")
        tui.wait_for("Saved to Ana's statements.")
        tui.send("Escape")
        tui.wait_for("Nobody else")  # back at the complaint (a lone Esc: one at a time)
        tui.send("Escape")
        tui.wait_for("Saved statements")
        tui.send("l")
        tui.wait_for("you looked at your phone")
        tui.send("C-q")
        assert tui.exit_code() == 0
    with Store.open(data, read_only=True) as store:
        (statement,) = store.all(Statement)
    assert statement.author == 0
    assert statement.text == (
        "When I told you about my day and you looked at your phone, I feel lonely, because I "
        "need to be heard. Would you be willing to put the phone away while we talk?"
    )
    assert review(statement.text) == []
    assert statement.complaint == "You never listen to me!"


def test_a_judgement_in_a_list_and_the_feelings_underneath_in_a_real_terminal(tmp_path):
    """Issue 16 as a partner meets it: both judgement words of a list are coached, the draft's
    situation is the moment alone (no doubled "when"), and "ignored" typed as the feeling
    offers lonely, hurt and sad right there in the list."""
    data = tmp_path / "data"
    seed_names(data, "Ana", "Ben")
    with start(data) as tui:
        screen = write_a_complaint(
            tui, "I feel disrespected and manipulated when you decide without me."
        )
        assert "disrespected" in screen and "manipulated" in screen
        build_from_it(tui, "you decide without me")
        tui.type("ignored")
        tui.wait_for('underneath "ignored"')
        tui.send("Tab", "Enter")  # the first feeling underneath
        tui.wait_for("feel lonely.")
        assert "when when" not in tui.screen().replace("\n", " ")
        tui.send("C-s")
        tui.wait_for("Saved to Ana's statements.")
        tui.send("C-q")
        assert tui.exit_code() == 0
    with Store.open(data, read_only=True) as store:
        (statement,) = store.all(Statement)
    assert statement.feeling == "lonely"
    assert statement.situation == "you decide without me"
    assert statement.text.startswith("When you decide without me, I feel lonely")
