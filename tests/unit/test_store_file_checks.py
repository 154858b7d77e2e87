"""The file is checked in full at open (issue 19): every value in range and vocabulary, as the
typed models declare it, and no key named twice anywhere. A file that fails is refused with
StoreDamaged, left byte for byte, and nothing is written; a file that passes holds only
records the core can handle."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, get_args

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from closeness_tui import listening, rituals
from closeness_tui import store as store_mod
from closeness_tui.clock import FakeClock
from closeness_tui.exports import is_own_file
from closeness_tui.models import (
    Answer,
    Break,
    CheckIn,
    ListeningSession,
    ListeningStep,
    Ritual,
    RitualMark,
    Settings,
    Statement,
    Summary,
    Turn,
)
from closeness_tui.store import (
    BACKUP_FILE,
    CRASH_FILE,
    DATA_FILE,
    LOCK_FILE,
    Store,
    StoreDamaged,
)

NOW = datetime(2026, 11, 21, 19, 30, tzinfo=UTC)
DAY = date(2026, 11, 21)
SECRET = "only the two of us know this"


def _good_records() -> list[Any]:
    return [
        Settings(partner_a="Ana", partner_b="Ben"),
        Statement(author=0, created_at=NOW, feeling=SECRET),
        CheckIn(
            kind="weekly",
            created_at=NOW,
            answers=[Answer(seat=0, prompt="p", text=SECRET)],
            promise_review={"0": "kept"},
        ),
        Ritual(name=SECRET, start=DAY, weekdays=[0, 3], time_of_day="20:30"),
        RitualMark(ritual_id="r", occurrence=DAY),
        ListeningSession(
            started_at=NOW,
            topic=SECRET,
            turns=[Turn(speaker=0, summaries=[Summary(text=SECRET, rating="got_it")])],
            breaks=[Break(started_at=NOW, return_at=NOW + timedelta(minutes=20), called_by=1)],
            state={"step": "speaking", "turn": 0, "timer": {"planned": 300, "remaining": 12.5}},
        ),
    ]


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    directory = tmp_path / "data"
    with Store.open(directory) as store:
        store.put_many(_good_records())
    Store.open(directory).close()  # which keeps the .bak of this good file
    return directory


def _first(doc: dict[str, Any], table: str) -> dict[str, Any]:
    return next(iter(doc[table].values()))


# (case id, table, a change to its first record)
OUT_OF_RANGE: list[tuple[str, str, Any]] = [
    ("weekday-9", "rituals", lambda r: r.update(weekdays=[9])),
    ("weekday-negative", "rituals", lambda r: r.update(weekdays=[-1])),
    ("month-day-32", "rituals", lambda r: r.update(freq="monthly", month_day=32)),
    ("month-nth-5", "rituals", lambda r: r.update(freq="monthly", month_nth=5)),
    ("time-25h", "rituals", lambda r: r.update(time_of_day="25:00")),
    ("time-words", "rituals", lambda r: r.update(time_of_day="evening")),
    ("freq-unknown", "rituals", lambda r: r.update(freq="daily")),
    ("lead-unknown", "rituals", lambda r: r.update(lead="c")),
    ("interval-zero", "rituals", lambda r: r.update(interval=0)),
    ("date-that-does-not-exist", "rituals", lambda r: r.update(start="2026-02-30")),
    ("mark-status", "ritual_marks", lambda r: r.update(status="maybe")),
    ("step-unknown", "listening", lambda r: r["state"].update(step="dancing")),
    ("step-a-number", "listening", lambda r: r["state"].update(step=3)),
    ("resume-step-unknown", "listening", lambda r: r["state"].update(resume_step="nap")),
    ("turn-beyond-the-session", "listening", lambda r: r["state"].update(turn=7)),
    ("turn-a-string", "listening", lambda r: r["state"].update(turn="1")),
    ("timer-unreadable", "listening", lambda r: r["state"].update(timer={"planned": "x"})),
    ("summary-kind-in-state", "listening", lambda r: r["state"].update(summary_kind="x")),
    ("speaker-7", "listening", lambda r: r["turns"][0].update(speaker=7)),
    ("first-speaker-2", "listening", lambda r: r.update(first_speaker=2)),
    ("session-status", "listening", lambda r: r.update(status="paused")),
    ("rating-unknown", "listening", lambda r: r["turns"][0]["summaries"][0].update(rating="A+")),
    ("summary-kind", "listening", lambda r: r["turns"][0]["summaries"][0].update(kind="x")),
    ("negative-seconds", "listening", lambda r: r["turns"][0].update(actual_seconds=-5.0)),
    ("break-called-by-5", "listening", lambda r: r["breaks"][0].update(called_by=5)),
    ("rounds-zero", "listening", lambda r: r.update(rounds=0)),
    ("author-2", "statements", lambda r: r.update(author=2)),
    ("form-unknown", "statements", lambda r: r.update(form="medium")),
    ("checkin-kind", "checkins", lambda r: r.update(kind="monthly")),
    ("checkin-status", "checkins", lambda r: r.update(status="paused")),
    ("promise-review", "checkins", lambda r: r["promise_review"].update({"0": "maybe"})),
    ("answer-seat-3", "checkins", lambda r: r["answers"][0].update(seat=3)),
    ("week-starts-on-7", "settings", lambda r: r.update(week_starts_on=7)),
]


@pytest.mark.parametrize(
    ("table", "change"), [c[1:] for c in OUT_OF_RANGE], ids=[c[0] for c in OUT_OF_RANGE]
)
def test_a_value_out_of_range_or_vocabulary_is_damage(good_file: Path, table: str, change) -> None:
    path = good_file / DATA_FILE
    doc = msgspec.json.decode(path.read_bytes())
    change(_first(doc, table))
    raw = msgspec.json.encode(doc)  # written compactly, as closeness writes
    path.write_bytes(raw)
    (good_file / BACKUP_FILE).unlink()
    with pytest.raises(StoreDamaged) as info:
        Store.open(good_file)
    assert info.value.problem == "wrong_shape"
    assert repr(table) in info.value.detail
    assert SECRET not in str(info.value)
    assert path.read_bytes() == raw
    assert sorted(p.name for p in good_file.iterdir()) == [LOCK_FILE, DATA_FILE]


def _compact(value: Any) -> bytes:
    return msgspec.json.encode(value)


def _duplicated(raw: bytes, pretty: bool) -> dict[str, bytes]:
    """The good file with a key named twice at each level, compact (as closeness writes)
    or indented (as a person editing it would leave it)."""
    doc = msgspec.json.decode(raw)
    sep = b",\n  " if pretty else b","
    meta = b'"_meta":' + _compact(doc["_meta"])
    first = _compact(_first(doc, "statements"))
    other = _compact({**_first(doc, "statements"), "id": "another"})
    record = _compact(_first(doc, "statements"))
    field_twice = record[:-1] + b',"feeling":"changed"}'
    return {
        "table-twice": b"{"
        + meta
        + sep
        + b'"statements":{"1":'
        + first
        + b"}"
        + sep
        + b'"statements":{"1":'
        + other
        + b"}}",
        "doc-id-twice": b"{"
        + meta
        + sep
        + b'"statements":{"1":'
        + first
        + sep
        + b'"1":'
        + other
        + b"}}",
        "field-twice": b"{" + meta + sep + b'"statements":{"1":' + field_twice + b"}}",
    }


@pytest.mark.parametrize("pretty", [False, True], ids=["compact", "indented"])
@pytest.mark.parametrize("where", ["table-twice", "doc-id-twice", "field-twice"])
def test_a_key_named_twice_is_damage_and_nothing_is_written(
    good_file: Path, where: str, pretty: bool
) -> None:
    path = good_file / DATA_FILE
    raw = _duplicated(path.read_bytes(), pretty)[where]
    json.loads(raw)  # it is JSON: only the duplicate is wrong
    path.write_bytes(raw)
    backup = (good_file / BACKUP_FILE).read_bytes()
    for _ in range(2):
        with pytest.raises(StoreDamaged) as info:
            Store.open(good_file)
        assert info.value.problem == "duplicate"
        assert "twice" in info.value.detail
    assert path.read_bytes() == raw
    assert (good_file / BACKUP_FILE).read_bytes() == backup  # the good backup untouched


@pytest.mark.parametrize(
    ("where", "key"),
    [
        ("a summary inside a turn", b'"rating":"got_it"'),
        ("the listening position (a plain dict)", b'"step":"speaking"'),
        ("an answer inside a check-in", b'"prompt":"p"'),
        ("a ritual's list of days", b'"weekdays":[0,3]'),
        ("the header", b'"schema":2'),
    ],
)
def test_a_key_twice_at_any_depth_of_a_compact_file_is_damage(
    good_file: Path, where: str, key: bytes
) -> None:
    """Even the same value twice: the file is not what closeness writes, so it is refused."""
    path = good_file / DATA_FILE
    raw = path.read_bytes()
    assert raw.count(key) == 1, where
    raw = raw.replace(key, key + b"," + key)
    path.write_bytes(raw)
    with pytest.raises(StoreDamaged) as info:
        Store.open(good_file)
    assert info.value.problem == "duplicate"
    assert path.read_bytes() == raw


def test_only_a_file_closeness_did_not_write_is_read_twice(
    good_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The slow duplicate check (Python's json) runs only when the file is not byte for byte
    what this version writes: not at an ordinary start."""
    slow: list[Path] = []
    check = store_mod._refuse_duplicates
    monkeypatch.setattr(
        store_mod, "_refuse_duplicates", lambda raw, path: (slow.append(path), check(raw, path))
    )
    Store.open(good_file).close()
    assert slow == []
    path = good_file / DATA_FILE
    path.write_bytes(msgspec.json.format(path.read_bytes(), indent=2))
    Store.open(good_file).close()
    assert slow == [path]


