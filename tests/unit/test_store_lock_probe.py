"""The unlocked first read (the app's fast start) still says "already open" before reading
anything when another copy holds the lock: nothing private is drawn first (issue 17)."""

from __future__ import annotations

import fcntl
import os

import pytest

from closeness_tui.store import LOCK_FILE, Store, StoreLocked, _held_elsewhere


def seed(data_dir) -> None:
    with Store.open(data_dir) as store:
        settings = store.settings()
        settings.partner_a, settings.partner_b = "Ana", "Ben"
        store.save_settings(settings)


@pytest.mark.parametrize(
    ("lock_file", "held", "expected"),
    [
        (False, None, False),  # no lock file yet
        (True, None, False),  # a lock file nobody holds
        (True, fcntl.LOCK_EX, True),  # an open closeness
        (True, fcntl.LOCK_SH, False),  # another probe at the same moment
    ],
)
def test_probe(tmp_path, lock_file, held, expected):
    tmp_path.chmod(0o700)
    path = tmp_path / LOCK_FILE
    fd = None
    if lock_file:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        if held is not None:
            fcntl.flock(fd, held | fcntl.LOCK_NB)
    try:
        assert _held_elsewhere(tmp_path) is expected
    finally:
        if fd is not None:
            os.close(fd)


def test_probe_ignores_a_symlinked_lock_file(tmp_path):
    target = tmp_path / "elsewhere"
    target.write_text("")
    (tmp_path / LOCK_FILE).symlink_to(target)
    fd = os.open(target, os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    try:
        assert _held_elsewhere(tmp_path) is False  # O_NOFOLLOW: not ours to trust
    finally:
        os.close(fd)


def test_fast_open_says_locked_while_another_copy_is_open(data_dir):
    seed(data_dir)
    holder = Store.open(data_dir)
    try:
        with pytest.raises(StoreLocked):
            Store.open(data_dir, defer_checks=True, defer_lock=True)
    finally:
        holder.close()
    store = Store.open(data_dir, defer_checks=True, defer_lock=True)  # free again
    try:
        assert store.settings().names == ("Ana", "Ben")
    finally:
        store.close()
