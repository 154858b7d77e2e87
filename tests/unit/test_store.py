"""The store: records in and out, uuids, settings, migrations, damaged files, permissions,
the one-writer lock, and failed writes that leave both the file and memory as they were."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import textwrap
from datetime import UTC, date, datetime
from pathlib import Path

import msgspec
import pytest

from closeness_tui import migrations
from closeness_tui import store as store_mod
from closeness_tui.cli import json_document
from closeness_tui.models import (
    Answer,
    CheckIn,
    ListeningSession,
    Record,
    Ritual,
    RitualMark,
    Settings,
    Statement,
    Summary,
    Turn,
)
from closeness_tui.recovery import backup_status, restore_backup, set_aside
from closeness_tui.store import (
    BACKUP_FILE,
    DATA_FILE,
    LOCK_FILE,
    Store,
    StoreDamaged,
    StoreLocked,
    StoreWriteError,
    empty_document,
    migrate,
    parse_document,
)

NOW = datetime(2026, 11, 21, 19, 30, tzinfo=UTC)
SECRET = "Our secret: the words 'I miss you' must never reach a log"


def statement(**kw) -> Statement:
    kw.setdefault("author", 0)
    kw.setdefault("created_at", NOW)
    kw.setdefault("feeling", "lonely")
    return Statement(**kw)


def session() -> ListeningSession:
    return ListeningSession(
        started_at=NOW,
        topic="the dishes [/]",
        names=["Ana", "Ben"],
        turns=[
            Turn(
                speaker=0,
                planned_seconds=300.0,
                actual_seconds=287.5,
                summaries=[Summary(text="You felt unseen", rating="partly", at=NOW)],
            )
        ],
        readiness={"0": True, "1": False},
        state={"phase": "speaking", "remaining": 12.5, "nested": {"a": [1, 2]}},
    )


def every_kind() -> list[Record]:
    ritual = Ritual(name="Sunday walk", weekdays=[6], start=date(2026, 11, 22))
    return [
        statement(situation="when we talk", need="closeness", request="ask me"),
        session(),
        CheckIn(
            kind="nightly",
            created_at=NOW,
            answers=[Answer(seat=0, prompt="What went well?", text="Dinner", reply="yes")],
            promise_review={"0": "kept"},
        ),
        ritual,
        RitualMark(ritual_id=ritual.id, occurrence=date(2026, 11, 22), note="rain"),
    ]


def _deep(levels: int) -> dict:
    out: dict = {}
    for _ in range(levels):
        out = {"x": out}
    return out


def raw_doc(directory: Path) -> dict:
    return msgspec.json.decode((directory / DATA_FILE).read_bytes())


def doc_id_of(directory: Path, table: str, record_id: str) -> str:
    (found,) = [k for k, v in raw_doc(directory)[table].items() if v["id"] == record_id]
    return found


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- records in and out ---------------------------------------------------------------


def test_every_kind_round_trips_through_put_get_all_and_a_reopen(data_dir):
    records = every_kind()
    with Store.open(data_dir) as store:
        for rec in records:
            store.put(rec)
        for rec in records:
            assert store.get(type(rec), rec.id) == rec
            assert store.all(type(rec)) == [rec]
    with Store.open(data_dir, read_only=True) as store:
        for rec in records:
            assert store.get(type(rec), rec.id) == rec
            assert store.all(type(rec)) == [rec]
            assert store.count(type(rec)) == 1


def test_delete_removes_one_record_and_says_whether_it_was_there(data_dir):
    a, b = statement(feeling="a"), statement(feeling="b")
    with Store.open(data_dir) as store:
        store.put_many([a, b])
        assert store.delete(Statement, a.id) is True
        assert store.delete(Statement, a.id) is False
        assert store.delete(Statement, "no-such-id") is False
        assert store.get(Statement, a.id) is None
        assert store.all(Statement) == [b]
    with Store.open(data_dir, read_only=True) as store:
        assert store.all(Statement) == [b]


def test_a_record_keeps_its_uuid_and_a_second_put_replaces_it(data_dir):
    rec = statement(feeling="hurt")
    first_id = rec.id
    with Store.open(data_dir) as store:
        store.put(rec)
        rec.feeling = "hurt, then relieved"
        rec.updated_at = NOW
        store.put(rec)
        assert store.count(Statement) == 1
        assert store.get(Statement, first_id).feeling == "hurt, then relieved"
    with Store.open(data_dir) as store:
        (again,) = store.all(Statement)
        assert again.id == first_id
        again.need = "rest"
        store.put(again)
        assert store.count(Statement) == 1
    (doc,) = raw_doc(data_dir)["statements"].values()
    assert doc["id"] == first_id and doc["need"] == "rest"


def test_doc_ids_reused_after_a_delete_do_not_confuse_the_uuid_index(data_dir):
    a, b, c = statement(feeling="a"), statement(feeling="b"), statement(feeling="c")
    with Store.open(data_dir) as store:
        for rec in (a, b, c):
            store.put(rec)
    c_doc_id = doc_id_of(data_dir, "statements", c.id)
    with Store.open(data_dir) as store:
        store.delete(Statement, c.id)
    d = statement(feeling="d")
    with Store.open(data_dir) as store:  # TinyDB hands out max+1 again: c's old doc id
        store.put(d)
        assert doc_id_of(data_dir, "statements", d.id) == c_doc_id
        assert store.get(Statement, c.id) is None
        assert store.get(Statement, d.id) == d
        a.feeling = "a, changed"
        store.put(a)  # replaces a, not d
        assert store.get(Statement, d.id) == d
        assert store.get(Statement, a.id).feeling == "a, changed"
        # Deleted and put back under the same uuid: one record, a fresh doc id.
        store.delete(Statement, b.id)
        store.put(b)
        store.put(b)
        assert sorted(s.feeling for s in store.all(Statement)) == ["a, changed", "b", "d"]
    with Store.open(data_dir, read_only=True) as store:
        assert sorted(s.feeling for s in store.all(Statement)) == ["a, changed", "b", "d"]


def test_settings_stay_a_single_record(data_dir):
    with Store.open(data_dir) as store:
        defaults = store.settings()  # nothing saved yet: the defaults
        assert defaults == Settings(id=defaults.id) and store.count(Settings) == 0
        store.save_settings(Settings(partner_a="Ana", partner_b="Ben"))
        first_id = store.settings().id
        store.save_settings(Settings(partner_a="Ana", partner_b="Bea", theme="textual-light"))
        assert store.count(Settings) == 1
        assert store.settings().id == first_id
        assert store.settings().names == ("Ana", "Bea")
    with Store.open(data_dir) as store:
        assert store.count(Settings) == 1
        assert store.settings().theme == "textual-light"


def test_put_many_inserts_in_one_write_and_replaces_what_is_already_there(data_dir):
    kept = statement(feeling="kept")
    with Store.open(data_dir) as store:
        store.put(kept)
        writes = store.writes
        fresh = [statement(feeling=f"n{i}") for i in range(50)]
        store.put_many(fresh)
        assert store.writes == writes + 1  # one write for all fifty
        kept.feeling = "kept, changed"
        twice = statement(feeling="first")
        twice_again = msgspec.structs.replace(twice, feeling="second")
        store.put_many([kept, twice, session(), twice_again])
        assert store.count(Statement) == 52
        assert store.get(Statement, kept.id).feeling == "kept, changed"
        assert store.get(Statement, twice.id).feeling == "second"
        assert store.count(ListeningSession) == 1
    with Store.open(data_dir) as store:  # and the file opens: no duplicate ids were written
        assert store.count(Statement) == 52


def test_put_many_of_several_kinds_is_one_write_all_or_none(data_dir):
    with Store.open(data_dir) as store:
        store.put(statement(feeling="kept"))
        writes, before = store.writes, (data_dir / DATA_FILE).read_bytes()
        with pytest.raises(StoreWriteError):  # the last record is bad: nothing is written
            store.put_many([session(), Settings(partner_a="Ana"), statement(created_at="no")])
        assert (store.writes, (data_dir / DATA_FILE).read_bytes()) == (writes, before)
        assert (store.count(ListeningSession), store.count(Settings)) == (0, 0)
        store.put_many([session(), Settings(partner_a="Ana"), statement(feeling="new")])
        assert store.writes == writes + 1
    with Store.open(data_dir, read_only=True) as store:
        assert (store.count(ListeningSession), store.count(Settings)) == (1, 1)
        assert sorted(s.feeling for s in store.all(Statement)) == ["kept", "new"]


def test_read_only_refuses_every_write_and_changes_nothing(data_dir):
    rec = statement()
    with Store.open(data_dir) as store:
        store.put(rec)
    before = (data_dir / DATA_FILE).read_bytes()
    with Store.open(data_dir, read_only=True) as store:
        assert store.read_only
        with pytest.raises(StoreWriteError):
            store.put(statement())
        with pytest.raises(StoreWriteError):
            store.put_many([statement()])
        with pytest.raises(StoreWriteError):
            store.delete(Statement, rec.id)
        with pytest.raises(StoreWriteError):
            store.save_settings(Settings(partner_a="X", partner_b="Y"))
        assert store.all(Statement) == [rec]
    assert (data_dir / DATA_FILE).read_bytes() == before
    assert not (data_dir / BACKUP_FILE).exists()  # a read-only open writes no backup


def test_read_only_open_of_a_missing_folder_says_there_is_no_data(tmp_path):
    with pytest.raises(StoreDamaged) as info:
        Store.open(tmp_path / "nowhere", read_only=True)
    assert info.value.problem == "missing"
    assert not (tmp_path / "nowhere").exists()


def test_a_closed_store_refuses_writes(data_dir):
    store = Store.open(data_dir)
    store.close()
    with pytest.raises(StoreWriteError, match="closed"):
        store.put(statement())
    with Store.open(data_dir, read_only=True) as again:
        assert again.all(Statement) == []


# -- records the store could not read back are refused before anything changes ---------


@pytest.mark.parametrize(
    ("make", "where"),
    [
        (lambda: Settings(partner_a=5), "partner_a"),  # type: ignore[arg-type]
        (
            lambda: ListeningSession(
                started_at=NOW, turns=[Turn(speaker=0, planned_seconds=float("nan"))]
            ),
            "planned_seconds",
        ),  # noqa: E501
        (lambda: statement(created_at="yesterday"), "created_at"),
        (lambda: statement(id=""), "id"),
        (lambda: ListeningSession(started_at=NOW, state=_deep(100_000)), "recursion depth"),
    ],
    ids=["wrong-type", "nan", "not-a-datetime", "empty-id", "too-deep"],
)
def test_a_record_that_would_not_load_back_is_refused(data_dir, make, where):
    with Store.open(data_dir) as store:
        store.put(statement(feeling=SECRET))
        before = (data_dir / DATA_FILE).read_bytes()
        with pytest.raises(StoreWriteError) as info:
            store.put(make())
        assert "Nothing was changed" in str(info.value)
        assert where in str(info.value) or where == "id"
        assert SECRET not in str(info.value)
        assert (data_dir / DATA_FILE).read_bytes() == before
        assert store.count(Statement) == 1
    Store.open(data_dir).close()  # the file still opens


def test_a_record_kind_the_store_does_not_know_is_refused(data_dir):
    class Stray(Record, kw_only=True):
        TABLE = "stray"

    with Store.open(data_dir) as store, pytest.raises(StoreWriteError):
        store.put(Stray())
    assert "stray" not in raw_doc(data_dir)


# -- migrations --------------------------------------------------------------------------


def _v1_to_v2(doc: dict) -> dict:
    for rec in doc.get("statements", {}).values():
        rec["feeling"] = rec.pop("mood", "")
    return doc


def _v2_to_v3(doc: dict) -> dict:
    for rec in doc.get("statements", {}).values():
        rec["text"] = f"I feel {rec['feeling']}"
    return doc


def test_migrate_chains_each_step_in_order():
    doc = {"_meta": {"1": {"app": "closeness", "schema": 1}}, "statements": {"1": {"mood": "ok"}}}
    out = migrate(doc, 1, registry={1: _v1_to_v2, 2: _v2_to_v3}, target=3)
    assert out["statements"]["1"] == {"feeling": "ok", "text": "I feel ok"}
    assert out["_meta"]["1"]["schema"] == 3


def test_migrate_names_a_missing_step():
    doc = {"_meta": {"1": {"app": "closeness", "schema": 1}}}
    with pytest.raises(KeyError, match="from data version 2"):
        migrate(doc, 1, registry={1: _v1_to_v2}, target=3)


def test_migrate_does_nothing_at_the_current_version():
    doc = empty_document()
    assert migrate(doc, store_mod.SCHEMA_VERSION) == empty_document()


def _schema(monkeypatch, version: int, registry: dict) -> None:
    """Pretend this version of closeness reads data `version`, migrating by `registry`."""
    monkeypatch.setattr(store_mod, "SCHEMA_VERSION", version)
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", version)
    monkeypatch.setattr(migrations, "MIGRATIONS", registry)


def _write_v1_file(directory: Path, statements: dict) -> bytes:
    directory.mkdir(parents=True, exist_ok=True)
    raw = msgspec.json.encode(
        {"_meta": {"1": {"app": "closeness", "schema": 1}}, "statements": statements}
    )
    (directory / DATA_FILE).write_bytes(raw)
    return raw


def test_store_open_migrates_an_older_file_and_saves_the_new_version(data_dir, monkeypatch):
    old = {"id": "s-1", "author": 1, "created_at": "2026-11-20T10:00:00Z", "mood": "calm"}
    raw = _write_v1_file(data_dir, {"1": old})
    _schema(monkeypatch, 3, {1: _v1_to_v2, 2: _v2_to_v3})
    with Store.open(data_dir) as store:
        rec = store.get(Statement, "s-1")
        assert (rec.feeling, rec.text, rec.author) == ("calm", "I feel calm", 1)
        assert (data_dir / DATA_FILE).read_bytes() == raw  # nothing written until a change
        store.put(statement(feeling="new"))
    doc = raw_doc(data_dir)
    assert doc["_meta"]["1"]["schema"] == 3
    assert (data_dir / BACKUP_FILE).read_bytes() == raw  # the old version is the backup


def test_a_failing_migration_is_a_damaged_file_left_untouched(data_dir, monkeypatch):
    def broken(doc: dict) -> dict:
        raise ValueError(f"cannot handle {doc['statements']['1']['mood']}")

    raw = _write_v1_file(
        data_dir, {"1": {"id": "s-1", "author": 0, "created_at": NOW.isoformat(), "mood": SECRET}}
    )
    _schema(monkeypatch, 2, {1: broken})
    for _ in range(2):  # and the lock was let go: the second try is damaged, not locked
        with pytest.raises(StoreDamaged) as info:
            Store.open(data_dir)
        assert info.value.problem == "migration"
        assert "version 1 to 2" in info.value.detail
        assert SECRET not in str(info.value)
    assert (data_dir / DATA_FILE).read_bytes() == raw


def test_a_missing_migration_step_is_a_damaged_file(data_dir, monkeypatch):
    raw = _write_v1_file(data_dir, {})
    _schema(monkeypatch, 3, {1: _v1_to_v2})
    with pytest.raises(StoreDamaged) as info:
        Store.open(data_dir)
    assert info.value.problem == "migration"
    assert (data_dir / DATA_FILE).read_bytes() == raw


# -- damaged files ---------------------------------------------------------------------

META = {"_meta": {"1": {"app": "closeness", "schema": 1}}}
GOOD_SETTINGS = {"id": "set-1", "partner_a": "Ana", "partner_b": SECRET}
GOOD = msgspec.json.encode({**META, "settings": {"1": GOOD_SETTINGS}})


def _doc(**tables) -> bytes:
    return msgspec.json.encode({**META, **tables})


DAMAGED = [
    ("empty", b"", "empty"),
    ("whitespace", b" \n\t \r\n", "empty"),
    ("truncated", GOOD[:-9], "not_json"),
    ("trailing-garbage", GOOD + b'"}}', "not_json"),  # what stock JSONStorage leaves behind
    ("not-json", b"Dear diary, " + SECRET.encode(), "not_json"),
    ("binary", bytes(range(256)) * 4, "not_json"),
    ("invalid-utf8", b'{"_meta": "\xff\xfe"}', "not_json"),
    ("deeply-nested", b"[" * 100_000, "not_json"),
    ("deeply-nested-record", _doc(x={"1": {"a": "b"}})[:-2] + b"[" * 100_000, "not_json"),
    ("list", b"[1, 2, 3]", "wrong_shape"),
    ("string", b'"closeness"', "wrong_shape"),
    ("null", b"null", "wrong_shape"),
    ("table-is-list", _doc(settings=[GOOD_SETTINGS]), "wrong_shape"),
    ("table-is-string", _doc(statements="lots"), "wrong_shape"),
    ("entry-not-a-record", _doc(settings={"1": "Ana"}), "wrong_shape"),
    ("doc-id-not-a-number", _doc(settings={"first": GOOD_SETTINGS}), "wrong_shape"),
    ("doc-id-unicode-digit", _doc(settings={"²": GOOD_SETTINGS}), "wrong_shape"),
    ("foreign-json", b'{"name": "' + SECRET.encode() + b'", "items": [1]}', "foreign"),
    ("stock-tinydb", b'{"_default": {"1": {"text": "hi"}}}', "foreign"),
    ("other-app", b'{"_meta": {"1": {"app": "elsewhere", "schema": 1}}}', "foreign"),
    ("meta-not-a-table", b'{"_meta": 1}', "foreign"),
    ("schema-a-string", b'{"_meta": {"1": {"app": "closeness", "schema": "1"}}}', "wrong_shape"),
    ("schema-bool", b'{"_meta": {"1": {"app": "closeness", "schema": true}}}', "wrong_shape"),
    ("schema-zero", b'{"_meta": {"1": {"app": "closeness", "schema": 0}}}', "wrong_shape"),
    ("newer", b'{"_meta": {"1": {"app": "closeness", "schema": 99}}}', "newer"),
    (
        "wrong-type",
        _doc(settings={"1": {**GOOD_SETTINGS, "partner_a": 5}}),
        "wrong_shape",
    ),
    (
        "missing-field",
        _doc(statements={"1": {"id": "s-1", "author": 0, "feeling": SECRET}}),
        "wrong_shape",
    ),
    ("no-id", _doc(settings={"1": {"partner_a": "Ana"}}), "wrong_shape"),
    (
        "duplicate-ids",
        _doc(settings={"1": GOOD_SETTINGS, "2": {**GOOD_SETTINGS, "partner_a": "Bo"}}),
        "wrong_shape",
    ),
]


@pytest.mark.parametrize(("raw", "problem"), [c[1:] for c in DAMAGED], ids=[c[0] for c in DAMAGED])
def test_each_kind_of_damaged_file_is_named_and_left_byte_for_byte(data_dir, raw, problem):
    data_dir.mkdir(mode=0o700)
    path = data_dir / DATA_FILE
    path.write_bytes(raw)
    for _ in range(2):  # the lock is let go after a damaged open
        with pytest.raises(StoreDamaged) as info:
            Store.open(data_dir)
        assert info.value.problem == problem
        assert info.value.path == path
        assert info.value.detail and str(path) in str(info.value)
        assert SECRET not in str(info.value)
    with pytest.raises(StoreDamaged):
        Store.open(data_dir, read_only=True)
    with pytest.raises(StoreDamaged) as direct:
        parse_document(raw, path)
    assert direct.value.problem == problem
    assert path.read_bytes() == raw
    assert sorted(p.name for p in data_dir.iterdir() if p.name != LOCK_FILE) == [DATA_FILE]


def test_the_newer_file_says_which_version_and_to_update(data_dir):
    data_dir.mkdir()
    (data_dir / DATA_FILE).write_bytes(b'{"_meta": {"1": {"app": "closeness", "schema": 7}}}')
    with pytest.raises(StoreDamaged) as info:
        Store.open(data_dir)
    assert "version 7" in info.value.detail and "Update closeness" in info.value.detail


def test_a_data_file_that_cannot_be_read_is_named(data_dir):
    (data_dir / DATA_FILE).mkdir(parents=True)  # a folder where the file should be
    with pytest.raises(StoreDamaged) as info:
        Store.open(data_dir)
    assert info.value.problem == "unreadable"
    assert (data_dir / DATA_FILE).is_dir()


def test_a_data_folder_that_cannot_be_made_is_named(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreDamaged) as info:
        Store.open(blocker / "data")
    assert info.value.problem == "unwritable"


# -- setting aside and restoring ---------------------------------------------------------


def test_set_aside_keeps_the_damaged_file_under_a_timestamped_name(data_dir):
    data_dir.mkdir()
    path = data_dir / DATA_FILE
    path.write_bytes(b"damaged one")
    first, no_backup = set_aside(path, NOW)
    assert no_backup is None
    assert first.name == "closeness.damaged-20261121-193000.json"
    assert first.read_bytes() == b"damaged one" and not path.exists()
    path.write_bytes(b"damaged two")
    second, _ = set_aside(path, NOW)  # same second: a new name, the first one kept
    assert second.name == "closeness.damaged-20261121-193000-2.json"
    assert (first.read_bytes(), second.read_bytes()) == (b"damaged one", b"damaged two")
    with Store.open(data_dir) as store:  # starting fresh
        assert store.all(Statement) == []
    assert first.exists() and second.exists()


def test_starting_fresh_keeps_the_good_backup_aside_before_it_could_be_replaced(data_dir):
    """The fresh file's first start writes a new, nearly empty .bak: the good one is kept."""
    with Store.open(data_dir) as store:
        store.put(statement(feeling=SECRET))
    Store.open(data_dir).close()  # the .bak now holds the statement
    good_backup = (data_dir / BACKUP_FILE).read_bytes()
    (data_dir / DATA_FILE).write_bytes(b"{ damaged")
    aside, kept_backup = set_aside(data_dir / DATA_FILE, NOW)
    assert aside.read_bytes() == b"{ damaged"
    assert kept_backup is not None and kept_backup.name.startswith("closeness.backup-kept-")
    for _ in range(2):  # fresh start, then the start that replaces the .bak
        Store.open(data_dir).close()
    assert (data_dir / BACKUP_FILE).read_bytes() != good_backup
    assert kept_backup.read_bytes() == good_backup


