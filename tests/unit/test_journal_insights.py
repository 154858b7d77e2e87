"""The journal without Textual: one timeline of every record, filters, search, insights."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from checkins_seed import HEBREW, TRICKY, records
from hypothesis import given, settings
from hypothesis import strategies as st

from closeness_tui.journal import (
    accuracy_overall,
    activity_per_week,
    filter_entries,
    first_try_counts,
    listening_accuracy,
    percent,
    promises_kept,
    ritual_follow_through,
    ritual_planner,
    timeline,
    week_start,
)
from closeness_tui.models import (
    Answer,
    CheckIn,
    ListeningSession,
    Pause,
    Ritual,
    RitualMark,
    Statement,
    Summary,
    Turn,
)

NAMES = ("Ana", "Ben")
TZ = UTC


def _split(recs):
    kinds = {
        "listening": ListeningSession,
        "statements": Statement,
        "checkins": CheckIn,
        "rituals": Ritual,
        "marks": RitualMark,
    }
    return {k: [r for r in recs if isinstance(r, t)] for k, t in kinds.items()}


@pytest.fixture
def entries():
    return timeline(NAMES, **_split(records()))


def test_timeline_holds_every_kind_newest_first(entries):
    assert [(e.kind, e.record_id) for e in entries] == [
        ("weekly", "c-weekly-2"),
        ("gratitude", "c-gratitude"),
        ("ritual", "m-1"),  # the skipped mark is not a ritual kept
        ("nightly", "c-nightly"),
        ("statement", "s-1"),
        ("listening", "l-1"),
        ("weekly", "c-weekly-1"),
    ]


def test_every_word_is_kept_as_written(entries):
    nightly = next(e for e in entries if e.kind == "nightly")
    assert [(b.who, b.text) for b in nightly.blocks] == [
        ("Ana", TRICKY),
        ("Ben", HEBREW),
        ("Ben", "1. tea\n- a hug"),
    ]
    weekly = entries[0]
    assert [(b.who, b.label, b.text) for b in weekly.blocks[:2]] == [
        ("Ana", "Last week's promise (kept)", "Cook together on Tuesday"),
        ("Ben", "Last week's promise (partly)", "A walk without phones"),
    ]


@pytest.mark.parametrize(
    ("kind", "seat", "query", "ids"),
    [
        (
            None,
            None,
            "",
            ["c-weekly-2", "c-gratitude", "m-1", "c-nightly", "s-1", "l-1", "c-weekly-1"],
        ),
        ("gratitude", None, "", ["c-gratitude"]),
        ("statement", 0, "", []),  # Ben wrote the statement
        ("statement", 1, "", ["s-1"]),
        (None, None, "[hurt]", ["c-nightly"]),
        (None, None, "PHONES", ["c-weekly-2", "l-1", "c-weekly-1"]),
        (None, None, "walk phones", ["c-weekly-2", "c-weekly-1"]),  # every word must appear
        (None, None, "תודה", ["c-nightly", "l-1"]),
        (None, None, "💛", ["c-gratitude"]),
        (None, None, "nothing like this", []),
        ("weekly", None, "bed", ["c-weekly-2"]),
    ],
)
def test_filter_by_kind_partner_and_search(entries, kind, seat, query, ids):
    assert [e.record_id for e in filter_entries(entries, kind=kind, seat=seat, query=query)] == ids


def test_filter_by_date_range(entries):
    picked = filter_entries(entries, start=date(2026, 11, 11), end=date(2026, 11, 13))
    assert [e.record_id for e in picked] == ["c-gratitude", "m-1", "c-nightly", "s-1"]


def _at(d: date) -> datetime:
    return datetime(d.year, d.month, d.day, 20, 0, tzinfo=TZ)


@pytest.mark.parametrize(
    ("days", "weeks", "expected"),
    [
        ([], 4, [0, 0, 0, 0]),
        ([date(2026, 11, 21)], 4, [0, 0, 0, 1]),  # Saturday: this week
        ([date(2026, 11, 16), date(2026, 11, 15)], 4, [0, 0, 1, 1]),  # Mon this week, Sun last
        ([date(2026, 10, 26), date(2026, 11, 1)], 4, [2, 0, 0, 0]),  # both 3 weeks back
        ([date(2026, 10, 25)], 4, [0, 0, 0, 0]),  # too long ago
        ([date(2026, 11, 23)], 4, [0, 0, 0, 0]),  # next week is not counted
    ],
)
def test_activity_per_week(days, weeks, expected):
    recs = [CheckIn(kind="nightly", created_at=_at(d)) for d in days]
    recs.append(CheckIn(kind="nightly", created_at=_at(date(2026, 11, 20)), status="active"))
    recs_entries = timeline(NAMES, checkins=recs)
    assert activity_per_week(recs_entries, date(2026, 11, 21), weeks) == expected


def test_activity_counts_sessions_and_checkins_not_statements_or_rituals(entries):
    # Weeks (Mon start) ending 2026-11-22: 9-15 Nov holds listening, nightly, gratitude,
    # weekly-2; 2-8 Nov holds weekly-1.
    assert activity_per_week(entries, date(2026, 11, 21), 3) == [1, 4, 0]
    assert week_start(date(2026, 11, 21), starts_on=6) == date(2026, 11, 15)


def _session(day: int, *firsts: str) -> ListeningSession:
    turns = [
        Turn(speaker=i % 2, summaries=[Summary(rating=r)] if r else [])
        for i, r in enumerate(firsts)
    ]
    return ListeningSession(started_at=_at(date(2026, 11, day)), turns=turns)


@pytest.mark.parametrize(
    ("session", "counts"),
    [
        (_session(1), (0, 0)),
        (_session(1, ""), (0, 0)),
        (_session(1, "got_it", "got_it"), (2, 2)),
        (_session(1, "got_it", "partly"), (1, 2)),
        (_session(1, "not_quite", "partly", "got_it"), (1, 3)),
    ],
)
def test_first_try_counts(session, counts):
    assert first_try_counts(session) == counts


def test_listening_accuracy_over_time_is_per_session_oldest_first():
    sessions = [
        _session(9, "got_it"),
        _session(2, "partly", "got_it"),
        _session(5),
        _session(7, "not_quite"),
    ]
    assert listening_accuracy(sessions) == [0.5, 0.0, 1.0]
    assert accuracy_overall(sessions) == (2, 4, 3)
    # A second try that lands still counts as not at the first try.
    turn = Turn(speaker=0, summaries=[Summary(rating="partly"), Summary(rating="got_it")])
    assert first_try_counts(ListeningSession(started_at=_at(date(2026, 11, 1)), turns=[turn])) == (
        0,
        1,
    )


def test_ritual_follow_through_is_the_planners_definition_over_28_days():
    today = date(2026, 11, 21)  # a Saturday
    r = Ritual(id="r", name="Walk", start=date(2026, 10, 1), weekdays=[5])  # Saturdays
    paused = Ritual(
        id="p",
        name="p",
        start=date(2026, 10, 1),
        weekdays=[5],
        active=False,
        pauses=[Pause(start=date(2026, 10, 1))],
    )
    marks = [
        RitualMark(ritual_id="r", occurrence=today),
        RitualMark(ritual_id="r", occurrence=date(2026, 11, 14), status="skipped"),
        RitualMark(ritual_id="r", occurrence=date(2026, 10, 24)),  # outside the 28 days
    ]
    # Saturdays 24 Oct..21 Nov in the window: 31 Oct, 7 Nov missed; 14 skipped; 21 kept.
    assert ritual_follow_through([r, paused], marks, today) == (1, 3)


@pytest.mark.parametrize(
    ("part", "whole", "text"), [(0, 0, "-"), (1, 3, "33%"), (2, 3, "67%"), (3, 3, "100%")]
)
def test_percent(part, whole, text):
    assert percent(part, whole) == text


def test_promises_kept_over_all_weekly_checkins():
    assert promises_kept([r for r in records() if isinstance(r, CheckIn)]) == {
        "kept": 1,
        "partly": 1,
        "not_yet": 0,
    }


def test_a_half_gratitude_exchange_shows_no_words():
    half = CheckIn(
        kind="gratitude",
        created_at=datetime(2026, 11, 20, 21, 0, tzinfo=TZ),
        status="active",
        answers=[Answer(seat=0, prompt="?", text="secret thanks", part="gratitude")],
    )
    (entry,) = timeline(NAMES, checkins=[half])
    assert entry.blocks == () and not entry.finished
    assert filter_entries([entry], query="secret") == []


def test_the_planner_is_the_rituals_one():
    from closeness_tui.rituals import occurs_on

    assert ritual_planner() is occurs_on


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_any_text_round_trips_through_the_store_into_the_journal(tmp_path_factory, raw):
    """Whatever a partner types (after clean()) is saved, read back and shown unchanged."""
    from closeness_tui.journal import from_store
    from closeness_tui.store import Store
    from closeness_tui.text import clean, safe

    text = clean(raw).text
    data_dir = tmp_path_factory.mktemp("roundtrip")
    with Store.open(data_dir) as store:
        settings_ = store.settings()
        settings_.partner_a, settings_.partner_b = "Ana", "Ben"
        store.save_settings(settings_)
        store.put(
            CheckIn(
                kind="nightly",
                created_at=datetime(2026, 11, 21, 21, 0, tzinfo=TZ),
                answers=[Answer(seat=0, prompt="How was your day?", text=text)],
            )
        )
    with Store.open(data_dir, read_only=True) as store:
        (entry,) = from_store(store, ("Ana", "Ben"))
    assert [b.text for b in entry.blocks] == [text]
    assert safe(text).plain == text
