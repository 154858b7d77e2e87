"""The after-a-fight machine: every step and transition, table-driven."""

from __future__ import annotations

from datetime import datetime, timedelta

import msgspec
import pytest

from closeness_tui.clock import FakeClock
from closeness_tui.listening import TransitionError
from closeness_tui.models import AfterFight, Summary
from closeness_tui.repair import NEXT, STEPS, Repair, promises, unfinished

START = datetime(2026, 11, 21, 19, 30).astimezone()


def machine(step: str = "setup", seat: int = 0, **state: object) -> Repair:
    record = AfterFight(started_at=START, names=["Ana", "Ben"])
    record.state = {"step": step, "seat": seat, **state}
    return Repair(record, FakeClock(START))


# (step, seat, event, args) -> (step, seat) after it
MOVES = [
    ("setup", 0, "begin", (), ("readiness", 0)),
    ("readiness", 0, "answer_readiness", ({"good_time": True},), ("feelings", 0)),
    ("readiness", 0, "skip_readiness", (), ("feelings", 0)),
    ("feelings", 0, "submit", ("hurt",), ("feelings", 1)),
    ("feelings", 1, "submit", ("sad",), ("reality", 0)),
    ("reality", 0, "submit", ("I waited",), ("summary", 0)),
    ("reality", 1, "submit", ("I was stuck",), ("summary", 1)),
    ("clarify", 0, "submit", ("forgotten",), ("summary", 0)),
    ("makes_sense", 0, "submit", ("it makes sense",), ("reality", 1)),
    ("makes_sense", 1, "submit", ("it makes sense",), ("triggers", 0)),
    ("triggers", 0, "submit_triggers", (["judged"], ""), ("triggers", 1)),
    ("triggers", 1, "submit_triggers", ([], "old memory"), ("owns", 0)),
    ("owns", 0, "submit", ("I snapped",), ("owns", 1)),
    ("owns", 1, "submit", ("I went quiet",), ("regret", 0)),
    ("regret", 0, "skip", (), ("regret", 1)),
    ("regret", 1, "submit", ("I regret it",), ("differently", 0)),
    ("differently", 0, "submit", ("say so",), ("differently", 1)),
    ("differently", 1, "submit", ("text",), ("apology", 0)),
    ("apology", 0, "submit", ("sorry",), ("answer", 0)),
    ("apology", 0, "skip", (), ("apology", 1)),
    ("answer", 0, "answer", ("accept",), ("apology", 1)),
    ("apology", 1, "skip", (), ("done", 0)),
    ("answer", 1, "answer", ("need_time",), ("done", 0)),
]


@pytest.mark.parametrize(("step", "seat", "event", "args", "after"), MOVES)
def test_each_step_leads_where_the_table_says(step, seat, event, args, after):
    m = machine(step, seat)
    if step == "clarify":
        m.record.sides[seat].reality.summaries.append(Summary(text="x", rating="partly"))
    getattr(m, event)(*args)
    assert (m.step, m.seat) == after


def test_readiness_can_be_left_out():
    m = machine()
    m.configure(topic="dishes", check_readiness=False)
    m.begin()
    assert (m.step, m.record.readiness_skipped, m.record.topic) == ("feelings", True, "dishes")


# The summary-and-confirm loop: rating -> where, and what is kept.
RATINGS = [
    ("got_it", "makes_sense"),
    ("partly", "clarify"),
    ("not_quite", "clarify"),
]


@pytest.mark.parametrize(("rating", "after"), RATINGS)
def test_rating_a_summary(rating, after):
    m = machine("summary", 1)
    m.submit("What I heard is ...")
    assert (m.step, m.writer()) == ("rating", 1)
    m.rate(rating)
    assert m.step == after and m.seat == 1
    assert m.record.sides[1].reality.summaries[-1].rating == rating


@pytest.mark.parametrize("step", ["rating", "clarify"])
def test_moving_on_without_another_try(step):
    m = machine("summary", 0)
    m.submit("heard")
    if step == "clarify":
        m.rate("partly")
    m.move_on()
    assert m.step == "makes_sense" and m.record.sides[0].reality.moved_on


# Who writes at each step: the partner it is about, or the other.
WRITERS = [
    ("feelings", 0, 0),
    ("reality", 1, 1),
    ("summary", 0, 1),
    ("rating", 0, 0),
    ("clarify", 1, 1),
    ("makes_sense", 0, 1),
    ("owns", 1, 1),
    ("apology", 0, 0),
    ("answer", 0, 1),
]


