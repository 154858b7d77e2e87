"""What the words of the two talks after a listening session share (content/repair.toml,
content/solve.toml): their start screen, leaving, and what every step says."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import msgspec


class _T(msgspec.Struct, forbid_unknown_fields=True):
    pass


class TalkStart(_T):
    title: str
    intro: str
    topic_label: str
    begin: str
    waiting: str  # a stopped talk is offered: $when, $where
    carry_on: str
    set_aside: str


class LeaveText(_T):
    question: str
    yes: str
    no: str
    break_note: str


class TalkStep(_T):
    title: str
    hint: str
    where: str  # where the talk stopped, as the offer to carry on says it
    starter: str = ""
    coach_intro: str = ""


def check_steps(words: Mapping[str, object], steps: Iterable[str]) -> None:
    """Every step of a talk's machine but its set-up and break has its words."""
    missing = set(steps) - {"setup", "break"} - set(words)
    if missing:
        raise ValueError(f"steps without words: {sorted(missing)}")
