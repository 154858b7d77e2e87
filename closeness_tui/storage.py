"""Durable, private bytes on disk, and the TinyDB Storage that uses them.

No Textual here. The rules:
- the data directory is 0700 and every file in it 0600 (checked and fixed on each start);
- a write serialises the whole database, writes a temp file in the same directory
  (mkstemp creates it 0600), fsyncs it, `os.replace`s it over the old file and fsyncs the
  directory: a SIGKILL at any instant leaves either the old file or the new one, whole;
- after one read the data lives in memory; TinyDB's read() never touches the disk again.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

import msgspec
from tinydb.storages import Storage

DIR_MODE = 0o700
FILE_MODE = 0o600

_encoder = msgspec.json.Encoder()


def ensure_private_dir(directory: Path) -> None:
    """Create the data directory if needed and make it and its files private."""
    directory.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    if stat.S_IMODE(directory.stat().st_mode) != DIR_MODE:
        directory.chmod(DIR_MODE)
    for entry in directory.iterdir():
        with contextlib.suppress(OSError):
            if entry.is_file() and not entry.is_symlink():
                if stat.S_IMODE(entry.stat().st_mode) != FILE_MODE:
                    entry.chmod(FILE_MODE)


class NotConfirmed(OSError):
    """The new file is in place but fsyncing its directory failed: the rename may not
    survive a power cut. Raised after `os.replace`, so the new bytes are what a reader sees."""


def atomic_write(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Replace `path` with `data` so that a crash leaves the old or the new file whole.

    Any OSError other than NotConfirmed means the old file is untouched."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            if durable:
                os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if durable:
        try:
            dir_fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        except OSError as exc:
            raise NotConfirmed(exc.errno, exc.strerror) from exc


def encode(data: Any) -> bytes:
    return _encoder.encode(data)


class AtomicJSONStorage(Storage):
    """A TinyDB storage that keeps the data in memory and writes it atomically."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = Path(path)
        self._data = data
        self.writes = 0

    def read(self) -> dict[str, Any]:
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        payload = encode(data)
        atomic_write(self.path, payload)
        self._data = data
        self.writes += 1

    def close(self) -> None:
        pass
