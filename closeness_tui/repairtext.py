"""The schema of content/repair.toml: every word of the after-a-fight conversation."""

from __future__ import annotations

from functools import cache

import msgspec

from closeness_tui.content import load


class _T(msgspec.Struct, forbid_unknown_fields=True):
    pass


class StartText(_T):
    title: str
    intro: str
    topic_label: str
    topic_placeholder: str
    readiness_label: str
    begin: str
    waiting: str
    carry_on: str
    set_aside: str
    steps_title: str
    steps: list[str]


class LeaveText(_T):
    question: str
    yes: str
    no: str
    break_note: str


class StepText(_T):
    title: str
    hint: str
    where: str
    starter: str = ""
    heard: str = ""
    vocabulary: str = ""
    common_title: str = ""
    coach_intro: str = ""
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

        missing = set(STEPS) - {"setup", "break"} - set(self.steps)
        if missing:
            raise ValueError(f"steps without words: {sorted(missing)}")


@cache
def repair_text() -> RepairText:
    return load("repair.toml", RepairText)
