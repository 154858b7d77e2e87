"""The fast write path: lazily decoded tables and cached encoded documents must always give
exactly the file a plain full encoding would, through every kind of change."""

from __future__ import annotations

import os
import random
import stat
from datetime import UTC, date, datetime
from pathlib import Path

import msgspec
import pytest

from closeness_tui.models import Answer, CheckIn, Ritual, Statement
from closeness_tui.storage import Tables
from closeness_tui.store import DATA_FILE, Store, StoreDamaged, StoreWriteError

WHEN = datetime(2026, 11, 21, 19, 30, tzinfo=UTC)


def _statement(i: int) -> Statement:
    return Statement(author=i % 2, created_at=WHEN, text=f"I feel [calm] {i} 🙂 שלום")


def _on_disk(data_dir: Path) -> object:
    return msgspec.json.decode((data_dir / DATA_FILE).read_bytes())


def _in_memory(store: Store) -> object:
    return msgspec.json.decode(msgspec.json.encode(dict(store.document().items())))


def test_random_changes_keep_file_and_memory_identical(data_dir: Path) -> None:
    rng = random.Random(5)
    with Store.open(data_dir) as store:
        store.put_many([_statement(i) for i in range(20)])
    live: dict[str, Statement] = {}
    with Store.open(data_dir) as store:  # reopened: tables start as raw JSON
        live = {s.id: s for s in store.all(Statement)}
        for step in range(60):
            op = rng.choice(["insert", "update", "delete", "many", "checkin"])
            if op == "insert":
                rec = _statement(100 + step)
                store.put(rec)
                live[rec.id] = rec
            elif op == "update" and live:
                rec = live[rng.choice(sorted(live))]
                rec.text += f" +{step}"
                store.put(rec)
            elif op == "delete" and live:
                rid = rng.choice(sorted(live))
                assert store.delete(Statement, rid)
                del live[rid]
            elif op == "many":
                recs = [_statement(200 + step * 3 + k) for k in range(3)]
                store.put_many(recs)
                live.update({r.id: r for r in recs})
            else:
                store.put(
                    CheckIn(kind="nightly", created_at=WHEN, answers=[Answer(seat=0, prompt="p")])
                )
            assert _on_disk(data_dir) == _in_memory(store), f"step {step}: {op}"
        assert {s.id: s for s in store.all(Statement)} == live
    with Store.open(data_dir, read_only=True) as again:
        assert {s.id: s for s in again.all(Statement)} == live


