"""The couple's data: one JSON file read into typed records, saved whole and durably; the
only module that writes the data folder's own files. No Textual.

    store = Store.open(data_dir)        # may raise StoreLocked or StoreDamaged
    store.put(record)                   # insert or replace by uuid; on disk when it returns
    store.all(ListeningSession)         # the records themselves, in the file's order

The file is TinyDB's format ({table: {doc id: document}}, a `_meta` table naming the app and
schema version), so TinyDB itself reads it. Open (`Store.open`, then `check`) and save
(`put_many`, `_save`, `atomic_write`) each read top to bottom below. Messages name files,
kinds and fields, never what a partner wrote. The records handed out are the store's own:
change one only to `put` it.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import stat
import tempfile
import threading
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from closeness_tui.migrations import META_TABLE, SCHEMA_VERSION, migrate
from closeness_tui.models import TABLES, Record, Settings

APP_NAME = "closeness"
DATA_FILE = "closeness.json"
BACKUP_FILE = "closeness.json.bak"
LOCK_FILE = ".closeness.lock"
CRASH_FILE = "closeness-crash.txt"  # written only when asked (closeness --crash-report)
DIR_MODE, FILE_MODE = 0o700, 0o600
LATER_OVER = 1_000_000  # bytes: `later` tables smaller than this together are checked at once

R = TypeVar("R", bound=Record)
Tables = dict[str, dict[str, Any]]  # {table: {doc id: record}}; _meta and unknown: plain JSON
Pieces = dict[str, dict[str, msgspec.Raw]]  # {table: {doc id: the record's bytes}}
Top = dict[str, msgspec.Raw]  # {table: its JSON, unread}, in the file's order


class StoreError(Exception):
    """Base of what the store raises for the app to show kindly."""


class StoreLocked(StoreError):
    def __init__(self, directory: Path) -> None:
        super().__init__(f"closeness is already open on {directory}")
        self.directory = directory


class StoreDamaged(StoreError):
    """The data cannot be used as it is. `problem` is a short key, `detail` plain words."""

    def __init__(self, path: Path, problem: str, detail: str) -> None:
        super().__init__(f"{path}: {detail}")
        self.path, self.problem, self.detail = path, problem, detail


class StoreWriteError(StoreError):
    """Saving failed (disk full, permissions). Nothing on disk was damaged."""


class NotConfirmed(OSError):
    """The new file is in place but fsyncing its folder failed: the rename may not survive a
    power cut. Raised after `os.replace`, so the new bytes are what a reader sees."""


def empty_document() -> Tables:
    return {META_TABLE: {"1": {"app": APP_NAME, "schema": SCHEMA_VERSION}}}


class Store:
    """The couple's data. One writable instance per folder; it holds the folder's lock."""

    def __init__(
        self, directory: Path, lock: FolderLock | None, repaired: list[str], backup: bytes | None
    ) -> None:
        self.directory = directory
        self.path = directory / DATA_FILE
        self.read_only = lock is None
        self.repaired = repaired  # what was open to others at open, now private
        self.backup_problem: str | None = None  # why the .bak was not written, if it was not
        self.writes = 0  # saves made (tests count them)
        self._lock = lock
        self._closed = False
        self._tables: Tables = {}
        self._unchecked: tuple[Top, bytes] | None = None  # see check()
        self._later: frozenset[str] = frozenset()  # tables left undecoded for check()
        self._damage: StoreDamaged | None = None
        self._checking = threading.Lock()  # check() and write_backup(), one thread at a time
        self._ids: dict[str, dict[str, str]] = {}  # record id -> doc id, per table (_index)
        self._pieces: Pieces | None = None  # see _file_pieces
        self._backup_raw = backup  # the file as opened, until its .bak is written

    # -- opening: the whole open path -----------------------------------------------------

    @classmethod
    def open(
        cls,
        directory: Path | str,
        *,
        read_only: bool = False,
        later: Collection[type[Record]] = (),
    ) -> Store:
        """Open the data in `directory`: the private folder (0700, files 0600) and its lock,
        read, check everything (JSON, header, version, each field's type, range and
        vocabulary as the models declare them, ids, keys named twice), migrate. StoreLocked
        or StoreDamaged (never written) if it cannot be used. read_only (the export
        command): no lock, no repair, no backup, no writes. `later`: kinds whose tables, if
        over LATER_OVER bytes together, are left to `check()` (the app calls it on a thread
        once its first frame is drawn). The `.bak` is written by `write_backup()`."""
        directory = Path(directory).expanduser()
        path = directory / DATA_FILE
        lock: FolderLock | None = None
        repaired: list[str] = []
        if not read_only:
            try:
                lock, repaired = _take_folder(directory, path)
            except OSError as exc:
                raise _unwritable(path, exc) from None
        try:
            raw = _read(path, first_start_allowed=lock is not None)
            store = cls(directory, lock, repaired, None if lock is None else raw)
            if raw is None:  # the first start: the file exists from now on
                raw = _encoder.encode(empty_document())
                try:
                    atomic_write(path, raw)
                except OSError as exc:
                    raise _unwritable(path, exc) from None
            with _as_damage(path):
                top, raw = _migrated(raw, path)
                put_off = frozenset(t.TABLE for t in later) & top.keys()
                if sum(len(top[name]) for name in put_off) < LATER_OVER:
                    put_off = frozenset()
                store._tables = _decoded(top, raw, path, skip=put_off)
            if put_off:
                store._unchecked, store._later = (top, raw), put_off
            return store
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    def check(self) -> StoreDamaged | None:
        """The rest of opening: decode the tables left for later and check the whole file.
        Returns the damage found, if any: then those tables stay empty here, nothing can be
        saved and no `.bak` is written. Reading such a table waits for this."""
        if self._unchecked is None:  # done (then not waiting for a .bak being written)
            return self._damage
        with self._checking:
            if self._unchecked is not None:
                try:
                    with _as_damage(self.path):
                        self._tables = _decoded(*self._unchecked, self.path, have=self._tables)
                except StoreDamaged as exc:
                    self._damage, self._backup_raw = exc, None
                self._unchecked, self._later = None, frozenset()
        return self._damage

    def write_backup(self) -> str | None:
        """Keep the file as opened (once checked, if it passed) as the `.bak`, once. None if
        it was written (or there was nothing to keep), else why it was not."""
        self.check()
        with self._checking:
            raw, self._backup_raw = self._backup_raw, None
            if raw is not None:
                try:
                    atomic_write(self.directory / BACKUP_FILE, raw)
                except OSError as exc:
                    self.backup_problem = exc.strerror or type(exc).__name__
        return self.backup_problem

    def close(self) -> None:
        self._closed = True
        self.write_backup()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- saving: the whole save path ----------------------------------------------------

    def put(self, record: Record) -> None:
        """Insert or replace `record` by its uuid; on disk (fsynced) when this returns."""
        self.put_many([record])

    def put_many(self, records: Iterable[Record]) -> None:
        """Insert or replace many records in one write (all or none, each checked first); a
        record twice in `records` is stored once, the last one winning."""
        changes: dict[str, dict[str, tuple[Record, msgspec.Raw] | None]] = {}
        for record in records:
            changes.setdefault(record.TABLE, {})[record.id] = (record, _checked(record))
        self._save(changes)

    def delete(self, record_type: type[Record], record_id: str) -> bool:
        """Remove a record and save at once. False if there was no such record."""
        self._writable()
        if record_id not in self._index(record_type.TABLE):
            return False
        self._save({record_type.TABLE: {record_id: None}})
        return True

    def _save(self, changes: dict[str, dict[str, tuple[Record, msgspec.Raw] | None]]) -> None:
        """Put each record (with its bytes) by id, or remove it (None), table by table: on
        disk first (the file is encoded from each record's bytes, see _file_pieces), then in
        memory. StoreWriteError if it failed: then file and memory are as they were."""
        if not changes:
            return
        self._writable()
        tables, pieces, ids = dict(self._tables), dict(self._file_pieces()), dict(self._ids)
        for name, by_id in changes.items():
            table, piece = dict(tables.get(name, {})), dict(pieces.get(name, {}))
            index = dict(self._index(name))
            new_doc_ids = map(str, itertools.count(max(map(int, table), default=0) + 1))
            for record_id, change in by_id.items():  # new documents numbered as TinyDB does
                if change is None:
                    doc_id = index.pop(record_id)
                    del table[doc_id], piece[doc_id]
                else:
                    index[record_id] = doc_id = index.get(record_id) or next(new_doc_ids)
                    table[doc_id], piece[doc_id] = change
            tables[name], pieces[name], ids[name] = table, piece, index
        unconfirmed = None
        try:
            atomic_write(self.path, _encoder.encode(pieces))
        except NotConfirmed as exc:  # in place; only the folder's fsync failed: say so
            unconfirmed = exc
        except OSError as exc:
            raise StoreWriteError(f"Could not save: {exc.strerror or type(exc).__name__}") from exc
        self._tables, self._pieces, self._ids, self.writes = tables, pieces, ids, self.writes + 1
        if unconfirmed is not None:
            message = f"Saved, but the disk did not confirm it ({unconfirmed.strerror})."
            raise StoreWriteError(message) from unconfirmed

    def _file_pieces(self) -> Pieces:
        """The file as each record's bytes, {table: {doc id: msgspec.Raw}}, made at the first
        save (about 35 ms at ten years), so that a save encodes only the records it changes:
        encoding all 7.8 MB on every save took bench/save.py to 1.8x of the floor."""
        if self._pieces is None:
            self._pieces = _split_records.decode(_encoder.encode(self._tables))
        return self._pieces

    def _writable(self) -> None:
        if self._lock is None or self.check() is not None:
            raise StoreWriteError(
                "This copy of closeness is only reading the data."
                if self.read_only
                else "The data was closed; nothing more can be saved from here."
                if self._closed
                else "The data file is damaged; nothing more can be saved from here."
            )

    # -- reading ------------------------------------------------------------------------

    def _table(self, name: str) -> dict[str, Any]:
        if name in self._later:
            self.check()  # a table left for later: wait until it is checked
        return self._tables.get(name, {})

    def _index(self, name: str) -> dict[str, str]:
        """Record id -> doc id in table `name`, made when first asked for (not at open: Home
        is drawn without it)."""
        if name not in self._ids:
            self._ids[name] = {rec.id: doc_id for doc_id, rec in self._table(name).items()}
        return self._ids[name]

    def get(self, record_type: type[R], record_id: str) -> R | None:
        doc_id = self._index(record_type.TABLE).get(record_id)
        return None if doc_id is None else self._table(record_type.TABLE)[doc_id]

    def all(self, record_type: type[R]) -> list[R]:
        return list(self._table(record_type.TABLE).values())

    def where(self, record_type: type[R], field: str, values: Iterable[Any]) -> list[R]:
        """The records whose `field` is one of `values`, in the file's order."""
        wanted = set(values)
        return [r for r in self.all(record_type) if getattr(r, field) in wanted]

    def count(self, record_type: type[Record]) -> int:
        return len(self._table(record_type.TABLE))

    def settings(self) -> Settings:
        """A copy (the app keeps and changes its settings before saving them)."""
        found = self.all(Settings)
        return msgspec.structs.replace(found[0]) if found else Settings()

    def save_settings(self, settings: Settings) -> None:
        existing = self.all(Settings)
        if existing and existing[0].id != settings.id:
            settings = msgspec.structs.replace(settings, id=existing[0].id)
        self.put(settings)

    def document(self) -> dict[str, Any]:
        """The whole file as plain JSON values (tests)."""
        self.check()
        return msgspec.to_builtins(self._tables)


# -- the folder: private, locked, and the one way a file is written --------------------------


def _take_folder(directory: Path, path: Path) -> tuple[FolderLock, list[str]]:
    """Create `directory` if needed, lock it, make it and its files private to this user and
    remove temp files left by a save killed midway (they hold private words). Returns the
    lock and what was open to others and is now closed ("the data folder (drwxrwxrwx)",
    "closeness.json (-rw-rw-rw-)"), for the app to tell the couple."""
    directory.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    info = directory.stat()
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise StoreDamaged(
            path,
            "not_ours",
            "The data folder belongs to another user of this computer, so closeness will "
            "not keep your words there. Start it with --data-dir and a folder of your own.",
        )
    lock, repaired = FolderLock(directory), []
    try:
        if stat.S_IMODE(info.st_mode) != DIR_MODE:
            if info.st_mode & 0o077:
                repaired.append(f"the data folder ({stat.filemode(info.st_mode)})")
            directory.chmod(DIR_MODE)
        for entry in directory.iterdir():
            with contextlib.suppress(OSError):
                mode = entry.lstat().st_mode
                if not stat.S_ISREG(mode):
                    continue
                if entry.match(f".{DATA_FILE}.*.tmp"):  # ours: we hold the lock
                    entry.unlink()
                elif stat.S_IMODE(mode) != FILE_MODE:
                    if mode & 0o077:
                        repaired.append(f"{entry.name} ({stat.filemode(mode)})")
                    entry.chmod(FILE_MODE)
    except BaseException:
        lock.release()
        raise
    return lock, repaired


class FolderLock:
    """The one-writer lock of a data folder (StoreLocked if another copy holds it): flock on
    an O_NOFOLLOW 0600 lock file (filelock only where there is no fcntl), held until
    `release()`, the end of a `with` block or of the process."""

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
                raise StoreLocked(directory) from None
            self._release = lock.release
            return
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, FILE_MODE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            raise StoreLocked(directory) if isinstance(exc, BlockingIOError) else exc from None
        self._release = lambda: os.close(fd)  # closing the descriptor releases the flock

    def release(self) -> None:
        self._release()
        self._release = lambda: None

    def __enter__(self) -> FolderLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def write_temp(path: Path, data: bytes) -> str:
    """`data` in a new private (0600, from mkstemp) temp file beside `path`, on disk: its name."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data`, private (0600, whatever was there before), so that a crash
    leaves the old or the new file whole. Any OSError but NotConfirmed: the old file is
    untouched."""
    tmp = write_temp(path, data)
    try:
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


def _read(path: Path, *, first_start_allowed: bool) -> bytes | None:
    """The data file's bytes; None on a first start (no file, and no backup either)."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        if not first_start_allowed:
            raise StoreDamaged(path, "missing", "There is no data file here yet.") from None
        if path.with_name(BACKUP_FILE).exists():  # not a first start: do not begin afresh,
            raise StoreDamaged(  # or the next start would replace the backup
                path,
                "lost",
                "The data file is missing, though its backup is here. Nothing was started "
                "afresh, so the backup is as it was.",
            ) from None
        return None
    except OSError as exc:
        reason = f"The data file cannot be read ({exc.strerror or type(exc).__name__})."
        raise StoreDamaged(path, "unreadable", reason) from None


def _unwritable(path: Path, exc: OSError) -> StoreDamaged:
    reason = exc.strerror or type(exc).__name__
    return StoreDamaged(
        path, "unwritable", f"closeness cannot write in its data folder ({reason})."
    )


# -- checking what was read: the whole file, before anything uses it ------------------------

_encoder = msgspec.json.Encoder()
_split = msgspec.json.Decoder(Top)
_table_decoders = {n: msgspec.json.Decoder(dict[str, t]) for n, t in TABLES.items()}  # type: ignore[valid-type]
_plain_table = msgspec.json.Decoder(dict[str, dict[str, Any]])  # _meta, unknown tables
_split_records = msgspec.json.Decoder(Pieces)


def parse_document(raw: bytes, path: Path) -> Tables:
    """Check raw file bytes in full; return the (migrated) tables or raise StoreDamaged."""
    with _as_damage(path):
        return _decoded(*_migrated(raw, path), path)


def _decoded(
    top: Top, raw: bytes, path: Path, *, skip: Collection[str] = (), have: Tables | None = None
) -> Tables:
    """The tables of `top` decoded and checked, but `skip` (those in `have` kept as they
    are). With none skipped, the file must be, byte for byte, what this version writes of
    what was read: then nothing was lost (decoding keeps the last of a key named twice and
    gives a record without an id a new one). A file that is not (edited by hand) is read
    again slowly to be sure; its next save writes it as this version does."""
    have = have or {}
    tables = {
        name: have[name] if name in have else _decode_table(name, part, path)
        for name, part in top.items()
        if name not in skip
    }
    if not skip and _encoder.encode(tables) != raw:
        _refuse_duplicates(raw, path)
    return tables


@contextlib.contextmanager
def _as_damage(path: Path) -> Iterator[None]:
    """What decoding raises, said as StoreDamaged."""
    try:
        yield
    except RecursionError:
        raise StoreDamaged(path, "not_json", "The data file is nested too deeply.") from None
    except UnicodeDecodeError:  # msgspec raises this for bad UTF-8 inside a string
        not_text = "The data file is not readable JSON: it holds bytes that are not text."
        raise StoreDamaged(path, "not_json", not_text) from None
    except msgspec.ValidationError:  # (a DecodeError too: this comes first)
        not_ours = "The data file does not hold closeness data."
        raise StoreDamaged(path, "wrong_shape", not_ours) from None
    except msgspec.DecodeError as exc:
        cut = f"The data file is not readable JSON; it may have been cut short ({exc})."
        raise StoreDamaged(path, "not_json", cut) from None


def _migrated(raw: bytes, path: Path) -> tuple[Top, bytes]:
    """The file's tables, unread, and its bytes: migrated to this version if older."""
    if not raw.strip():
        raise StoreDamaged(path, "empty", "The data file is empty.")
    try:
        top = _split.decode(raw)
    except msgspec.ValidationError:
        msgspec.json.decode(raw)  # not JSON at all? then that is what is said
        raise
    meta = msgspec.json.decode(top[META_TABLE]) if META_TABLE in top else None
    header = meta.get("1") if isinstance(meta, dict) else None
    if not isinstance(header, dict) or header.get("app") != APP_NAME:
        foreign = "This file was not written by closeness (it has no closeness header)."
        raise StoreDamaged(path, "foreign", foreign)
    version = header.get("schema")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise StoreDamaged(path, "wrong_shape", "The data file's version number is not valid.")
    if version > SCHEMA_VERSION:
        raise StoreDamaged(
            path,
            "newer",
            f"The data file was written by a newer closeness (data version {version}; "
            f"this copy reads up to {SCHEMA_VERSION}). Update closeness to open it.",
        )
    if version == SCHEMA_VERSION:
        return top, raw
    _refuse_duplicates(raw, path)
    try:
        data = migrate(msgspec.json.decode(raw), version)
    except Exception as exc:  # only the error's kind: its text could quote a partner
        raise StoreDamaged(
            path,
            "migration",
            f"Updating the data from version {version} to {SCHEMA_VERSION} failed "
            f"({type(exc).__name__}). The file itself was not changed.",
        ) from None
    return _migrated(_encoder.encode(data), path)


def _decode_table(name: str, raw: msgspec.Raw, path: Path) -> dict[str, Any]:
    try:
        table = _table_decoders.get(name, _plain_table).decode(raw)
    except msgspec.ValidationError as exc:
        raise StoreDamaged(
            path, "wrong_shape", f"A record in {name!r} does not fit: {_reason(exc)}."
        ) from None
    if not all(key.isascii() and key.isdigit() for key in table):
        raise StoreDamaged(path, "wrong_shape", f"The section {name!r} has an unnamed entry.")
    if name in TABLES and len({rec.id for rec in table.values() if rec.id}) != len(table):
        raise StoreDamaged(path, "wrong_shape", f"Two records in {name!r} share one id.")
    return table


def _refuse_duplicates(raw: bytes, path: Path) -> None:
    """Raise StoreDamaged if any object in the file has a key twice, or a record no id (the
    decoders keep the last of a key named twice, and give a record without an id a new one).
    About 0.4 s at ten years: only for a file that is not as this version writes it."""

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(items)
        if len(obj) != len(items):
            raise ValueError
        return obj

    try:
        data = json.loads(raw, object_pairs_hook=pairs)
    except ValueError:
        raise StoreDamaged(
            path,
            "duplicate",
            "The data file names the same thing twice (a section, a record or a field), so "
            "part of it would be lost if closeness used it.",
        ) from None
    for name in TABLES.keys() & data.keys():  # (wrong shapes are named by _decode_table)
        records = data[name].values() if isinstance(data[name], dict) else ()
        if any(isinstance(d, dict) and not d.get("id") for d in records):
            raise StoreDamaged(path, "wrong_shape", f"A record in {name!r} has no id of its own.")


def _reason(exc: Exception) -> str:
    """A validation error's words without any value it quotes (values may be private):
    msgspec quotes values in single quotes, so everything from the first to the last goes."""
    head, quote, rest = str(exc).partition("'")
    return f"{head}…{rest.rpartition(chr(39))[2]}" if quote else head


def _checked(record: Record) -> msgspec.Raw:
    """`record`'s bytes, proved to load back as its own kind before anything changes (so a
    wrong type, a value out of range, NaN or a lone surrogate is refused, never saved)."""
    kind = type(record)
    if TABLES.get(kind.TABLE) is not kind:
        raise StoreWriteError(f"{kind.__name__} is not a kind of record kept here.")
    try:
        raw = _encoder.encode(record)
        msgspec.json.decode(raw, type=kind)
    except UnicodeEncodeError:
        raise StoreWriteError(
            f"A {kind.__name__} holds a broken character (a lone surrogate) that cannot be "
            "saved. Nothing was changed."
        ) from None
    except (msgspec.MsgspecError, TypeError, ValueError, RecursionError) as exc:
        raise StoreWriteError(
            f"A {kind.__name__} does not fit its kind ({_reason(exc)}). Nothing was changed."
        ) from None
    if not isinstance(record.id, str) or not record.id:
        raise StoreWriteError(f"A {kind.__name__} has no id. Nothing was changed.")
    return msgspec.Raw(raw)
