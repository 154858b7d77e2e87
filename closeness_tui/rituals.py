"""Rituals of connection: when they happen, the week grid, and how well they are kept.

Pure functions over `Ritual` and `RitualMark` records; no Textual, no store.

Recurrence is python-dateutil's rrule. A ritual's cadence is one of
- chosen weekdays, every week or every N weeks (weeks counted from the start date, WKST=MO);
- monthly on a day of the month (29, 30 and 31 fall back to the month's last day);
- monthly on the nth weekday ("first Saturday", 1..4, or -1 for the last one).

Days are computed on the wall calendar, so a ritual at 07:30 is at 07:30 local time in every
week, summer or winter. A time that does not exist on a spring-forward night (02:30 in
Europe/Berlin on the last Sunday of March) is read as RFC 5545 says: with the offset from
before the gap, which is 03:30 summer time. An ambiguous autumn time is the first of the two.

Follow-through has one definition (the "follow-through" section): a day kept counts for
them; paused stretches, skips, days before the ritual existed and days after it left the plan
never count against the couple. A week "counts" for the streak when at least half
of what was due that week was done (forgiving on purpose); weeks with nothing due are
passed over without breaking it, and this week never breaks it while it is still going.
"""

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from pathlib import Path
from typing import Final, TypedDict
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import msgspec
from dateutil import rrule as rr

from closeness_tui.models import Freq, Lead, MarkStatus, Pause, Ritual, RitualMark
from closeness_tui.ritualtext import RitualTemplate

WEEKLY: Final[Freq] = "weekly"
MONTHLY: Final[Freq] = "monthly"
DONE: Final[MarkStatus] = "done"
SKIPPED: Final[MarkStatus] = "skipped"
LEADS: tuple[Lead, ...] = ("both", "either", "a", "b")

KEPT_WEEK_SHARE = 0.5  # a week counts when at least this share of what was due was done
STREAK_LOOKBACK_WEEKS = 520
STREAK_FIRST_WINDOW = 8  # weeks: the streak looks back this far first, then twice as far

_TIME = re.compile(r"^\s*([01]?\d|2[0-3])[:.h]?([0-5]\d)\s*$")
_RR_DAYS = (rr.MO, rr.TU, rr.WE, rr.TH, rr.FR, rr.SA, rr.SU)


# -- time zone and time of day ---------------------------------------------------------------


def local_zone(
    environ: dict[str, str] | None = None, localtime: Path = Path("/etc/localtime")
) -> tzinfo:
    """The user's IANA zone (TZ, else /etc/localtime), so DST rules are known; UTC if unknown."""
    env = os.environ if environ is None else environ
    candidates: list[str] = []
    tz = env.get("TZ", "").lstrip(":")
    if tz:
        candidates.append(tz)
    try:
        target = str(localtime.resolve())
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        candidates.append(target.split("zoneinfo/", 1)[1])
    for name in candidates:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return ZoneInfo("UTC")


def parse_time(text: str | None) -> time | None:
    """'7:30', '07:30', '1930' or '19.30' -> time; '' -> None; anything else raises ValueError."""
    if text is None or not text.strip():
        return None
    match = _TIME.match(text)
    if not match:
        raise ValueError(f"not a time of day: {text!r}")
    return time(int(match.group(1)), int(match.group(2)))


