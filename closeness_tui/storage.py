"""Durable, private bytes on disk, and the custom TinyDB Storage that uses them.

No Textual here. The rules:
- the data directory is 0700 and every file in it 0600 (checked and fixed on each start);
- a write serialises the whole database, writes a temp file in the same directory
  (mkstemp creates it 0600), fsyncs it, `os.replace`s it over the old file and fsyncs the
  directory: a SIGKILL at any instant leaves either the old file or the new one, whole.
  An OSError before the rename leaves the old file; `NotConfirmed` means the new file is in
  place but the directory's fsync failed;
- after one read the data lives in memory; TinyDB's read() never touches the disk again.

TinyDB stays the database layer: `AtomicJSONStorage` is a `tinydb.storages.Storage`
(read/write/close), TinyDB's tables read through it, and the file is TinyDB's JSON format
({table: {doc id: document}}). It adds one method of its own, `put_documents` (and
`put_document` for one), which the store's put/put_many use instead of TinyDB's
insert/upsert. Why: every TinyDB write goes through `Table._update_table`, which reads the
whole database, rebuilds the table's dict ({int(doc_id): doc} and back) and hands all of it
to `write()`, which would then encode every document again; with ten years of data that is
tens of milliseconds per save. `put_documents` sets only the given documents, encodes only
them, and changes memory only once the new file is safely on disk. Deletes still use
TinyDB's remove (rare; `write()` re-encodes nothing unchanged).

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
import gc
import os
import stat
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import msgspec
from tinydb.storages import Storage

DIR_MODE = 0o700
FILE_MODE = 0o600
RETIRED_SUFFIX = ".retired"

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
            if entry.name.startswith(".") and entry.name.endswith(RETIRED_SUFFIX):
                entry.unlink()  # an old version atomic_write had not finished removing
                continue
            if entry.is_file() and not entry.is_symlink():
                if stat.S_IMODE(entry.stat().st_mode) != FILE_MODE:
                    entry.chmod(FILE_MODE)


class NotConfirmed(OSError):
    """The new file is in place but fsyncing its directory failed: the rename may not
    survive a power cut. Raised after `os.replace`, so the new bytes are what a reader sees."""


def atomic_write(
    path: Path,
    data: bytes | Sequence[bytes],
    *,
    durable: bool = True,
    free_old_later: bool = False,
) -> None:
    """Replace `path` with `data` (bytes, or pieces written one after another) so that a
    crash leaves the old or the new file whole.

    Any OSError other than NotConfirmed means the old file is untouched.

    free_old_later: give the old file a second (hidden) name first, so `os.replace` does not
    have to free its blocks while the caller waits (several ms for a file of megabytes); a
    background thread removes that name once the new file is in place. A name left behind
    by a crash is removed by `ensure_private_dir` at the next start. The store does not use
    it: the old file (with words a partner may just have deleted) would outlive the save,
    and the data folder would change after the save returned.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    retired: str | None = None
    try:
        with os.fdopen(fd, "wb") as f:
            if isinstance(data, bytes | bytearray | memoryview):
                f.write(data)
            else:
                f.writelines(data)
            f.flush()
            if durable:
                os.fsync(f.fileno())
        if free_old_later:
            retired = f"{tmp[: -len('.tmp')]}{RETIRED_SUFFIX}"
            try:
                os.link(path, retired)
            except OSError:  # no old file yet, or no hard links on this file system
                retired = None
        os.replace(tmp, path)
    except BaseException:
        for leftover in (tmp, retired):
            if leftover is not None:
                with contextlib.suppress(OSError):
                    os.unlink(leftover)
        raise
    if durable:
        try:
            dir_fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        except OSError as exc:
            _retire(retired)
            raise NotConfirmed(exc.errno, exc.strerror) from exc
    _retire(retired)


def _retire(name: str | None) -> None:
    """Remove the old file's second name in the background (see atomic_write)."""
    if name is not None:
        threading.Thread(target=_unlink_quietly, args=(name,), daemon=True).start()


def _unlink_quietly(name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(name)


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


class AtomicJSONStorage(Storage):
    """A TinyDB storage that keeps the data in memory and writes it atomically."""

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
            raise
        self._data = tables
        self.writes += 1

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
                atomic_write(self.path, parts)
            except NotConfirmed:
                commit()
                self.writes += 1
                raise
            commit()
        self.writes += 1

    def close(self) -> None:
        pass
