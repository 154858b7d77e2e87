"""Durable, private bytes on disk, and the custom TinyDB Storage that uses them.

No Textual here. The rules:
- the data directory is 0700 and every file in it 0600 (checked and fixed on each start);
- a write serialises the whole database, writes a temp file in the same directory
  (mkstemp creates it 0600), fsyncs it, `os.replace`s it over the old file and fsyncs the
  directory: a SIGKILL at any instant leaves either the old file or the new one, whole.
  An OSError before the rename leaves the old file; `NotConfirmed` means the new file is in
  place but the directory's fsync failed;
- a save while the app runs (put_documents) does the same with one difference that halves
  its cost: the "temp file" is the previous version's file, kept under a hidden spare name
  (`.closeness.json.spare`). Its blocks are overwritten in place, fsynced, and the two names
  are swapped in one atomic step (Linux renameat2 RENAME_EXCHANGE) instead of `os.replace`,
  so the file system neither allocates a new file's blocks nor frees the old one's while a
  partner waits (bench/save.py). Where the swap is not available it falls back to
  `os.replace`. The spare holds the version before the last save, so it goes when the store
  closes, after every delete, and (if a crash left it) at the next start;
- after one read the data lives in memory; TinyDB's read() never touches the disk again.

TinyDB stays the database layer: `AtomicJSONStorage` is a `tinydb.storages.Storage`
(read/write/close; registered as one when first used), TinyDB's tables read through it, and
the file is TinyDB's JSON format ({table: {doc id: document}}). It adds one method of its
own, `put_documents` (and `put_document` for one), which the store's put/put_many use
instead of TinyDB's insert/upsert. Why: every TinyDB write goes through
`Table._update_table`, which reads the whole database, rebuilds the table's dict
({int(doc_id): doc} and back) and hands all of it to `write()`, which would then encode
every document again; with ten years of data that is tens of milliseconds per save.
`put_documents` sets only the given documents, encodes only them, and changes memory only
once the new file is safely on disk. Deletes still use TinyDB's remove (rare; `write()`
re-encodes nothing unchanged).

Speed (see bench/save.py and bench/startup.py): the database lives in a `Tables` dict.
Tables the app has not used yet stay as the validated raw JSON they were read as (the store
validates every record table before it is used or written) and are decoded on first use;
each document's encoded bytes are remembered, so a save encodes only the documents that
changed and writes the rest as the bytes it already has. This relies on one rule: a stored
document dict is never changed in place; a change replaces the dict (TinyDB's insert/remove
do; put_documents replaces; the store never uses TinyDB's update/upsert, which change a
document in place).
"""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import msgspec

DIR_MODE = 0o700
FILE_MODE = 0o600
SPARE_SUFFIX = ".spare"

_encoder = msgspec.json.Encoder()
_decoder = msgspec.json.Decoder()
_raw_table_decoder = msgspec.json.Decoder(dict[str, msgspec.Raw])


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Decoding and saving build many small objects and free none in cycles: a cyclic GC
    pass in the middle (tens of ms with years of data in memory) is only a delay."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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


