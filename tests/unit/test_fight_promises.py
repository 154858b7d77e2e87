"""After-a-fight promises in the weekly check-in, without Textual: which ones a weekly looks
back on (new since the last weekly, and those carried on), and how its journal entry shows
the ones it marked."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from closeness_tui.fight_promises import reviewed, to_look_back_on
from closeness_tui.journal import checkin_entry
from closeness_tui.models import AfterFight, CheckIn, Side

NAMES = ("Ana", "Ben")
DAY0 = datetime(2026, 11, 2, 20, 0).astimezone()  # a Monday evening


def at(day: int, hour: int = 20) -> datetime:
    return DAY0 + timedelta(days=day, hours=hour - 20)


def fight(fid: str, day: int, a: str = "", b: str = "", status: str = "done") -> AfterFight:
    return AfterFight(
        id=fid,
        started_at=at(day, 19),
        finished_at=at(day) if status == "done" else None,
        status=status,
        sides=[Side(differently=a), Side(differently=b)],
    )


def weekly(wid: str, day: int, review: dict[str, str] | None = None, status="done") -> CheckIn:
    return CheckIn(
        id=wid, kind="weekly", created_at=at(day), status=status, promise_review=review or {}
    )


FIGHTS = [
    fight("f1", 1, "pause first", "say it kindly"),
    fight("f2", 9, "ask, not guess"),
    fight("f3", 10, "x", "y", status="active"),  # not finished: never a promise
    fight("f4", 15, "", "breathe"),
]

# (the weeklies before, the day of the current one) -> the keys it looks back on
CASES = [
    ([], 3, ["fight:f1:0", "fight:f1:1"]),  # the first weekly: every talk so far
    ([], 0, []),  # nothing finished yet
    ([weekly("w1", 0)], 3, ["fight:f1:0", "fight:f1:1"]),  # since the last weekly
    # Marked kept and partly: done with; talk f2 is new.
    (
        [weekly("w1", 7, {"fight:f1:0": "kept", "fight:f1:1": "partly"})],
        14,
        ["fight:f2:0"],
    ),
    # Not yet, and never marked, carry on before the new ones.
    ([weekly("w1", 7, {"fight:f1:0": "not_yet"})], 14, ["fight:f1:0", "fight:f1:1", "fight:f2:0"]),
    # Carried on twice, kept at the third look.
    (
        [
            weekly("w1", 7, {"fight:f1:0": "not_yet", "fight:f1:1": "kept"}),
            weekly("w2", 14, {"fight:f1:0": "not_yet", "fight:f2:0": "kept"}),
        ],
        21,
        ["fight:f1:0", "fight:f4:1"],
    ),
    (
        [
            weekly("w1", 7, {"fight:f1:0": "not_yet", "fight:f1:1": "kept"}),
            weekly("w2", 14, {"fight:f1:0": "kept", "fight:f2:0": "partly"}),
        ],
        21,
        ["fight:f4:1"],
    ),
    # An unfinished weekly in between is not a look-back: the finished one before it is.
    (
        [weekly("w1", 7, {"fight:f1:0": "not_yet"}), weekly("w2", 14, status="active")],
        21,
        ["fight:f1:0", "fight:f1:1", "fight:f2:0", "fight:f4:1"],
    ),
    # A weekly earlier the same day is not "last week": the one before it is.
    (
        [weekly("w1", 7, {"fight:f1:0": "kept"}), weekly("w2", 21, {"fight:f2:0": "kept"})],
        21,
        ["fight:f1:1", "fight:f2:0", "fight:f4:1"],
    ),
]


@pytest.mark.parametrize(("before", "day", "keys"), CASES)
def test_what_a_weekly_looks_back_on(before, day, keys):
    current = weekly("now", day, status="active")
    found = to_look_back_on(FIGHTS, [*before, current], current)
    assert [p.key for p in found] == keys


def test_a_promise_carries_its_words_seat_and_day():
    current = weekly("now", 3, status="active")
    first, second = to_look_back_on(FIGHTS, [current], current)
    assert (first.seat, first.text, first.day) == (0, "pause first", at(1).date())
    assert (second.seat, second.text) == (1, "say it kindly")


def test_years_of_weeklies_are_walked_once():
    """520 weeklies, each carrying one promise on: the last still sees it."""
    weeklies = [weekly(f"w{n}", 7 * n, {"fight:f1:0": "not_yet"}) for n in range(1, 521)]
    current = weekly("now", 7 * 521, status="active")
    found = to_look_back_on(FIGHTS[:1], [*weeklies, current], current)
    assert [p.key for p in found] == ["fight:f1:0", "fight:f1:1"]


TALKS = {f.id: f for f in FIGHTS}
REVIEWED = [
    ({}, []),
    ({"0": "kept"}, []),  # last week's own promises are not these
    ({"fight:f1:1": "kept", "fight:f1:0": "not_yet"}, [("not_yet", 0), ("kept", 1)]),
    ({"fight:f4:1": "partly", "fight:f1:0": "kept"}, [("kept", 0), ("partly", 1)]),  # by talk
    ({"fight:gone:0": "kept", "fight:f1:7": "kept", "fight:f1:0": "maybe"}, []),
    ({"fight:f4:0": "kept"}, []),  # nothing said there
]


@pytest.mark.parametrize(("review", "expected"), REVIEWED)
def test_reviewed(review, expected):
    assert [(status, seat) for status, seat, _ in reviewed(review, TALKS)] == expected


def test_the_weekly_entry_shows_the_fight_promises_it_marked():
    hostile = "[/] [@click=app.quit]x[/] שלום"
    talk = fight("f9", 1, hostile, "say it kindly")
    c = weekly("w", 7, {"fight:f9:0": "kept", "fight:f9:1": "not_yet"})
    entry = checkin_entry(c, NAMES, None, {"f9": talk})
    shown = [(b.who, b.label, b.text) for b in entry.blocks]
    assert shown[:2] == [
        ("Ana", "After a fight, one thing to do differently (kept)", hostile),
        ("Ben", "After a fight, one thing to do differently (not yet)", "say it kindly"),
    ]
    assert checkin_entry(c, NAMES, None).blocks == ()  # without the talks: nothing to show
