"""Export files: never over the data folder's own files, never over an existing file
without being told, and every failure in plain words naming the path given."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
from pathlib import Path

import pytest

from closeness_tui.exports import (
    ExportRefused,
    check_target,
    is_data_folder_file,
    plain_error,
    write_file,
)
from closeness_tui.store import BACKUP_FILE, CRASH_FILE, DATA_FILE, LOCK_FILE, Store

STORE_NAMES = [
    DATA_FILE,
    BACKUP_FILE,
    LOCK_FILE,
    ".closeness.json.k2j3h4.tmp",
    ".closeness.json.bak.x1.tmp",
    CRASH_FILE,
    "closeness.backup-kept-20261121-193000.json",
    "closeness.damaged-20261121-193000.json",
]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    Store.open(folder).close()
    return folder


@pytest.mark.parametrize("name", STORE_NAMES)
def test_each_name_the_store_uses_is_refused(data_dir, name):
    assert is_data_folder_file(data_dir / name, data_dir)


@pytest.mark.parametrize(
    ("where", "ours"),
    [
        (lambda d: d / "my-backup.json", False),  # another name in the data folder is fine
        (lambda d: d.parent / DATA_FILE, False),  # the same name elsewhere is fine
        (lambda d: d / "sub" / ".." / DATA_FILE, True),
        (lambda d: d.parent / "data" / "." / BACKUP_FILE, True),
    ],
    ids=["other-name", "other-folder", "dot-dot", "dot"],
)
def test_paths_are_compared_after_resolving(data_dir, where, ours):
    (data_dir / "sub").mkdir(exist_ok=True)
    assert is_data_folder_file(where(data_dir), data_dir) is ours


def test_a_symlink_to_the_data_file_is_refused(data_dir, tmp_path):
    link = tmp_path / "innocent.json"
    link.symlink_to(data_dir / DATA_FILE)
    assert is_data_folder_file(link, data_dir)


def test_a_symlinked_data_folder_is_seen_through(data_dir, tmp_path):
    alias = tmp_path / "alias"
    alias.symlink_to(data_dir)
    assert is_data_folder_file(alias / DATA_FILE, data_dir)
    assert is_data_folder_file(data_dir / DATA_FILE, alias)


def test_a_hard_link_to_the_data_file_is_refused(data_dir, tmp_path):
    other = tmp_path / "elsewhere.json"
    os.link(data_dir / DATA_FILE, other)
    assert is_data_folder_file(other, data_dir)


def test_a_home_relative_path_is_expanded(data_dir, monkeypatch):
    monkeypatch.setenv("HOME", str(data_dir.parent))
    assert is_data_folder_file(Path("~/data") / DATA_FILE, data_dir)


@pytest.mark.parametrize(
    ("exists", "force", "refusal"),
    [(False, False, None), (True, False, "exists"), (True, True, None), (False, True, None)],
)
def test_check_target(tmp_path, exists, force, refusal):
    out = tmp_path / "out.ics"
    if exists:
        out.write_text("old")
    if refusal is None:
        check_target(out, tmp_path / "data", shown="out.ics", force=force)
    else:
        with pytest.raises(ExportRefused) as raised:
            check_target(out, tmp_path / "data", shown="out.ics", force=force)
        assert raised.value.kind == refusal
        assert "out.ics already exists" in raised.value.message


def test_check_target_refuses_a_folder_and_the_data_file(data_dir, tmp_path):
    with pytest.raises(ExportRefused) as raised:
        check_target(tmp_path, data_dir, shown="~/here", force=True)
    assert raised.value.kind == "folder" and "~/here is a folder" in str(raised.value)
    with pytest.raises(ExportRefused) as raised:
        check_target(data_dir / DATA_FILE, data_dir, shown="x", force=True)
    assert raised.value.kind == "ours"


def test_write_file_writes_a_new_private_file(tmp_path):
    out = tmp_path / "new.md"
    assert write_file(out, b"words", shown="new.md", force=False) == out
    assert out.read_bytes() == b"words"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.md"]  # no temp left


def test_write_file_keeps_an_existing_file_without_force(tmp_path):
    out = tmp_path / "old.md"
    out.write_bytes(b"last week")
    with pytest.raises(ExportRefused) as raised:
        write_file(out, b"new", shown="old.md", force=False)
    assert raised.value.kind == "exists"
    assert out.read_bytes() == b"last week"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.md"]


def test_write_file_replaces_with_force(tmp_path):
    out = tmp_path / "old.md"
    out.write_bytes(b"last week")
    out.chmod(0o644)
    write_file(out, b"new", shown="old.md", force=True)
    assert out.read_bytes() == b"new"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_missing_folder_is_named_as_given(tmp_path):
    given = str(tmp_path / "nowhere" / "x.json")
    with pytest.raises(ExportRefused) as raised:
        write_file(Path(given), b"{}", shown=given, force=False)
    message = raised.value.message
    assert raised.value.kind == "failed"
    assert f"the folder {tmp_path / 'nowhere'} does not exist" in message
    assert ".tmp" not in message and "Errno" not in message


@pytest.fixture
def read_only_folder(tmp_path: Path):
    """A folder no one may write in: 0500, and immutable when the tests run as root."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    immutable = False
    if os.geteuid() == 0:
        immutable = (
            subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
        )
        if not immutable:
            pytest.skip("running as root without chattr: a read-only folder cannot be made")
    yield folder
    if immutable:
        subprocess.run(["chattr", "-i", str(folder)], check=True)
    folder.chmod(0o700)


def test_a_read_only_folder_is_named_in_plain_words(read_only_folder):
    given = str(read_only_folder / "x.json")
    with pytest.raises(ExportRefused) as raised:
        write_file(Path(given), b"{}", shown=given, force=True)
    message = raised.value.message
    assert f"closeness may not write in {read_only_folder}" in message
    assert ".tmp" not in message and "Errno" not in message
    assert list(read_only_folder.iterdir()) == []


TEMP = "/home/x/.out.json.q1w2e3.tmp"


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (FileNotFoundError(errno.ENOENT, "No such file or directory", TEMP), "does not exist"),
        (PermissionError(errno.EACCES, "Permission denied", TEMP), "may not write in out"),
        (PermissionError(errno.EPERM, "Operation not permitted", TEMP), "may not write in"),
        (OSError(errno.EROFS, "Read-only file system", TEMP), "can only be read"),
        (OSError(errno.ENOSPC, "No space left on device", TEMP), "not enough space"),
        (OSError(errno.EDQUOT, "Disk quota exceeded", TEMP), "not enough space"),
        (IsADirectoryError(errno.EISDIR, "Is a directory", TEMP), "is a folder"),
        (NotADirectoryError(errno.ENOTDIR, "Not a directory", TEMP), "is a file, not a folder"),
        (OSError(errno.ENAMETOOLONG, "File name too long", TEMP), "too long"),
        (OSError(errno.EIO, "Input/output error", TEMP), "could not be written (input/output"),
        (OSError("no errno at all"), "could not be written (an unexpected error)"),
    ],
)
def test_plain_error(error, words):
    message = plain_error(error, "out/x.json")
    assert words in message
    assert "out" in message  # the folder or the file, as given
    assert ".tmp" not in message and "Errno" not in message and "q1w2e3" not in message
