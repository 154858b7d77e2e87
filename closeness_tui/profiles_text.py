"""The schema of content/profiles.toml: the five ways of receiving love, what helps when
flooded, and the words of the profile and guessing screens and of the hints elsewhere."""

from __future__ import annotations

from typing import Annotated

import msgspec


class _T(msgspec.Struct, forbid_unknown_fields=True):
    pass


class Way(_T):
    id: str
    name: str
    plain: str
    rituals: list[str] = msgspec.field(default_factory=list)  # ritual template ids


class Calming(_T):
    id: str
    name: str


class ProfileWords(_T):
    title: str
    intro: str
    love: str
    love_keys: str
    love_unranked: str
    stress: str
    flooded: str
    flooded_note: str
    rhythm: str
    joys: str
    worries: str
    hopes: str
    placeholder: str
    save: str
    saved: str
    unchanged: str
    never: str
    last: str
    changed: str
    history: str


class Guess(_T):
    title: str
    intro: str
    no_profile: str
    choose: str
    guesser: str
    compare: str
    again: str
    placeholder: str
    any: str
    same: str
    near: str
    new: str
    unknown: str
    closing: str
    questions: Annotated[list[tuple[str, str]], msgspec.Meta(min_length=1)]


class Hints(_T):
    loved: str
    ritual: str
    calm: str


class ProfilesText(_T):
    ways: Annotated[list[Way], msgspec.Meta(min_length=5, max_length=5)]
    calming: Annotated[list[Calming], msgspec.Meta(min_length=1)]
    profile: ProfileWords
    guess: Guess
    hints: Hints


def profiles_text() -> ProfilesText:
    from closeness_tui.content import load

    return load("profiles.toml", ProfilesText)
