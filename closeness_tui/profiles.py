"""Profiles as pure rules: the current and past versions of each partner's profile, what
changed between versions, the "How well do you know me?" comparison, and the hints other
screens show (the ritual planner, the weekly check-in, the flooding break). No Textual.

Hints are plain text with the partners' names in them: screens show them with `safe()`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from string import Template

from closeness_tui.models import Profile
from closeness_tui.profiles_text import ProfilesText

TEXT_FIELDS = ("stress", "flooded_note", "rhythm", "joys", "worries", "hopes")
LIST_FIELDS = ("love", "flooded")
FIELDS = ("love", "stress", "flooded", "flooded_note", "rhythm", "joys", "worries", "hopes")

SAME, NEAR, NEW, UNKNOWN = "same", "near", "new", "unknown"

# Words too common to say two answers are close.
_COMMON = frozenset(
    "a an the and or but to of in on at for with by from my me i you your we our it is be "
    "when what that this them they their some more most much very just about have has".split()
)


def _fill(template: str, **values: str) -> str:
    return Template(template).safe_substitute(**values)


def versions(profiles: Iterable[Profile], seat: int) -> list[Profile]:
    """A partner's profile versions, oldest first."""
    return sorted((p for p in profiles if p.seat == seat), key=lambda p: (p.saved_at, p.id))


def current(profiles: Iterable[Profile], seat: int) -> Profile | None:
    found = versions(profiles, seat)
    return found[-1] if found else None


def is_empty(profile: Profile | None) -> bool:
    return profile is None or not any(getattr(profile, f) for f in FIELDS)


def changed_fields(before: Profile | None, after: Profile) -> list[str]:
    """The fields whose content differs between two versions (all filled ones if no before)."""
    return [
        f
        for f in FIELDS
        if (getattr(before, f) if before is not None else type(getattr(after, f))())
        != getattr(after, f)
    ]


def history(profiles: Iterable[Profile], seat: int) -> list[tuple[Profile, list[str]]]:
    """Each version, newest first, with the fields it changed from the one before."""
    found = versions(profiles, seat)
    steps = [(p, changed_fields(found[i - 1] if i else None, p)) for i, p in enumerate(found)]
    return list(reversed(steps))


def same_content(a: Profile | None, b: Profile) -> bool:
    return a is not None and not changed_fields(a, b)


# -- "How well do you know me?" -----------------------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    field: str
    guess: str
    actual: str
    verdict: str  # SAME, NEAR, NEW or UNKNOWN


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.casefold()) if w not in _COMMON and len(w) > 2}


def actual_answer(profile: Profile, field: str, names: dict[str, str]) -> str:
    """What the profile says for a guessable field, in words (list fields: the first one
    for "love", all of them for "flooded"), using `names` for ids."""
    value = getattr(profile, field)
    if field == "love":
        return names.get(value[0], value[0]) if value else ""
    if isinstance(value, list):
        return ", ".join(str(names.get(v, v)) for v in value)
    return value


def compare_text(guess: str, actual: str) -> str:
    """Free text: SAME when the meaningful words are the same, NEAR when they share one,
    NEW otherwise; UNKNOWN when there is nothing to compare with."""
    if not actual.strip():
        return UNKNOWN
    g, a = _words(guess), _words(actual)
    if not g:
        return NEW
    if g == a:
        return SAME
    return NEAR if g & a else NEW


def compare_choice(guess: str, chosen: Sequence[str]) -> str:
    """A choice (an id): SAME when it is one of those chosen, UNKNOWN when none were."""
    if not chosen:
        return UNKNOWN
    return SAME if guess in chosen else NEW


def compare(
    profile: Profile,
    guesses: dict[str, str],
    fields: Sequence[str],
    names: dict[str, dict[str, str]],
) -> list[Comparison]:
    """One Comparison per asked field, in the order asked. `names`: per choice field, id ->
    words (the ways of receiving love and the calming choices share some ids).
    "love" compares with the way ranked first; "flooded" with any of those chosen."""
    out = []
    for f in fields:
        guess = guesses.get(f, "")
        words = names.get(f, {})
        actual = actual_answer(profile, f, words)
        if f in LIST_FIELDS:
            chosen = profile.love[:1] if f == "love" else profile.flooded
            verdict = compare_choice(guess, chosen)
        else:
            verdict = compare_text(guess, actual)
        out.append(Comparison(f, words.get(guess, guess), actual, verdict))
    return out


