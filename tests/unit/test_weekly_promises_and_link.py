"""The weekly's promises carry on, the look-back is only for an earlier day, every step can
go back one, and the weekly and its listening session find each other from either side."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from closeness_tui.checkins import (
    KEPT,
    NOT_YET,
    PARTLY,
    WEEKLY,
    carried_promises,
    linked_session,
    previous_step,
    previous_weekly,
    waiting_weekly,
    weekly_steps,
)
from closeness_tui.models import Answer, CheckIn, ListeningSession

MONDAY = datetime(2026, 3, 2, 20, 0)


def weekly(at: datetime, *promises: tuple[int, str], status: str = "done") -> CheckIn:
    return CheckIn(
        kind=WEEKLY,
        created_at=at,
        status=status,
        promises=[Answer(seat=s, prompt="loved?", text=t, part="promise") for s, t in promises],
    )


@pytest.mark.parametrize(
    ("earlier", "found"),
    [
        (timedelta(days=7), True),
        (timedelta(hours=21), True),  # late on Sunday, looked back on Monday
        (timedelta(minutes=5), False),  # minutes ago, the same day: not "last week's"
    ],
)
def test_the_look_back_is_for_promises_made_on_an_earlier_day(earlier, found):
    last = weekly(MONDAY - earlier, (0, "cook on Friday"))
    assert (previous_weekly([last], MONDAY) is last) is found


@pytest.mark.parametrize(
    ("review", "carried"),
    [
        ({}, {1: "cook on Friday", 0: "a walk\ncall your mum"}),  # unmarked: all come back
        ({"0": KEPT, "1": NOT_YET, "2": PARTLY}, {0: "a walk"}),
        ({"0": KEPT, "1": KEPT, "2": KEPT}, {}),
    ],
)
def test_not_yet_and_unmarked_promises_carry_on_to_whoever_asked(review, carried):
    # seat = who will keep it; the box it returns to is the asker's (the other seat).
    last = weekly(
        MONDAY - timedelta(days=7),
        (0, "cook on Friday"),
        (1, "a walk"),
        (1, "call your mum"),
    )
    assert carried_promises(last, review) == carried


def test_nothing_carries_on_without_a_previous_weekly():
    assert carried_promises(None, {}) == {}


@pytest.mark.parametrize(
    ("current", "before"),
    [("lookback", None), ("appreciations", "lookback"), ("done", "goals"), ("nope", None)],
)
def test_every_step_but_the_first_goes_back_one(current, before):
    assert previous_step(weekly_steps(True), current) == before


def test_the_weekly_and_its_session_find_each_other_from_either_side():
    c = weekly(MONDAY, status="active")
    session = ListeningSession(started_at=MONDAY, checkin_id=c.id)
    other = ListeningSession(started_at=MONDAY)
    # Closed mid-session: the weekly never heard the id; the session remembers the weekly.
    assert c.listening_id is None
    assert linked_session(c, [other, session]) is session
    # And from the weekly's side only (files from before the session kept the link).
    c2 = weekly(MONDAY, status="active")
    c2.listening_id = other.id
    assert linked_session(c2, [other, session]) is other
    assert linked_session(weekly(MONDAY), [other, session]) is None


def test_a_finished_session_leads_back_to_its_weekly_only_while_under_way():
    active = weekly(MONDAY, status="active")
    done = weekly(MONDAY)
    assert waiting_weekly(ListeningSession(started_at=MONDAY, checkin_id=active.id), [active])
    assert waiting_weekly(ListeningSession(started_at=MONDAY, checkin_id=done.id), [done]) is None
    assert waiting_weekly(ListeningSession(started_at=MONDAY), [active]) is None
