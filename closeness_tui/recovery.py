"""After a damaged file: keep it (and its backup) aside, or put the last good backup back.

Used by the damaged-file screen. Nothing here deletes a byte: a file moved aside keeps a
second, timestamped name in the data folder first. Each step holds the folder's lock, so
another copy of closeness that has the folder open is never written under (StoreLocked).
No Textual, no TinyDB.
"""

from __future__ import annotations

import itertools
import os
from datetime import datetime
from pathlib import Path

from closeness_tui.store import (
    BACKUP_FILE,
    DATA_FILE,
    FolderLock,
    StoreDamaged,
    atomic_write,
    parse_document,
)


def _keep_copy(path: Path, label: str, now: datetime) -> Path:
    """A second, timestamped name for `path` (a hard link, so no bytes are rewritten; a copy
    where there are no hard links); never replaces an existing file."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    for n in itertools.count(1):
        target = path.with_name(f"closeness.{label}-{stamp}{'' if n == 1 else f'-{n}'}.json")
        try:
            os.link(path, target)
        except FileExistsError:
            continue
        except OSError:
            if target.exists():
                continue
            atomic_write(target, path.read_bytes())
        return target
    raise AssertionError("unreachable")


def set_aside(path: Path, now: datetime) -> tuple[Path | None, Path | None]:
    """Move a damaged (or missing) data file to a timestamped name, and the backup too (a
    fresh start would replace it at the next open). Returns where each was kept (None: there
    was none). Nothing is deleted. StoreLocked if another copy of closeness holds the folder."""
    backup = path.with_name(BACKUP_FILE)
    with FolderLock(path.parent):
        kept_backup = _keep_copy(backup, "backup-kept", now) if backup.exists() else None
        target = _keep_copy(path, "damaged", now) if path.exists() else None
        path.unlink(missing_ok=True)
        backup.unlink(missing_ok=True)
    return target, kept_backup


def backup_status(directory: Path) -> str | None:
    """None if a usable backup exists, else a short reason."""
    path = directory / BACKUP_FILE
    try:
        parse_document(path.read_bytes(), path)
    except FileNotFoundError:
        return "There is no backup yet."
    except OSError as exc:
        return f"The backup cannot be read ({exc.strerror or type(exc).__name__})."
    except StoreDamaged as exc:
        return f"The backup cannot be used either: {exc.detail}"
    return None


def restore_backup(directory: Path, now: datetime) -> Path:
    """Keep the damaged file aside and put the last good backup in its place (checked first:
    StoreDamaged naming the backup if it is no good). Returns where the damaged file was kept
    (or the backup's path when there was no data file). The backup itself stays."""
    backup = directory / BACKUP_FILE
    with FolderLock(directory):
        raw = backup.read_bytes()
        parse_document(raw, backup)
        data_file = directory / DATA_FILE
        aside = _keep_copy(data_file, "damaged", now) if data_file.exists() else None
        atomic_write(data_file, raw)
    return aside or backup
