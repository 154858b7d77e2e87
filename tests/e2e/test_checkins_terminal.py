"""A new couple, in a real terminal (tmux, 80x24, the installed `closeness` command): a
gratitude exchange, then the journal shows it, then the Markdown export holds it."""

from __future__ import annotations

import subprocess

import pytest
from conftest import seed_names
from e2e_helpers import FOCUS_EDGE, START_TIMEOUT, installed_closeness, needs_tmux, start

pytestmark = [pytest.mark.e2e, needs_tmux]
PLACEHOLDER = "For example: You made me tea"  # in each empty gratitude box


def test_gratitude_exchange_then_journal_then_export(data_dir, tmp_path):
    seed_names(data_dir, "Ana", "Ben")
    with start(data_dir) as term:
        term.wait_for("Cards and knowing each other", timeout=START_TIMEOUT)
        term.send("c")
        term.wait_for("Gratitude exchange")
        term.send("g")
        term.wait_for("Ben, please look away")
        term.wait_for_focus(PLACEHOLDER, FOCUS_EDGE)  # Ana's box has the focus
        term.type("You made tea [twice] when I came home tired")
        term.wait_for("when I came home tired")  # every letter in before ctrl+s
        term.send("C-s")
        screen = term.wait_for("Ana, please look away")
        assert "You made tea" not in screen
        term.wait_for_focus(PLACEHOLDER, FOCUS_EDGE)  # Ben's box, empty, has the focus
        term.type("You laughed at my joke, and it made me feel seen")
        term.wait_for("made me feel seen")
        term.send("C-s")
        term.wait_for("What you appreciated today")
        screen = term.wait_for("Ben appreciated")
        assert "You made tea [twice]" in screen  # the panel wraps the rest
        term.send("Enter")
        term.wait_for("Last time:")
        term.send("Escape")
        term.wait_for("Cards and knowing each other")
        term.send("j")
        term.wait_for("Showing everything")  # the journal (Home names the exchange too)
        screen = term.wait_for("Gratitude exchange")
        assert "You made tea [twice]" in screen
        term.send("C-q")
        assert term.exit_code() == 0
    out = tmp_path / "journal.md"
    done = subprocess.run(
        [str(installed_closeness()), "--data-dir", str(data_dir), "export", "--markdown", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    text = out.read_text("utf-8")
    assert "> You made tea \\[twice\\] when I came home tired" in text
    assert "> You laughed at my joke, and it made me feel seen" in text
