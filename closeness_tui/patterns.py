"""Patterns, gently: when the same topic keeps coming back. A pure rule, no Textual.

Three or more listening sessions or after-a-fight talks on a similar topic within eight
weeks, without a solution kept for it, make one warm note (a couples therapist can help
with a fight that keeps returning). A note they dismissed stays away for that topic.

Two topics are similar when they share words that carry meaning (small words like "the"
and "again" do not count, and a plural counts as its singular) and the shared words make up
at least half of the shorter topic's words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

WINDOW = timedelta(weeks=8)
TIMES = 3
SMALL_WORDS = frozenset(
    """a an the and or but of to in on at for with about again our my your his her their
    we you i me us it its is was be this that those these same still another from by as
    up over how what when why who fight argument talk row thing things""".split()
)


@dataclass(frozen=True)
class Talk:
    """One conversation about a topic (a listening session or an after-a-fight talk)."""

    day: date
    topic: str


@dataclass(frozen=True)
class Kept:
    """A solution the couple decided to keep, and the day they kept it."""

    day: date
    topic: str


def words(topic: str) -> frozenset[str]:
    """The words of a topic that carry meaning, folded to compare."""
    text = unicodedata.normalize("NFKC", topic).casefold()
    found = set()
    for word in re.findall(r"\w+", text):
        if word in SMALL_WORDS or word.isdigit():
            continue
        if len(word) > 4 and word.endswith(("shes", "ches", "xes", "sses")):
            word = word[:-2]
        elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        found.add(word)
    return frozenset(found)


def similar(a: str | frozenset[str], b: str | frozenset[str]) -> bool:
    wa = words(a) if isinstance(a, str) else a
    wb = words(b) if isinstance(b, str) else b
    if not wa or not wb:
        return False
    shared = len(wa & wb)
    return shared > 0 and shared * 2 >= min(len(wa), len(wb))


def returning_topic(
    talks: Iterable[Talk],
    kept: Iterable[Kept],
    today: date,
    dismissed: Sequence[str] = (),
) -> str | None:
    """The topic that keeps coming back (the most recent wording), or None."""
    since = today - WINDOW
    recent = sorted(
        (t for t in talks if since <= t.day <= today and words(t.topic)),
        key=lambda t: t.day,
        reverse=True,
    )
    kept = list(kept)
    for talk in recent:
        key = words(talk.topic)
        same = [t for t in recent if similar(key, words(t.topic))]
        if len(same) < TIMES:
            continue
        first = min(t.day for t in same)
        if any(k.day >= first and similar(key, words(k.topic)) for k in kept):
            continue
        if any(similar(key, words(d)) for d in dismissed):
            continue
        return talk.topic
    return None