def test_set_aside_refuses_while_another_copy_holds_the_data(data_dir):
    with Store.open(data_dir):
        with pytest.raises(StoreLocked):
            set_aside(data_dir / DATA_FILE, NOW)
        assert (data_dir / DATA_FILE).exists()


def _good_store_with_backup(data_dir: Path) -> list[Record]:
    records = every_kind()
    with Store.open(data_dir) as store:
        store.put_many(records)
    with Store.open(data_dir):  # each writable open backs up the file it read
        pass
    return records


def test_restore_backup_brings_back_the_last_good_file_and_keeps_the_damaged_one(data_dir):
    records = _good_store_with_backup(data_dir)
    path = data_dir / DATA_FILE
    assert (data_dir / BACKUP_FILE).read_bytes() == path.read_bytes()
    assert mode(data_dir / BACKUP_FILE) == 0o600
    path.write_bytes(b'{"_meta": {"1": {"app": "clos')
    with pytest.raises(StoreDamaged):
        Store.open(data_dir)
    assert backup_status(data_dir) is None
    aside = restore_backup(data_dir, NOW)
    assert aside.read_bytes() == b'{"_meta": {"1": {"app": "clos'
    assert mode(path) == 0o600
    with Store.open(data_dir) as store:
        for rec in records:
            assert store.get(type(rec), rec.id) == rec


