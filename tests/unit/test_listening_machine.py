"""The listening session as a pure state machine: every allowed transition, invalid ones
rejected, and the exact position surviving a round trip through the store."""

from __future__ import annotations

from datetime import datetime, timedelta

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from closeness_tui.clock import FakeClock
from closeness_tui.listening import (
    BREAKABLE,
    STEPS,
    Listening,
    SetupError,
    TransitionError,
    is_unfinished,
    newest_first,
    note_choices,
    unfinished,
)
from closeness_tui.models import ListeningSession, Statement
from closeness_tui.store import Store
from closeness_tui.text import clean, safe


def started(clock, **kw) -> Listening:
    m = Listening.new(clock, ("Ana", "Ben"))
    options = dict(turn_minutes=2, rounds=1, check_readiness=False)
    options.update(kw)
    m.configure(**options)
    m.begin()
    return m


# How to reach each step from a fresh machine (with readiness checked, mirroring on).
def reach(step: str, clock: FakeClock) -> Listening:
    m = Listening.new(clock, ("Ana", "Ben"))
    if step == "setup":
        return m
    m.configure(turn_minutes=2, rounds=1, check_readiness=True)
    m.begin()
    if step == "readiness":
        return m
    m.skip_readiness()
    if step == "speaking":
        return m
    m.end_turn()
    if step == "summary":
        return m
    m.submit_summary("What I heard is ...")
    if step == "rating":
        return m
    if step == "clarify":
        m.rate("partly")
        return m
    m.rate("got_it")
    if step == "more":
        return m
    m.more_no()
    if step == "validation":
        return m
    m.submit_validation("That makes sense to me because ...")
    if step == "empathy":
        return m
    m.submit_empathy("I imagine you feel ...")
    if step == "swap":
        return m
    m.next_turn()  # rounds=1: each partner speaks once, so the second turn is the last
    m.end_turn()
    m.submit_summary("What I heard is ...")
    m.rate("got_it")
    m.skip()
    m.skip()
    m.skip()
    if step == "closing":
        return m
    if step == "break":
        m = reach("speaking", clock)
        m.take_break()
        return m
    m.submit_closing(["", ""])
    assert step == "done"
    return m


EVENTS = {
    "configure": lambda m: m.configure(),
    "begin": lambda m: m.begin(),
    "answer_readiness": lambda m: m.answer_readiness({"good_time": True}),
    "skip_readiness": lambda m: m.skip_readiness(),
    "pause": lambda m: m.pause(),
    "resume_timer": lambda m: m.resume_timer(),
    "toggle_pause": lambda m: m.toggle_pause(),
    "add_minute": lambda m: m.add_minute(),
    "end_turn": lambda m: m.end_turn(),
    "save_draft": lambda m: m.save_draft("draft"),
    "submit_summary": lambda m: m.submit_summary("text"),
    "rate": lambda m: m.rate("got_it"),
    "clarified": lambda m: m.clarified(),
    "move_on": lambda m: m.move_on(),
    "more_yes": lambda m: m.more_yes(),
    "more_no": lambda m: m.more_no(),
    "submit_validation": lambda m: m.submit_validation("v"),
    "submit_empathy": lambda m: m.submit_empathy("e"),
    "skip": lambda m: m.skip(),
    "next_turn": lambda m: m.next_turn(),
    "finish_early": lambda m: m.finish_early(),
    "submit_closing": lambda m: m.submit_closing(["a", "b"]),
    "take_break": lambda m: m.take_break(),
    "set_return": lambda m: m.set_return(m.clock.now()),
    "end_break": lambda m: m.end_break(),
}

TIMED = {"pause", "resume_timer", "toggle_pause", "add_minute"}
FINISH = {"finish_early", "take_break"}
# step -> (event -> step it leads to); everything not listed must be rejected.
ALLOWED: dict[str, dict[str, str]] = {
    "setup": {"configure": "setup", "begin": "readiness"},
    "readiness": {"answer_readiness": "speaking", "skip_readiness": "speaking"},
    "speaking": {**{e: "speaking" for e in TIMED}, "end_turn": "summary"},
    "summary": {"save_draft": "summary", "submit_summary": "rating"},
    "rating": {"rate": "more", "move_on": "more"},
    "clarify": {**{e: "clarify" for e in TIMED}, "clarified": "summary", "move_on": "more"},
    "more": {"more_yes": "speaking", "more_no": "validation", "skip": "validation"},
    "validation": {"save_draft": "validation", "submit_validation": "empathy", "skip": "empathy"},
    "empathy": {"save_draft": "empathy", "submit_empathy": "swap", "skip": "swap"},
    "swap": {"next_turn": "speaking"},
    "closing": {"submit_closing": "done", "take_break": "break"},
    "break": {"set_return": "break", "end_break": "speaking"},
    "done": {},
}
for _step in BREAKABLE - {"closing"}:
    ALLOWED[_step].update(finish_early="closing", take_break="break")


