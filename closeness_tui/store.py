"""The only module that knows TinyDB. Screens and the core call this; it hands back records.

    store = Store.open(data_dir)        # may raise StoreLocked or StoreDamaged
    settings = store.settings()
    store.put(record)                   # insert or replace by uuid, saved durably at once
    store.all(ListeningSession)
    store.delete(ListeningSession, id)

The file is one TinyDB JSON document, `closeness.json`, with a `_meta` table holding the
app name and schema version. It is validated completely (JSON, shape, every record's
fields) before TinyDB sees it. A damaged file is never overwritten: the caller shows the
problem and may `set_aside()` the file or `restore_backup()`. One writer per data
directory: a second copy of the app gets StoreLocked and writes nothing.

The app opens with `defer_lock=True` so that Home is drawn without waiting for the lock
library to load: the file is read and its JSON checked first, and `confirm_lock()` (right
after the first frame, and before any write) takes the lock and reads the file again. Only
if both reads are byte for byte the same is the store used; else StoreChanged (another copy
saved in between) or StoreLocked (another copy is open), and nothing was written.

Writes: `put`/`put_many`/`delete` return only once the new file is fsynced and renamed into
place. A record is first proved to load back as its own kind (so a wrong type, NaN, or a
lone surrogate - which UTF-8 cannot hold; `text.clean()` removes them at input - is refused
with StoreWriteError before anything changes). If writing fails, StoreWriteError is raised
and the file and this store's memory are both as they were. Any other text is kept exactly.
Messages name files, kinds and fields, never what a partner wrote.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import msgspec

from closeness_tui import prefetch
from closeness_tui.models import TABLES, Record, Settings
from closeness_tui.storage import (
    FILE_MODE,
    AtomicJSONStorage,
    NotConfirmed,
    Tables,
    atomic_write,
    drop_spare,
    encode,
    ensure_private_dir,
    gc_paused,
)

APP_NAME = "closeness"
DATA_FILE = "closeness.json"
BACKUP_FILE = "closeness.json.bak"
LOCK_FILE = ".closeness.lock"
META_TABLE = "_meta"
SCHEMA_VERSION = 1

if TYPE_CHECKING:
    from filelock import FileLock
    from tinydb.table import Table

R = TypeVar("R", bound=Record)

# Migrations: MIGRATIONS[n] turns a version-n document into a version n+1 document.
# Version 1 is the first released shape, so the chain is empty for now.
Migration = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: dict[int, Migration] = {}


class StoreError(Exception):
    """Base of what the store raises for the app to show kindly."""


class StoreLocked(StoreError):
    def __init__(self, directory: Path) -> None:
        super().__init__(f"closeness is already open on {directory}")
        self.directory = directory


class StoreChanged(StoreError):
    """The file changed between the first read and taking the lock (another copy of
    closeness saved and closed meanwhile): open it again. Nothing was written."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} changed while closeness was starting")
        self.path = path


class StoreDamaged(StoreError):
    """The data file cannot be used as it is. `problem` is a short key, `detail` plain words."""

    def __init__(self, path: Path, problem: str, detail: str) -> None:
        super().__init__(f"{path}: {detail}")
        self.path = path
        self.problem = problem
        self.detail = detail


class StoreWriteError(StoreError):
    """Saving failed (disk full, permissions). Nothing on disk was damaged."""


def migrate(
    data: dict[str, Any],
    version: int,
    *,
    registry: dict[int, Migration] | None = None,
    target: int | None = None,
) -> dict[str, Any]:
    """Apply migrations version -> version+1 ... -> target (default: SCHEMA_VERSION).

    Raises KeyError naming the missing step if the chain has a gap. Each step gets the
    document of its version and returns the next; the step's version is recorded in `_meta`.
    """
    registry = MIGRATIONS if registry is None else registry
    target = SCHEMA_VERSION if target is None else target
    while version < target:
        step = registry.get(version)
        if step is None:
            raise KeyError(f"no migration from data version {version} to {version + 1}")
        data = step(data)
        version += 1
        data.setdefault(META_TABLE, {}).setdefault("1", {})["schema"] = version
    return data


def _meta_doc(version: int = SCHEMA_VERSION) -> dict[str, Any]:
    return {"app": APP_NAME, "schema": version}


def empty_document() -> dict[str, Any]:
    return {META_TABLE: {"1": _meta_doc()}}


_top_decoder = msgspec.json.Decoder(dict[str, msgspec.Raw])
_table_decoders: dict[type[Record], msgspec.json.Decoder] = {}


