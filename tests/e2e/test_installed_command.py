"""The installed `closeness` command in a real terminal (tmux, 80x24): first run to Home,
then ctrl+q quits cleanly and gives the terminal back."""

from __future__ import annotations

import pytest
from e2e_helpers import complete_first_run, needs_tmux, start

from closeness_tui.store import Store

pytestmark = [pytest.mark.e2e, needs_tmux]


def test_first_run_reaches_home_and_ctrl_q_quits_cleanly(tmp_path):
    data_dir = tmp_path / "data"
    with start(data_dir) as tui:
        complete_first_run(tui, "Ana", "Ben")
        screen = tui.screen()
        assert "What would you like to do together?" in screen
        assert "Settings" in screen
        assert tui.display("#{alternate_on}") == "1"  # the app holds the screen
        tui.send("C-q")
        assert tui.exit_code() == 0
        # The terminal is given back: main screen, no mouse reporting, a visible cursor.
        assert tui.display("#{alternate_on}") == "0"
        assert tui.display("#{mouse_any_flag}") == "0"
        assert tui.display("#{cursor_flag}") == "1"
        assert "Traceback" not in tui.screen()
    with Store.open(data_dir, read_only=True) as store:
        assert store.settings().names == ("Ana", "Ben")
    assert (data_dir.stat().st_mode & 0o777) == 0o700
    assert ((data_dir / "closeness.json").stat().st_mode & 0o777) == 0o600


def test_second_start_opens_on_home_with_the_names(tmp_path):
    data_dir = tmp_path / "data"
    with start(data_dir) as tui:
        complete_first_run(tui, "Zoë", "Noa")
        tui.send("C-q")
        assert tui.exit_code() == 0
    with start(data_dir, cols=120, rows=40) as tui:
        tui.wait_for("Hello, Zoë and Noa", timeout=60)
        tui.send("C-q")
        assert tui.exit_code() == 0


def test_a_second_copy_in_another_terminal_says_so_and_changes_nothing(tmp_path):
    """The lock is taken just after the first frame: the second copy's own screen says
    another window has the data, and not one file changes."""
    data_dir = tmp_path / "data"
    with start(data_dir) as first:
        complete_first_run(first, "Ana", "Ben")
        first.wait_for("What would you like to do together?", timeout=60)
        files = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
        with start(data_dir) as second:
            second.wait_for("closeness is already open", timeout=60)
            assert "What would you like to do together?" not in second.screen()
            second.send("Enter")  # Quit
            assert second.exit_code() == 0
        assert {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()} == files
        first.send("C-q")
        assert first.exit_code() == 0
