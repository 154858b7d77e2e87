"""Conversation cards as pure rules: the cards of the decks, drawing with the no-repeat rule,
whose turn it is to ask, the question of the day, and a play session's state. No Textual.

A card's id is its deck and a short hash of its words, so favourites and "recently used"
follow the words (a card whose words are rewritten is a new card).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from closeness_tui.cards_text import Deck
from closeness_tui.models import CardPlay, DailyQuestion

TALKED = "talked"
PASSED = "passed"
# The question of the day comes from these depths: something both can answer any evening.
DAILY_DEPTHS = ("light", "deeper")


@dataclass(frozen=True)
class Card:
    id: str
    deck: str
    depth: str
    text: str


def card_id(deck: str, text: str) -> str:
    import hashlib  # not at import time: Home imports this module's neighbours at start-up

    return f"{deck}:{hashlib.sha1(text.encode('utf-8')).hexdigest()[:10]}"


def cards_of(decks: Iterable[Deck]) -> list[Card]:
    """Every card of every deck, in content order."""
    return [Card(card_id(d.id, text), d.id, depth, text) for d in decks for depth, text in d.cards]


def duplicates(cards: Iterable[Card]) -> list[str]:
    """Card words that appear more than once (compared without case or punctuation)."""
    seen: set[str] = set()
    twice: list[str] = []
    for card in cards:
        key = "".join(ch for ch in card.text.casefold() if ch.isalnum())
        if key in seen:
            twice.append(card.text)
        seen.add(key)
    return twice


# -- the no-repeat rule -------------------------------------------------------------------


def resting(plays: Iterable[CardPlay], now: datetime, rest_days: int, pass_days: int) -> set[str]:
    """Cards that should not come back yet: talked about within `rest_days`, or passed
    within `pass_days` (passing costs nothing; the card is just not offered again at once)."""
    out = set()
    for play in plays:
        days = pass_days if play.outcome == PASSED else rest_days
        if now - play.played_at < timedelta(days=days):
            out.add(play.card_id)
    return out


def pool(cards: Iterable[Card], deck: str | None = None, depth: str | None = None) -> list[Card]:
    return [
        c for c in cards if (deck is None or c.deck == deck) and (depth is None or c.depth == depth)
    ]


def draw(
    cards: Sequence[Card],
    rng: random.Random,
    *,
    resting_ids: Iterable[str] = (),
    skip: Iterable[str] = (),
    deck: str | None = None,
    depth: str | None = None,
) -> Card | None:
    """A random card of the chosen deck and depth that is not resting and not in `skip`
    (the cards already drawn tonight). None when every card of the choice is used."""
    unwanted = set(resting_ids) | set(skip)
    fresh = [c for c in pool(cards, deck, depth) if c.id not in unwanted]
    return rng.choice(fresh) if fresh else None


# -- turns -----------------------------------------------------------------------------------


def roles(first_asker: int, card_number: int) -> tuple[int, int]:
    """(asker, answerer) for the n-th card of a session (0-based): they alternate."""
    asker = (first_asker + card_number) % 2
    return asker, 1 - asker


@dataclass
class PlaySession:
    """One evening of cards: what has been drawn, who asks next, what was talked or passed."""

    first_asker: int = 0
    drawn: list[str] = field(default_factory=list)
    talked: int = 0
    passed: int = 0
    current: Card | None = None

    @property
    def roles(self) -> tuple[int, int]:
        return roles(self.first_asker, self.talked + self.passed)

    def show(self, card: Card | None) -> None:
        self.current = card
        if card is not None:
            self.drawn.append(card.id)

    def finish(self, outcome: str) -> Card | None:
        """The current card is done (talked about or passed); the roles swap."""
        card, self.current = self.current, None
        if card is None:
            return None
        if outcome == PASSED:
            self.passed += 1
        else:
            self.talked += 1
        return card


def play_record(
    card: Card, asker: int, outcome: str, now: datetime, notes: Sequence[str]
) -> CardPlay:
    return CardPlay(
        card_id=card.id,
        deck=card.deck,
        question=card.text,
        asker=asker,
        played_at=now,
        outcome=outcome,
        notes=[notes[0] if len(notes) > 0 else "", notes[1] if len(notes) > 1 else ""],
    )


# -- the question of the day ------------------------------------------------------------------


def question_of_the_day(cards: Sequence[Card], day: date) -> Card | None:
    """The same card all day, a different one each day; light or deeper cards only, in an
    order shuffled once (so consecutive days do not walk through one deck)."""
    daily = sorted((c for c in cards if c.depth in DAILY_DEPTHS), key=lambda c: c.id)
    if not daily:
        return None
    random.Random(7).shuffle(daily)
    return daily[day.toordinal() % len(daily)]


def first_to_answer(day: date) -> int:
    """Who answers the question of the day first: it alternates day by day, so neither
    partner is always the one who goes first (or always the one who waits)."""
    return (day.toordinal() + 1) % 2


def next_to_answer(question: DailyQuestion) -> int | None:
    """The seat to answer now: the one who has not answered yet, or today's first."""
    has = answered(question)
    if all(has):
        return None
    if any(has):
        return 0 if has[1] else 1
    return first_to_answer(question.day)


def todays(questions: Iterable[DailyQuestion], day: date) -> DailyQuestion | None:
    return next((q for q in questions if q.day == day), None)


def answered(question: DailyQuestion | None) -> tuple[bool, bool]:
    if question is None:
        return (False, False)
    answers = list(question.answers) + ["", ""]
    return (bool(answers[0].strip()), bool(answers[1].strip()))


def both_answered(question: DailyQuestion | None) -> bool:
    return all(answered(question))


def visible_answers(question: DailyQuestion) -> list[str]:
    """What may be shown: both answers once both have answered, else nothing at all."""
    return list(question.answers) if both_answered(question) else ["", ""]
