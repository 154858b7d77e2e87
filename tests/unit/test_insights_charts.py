"""Insights' charts without Textual: named periods from a week to thirty years, bars drawn
from the counts, figures computed once per index."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from closeness_tui import insights as core
from closeness_tui.insights import (
    Chart,
    Period,
    accuracy_chart,
    axis,
    bars,
    count_chart,
    figures,
    period_label,
    span_periods,
    weeks_to,
)
from closeness_tui.journal_index import JournalIndex, rows_of
from closeness_tui.models import (
    AfterFight,
    CheckIn,
    ListeningSession,
    Solution,
    Summary,
    Try,
    Turn,
)

TODAY = date(2026, 11, 21)  # a Saturday


@pytest.mark.parametrize(
    "values, top, drawn",
    [
        ([], None, ""),
        ([0, 0], None, "  "),
        ([1, 2, 4, 8], None, "▂▃▅█"),
        ([1, 8], None, "▂█"),  # a small value still shows
        ([None, 4, 0], None, "·█ "),  # a dot: nothing to count; a space: none
        ([0.5, 1.0], 1.0, "▅█"),  # shares against 100%
        ([520] * 3, None, "███"),
    ],
)
def test_bars(values, top, drawn):
    assert bars(values, top) == drawn


@pytest.mark.parametrize(
    "first, unit, count, first_start, last_end",
    [
        (date(2026, 9, 3), "month", 3, date(2026, 9, 1), date(2026, 11, 30)),
        (date(2022, 1, 15), "month", 59, date(2022, 1, 1), date(2026, 11, 30)),
        (date(2016, 11, 22), "quarter", 41, date(2016, 10, 1), date(2026, 12, 31)),
        (date(1996, 11, 27), "year", 31, date(1996, 1, 1), date(2026, 12, 31)),
        (date(1900, 1, 1), "year", 60, date(1967, 1, 1), date(2026, 12, 31)),  # at most 60
    ],
)
def test_span_periods_pick_the_smallest_unit_that_fits(first, unit, count, first_start, last_end):
    got_unit, periods = span_periods(first, TODAY)
    assert (got_unit, len(periods)) == (unit, count)
    assert periods[0].start == first_start and periods[-1].end == last_end
    for a, b in zip(periods, periods[1:], strict=False):
        assert (b.start - a.end).days == 1  # no gaps, no overlaps


@pytest.mark.parametrize("starts_on, first_day", [(0, date(2026, 8, 31)), (6, date(2026, 8, 30))])
def test_weeks_to_today(starts_on, first_day):
    weeks = weeks_to(TODAY, 12, starts_on)
    assert len(weeks) == 12 and weeks[0].start == first_day
    assert weeks[-1].start <= TODAY <= weeks[-1].end
    assert all((w.end - w.start).days == 6 for w in weeks)


def test_count_chart_counts_each_day_in_its_period_and_drops_the_rest():
    periods = weeks_to(TODAY, 2)
    days = [date(2026, 11, 16), date(2026, 11, 21), date(2026, 11, 9), date(2020, 1, 1)]
    chart = count_chart("week", periods, days)
    assert chart.values == (1.0, 2.0) and chart.total == 3


def _session(day: int, month: int, *ratings: str) -> ListeningSession:
    return ListeningSession(
        started_at=datetime(2026, month, day, 20, tzinfo=UTC),
        status="done",
        turns=[
            Turn(speaker=n % 2, summaries=[Summary(text="x", rating=r)])
            for n, r in enumerate(ratings)
        ],
    )


def test_accuracy_per_period_is_a_share_with_dots_for_silence():
    _, periods = span_periods(date(2026, 9, 1), TODAY)
    sessions = [
        _session(2, 9, "got_it", "partly"),
        _session(20, 9, "got_it", "got_it"),
        _session(5, 11, "not_quite", "got_it"),
    ]
    chart, confirmed, rated = accuracy_chart("month", periods, sessions)
    assert chart.values == (0.75, None, 0.5)
    assert (confirmed, rated) == (4, 6)
    assert bars(chart.values, 1.0) == "▆·▅"


@pytest.mark.parametrize(
    "unit, start, label",
    [
        ("week", date(2026, 8, 31), "31 Aug"),
        ("month", date(2024, 3, 1), "Mar 2024"),
        ("quarter", date(2024, 4, 1), "Q2 2024"),
        ("year", date(1997, 1, 1), "1997"),
    ],
)
def test_period_label(unit, start, label):
    assert period_label(unit, Period(start, start)) == label


def test_axis_names_the_first_and_last_period_under_their_bars():
    _, periods = span_periods(date(2016, 11, 22), TODAY)
    chart = Chart("quarter", tuple(periods), (1.0,) * len(periods))
    line = axis(chart)
    assert len(line) == len(periods)
    assert line.startswith("Q4 2016") and line.endswith("Q4 2026")
    short = Chart("week", tuple(weeks_to(TODAY, 12)), (0.0,) * 12)
    assert axis(short, "this week") == "31 Aug … this week"  # too narrow for both under bars


def test_figures_cover_ten_years_in_quarters_and_are_kept_on_the_index(monkeypatch):
    monkeypatch.setattr(core.journal, "ritual_planner", lambda: None)
    checkins = [
        CheckIn(kind="nightly", created_at=datetime(y, 6, 1, 21, tzinfo=UTC))
        for y in range(2017, 2027)
    ]
    sessions = [_session(1, 10, "got_it", "got_it")]
    index = JournalIndex(rows_of(checkins=checkins, listening=sessions), ("Ana", "Ben"))
    facts = figures(index, TODAY)
    assert facts.history is not None and facts.history.unit == "quarter"
    assert facts.history.total == 11 and facts.recent.total == 1  # the session on 1 Oct
    assert facts.first_day == date(2017, 6, 1)
    assert facts.accuracy.unit == "quarter" and facts.accuracy_counts == (2, 2, 1)
    assert figures(index, TODAY) is facts  # kept: a second visit computes nothing
    assert figures(index, date(2026, 11, 22)) is not facts  # another day, counted again


# -- after a fight, and solving it together -------------------------------------------------


def _fight(status: str, day: int, finished: int | None = None) -> AfterFight:
    return AfterFight(
        started_at=datetime(2026, 11, day, 20, tzinfo=UTC),
        finished_at=datetime(2026, 11, finished, 21, tzinfo=UTC) if finished else None,
        status=status,
    )


def _tried(day: int, outcome: str = "", status: str = "trial") -> Solution:
    on = date(2026, 11, day)
    attempt = Try(option=0, started_on=on, review_on=on + timedelta(days=7), outcome=outcome)
    return Solution(started_at=datetime(2026, 11, day, tzinfo=UTC), status=status, tries=[attempt])


# (fights, solutions) -> (talks finished, tries, reviews, kept, since)
TALKS = [
    ([], [], (0, 0, 0, 0, None)),
    ([_fight("active", 3), _fight("stopped", 4)], [], (0, 0, 0, 0, None)),  # none finished
    ([_fight("done", 9, finished=10)], [], (1, 0, 0, 0, date(2026, 11, 10))),
    ([_fight("done", 9)], [], (1, 0, 0, 0, date(2026, 11, 9))),  # no end time: its start
    ([], [_tried(12, "keep", "kept")], (0, 1, 1, 1, date(2026, 11, 12))),
    (
        [_fight("done", 14, finished=14), _fight("active", 2)],
        [_tried(5, "another"), _tried(1, "keep", "stopped")],  # a set-aside one is not counted
        (1, 1, 1, 0, date(2026, 11, 5)),
    ),
]


@pytest.mark.parametrize(("fights", "solutions", "expected"), TALKS)
def test_talk_figures(fights, solutions, expected):
    talks = core.talk_figures(fights, solutions)
    got = (talks.fights, talks.tries.tried, talks.tries.reviewed, talks.tries.kept, talks.since)
    assert got == expected


def test_the_figures_count_the_talks_of_the_index():
    index = JournalIndex([], ("Ana", "Ben"), fights=[_fight("done", 9)], solutions=[_tried(12)])
    talks = figures(index, TODAY).talks
    assert (talks.fights, talks.tries.tried, talks.since) == (1, 1, date(2026, 11, 9))