def test_restore_backup_refuses_a_damaged_backup_and_changes_nothing(data_dir):
    _good_store_with_backup(data_dir)
    (data_dir / BACKUP_FILE).write_bytes(b"[]")
    (data_dir / DATA_FILE).write_bytes(b"")
    assert backup_status(data_dir).startswith("The backup cannot be used either")
    with pytest.raises(StoreDamaged) as info:
        restore_backup(data_dir, NOW)
    assert info.value.path == data_dir / BACKUP_FILE
    assert (data_dir / DATA_FILE).read_bytes() == b""
    assert not list(data_dir.glob("closeness.damaged-*"))


def test_backup_status_when_there_is_none(data_dir):
    with Store.open(data_dir):  # a brand-new file has nothing to back up yet
        pass
    assert backup_status(data_dir) == "There is no backup yet."


# -- permissions ----------------------------------------------------------------------------


def test_open_makes_the_folder_0700_and_every_file_0600(data_dir):
    _good_store_with_backup(data_dir)
    data_dir.chmod(0o755)
    for name in (DATA_FILE, BACKUP_FILE, LOCK_FILE):
        if (data_dir / name).exists():
            (data_dir / name).chmod(0o644)
    with Store.open(data_dir):
        assert mode(data_dir) == 0o700
        for entry in data_dir.iterdir():
            assert mode(entry) == 0o600, entry.name


