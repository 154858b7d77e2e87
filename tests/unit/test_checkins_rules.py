"""The check-in rules without Textual: nightly turns, the gratitude reveal, the weekly
agenda, promises and the look-back, and which ritual a finished check-in keeps."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from closeness_tui.checkins import (
    GRATITUDE,
    NIGHTLY,
    WEEKLY,
    LookbackItem,
    answers_from_lines,
    asked_text,
    cycle_status,
    goals_to_review,
    gratitude_answer,
    gratitude_revealed,
    last_done,
    lookback,
    needs_nudge,
    next_step,
    nightly_answers,
    nightly_steps,
    previous_weekly,
    promises_from,
    reply_answer,
    review_counts,
    ritual_marks_for,
    unfinished,
    visible_gratitude,
    weekly_steps,
    who_starts,
)
from closeness_tui.models import BOTH, Answer, CheckIn, Ritual, RitualMark

TZ = UTC
T0 = datetime(2026, 11, 14, 18, 0, tzinfo=TZ)
VAGUE = ["everything", "being you", "stuff"]


def test_nightly_turns_alternate_writer_then_reader():
    steps = nightly_steps(first=1)
    assert [(s.kind, s.writer, s.reader) for s in steps] == [
        ("write", 1, 0),
        ("read", 1, 0),
        ("write", 0, 1),
        ("read", 0, 1),
    ]


def test_nightly_answers_skip_empty_questions_and_keep_text_as_written():
    answers = nightly_answers(0, ["Day?", "Mind?", "Support?"], ["  [ok] 🌙 ", "", "\n"])
    assert [(a.prompt, a.text, a.seat) for a in answers] == [("Day?", "  [ok] 🌙 ", 0)]
    assert reply_answer(1, "A line back", "   ") is None
    assert reply_answer(1, "A line back", "Thank you").text == "Thank you"


@pytest.mark.parametrize(
    ("text", "nudge"),
    [
        ("", False),
        ("thanks", True),
        ("You were nice today", True),
        ("Thank you for everything you do for us", True),
        ("Thanks for the stuffing recipe you taught me", False),  # "stuff" is a whole word
        ("I appreciate you being you every single day", True),
        ("You made tea when I came home tired; you notice me", False),
        ("Tu as préparé le thé quand je suis rentrée fatiguée", False),
    ],
)
def test_nudge_toward_specifics(text, nudge):
    assert needs_nudge(text, VAGUE, 6) is nudge


@pytest.mark.parametrize(
    ("written", "revealed"),
    [
        ({}, False),
        ({0: "You cooked"}, False),
        ({1: "You called"}, False),
        ({0: "You cooked", 1: "   "}, False),
        ({0: "You cooked", 1: "You called"}, True),
    ],
)
def test_gratitude_is_hidden_until_both_wrote(written, revealed):
    answers = [gratitude_answer(seat, "?", text) for seat, text in written.items()]
    assert gratitude_revealed(answers) is revealed
    shown = visible_gratitude(answers)
    assert [a.seat for a in shown] == ([0, 1] if revealed else [])


def test_weekly_agenda_has_lookback_only_when_last_week_left_promises():
    assert weekly_steps(False) == ["appreciations", "went_well", "issue", "loved", "goals", "done"]
    assert weekly_steps(True)[0] == "lookback"
    steps = weekly_steps(True)
    assert next_step(steps, "lookback") == "appreciations"
    assert next_step(steps, "done") == "done"
    assert next_step(steps, "nonsense") == "lookback"


def test_what_one_asks_for_becomes_the_others_promise():
    promises = promises_from({0: "Cook with me\n\n  Hold my hand  ", 1: "A walk"}, "loved?")
    assert [(p.seat, p.text) for p in promises] == [
        (1, "Cook with me"),
        (1, "Hold my hand"),
        (0, "A walk"),
    ]
    assert asked_text(promises, 0) == "Cook with me\nHold my hand"
    assert asked_text(promises, 1) == "A walk"


def _weekly(day: int, promises=(), review=None, status="done", id=None):
    return CheckIn(
        id=id or f"w{day}",
        kind=WEEKLY,
        created_at=T0.replace(day=day),
        promises=[Answer(seat=s, prompt="?", text=t, part="promise") for s, t in promises],
        promise_review=review or {},
        status=status,
    )


def test_previous_weekly_is_the_last_finished_one_before_now():
    older = _weekly(1, [(0, "a")])
    last = _weekly(7, [(1, "b")])
    active = _weekly(8, status="active")
    nightly = CheckIn(kind=NIGHTLY, created_at=T0.replace(day=9))
    current = _weekly(14, status="active", id="now")
    found = previous_weekly([older, last, active, nightly, current], current.created_at, "now")
    assert found is last
    assert previous_weekly([current], current.created_at, "now") is None


@pytest.mark.parametrize(
    ("review", "statuses"),
    [
        ({}, ["", "", ""]),
        ({"0": "kept"}, ["kept", "", ""]),
        ({"0": "kept", "1": "partly", "2": "not_yet"}, ["kept", "partly", "not_yet"]),
        ({"1": "bogus", "7": "kept"}, ["", "", ""]),
    ],
)
def test_lookback_lists_last_weeks_promises_with_their_status(review, statuses):
    previous = _weekly(7, [(0, "Cook"), (1, "Walk [no phones]"), (0, "Call mum")])
    items = lookback(previous, review)
    assert items == [
        LookbackItem(i, seat, text, status)
        for i, ((seat, text), status) in enumerate(
            zip([(0, "Cook"), (1, "Walk [no phones]"), (0, "Call mum")], statuses, strict=True)
        )
    ]
    assert lookback(None, review) == []


@pytest.mark.parametrize(
    ("status", "after"),
    [("", "kept"), ("kept", "partly"), ("partly", "not_yet"), ("not_yet", "kept"), ("x", "kept")],
)
def test_enter_cycles_through_the_statuses(status, after):
    assert cycle_status(status) == after


@pytest.mark.parametrize(
    ("checkins", "expected"),
    [
        ([], {"kept": 0, "partly": 0, "not_yet": 0}),
        (
            [_weekly(7, review={"0": "kept", "1": "not_yet"})],
            {"kept": 1, "partly": 0, "not_yet": 1},
        ),
        (
            [
                _weekly(7, review={"0": "kept", "1": "kept"}),
                _weekly(14, review={"0": "partly", "1": "oops"}),
                _weekly(21, review={"0": "kept"}, status="active"),
            ],
            {"kept": 2, "partly": 1, "not_yet": 0},
        ),
    ],
)
def test_review_counts(checkins, expected):
    assert dict(review_counts(checkins)) == expected


def test_goals_to_review_come_from_last_week():
    previous = _weekly(7)
    previous.answers = [
        *answers_from_lines(BOTH, "goal_shared", "Shared", "Trip\nGarden"),
        *answers_from_lines(1, "goal_personal", "Mine", "Run 5k"),
    ]
    goals = goals_to_review(previous)
    assert goals[("goal_shared", BOTH)] == "Trip\nGarden"
    assert goals[("goal_personal", 0)] == ""
    assert goals[("goal_personal", 1)] == "Run 5k"
    assert goals_to_review(None) == {}


TODAY = date(2026, 11, 21)


def _ritual(template, **kw):
    return Ritual(name="r", template=template, start=kw.pop("start", date(2026, 11, 1)), **kw)


@pytest.mark.parametrize(
    ("kind", "ritual", "has_mark", "expected"),
    [
        (NIGHTLY, _ritual("nightly", id="n"), False, ["n"]),
        (GRATITUDE, _ritual("gratitude", id="g"), False, ["g"]),
        (WEEKLY, _ritual("weekly_checkin", id="w"), False, ["w"]),
        (NIGHTLY, _ritual("gratitude", id="g"), False, []),  # another template
        (NIGHTLY, _ritual("nightly", id="n", active=False), False, []),  # paused
        (NIGHTLY, _ritual("nightly", id="n", start=date(2026, 11, 22)), False, []),  # not yet
        (NIGHTLY, _ritual("nightly", id="n", start=TODAY), False, ["n"]),  # starts today
        (NIGHTLY, _ritual("nightly", id="n"), True, []),  # already marked today
    ],
)
def test_ritual_kept_when_a_checkin_is_finished(kind, ritual, has_mark, expected):
    marks = (
        [RitualMark(ritual_id=ritual.id, occurrence=TODAY, status="skipped")] if has_mark else []
    )
    marks.append(RitualMark(ritual_id=ritual.id, occurrence=TODAY - timedelta(days=1)))
    now = datetime(2026, 11, 21, 21, 0, tzinfo=TZ)
    saved = ritual_marks_for(kind, [ritual], marks, TODAY, now)
    assert [m.ritual_id for m in saved] == expected
    for m in saved:
        assert (m.occurrence, m.status, m.at) == (TODAY, "done", now)


def test_hub_knows_last_time_and_what_was_left_unfinished():
    done = _weekly(7)
    left = _weekly(14, status="active")
    assert last_done([done, left], WEEKLY) == done.created_at
    assert last_done([done], NIGHTLY) is None
    assert unfinished([done, left], WEEKLY) is left
    assert unfinished([done], WEEKLY) is None


@pytest.mark.parametrize(("done", "active", "first"), [(0, 0, 0), (1, 0, 1), (2, 1, 0), (3, 5, 1)])
def test_partners_take_turns_going_first(done, active, first):
    checkins = [CheckIn(kind=NIGHTLY, created_at=T0) for _ in range(done)]
    checkins += [CheckIn(kind=NIGHTLY, created_at=T0, status="active") for _ in range(active)]
    checkins += [CheckIn(kind=GRATITUDE, created_at=T0)]
    assert who_starts(checkins, NIGHTLY) == first
