"""Writing a file a person asked for (backup, journal, calendar) so that it never surprises.
No Textual.

- Never over the data folder's own files: the data file, its `.bak`, the lock, temp files,
  kept copies, a crash report (`is_data_folder_file`, which also asks
  `is_own_file`; symlinks and hard links followed).
- Never over an existing file unless the person said so (`--force`, or yes in a dialog):
  the new file is linked into place, which fails if the name is taken, so even a file that
  appears between the check and the write is not replaced.
- Every failure is an `ExportRefused` whose `message` names the path as the person gave it,
  in plain words: no hidden temp file name, no errno tuple.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from closeness_tui.store import (
    BACKUP_FILE,
    CRASH_FILE,
    DATA_FILE,
    FILE_MODE,
    LOCK_FILE,
    atomic_write,
    write_temp,
)

# Every file the store keeps in its folder starts so: closeness.json, closeness.json.bak,
# closeness.damaged-*.json, closeness.backup-kept-*.json, .closeness.lock, .closeness.json.*.tmp
# (and closeness-crash.txt, which is_own_file names).
_STORE_NAME = re.compile(r"^\.?closeness\.")

Refusal = Literal["ours", "exists", "folder", "failed", "nothing"]


@dataclass
class ExportRefused(Exception):
    """Nothing was written. `kind` says why; `message` says it to a person."""

    kind: Refusal
    message: str

    def __str__(self) -> str:
        return self.message


def is_own_file(directory: Path | str, path: Path | str) -> bool:
    """Whether `path` is one of the data folder's own files (the data, its backup, the lock,
    a temp file of a save, a kept copy, a crash report), which nothing else may write over.
    (The export dialog and command refuse these.)"""
    target = Path(path).expanduser().resolve()
    if target.parent != Path(directory).expanduser().resolve():
        return False
    name = target.name
    return (
        name in (DATA_FILE, BACKUP_FILE, LOCK_FILE, CRASH_FILE)
        or (name.startswith(f".{DATA_FILE}.") and name.endswith(".tmp"))
        or name.startswith(("closeness.damaged-", "closeness.backup-kept-"))
    )


def is_data_folder_file(target: Path, data_dir: Path) -> bool:
    """True if writing `target` could replace one of the store's own files in `data_dir`."""
    with contextlib.suppress(OSError, RuntimeError):
        if is_own_file(data_dir, target):
            return True
    folder = _resolved(data_dir)
    given = Path(target).expanduser()
    for candidate in (given.absolute(), _resolved(given)):
        if _resolved(candidate.parent) == folder and _STORE_NAME.match(candidate.name):
            return True
    with contextlib.suppress(OSError):  # a hard link to one of them, under any name
        if given.exists():
            for entry in folder.iterdir():
                if _STORE_NAME.match(entry.name) and os.path.samefile(given, entry):
                    return True
    return False


def _resolved(path: Path) -> Path:
    try:
        return Path(path).expanduser().resolve()
    except (OSError, RuntimeError):  # a symlink loop: compare as written
        return Path(path).expanduser().absolute()


def check_target(target: Path, data_dir: Path, *, shown: str, force: bool) -> None:
    """Raise ExportRefused if `target` must not be written (before any work is done)."""
    path = Path(target).expanduser()
    if is_data_folder_file(path, data_dir):
        raise ExportRefused(
            "ours",
            f"{shown} is where closeness keeps your data; please choose another file name.",
        )
    if path.is_dir():
        raise ExportRefused("folder", f"{shown} is a folder; please give a file name in it.")
    if not force and os.path.lexists(path):
        raise ExportRefused("exists", f"{shown} already exists, so nothing was written.")


def write_file(target: Path, data: bytes, *, shown: str, force: bool) -> Path:
    """Write `data` to `target` privately (0600) and atomically; replace an existing file
    only with `force`. Returns the path written; ExportRefused in plain words otherwise."""
    path = Path(target).expanduser()
    try:
        if force:
            atomic_write(path, data)
        else:
            _write_new(path, data, shown)
        path.chmod(FILE_MODE)
    except ExportRefused:
        raise
    except OSError as exc:
        raise ExportRefused("failed", plain_error(exc, shown)) from None
    return path


def _write_new(path: Path, data: bytes, shown: str) -> None:
    """Write a temp file beside `path`, then give it the name only if the name is free."""
    tmp = write_temp(path, data)
    try:
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise ExportRefused(
                "exists", f"{shown} already exists, so nothing was written."
            ) from None
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
                raise
            if os.path.lexists(path):  # a file system without hard links
                raise ExportRefused(
                    "exists", f"{shown} already exists, so nothing was written."
                ) from None
            os.replace(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def plain_error(exc: OSError, shown: str) -> str:
    """Why `shown` could not be written, in words a person reads (never a temp file name)."""
    folder = os.path.dirname(shown) or "this folder"
    code = exc.errno
    if isinstance(exc, FileNotFoundError):
        return f"the folder {folder} does not exist; please create it or choose another place."
    if isinstance(exc, IsADirectoryError):
        return f"{shown} is a folder; please give a file name in it."
    if isinstance(exc, NotADirectoryError):
        return f"part of {shown} is a file, not a folder; please check the path."
    if code == errno.EROFS:
        return f"{folder} is on a disk that can only be read; please choose another place."
    if isinstance(exc, PermissionError):
        return f"closeness may not write in {folder}; please choose a folder you can write to."
    if code in (errno.ENOSPC, errno.EDQUOT):
        return f"there is not enough space on the disk for {shown}."
    if code == errno.ENAMETOOLONG:
        return f"the name {shown} is too long; please choose a shorter one."
    reason = (exc.strerror or "an unexpected error").rstrip(".").lower()
    return f"{shown} could not be written ({reason})."
