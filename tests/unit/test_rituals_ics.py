"""The .ics export: parsed back with icalendar, expanded with dateutil's rrulestr, and
compared with rituals.py's own occurrences over a year."""

from __future__ import annotations

import stat
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from closeness_tui import rituals as core
from closeness_tui.models import Pause, Ritual, RitualMark
from closeness_tui.rituals_ics import to_ics, write_ics
from closeness_tui.ritualtext import ritual_text
from closeness_tui.store import Store

NOW = datetime(2026, 11, 21, 19, 30, tzinfo=UTC)


def rituals() -> list[Ritual]:
    return [
        Ritual(
            name="Partings",
            template="partings",
            weekdays=[0, 1, 2, 3, 4],
            time_of_day="07:30",
            duration_minutes=2,
            start=date(2026, 11, 2),
        ),
        Ritual(
            name="Walk [every other week] 🌳",
            template="walk",
            weekdays=[6],
            interval=2,
            time_of_day="16:00",
            duration_minutes=30,
            start=date(2026, 11, 18),
        ),
        Ritual(
            name="Night owl (in the spring gap)",
            weekdays=[6],
            time_of_day="02:30",
            start=date(2027, 1, 1),
        ),
        Ritual(
            name="Gratitude",
            template="gratitude",
            weekdays=list(range(7)),
            duration_minutes=5,
            start=date(2026, 10, 1),
            pauses=[Pause(start=date(2026, 10, 10), end=date(2026, 10, 20))],
        ),
        Ritual(
            name="First Saturday",
            freq="monthly",
            month_nth=1,
            weekdays=[5],
            time_of_day="10:00",
            duration_minutes=120,
            start=date(2026, 11, 10),
        ),
        Ritual(
            name="Last Friday", freq="monthly", month_nth=-1, weekdays=[4], start=date(2026, 11, 1)
        ),
        Ritual(
            name="Day 31",
            freq="monthly",
            month_day=31,
            time_of_day="20:00",
            start=date(2027, 1, 1),
            note="ب [/] note",
        ),
        Ritual(
            name="Paused",
            weekdays=[2],
            start=date(2026, 11, 1),
            active=False,
            pauses=[Pause(start=date(2026, 11, 15))],
        ),
        Ritual(name="Removed", weekdays=[2], start=date(2026, 11, 1), ended_on=date(2026, 11, 20)),
    ]


def expand(event, lo: datetime, hi: datetime, tz) -> list:
    start = event.decoded("dtstart")
    rule = event["RRULE"].to_ical().decode()
    exdates = []
    raw = event.get("exdate")
    if raw is not None:
        for group in raw if isinstance(raw, list) else [raw]:
            exdates.extend(d.dt for d in group.dts)
    lines = [f"RRULE:{rule}"]
    if isinstance(start, datetime):
        rs = rrulestr("\n".join(lines), dtstart=start, forceset=True)
        for ex in exdates:
            rs.exdate(ex)
        return [d for d in rs.between(lo, hi, inc=True)]
    base = datetime.combine(start, datetime.min.time())
    rs = rrulestr("\n".join(lines), dtstart=base, forceset=True)
    for ex in exdates:
        rs.exdate(datetime.combine(ex, datetime.min.time()))
    return [
        d.date() for d in rs.between(lo.replace(tzinfo=None), hi.replace(tzinfo=None), inc=True)
    ]