def parse_document(raw: bytes, path: Path, *, check_records: bool = True) -> dict[str, Any]:
    """Validate raw file bytes; return the (migrated) document or raise StoreDamaged.

    Every record is checked against its type here, at open. Record tables are then kept as
    their validated JSON bytes and decoded on first use (storage.Tables), which keeps start-up
    fast with years of data. With check_records=False the record tables are left for the
    caller to check (Store.open(defer_checks=True)); the JSON, header and version are still
    checked here.
    """
    if not raw.strip():
        raise StoreDamaged(path, "empty", "The data file is empty.")
    try:
        top = _top_decoder.decode(raw)
        meta = top.get(META_TABLE)
        meta = None if meta is None else msgspec.json.decode(meta)
    except RecursionError:
        raise StoreDamaged(
            path, "not_json", "The data file is not closeness data: it is nested too deeply."
        ) from None
    except UnicodeDecodeError:  # msgspec raises this for bad UTF-8 inside a string
        raise StoreDamaged(path, "not_json", _NOT_TEXT) from None
    except msgspec.ValidationError:  # (a DecodeError too: this must come first)
        _raise_if_not_json(raw, path)  # the shape is checked before the rest was read
        raise StoreDamaged(
            path, "wrong_shape", "The data file does not hold closeness data."
        ) from None
    except msgspec.DecodeError as exc:
        raise StoreDamaged(
            path,
            "not_json",
            f"The data file is not readable JSON; it may have been cut short ({exc}).",
        ) from None
    meta_doc = meta.get("1") if isinstance(meta, dict) else None
    if not isinstance(meta_doc, dict) or meta_doc.get("app") != APP_NAME:
        raise StoreDamaged(
            path, "foreign", "This file was not written by closeness (it has no closeness header)."
        )
    version = meta_doc.get("schema")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise StoreDamaged(path, "wrong_shape", "The data file's version number is not valid.")
    if version > SCHEMA_VERSION:
        raise StoreDamaged(
            path,
            "newer",
            f"The data file was written by a newer closeness (data version {version}; "
            f"this copy reads up to {SCHEMA_VERSION}). Update closeness to open it.",
        )
    try:
        with gc_paused():
            return _check_and_keep(top, raw, version, path, check_records)
    except RecursionError:
        raise StoreDamaged(
            path, "not_json", "The data file is not closeness data: it is nested too deeply."
        ) from None
    except UnicodeDecodeError:
        raise StoreDamaged(path, "not_json", _NOT_TEXT) from None
    except msgspec.DecodeError as exc:  # e.g. bytes that are not UTF-8 inside a string
        raise StoreDamaged(
            path, "not_json", f"The data file is not readable JSON ({exc})."
        ) from None


def _raise_if_not_json(raw: bytes, path: Path) -> None:
    """A file of the wrong shape may also not be JSON at all: say which (rare path)."""
    try:
        msgspec.json.decode(raw)
    except RecursionError:
        raise StoreDamaged(
            path, "not_json", "The data file is not closeness data: it is nested too deeply."
        ) from None
    except UnicodeDecodeError:
        raise StoreDamaged(path, "not_json", _NOT_TEXT) from None
    except msgspec.DecodeError as exc:
        raise StoreDamaged(
            path,
            "not_json",
            f"The data file is not readable JSON; it may have been cut short ({exc}).",
        ) from None


def _check_and_keep(
    top: dict[str, msgspec.Raw], raw: bytes, version: int, path: Path, check_records: bool
) -> dict[str, Any]:
    if version < SCHEMA_VERSION:
        data = msgspec.json.decode(raw)
        try:
            data = migrate(data, version, target=SCHEMA_VERSION)
        except Exception as exc:  # a failed migration must not lose the original file
            # Only the kind of error is named: its text could quote what a partner wrote.
            raise StoreDamaged(
                path,
                "migration",
                f"Updating the data from version {version} to {SCHEMA_VERSION} failed "
                f"({type(exc).__name__}). The file itself was not changed.",
            ) from None
        _check_tables(data, path)
        return Tables(data)
    tables = Tables()
    for name, table_raw in top.items():
        record_type = TABLES.get(name)
        if record_type is None:  # _meta, or a table this version does not know: keep as is
            table = msgspec.json.decode(table_raw)
            _check_tables({name: table}, path)
            tables[name] = table
        else:
            if check_records:
                _check_raw_table(name, table_raw, record_type, path)
            tables[name] = table_raw
    return tables


class _HasId(msgspec.Struct):
    """Only a record's `id`, which must be in the file (the record types would fill a
    missing one with a new uuid)."""

    id: str