def test_a_file_indented_by_hand_without_duplicates_still_opens(good_file: Path) -> None:
    path = good_file / DATA_FILE
    raw = path.read_bytes()
    path.write_bytes(msgspec.json.format(raw, indent=2))
    with Store.open(good_file) as store:
        assert store.get(Statement, store.all(Statement)[0].id).feeling == SECRET
        store.put(Statement(author=1, created_at=NOW))
    assert path.read_bytes().startswith(b'{"_meta":')  # written compactly again


def test_the_listening_vocabulary_is_the_machines_own() -> None:
    assert set(get_args(ListeningStep)) == set(listening.STEPS)
    assert set(get_args(Summary.__annotations__["rating"])) - {""} == set(listening.RATINGS)


# -- any value, anywhere: refused or safe -------------------------------------------------

FIELDS = [
    ("rituals", ("weekdays",), st.lists(st.integers(-3, 10), max_size=3)),
    ("rituals", ("month_day",), st.integers(-3, 40)),
    ("rituals", ("time_of_day",), st.text(max_size=6)),
    ("rituals", ("start",), st.dates().map(str) | st.text(max_size=12)),
    ("listening", ("state", "step"), st.text(max_size=10) | st.integers()),
    ("listening", ("state", "turn"), st.integers(-3, 10) | st.text(max_size=3)),
    ("listening", ("first_speaker",), st.integers(-3, 5)),
    ("listening", ("status",), st.text(max_size=10)),
    ("checkins", ("kind",), st.text(max_size=10)),
    ("statements", ("author",), st.integers(-3, 5)),
]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(choice=st.sampled_from(range(len(FIELDS))), data=st.data())
def test_any_value_is_refused_or_leaves_records_the_core_can_handle(
    tmp_path_factory: pytest.TempPathFactory, choice: int, data: st.DataObject
) -> None:
    directory = tmp_path_factory.mktemp("any")
    with Store.open(directory) as store:
        store.put_many(_good_records())
    table, path_in_record, values = FIELDS[choice]
    value = data.draw(values)
    path = directory / DATA_FILE
    doc = msgspec.json.decode(path.read_bytes())
    target = _first(doc, table)
    for key in path_in_record[:-1]:
        target = target[key]
    target[path_in_record[-1]] = value
    raw = msgspec.json.encode(doc)
    path.write_bytes(raw)
    try:
        store = Store.open(directory)
    except StoreDamaged:
        assert path.read_bytes() == raw
        return
    with store:
        clock = FakeClock(NOW)
        for session in store.all(ListeningSession):
            machine = listening.Listening.resume(session, clock)
            assert machine.step in listening.STEPS
        for ritual in store.all(Ritual):
            rituals.occurrence_days(ritual, DAY - timedelta(days=40), DAY + timedelta(days=40))
            rituals.next_occurrence(ritual, DAY)
        for statement in store.all(Statement):
            assert statement.author in (0, 1)
        for checkin in store.all(CheckIn):
            assert checkin.kind in ("nightly", "gratitude", "weekly")


