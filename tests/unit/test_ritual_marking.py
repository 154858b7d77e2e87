"""Marking a ritual's occurrence (done, skipped, taken back) and weeks of a couple keeping
their rituals, as rules of the core (the screens only show them and save what they return)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from closeness_tui import rituals as core
from closeness_tui.models import Ritual, RitualMark
from closeness_tui.ritualtext import ritual_text

D = date
SAT = D(2026, 11, 21)
NOW = datetime(2026, 11, 21, 19, 30, tzinfo=UTC)
EVERY_DAY = Ritual(id="r-daily", name="daily", weekdays=list(range(7)), start=D(2026, 11, 1))
SUNDAYS = Ritual(id="r-sun", name="walk", weekdays=[6], start=D(2026, 11, 1))


def mark(ritual: Ritual, day: date, status: str = core.DONE, mark_id: str = "") -> RitualMark:
    kw = {"id": mark_id} if mark_id else {}
    return RitualMark(ritual_id=ritual.id, occurrence=day, status=status, at=NOW, **kw)


MARK_CASES = [
    # (case, ritual, day, status, existing marks, expected status saved or refusal)
    ("today, done", EVERY_DAY, SAT, core.DONE, [], core.DONE),
    ("today, skipped", EVERY_DAY, SAT, core.SKIPPED, [], core.SKIPPED),
    ("a past day", EVERY_DAY, SAT - timedelta(days=3), core.DONE, [], core.DONE),
    ("tomorrow", EVERY_DAY, SAT + timedelta(days=1), core.DONE, [], core.Refusal.FUTURE),
    ("not its day", SUNDAYS, SAT, core.DONE, [], core.Refusal.NOT_PLANNED),
    ("before it started", EVERY_DAY, D(2026, 10, 30), core.DONE, [], core.Refusal.NOT_PLANNED),
    ("skipped becomes done", EVERY_DAY, SAT, core.DONE, [("m1", core.SKIPPED)], core.DONE),
]


@pytest.mark.parametrize(
    ("ritual", "day", "status", "existing", "expected"),
    [case[1:] for case in MARK_CASES],
    ids=[case[0] for case in MARK_CASES],
)
def test_mark_occurrence(ritual, day, status, existing, expected):
    marks = [mark(ritual, day, s, mark_id=i) for i, s in existing]
    change = core.mark_occurrence(ritual, day, status, marks, SAT, NOW, note="a note")
    if isinstance(expected, core.Refusal):
        assert change == core.MarkChange(refused=expected)
        return
    assert change.refused is None and change.delete == ()
    saved = change.save
    assert saved is not None
    assert (saved.ritual_id, saved.occurrence, saved.status, saved.note) == (
        ritual.id,
        day,
        expected,
        "a note",
    )
    if existing:  # the day's mark is updated, keeping its id: never two marks for one day
        assert saved.id == existing[0][0]


TOGGLE_CASES = [
    # (case, marks on the day, expected: ("save", status) or ("delete", ids) or refusal)
    ("unmarked: done", [], ("save", core.DONE)),
    ("skipped: done", [("m1", core.SKIPPED)], ("save", core.DONE)),
    ("done: taken back", [("m1", core.DONE)], ("delete", ("m1",))),
    (
        "done twice: both taken back",
        [("m1", core.DONE), ("m2", core.DONE)],
        ("delete", ("m1", "m2")),
    ),
]


@pytest.mark.parametrize(
    ("existing", "expected"),
    [case[1:] for case in TOGGLE_CASES],
    ids=[case[0] for case in TOGGLE_CASES],
)
def test_toggle_done(existing, expected):
    marks = [mark(EVERY_DAY, SAT, s, mark_id=i) for i, s in existing]
    change = core.toggle_done(EVERY_DAY, SAT, marks, SAT, NOW)
    what, value = expected
    if what == "save":
        assert change.save is not None and change.save.status == value and not change.delete
    else:
        assert change.save is None and change.delete == value


def test_toggle_on_a_future_day_is_refused():
    change = core.toggle_done(EVERY_DAY, SAT + timedelta(days=1), [], SAT, NOW)
    assert change == core.MarkChange(refused=core.Refusal.FUTURE)


@pytest.mark.parametrize(
    ("marks", "expected"),
    [
        ([], core.MarkChange(refused=core.Refusal.NOTHING_TO_UNDO)),
        (
            [mark(SUNDAYS, SAT, mark_id="other")],
            core.MarkChange(refused=core.Refusal.NOTHING_TO_UNDO),
        ),
        (
            [mark(EVERY_DAY, SAT - timedelta(days=1), mark_id="y")],
            core.MarkChange(refused=core.Refusal.NOTHING_TO_UNDO),
        ),
        ([mark(EVERY_DAY, SAT, core.SKIPPED, mark_id="s")], core.MarkChange(delete=("s",))),
    ],
    ids=["no marks", "another ritual's", "another day's", "a skipped day"],
)
def test_unmark_occurrence(marks, expected):
    assert core.unmark_occurrence(EVERY_DAY, SAT, marks) == expected


@pytest.mark.parametrize("template_id", [t.id for t in ritual_text().templates])
def test_from_template_starts_today_as_planned(template_id):
    template = ritual_text().template(template_id)
    ritual = core.from_template(template, SAT)
    assert (ritual.name, ritual.template, ritual.start) == (template.name, template_id, SAT)
    assert ritual.duration_minutes == template.duration
    assert core.next_occurrence(ritual, SAT) is not None


def test_from_no_template_is_a_blank_ritual_on_todays_weekday():
    ritual = core.from_template(None, SAT)
    assert (ritual.name, ritual.weekdays, ritual.start) == ("", [SAT.weekday()], SAT)


def test_three_rituals_ticked_off_over_two_weeks():
    """Day 0 (Sat 21 Nov) they pick three rituals; for 16 days they tick gratitude every
    day, the nightly check-in every other day and the Sunday walk each Sunday."""
    texts = ritual_text()
    rituals = []
    for minute, template_id in enumerate(("gratitude", "nightly", "walk")):
        ritual = core.from_template(texts.template(template_id), SAT)
        ritual.created_at = NOW + timedelta(minutes=minute)
        rituals.append(ritual)
    gratitude, nightly, walk = rituals
    marks: list[RitualMark] = []
    for day_number in range(16):
        today = SAT + timedelta(days=day_number)
        now = NOW + timedelta(days=day_number)
        wanted = [gratitude]
        if day_number % 2 == 0:
            wanted.append(nightly)
        if today.weekday() == 6:
            wanted.append(walk)
        for ritual in wanted:
            change = core.toggle_done(ritual, today, marks, today, now)
            assert change.save is not None and change.save.status == core.DONE
            marks.append(change.save)
    today = SAT + timedelta(days=15)
    assert today == D(2026, 12, 6)
    assert len(marks) == 16 + 8 + 3
    # 27 of 34 due occurrences kept (today's unmarked nightly check-in is not due until it
    # is marked or the day is over); every week had at least half: a 3-week streak.
    for weeks in (4, 12):
        tally = core.follow_through(rituals, marks, today, weeks, 0)
        assert (tally.done, tally.due) == (27, 34)
    assert core.streak(rituals, marks, today, 0) == 3
    series = core.sparkline_series(rituals, marks, today, 12, 0)
    assert [round(s, 2) for s in series] == [0.8, 0.8, 0.79]
    # The nightly check-in alone: 8 of 15, and weeks at exactly half still count.
    alone = core.follow_through([nightly], marks, today, 4, 0)
    assert (alone.done, alone.due) == (8, 15)
    assert core.streak([nightly], marks, today, 0) == 3
