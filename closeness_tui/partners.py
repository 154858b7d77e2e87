"""Rules for the partners' names (pure)."""

from __future__ import annotations

from dataclasses import dataclass

from closeness_tui.text import NAME_MAX, clean_name


@dataclass(frozen=True)
class NameCheck:
    first: str
    second: str
    first_problem: str | None  # "empty" | "too_long" | None
    second_problem: str | None  # "empty" | "too_long" | "same" | None

    @property
    def ok(self) -> bool:
        return self.first_problem is None and self.second_problem is None


def _problem(name: str) -> str | None:
    if not name:
        return "empty"
    if len(name) > NAME_MAX:
        return "too_long"
    return None


def check_names(first_raw: str, second_raw: str) -> NameCheck:
    """Trim and clean both names; 1-40 characters each, and not the same as each other."""
    first, second = clean_name(first_raw), clean_name(second_raw)
    p1, p2 = _problem(first), _problem(second)
    if p1 is None and p2 is None and first.casefold() == second.casefold():
        p2 = "same"
    return NameCheck(first, second, p1, p2)
