"""The store keeps typed records in memory and, from its first save, each record's bytes:
through every kind of change, the file must be exactly what memory holds, and exactly what
a plain full encoding of it would be."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime
from pathlib import Path

import msgspec

from closeness_tui.models import Answer, CheckIn, Ritual, Statement
from closeness_tui.store import DATA_FILE, Store

WHEN = datetime(2026, 11, 21, 19, 30, tzinfo=UTC)


def _statement(i: int) -> Statement:
    return Statement(author=i % 2, created_at=WHEN, text=f"I feel [calm] {i} 🙂 שלום")


def _on_disk(data_dir: Path) -> object:
    return msgspec.json.decode((data_dir / DATA_FILE).read_bytes())


def _in_memory(store: Store) -> object:
    return msgspec.json.decode(msgspec.json.encode(store.document()))


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
            assert (data_dir / DATA_FILE).read_bytes() == msgspec.json.encode(store._tables)
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
