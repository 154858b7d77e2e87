"""Years of ritual marks: the marks are indexed once, and the streak looks back a window at
a time. Both must give exactly what the one definition gives over the whole history."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from closeness_tui import rituals as core
from closeness_tui.models import Pause, Ritual, RitualMark

TODAY = date(2026, 11, 21)  # a Saturday
THIS_WEEK = core.week_start(TODAY)
EARLY = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)


def reference_streak(rituals: list[Ritual], marks: list[RitualMark], today: date) -> int:
    """The streak as defined, over every week at once (what `streak` did before windows)."""
    earliest = min(r.start for r in rituals)
    this_week = core.week_start(today)
    span = (this_week - core.week_start(earliest)).days // 7 + 1
    span = max(1, min(span, core.STREAK_LOOKBACK_WEEKS))
    count = 0
    for i, tally in enumerate(reversed(core.weekly_tallies(rituals, marks, today, span))):
        if tally.due == 0:
            continue
        if tally.kept:
            count += 1
        elif i == 0:
            continue
        else:
            break
    return count


def history(kept_weeks: list[bool], paused: set[int] = frozenset()) -> tuple[Ritual, list]:
    """A Mon/Wed/Fri ritual over len(kept_weeks) weeks ending this week (oldest first): a
    kept week has all three done, another only Monday's; weeks in `paused` are paused."""
    weeks = len(kept_weeks)
    first = THIS_WEEK - timedelta(weeks=weeks - 1)
    pauses = [
        Pause(start=first + timedelta(weeks=i), end=first + timedelta(weeks=i + 1))
        for i in sorted(paused)
    ]
    ritual = Ritual(name="r", start=first, weekdays=[0, 2, 4], pauses=pauses)
    marks = []
    for i, kept in enumerate(kept_weeks):
        week = first + timedelta(weeks=i)
        for offset in (0, 2, 4) if kept else (0,):
            day = week + timedelta(days=offset)
            if day <= TODAY:
                marks.append(RitualMark(ritual_id=ritual.id, occurrence=day, at=EARLY))
    return ritual, marks


STREAKS = [
    # (case, weeks, weeks kept (counted back from this one), expected streak)
    ("no history", 1, 0, 0),
    ("the first window exactly", 20, 8, 8),
    ("one week past the first window", 20, 9, 9),
    ("across the second window", 40, 23, 23),
    ("every week of five years", 260, 260, 260),
    ("every week of thirty years: the look-back caps it", 1560, 1560, 520),
]


@pytest.mark.parametrize(
    "weeks,kept,expected", [c[1:] for c in STREAKS], ids=[c[0] for c in STREAKS]
)
def test_streak_over_long_histories(weeks, kept, expected):
    ritual, marks = history([i >= weeks - kept for i in range(weeks)])
    assert core.streak([ritual], marks, TODAY) == expected
    if weeks <= 260:
        assert reference_streak([ritual], marks, TODAY) == expected


@settings(max_examples=60, deadline=None)
@given(
    kept=st.lists(st.booleans(), min_size=1, max_size=70),
    paused=st.sets(st.integers(0, 69), max_size=6),
)
def test_streak_in_windows_is_the_streak_over_every_week(kept, paused):
    ritual, marks = history(kept, {p for p in paused if p < len(kept)})
    assert core.streak([ritual], marks, TODAY) == reference_streak([ritual], marks, TODAY)


def _mark(day: int, minute: int | None, status: str = "done") -> RitualMark:
    at = None if minute is None else EARLY + timedelta(minutes=minute)
    return RitualMark(ritual_id="r1", occurrence=date(2026, 11, day), status=status, at=at)


INDEX = [
    # (case, marks as (day, minute or None, status), the status kept for 2 November)
    ("one mark", [(2, 0, "done")], "done"),
    ("the later one wins", [(2, 5, "skipped"), (2, 1, "done")], "skipped"),
    ("the later one wins, listed last", [(2, 1, "done"), (2, 5, "skipped")], "skipped"),
    ("equally late: the one listed last", [(2, 3, "done"), (2, 3, "skipped")], "skipped"),
    ("a mark without a time is the oldest", [(2, 0, "skipped"), (2, None, "done")], "skipped"),
]


@pytest.mark.parametrize("marks,status", [c[1:] for c in INDEX], ids=[c[0] for c in INDEX])
def test_index_marks_keeps_the_latest(marks, status):
    records = [_mark(*m) for m in marks]
    index = core.index_marks(records)
    assert index[("r1", date(2026, 11, 2))].status == status
    assert core.index_marks(index) is index  # an index passes through as it is


def test_figures_take_an_index_or_the_marks_alike():
    ritual, marks = history([True, False, True, True, False, True])
    index = core.index_marks(marks)
    for figure in (
        lambda m: core.streak([ritual], m, TODAY),
        lambda m: core.follow_through([ritual], m, TODAY, 4),
        lambda m: core.sparkline_series([ritual], m, TODAY, 12),
        lambda m: core.week_grid([ritual], m, THIS_WEEK).rows[0].cells,
    ):
        assert figure(marks) == figure(index)
