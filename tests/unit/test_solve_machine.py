"""Solve it together: every step and transition, the ranking of options, the review."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import msgspec
import pytest

from closeness_tui.clock import FakeClock
from closeness_tui.listening import TransitionError
from closeness_tui.models import BOTH, Idea, Solution, Try
from closeness_tui.solve import NEXT, STEPS, Solve, TryCounts, due, ranked

START = datetime(2026, 11, 21, 19, 30).astimezone()
TODAY = START.date()


def machine(step: str = "setup", seat: int = 0, options: int = 0, tried: bool = False) -> Solve:
    record = Solution(started_at=START, names=["Ana", "Ben"])
    record.options = [Idea(text=f"idea {n}") for n in range(options)]
    if tried:
        record.tries = [Try(option=0, started_on=TODAY, review_on=TODAY + timedelta(days=14))]
    record.state = {"step": step, "seat": seat}
    return Solve(record, FakeClock(START))


MOVES = [
    ("setup", 0, "begin", (), ("problem", 0)),
    ("problem", 0, "submit", ("We disagree about money.",), ("core", 0)),
    ("core", 0, "submit", ("security",), ("flexible", 0)),
    ("flexible", 0, "submit", ("how much",), ("core", 1)),
    ("core", 1, "submit", ("fun",), ("flexible", 1)),
    ("flexible", 1, "submit", ("when",), ("ideas", 0)),
    ("plan", 0, "submit", ("I will", True), ("plan", 1)),
    ("plan", 1, "submit", ("I will too", True), ("trial", 0)),
    ("trial", 0, "start_trial", (14, "Sunday", True), ("waiting", 0)),
    ("waiting", 0, "open_review", ((), True), ("review", 0)),
    ("review", 0, "review", ("keep", "", True), ("done", 0)),
    ("review", 0, "review", ("adjust", "less often", True), ("plan", 0)),
    ("review", 0, "review", ("another", "", True), ("choose", 0)),
]


@pytest.mark.parametrize(("step", "seat", "event", "args", "after"), MOVES)
def test_each_step_leads_where_the_table_says(step, seat, event, args, after):
    tried = bool(args) and args[-1] is True
    args = tuple(a for a in args if a is not True and a != ())
    m = machine(step, seat, options=1, tried=tried)
    getattr(m, event)(*args)
    assert (m.step, m.seat) == after


def test_the_whole_conversation_keeps_every_try():
    m = machine()
    m.configure(topic="money", listening_id="L1")
    m.begin()
    m.submit("We see spending differently.")
    for seat, (core, flex) in enumerate([("safety", "amounts"), ("fun", "timing")]):
        assert (m.step, m.writer()) == ("core", seat)
        m.submit(core)
        m.submit(flex)
    assert m.writer() == BOTH
    m.add_idea("a shared budget", by=0)
    m.add_idea("a fun fund", by=1)
    m.add_idea("monthly money talk")
    m.done_ideas()
    for seat, marks in enumerate([("could", "works", "no"), ("works", "works", "could")]):
        assert m.seat == seat
        for n, mark in enumerate(marks):
            m.mark(n, mark)
        m.done_marks()
    assert m.step == "choose"
    assert ranked(m.record.options) == [1, 0, 2]
    m.choose(1)
    m.submit("I set up the account")
    m.submit("I pick the first treat")
    m.start_trial(14, "by Sunday")
    assert m.record.status == "trial" and m.record.tries[0].review_on == TODAY + timedelta(14)
    assert not due(m.sync(), TODAY + timedelta(13)) and due(m.sync(), TODAY + timedelta(14))
    m.open_review()
    m.review("adjust", "smaller amounts")
    assert m.record.tries[1].plans == m.record.tries[0].plans and m.record.tries[1].option == 1
    m.submit("I set up the account, smaller")
    m.submit("I pick the first treat")
    m.start_trial(7)
    m.open_review()
    m.review("keep")
    assert m.record.status == "kept" and m.record.finished_at is not None
    assert [t.outcome for t in m.record.tries] == ["adjust", "keep"]
    assert m.record.listening_id == "L1"


RANKS = [
    ([("works", "works"), ("could", "could")], [0, 1]),
    ([("could", "could"), ("works", "works")], [1, 0]),
    ([("works", "no"), ("could", "could")], [1, 0]),
    ([("no", "no"), ("works", "no")], [1, 0]),
    ([("could", "works"), ("works", "could")], [0, 1]),
    ([("", ""), ("could", "")], [1, 0]),
]


@pytest.mark.parametrize(("marks", "order"), RANKS)
def test_ranking_options(marks, order):
    options = [Idea(text=str(n), marks=list(m)) for n, m in enumerate(marks)]
    assert ranked(options) == order


REFUSED = [
    ("setup", "submit", ("x",)),
    ("ideas", "mark", (0, "works")),
    ("marks", "add_idea", ("x",)),
    ("waiting", "take_break", ()),
    ("done", "review", ("keep",)),
    ("choose", "start_trial", (7,)),
]


@pytest.mark.parametrize(("step", "event", "args"), REFUSED)
def test_refused_events(step, event, args):
    with pytest.raises(TransitionError):
        getattr(machine(step, options=1), event)(*args)


BAD = [
    ("ideas", "done_ideas", (), 0),
    ("ideas", "add_idea", (" ",), 0),
    ("marks", "done_marks", (), 1),
    ("marks", "mark", (0, "maybe"), 1),
    ("choose", "choose", (3,), 1),
    ("problem", "submit", ("",), 0),
]


@pytest.mark.parametrize(("step", "event", "args", "options"), BAD)
def test_bad_values_refused(step, event, args, options):
    m = machine(step, options=options)
    with pytest.raises(ValueError):
        getattr(m, event)(*args)
    assert m.step == step


@pytest.mark.parametrize("days", [0, 91])
def test_trial_length_is_bounded(days):
    m = machine("trial", tried=True)
    with pytest.raises(ValueError):
        m.start_trial(days)


def test_a_break_resumes_the_step_after_a_reload():
    m = machine("marks", 1, options=2)
    m.mark(0, "works")
    m.take_break()
    data = msgspec.json.encode(m.sync())
    again = Solve.resume(msgspec.json.decode(data, type=Solution), m.clock)
    assert (again.step, again.shown_step, again.seat) == ("break", "marks", 1)
    again.end_break()
    assert again.step == "marks" and again.record.options[0].marks == ["", "works"]
    assert again.unmarked(1) == [1]


def test_the_table_only_names_steps():
    for (step, _), (after, _) in NEXT.items():
        assert step in STEPS and after in STEPS


def test_due_only_while_waiting():
    m = machine("review", tried=True)
    assert not due(m.sync(), date(2030, 1, 1))


def _session(status: str, ratings: list[tuple[int, list[str]]]):
    from closeness_tui.models import ListeningSession, Summary
    from closeness_tui.models import Turn as Spoken

    turns = [
        Spoken(speaker=seat, summaries=[Summary(text="x", rating=r) for r in rs])
        for seat, rs in ratings
    ]
    return ListeningSession(started_at=START, status=status, turns=turns)


UNDERSTOOD = [
    ("done", [(0, ["got_it"]), (1, ["got_it"])], True),
    ("done", [(0, ["partly", "got_it"]), (1, ["not_quite", "got_it"])], True),
    ("done", [(0, ["got_it"]), (1, ["partly"])], False),  # moved on without a Got it
    ("done", [(0, ["got_it"])], False),  # only one spoke
    ("stopped", [(0, ["got_it"]), (1, ["got_it"])], False),
    ("done", [(0, ["got_it"]), (1, ["got_it"]), (0, ["got_it"]), (1, [])], False),
    ("done", [], False),
]


@pytest.mark.parametrize(("status", "ratings", "expected"), UNDERSTOOD)
def test_both_understood(status, ratings, expected):
    from closeness_tui.solve import both_understood

    assert both_understood(_session(status, ratings)) is expected


LATER = TODAY + timedelta(days=14)
EARLY = TODAY - timedelta(days=30)

# (status, [(outcome, trial begun?, started on)]) per solution -> the counts
COUNTS = [
    ([], TryCounts()),
    ([("active", [("", False, TODAY)])], TryCounts()),  # chosen, its trial not yet set
    ([("trial", [("", True, TODAY)])], TryCounts(tried=1, first=TODAY)),
    (
        [
            ("kept", [("adjust", True, EARLY), ("keep", True, TODAY)]),
            ("trial", [("another", True, TODAY), ("", True, TODAY)]),
        ],
        TryCounts(tried=4, reviewed=3, kept=1, adjusted=1, another=1, first=EARLY),
    ),
    ([("active", [("another", True, TODAY), ("", False, TODAY)])], TryCounts(1, 1, 0, 0, 1, TODAY)),
    ([("stopped", [("", True, TODAY), ("keep", True, TODAY)])], TryCounts()),  # set aside
]


@pytest.mark.parametrize(("solutions", "expected"), COUNTS)
def test_counts_for_the_insights(solutions, expected):
    from closeness_tui.solve import counts

    records = [
        Solution(
            started_at=START,
            status=status,
            tries=[
                Try(
                    option=0,
                    started_on=on,
                    review_on=on + timedelta(days=14 if began else 0),
                    outcome=o,
                )
                for o, began, on in tries
            ],
        )
        for status, tries in solutions
    ]
    assert counts(records) == expected