_ids_decoder = msgspec.json.Decoder(dict[str, _HasId])
_NOT_TEXT = "The data file is not readable JSON: it holds bytes that are not text."


def _check_raw_table(
    name: str, table_raw: msgspec.Raw, record_type: type[Record], path: Path
) -> dict[str, Record]:
    """Validate one record table straight from its JSON (the same checks as _check_tables);
    return its records, {doc id: record}, in the file's order."""
    if bytes(memoryview(table_raw)[:1]) != b"{":
        raise StoreDamaged(path, "wrong_shape", f"The section {name!r} is not a table.")
    decoder = _table_decoders.get(record_type)
    if decoder is None:
        decoder = _table_decoders[record_type] = msgspec.json.Decoder(dict[str, record_type])
    try:
        records = decoder.decode(table_raw)
    except RecursionError:
        raise StoreDamaged(
            path, "wrong_shape", f"A record in {name!r} is nested too deeply."
        ) from None
    except UnicodeDecodeError:
        raise StoreDamaged(path, "not_json", _NOT_TEXT) from None
    except msgspec.ValidationError as exc:
        raise StoreDamaged(
            path, "wrong_shape", f"A record in {name!r} does not fit: {_reason(exc)}."
        ) from None
    except msgspec.DecodeError as exc:
        raise StoreDamaged(
            path, "not_json", f"The data file is not readable JSON ({exc})."
        ) from None
    try:
        ids = _ids_decoder.decode(table_raw)
    except msgspec.ValidationError:
        raise StoreDamaged(
            path, "wrong_shape", f"A record in {name!r} has no id of its own."
        ) from None
    seen: set[str] = set()
    for doc_id, rec in records.items():
        if not _is_doc_id(doc_id):
            raise StoreDamaged(
                path, "wrong_shape", f"The section {name!r} has an entry that is not a record."
            )
        if not ids[doc_id].id:
            raise StoreDamaged(path, "wrong_shape", f"A record in {name!r} has no id of its own.")
        if rec.id in seen:
            raise StoreDamaged(path, "wrong_shape", f"Two records in {name!r} share one id.")
        seen.add(rec.id)
    return records


class _FieldProbe:
    """Decodes one field of every record in a table (the rest is skipped unread)."""

    def __init__(self, record_type: type[Record], field: str) -> None:
        (info,) = [f for f in msgspec.structs.fields(record_type) if f.name == field]
        default = info.default
        if default is msgspec.NODEFAULT and info.default_factory is not msgspec.NODEFAULT:
            default = info.default_factory()
        only = msgspec.defstruct(f"{record_type.__name__}_{field}", [(field, info.type, default)])
        self.default_json = None if default is msgspec.NODEFAULT else msgspec.to_builtins(default)
        self.table = msgspec.json.Decoder(dict[str, only])
        self.record = msgspec.json.Decoder(record_type)


_probes: dict[tuple[type[Record], str], _FieldProbe] = {}


def _field_probe(record_type: type[Record], field: str) -> _FieldProbe:
    probe = _probes.get((record_type, field))
    if probe is None:
        probe = _probes[(record_type, field)] = _FieldProbe(record_type, field)
    return probe


def _decode_where(
    table_raw: msgspec.Raw, record_type: type[R], field: str, wanted: set[Any]
) -> list[R]:
    """Records of a raw (unchecked) table whose `field` is in `wanted`; only they are
    decoded whole. Raises msgspec errors for JSON that does not fit."""
    probe = _field_probe(record_type, field)
    if _surely_absent(table_raw, probe, wanted):
        return []
    matches = [
        doc_id
        for doc_id, only in probe.table.decode(table_raw).items()
        if getattr(only, field) in wanted
    ]
    if not matches:
        return []
    docs = _top_decoder.decode(table_raw)  # {doc id: its JSON}
    return [probe.record.decode(docs[doc_id]) for doc_id in matches]


def _surely_absent(table_raw: msgspec.Raw, probe: _FieldProbe, wanted: set[Any]) -> bool:
    """True when the table's bytes prove that no record has its field in `wanted`, so
    nothing need be decoded (Home asks for today's ritual marks among years of them).

    Only for text values written without escapes: a record holding such a value holds its
    exact JSON bytes, unless the value is the field's default (left out of the file) or the
    table uses \\u escapes somewhere (which can spell any text). Otherwise: False, decode."""
    needles = []
    for value in wanted:
        as_json = msgspec.to_builtins(value)
        if not isinstance(as_json, str) or as_json == probe.default_json:
            return False
        needle = msgspec.json.encode(as_json)
        if b"\\" in needle:
            return False
        needles.append(needle)
    data = bytes(memoryview(table_raw))
    if b"\\" in data and b"\\u" in data:  # (one byte first: that search is much faster)
        return False
    return not any(needle in data for needle in needles)


