"""Rituals as an iCalendar file (RFC 5545), built with the icalendar library. No Textual.

One VEVENT per ritual in the plan and not paused:
- UID from the ritual's uuid, so importing again updates the same events;
- DTSTART at the first occurrence: with TZID and the local time when the ritual has a time
  of day (a VTIMEZONE is added for that zone), else an all-day DATE;
- DURATION in minutes (a day for all-day rituals, whose minutes go in the description);
- RRULE from the same rrule arguments rituals.py uses, EXDATE for days of past pauses;
- SUMMARY, DESCRIPTION (why, how, length, who leads, note).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path

from dateutil import rrule as rr
from icalendar import Calendar, Event, vRecur

from closeness_tui import rituals as core
from closeness_tui.models import Ritual
from closeness_tui.ritualtext import RitualText, lead_words, minutes_words, when_words

PRODID = "-//closeness//rituals//EN"
UID_DOMAIN = "closeness.local"
_DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_FREQ = {rr.WEEKLY: "WEEKLY", rr.MONTHLY: "MONTHLY"}


def exportable(rituals: Iterable[Ritual]) -> list[Ritual]:
    """Rituals that go in the file: in the plan and not paused."""
    return [r for r in core.current(rituals) if r.active]


def recur(ritual: Ritual) -> vRecur:
    parts = core.rule_parts(ritual)
    out: dict[str, object] = {"FREQ": _FREQ[parts["freq"]]}
    if parts.get("interval", 1) != 1:
        out["INTERVAL"] = parts["interval"]
    if "byweekday" in parts:
        codes = []
        for wd in parts["byweekday"]:  # dateutil weekday objects
            n = f"{wd.n}" if wd.n else ""
            codes.append(f"{n}{_DAY_CODES[wd.weekday]}")
        out["BYDAY"] = codes
    if "bymonthday" in parts:
        out["BYMONTHDAY"] = parts["bymonthday"]
    if "bysetpos" in parts:
        out["BYSETPOS"] = parts["bysetpos"]
    if "wkst" in parts:
        out["WKST"] = _DAY_CODES[parts["wkst"].weekday]
    return vRecur(out)


def first_day(ritual: Ritual) -> date | None:
    """The first day the rule yields on or after the start (pauses aside: those are EXDATEs)."""
    rule = core.make_rule(ritual, datetime.combine(ritual.start, time()))
    found = rule.after(datetime.combine(ritual.start, time()), inc=True)
    return found.date() if found else None


def paused_days(ritual: Ritual, until: date) -> list[date]:
    """Days the rule yields inside past pauses (left out with EXDATE)."""
    out: list[date] = []
    if not ritual.pauses:
        return out
    rule = core.make_rule(ritual, datetime.combine(ritual.start, time()))
    for pause in ritual.pauses:
        stop = (pause.end or until) - timedelta(days=1)
        for d in rule.between(
            datetime.combine(pause.start, time()), datetime.combine(stop, time()), inc=True
        ):
            out.append(d.date())
    return sorted(set(out))


def describe(ritual: Ritual, text: RitualText, names: tuple[str, str]) -> str:
    words = text.words
    lines = []
    template = text.template(ritual.template) if ritual.template else None
    if template is not None:
        lines.append(template.why)
    lines.append(when_words(ritual, words))
    lines.append(minutes_words(ritual.duration_minutes, words))
    lines.append(lead_words(ritual.lead, names, words))
    if ritual.note:
        lines.extend(["", ritual.note])
    if template is not None:
        lines.append("")
        lines.extend(f"- {step}" for step in template.how)
    return "\n".join(lines)


def build_calendar(
    rituals: Iterable[Ritual],
    text: RitualText,
    names: tuple[str, str],
    now: datetime,
    tz: tzinfo | None = None,
) -> Calendar:
    zone = tz or core.local_zone()
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", text.planner.title)
    stamp = now.astimezone(UTC).replace(microsecond=0)
    timed_start: date | None = None
    for ritual in exportable(rituals):
        first = first_day(ritual)
        if first is None:
            continue
        event = Event()
        event.add("uid", f"{ritual.id}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("summary", ritual.name)
        when = core.ritual_time(ritual)
        exdays = paused_days(ritual, now.date())
        if when is None:
            event.add("dtstart", first)
            event.add("duration", timedelta(days=1))
            if exdays:
                event.add("exdate", exdays)
        else:
            event.add("dtstart", core.at_local(first, when, zone))
            event.add("duration", timedelta(minutes=max(1, ritual.duration_minutes)))
            if exdays:
                event.add("exdate", [core.at_local(d, when, zone) for d in exdays])
            timed_start = min(timed_start or first, first)
        event.add("rrule", recur(ritual))
        event.add("description", describe(ritual, text, names))
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    if timed_start is not None:
        cal.add_missing_timezones(first_date=min(timed_start, now.date()) - timedelta(days=366))
    return cal


def to_ics(
    rituals: Iterable[Ritual],
    text: RitualText,
    names: tuple[str, str],
    now: datetime,
    tz: tzinfo | None = None,
) -> bytes:
    return build_calendar(rituals, text, names, now, tz).to_ical()


def write_ics(path: Path, data: bytes) -> Path:
    """Write privately (0600), atomically: a half-written calendar never replaces a good one."""
    from closeness_tui.store import FILE_MODE, atomic_write

    path = Path(path).expanduser()
    atomic_write(path, data)
    path.chmod(FILE_MODE)
    return path
