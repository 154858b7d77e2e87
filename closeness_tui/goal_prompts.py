"""Weekly check-in goals: the prompt stored with each answer names its partners.

Before this fix the weekly check-in stored the content's template itself ("$name's
personal goals", "How $name can support $other") as the prompt. `with_name` fills it when
saving; `fill_goal_prompts` is the data migration (a pure function over the plain JSON
document) that fills the prompts already stored, using the partners' names from the
settings. No Textual, no TinyDB."""

from __future__ import annotations

from string import Template
from typing import Any

GOAL_PARTS = ("goal_personal", "goal_support")  # prompts that name a partner: $name, $other


def with_name(prompt: str, a: str, b: str, *, seat: int) -> str:
    """`prompt` with $name (the partner in `seat`) and $other filled in; a name that is
    itself "$x" is kept literally."""
    names = (a, b)
    return Template(prompt).safe_substitute(name=names[seat], other=names[1 - seat])


def _names(document: dict[str, Any]) -> tuple[str, str] | None:
    settings = document.get("settings")
    if not isinstance(settings, dict):
        return None  # a damaged file is named by the store's own checks, not here
    for record in settings.values():
        if isinstance(record, dict):
            a, b = record.get("partner_a"), record.get("partner_b")
            if isinstance(a, str) and isinstance(b, str) and a and b:
                return a, b
    return None


def fill_goal_prompts(document: dict[str, Any]) -> dict[str, Any]:
    """Migration: fill `$name` (the partner of that seat) and `$other` in stored goal prompts.

    Left as it is when the partners have no names yet, or an answer's seat is not 0 or 1.
    Touches nothing else; returns the same document."""
    names = _names(document)
    if names is None:
        return document
    checkins = document.get("checkins")
    if not isinstance(checkins, dict):
        return document
    for record in checkins.values():
        if not isinstance(record, dict) or not isinstance(record.get("answers"), list):
            continue
        for answer in record["answers"]:
            if not isinstance(answer, dict) or answer.get("part") not in GOAL_PARTS:
                continue
            prompt, seat = answer.get("prompt"), answer.get("seat")
            if isinstance(prompt, str) and "$" in prompt and seat in (0, 1):
                answer["prompt"] = with_name(prompt, *names, seat=seat)
    return document