def format_time(value: time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def at_local(day: date, when: time, tz: tzinfo) -> datetime:
    """Wall-clock `when` on `day` in `tz`, resolved per RFC 5545 across DST changes."""
    naive = datetime.combine(day, when)
    aware = naive.replace(tzinfo=tz, fold=0)
    resolved = aware.astimezone(UTC).astimezone(tz)
    return resolved


# -- recurrence -------------------------------------------------------------------------------


class RuleParts(TypedDict, total=False):
    """dateutil rrule keyword arguments (freq given positionally)."""

    freq: int
    interval: int
    byweekday: list[rr.weekday]
    bymonthday: list[int]
    bysetpos: list[int]
    wkst: rr.weekday


def rule_parts(ritual: Ritual) -> RuleParts:
    """The rrule keyword arguments for a ritual's cadence (also the .ics RRULE)."""
    interval = max(1, int(ritual.interval or 1))
    if ritual.freq == MONTHLY:
        if ritual.month_nth:
            weekday = (ritual.weekdays or [5])[0]
            return {
                "freq": rr.MONTHLY,
                "interval": interval,
                "byweekday": [_RR_DAYS[weekday](ritual.month_nth)],
            }
        day = min(max(int(ritual.month_day or 1), 1), 31)
        if day >= 29:  # short months: the last day instead of skipping the month
            return {
                "freq": rr.MONTHLY,
                "interval": interval,
                "bymonthday": list(range(28, day + 1)),
                "bysetpos": [-1],
            }
        return {"freq": rr.MONTHLY, "interval": interval, "bymonthday": [day]}
    days = sorted(set(ritual.weekdays)) or [ritual.start.weekday()]
    return {
        "freq": rr.WEEKLY,
        "interval": interval,
        "byweekday": [_RR_DAYS[d] for d in days],
        "wkst": rr.MO,
    }


def make_rule(ritual: Ritual, dtstart: datetime) -> rr.rrule:
    parts = rule_parts(ritual)
    freq = parts.pop("freq")
    return rr.rrule(freq, dtstart=dtstart, **parts)


def _paused_on(pauses: Sequence[Pause], day: date) -> bool:
    return any(p.start <= day and (p.end is None or day < p.end) for p in pauses)


def in_plan(ritual: Ritual, day: date) -> bool:
    """Whether the ritual was planned at all on `day` (started, not ended, not paused)."""
    if day < ritual.start:
        return False
    if ritual.ended_on is not None and day >= ritual.ended_on:
        return False
    if _paused_on(ritual.pauses, day):
        return False
    if (
        not ritual.active
        and ritual.ended_on is None
        and not any(p.end is None for p in ritual.pauses)
    ):
        return False  # paused without a recorded date: nothing is planned
    return True


def _rule_start(ritual: Ritual, lo: date) -> date:
    """A later dtstart in the same rhythm, so a week long after the start is not found by
    stepping through every week since: whole intervals of weeks (from a Monday, as WKST=MO)
    or of months (from the 1st). Days before the real start are filtered out by in_plan."""
    start = ritual.start
    n = max(1, int(ritual.interval or 1))
    if ritual.freq == MONTHLY:
        months = (lo.year - start.year) * 12 + lo.month - start.month - 1
        k = months // n * n
        if k <= 0:
            return start
        y, m = divmod(start.month - 1 + k, 12)
        return date(start.year + y, m + 1, 1)
    week0 = start - timedelta(days=start.weekday())
    k = ((lo - week0).days // 7 - 1) // n * n
    if k <= 0:
        return start
    return week0 + timedelta(weeks=k)


def occurrence_days(ritual: Ritual, start: date, end: date) -> list[date]:
    """Days from `start` to `end` (both included) on which the ritual takes place."""
    lo = max(start, ritual.start)
    hi = end if ritual.ended_on is None else min(end, ritual.ended_on - timedelta(days=1))
    if hi < lo:
        return []
    rule = make_rule(ritual, datetime.combine(_rule_start(ritual, lo), time()))
    found = rule.between(datetime.combine(lo, time()), datetime.combine(hi, time()), inc=True)
    return [d.date() for d in found if in_plan(ritual, d.date())]


def from_template(template: RitualTemplate | None, today: date) -> Ritual:
    """A new ritual starting today: as the template plans it, or (without one) a blank
    15-minute ritual on today's weekday."""
    if template is None:
        return Ritual(name="", start=today, weekdays=[today.weekday()], duration_minutes=15)
    return Ritual(
        name=template.name,
        template=template.id,
        freq=template.freq,
        weekdays=list(template.weekdays),
        interval=template.interval,
        month_day=template.month_day,
        month_nth=template.month_nth,
        time_of_day=template.time or None,
        duration_minutes=template.duration,
        lead=template.lead,
        start=today,
    )


def ritual_time(ritual: Ritual) -> time | None:
    try:
        return parse_time(ritual.time_of_day)
    except ValueError:
        return None


def occurrences(
    ritual: Ritual, start: date, end: date, tz: tzinfo | None = None
) -> list[date | datetime]:
    """Occurrences from `start` to `end` (both included): dates, or aware datetimes in `tz`
    (the local zone by default) when the ritual has a time of day."""
    days = occurrence_days(ritual, start, end)
    when = ritual_time(ritual)
    if when is None:
        return list(days)
    zone = tz or local_zone()
    return [at_local(d, when, zone) for d in days]


def occurs_on(ritual: Ritual, day: date) -> bool:
    """True when the ritual takes place on `day` (and is in the plan then)."""
    return bool(occurrence_days(ritual, day, day))


def next_occurrence(ritual: Ritual, after: date, within_days: int = 400) -> date | None:
    days = occurrence_days(ritual, after, after + timedelta(days=within_days))
    return days[0] if days else None


# -- marks ------------------------------------------------------------------------------------


class MarkIndex(dict[tuple[str, date], RitualMark]):
    """(ritual id, day) -> its mark. Made once by `index_marks` and passed wherever marks
    go: years of marks are then read once per screen, not once per figure."""


Marks = Iterable[RitualMark] | MarkIndex


def index_marks(marks: Marks) -> MarkIndex:
    """(ritual id, day) -> its mark; if a pair was marked twice, the latest wins (of two
    equally late, the later one in `marks`). An index is returned as it is."""
    if isinstance(marks, MarkIndex):
        return marks
    out = MarkIndex()
    floor = datetime.min.replace(tzinfo=UTC)
    for m in marks:
        key = (m.ritual_id, m.occurrence)
        held = out.get(key)
        if held is None or (m.at or floor) >= (held.at or floor):
            out[key] = m
    return out


def find_mark(marks: Iterable[RitualMark], ritual_id: str, day: date) -> RitualMark | None:
    return index_marks(m for m in marks if m.ritual_id == ritual_id).get((ritual_id, day))


def set_mark(
    existing: RitualMark | None,
    ritual: Ritual,
    day: date,
    status: MarkStatus,
    now: datetime,
    note: str | None = None,
) -> RitualMark:
    """The mark to save for `ritual` on `day` (updates `existing` in place, keeping its id)."""
    if status not in (DONE, SKIPPED):
        raise ValueError(f"unknown status {status!r}")
    if existing is not None:
        existing.status = status
        existing.at = now
        if note is not None:
            existing.note = note
        return existing
    return RitualMark(ritual_id=ritual.id, occurrence=day, status=status, note=note or "", at=now)


class Refusal(StrEnum):
    """Why an occurrence could not be marked or unmarked."""

    FUTURE = "future"  # the day has not come yet
    NOT_PLANNED = "not_planned"  # the ritual does not take place that day
    NOTHING_TO_UNDO = "nothing_to_undo"  # no mark on that day


@dataclass(frozen=True)
class MarkChange:
    """What marking or unmarking one occurrence does: a mark to save, the ids of marks to
    delete, or why nothing changes."""

    save: RitualMark | None = None
    delete: tuple[str, ...] = ()
    refused: Refusal | None = None


def mark_occurrence(
    ritual: Ritual,
    day: date,
    status: MarkStatus,
    marks: Iterable[RitualMark],
    today: date,
    now: datetime,
    note: str | None = None,
) -> MarkChange:
    """Mark `ritual` on `day` done or skipped (updating that day's mark if there is one). Only
    days that have come and on which the ritual takes place can be marked."""
    if day > today:
        return MarkChange(refused=Refusal.FUTURE)
    if not occurs_on(ritual, day):
        return MarkChange(refused=Refusal.NOT_PLANNED)
    existing = find_mark(marks, ritual.id, day)
    return MarkChange(save=set_mark(existing, ritual, day, status, now, note))


def unmark_occurrence(ritual: Ritual, day: date, marks: Iterable[RitualMark]) -> MarkChange:
    """Take back the mark for `ritual` on `day`: every mark of that day, duplicates included."""
    same_day = tuple(m.id for m in marks if m.ritual_id == ritual.id and m.occurrence == day)
    if not same_day:
        return MarkChange(refused=Refusal.NOTHING_TO_UNDO)
    return MarkChange(delete=same_day)


def toggle_done(
    ritual: Ritual, day: date, marks: Sequence[RitualMark], today: date, now: datetime
) -> MarkChange:
    """Done if not done yet (a skipped day becomes done); a done day is taken back."""
    existing = find_mark(marks, ritual.id, day)
    if existing is not None and existing.status == DONE:
        return unmark_occurrence(ritual, day, marks)
    return mark_occurrence(ritual, day, DONE, marks, today, now)


def _created(ritual: Ritual) -> datetime:
    return ritual.created_at or datetime.min.replace(tzinfo=UTC)


def current(rituals: Iterable[Ritual]) -> list[Ritual]:
    """Rituals still in the plan (active or paused), in a stable order."""
    kept = [r for r in rituals if r.ended_on is None]
    return sorted(kept, key=_created)


def with_template(rituals: Iterable[Ritual], template_id: str) -> list[Ritual]:
    return [r for r in current(rituals) if r.template == template_id]


def mark_template_done(
    rituals: Iterable[Ritual],
    marks: Marks,
    template_id: str,
    day: date,
    now: datetime,
    note: str | None = None,
) -> list[RitualMark]:
    """Marks to save so every ritual from `template_id` that is due on `day` is done.

    Used by the check-ins: finishing a nightly check-in ticks off the "nightly" ritual.
    Rituals not due that day, or already done, are left alone."""
    index = index_marks(marks)
    out = []
    for ritual in with_template(rituals, template_id):
        if not occurs_on(ritual, day):
            continue
        existing = index.get((ritual.id, day))
        if existing is not None and existing.status == DONE:
            continue
        out.append(set_mark(existing, ritual, day, DONE, now, note))
    return out


# -- the week ---------------------------------------------------------------------------------


def week_start(day: date, first_weekday: int = 0) -> date:
    """The first day of the week holding `day` (first_weekday: 0 = Monday .. 6 = Sunday)."""
    return day - timedelta(days=(day.weekday() - first_weekday) % 7)


def week_days(start: date) -> list[date]:
    return [start + timedelta(days=i) for i in range(7)]


class Cell(msgspec.Struct, frozen=True):
    ritual: Ritual
    day: date
    at: datetime | None
    mark: RitualMark | None

    @property
    def status(self) -> str:
        return self.mark.status if self.mark is not None else "due"


class GridRow(msgspec.Struct, frozen=True):
    ritual: Ritual
    cells: tuple[Cell | None, ...]  # one per day of the week; None = not that day


class WeekGrid(msgspec.Struct, frozen=True):
    start: date
    days: tuple[date, ...]
    rows: tuple[GridRow, ...]

    @property
    def planned_minutes(self) -> int:
        return sum(
            row.ritual.duration_minutes for row in self.rows for c in row.cells if c is not None
        )

    def cell(self, ritual_id: str, day: date) -> Cell | None:
        for row in self.rows:
            if row.ritual.id == ritual_id:
                for c in row.cells:
                    if c is not None and c.day == day:
                        return c
        return None


def week_grid(
    rituals: Iterable[Ritual],
    marks: Marks,
    start: date,
    tz: tzinfo | None = None,
    show_ended: bool = False,
) -> WeekGrid:
    """The week from `start`: a row per ritual in the plan, paused ones too (and an ended one
    with a mark that week, or every ended one that had begun with `show_ended`). A day
    marked keeps its cell even when the ritual was paused or ended that day."""
    zone = tz or local_zone()
    days = tuple(week_days(start))
    index = index_marks(marks)
    rows = []
    ordered = sorted(rituals, key=_created)
    for ritual in ordered:
        found = set(occurrence_days(ritual, days[0], days[-1]))
        found |= {d for d in rule_days(ritual, days[0], days[-1]) if (ritual.id, d) in index}
        if ritual.start > days[-1]:
            continue
        if not found and ritual.ended_on is not None and not show_ended:
            continue
        when = ritual_time(ritual)
        cells = tuple(
            Cell(
                ritual,
                d,
                at_local(d, when, zone) if when is not None else None,
                index.get((ritual.id, d)),
            )
            if d in found
            else None
            for d in days
        )
        rows.append(GridRow(ritual, cells))
    return WeekGrid(start, days, tuple(rows))


def today_cells(
    rituals: Iterable[Ritual], marks: Marks, day: date, tz: tzinfo | None = None
) -> list[Cell]:
    """What is planned on `day`, untimed first, then by time of day."""
    zone = tz or local_zone()
    index = index_marks(marks)
    out = []
    for ritual in current(rituals):
        if occurs_on(ritual, day):
            when = ritual_time(ritual)
            at = at_local(day, when, zone) if when is not None else None
            out.append(Cell(ritual, day, at, index.get((ritual.id, day))))
    return sorted(out, key=lambda c: (c.at is not None, c.at.time() if c.at else time()))


# -- follow-through ---------------------------------------------------------------------------
#
# The one definition, used by the planner, a ritual's own page, Insights and the exports.
# Every planned day of a ritual is one of:
#   KEPT     marked done (always counts for them, even on a day later paused or ended)
#   SKIPPED  marked skipped: "that is fine; life happens" -- never counts against
#   MISSED   a past day in the plan, after the ritual existed, left unmarked
#   PAUSED   paused that day; ENDED: after it left the plan; BEFORE: before it existed
#            (before its start, or before the day it was made when the start was set in
#            the past); UPCOMING: today unmarked, or later. None of these count.
# The share is kept / (kept + missed).

KEPT = "kept"
MISSED = "missed"
PAUSED = "paused"
ENDED = "ended"
BEFORE = "before"
UPCOMING = "upcoming"


def existed_from(ritual: Ritual, tz: tzinfo | None = None) -> date:
    """The first day that can count against them: the start, or the day it was made if later."""
    if ritual.created_at is None:
        return ritual.start
    made = ritual.created_at.astimezone(tz or local_zone()).date()
    return max(ritual.start, made)


def rule_days(ritual: Ritual, start: date, end: date) -> list[date]:
    """Days from `start` to `end` on the ritual's cadence since its start (paused, ended or not)."""
    lo = max(start, ritual.start)
    if end < lo:
        return []
    rule = make_rule(ritual, datetime.combine(_rule_start(ritual, lo), time()))
    found = rule.between(datetime.combine(lo, time()), datetime.combine(end, time()), inc=True)
    return [d.date() for d in found if d.date() >= ritual.start]


def day_status(
    ritual: Ritual, day: date, mark: RitualMark | None, today: date, since: date | None = None
) -> str:
    """What one day on the ritual's cadence is, for follow-through (see the table above)."""
    if mark is not None:
        return KEPT if mark.status == DONE else SKIPPED
    if ritual.ended_on is not None and day >= ritual.ended_on:
        return ENDED
    if not in_plan(ritual, day):
        return PAUSED
    if day < (since if since is not None else existed_from(ritual)):
        return BEFORE
    if day >= today:
        return UPCOMING
    return MISSED


class Tally(msgspec.Struct, frozen=True):
    """Follow-through over the days `start`..`end` (both included)."""

    start: date
    done: int
    missed: int = 0
    skipped: int = 0
    end: date | None = None

    @property
    def due(self) -> int:
        """What counts: kept plus missed (skips, pauses and days before never do)."""
        return self.done + self.missed

    @property
    def share(self) -> float | None:
        return self.done / self.due if self.due else None

    @property
    def kept(self) -> bool:
        return self.due > 0 and self.done >= KEPT_WEEK_SHARE * self.due


def day_statuses(
    rituals: Iterable[Ritual], marks: Marks, start: date, end: date, today: date
) -> list[tuple[Ritual, date, str]]:
    """(ritual, day, status) for every day on any ritual's cadence from `start` to `end`."""
    index = index_marks(marks)
    out = []
    for ritual in rituals:
        since = existed_from(ritual)
        for day in rule_days(ritual, start, end):
            out.append(
                (ritual, day, day_status(ritual, day, index.get((ritual.id, day)), today, since))
            )
    return out


def tally_between(
    rituals: Iterable[Ritual], marks: Marks, start: date, end: date, today: date
) -> Tally:
    """Follow-through from `start` to `end` (both included), ended rituals too."""
    counts = {KEPT: 0, MISSED: 0, SKIPPED: 0}
    for _, _, status in day_statuses(rituals, marks, start, end, today):
        if status in counts:
            counts[status] += 1
    return Tally(start, counts[KEPT], counts[MISSED], counts[SKIPPED], end)


def weekly_tallies(
    rituals: Iterable[Ritual],
    marks: Marks,
    today: date,
    weeks: int,
    first_weekday: int = 0,
) -> list[Tally]:
    """One tally per calendar week, oldest first; the last is the week holding `today` (so far)."""
    this_week = week_start(today, first_weekday)
    return _week_tallies(list(rituals), marks, this_week - timedelta(weeks=weeks - 1), weeks, today)


def _week_tallies(
    rituals: Sequence[Ritual], marks: Marks, first: date, weeks: int, today: date
) -> list[Tally]:
    """One tally per week for the `weeks` weeks from `first` (a week's first day), oldest
    first; days after `today` are left out (a week holding today is tallied so far)."""
    starts = [first + timedelta(weeks=i) for i in range(weeks)]
    counts = [{KEPT: 0, MISSED: 0, SKIPPED: 0} for _ in starts]
    last = min(today, first + timedelta(days=7 * weeks - 1))
    for _, day, status in day_statuses(rituals, marks, first, last, today):
        if status in (KEPT, MISSED, SKIPPED):
            counts[(day - first).days // 7][status] += 1
    return [
        Tally(s, c[KEPT], c[MISSED], c[SKIPPED], min(today, s + timedelta(days=6)))
        for s, c in zip(starts, counts, strict=True)
    ]


def recent_period(today: date, weeks: int) -> tuple[date, date]:
    """The last `weeks` weeks as days: the 7*weeks days ending today."""
    return today - timedelta(days=7 * weeks - 1), today


def follow_through(
    rituals: Iterable[Ritual],
    marks: Marks,
    today: date,
    weeks: int,
    first_weekday: int = 0,
) -> Tally:
    """Share kept over the last `weeks` weeks: the 7*weeks days ending today (its period is
    the tally's start..end). `first_weekday` is accepted for callers that pass it."""
    start, end = recent_period(today, weeks)
    return tally_between(rituals, marks, start, end, today)


def streak(
    rituals: Iterable[Ritual],
    marks: Marks,
    today: date,
    first_weekday: int = 0,
) -> int:
    """Weeks in a row that counted (at least half of what was due was done).

    Weeks with nothing due (all paused, or before the first ritual) are passed over; this
    week adds to the streak once it counts and never breaks it while it is still going."""
    rituals = list(rituals)
    if not rituals:
        return 0
    index = index_marks(marks)
    earliest = min(r.start for r in rituals)
    this_week = week_start(today, first_weekday)
    span = (this_week - week_start(earliest, first_weekday)).days // 7 + 1
    span = max(1, min(span, STREAK_LOOKBACK_WEEKS))
    # Back from this week a window at a time (each twice the last), so a streak of a few
    # weeks looks at a few weeks, not at every week since the first ritual.
    count = 0
    looked = 0  # weeks looked at, back from this week
    size = STREAK_FIRST_WINDOW
    while looked < span:
        n = min(size, span - looked)
        first = this_week - timedelta(weeks=looked + n - 1)
        for tally in reversed(_week_tallies(rituals, index, first, n, today)):
            newest = looked == 0  # the week holding today
            looked += 1
            if tally.due == 0:
                continue
            if tally.kept:
                count += 1
            elif newest:
                continue  # this week is not over yet
            else:
                return count
        size *= 2
    return count


def sparkline_series(
    rituals: Iterable[Ritual],
    marks: Marks,
    today: date,
    weeks: int = 12,
    first_weekday: int = 0,
) -> list[float]:
    """Weekly share kept (0..1), oldest first, from the first week anything was due."""
    tallies = weekly_tallies(rituals, marks, today, weeks, first_weekday)
    while tallies and tallies[0].due == 0:
        tallies.pop(0)
    return [t.share if t.share is not None else 0.0 for t in tallies]


def planned_minutes(rituals: Iterable[Ritual], start: date, first_weekday: int = 0) -> int:
    """Minutes planned in the week holding `start` (every occurrence, done or not)."""
    ws = week_start(start, first_weekday)
    return sum(
        r.duration_minutes * len(occurrence_days(r, ws, ws + timedelta(days=6))) for r in rituals
    )


# -- pausing and leaving the plan ---------------------------------------------------------------


def pause(ritual: Ritual, today: date) -> None:
    """Pause from today on: nothing is due while paused."""
    if not ritual.active:
        return
    ritual.active = False
    ritual.pauses.append(Pause(start=today))


def resume(ritual: Ritual, today: date) -> None:
    if ritual.active:
        return
    ritual.active = True
    for p in ritual.pauses:
        if p.end is None:
            p.end = today
    # A pause that started and ended on the same day is no pause at all.
    ritual.pauses = [p for p in ritual.pauses if p.end is None or p.end > p.start]


def end(ritual: Ritual, today: date) -> None:
    """Take the ritual out of the plan from today; its past weeks keep their history.

    It is no longer active either, so code that only asks `active` (the check-ins, marking
    a finished nightly check-in) leaves it alone."""
    ritual.ended_on = today
    ritual.active = False


def restore(ritual: Ritual, today: date) -> None:
    """Put an ended ritual back in the plan from today. The days it was out count as a pause,
    so they never count against the couple; everything before keeps its history."""
    if ritual.ended_on is None:
        return
    for p in ritual.pauses:
        if p.end is None:  # paused when it ended: the pause ends now too
            p.end = today
    if ritual.ended_on < today:
        ritual.pauses.append(Pause(start=ritual.ended_on, end=today))
    ritual.ended_on = None
    ritual.active = True
    ritual.pauses = [p for p in ritual.pauses if p.end is None or p.end > p.start]