def test_every_step_is_covered():
    assert set(ALLOWED) == set(STEPS)


@pytest.mark.parametrize(
    ("step", "event"), [(s, e) for s in STEPS for e in EVENTS if e in ALLOWED[s]]
)
def test_allowed_transition(step, event, clock):
    m = reach(step, clock)
    assert m.step == step
    EVENTS[event](m)
    assert m.step == ALLOWED[step][event]


@pytest.mark.parametrize(
    ("step", "event"), [(s, e) for s in STEPS for e in EVENTS if e not in ALLOWED[s]]
)
def test_invalid_transition_is_rejected(step, event, clock):
    m = reach(step, clock)
    with pytest.raises(TransitionError) as info:
        EVENTS[event](m)
    assert step in str(info.value) and event in str(info.value)
    assert m.step == step


def test_rating_partly_and_not_quite_lead_to_a_timed_clarification(clock):
    for rating in ("partly", "not_quite"):
        m = reach("rating", clock)
        m.rate(rating)
        assert m.step == "clarify" and m.timer is not None and m.timer.running
        clock.advance(40)
        m.clarified()
        assert m.step == "summary" and m.summary_kind == "again"
        assert m.turn.summaries[-1].clarification_seconds == pytest.approx(40)


def test_bad_rating_and_setup_values_are_refused(clock):
    m = reach("rating", clock)
    with pytest.raises(ValueError):
        m.rate("maybe")
    m = Listening.new(clock, ("Ana", "Ben"))
    for bad in (dict(turn_minutes=0), dict(turn_minutes=31), dict(rounds=0), dict(rounds=6)):
        with pytest.raises(SetupError):
            m.configure(**bad)
    with pytest.raises(SetupError):
        m.configure(first_speaker=2)


def test_timer_pause_add_overtime_and_actual_seconds(clock):
    m = started(clock, turn_minutes=2)
    clock.advance(30)
    m.pause()
    clock.advance(500)  # paused: no time passes for the speaker
    assert m.remaining() == pytest.approx(90)
    m.resume_timer()
    m.add_minute()
    assert m.remaining() == pytest.approx(150)
    clock.advance(170)  # 20 s of overtime: never cut off
    assert m.step == "speaking" and m.remaining() == pytest.approx(-20)
    m.end_turn()
    turn = m.session.turns[0]
    assert (turn.pauses, turn.added_seconds, turn.planned_seconds) == (1, 60, 120)
    assert turn.actual_seconds == pytest.approx(200)


def test_two_rounds_alternate_speakers_and_end_in_closing(clock):
    m = started(clock, rounds=2, first_speaker=1, mirroring=False)
    speakers = []
    while m.step != "closing":
        speakers.append(m.speaker)
        m.end_turn()
        m.submit_summary("s")
        m.rate("got_it")
        if m.step == "swap":
            m.next_turn()
    assert speakers == [1, 0, 1, 0]
    assert [t.round for t in m.session.turns] == [1, 1, 2, 2]
    m.submit_closing(["thank you", "I learned a lot"])
    assert m.session.status == "done" and m.finished


def test_is_there_more_adds_a_timed_chunk_and_a_more_summary(clock):
    m = reach("more", clock)
    m.more_yes()
    assert m.step == "speaking" and m.phase == "more"
    clock.advance(45)
    m.end_turn()
    assert m.summary_kind == "more"
    m.submit_summary("and also ...")
    m.rate("got_it")
    assert m.step == "more"
    m.more_no()
    turn = m.turn
    assert turn.more_answer == "yes" and turn.more == "" and turn.more_seconds == pytest.approx(45)
    assert [s.kind for s in turn.summaries] == ["summary", "more"]


def test_break_pauses_timer_clamps_return_and_resumes_same_step(clock):
    m = started(clock)
    clock.advance(10)
    m.take_break(return_at=clock.now() + timedelta(hours=30), called_by=1)
    assert m.session.status == "on_break" and not m.timer.running
    brk = m.session.breaks[0]
    assert brk.return_at - brk.started_at == timedelta(hours=24)
    assert m.set_return(brk.started_at + timedelta(minutes=45)) == brk.started_at + timedelta(
        minutes=45
    )
    clock.advance(1200)
    m.end_break()
    assert m.step == "speaking" and m.session.status == "active"
    assert m.remaining() == pytest.approx(110)
    assert brk.ended_at == clock.now()
    m2 = started(clock)
    m2.take_break()
    assert m2.session.breaks[0].return_at - m2.session.breaks[0].started_at == timedelta(minutes=20)