def test_a_new_folder_and_file_are_private_whatever_the_umask(tmp_path):
    old = os.umask(0o000)
    try:
        with Store.open(tmp_path / "a" / "data") as store:
            store.put(statement())
    finally:
        os.umask(old)
    directory = tmp_path / "a" / "data"
    assert mode(directory) == 0o700
    assert mode(directory / DATA_FILE) == 0o600


def test_an_export_file_is_0600_even_over_a_readable_one(tmp_path):
    out = tmp_path / "export.json"
    out.write_text("old")
    out.chmod(0o644)
    payload = {"app": "closeness", "statements": [{"feeling": SECRET}]}
    store_mod.atomic_write(out, json_document(payload))  # as `closeness export --json` does
    assert mode(out) == 0o600
    assert msgspec.json.decode(out.read_bytes())["statements"][0]["feeling"] == SECRET
    assert b'\n  "app"' in out.read_bytes()  # indented for a person to read


# -- the one-writer lock --------------------------------------------------------------------


def test_a_second_open_in_the_same_process_is_locked_out_until_the_first_closes(data_dir):
    first = Store.open(data_dir)
    with pytest.raises(StoreLocked) as info:
        Store.open(data_dir)
    assert info.value.directory == data_dir
    with Store.open(data_dir, read_only=True) as reader:  # reading is fine
        assert reader.all(Statement) == []
    first.close()
    Store.open(data_dir).close()