@pytest.mark.parametrize("zone", ["Europe/Berlin", "America/New_York", "UTC"])
def test_ics_round_trip_matches_our_own_occurrences_over_a_year(zone):
    tz = ZoneInfo(zone)
    rs = rituals()
    data = to_ics(rs, ritual_text(), ("Ana", "Ben"), NOW, tz)
    cal = Calendar.from_ical(data)
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    exported = [r for r in rs if r.active and r.ended_on is None]
    assert set(events) == {f"{r.id}@closeness.local" for r in exported}
    if zone != "UTC":
        assert [t["TZID"] for t in cal.walk("VTIMEZONE")] == [zone]
    lo_day, hi_day = date(2026, 10, 1), date(2027, 12, 31)
    lo = datetime.combine(lo_day, datetime.min.time(), tz)
    hi = datetime.combine(hi_day, datetime.max.time(), tz)
    for r in exported:
        event = events[f"{r.id}@closeness.local"]
        assert str(event["SUMMARY"]) == r.name
        ours = core.occurrences(r, lo_day, hi_day, tz)
        theirs = expand(event, lo, hi, tz)
        assert len(ours) > 10
        if r.time_of_day:
            assert [o.astimezone(UTC) for o in theirs] == [o.astimezone(UTC) for o in ours], r.name
            assert event.decoded("duration") == timedelta(minutes=r.duration_minutes)
            if zone != "UTC":
                assert event["DTSTART"].params["TZID"] == zone
        else:
            assert theirs == ours, r.name
            assert event.decoded("duration") == timedelta(days=1)
        assert r.name in str(event.decoded("summary"))
        assert event.decoded("description")


def test_ics_is_valid_rfc5545_shape_and_stable():
    rs = rituals()
    one = to_ics(rs, ritual_text(), ("Ana", "Ben"), NOW, ZoneInfo("Europe/Berlin"))
    two = to_ics(rs, ritual_text(), ("Ana", "Ben"), NOW, ZoneInfo("Europe/Berlin"))
    assert one == two  # stable UIDs, stable stamp
    text = one.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert "VERSION:2.0" in text and "PRODID:" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))  # folded
    cal = Calendar.from_ical(one)
    for event in cal.walk("VEVENT"):
        for prop in ("UID", "DTSTAMP", "DTSTART", "DURATION", "RRULE", "SUMMARY", "DESCRIPTION"):
            assert prop in event
        assert "DTEND" not in event  # DURATION and DTEND are exclusive


def test_write_ics_private(tmp_path):
    path = write_ics(tmp_path / "r.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_cli_export_ics(tmp_path, capsys):
    from closeness_tui.cli import main

    data_dir = tmp_path / "data"
    rs = rituals()
    with Store.open(data_dir) as store:
        settings = store.settings()
        settings.partner_a, settings.partner_b = "Ana", "Ben"
        store.save_settings(settings)
        for r in rs:
            store.put(r)
        store.put(RitualMark(ritual_id=rs[0].id, occurrence=date(2026, 11, 20), at=NOW))
    out = tmp_path / "rituals.ics"
    backup = tmp_path / "backup.json"
    with pytest.raises(SystemExit) as exit_info:
        main(["--data-dir", str(data_dir), "export", "--ics", str(out), "--json", str(backup)])
    assert exit_info.value.code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert backup.exists()
    cal = Calendar.from_ical(out.read_bytes())
    names = sorted(str(e["SUMMARY"]) for e in cal.walk("VEVENT"))
    assert names == sorted(r.name for r in rs if r.active and r.ended_on is None)
    assert "rituals.ics" in capsys.readouterr().out


@pytest.mark.parametrize("zone", ["Europe/Berlin", "America/New_York", "Australia/Sydney"])
def test_vtimezone_carries_the_zone_rules(zone):
    """A calendar that does not know the TZID uses the VTIMEZONE: its offsets must match."""
    tz = ZoneInfo(zone)
    data = to_ics(rituals(), ritual_text(), ("Ana", "Ben"), NOW, tz)
    (vtz,) = Calendar.from_ical(data).walk("VTIMEZONE")
    theirs = vtz.to_tz()
    for day in (date(2027, 1, 15), date(2027, 3, 28), date(2027, 7, 15), date(2027, 10, 31)):
        for hour in (1, 4, 12, 23):
            local = datetime(day.year, day.month, day.day, hour)
            ours = local.replace(tzinfo=tz).utcoffset()
            assert local.replace(tzinfo=theirs).utcoffset() == ours, (zone, local)