def test_exact_position_survives_the_store(clock, tmp_path):
    m = reach("clarify", clock)
    clock.advance(25)
    m.take_break()
    with Store.open(tmp_path) as store:
        store.put(m.sync())
    with Store.open(tmp_path, read_only=True) as store:
        (saved,) = store.all(ListeningSession)
    back = Listening.resume(saved, clock)
    assert back.step == "break" and back.resume_step == "clarify"
    assert back.remaining() == pytest.approx(35) and not back.timer.running
    back.end_break()
    back.resume_timer()
    clock.advance(5)
    back.clarified()
    assert back.turn.summaries[-1].clarification_seconds == pytest.approx(30)
    assert msgspec.json.decode(msgspec.json.encode(back.sync()), type=ListeningSession)


def test_finish_early_records_the_time_spoken(clock):
    m = started(clock, rounds=3)
    clock.advance(33)
    m.finish_early()
    assert m.step == "closing" and m.session.turns[0].actual_seconds == pytest.approx(33)
    assert m.finished_early is True and m.sync().state["finished_early"] is True


def test_unfinished_and_ordering(clock):
    a = reach("summary", clock).sync()
    clock.advance(60)
    b = reach("done", clock).sync()
    clock.advance(60)
    c = reach("break", clock).sync()
    d = Listening.new(clock, ("Ana", "Ben")).sync()  # never begun
    assert [is_unfinished(s) for s in (a, b, c, d)] == [True, False, True, False]
    assert newest_first([a, b, c])[0] is c
    assert unfinished([a, b, c, d]) is c
    m = Listening.resume(c, clock)
    m.set_aside()
    assert unfinished([a, b, c, d]) is a


def test_readiness_answers_are_recorded_or_skipped(clock):
    m = reach("readiness", clock)
    m.answer_readiness({"good_time": True, "tired": True})
    assert m.session.readiness == {
        "good_time": True,
        "hungry": False,
        "angry": False,
        "lonely": False,
        "tired": True,
    }
    assert not m.session.readiness_skipped
    m = reach("readiness", clock)
    m.skip_readiness()
    assert m.session.readiness is None and m.session.readiness_skipped
    with pytest.raises(ValueError):
        reach("readiness", clock).answer_readiness({"sleepy": True})


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=300))
def test_any_cleaned_text_round_trips_through_the_store(text, tmp_path_factory):
    clock = FakeClock()
    words = clean(text).text
    m = reach("summary", clock)
    m.save_draft(words)
    m.submit_summary(words)
    directory = tmp_path_factory.mktemp("rt")
    with Store.open(directory) as store:
        store.put(m.sync())
    with Store.open(directory, read_only=True) as store:
        (back,) = store.all(ListeningSession)
    assert back.turns[0].summaries[0].text == words
    assert safe(words).plain == words


# -- the speaker's note: their own newest I-statements ----------------------------------------

_NOTE_DAY = datetime(2026, 11, 1, 9, 0)


def _statement(author: int, text: str, days: int) -> Statement:
    return Statement(author=author, text=text, created_at=_NOTE_DAY + timedelta(days=days))


NOTE_CHOICES = [
    # (case, statements as (author, text, day), seat, note handed in, limit, expected)
    ("none written", [], 0, "", 3, []),
    (
        "newest first, only the seat's own",
        [(0, "a", 1), (1, "b", 2), (0, "c", 3)],
        0,
        "",
        3,
        ["c", "a"],
    ),
    ("empty texts are not offered", [(0, "", 4), (0, "a", 1)], 0, "", 3, ["a"]),
    ("the same words once", [(0, "a", 1), (0, "a", 5), (0, "b", 3)], 0, "", 3, ["a", "b"]),
    ("the note handed in comes first", [(0, "a", 1)], 0, "kept", 3, ["kept", "a"]),
    ("the note handed in, once", [(0, "kept", 1), (0, "a", 2)], 0, "kept", 3, ["kept", "a"]),
    (
        "years of statements: the newest few",
        [(0, f"s{d}", d) for d in range(900)],
        0,
        "",
        3,
        ["s899", "s898", "s897"],
    ),
]


@pytest.mark.parametrize(
    "rows,seat,keep,limit,expected", [c[1:] for c in NOTE_CHOICES], ids=[c[0] for c in NOTE_CHOICES]
)
def test_note_choices(rows, seat, keep, limit, expected):
    statements = [_statement(*row) for row in rows]
    assert note_choices(statements, seat, keep, limit) == expected
