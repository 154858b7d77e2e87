"""The schema of content/solve.toml: every word of "Solve it together"."""

from __future__ import annotations

from functools import cache

from closeness_tui.content import load
from closeness_tui.talktext import _T, LeaveText, TalkStart, TalkStep, check_steps


class StartText(TalkStart):
    review_question: str
    review_yes: str
    review_no: str
    trial_started: str
    kept: str


class MarksText(_T):
    works: str
    could: str
    no: str
    unmarked: str


class StepText(TalkStep):
    list_title: str = ""
    none: str = ""
    missing: str = ""
    by_when_label: str = ""
    by_when_placeholder: str = ""
    days: str = ""
    note_label: str = ""
    keep: str = ""
    adjust: str = ""
    another: str = ""


class HomeText(_T):
    due: str
    due_short: str


class PatternText(_T):
    note: str


class JournalText(_T):
    kind: str
    problem: str
    core: str
    flexible: str
    idea: str
    marks: str
    tried: str
    plan: str
    by_when: str
    outcome: str
    keep: str
    adjust: str
    another: str


class OfferText(_T):
    question: str
    yes: str
    no: str
    weekly: str


class SolveText(_T):
    banner: str
    empty: str
    start: StartText
    leave: LeaveText
    marks: MarksText
    steps: dict[str, StepText]
    home: HomeText
    pattern: PatternText
    journal: JournalText
    offer: OfferText

    def __post_init__(self) -> None:
        from closeness_tui.solve import STEPS

        check_steps(self.steps, STEPS)


@cache
def solve_text() -> SolveText:
    return load("solve.toml", SolveText)