@pytest.mark.parametrize(("step", "seat", "writer"), WRITERS)
def test_who_writes(step, seat, writer):
    assert machine(step, seat).writer() == writer


# Events refused where they make no sense.
REFUSED = [
    ("setup", "submit", ("x",)),
    ("feelings", "rate", ("got_it",)),
    ("owns", "skip", ()),
    ("rating", "submit", ("x",)),
    ("done", "take_break", ()),
    ("setup", "take_break", ()),
    ("feelings", "answer", ("accept",)),
    ("triggers", "submit", ("x",)),
    ("done", "set_aside", ()),
]


@pytest.mark.parametrize(("step", "event", "args"), REFUSED)
def test_refused_events(step, event, args):
    with pytest.raises(TransitionError):
        getattr(machine(step), event)(*args)


BAD_VALUES = [
    ("feelings", "submit", ("   ",)),
    ("triggers", "submit_triggers", ([], " ")),
    ("answer", "answer", ("maybe",)),
    ("readiness", "answer_readiness", ({"sleepy": True},)),
]


@pytest.mark.parametrize(("step", "event", "args"), BAD_VALUES)
def test_bad_values_are_refused_and_nothing_moves(step, event, args):
    m = machine(step)
    with pytest.raises(ValueError):
        getattr(m, event)(*args)
    assert m.step == step


def test_every_step_with_a_table_row_is_a_step():
    for (step, _), (after, _) in NEXT.items():
        assert step in STEPS or step == "apology_skipped"
        assert after in STEPS


@pytest.mark.parametrize("step", ["feelings", "summary", "rating", "triggers", "answer"])
def test_a_break_resumes_the_same_step_and_survives_a_reload(step):
    m = machine(step, 1)
    clock = m.clock
    m.take_break(called_by=0)
    assert m.record.status == "on_break"
    assert m.current_break.return_at - m.current_break.started_at == timedelta(minutes=20)
    reopened = Repair.resume(
        msgspec.json.decode(msgspec.json.encode(m.sync()), type=AfterFight), clock
    )
    assert (reopened.step, reopened.shown_step, reopened.seat) == ("break", step, 1)
    late = reopened.set_return(START + timedelta(days=3))
    assert late == START + timedelta(hours=24)
    clock.advance(30 * 60)
    reopened.end_break()
    assert (reopened.step, reopened.seat, reopened.record.status) == (step, 1, "active")
    assert reopened.record.breaks[0].ended_at is not None


def test_a_draft_is_kept_and_cleared_when_confirmed():
    m = machine("owns", 0)
    m.save_draft("I was")
    assert m.record.draft == "I was"
    m.submit("I was tired")
    assert m.record.draft == ""


def test_done_marks_the_record_and_names_the_promises():
    m = machine("answer", 1)
    m.record.sides[0].differently = "say so"
    m.record.sides[1].differently = "text"
    m.answer("accept")
    assert m.record.status == "done" and m.record.finished_at is not None
    assert promises(m.record) == [(0, "say so"), (1, "text")]


def test_the_newest_unfinished_talk_is_offered():
    old = machine("feelings").sync()
    new = machine("owns").sync()
    new.started_at = START + timedelta(days=1)
    done = machine("done").sync()
    done.status = "done"
    done.started_at = START + timedelta(days=2)
    assert unfinished([old, new, done]) is new
    assert unfinished([machine("setup").sync()]) is None


def test_promises_since_the_last_weekly():
    from closeness_tui.repair import promises_since

    def done(days: int, a: str, b: str = "") -> AfterFight:
        r = machine("done").sync()
        r.status = "done"
        r.finished_at = START + timedelta(days=days)
        r.sides[0].differently, r.sides[1].differently = a, b
        return r

    talks = [done(1, "one"), done(3, "three", "drei"), done(9, "nine")]
    unfinished_talk = machine("owns").sync()
    unfinished_talk.sides[0].differently = "not yet"
    found = promises_since(
        [*talks, unfinished_talk], START + timedelta(days=1), START + timedelta(days=8)
    )
    assert [(s, t) for _, s, t in found] == [(0, "three"), (1, "drei")]
    assert found[0][0] == f"fight:{talks[1].id}:0"
    assert len(promises_since(talks, None, START + timedelta(days=30))) == 4
