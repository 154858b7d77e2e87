"""Tables left for later: `Store.open(..., later=...)` decodes what the first screen reads
and leaves big tables to `check()`, which the app calls on a thread once its first frame is
drawn. Whatever the file holds, the guarantees stay those of a full open: a damaged later
table is found by `check()` (nothing written, no `.bak`, nothing of it shown), a good one
reads exactly as a full open reads it, and nothing reads or saves before it is checked."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from typing import Any

import msgspec
import pytest

from closeness_tui import store as store_mod
from closeness_tui.models import CheckIn, Ritual, Settings, Statement
from closeness_tui.store import (
    BACKUP_FILE,
    DATA_FILE,
    Store,
    StoreDamaged,
    StoreWriteError,
)

WHEN = datetime(2026, 11, 21, 19, 30, tzinfo=UTC)
LATER = (CheckIn, Statement)


@pytest.fixture
def later_always(monkeypatch: pytest.MonkeyPatch) -> None:
    """Leave the later tables for later whatever their size (small files are checked at
    once in the app)."""
    monkeypatch.setattr(store_mod, "LATER_OVER", 0)


def seed(data_dir, n: int = 3) -> bytes:
    with Store.open(data_dir) as store:
        store.put(Settings(partner_a="Ana", partner_b="Ben"))
        store.put(Ritual(name="Walk", start=WHEN.date(), weekdays=[5]))
        store.put_many(Statement(author=0, created_at=WHEN, text=f"s{i}") for i in range(n))
    assert not (data_dir / BACKUP_FILE).exists()  # (a first start keeps none)
    return (data_dir / DATA_FILE).read_bytes()


def edit(raw: bytes, old: bytes, new: bytes) -> bytes:
    assert raw.count(old) == 1
    return raw.replace(old, new)


def _set(doc: dict[str, Any], value: Any) -> bytes:
    doc["statements"]["1"]["author"] = value
    return msgspec.json.encode(doc)


def record_twice(raw: bytes) -> bytes:
    """Record number 2 of the statements named twice (a good statement the first time)."""
    other = msgspec.json.encode(Statement(author=1, created_at=WHEN, text="gone"))
    return edit(raw, b'"statements":{"1":', b'"statements":{"2":' + other + b',"1":')


# What is done to a good file's statements table, and what check() then says.
DAMAGE = [
    ("out of range", lambda raw: _set(msgspec.json.decode(raw), 7), "wrong_shape"),
    ("wrong type", lambda raw: _set(msgspec.json.decode(raw), "me"), "wrong_shape"),
    ("field twice", lambda raw: edit(raw, b'"text":"s0"', b'"text":"x","text":"s0"'), "duplicate"),
    ("record twice", record_twice, "duplicate"),
    (
        "no id",
        lambda raw: edit(raw, b'"statements":{"1":{"id"', b'"statements":{"1":{"x"'),
        "wrong_shape",
    ),
    ("bad UTF-8", lambda raw: edit(raw, b'"text":"s0"', b'"text":"s\xff0"'), "not_json"),
]


@pytest.mark.parametrize(("what", "damage", "problem"), DAMAGE, ids=[d[0] for d in DAMAGE])
def test_damage_in_a_later_table_is_found_by_check_and_nothing_is_written(
    data_dir, later_always, what, damage, problem
):
    bad = damage(seed(data_dir))
    (data_dir / DATA_FILE).write_bytes(bad)
    store = Store.open(data_dir, later=LATER)  # the first screen's tables are fine
    assert store.settings().names == ("Ana", "Ben")
    found = store.check()
    assert isinstance(found, StoreDamaged) and found.problem == problem
    assert store.check() is found  # said once, the same each time asked
    assert store.all(Statement) == []  # nothing of the damaged table is shown
    assert store.get(Statement, "x") is None and store.count(Statement) == 0
    with pytest.raises(StoreWriteError, match="damaged"):
        store.put(Ritual(name="Tea", start=WHEN.date(), weekdays=[1]))
    with pytest.raises(StoreWriteError):
        store.delete(Ritual, store.all(Ritual)[0].id)
    store.close()
    assert (data_dir / DATA_FILE).read_bytes() == bad
    assert not (data_dir / BACKUP_FILE).exists()  # a damaged file is never the backup
    with pytest.raises(StoreDamaged) as full:  # a full open says the same
        Store.open(data_dir)
    assert full.value.problem == problem


@pytest.mark.parametrize(("what", "damage", "problem"), DAMAGE, ids=[d[0] for d in DAMAGE])
def test_a_small_file_is_checked_in_full_at_open_even_with_later(data_dir, what, damage, problem):
    (data_dir / DATA_FILE).write_bytes(damage(seed(data_dir)))
    with pytest.raises(StoreDamaged) as info:
        Store.open(data_dir, later=LATER)  # 3 statements: far under LATER_OVER
    assert info.value.problem == problem


def test_damage_in_a_first_table_is_raised_at_open(data_dir, later_always):
    doc = msgspec.json.decode(seed(data_dir))
    doc["rituals"]["1"]["weekdays"] = [9]
    (data_dir / DATA_FILE).write_bytes(msgspec.json.encode(doc))
    with pytest.raises(StoreDamaged, match="rituals"):
        Store.open(data_dir, later=LATER)
    store_mod.FolderLock(data_dir).release()  # the failed open let go of the lock


def test_a_later_table_read_before_the_check_is_checked_first_and_reads_as_a_full_open(
    data_dir, later_always
):
    raw = seed(data_dir)
    with Store.open(data_dir, read_only=True) as full:
        expected = full.all(Statement)
    store = Store.open(data_dir, later=LATER)
    assert store.all(Statement) == expected  # waited for the check, then read
    assert store.check() is None
    store.close()
    assert (data_dir / BACKUP_FILE).read_bytes() == raw


def test_a_save_before_the_check_checks_first_and_keeps_every_table(data_dir, later_always):
    seed(data_dir)
    with Store.open(data_dir, later=LATER) as store:
        store.put(Ritual(name="Tea", start=WHEN.date(), weekdays=[1]))
    doc = msgspec.json.decode((data_dir / DATA_FILE).read_bytes())
    assert len(doc["statements"]) == 3 and len(doc["rituals"]) == 2
    assert list(doc) == ["_meta", "settings", "rituals", "statements"]  # the file's order


def test_the_check_on_a_thread_and_reads_on_another_agree(data_dir, later_always):
    """As in the app: the worker checks while the screen reads; the read waits for it."""
    seed(data_dir, n=200)
    with Store.open(data_dir, read_only=True) as full:
        expected = full.all(Statement)
    store = Store.open(data_dir, later=LATER)
    results: list[object] = []
    worker = threading.Thread(target=lambda: results.append(store.check()))
    worker.start()
    seen = store.all(Statement)
    worker.join()
    assert results == [None] and seen == expected
    assert store.write_backup() is None
    store.close()


def test_without_later_everything_is_checked_at_open(data_dir, later_always):
    bad = _set(msgspec.json.decode(seed(data_dir)), 7)
    (data_dir / DATA_FILE).write_bytes(bad)
    with pytest.raises(StoreDamaged, match="statements"):
        Store.open(data_dir)


def test_reading_the_first_screen_s_kinds_decodes_no_later_table(
    data_dir, later_always, monkeypatch
):
    """Home reads settings, rituals and kinds the file may not hold yet (solutions, talks
    after a fight): none of these waits for the check."""
    from closeness_tui.models import AfterFight, RitualMark, Solution

    seed(data_dir)
    decoded: list[str] = []
    real = store_mod._decode_table
    monkeypatch.setattr(
        store_mod,
        "_decode_table",
        lambda name, raw, path: (decoded.append(name), real(name, raw, path))[1],
    )
    store = Store.open(data_dir, later=LATER)
    for kind in (Settings, Ritual, RitualMark, Solution, AfterFight):
        store.all(kind)
    assert decoded == ["_meta", "settings", "rituals"]
    store.all(Statement)
    assert decoded[3:] == ["statements"]
    store.close()
