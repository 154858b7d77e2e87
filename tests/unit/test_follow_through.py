"""The one definition of follow-through: kept, skipped, missed, paused, ended, before."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from closeness_tui import rituals as core
from closeness_tui.models import Pause, Ritual, RitualMark

D = date
TODAY = D(2026, 11, 21)  # a Saturday
MON = D(2026, 11, 16)
AT = datetime(2026, 11, 21, 19, 30, tzinfo=UTC)


def daily(**kw) -> Ritual:
    kw.setdefault("name", "walk")
    kw.setdefault("start", MON)
    kw.setdefault("weekdays", list(range(7)))
    return Ritual(**kw)


def marks_for(ritual: Ritual, days: dict[int, str]) -> list[RitualMark]:
    """{day of November: status} -> marks."""
    return [
        RitualMark(ritual_id=ritual.id, occurrence=D(2026, 11, d), status=s, at=AT)
        for d, s in days.items()
    ]


CASES = [
    # (case, ritual keywords, marks {Nov day: status}, expected (done, missed, skipped))
    ("nothing marked: Mon..Fri missed, today not yet", {}, {}, (0, 5, 0)),
    ("today marked counts", {}, {21: "done"}, (1, 5, 0)),
    ("a skip never counts against", {}, {16: "done", 17: "skipped"}, (1, 3, 1)),
    ("all skipped: nothing counts", {}, dict.fromkeys(range(16, 21), "skipped"), (0, 0, 5)),
    (
        "a start set in the past counts from the day it was made",
        {"start": D(2026, 11, 1), "created_at": datetime(2026, 11, 18, 9, tzinfo=UTC)},
        {},
        (0, 3, 0),  # 18, 19, 20
    ),
    (
        "a day kept before it was made still counts for them",
        {"start": D(2026, 11, 1), "created_at": datetime(2026, 11, 18, 9, tzinfo=UTC)},
        {17: "done"},
        (1, 3, 0),
    ),
    (
        "paused days never count",
        {"pauses": [Pause(start=D(2026, 11, 17), end=D(2026, 11, 20))]},
        {},
        (0, 2, 0),  # 16 and 20
    ),
    (
        "paused from today: today's tick still counts",
        {"active": False, "pauses": [Pause(start=TODAY)]},
        {21: "done"},
        (1, 5, 0),
    ),
    (
        "ended keeps its history",
        {"ended_on": D(2026, 11, 19), "active": False},
        {16: "done", 17: "done"},
        (2, 1, 0),  # 18 missed; 19 and 20 after it left the plan
    ),
    (
        "ended today: today's tick still counts",
        {"ended_on": TODAY, "active": False},
        {21: "done"},
        (1, 5, 0),
    ),
    ("starts later: nothing", {"start": D(2026, 11, 22)}, {}, (0, 0, 0)),
]


@pytest.mark.parametrize("kw,days,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_follow_through_table(kw, days, expected):
    r = daily(**kw)
    t = core.tally_between([r], marks_for(r, days), MON, TODAY, TODAY)
    assert (t.done, t.missed, t.skipped) == expected
    assert t.due == expected[0] + expected[1]
    assert (t.start, t.end) == (MON, TODAY)


STATUSES = [
    # (case, ritual keywords, day, mark status or None, expected)
    ("done", {}, D(2026, 11, 17), "done", core.KEPT),
    ("skipped", {}, D(2026, 11, 17), "skipped", core.SKIPPED),
    ("past unmarked", {}, D(2026, 11, 17), None, core.MISSED),
    ("today unmarked", {}, TODAY, None, core.UPCOMING),
    ("paused", {"pauses": [Pause(start=MON)], "active": False}, D(2026, 11, 17), None, core.PAUSED),
    ("ended", {"ended_on": D(2026, 11, 17)}, D(2026, 11, 17), None, core.ENDED),
    (
        "before it was made",
        {"start": D(2026, 11, 1), "created_at": datetime(2026, 11, 18, tzinfo=UTC)},
        D(2026, 11, 17),
        None,
        core.BEFORE,
    ),
]


@pytest.mark.parametrize(
    "kw,day,status,expected", [c[1:] for c in STATUSES], ids=[c[0] for c in STATUSES]
)
def test_day_status(kw, day, status, expected):
    r = daily(**kw)
    m = None if status is None else RitualMark(ritual_id=r.id, occurrence=day, status=status)
    assert core.day_status(r, day, m, TODAY, core.existed_from(r, UTC)) == expected


def test_made_late_at_night_counts_from_the_local_day():
    # 23:30 UTC on the 17th is already the 18th in Berlin.
    r = daily(start=D(2026, 11, 1), created_at=datetime(2026, 11, 17, 23, 30, tzinfo=UTC))
    assert core.existed_from(r, ZoneInfo("Europe/Berlin")) == D(2026, 11, 18)
    assert core.existed_from(r, UTC) == D(2026, 11, 17)


@pytest.mark.parametrize(
    "today",
    [D(2026, 3, 29), D(2026, 3, 31), D(2026, 10, 25), D(2026, 10, 27)],
    ids=["spring-forward Sunday", "after spring", "fall-back Sunday", "after autumn"],
)
def test_dst_weeks_count_days_not_hours(today):
    # A ritual at 02:30 (a time missing on the spring night) is due once a day all the same.
    r = daily(start=today - timedelta(days=30), time_of_day="02:30")
    t = core.follow_through([r], [], today, 1)
    assert (t.start, t.end, t.missed) == (today - timedelta(days=6), today, 6)
    weeks = core.weekly_tallies([r], [], today, 2)
    assert sum(w.missed for w in weeks) == 7 + today.weekday()


def test_rituals_screen_and_insights_agree():
    """The planner's 4 weeks and Insights' 28 days are the same days, the same figure."""
    from closeness_tui.journal import ritual_follow_through, ritual_planner

    r = daily(start=D(2026, 10, 1))
    ended = daily(start=D(2026, 10, 1), ended_on=D(2026, 11, 10), active=False)
    marks = marks_for(r, {2: "done", 3: "skipped", 20: "done"}) + marks_for(ended, {5: "done"})
    t = core.follow_through([r, ended], marks, TODAY, 4)
    done, due = ritual_follow_through([r, ended], marks, TODAY, 28, occurs_on=ritual_planner())
    assert (
        (done, due) == (t.done, t.due) == (3, 3 + 24 + 15)
    )  # 24 + 15 unmarked past days in the 28