def test_doc_ids_stay_unique_when_put_and_put_many_mix(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.put_many([Ritual(name="a", start=date(2026, 1, 1))])
        store.put(Ritual(name="b", start=date(2026, 1, 1)))
        store.put_many([Ritual(name="c", start=date(2026, 1, 1))])
        store.put(Ritual(name="d", start=date(2026, 1, 1)))
    with Store.open(data_dir, read_only=True) as store:
        assert sorted(r.name for r in store.all(Ritual)) == ["a", "b", "c", "d"]
        assert sorted(store.document()["rituals"]) == ["1", "2", "3", "4"]


def test_unused_tables_are_written_back_untouched(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.put_many([_statement(i) for i in range(5)])
    with Store.open(data_dir) as store:
        tables = store._storage.read()
        assert isinstance(tables, Tables)
        assert not tables.is_loaded("statements")
        store.put(CheckIn(kind="gratitude", created_at=WHEN))
        assert not tables.is_loaded("statements")  # saved without decoding it
    with Store.open(data_dir, read_only=True) as store:
        assert len(store.all(Statement)) == 5


def test_deferred_checks_find_a_bad_record_before_any_write(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.put_many([_statement(i) for i in range(3)])
    doc = _on_disk(data_dir)
    doc["statements"]["2"]["author"] = "not a seat"
    bad = msgspec.json.encode(doc)
    (data_dir / DATA_FILE).write_bytes(bad)

    with pytest.raises(StoreDamaged):
        Store.open(data_dir).close()  # checked at once by default

    store = Store.open(data_dir, defer_checks=True)
    try:
        assert store.settings().names == ("", "")  # what the first screen needs is fine
        with pytest.raises(StoreDamaged) as caught:
            store.put(CheckIn(kind="nightly", created_at=WHEN))
        assert caught.value.problem == "wrong_shape"
        with pytest.raises(StoreDamaged):
            store.check_all()
    finally:
        store.close()
    assert (data_dir / DATA_FILE).read_bytes() == bad  # never overwritten
    assert not (data_dir / "closeness.json.bak").exists()  # and never backed up


def test_the_spare_is_reused_and_never_outlives_the_store(data_dir: Path) -> None:
    """A save overwrites the previous version's file (the spare) and swaps the names; the
    spare holds old words, so it goes on close, after a delete and at the next start."""
    from closeness_tui.storage import spare_path

    spare = spare_path(data_dir / DATA_FILE)
    first = _statement(0)
    with Store.open(data_dir) as store:
        store.put(first)
        assert spare.exists()  # the version before that save
        inodes = {(data_dir / DATA_FILE).stat().st_ino, spare.stat().st_ino}
        for i in range(1, 4):
            store.put(_statement(i))
            assert stat.S_IMODE(spare.stat().st_mode) == 0o600
            # the same two files take turns: no new file per save
            assert {(data_dir / DATA_FILE).stat().st_ino, spare.stat().st_ino} == inodes
        assert len(store.all(Statement)) == 4
        assert store.delete(Statement, first.id)
        assert not spare.exists()  # it held the deleted statement
        store.put(_statement(5))
        assert spare.exists()
    assert not spare.exists()
    with Store.open(data_dir, read_only=True) as check:
        assert len(check.all(Statement)) == 4
    # One left behind by a crash goes at the next start (it is never read).
    spare.write_bytes(b"not even json")
    with Store.open(data_dir) as store:
        assert not spare.exists()
        assert len(store.all(Statement)) == 4


def test_a_spare_with_another_name_is_not_overwritten(data_dir: Path) -> None:
    """A hard link (a backup tool's snapshot, say) must not see its copy change."""
    from closeness_tui.storage import spare_path

    with Store.open(data_dir) as store:
        store.put(_statement(0))
        store.put(_statement(1))
        spare = spare_path(data_dir / DATA_FILE)
        snapshot = data_dir.parent / "snapshot.json"
        os.link(spare, snapshot)
        kept = snapshot.read_bytes()
        store.put(_statement(2))
        store.put(_statement(3))
        assert snapshot.read_bytes() == kept
    with Store.open(data_dir, read_only=True) as check:
        assert len(check.all(Statement)) == 4


def test_saves_fall_back_to_a_plain_rename_without_the_swap(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from closeness_tui import storage

    monkeypatch.setattr(storage, "_exchange", lambda a, b: False)
    with Store.open(data_dir) as store:
        for i in range(4):
            store.put(_statement(i))
    with Store.open(data_dir, read_only=True) as check:
        assert len(check.all(Statement)) == 4
    assert [p.name for p in data_dir.iterdir() if "spare" in p.name] == []


def test_a_failed_save_leaves_the_file_and_drops_the_spare(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from closeness_tui import storage

    with Store.open(data_dir) as store:
        store.put(_statement(0))
        store.put(_statement(1))
        before = (data_dir / DATA_FILE).read_bytes()

        def broken(a: Path, b: Path) -> bool:
            raise OSError(5, "Input/output error")

        monkeypatch.setattr(storage, "_exchange", broken)
        with pytest.raises(StoreWriteError):
            store.put(_statement(2))
        assert (data_dir / DATA_FILE).read_bytes() == before
        assert not storage.spare_path(data_dir / DATA_FILE).exists()
        assert len(store.all(Statement)) == 2  # memory says what the file says
        monkeypatch.undo()
        store.put(_statement(3))
    with Store.open(data_dir, read_only=True) as check:
        assert len(check.all(Statement)) == 3


def test_without_the_swap_at_all_saves_are_plain_and_leave_no_spare(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not Linux (or renameat2 refused by this file system): every save is the plain
    recipe, and no spare is ever kept."""
    from closeness_tui import storage

    monkeypatch.setattr(storage, "_renameat2", False)
    with Store.open(data_dir) as store:
        for i in range(3):
            store.put(_statement(i))
            assert not storage.spare_path(data_dir / DATA_FILE).exists()
    with Store.open(data_dir, read_only=True) as check:
        assert len(check.all(Statement)) == 3


def test_the_storage_is_a_tinydb_storage_once_tinydb_uses_it(tmp_path):
    """TinyDB is imported when a table is first needed, not at start-up; from then on the
    storage counts as one of TinyDB's (it implements read/write/close)."""
    from tinydb.storages import Storage

    with Store.open(tmp_path / "data") as store:
        put = Statement(author=0, created_at=datetime(2026, 11, 21, tzinfo=UTC), text="[b]hi")
        store.put(put)
        assert store.get(Statement, put.id) == put  # through TinyDB's Table
        assert isinstance(store._storage, Storage)
        assert store.delete(Statement, put.id)
        assert store.all(Statement) == []
