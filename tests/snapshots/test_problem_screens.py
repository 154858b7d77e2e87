"""Snapshots of the screens shown when the data cannot be used as it is, at 80x24.

The data folder is a long path relative to a temporary working directory, so the picture
is the same on every machine and shows how a long path wraps inside the box.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_app, seed_names

from closeness_tui.store import DATA_FILE, Store

LONG_DIR = Path("home/ana-and-ben/.local/share/closeness-with-a-long-folder-name/our data")


@pytest.fixture
def rel_data_dir(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return LONG_DIR


async def _settle(pilot) -> None:
    await pilot.pause()


def test_damaged_file_with_a_backup(snap_compare, rel_data_dir, clock):
    """A rounded warning box, centred: the bold title "Your data file needs attention";
    "The data file is not readable JSON; it may have been cut short (...)"; "The file:"
    and the long relative path wrapped over two lines, nothing cut off; the reassurance
    that nothing was changed, and what each choice does with each file (restoring keeps
    this file as closeness.damaged-(date).json; starting fresh keeps it so and the backup
    as closeness.backup-kept-(date).json); then three one-line buttons, "Restore the last good
    backup" (focused, primary), "Keep it aside and start fresh" (warning), "Quit". The
    box's bottom border and the footer (q Quit, ^q Quit, f1 Help, ^p palette) are whole."""
    seed_names(rel_data_dir)
    with Store.open(rel_data_dir):  # a second open writes the backup
        pass
    (rel_data_dir / DATA_FILE).write_bytes(b'{"_meta": {"1": {"app": "closeness", "sch')
    assert snap_compare(build_app(rel_data_dir, clock), terminal_size=(80, 24), run_before=_settle)


def test_damaged_file_without_a_backup(snap_compare, rel_data_dir, clock):
    """The same box for a file that is valid JSON but not closeness data (a list): the
    detail reads "The data file does not hold closeness data."; the wrapped path and the
    reassurance follow, with "Starting fresh keeps this file as
    closeness.damaged-(date).json." (no backup to keep); a muted line "There is no backup
    yet." sits above just two buttons, "Keep it aside and start fresh" (focused) and
    "Quit". No restore button."""
    rel_data_dir.mkdir(parents=True)
    (rel_data_dir / DATA_FILE).write_bytes(b"[1, 2, 3]")
    assert snap_compare(build_app(rel_data_dir, clock), terminal_size=(80, 24), run_before=_settle)


def test_second_copy_is_locked_out(snap_compare, rel_data_dir, clock):
    """A rounded box, centred: the bold title "closeness is already open", three lines
    explaining that only one copy can change the data at a time and suggesting to switch
    to the other window, "Data folder:" with the long relative path wrapped, and one
    focused "Quit" button. Footer whole; nothing clipped."""
    seed_names(rel_data_dir)
    with Store.open(rel_data_dir):
        assert snap_compare(
            build_app(rel_data_dir, clock), terminal_size=(80, 24), run_before=_settle
        )