def _tinydb_table() -> type[Table]:
    """TinyDB's Table, over our storage. Imported when first needed (a look-up by id, a
    delete), not at start-up: Home is drawn without it."""
    from tinydb.storages import Storage
    from tinydb.table import Table

    Storage.register(AtomicJSONStorage)  # it implements TinyDB's Storage interface
    return Table


def _unchecked_tables(data: dict[str, Any]) -> list[str]:
    """The record tables parse_document(check_records=False) left for the store to check."""
    return [n for n in TABLES if isinstance(data, Tables) and not data.is_loaded(n)]


def _is_doc_id(key: object) -> bool:
    return isinstance(key, str) and key.isascii() and key.isdigit()


def _check_tables(data: dict[str, Any], path: Path) -> None:
    for name, table in data.items():
        if not isinstance(table, dict):
            raise StoreDamaged(path, "wrong_shape", f"The section {name!r} is not a table.")
        record_type = TABLES.get(name)
        seen: set[str] = set()
        for doc_id, doc in table.items():
            if not (_is_doc_id(doc_id) and isinstance(doc, dict)):
                raise StoreDamaged(
                    path, "wrong_shape", f"The section {name!r} has an entry that is not a record."
                )
            if record_type is None:
                continue
            if not isinstance(doc.get("id"), str) or not doc["id"]:
                raise StoreDamaged(
                    path, "wrong_shape", f"A record in {name!r} has no id of its own."
                )
            try:
                rec = msgspec.convert(doc, record_type)
            except RecursionError:
                raise StoreDamaged(
                    path, "wrong_shape", f"A record in {name!r} is nested too deeply."
                ) from None
            except msgspec.ValidationError as exc:
                raise StoreDamaged(
                    path, "wrong_shape", f"A record in {name!r} does not fit: {_reason(exc)}."
                ) from None
            if rec.id in seen:
                raise StoreDamaged(path, "wrong_shape", f"Two records in {name!r} share one id.")
            seen.add(rec.id)


