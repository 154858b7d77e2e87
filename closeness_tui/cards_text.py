"""The schema of content/cards.toml: the decks of conversation cards and the words of the
card screens (play, question of the day, the hub, journal labels)."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

Depth = Literal["light", "deeper", "deep"]
DEPTHS: tuple[Depth, ...] = ("light", "deeper", "deep")


class _T(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    pass


class Deck(_T):
    id: str
    title: str
    blurb: str
    cards: list[tuple[Depth, Annotated[str, msgspec.Meta(min_length=8, max_length=200)]]]


class Rest(_T):
    days: Annotated[int, msgspec.Meta(ge=0, le=365)]
    pass_days: Annotated[int, msgspec.Meta(ge=0, le=365)]


class Hub(_T):
    title: str
    intro: str
    play: tuple[str, str]
    question: tuple[str, str]
    profile: tuple[str, str]
    guess: tuple[str, str]
    favourites: tuple[str, str]
    no_favourites: str


class DepthNames(_T):
    light: str
    deeper: str
    deep: str


class Play(_T):
    title: str
    any_deck: str
    any_depth: str
    depths: DepthNames
    who: str
    from_deck: str
    no_card: str
    none_left: str
    note_label: str
    note_placeholder: str
    talked: str
    pass_: str = msgspec.field(name="pass")
    favourite: str
    unfavourite: str
    timer: str
    passed: str
    kept: str
    favourite_on: str
    favourite_off: str
    timer_seconds: Annotated[int, msgspec.Meta(ge=30, le=1800)]
    timer_off: str
    timer_left: str
    timer_done: str
    count: str


class Question(_T):
    title: str
    look_away: str
    hidden: str
    placeholder: str
    continue_label: str
    empty: str
    reveal_title: str
    close_label: str
    saved: str
    home_line: str
    home_half: str
    home_done: str


class JournalKinds(_T):
    card: str
    question: str
    profile: str
    guess: str


class Journal(_T):
    kinds: JournalKinds
    question: str
    note: str
    passed: str
    answer: str
    guess: str
    actual: str


class CardsText(_T):
    decks: Annotated[list[Deck], msgspec.Meta(min_length=1)]
    rest: Rest
    hub: Hub
    play: Play
    question: Question
    journal: Journal


def cards_text() -> CardsText:
    from closeness_tui.content import load

    return load("cards.toml", CardsText)