# -- the data folder's own files ----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "own"),
    [
        (DATA_FILE, True),
        (BACKUP_FILE, True),
        (LOCK_FILE, True),
        (CRASH_FILE, True),
        (".closeness.json.x1y2z3.tmp", True),
        (".closeness.json.bak.x1y2z3.tmp", True),
        ("closeness.damaged-20261121-193000.json", True),
        ("closeness.backup-kept-20261121-193000.json", True),
        ("rituals.ics", False),
        ("journal.md", False),
    ],
)
def test_is_own_file_names_the_folders_own_files(tmp_path: Path, name: str, own: bool) -> None:
    directory = tmp_path / "data"
    with Store.open(directory):
        assert is_own_file(directory, directory / name) is own
        assert is_own_file(directory, directory / "sub" / ".." / name) is own
        assert not is_own_file(directory, tmp_path / name)  # the same name elsewhere is fine
        link = tmp_path / "link.json"
        link.symlink_to(directory / DATA_FILE)
        assert is_own_file(directory, link)  # a way round by a symlink is seen through


@pytest.mark.parametrize(
    ("remaining", "ok"),
    [(12.5, True), (0, True), (-7.25, True), (float("nan"), False), ("12", False), (None, False)],
)
def test_a_turn_in_its_overtime_is_saved_and_opens(tmp_path: Path, remaining: Any, ok: bool):
    """A speaker's time runs below zero while they finish a sentence: that position is saved
    and read back; a timer that is not a finite number is refused."""

    def session() -> ListeningSession:
        timer = {"planned": 300, "remaining": remaining}
        return ListeningSession(
            started_at=NOW, topic="t", state={"step": "speaking", "turn": 0, "timer": timer}
        )

    directory = tmp_path / "data"
    if not ok:
        with pytest.raises(ValueError, match="timer that cannot be read"):
            session()
        return
    with Store.open(directory) as store:
        store.put(session())
    with Store.open(directory) as store:
        assert store.all(ListeningSession)[0].state["timer"]["remaining"] == remaining