def atomic_write(path: Path, data: bytes | Sequence[bytes], *, durable: bool = True) -> None:
    """Replace `path` with `data` (bytes, or pieces written one after another) so that a
    crash leaves the old or the new file whole.

    Any OSError other than NotConfirmed means the old file is untouched.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            _write_all(f, data)
            if durable:
                os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if durable:
        _fsync_dir(path.parent)


def _write_all(f: Any, data: bytes | Sequence[bytes]) -> None:
    if isinstance(data, bytes | bytearray | memoryview):
        f.write(data)
    else:
        f.writelines(data)
    f.flush()


def _fsync_dir(directory: Path) -> None:
    """Make a rename in `directory` durable; NotConfirmed if the disk would not say so."""
    try:
        dir_fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError as exc:
        raise NotConfirmed(exc.errno, exc.strerror) from exc


def spare_path(path: Path) -> Path:
    """Where the version before the last save waits to be overwritten by the next one."""
    return path.with_name(f".{path.name}{SPARE_SUFFIX}")


def drop_spare(path: Path) -> None:
    """Remove `path`'s spare (it holds the previous version's words)."""
    with contextlib.suppress(OSError):
        os.unlink(spare_path(path))


def swapping_write(path: Path, data: bytes | Sequence[bytes]) -> None:
    """Replace `path` with `data` as durably and atomically as atomic_write, at about half
    the cost for a large file (see the module docstring): overwrite the spare in place,
    fsync it, swap the two names atomically, fsync the directory. The first save (no
    spare yet) is an atomic_write that keeps the old file as the spare.

    A crash while the spare is written leaves the data file untouched (the spare is never
    read back). Any OSError other than NotConfirmed means the data file is untouched.
    """
    if not _can_exchange():  # not Linux, or the swap proved unsupported here
        atomic_write(path, data)
        return
    spare = spare_path(path)
    fd = _open_spare(spare)
    if fd is None:
        _first_write_keeping_spare(path, spare, data)
        return
    try:
        with os.fdopen(fd, "wb") as f:
            _write_all(f, data)
            f.truncate()  # the previous version may have been longer
            os.fsync(f.fileno())
        if not _exchange(spare, path):
            os.replace(spare, path)  # no swap here: the plain recipe, with the spare as temp
    except BaseException:
        drop_spare(path)  # half-written, or not ours to trust any more
        raise
    _fsync_dir(path.parent)


def _open_spare(spare: Path) -> int | None:
    """The spare, open for writing, if it is safe to overwrite in place: a regular file of
    ours with no other name (a hard link made by a backup tool would see its copy change)."""
    try:
        fd = os.open(spare, os.O_WRONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if stat.S_ISREG(info.st_mode) and info.st_nlink == 1 and info.st_uid == os.getuid():
            if stat.S_IMODE(info.st_mode) != FILE_MODE:
                os.fchmod(fd, FILE_MODE)
            return fd
    except OSError:
        pass
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(spare)
    return None


def _first_write_keeping_spare(path: Path, spare: Path, data: bytes | Sequence[bytes]) -> None:
    """atomic_write, giving the old file the spare's name first so that it lives on to be
    overwritten by the next save. A crash in between leaves a spare, removed at the next
    start (Store.open)."""
    try:
        os.link(path, spare)
    except OSError:  # no old file yet, or no hard links on this file system
        pass
    try:
        atomic_write(path, data)
    except NotConfirmed:
        raise
    except BaseException:
        drop_spare(path)
        raise


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_renameat2: Any = None  # the C function; False where there is none or it does not work here


def _can_exchange() -> bool:
    """Whether names can be swapped atomically here (Linux's renameat2, found once)."""
    global _renameat2
    if _renameat2 is None:
        _renameat2 = False
        if sys.platform.startswith("linux"):
            import ctypes  # here, not at the top: only a save needs it, not start-up

            try:
                function = ctypes.CDLL(None, use_errno=True).renameat2
            except (AttributeError, OSError):
                pass
            else:
                function.argtypes = [ctypes.c_int, ctypes.c_char_p] * 2 + [ctypes.c_uint]
                function.restype = ctypes.c_int
                _renameat2 = function
    return _renameat2 is not False


def _exchange(a: Path, b: Path) -> bool:
    """Swap the names `a` and `b` atomically. False (nothing done) where the system or the
    file system cannot (and then saves stop trying); OSError for any other failure."""
    global _renameat2
    if not _can_exchange():
        return False
    if _renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    import ctypes

    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        _renameat2 = False
        return False
    raise OSError(err, os.strerror(err), str(a))


def encode(data: Any) -> bytes:
    return _encoder.encode(data)


def _braced(pieces: dict[str, bytes]) -> tuple[bytes, bytes, bytes]:
    return (b"{", b",".join(pieces.values()), b"}")


class Tables(dict):
    """The whole database, {table name: {doc id: document}}, as TinyDB reads and writes it.

    A table may be held as `msgspec.Raw` (validated JSON bytes from the file): it is decoded
    the first time anyone looks it up, and written back as those same bytes until then.
    `encoded()` returns the file's bytes in pieces, re-encoding only documents that are not
    the very objects it encoded before (see the module docstring for the rule this needs).
    """

    __slots__ = ("_chunks", "_docs", "_pieces")

    def __init__(self, data: Any = ()) -> None:
        super().__init__(data)
        # table name -> (the table object last encoded, its bytes)
        self._chunks: dict[str, tuple[Any, tuple[bytes, ...]]] = {}
        # table name -> doc id -> the document object encoded / b'"id":{...}', same order
        self._docs: dict[str, dict[str, Any]] = {}
        self._pieces: dict[str, dict[str, bytes]] = {}

    # -- lookups decode raw tables on first use ------------------------------------------

    def _materialise(self, name: str, value: Any) -> Any:
        if not isinstance(value, msgspec.Raw):
            return value
        raw = bytes(value)
        table: dict[str, Any] = _decoder.decode(raw)
        pieces = {
            doc_id: encode(doc_id) + b":" + bytes(doc_raw)
            for doc_id, doc_raw in _raw_table_decoder.decode(raw).items()
        }
        self._docs[name] = dict(table)
        self._pieces[name] = pieces
        self._chunks[name] = (table, (raw,))
        dict.__setitem__(self, name, table)
        return table

    def __getitem__(self, name: str) -> Any:
        value = dict.__getitem__(self, name)
        if not isinstance(value, msgspec.Raw):
            return value
        with gc_paused():
            return self._materialise(name, value)

    def get(self, name: str, default: Any = None) -> Any:
        if name not in self:
            return default
        return self[name]

    def items(self) -> list[tuple[str, Any]]:  # type: ignore[override]
        return [(name, self[name]) for name in list(self)]

    def values(self) -> list[Any]:  # type: ignore[override]
        return [self[name] for name in list(self)]

    def copy(self) -> dict[str, Any]:
        return dict(self.items())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, dict) and self.copy() == dict(other.items())

    __hash__ = None  # type: ignore[assignment]

    def is_loaded(self, name: str) -> bool:
        return not isinstance(dict.get(self, name), msgspec.Raw)

    # -- encoding ---------------------------------------------------------------------------

    def _chunk(self, name: str, table: Any) -> tuple[bytes, ...]:
        """The table's JSON in pieces: its raw bytes, or "{", the documents joined, "}"
        (kept apart so a save copies the megabytes of documents once, not three times)."""
        cached = self._chunks.get(name)
        if cached is not None and cached[0] is table:
            return cached[1]
        chunk: tuple[bytes, ...]
        if isinstance(table, msgspec.Raw):
            chunk = (bytes(table),)
        else:
            old_docs = self._docs.get(name, {})
            old_pieces = self._pieces.get(name, {})
            docs: dict[str, Any] = {}
            pieces: dict[str, bytes] = {}
            for doc_id, doc in table.items():
                key = doc_id if isinstance(doc_id, str) else str(doc_id)
                docs[key] = doc
                if old_docs.get(key) is doc:
                    pieces[key] = old_pieces[key]
                else:
                    pieces[key] = encode(key) + b":" + encode(doc)
            self._docs[name] = docs
            self._pieces[name] = pieces
            chunk = _braced(pieces)
        self._chunks[name] = (table, chunk)
        return chunk

    def _parts(self, replaced: str | None = None, chunk: tuple[bytes, ...] = ()) -> list[bytes]:
        """The JSON file's bytes, in pieces; with `chunk` standing for table `replaced`
        (added at the end when there is no such table yet)."""
        parts = [b"{"]
        i = -1
        for i, (name, table) in enumerate(dict.items(self)):
            parts.append((b"," if i else b"") + encode(name) + b":")
            parts.extend(chunk if name == replaced else self._chunk(name, table))
        if replaced is not None and replaced not in self:
            parts.append((b"," if i >= 0 else b"") + encode(replaced) + b":")
            parts.extend(chunk)
        parts.append(b"}")
        return parts

    def encoded(self) -> list[bytes]:
        """The JSON file's bytes, in pieces (a few per table)."""
        parts = self._parts()
        for gone in self._chunks.keys() - dict.keys(self):
            del self._chunks[gone]
            self._docs.pop(gone, None)
            self._pieces.pop(gone, None)
        return parts

    def with_documents(
        self, name: str, docs: dict[str, tuple[dict[str, Any], bytes | None]]
    ) -> tuple[list[bytes], Callable[[], None]]:
        """Prepare `self[name][doc_id] = doc` for each of `docs` ({doc id: (document, its
        JSON bytes or None)}) without touching memory yet: return the file's new bytes and
        a function that makes the change in memory (call it once they are safely on disk).
        Only these documents are encoded; the table is not rebuilt."""
        self.encoded()  # brings every table's cached bytes up to date
        table = self[name] if name in self else {}
        pieces = dict(self._pieces.get(name, {}))
        new_table = dict(table)
        for doc_id, (doc, doc_bytes) in docs.items():
            body = encode(doc) if doc_bytes is None else doc_bytes
            pieces[doc_id] = encode(doc_id) + b":" + body
            new_table[doc_id] = doc
        chunk = _braced(pieces)
        parts = self._parts(name, chunk)

        def commit() -> None:
            cached = self._docs.setdefault(name, {})
            for doc_id, (doc, _) in docs.items():
                cached[doc_id] = doc
            self._pieces[name] = pieces
            self._chunks[name] = (new_table, chunk)
            dict.__setitem__(self, name, new_table)

        return parts, commit