class Store:
    """The couple's data. One instance per process; it holds the directory lock."""

    def __init__(
        self,
        directory: Path,
        data: dict[str, Any],
        lock: FileLock | None,
        raw: bytes | None,
        unchecked: Iterable[str] = (),
        *,
        lock_pending: bool = False,
    ) -> None:
        self.directory = directory
        self.path = directory / DATA_FILE
        self._lock = lock
        self._closed = False
        # Opened with defer_lock: `raw` is what was read before the lock; confirm_lock()
        # takes the lock and proves the file still holds exactly these bytes.
        self._lock_pending = lock_pending
        self._opened_raw = raw if lock_pending else None
        self.read_only = lock is None and not lock_pending
        self._storage = AtomicJSONStorage(self.path, data)
        self._index: dict[str, dict[str, int]] = {}
        self._backup_thread: threading.Thread | None = None
        self._unchecked = set(unchecked)  # record tables not validated yet (defer_checks)
        self._raw_for_backup = raw if raw is not None and not self.read_only else None
        if not self._unchecked:
            self._start_backup()

    def _start_backup(self) -> None:
        """Keep a copy of the file as opened; only ever of a file that passed every check,
        and only once the lock is held."""
        if self._lock_pending:
            return
        raw, self._raw_for_backup = self._raw_for_backup, None
        if raw is not None:
            self._backup_thread = threading.Thread(
                target=self._write_backup, args=(raw,), daemon=True
            )
            self._backup_thread.start()

    # -- opening -----------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        directory: Path | str,
        *,
        read_only: bool = False,
        defer_checks: bool = False,
        defer_lock: bool = False,
    ) -> Store:
        """Open (and lock) the data in `directory`; raises StoreLocked or StoreDamaged.

        defer_checks=True (the app, for a fast first screen): the file's JSON, header and
        version are checked now; each record table is checked when first used and all of
        them by `check_all()`, which the app calls as soon as its first screen is drawn.
        Nothing is written, and no backup taken, before every table has passed.

        defer_lock=True (with defer_checks; the app's first open): read the file without
        the lock, so the first screen need not wait for the lock library to load. The store
        can be read at once; `confirm_lock()` must succeed before anything is written (a
        write calls it). A file that is missing or does not pass is opened the usual way,
        under the lock, so that only a locked read decides it is damaged.
        """
        directory = Path(directory).expanduser()
        path = directory / DATA_FILE
        if defer_lock and defer_checks and not read_only:
            store = cls._open_unlocked(directory)
            if store is not None:
                return store
        if read_only:
            if not directory.is_dir():
                raise StoreDamaged(path, "missing", "There is no data here yet.")
            lock = None
        else:
            try:
                ensure_private_dir(directory)
            except OSError as exc:
                raise _unwritable(path, exc) from None
            lock = _acquire(directory)
        try:
            if lock is not None:
                _remove_stray_temps(directory)
            raw: bytes | None
            try:
                raw = path.read_bytes()
            except FileNotFoundError:
                if read_only:
                    raise StoreDamaged(path, "missing", "There is no data file here yet.") from None
                raw = None
            except OSError as exc:
                raise StoreDamaged(
                    path,
                    "unreadable",
                    f"The data file cannot be read ({exc.strerror or type(exc).__name__}).",
                ) from None
            if raw is None:
                data = empty_document()
            else:
                data = parse_document(raw, path, check_records=not defer_checks)
            unchecked = _unchecked_tables(data)
            store = cls(directory, data, lock, raw, unchecked if defer_checks else ())
            if raw is None:
                try:
                    store._save_now()
                except StoreWriteError as exc:
                    raise _unwritable(path, exc.__cause__ or exc) from None
            return store
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    @staticmethod
    def prefetch(directory: Path | str) -> None:
        """Start reading the data file of `directory` in the background, for the next
        Store.open(defer_lock=True) of it (the app, while its libraries load)."""
        prefetch.start(Path(directory).expanduser() / DATA_FILE)

    @classmethod
    def _open_unlocked(cls, directory: Path) -> Store | None:
        """The store as read without the lock (see open), or None to open the usual way."""
        path = directory / DATA_FILE
        prefetched = prefetch.take(path)
        try:
            ensure_private_dir(directory)
        except OSError as exc:
            raise _unwritable(path, exc) from None
        if _held_elsewhere(directory):  # say so before anything private is read or drawn
            raise StoreLocked(directory)
        try:
            raw = prefetched if prefetched is not None else path.read_bytes()
            data = parse_document(raw, path, check_records=False)
        except (OSError, StoreDamaged):
            return None
        unchecked = _unchecked_tables(data)
        return cls(directory, data, None, raw, unchecked, lock_pending=True)

    @property
    def lock_pending(self) -> bool:
        """True while the store was read but the lock is not confirmed yet (defer_lock)."""
        return self._lock_pending

    def confirm_lock(self) -> None:
        """Take the lock of a store opened with defer_lock and prove the file is still
        byte for byte what was read. Raises StoreLocked (another copy is open) or
        StoreChanged (another copy saved in between: open again); either way this store is
        closed and nothing was written. Does nothing once confirmed."""
        if not self._lock_pending:
            return
        if self._closed:
            raise StoreWriteError("The data was closed; nothing more can be saved from here.")
        try:
            lock = _acquire(self.directory)
        except StoreError:
            self._closed = True
            raise
        try:
            now = self.path.read_bytes()
        except OSError:
            now = None
        if now != self._opened_raw:
            lock.release()
            self._closed = True
            raise StoreChanged(self.path)
        self._lock, self._lock_pending, self._opened_raw = lock, False, None
        _remove_stray_temps(self.directory)
        if not self._unchecked:
            self._start_backup()

    def check_all(self) -> None:
        """Check every record table not checked yet (see open); raises StoreDamaged."""
        for name in list(self._unchecked):
            self._require(name)
        self._start_backup()

    def _require(self, name: str) -> dict[str, Record] | None:
        """Check table `name` if it has not been yet; then return the records the check
        decoded (nobody else holds them), else None."""
        if name not in self._unchecked:
            return None
        raw = dict.get(self._storage.read(), name)
        with gc_paused():
            records = _check_raw_table(name, raw, TABLES[name], self.path)
        self._unchecked.discard(name)
        return records

    def close(self) -> None:
        if self._backup_thread is not None:
            self._backup_thread.join(timeout=5)
        self._closed = True
        if self._lock is not None and self._lock.is_locked:
            self._storage.close()  # the spare file, with the previous version, goes
            self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _write_backup(self, raw: bytes) -> None:
        with contextlib.suppress(OSError):
            atomic_write(self.directory / BACKUP_FILE, raw)

    # -- records -----------------------------------------------------------------------

    def _table(self, record_type: type[Record]) -> Table:
        # A fresh Table each time: put() adds documents without TinyDB, so TinyDB must not
        # keep a stale "next id" from an earlier call.
        return _tinydb_table()(self._storage, record_type.TABLE, cache_size=0)

    def _ids(self, record_type: type[Record]) -> dict[str, int]:
        index = self._index.get(record_type.TABLE)
        if index is None:
            self._require(record_type.TABLE)
            raw = self._storage.read().get(record_type.TABLE, {})
            index = {doc["id"]: int(doc_id) for doc_id, doc in raw.items()}
            self._index[record_type.TABLE] = index
        return index

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreWriteError("This copy of closeness is only reading the data.")
        if self._closed:
            raise StoreWriteError("The data was closed; nothing more can be saved from here.")
        self.confirm_lock()  # opened with defer_lock: the lock before the first write
        if self._unchecked:  # a write carries every table: never write one that is unchecked
            self.check_all()

    def _to_doc(self, record: Record) -> tuple[dict[str, Any], bytes]:
        """The record as a JSON document and its encoded bytes, proved to load back as the
        same kind of record.

        This runs before anything changes, so a record the store could not read back (a
        wrong type in a field, NaN, a lone surrogate that UTF-8 cannot hold) is refused
        with StoreWriteError instead of making the file unopenable. The message never
        quotes the text. The bytes are the ones written, so the record is encoded once.
        """
        record_type = type(record)
        if TABLES.get(record_type.TABLE) is not record_type:
            raise StoreWriteError(f"{record_type.__name__} is not a kind of record kept here.")
        try:
            doc = msgspec.to_builtins(record)
            encoded = encode(doc)
            msgspec.json.decode(encoded, type=record_type)
        except UnicodeEncodeError:
            raise StoreWriteError(
                f"A {record_type.__name__} holds a broken character (a lone surrogate) that "
                "cannot be saved. Nothing was changed."
            ) from None
        except (
            msgspec.ValidationError,
            msgspec.EncodeError,
            TypeError,
            ValueError,
            RecursionError,
        ) as exc:
            raise StoreWriteError(
                f"A {record_type.__name__} does not fit its kind ({_reason(exc)}). "
                "Nothing was changed."
            ) from None
        if not isinstance(doc.get("id"), str) or not doc["id"]:
            raise StoreWriteError(f"A {record_type.__name__} has no id. Nothing was changed.")
        return doc, encoded

    def _write_documents(
        self, record_type: type[Record], docs: dict[str, tuple[dict[str, Any], bytes]]
    ) -> dict[str, int]:
        """Insert or replace `docs` ({record id: (document, its bytes)}) in one write.

        Only these documents are encoded (storage.put_documents) and memory changes only
        once the file is in place. Returns the TinyDB doc ids given to new records."""
        index = self._ids(record_type)
        next_id = max(index.values(), default=0) + 1
        by_doc_id: dict[str, tuple[dict[str, Any], bytes]] = {}
        added: dict[str, int] = {}
        for record_id, pair in docs.items():
            doc_id = index.get(record_id)
            if doc_id is None:
                doc_id = added[record_id] = next_id
                next_id += 1
            by_doc_id[str(doc_id)] = pair
        try:
            self._storage.put_documents(record_type.TABLE, by_doc_id)
        except NotConfirmed as exc:
            # The new file is in place and memory matches it; only the folder's fsync
            # failed. Say so, without pretending the change was not made.
            index.update(added)
            raise StoreWriteError(
                f"Saved, but the disk did not confirm it ({exc.strerror or 'error'})."
            ) from exc
        except OSError as exc:  # file and memory are both as they were
            raise StoreWriteError(f"Could not save: {exc.strerror or type(exc).__name__}") from exc
        index.update(added)
        return added

    @contextlib.contextmanager
    def _changing(self, record_type: type[Record]) -> Iterator[None]:
        """Run one TinyDB change of `record_type`'s table (delete). TinyDB changes the
        in-memory data before the file is written; if the write fails the file on disk is
        still the old one, so the table goes back as it was. (TinyDB's remove builds a new
        table dict and changes no document in place.)"""
        data = self._storage.read()
        name = record_type.TABLE
        had_table = name in data
        before = data.get(name, {})
        try:
            yield
        except NotConfirmed as exc:
            self._index.pop(name, None)  # rebuilt from the data at the next lookup
            raise StoreWriteError(
                f"Saved, but the disk did not confirm it ({exc.strerror or 'error'})."
            ) from exc
        except Exception as exc:
            if had_table:
                data[name] = before
            else:
                data.pop(name, None)
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else None
            raise StoreWriteError(f"Could not save: {reason or type(exc).__name__}") from exc

    def put(self, record: Record) -> None:
        """Insert or replace `record` (by its uuid) and save the file at once.

        When this returns the record is on disk (fsynced). On failure it raises
        StoreWriteError and both the file and what this store holds are as before.
        """
        self._check_writable()
        doc, encoded = self._to_doc(record)
        self._write_documents(type(record), {record.id: (doc, encoded)})

    def put_many(self, records: Iterable[Record]) -> None:
        """Insert or replace many records (bench data, imports).

        Every record is checked before anything is written. Each kind's records, new and
        replaced, go in with one write, all or none; a record twice in `records` is stored
        once, the last one winning.
        """
        self._check_writable()
        by_type: dict[type[Record], dict[str, tuple[dict[str, Any], bytes]]] = {}
        for rec in records:
            by_type.setdefault(type(rec), {})[rec.id] = self._to_doc(rec)
        for record_type, docs in by_type.items():
            self._write_documents(record_type, docs)

    def get(self, record_type: type[R], record_id: str) -> R | None:
        doc_id = self._ids(record_type).get(record_id)
        if doc_id is None:
            return None
        doc = self._table(record_type).get(doc_id=doc_id)
        return None if doc is None else msgspec.convert(doc, record_type)

    def all(self, record_type: type[R]) -> list[R]:
        checked = self._require(record_type.TABLE)
        if checked is not None:  # the first look at this table: checking decoded it already
            return list(checked.values())  # type: ignore[arg-type]
        raw = self._storage.read().get(record_type.TABLE, {})
        return [msgspec.convert(doc, record_type) for doc in raw.values()]

    def where(self, record_type: type[R], field: str, values: Iterable[Any]) -> list[R]:
        """The records whose `field` is one of `values`, in the file's order: the same as
        filtering all(), but only the matching records are decoded.

        Home asks this of years of records before its first frame is drawn. A table not
        checked yet stays unchecked (check_all follows the first frame; any write checks
        first); if its JSON does not even fit, this leaves it to the full check to say so.
        """
        wanted = set(values)
        name = record_type.TABLE
        if name in self._unchecked:
            raw = dict.get(self._storage.read(), name)
            try:
                with gc_paused():
                    return _decode_where(raw, record_type, field, wanted)
            except (msgspec.DecodeError, RecursionError, UnicodeDecodeError):
                self._require(name)  # raises StoreDamaged, saying what is wrong
        probe = _field_probe(record_type, field)
        as_json = {msgspec.to_builtins(v) for v in wanted}
        table = self._storage.read().get(name, {})
        return [
            msgspec.convert(doc, record_type)
            for doc in table.values()
            if doc.get(field, probe.default_json) in as_json
        ]

    def count(self, record_type: type[Record]) -> int:
        self._require(record_type.TABLE)
        return len(self._storage.read().get(record_type.TABLE, {}))

    def delete(self, record_type: type[Record], record_id: str) -> bool:
        """Remove a record and save at once. False if there was no such record."""
        self._check_writable()
        index = self._ids(record_type)
        doc_id = index.get(record_id)
        if doc_id is None:
            return False
        with self._changing(record_type):
            self._table(record_type).remove(doc_ids=[doc_id])
        del self._ids(record_type)[record_id]
        return True

    # -- settings ----------------------------------------------------------------------

    def settings(self) -> Settings:
        found = self.all(Settings)
        return found[0] if found else Settings()

    def save_settings(self, settings: Settings) -> None:
        existing = self.all(Settings)
        if existing and existing[0].id != settings.id:
            settings = msgspec.structs.replace(settings, id=existing[0].id)
        self.put(settings)

    # -- whole-file operations ----------------------------------------------------------

    def document(self) -> dict[str, Any]:
        """The raw document as plain dicts (read-only use: export, tests, benchmarks)."""
        self.check_all()
        return dict(self._storage.read().items())

    def export(self, now: datetime) -> dict[str, Any]:
        """Everything, as a readable backup: one list of records per kind."""
        out: dict[str, Any] = {
            "app": APP_NAME,
            "schema": SCHEMA_VERSION,
            "exported_at": now.isoformat(timespec="seconds"),
        }
        for name, record_type in TABLES.items():
            out[name] = [msgspec.to_builtins(r) for r in self.all(record_type)]
        return out

    def _save_now(self) -> None:
        self._check_writable()
        try:
            self._storage.write(self._storage.read())
        except OSError as exc:
            raise StoreWriteError(f"Could not save: {exc.strerror or type(exc).__name__}") from exc


