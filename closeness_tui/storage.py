"""Private, durable bytes on disk: the data folder, its lock, and the one way a file is written.

No Textual and no TinyDB here.
- The data folder is 0700 and every file in it 0600 (`ensure_private_dir`).
- One writer per folder: `FolderLock` takes `fcntl.flock` on an O_NOFOLLOW 0600 lock file
  (filelock, imported only where there is no fcntl).
- `atomic_write`: a temp file in the same folder (mkstemp: 0600), fsync, `os.replace`, fsync
  the folder. A SIGKILL at any instant leaves the old file or the new one, whole.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600
LOCK_FILE = ".closeness.lock"


class FolderNotOurs(PermissionError):
    """The data folder belongs to another user of this computer."""


class LockHeld(Exception):
    """Another copy of closeness holds the folder's lock."""


class NotConfirmed(OSError):
    """The new file is in place but fsyncing its folder failed: the rename may not survive a
    power cut. Raised after `os.replace`, so the new bytes are what a reader sees."""


def ensure_private_dir(directory: Path) -> list[str]:
    """Create `directory` if needed and make it and its files private to this user.

    Returns what was open to others and is now closed ("the data folder (drwxrwxrwx)",
    "closeness.json (-rw-rw-rw-)"), for the app to tell the couple. FolderNotOurs when the
    folder belongs to someone else (it cannot be made private by us)."""
    directory.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    info = directory.stat()
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise FolderNotOurs(f"{directory} belongs to another user")
    repaired = []
    if stat.S_IMODE(info.st_mode) != DIR_MODE:
        if info.st_mode & 0o077:
            repaired.append(f"the data folder ({stat.filemode(info.st_mode)})")
        directory.chmod(DIR_MODE)
    for entry in directory.iterdir():
        with contextlib.suppress(OSError):
            mode = entry.lstat().st_mode
            if stat.S_ISREG(mode) and stat.S_IMODE(mode) != FILE_MODE:
                if mode & 0o077:
                    repaired.append(f"{entry.name} ({stat.filemode(mode)})")
                entry.chmod(FILE_MODE)
    return repaired


class FolderLock:
    """The one-writer lock of a data folder (LockHeld if taken), held until `release()` or
    the process ends."""

    def __init__(self, directory: Path) -> None:
        self._release: Callable[[], None]
        path = directory / LOCK_FILE
        try:
            import fcntl
        except ImportError:  # not POSIX: the filelock library does the same job
            from filelock import FileLock, Timeout

            lock = FileLock(str(path), timeout=0, mode=FILE_MODE, thread_local=False)
            try:
                lock.acquire()
            except Timeout:
                raise LockHeld(directory) from None
            self._release = lock.release
            return
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, FILE_MODE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise LockHeld(directory) from None
        except OSError:
            os.close(fd)
            raise
        self._release = lambda: os.close(fd)  # closing the descriptor releases the flock

    def release(self) -> None:
        self._release()
        self._release = lambda: None


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data`, private (0600, from mkstemp, whatever was there before), so
    that a crash leaves the old or the new file whole. Any OSError but NotConfirmed: the old
    file is untouched."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    try:
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError as exc:
        raise NotConfirmed(exc.errno, exc.strerror) from exc


def remove_stray_temps(directory: Path, name: str) -> None:
    """Temp files of `name` left by a write that was killed midway (ours: we hold the lock).
    They never stand in for the data file, but they hold private words, so they go."""
    for entry in directory.glob(f".{name}.*.tmp"):
        with contextlib.suppress(OSError):
            if stat.S_ISREG(entry.lstat().st_mode):
                entry.unlink()