class AtomicJSONStorage:
    """A TinyDB storage that keeps the data in memory and writes it atomically.

    It implements TinyDB's `Storage` interface (read/write/close) and is registered as one
    (a virtual subclass) when the store first hands it to a TinyDB Table, so importing this
    module does not import TinyDB (start-up draws Home without needing it)."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = Path(path)
        self._data = data if isinstance(data, Tables) else Tables(data)
        self.writes = 0

    def read(self) -> Tables:
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        """TinyDB's whole-database write (used for a new file and by TinyDB's own table
        operations, e.g. remove). Documents unchanged since the last write are not
        re-encoded (see Tables)."""
        tables = data if isinstance(data, Tables) else Tables(data)
        try:
            atomic_write(self.path, tables.encoded())
        except NotConfirmed:
            self._data = tables  # the new file is in place: memory says the same
            self.writes += 1
            drop_spare(self.path)
            raise
        self._data = tables
        self.writes += 1
        # A delete: the spare still holds what was just removed, so it goes too.
        drop_spare(self.path)

    def put_document(
        self, table: str, doc_id: str, doc: dict[str, Any], encoded: bytes | None = None
    ) -> None:
        """Set one document (`encoded`: its JSON bytes, if the caller has them) and save at
        once: the store's fast path for put(). See put_documents."""
        self.put_documents(table, {doc_id: (doc, encoded)})

    def put_documents(
        self, table: str, docs: dict[str, tuple[dict[str, Any], bytes | None]]
    ) -> None:
        """Set several documents of one table ({doc id: (document, its JSON bytes or None)})
        and save them with one atomic write.

        Unlike a TinyDB table operation (Table._update_table reads the whole database,
        rebuilds the table's dict and hands it all to write()), this neither rebuilds the
        table nor re-encodes other documents. Memory changes only once the new file is in
        place: on an OSError the file and memory are both as before; on NotConfirmed (the
        file was renamed into place, only the folder's fsync failed) both hold the change.
        """
        with gc_paused():
            parts, commit = self._data.with_documents(table, docs)
            try:
                swapping_write(self.path, parts)
            except NotConfirmed:
                commit()
                self.writes += 1
                raise
            commit()
        self.writes += 1

    def close(self) -> None:
        drop_spare(self.path)
