"""Insights as charts that read the same after one week or thirty years. No Textual here.

Every figure is counted in periods with names: the last 12 weeks week by week, and the
whole history in as few equal periods as fit one line (months, then quarters, then years,
never more than `MAX_BARS`), so 520 sessions never squeeze into one wall of full blocks.
Bars are drawn from the counts here (`bars()`), one character a period, with the first
and last period named under them.

Computed from a `JournalIndex` (built once per data version) and kept in its
`insights_cache`, so visiting Insights again costs nothing until the data changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from closeness_tui import journal
from closeness_tui.checkins import WEEKLY
from closeness_tui.journal import (
    ACTIVITY_KINDS,
    first_try_counts,
    promises_kept,
    ritual_follow_through,
    week_start,
)
from closeness_tui.journal_index import JournalIndex
from closeness_tui.models import AfterFight, CheckIn, ListeningSession, Solution
from closeness_tui.solve import TryCounts, counts

WEEKS = 12
MAX_BARS = 60  # fits 80 columns; 10 years is 44 quarters, 30 years 31 years
RITUAL_DAYS = 28
LEVELS = "▁▂▃▄▅▆▇█"
NO_DATA = "·"


@dataclass(frozen=True)
class Period:
    start: date  # first day
    end: date  # last day


@dataclass(frozen=True)
class Chart:
    unit: str  # "week", "month", "quarter" or "year"
    periods: tuple[Period, ...]
    values: tuple[float | None, ...]  # None: nothing to count in that period

    @property
    def first(self) -> Period:
        return self.periods[0]

    @property
    def last(self) -> Period:
        return self.periods[-1]

    @property
    def total(self) -> float:
        return sum(v for v in self.values if v is not None)


def bars(values: Sequence[float | None], top: float | None = None) -> str:
    """One character per value: a block as tall as the value's share of `top` (the largest
    value unless given), the lowest block for any value above zero, a space for zero and a
    dot where there was nothing to count."""
    known = [v for v in values if v is not None]
    top = max(known, default=0) if top is None else top
    out = []
    for v in values:
        if v is None:
            out.append(NO_DATA)
        elif v <= 0 or top <= 0:
            out.append(" ")
        else:
            level = round(v / top * (len(LEVELS) - 1))
            out.append(LEVELS[max(0, min(len(LEVELS) - 1, level))])
    return "".join(out)


# -- periods ------------------------------------------------------------------------------


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _month_start(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


def weeks_to(today: date, weeks: int = WEEKS, starts_on: int = 0) -> list[Period]:
    """The last `weeks` weeks, oldest first, the last one holding `today`."""
    current = week_start(today, starts_on)
    return [
        Period(current - timedelta(weeks=n), current - timedelta(weeks=n) + timedelta(days=6))
        for n in range(weeks - 1, -1, -1)
    ]


def span_periods(first: date, today: date, max_bars: int = MAX_BARS) -> tuple[str, list[Period]]:
    """`first` to `today` in equal calendar periods: months, quarters or years, whichever is
    the smallest that needs at most `max_bars` of them."""
    start, end = _month_index(first), _month_index(today)
    for unit, size in (("month", 1), ("quarter", 3), ("year", 12)):
        lo = start - (start % size)
        if (end - lo) // size + 1 <= max_bars or unit == "year":
            break
    periods = []
    for index in range(lo, end + 1, size):
        following = _month_start(index + size)
        periods.append(Period(_month_start(index), following - timedelta(days=1)))
    if unit == "year" and len(periods) > max_bars:
        periods = periods[-max_bars:]
    return unit, periods


def _counter(periods: Sequence[Period]):
    starts = [p.start for p in periods]
    from bisect import bisect_right

    def slot(day: date) -> int | None:
        i = bisect_right(starts, day) - 1
        return i if 0 <= i and day <= periods[i].end else None

    return slot


def count_chart(unit: str, periods: Sequence[Period], days: Iterable[date]) -> Chart:
    counts = [0.0] * len(periods)
    slot = _counter(periods)
    for day in days:
        i = slot(day)
        if i is not None:
            counts[i] += 1
    return Chart(unit, tuple(periods), tuple(counts))


def accuracy_chart(
    unit: str, periods: Sequence[Period], sessions: Iterable[ListeningSession]
) -> tuple[Chart, int, int]:
    """Per period, the share of turns whose first summary was confirmed at once (None where
    no session had a rated summary); with the (confirmed, rated) totals of these periods."""
    confirmed = [0] * len(periods)
    rated = [0] * len(periods)
    slot = _counter(periods)
    for s in sessions:
        i = slot(s.started_at.date())
        if i is None:
            continue
        c, t = first_try_counts(s)
        confirmed[i] += c
        rated[i] += t
    values = tuple(c / t if t else None for c, t in zip(confirmed, rated, strict=True))
    return Chart(unit, tuple(periods), values), sum(confirmed), sum(rated)


@dataclass(frozen=True)
class TalkFigures:
    """After a fight, and solving it together: counted since the first of them."""

    fights: int = 0  # after-a-fight talks finished
    tries: TryCounts = TryCounts()  # solutions tried, looked back on, and how
    since: date | None = None  # the first talk finished or trial begun


def talk_figures(fights: Iterable[AfterFight], solutions: Iterable[Solution]) -> TalkFigures:
    finished = [(f.finished_at or f.started_at).date() for f in fights if f.status == "done"]
    tries = counts(solutions)
    days = [*finished, *([tries.first] if tries.first else [])]
    return TalkFigures(len(finished), tries, min(days, default=None))


# -- the whole page -------------------------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    recent: Chart  # sessions and check-ins per week, last 12 weeks
    history: Chart | None  # the same since the first one, when that is longer ago
    accuracy: Chart  # per period of `history` (or of `recent` when there is no history)
    accuracy_counts: tuple[int, int, int]  # confirmed, summaries, sessions, in that chart
    rituals: tuple[int, int]  # kept, due in the last RITUAL_DAYS days
    ritual_period: Period
    promises: dict[str, int]
    promises_since: date | None  # the first weekly check-in that looked back
    first_day: date | None = None  # the first session or check-in finished
    first_listening: date | None = None  # the first listening session with a summary rated
    talks: TalkFigures = TalkFigures()


def figures(index: JournalIndex, today: date, starts_on: int = 0) -> Figures:
    """Insights for one index, computed once per (today, week start) and kept on it."""
    key = ("figures", today, starts_on)
    found = index.insights_cache.get(key)
    if found is None:
        found = index.insights_cache[key] = _figures(index, today, starts_on)
    return found


def _figures(index: JournalIndex, today: date, starts_on: int) -> Figures:
    rows = index.rows
    done = [r.at.date() for r in rows if r.kind in ACTIVITY_KINDS and r.finished]
    recent = count_chart("week", weeks_to(today, WEEKS, starts_on), done)
    history = None
    if done and min(done) < recent.first.start:
        unit, periods = span_periods(min(done), today)
        history = count_chart(unit, periods, done)
    sessions = [r.record for r in rows if isinstance(r.record, ListeningSession)]
    chart = history or recent
    accuracy, confirmed, rated = accuracy_chart(chart.unit, chart.periods, sessions)
    counted = sum(
        1
        for s in sessions
        if first_try_counts(s)[1] and chart.first.start <= s.started_at.date() <= chart.last.end
    )
    checkins = [r.record for r in rows if isinstance(r.record, CheckIn)]
    looked_back = [c.created_at.date() for c in checkins if c.kind == WEEKLY and c.promise_review]
    return Figures(
        recent=recent,
        history=history,
        accuracy=accuracy,
        accuracy_counts=(confirmed, rated, counted),
        rituals=_rituals(index, today),
        ritual_period=Period(today - timedelta(days=RITUAL_DAYS - 1), today),
        promises=promises_kept(checkins),
        promises_since=min(looked_back, default=None),
        first_day=min(done, default=None),
        first_listening=min(
            (s.started_at.date() for s in sessions if first_try_counts(s)[1]),
            default=None,
        ),
        talks=talk_figures(index.fights, index.solutions),
    )


def _rituals(index: JournalIndex, today: date) -> tuple[int, int]:
    return ritual_follow_through(
        index.rituals, index.marks, today, RITUAL_DAYS, occurs_on=journal.ritual_planner()
    )


# -- words for periods ----------------------------------------------------------------------


def period_label(unit: str, period: Period) -> str:
    """How a period is named under a chart: "31 Aug", "Mar 2024", "Q1 2024", "2024"."""
    start = period.start
    if unit == "week":
        return f"{start.day} {start:%b}"
    if unit == "month":
        return f"{start:%b %Y}"
    if unit == "quarter":
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    return str(start.year)


def axis(chart: Chart, last: str | None = None) -> str:
    """The first and last period's names, under the first and last bar of the chart."""
    left = period_label(chart.unit, chart.first)
    right = last if last is not None else period_label(chart.unit, chart.last)
    width = len(chart.values)
    if len(left) + 1 + len(right) > width:
        return f"{left} … {right}"
    return left + " " * (width - len(left) - len(right)) + right


def since(day: date) -> str:
    """A start date as the figures say it: "12 Jan 1997"."""
    return f"{day.day} {day:%b %Y}"
