"""Recurrence, the week grid and follow-through as pure functions (table-driven)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from closeness_tui import rituals as core
from closeness_tui.models import Pause, Ritual, RitualMark
from closeness_tui.ritualtext import cadence_words, minutes_words, ritual_text

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 21, 19, 30, tzinfo=UTC)


def R(**kw) -> Ritual:  # noqa: N802
    kw.setdefault("name", "r")
    kw.setdefault("start", date(2026, 1, 1))
    return Ritual(**kw)


D = date

RECURRENCE = [
    # (case, ritual, from, to, expected days)
    (
        "weekdays Mon+Thu",
        R(weekdays=[0, 3], start=D(2026, 11, 2)),
        D(2026, 11, 2),
        D(2026, 11, 15),
        [D(2026, 11, 2), D(2026, 11, 5), D(2026, 11, 9), D(2026, 11, 12)],
    ),
    (
        "workdays",
        R(weekdays=[0, 1, 2, 3, 4], start=D(2026, 11, 16)),
        D(2026, 11, 16),
        D(2026, 11, 22),
        [D(2026, 11, d) for d in range(16, 21)],
    ),
    (
        "every 2 weeks on Saturday",
        R(weekdays=[5], interval=2, start=D(2026, 11, 7)),
        D(2026, 11, 1),
        D(2026, 12, 31),
        [D(2026, 11, 7), D(2026, 11, 21), D(2026, 12, 5), D(2026, 12, 19)],
    ),
    (
        "every 2 weeks, started mid-week: Monday of the start week is not due",
        R(weekdays=[0, 4], interval=2, start=D(2026, 11, 18)),
        D(2026, 11, 16),
        D(2026, 12, 6),
        [D(2026, 11, 20), D(2026, 11, 30), D(2026, 12, 4)],
    ),
    (
        "started mid-week (Wednesday): Monday and Tuesday of that week are not due",
        R(weekdays=list(range(7)), start=D(2026, 11, 18)),
        D(2026, 11, 16),
        D(2026, 11, 22),
        [D(2026, 11, d) for d in range(18, 23)],
    ),
    (
        "monthly on day 15",
        R(freq="monthly", month_day=15, start=D(2026, 10, 20)),
        D(2026, 10, 1),
        D(2027, 1, 31),
        [D(2026, 11, 15), D(2026, 12, 15), D(2027, 1, 15)],
    ),
    (
        "monthly on day 31 falls back to the last day",
        R(freq="monthly", month_day=31, start=D(2027, 1, 1)),
        D(2027, 1, 1),
        D(2027, 4, 30),
        [D(2027, 1, 31), D(2027, 2, 28), D(2027, 3, 31), D(2027, 4, 30)],
    ),
    (
        "leap day: monthly on day 29 in 2028 and day 30 in February",
        R(freq="monthly", month_day=30, start=D(2028, 1, 1)),
        D(2028, 1, 1),
        D(2028, 3, 31),
        [D(2028, 1, 30), D(2028, 2, 29), D(2028, 3, 30)],
    ),
    (
        "leap day: a Tuesday ritual includes Tue 29 Feb 2028",
        R(weekdays=[1], start=D(2028, 2, 1)),
        D(2028, 2, 26),
        D(2028, 3, 8),
        [D(2028, 2, 29), D(2028, 3, 7)],
    ),
    (
        "first Saturday of the month",
        R(freq="monthly", month_nth=1, weekdays=[5], start=D(2026, 11, 1)),
        D(2026, 11, 1),
        D(2027, 2, 28),
        [D(2026, 11, 7), D(2026, 12, 5), D(2027, 1, 2), D(2027, 2, 6)],
    ),
    (
        "last Friday of the month",
        R(freq="monthly", month_nth=-1, weekdays=[4], start=D(2026, 11, 1)),
        D(2026, 11, 1),
        D(2027, 1, 31),
        [D(2026, 11, 27), D(2026, 12, 25), D(2027, 1, 29)],
    ),
    (
        "year boundary: Thursday and Friday across New Year",
        R(weekdays=[3, 4], start=D(2026, 12, 1)),
        D(2026, 12, 28),
        D(2027, 1, 10),
        [D(2026, 12, 31), D(2027, 1, 1), D(2027, 1, 7), D(2027, 1, 8)],
    ),
    (
        "year boundary: every 2 weeks keeps its rhythm across New Year",
        R(weekdays=[6], interval=2, start=D(2026, 12, 20)),
        D(2026, 12, 1),
        D(2027, 1, 31),
        [D(2026, 12, 20), D(2027, 1, 3), D(2027, 1, 17), D(2027, 1, 31)],
    ),
    (
        "paused weeks are not due",
        R(
            weekdays=[0, 3],
            start=D(2026, 11, 2),
            pauses=[Pause(start=D(2026, 11, 9), end=D(2026, 11, 16))],
        ),
        D(2026, 11, 2),
        D(2026, 11, 19),
        [D(2026, 11, 2), D(2026, 11, 5), D(2026, 11, 16), D(2026, 11, 19)],
    ),
    (
        "still paused: nothing from the pause on",
        R(weekdays=[0], start=D(2026, 11, 2), active=False, pauses=[Pause(start=D(2026, 11, 10))]),
        D(2026, 11, 1),
        D(2026, 12, 1),
        [D(2026, 11, 2), D(2026, 11, 9)],
    ),
    (
        "removed from the plan: history before, nothing after",
        R(weekdays=[2], start=D(2026, 11, 1), ended_on=D(2026, 11, 12)),
        D(2026, 11, 1),
        D(2026, 11, 30),
        [D(2026, 11, 4), D(2026, 11, 11)],
    ),
    (
        "not started yet",
        R(weekdays=[2], start=D(2027, 1, 1)),
        D(2026, 11, 1),
        D(2026, 11, 30),
        [],
    ),
]


@pytest.mark.parametrize(
    "ritual,lo,hi,expected", [c[1:] for c in RECURRENCE], ids=[c[0] for c in RECURRENCE]
)
def test_occurrence_days(ritual, lo, hi, expected):
    assert core.occurrence_days(ritual, lo, hi) == expected
    for day in (lo + timedelta(days=i) for i in range((hi - lo).days + 1)):
        assert core.occurs_on(ritual, day) == (day in expected)


DST = [
    # (case, time, day, expected local wall time, expected UTC offset hours)
    ("winter evening", "19:30", D(2027, 3, 27), time(19, 30), 1),
    ("summer evening after spring forward", "19:30", D(2027, 3, 28), time(19, 30), 2),
    (
        "a time in the spring gap reads as 03:30 summer time",
        "02:30",
        D(2027, 3, 28),
        time(3, 30),
        2,
    ),
    ("morning before fall back", "07:30", D(2027, 10, 30), time(7, 30), 2),
    ("morning after fall back", "07:30", D(2027, 10, 31), time(7, 30), 1),
    (
        "ambiguous 02:30 in autumn is the first one (summer time)",
        "02:30",
        D(2027, 10, 31),
        time(2, 30),
        2,
    ),
]


@pytest.mark.parametrize("when,day,wall,offset", [c[1:] for c in DST], ids=[c[0] for c in DST])
def test_local_times_across_dst(when, day, wall, offset):
    ritual = R(weekdays=list(range(7)), time_of_day=when, start=D(2027, 1, 1))
    (occ,) = core.occurrences(ritual, day, day, BERLIN)
    assert occ.date() == day
    assert occ.timetz().replace(tzinfo=None) == wall
    assert occ.utcoffset() == timedelta(hours=offset)


def test_dst_week_keeps_the_wall_clock_time_all_week():
    ritual = R(weekdays=list(range(7)), time_of_day="19:30", start=D(2026, 10, 1))
    week = core.occurrences(ritual, D(2026, 10, 19), D(2026, 11, 1), BERLIN)
    assert len(week) == 14
    assert {o.strftime("%H:%M") for o in week} == {"19:30"}
    assert {o.utcoffset() for o in week} == {timedelta(hours=1), timedelta(hours=2)}


def test_untimed_occurrences_are_dates():
    ritual = R(weekdays=[5], start=D(2026, 11, 1))
    assert core.occurrences(ritual, D(2026, 11, 21), D(2026, 11, 21)) == [D(2026, 11, 21)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("7:30", time(7, 30)),
        ("07:30", time(7, 30)),
        ("1930", time(19, 30)),
        ("19.30", time(19, 30)),
        ("", None),
        ("  ", None),
    ],
)
def test_parse_time(text, expected):
    assert core.parse_time(text) == expected


@pytest.mark.parametrize("text", ["24:00", "7", "noon", "12:60", "[/]"])
def test_parse_time_rejects(text):
    with pytest.raises(ValueError):
        core.parse_time(text)


def test_local_zone_from_env_and_fallback(tmp_path):
    assert core.local_zone({"TZ": "Europe/Berlin"}, tmp_path / "none") == BERLIN
    assert core.local_zone({"TZ": "Nowhere/Land"}, tmp_path / "none") == ZoneInfo("UTC")
    assert core.local_zone({}, tmp_path / "none") == ZoneInfo("UTC")


@pytest.mark.parametrize(
    "day,first,expected",
    [
        (D(2026, 11, 21), 0, D(2026, 11, 16)),
        (D(2026, 11, 21), 6, D(2026, 11, 15)),
        (D(2026, 11, 22), 6, D(2026, 11, 22)),
        (D(2026, 11, 16), 0, D(2026, 11, 16)),
        (D(2027, 1, 1), 0, D(2026, 12, 28)),
    ],
)
def test_week_start(day, first, expected):
    assert core.week_start(day, first) == expected


# -- marks, grid, follow-through ------------------------------------------------------------


def mark(ritual: Ritual, day: date, status: str = "done") -> RitualMark:
    return RitualMark(ritual_id=ritual.id, occurrence=day, status=status, at=NOW)


def test_week_grid_rows_cells_and_minutes():
    walk = R(
        name="walk", weekdays=[6], duration_minutes=30, start=D(2026, 11, 1), time_of_day="16:00"
    )
    grat = R(name="grat", weekdays=list(range(7)), duration_minutes=5, start=D(2026, 11, 18))
    later = R(name="later", weekdays=[0], start=D(2027, 1, 1))
    grid = core.week_grid(
        [walk, grat, later], [mark(grat, D(2026, 11, 19))], D(2026, 11, 16), BERLIN
    )
    assert grid.days[0] == D(2026, 11, 16) and grid.days[-1] == D(2026, 11, 22)
    assert [r.ritual.name for r in grid.rows] == ["walk", "grat"]
    walk_cells = [c is not None for c in grid.rows[0].cells]
    assert walk_cells == [False] * 6 + [True]
    assert grid.rows[0].cells[6].at.strftime("%H:%M") == "16:00"
    grat_cells = grid.rows[1].cells
    assert [c is not None for c in grat_cells] == [False, False] + [True] * 5
    assert grid.cell(grat.id, D(2026, 11, 19)).status == "done"
    assert grid.cell(grat.id, D(2026, 11, 20)).status == "due"
    assert grid.planned_minutes == 30 + 5 * 5
    assert core.planned_minutes([walk, grat, later], D(2026, 11, 20)) == 55


def test_paused_ritual_still_has_a_row_this_week_but_nothing_due():
    r = R(weekdays=[0], start=D(2026, 11, 1), active=False, pauses=[Pause(start=D(2026, 11, 10))])
    grid = core.week_grid([r], [], D(2026, 11, 16), BERLIN)
    assert len(grid.rows) == 1 and all(c is None for c in grid.rows[0].cells)
    assert grid.planned_minutes == 0


def test_set_mark_updates_in_place_and_mark_template_done():
    nightly = R(name="n", template="nightly", weekdays=list(range(7)), start=D(2026, 11, 1))
    skip = core.set_mark(None, nightly, D(2026, 11, 21), "skipped", NOW, "tired")
    again = core.set_mark(skip, nightly, D(2026, 11, 21), "done", NOW)
    assert again is skip and again.status == "done" and again.note == "tired"
    other = R(name="o", template="walk", weekdays=[6], start=D(2026, 11, 1))
    todo = core.mark_template_done([nightly, other], [], "nightly", D(2026, 11, 21), NOW)
    assert [(m.ritual_id, m.occurrence, m.status) for m in todo] == [
        (nightly.id, D(2026, 11, 21), "done")
    ]
    done = core.mark_template_done([nightly], todo, "nightly", D(2026, 11, 21), NOW)
    assert done == []
    with pytest.raises(ValueError):
        core.set_mark(None, nightly, D(2026, 11, 21), "maybe", NOW)


def test_latest_mark_wins():
    r = R(weekdays=[5])
    old = RitualMark(ritual_id=r.id, occurrence=D(2026, 11, 21), status="skipped", at=NOW)
    new = RitualMark(
        ritual_id=r.id, occurrence=D(2026, 11, 21), status="done", at=NOW + timedelta(minutes=1)
    )
    assert core.find_mark([new, old], r.id, D(2026, 11, 21)) is new


def test_follow_through_counts_only_what_was_due():
    # Daily since Monday 16 Nov; today is Saturday 21 Nov: Mon..Fri due (5), Sat only if marked.
    r = R(weekdays=list(range(7)), start=D(2026, 11, 16))
    marks = [mark(r, D(2026, 11, d)) for d in (16, 17, 19)]
    t = core.follow_through([r], marks, D(2026, 11, 21), 4)
    assert (t.due, t.done) == (5, 3) and t.share == pytest.approx(0.6)
    marks.append(mark(r, D(2026, 11, 21)))
    t = core.follow_through([r], marks, D(2026, 11, 21), 4)
    assert (t.due, t.done) == (6, 4)
    marks.append(mark(r, D(2026, 11, 20), "skipped"))
    t = core.follow_through([r], marks, D(2026, 11, 21), 4)
    assert (t.due, t.done, t.skipped) == (5, 4, 1)  # a skip never counts against


def test_follow_through_with_nothing_due_is_none():
    r = R(weekdays=[6], start=D(2026, 11, 22))
    t = core.follow_through([r], [], D(2026, 11, 21), 12)
    assert t.due == 0 and t.share is None and not t.kept


WEEKS = [D(2026, 10, 26) + timedelta(weeks=i) for i in range(4)]  # Mondays, last = 16 Nov


STREAKS = [
    # (case, done per week (Mon, Wed, Fri planned) for 4 weeks, paused weeks, expected streak)
    ("every week kept", [3, 3, 2, 0], [], 3),
    ("half of a week still counts (forgiving)", [2, 2, 2, 2], [], 4),
    ("a missed week breaks the streak", [3, 0, 3, 3], [], 2),
    ("one of three is not most", [3, 3, 1, 3], [], 1),
    ("this week not kept yet does not break it", [3, 3, 3, 0], [], 3),
    ("a paused week is passed over", [3, 0, 3, 3], [1], 3),
    ("nothing done at all", [0, 0, 0, 0], [], 0),
]


@pytest.mark.parametrize(
    "done_per_week,paused,expected", [c[1:] for c in STREAKS], ids=[c[0] for c in STREAKS]
)
def test_streak(done_per_week, paused, expected):
    pauses = [Pause(start=WEEKS[i], end=WEEKS[i] + timedelta(days=7)) for i in paused]
    r = R(weekdays=[0, 2, 4], start=WEEKS[0], pauses=pauses)
    marks = []
    for week, n in zip(WEEKS, done_per_week, strict=True):
        for offset in (0, 2, 4)[:n]:
            marks.append(mark(r, week + timedelta(days=offset)))
    today = D(2026, 11, 21)  # Saturday of the last week: Mon, Wed, Fri all due
    assert core.streak([r], marks, today) == expected


def test_weekly_series_and_paused_weeks_do_not_count_against():
    paused = [Pause(start=WEEKS[1], end=WEEKS[2])]
    r = R(weekdays=[0, 2, 4], start=WEEKS[0], pauses=paused)
    marks = [mark(r, WEEKS[0]), mark(r, WEEKS[2]), mark(r, WEEKS[2] + timedelta(days=2))]
    marks += [mark(r, WEEKS[3] + timedelta(days=i)) for i in (0, 2, 4)]
    tallies = core.weekly_tallies([r], marks, D(2026, 11, 21), 4)
    assert [(t.due, t.done) for t in tallies] == [(3, 1), (0, 0), (3, 2), (3, 3)]
    t = core.follow_through([r], marks, D(2026, 11, 21), 4)
    assert (t.due, t.done) == (9, 6)
    series = core.sparkline_series([r], marks, D(2026, 11, 21), 12)
    assert series == pytest.approx([1 / 3, 0.0, 2 / 3, 1.0])


def test_streak_belongs_to_the_couple_across_rituals():
    a = R(weekdays=[0], start=WEEKS[0])
    b = R(weekdays=[3], start=WEEKS[0])
    # Each week one of the two is done: half of the couple's week, so every week counts.
    marks = [
        mark(a if i % 2 else b, w + timedelta(days=0 if i % 2 else 3)) for i, w in enumerate(WEEKS)
    ]
    assert core.streak([a, b], marks, D(2026, 11, 21)) == 4
    # Alone, ritual a was missed in week 3 of 4: only this week counts.
    assert core.streak([a], [m for m in marks if m.ritual_id == a.id], D(2026, 11, 21)) == 1


def test_pause_resume_end():
    r = R(weekdays=list(range(7)), start=D(2026, 11, 1))
    core.pause(r, D(2026, 11, 10))
    assert not r.active and not core.occurs_on(r, D(2026, 11, 12))
    core.resume(r, D(2026, 11, 14))
    assert (
        r.active and core.occurs_on(r, D(2026, 11, 14)) and not core.occurs_on(r, D(2026, 11, 13))
    )
    core.pause(r, D(2026, 11, 15))
    core.resume(r, D(2026, 11, 15))  # paused and resumed the same day: no pause at all
    assert core.occurs_on(r, D(2026, 11, 15)) and len(r.pauses) == 1
    core.end(r, D(2026, 11, 20))
    assert core.occurs_on(r, D(2026, 11, 19)) and not core.occurs_on(r, D(2026, 11, 20))
    assert core.current([r]) == []


def test_today_cells_order():
    a = R(name="evening", weekdays=[5], time_of_day="21:00", start=D(2026, 11, 1))
    b = R(name="morning", weekdays=[5], time_of_day="08:00", start=D(2026, 11, 1))
    c = R(name="any", weekdays=[5], start=D(2026, 11, 1))
    d = R(name="not today", weekdays=[0], start=D(2026, 11, 1))
    cells = core.today_cells([a, b, c, d], [], D(2026, 11, 21), BERLIN)
    assert [x.ritual.name for x in cells] == ["any", "morning", "evening"]


CADENCE_WORDS = [
    (R(weekdays=list(range(7))), "Every day"),
    (R(weekdays=[0, 1, 2, 3, 4]), "Every weekday (Monday to Friday)"),
    (R(weekdays=[0, 3]), "Every Monday and Thursday"),
    (R(weekdays=[0, 2, 4]), "Every Monday, Wednesday and Friday"),
    (R(weekdays=[5], interval=2), "Every 2 weeks on Saturday"),
    (R(freq="monthly", month_day=15), "Every month on day 15"),
    (R(freq="monthly", month_day=31), "Every month on the last day"),
    (R(freq="monthly", month_nth=1, weekdays=[5]), "The first Saturday of every month"),
    (R(freq="monthly", month_nth=-1, weekdays=[4]), "The last Friday of every month"),
]


@pytest.mark.parametrize("ritual,expected", CADENCE_WORDS)
def test_cadence_words(ritual, expected):
    assert cadence_words(ritual, ritual_text().words) == expected


def test_minutes_words_and_templates():
    words = ritual_text().words
    assert [minutes_words(m, words) for m in (5, 60, 130)] == ["5 min", "1 h", "2 h 10 min"]
    ids = {t.id for t in ritual_text().templates}
    assert ids == {
        "partings",
        "reunion",
        "nightly",
        "gratitude",
        "affection",
        "coffee",
        "dinner",
        "walk",
        "memories",
        "date",
        "weekly_checkin",
    }
    assert all(t.why and t.how for t in ritual_text().templates)


@given(
    start=st.dates(date(2024, 1, 1), date(2030, 12, 31)),
    offset=st.integers(0, 900),
    span=st.integers(0, 60),
    kind=st.sampled_from(["weekly", "month_day", "month_nth"]),
    days=st.lists(st.integers(0, 6), min_size=1, max_size=7),
    interval=st.integers(1, 5),
    month_day=st.integers(1, 31),
    nth=st.sampled_from([1, 2, 3, 4, -1]),
)
@settings(max_examples=100, deadline=None)
def test_windowed_expansion_matches_expanding_from_the_start(
    start, offset, span, kind, days, interval, month_day, nth
):
    """occurrence_days starts the rule late for speed; it must equal the plain expansion."""
    if kind == "weekly":
        ritual = R(weekdays=days, interval=interval, start=start)
    elif kind == "month_day":
        ritual = R(freq="monthly", month_day=month_day, interval=interval, start=start)
    else:
        ritual = R(freq="monthly", month_nth=nth, weekdays=days[:1], interval=interval, start=start)
    lo = start + timedelta(days=offset)
    hi = lo + timedelta(days=span)
    plain = core.make_rule(ritual, datetime.combine(start, time()))
    expected = [
        d.date()
        for d in plain.between(datetime.combine(lo, time()), datetime.combine(hi, time()), inc=True)
    ]
    assert core.occurrence_days(ritual, lo, hi) == expected
