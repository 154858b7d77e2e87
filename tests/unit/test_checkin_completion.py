"""A check-in under way and finished, as rules of the core: the step it has reached, and
what finishing it changes (status, step, time) and keeps (today's matching ritual)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from closeness_tui.checkins import (
    ACTIVE,
    DONE,
    GRATITUDE,
    NIGHTLY,
    WEEKLY,
    complete,
    last_done,
    reach_step,
    unfinished,
    who_starts,
)
from closeness_tui.models import CheckIn, Ritual, RitualMark

TODAY = date(2026, 11, 21)  # a Saturday
START = datetime(2026, 11, 21, 20, 0, tzinfo=UTC)
NOW = datetime(2026, 11, 21, 21, 0, tzinfo=UTC)


def ritual(template: str, weekdays: list[int], ritual_id: str) -> Ritual:
    return Ritual(
        id=ritual_id, name=template, template=template, weekdays=weekdays, start=date(2026, 11, 1)
    )


EVERY_DAY = list(range(7))
NIGHTLY_RITUAL = ritual("nightly", EVERY_DAY, "n")
GRATITUDE_RITUAL = ritual("gratitude", EVERY_DAY, "g")
WEEKLY_ON_SUNDAY = ritual("weekly_checkin", [6], "w-sun")
WEEKLY_ON_SATURDAY = ritual("weekly_checkin", [5], "w-sat")
ALL = [NIGHTLY_RITUAL, GRATITUDE_RITUAL, WEEKLY_ON_SUNDAY, WEEKLY_ON_SATURDAY]

CASES = [
    # (case, kind, the day's marks before, ritual ids marked done by finishing)
    ("nightly keeps the nightly ritual", NIGHTLY, [], ["n"]),
    ("gratitude keeps the gratitude ritual", GRATITUDE, [], ["g"]),
    ("weekly keeps only the one due today", WEEKLY, [], ["w-sat"]),
    ("already done today: nothing more", NIGHTLY, [("n", "done")], []),
    ("skipped today becomes done", NIGHTLY, [("n", "skipped")], ["n"]),
    ("another ritual's mark changes nothing", GRATITUDE, [("n", "done")], ["g"]),
]


@pytest.mark.parametrize(
    ("kind", "before", "kept"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_complete(kind, before, kept):
    checkin = CheckIn(kind=kind, created_at=START)
    reach_step(checkin, "step-3", START + timedelta(minutes=5))
    marks = [RitualMark(ritual_id=r, occurrence=TODAY, status=s) for r, s in before]
    saved = complete(checkin, ALL, marks, TODAY, NOW)
    assert (checkin.status, checkin.step, checkin.updated_at) == (DONE, "", NOW)
    assert [m.ritual_id for m in saved] == kept
    assert all((m.occurrence, m.status, m.at) == (TODAY, "done", NOW) for m in saved)


def test_complete_with_no_rituals_keeps_nothing():
    checkin = CheckIn(kind=WEEKLY, created_at=START)
    assert complete(checkin, [], [], TODAY, NOW) == []
    assert checkin.status == DONE


@pytest.mark.parametrize("step", ["write-1", "issue", "step-2"])
def test_reach_step_is_under_way_and_can_be_picked_up(step):
    checkin = CheckIn(kind=NIGHTLY, created_at=START, status=DONE)
    reach_step(checkin, step, NOW)
    assert (checkin.status, checkin.step, checkin.updated_at) == (ACTIVE, step, NOW)
    assert unfinished([checkin], NIGHTLY) is checkin
    assert last_done([checkin], NIGHTLY) is None


def test_finishing_counts_for_last_time_and_turns():
    checkin = CheckIn(kind=GRATITUDE, created_at=START)
    reach_step(checkin, "write-1", START)
    assert who_starts([checkin], GRATITUDE) == 0
    complete(checkin, [], [], TODAY, NOW)
    assert last_done([checkin], GRATITUDE) == START
    assert unfinished([checkin], GRATITUDE) is None
    assert who_starts([checkin], GRATITUDE) == 1
