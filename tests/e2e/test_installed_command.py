"""The installed `closeness` command in a real terminal (tmux, 80x24): first run to Home,
then ctrl+q quits cleanly and gives the terminal back."""

from __future__ import annotations

import time

import pytest
from conftest import seed_names
from e2e_helpers import START_TIMEOUT, STEP_TIMEOUT, complete_first_run, needs_tmux, start

from closeness_tui.store import BACKUP_FILE, Store

pytestmark = [pytest.mark.e2e, needs_tmux]


def test_first_run_reaches_home_ctrl_q_quits_cleanly_and_the_next_start_opens_on_home(tmp_path):
    data_dir = tmp_path / "data"
    with start(data_dir) as tui:
        complete_first_run(tui, "Zoë", "Noa")
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
        assert store.settings().names == ("Zoë", "Noa")
    assert (data_dir.stat().st_mode & 0o777) == 0o700
    assert ((data_dir / "closeness.json").stat().st_mode & 0o777) == 0o600
    # The second start, in a bigger terminal, opens on Home with the names.
    with start(data_dir, cols=120, rows=40) as tui:
        tui.wait_for("Hello, Zoë and Noa", timeout=START_TIMEOUT)
        tui.send("C-q")
        assert tui.exit_code() == 0


def test_a_second_copy_in_another_terminal_says_so_and_changes_nothing(tmp_path):
    """The lock is taken just after the first frame: the second copy's own screen says
    another window has the data, and not one file changes."""
    data_dir = tmp_path / "data"
    seed_names(data_dir)
    with start(data_dir) as first:
        first.wait_for("What would you like to do together?", timeout=START_TIMEOUT)
        # The first copy keeps the file as opened (.bak) on a worker after its first frame:
        # once that is written, it writes nothing more until something changes.
        backup = data_dir / BACKUP_FILE
        deadline = time.monotonic() + STEP_TIMEOUT
        while not backup.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        files = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
        with start(data_dir) as second:
            second.wait_for("closeness is already open", timeout=START_TIMEOUT)
            assert "What would you like to do together?" not in second.screen()
            second.wait_for_focused("Quit")  # focused just after the first frame
            second.send("Enter")
            assert second.exit_code() == 0
        assert {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()} == files
        first.send("C-q")
        assert first.exit_code() == 0
