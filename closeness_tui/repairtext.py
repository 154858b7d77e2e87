"""The schema of content/repair.toml: every word of the after-a-fight conversation."""

from __future__ import annotations

from functools import cache

from closeness_tui.content import load
from closeness_tui.talktext import _T, LeaveText, TalkStart, TalkStep, check_steps

__all__ = ["LeaveText", "RepairText", "StartText", "StepText", "repair_text"]


class StartText(TalkStart):
    topic_placeholder: str
    readiness_label: str
    steps_title: str
    steps: list[str]


class StepText(TalkStep):
    heard: str = ""
    vocabulary: str = ""
    common_title: str = ""
    accept: str = ""
    need_time: str = ""


class TriggersText(_T):
    common: list[str]


class JournalText(_T):
    kind: str
    feelings: str
    reality: str
    summary: str
    clarify: str
    makes_sense: str
    triggers: str
    owns: str
    regret: str
    differently: str
    apology: str
    answer: str
    accept: str
    need_time: str


class TogetherText(_T):
    title: str
    intro: str
    repair_title: str
    repair_blurb: str
    solve_title: str
    solve_blurb: str
    repair_waiting: str
    solve_waiting: str


class RepairText(_T):
    banner: str
    both: str
    done_hint: str
    empty: str
    unfinished_note: str
    start: StartText
    leave: LeaveText
    steps: dict[str, StepText]
    triggers: TriggersText
    journal: JournalText
    together: TogetherText

    def __post_init__(self) -> None:
        from closeness_tui.repair import STEPS

        check_steps(self.steps, STEPS)


@cache
def repair_text() -> RepairText:
    return load("repair.toml", RepairText)
