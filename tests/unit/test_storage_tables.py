"""The fast write path: lazily decoded tables and cached encoded documents must always give
exactly the file a plain full encoding would, through every kind of change."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime
from pathlib import Path

import msgspec
import pytest

from closeness_tui.models import Answer, CheckIn, Ritual, Statement
from closeness_tui.storage import Tables
from closeness_tui.store import DATA_FILE, Store, StoreDamaged

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
        tables = store._db.storage.read()
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


def test_old_versions_are_removed_after_a_save_and_at_the_next_start(data_dir: Path) -> None:
    import time

    from closeness_tui.storage import RETIRED_SUFFIX, atomic_write, ensure_private_dir

    with Store.open(data_dir) as store:
        for i in range(3):
            store.put(_statement(i))
    deadline = time.monotonic() + 5
    while any(p.name.endswith(RETIRED_SUFFIX) for p in data_dir.iterdir()):
        assert time.monotonic() < deadline, "an old version was left behind"
        time.sleep(0.01)
    # One left by a crash between the save and its clean-up goes at the next start.
    stale = data_dir / f".{DATA_FILE}.abc123{RETIRED_SUFFIX}"
    stale.write_bytes(b"{}")
    ensure_private_dir(data_dir)
    assert not stale.exists()
    # Without an old file (or hard links) it simply writes.
    fresh = data_dir / "other.json"
    atomic_write(fresh, [b"{", b"}"], free_old_later=True)
    assert fresh.read_bytes() == b"{}"