def _reason(exc: Exception) -> str:
    """A validation error's words without any value it quotes (values may be private).

    msgspec names types and fields in backticks and quotes values in single quotes
    ("Invalid enum value 'x'"), so everything from the first to the last quote goes."""
    text = str(exc)
    head, quote, rest = text.partition("'")
    if quote:
        text = f"{head}…{rest.rpartition(chr(39))[2]}"
    return text


def _unwritable(path: Path, exc: BaseException) -> StoreDamaged:
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
    return StoreDamaged(
        path, "unwritable", f"closeness cannot write in its data folder ({reason})."
    )


def _acquire(directory: Path) -> FileLock:
    """Take the one-writer lock of `directory` or raise StoreLocked."""
    # Not thread-local: a save from a worker thread is still this process's save, and
    # close() may run on another thread than open().
    from filelock import FileLock, Timeout  # (~15 ms to import: not before Home is drawn)

    lock = FileLock(str(directory / LOCK_FILE), timeout=0, mode=FILE_MODE, thread_local=False)
    try:
        lock.acquire()
    except Timeout:
        raise StoreLocked(directory) from None
    except OSError as exc:
        raise _unwritable(directory / DATA_FILE, exc) from None
    return lock


def _held_elsewhere(directory: Path) -> bool:
    """True when another process holds the one-writer lock of `directory`: a probe that
    costs microseconds (no lock library), for the unlocked first read. The probe's own
    lock lasts only as long as the test itself; the real lock is taken after the first frame."""
    try:
        import fcntl
    except ImportError:  # not POSIX: the lock taken after the first frame decides
        return False
    try:
        fd = os.open(directory / LOCK_FILE, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False  # no lock file yet: nobody holds it
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(fd)  # releases the probe's shared lock at once
    return False


@contextlib.contextmanager
def _holding_lock(directory: Path) -> Iterator[None]:
    lock = _acquire(directory)
    try:
        yield
    finally:
        lock.release()


def _remove_stray_temps(directory: Path) -> None:
    """Temp files left by a write that was killed midway (only ever ours: we hold the lock).
    They never stand in for the data file, but they hold private words, so they go (and so
    does the spare, see storage.swapping_write)."""
    for entry in directory.glob(f".{DATA_FILE}.*.tmp"):
        with contextlib.suppress(OSError):
            if entry.is_file() and not entry.is_symlink():
                entry.unlink()
    drop_spare(directory / DATA_FILE)  # a previous version a crash left behind


# -- recovering from a damaged file -----------------------------------------------------


def _keep_copy(path: Path, now: datetime) -> Path:
    """A second name for `path` with a timestamp (a hard link, so no bytes are rewritten);
    never replaces an existing file."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    for n in itertools.count(1):
        suffix = "" if n == 1 else f"-{n}"
        target = path.with_name(f"closeness.damaged-{stamp}{suffix}.json")
        try:
            os.link(path, target)
        except FileExistsError:
            continue
        except OSError:  # a file system without hard links: copy instead
            if target.exists():
                continue
            atomic_write(target, path.read_bytes())
        return target
    raise AssertionError("unreachable")


def set_aside(path: Path, now: datetime) -> Path:
    """Rename a damaged data file with a timestamp; it is kept, never deleted.

    Takes the directory lock (StoreLocked if another copy of closeness has it)."""
    with _holding_lock(path.parent):
        target = _keep_copy(path, now)
        path.unlink()
    return target


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
    """Keep the damaged file aside and put the last good backup in its place.

    The backup is validated first (StoreDamaged naming the backup if it is no good). The
    damaged file keeps a timestamped name; the data file is then replaced atomically, so a
    failure midway leaves both where they were. Returns where the damaged file was kept
    (or the backup's path when there was no data file)."""
    backup = directory / BACKUP_FILE
    with _holding_lock(directory):
        raw = backup.read_bytes()
        parse_document(raw, backup)
        data_file = directory / DATA_FILE
        aside = _keep_copy(data_file, now) if data_file.exists() else None
        atomic_write(data_file, raw)
    return aside or backup


def write_export(path: Path, payload: dict[str, Any]) -> None:
    """Write an export file privately (0600), indented so a person can read it."""
    data = msgspec.json.format(encode(payload), indent=2)
    path = Path(path).expanduser()
    atomic_write(path, data)
    path.chmod(FILE_MODE)