# -- hints for other screens -----------------------------------------------------------------


def _way_names(text: ProfilesText) -> dict[str, str]:
    return {w.id: w.name for w in text.ways}


def _and(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def loved_hint(
    profiles: Iterable[Profile], names: Sequence[str], seat: int, text: ProfilesText, top: int = 3
) -> str | None:
    """For the weekly check-in: the partner's own ranking, as a hint for `seat`'s partner."""
    profile = current(profiles, seat)
    if profile is None or not profile.love:
        return None
    ways = _way_names(text)
    ranked = [ways.get(w, w) for w in profile.love[:top]]
    return _fill(text.hints.loved, name=names[seat], ways=_and(ranked))


def ritual_hints(
    profiles: Iterable[Profile],
    names: Sequence[str],
    text: ProfilesText,
    ritual_names: dict[str, str],
) -> list[str]:
    """For the ritual planner: per partner with a ranking, their top way and the ritual
    templates that fit it (by name, from `ritual_names`: template id -> name)."""
    profiles = list(profiles)
    out = []
    for seat in (0, 1):
        profile = current(profiles, seat)
        if profile is None or not profile.love:
            continue
        way = next((w for w in text.ways if w.id == profile.love[0]), None)
        if way is None:
            continue
        fitting = [ritual_names[r] for r in way.rituals if r in ritual_names]
        if fitting:
            out.append(
                _fill(text.hints.ritual, name=names[seat], way=way.name, rituals=_and(fitting))
            )
    return out


def fitting_rituals(profiles: Iterable[Profile], text: ProfilesText) -> set[str]:
    """Ritual template ids that fit either partner's top way of receiving love."""
    profiles = list(profiles)
    ids: set[str] = set()
    for seat in (0, 1):
        profile = current(profiles, seat)
        if profile is not None and profile.love:
            way = next((w for w in text.ways if w.id == profile.love[0]), None)
            if way is not None:
                ids.update(way.rituals)
    return ids


def calm_hints(profiles: Iterable[Profile], names: Sequence[str], text: ProfilesText) -> list[str]:
    """For the flooding break: what each partner said helps them calm down."""
    profiles = list(profiles)
    calming = {c.id: c.name for c in text.calming}
    out = []
    for seat in (0, 1):
        profile = current(profiles, seat)
        if profile is None:
            continue
        parts = [calming.get(c, c) for c in profile.flooded]
        if profile.flooded_note.strip():
            parts.append(profile.flooded_note.strip())
        if parts:
            out.append(_fill(text.hints.calm, name=names[seat], what=_and(parts)))
    return out


def store_hint_loved(store: object, names: Sequence[str], seat: int) -> str | None:
    """loved_hint from an open Store, with the content loaded (one call for a screen)."""
    from closeness_tui.profiles_text import profiles_text

    if store is None:
        return None
    return loved_hint(store.all(Profile), names, seat, profiles_text())  # type: ignore[attr-defined]


def store_hint_rituals(store: object, names: Sequence[str]) -> str | None:
    from closeness_tui.profiles_text import profiles_text
    from closeness_tui.ritualtext import ritual_text

    if store is None:
        return None
    ritual_names = {t.id: t.name for t in ritual_text().templates}
    lines = ritual_hints(store.all(Profile), names, profiles_text(), ritual_names)  # type: ignore[attr-defined]
    return "\n".join(lines) or None


def store_hint_calm(store: object, names: Sequence[str]) -> str | None:
    from closeness_tui.profiles_text import profiles_text

    if store is None:
        return None
    lines = calm_hints(store.all(Profile), names, profiles_text())  # type: ignore[attr-defined]
    return "\n".join(lines) or None
