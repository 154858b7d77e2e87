"""Reading a file on another core while the app's libraries load.

`closeness` asks for its data file to be read before it imports Textual (about 0.2 s of
work for one core). Reading ten years of data is mostly the kernel copying pages (5-10 ms in
a new process); in a thread that happens on the second core, and the store takes the bytes
when it opens. The store opens with these bytes only as it would with any read made before
the lock (Store.open(defer_lock=True)): they are proved against a read under the lock
(Store.confirm_lock), so a read that is stale by then is caught, never used.

The thread makes only a plain `open` and `read`: it imports nothing, so it never waits on
the main thread's imports. No Textual here.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

_reads: dict[str, _Read] = {}


class _Read(threading.Thread):
    def __init__(self, path: str) -> None:
        super().__init__(name="closeness-prefetch", daemon=True)
        self.path = path
        self.data: bytes | None = None

    def run(self) -> None:
        try:
            with open(self.path, "rb") as f:
                self.data = f.read()
        except OSError:  # missing, unreadable: the store reads it itself and says why
            self.data = None


def start(path: Path) -> None:
    """Begin reading `path` in the background (once per path until it is taken)."""
    key = os.fspath(path)
    if key not in _reads:
        read = _reads[key] = _Read(key)
        read.start()


def take(path: Path) -> bytes | None:
    """The bytes read for `path` (waiting for the read to finish), or None if it was not
    asked for or could not be read. A read is handed out once."""
    read = _reads.pop(os.fspath(path), None)
    if read is None:
        return None
    read.join()
    return read.data
