"""The installed `closeness` in a real terminal (tmux, 80x24): start a listening session, see
the big countdown with both names, take a break, quit, start again and carry on."""

from __future__ import annotations

import pytest
from conftest import seed_names
from e2e_helpers import START_TIMEOUT, needs_tmux, start

pytestmark = [pytest.mark.e2e, needs_tmux]


def test_session_break_and_carry_on_in_a_real_terminal(tmp_path):
    data = tmp_path / "data"
    seed_names(data, "Ana", "Ben")
    with start(data) as term:
        term.wait_for("Hello, Ana and Ben", timeout=START_TIMEOUT)
        term.send("l")
        term.wait_for("Who speaks first?")
        term.send("C-s")
        term.wait_for("Is now a good time for both of you?")
        term.send("C-s")
        screen = term.wait_for("Ana speaks")
        assert "Ben listens" in screen and "Ana, you have the floor" in screen
        assert any("┏━" in line and "┓" in line for line in screen.splitlines())  # big digits
        term.send("C-t")
        term.wait_for("Taking a break")
        term.send("Escape")
        term.wait_for("A listening session is waiting for you: Ana speaking")
        term.send("C-q")
        assert term.exit_code() == 0

    with start(data) as term:
        term.wait_for("A listening session is waiting for you", timeout=START_TIMEOUT)
        term.send("l")
        term.wait_for("Carry on")
        term.wait_for_focused("Carry on")  # the calm default, focused after the first frame
        term.send("Enter")
        term.wait_for("You stopped at: Ana speaking")
        term.send("C-r")
        term.wait_for("Ana speaks")
        screen = term.wait_for("Paused. Press space")
        assert "Taking a break" not in screen
        for line in screen.splitlines():
            assert len(line) <= 80