@pytest.mark.filterwarnings("ignore:only soft file lock")  # filelock here, without fcntl
@pytest.mark.parametrize("fcntl_missing", [False, True])
def test_the_folder_lock_is_held_until_released_with_or_without_fcntl(
    tmp_path, monkeypatch, fcntl_missing
):
    """Where there is no fcntl (not POSIX) the filelock library takes the same lock."""
    if fcntl_missing:
        monkeypatch.setitem(sys.modules, "fcntl", None)  # `import fcntl` raises ImportError
        for name in [m for m in sys.modules if m.partition(".")[0] == "filelock"]:
            monkeypatch.delitem(sys.modules, name)  # imported afresh, without fcntl
    first = store_mod.FolderLock(tmp_path)
    with pytest.raises(StoreLocked):
        store_mod.FolderLock(tmp_path)
    first.release()
    first.release()  # a second release does nothing
    store_mod.FolderLock(tmp_path).release()


SECOND_PROCESS = textwrap.dedent(
    """
    import sys
    from closeness_tui.store import Store, StoreLocked
    try:
        Store.open(sys.argv[1]).close()
    except StoreLocked:
        print("locked")
    else:
        print("opened")
    """
)


def _open_in_another_process(directory: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", SECOND_PROCESS, str(directory)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_second_process_is_locked_out_and_writes_nothing(data_dir):
    with Store.open(data_dir) as store:
        store.put(statement())
        before = (data_dir / DATA_FILE).read_bytes()
        mtime = (data_dir / DATA_FILE).stat().st_mtime_ns
        assert _open_in_another_process(data_dir) == "locked"
        assert (data_dir / DATA_FILE).read_bytes() == before
        assert (data_dir / DATA_FILE).stat().st_mtime_ns == mtime
        assert not (data_dir / BACKUP_FILE).exists()
    assert _open_in_another_process(data_dir) == "opened"


# -- failed writes ----------------------------------------------------------------------------


def _disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _same_as_disk(store: Store) -> None:
    with Store.open(store.directory, read_only=True) as disk:
        for kind in (Statement, ListeningSession, Settings):
            assert store.all(kind) == disk.all(kind)
            for rec in disk.all(kind):
                assert store.get(kind, rec.id) == rec


def test_a_failed_write_leaves_the_file_whole_and_memory_as_on_disk(data_dir, monkeypatch):
    kept, other = statement(feeling="kept"), statement(feeling="other")
    with Store.open(data_dir) as store:
        store.put_many([kept, other])
        before = (data_dir / DATA_FILE).read_bytes()
        monkeypatch.setattr(store_mod.os, "replace", _disk_full)

        changed = msgspec.structs.replace(kept, feeling=SECRET)
        attempts = [
            lambda: store.put(statement(feeling=SECRET)),  # insert
            lambda: store.put(changed),  # TinyDB updates the document in place
            lambda: store.delete(Statement, other.id),
            lambda: store.put_many([statement(), changed]),
            lambda: store.put(session()),  # the first record of a new table
            lambda: store.save_settings(Settings(partner_a="A", partner_b="B")),
        ]
        for attempt in attempts:
            with pytest.raises(StoreWriteError) as info:
                attempt()
            assert "No space left on device" in str(info.value)
            assert SECRET not in str(info.value)
            assert (data_dir / DATA_FILE).read_bytes() == before
            _same_as_disk(store)
        assert "listening" not in store.document()
        assert not list(data_dir.glob("*.tmp")) and not list(data_dir.glob(".*.tmp"))

        monkeypatch.undo()  # the disk has room again: everything works as before
        store.put(changed)
        assert store.delete(Statement, other.id)
        store.put(session())
        _same_as_disk(store)
    with Store.open(data_dir, read_only=True) as disk:
        assert disk.all(Statement) == [changed]
        assert disk.count(ListeningSession) == 1


def test_a_failed_folder_fsync_after_the_rename_keeps_memory_as_on_disk(data_dir, monkeypatch):
    with Store.open(data_dir) as store:
        real_fsync = os.fsync
        calls = []

        def fsync_fails_on_the_folder(fd):
            calls.append(fd)
            if stat.S_ISDIR(os.fstat(fd).st_mode):
                raise OSError(errno.EIO, os.strerror(errno.EIO))
            real_fsync(fd)

        monkeypatch.setattr(store_mod.os, "fsync", fsync_fails_on_the_folder)
        rec = statement()
        with pytest.raises(StoreWriteError, match="did not confirm"):
            store.put(rec)
        assert calls
        # The rename happened: the record is in the file, and memory says the same.
        _same_as_disk(store)
        assert store.get(Statement, rec.id) == rec
        monkeypatch.undo()
        store.put(statement())
        _same_as_disk(store)
        assert store.count(Statement) == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_gives_a_write_error(data_dir):
    with Store.open(data_dir) as store:
        store.put(statement())
        before = (data_dir / DATA_FILE).read_bytes()
        data_dir.chmod(0o500)
        try:
            with pytest.raises(StoreWriteError):
                store.put(statement())
            _same_as_disk(store)
        finally:
            data_dir.chmod(0o700)
        assert (data_dir / DATA_FILE).read_bytes() == before


def test_validation_reasons_never_quote_a_value():
    reason = store_mod._reason(ValueError("Invalid enum value 'I can't say it' - at `$.rating`"))
    assert reason == "Invalid enum value … - at `$.rating`"
    assert store_mod._reason(ValueError("Expected `str`, got `int`")) == "Expected `str`, got `int`"


def test_a_save_from_another_thread_is_still_this_copys_save(data_dir):
    import threading

    errors: list[BaseException] = []
    rec = statement(feeling="from a worker")

    def worker() -> None:
        try:
            store.put(rec)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    store = Store.open(data_dir)
    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert errors == []
    with pytest.raises(StoreLocked):  # still held, whichever thread asks
        Store.open(data_dir)
    closer = threading.Thread(target=store.close)
    closer.start()
    closer.join()
    with Store.open(data_dir) as again:  # released by the other thread's close()
        assert again.get(Statement, rec.id) == rec


def test_the_file_is_tinydbs_own_format(data_dir):
    """TinyDB itself reads the file: its tables, documents and a query by uuid."""
    from tinydb import Query, TinyDB

    rec = statement(feeling=SECRET)
    with Store.open(data_dir) as store:
        store.put_many([statement(), rec, Settings(partner_a="Ana", partner_b="Ben")])
    db = TinyDB(data_dir / DATA_FILE, access_mode="r")
    try:
        assert {"_meta", "statements", "settings"} <= db.tables()
        (found,) = db.table("statements").search(Query().id == rec.id)
        assert found["feeling"] == SECRET and found.doc_id == 2
        assert db.table("settings").all()[0]["partner_a"] == "Ana"
    finally:
        db.close()


@pytest.mark.parametrize(
    "written_before_close",
    [
        True,  # the app, on a thread once its first frame is drawn
        False,  # nothing asked for it: close() writes it
    ],
)
def test_a_deferred_backup_is_the_file_as_opened_and_is_always_written(
    data_dir, written_before_close
):
    with Store.open(data_dir) as store:
        store.put(statement())
    raw = (data_dir / DATA_FILE).read_bytes()
    (data_dir / BACKUP_FILE).unlink(missing_ok=True)
    store = Store.open(data_dir)
    assert not (data_dir / BACKUP_FILE).exists()  # nothing written while the app starts
    store.put(statement(feeling="new"))  # a save before the backup: the .bak is still as opened
    if written_before_close:
        assert store.write_backup() is None
        assert store.write_backup() is None  # once: a second call has nothing to write
    assert (data_dir / BACKUP_FILE).exists() is written_before_close
    store.close()
    assert (data_dir / BACKUP_FILE).read_bytes() == raw


def test_close_waits_for_a_backup_being_written_on_another_thread(data_dir, monkeypatch):
    import threading

    with Store.open(data_dir) as store:
        store.put(statement())
    raw = (data_dir / DATA_FILE).read_bytes()
    writing, release = threading.Event(), threading.Event()
    real_write = store_mod.atomic_write

    def slow_write(path: Path, data: bytes) -> None:
        if path.name == BACKUP_FILE:
            writing.set()
            release.wait(10)
        real_write(path, data)

    monkeypatch.setattr(store_mod, "atomic_write", slow_write)
    store = Store.open(data_dir)
    backup = threading.Thread(target=store.write_backup)  # as the app's worker does
    backup.start()
    assert writing.wait(10)
    closer = threading.Thread(target=store.close)
    closer.start()
    closer.join(0.2)
    assert closer.is_alive()  # close() waits for the .bak rather than writing it again
    release.set()
    closer.join(10)
    backup.join(10)
    assert not closer.is_alive() and not backup.is_alive()
    assert (data_dir / BACKUP_FILE).read_bytes() == raw
    Store.open(data_dir).close()  # and the lock was let go


def test_the_id_index_is_made_when_first_used_and_follows_saves_and_deletes(data_dir):
    with Store.open(data_dir) as store:
        store.put_many([statement(), statement(feeling="calm")])
    with Store.open(data_dir) as store:
        first, second = store.all(Statement)
        assert store.get(Statement, second.id) == second
        assert store.delete(Statement, first.id)
        assert store.get(Statement, first.id) is None
        third = statement(feeling="glad")
        store.put(third)
        assert store.get(Statement, third.id) == third
        assert [s.id for s in store.all(Statement)] == [second.id, third.id]
