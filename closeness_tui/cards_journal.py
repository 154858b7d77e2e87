"""The journal's entries for conversation cards, questions of the day, profiles and the
guessing game (pure; journal.py adds them to the timeline, so the journal screen and the
Markdown export show them). A question of the day answered by one partner only shows no
words: the first answer stays hidden until both have answered, in the journal too."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from string import Template

from closeness_tui.cards import PASSED, both_answered
from closeness_tui.journal import Block, Entry, _entry, _who
from closeness_tui.models import BOTH, CardPlay, DailyQuestion, GuessRound, Profile

CARD, QUESTION, PROFILE, GUESS = "card", "question", "profile", "guess"
KINDS = (CARD, QUESTION, PROFILE, GUESS)


def _words():  # -> cards_text.Journal
    from closeness_tui.cards_text import cards_text

    return cards_text().journal


def _fill(template: str, **values: str) -> str:
    return Template(template).safe_substitute(**values)


def card_entry(play: CardPlay, names: Sequence[str]) -> Entry:
    words = _words()
    blocks = [Block(_who(names, BOTH), words.question, play.question)]
    if play.outcome == PASSED:
        blocks.append(Block(names[1 - play.asker], words.passed, ""))
    for seat, note in enumerate(play.notes[:2]):
        if note.strip():
            blocks.append(Block(names[seat], words.note, note))
    return _entry(CARD, play.played_at, (0, 1), "", play.id, blocks)


def question_entry(q: DailyQuestion, names: Sequence[str]) -> Entry:
    words = _words()
    blocks = [Block(_who(names, BOTH), words.question, q.question)]
    done = both_answered(q)
    if done:
        blocks += [Block(names[s], words.answer, q.answers[s]) for s in (0, 1)]
    at = q.updated_at
    if at is None:
        from datetime import datetime, time

        at = datetime.combine(q.day, time(12, 0))
    return _entry(QUESTION, at, (0, 1), "", q.id, blocks, finished=done)


def profile_entry(p: Profile, names: Sequence[str], labels: dict[str, str]) -> Entry:
    """One saved version of a profile: every filled field, by its label."""
    blocks = []
    for field, label in labels.items():
        value = getattr(p, field)
        if isinstance(value, list):
            value = ", ".join(value)
        if value:
            blocks.append(Block(names[p.seat], label, value))
    return _entry(PROFILE, p.saved_at, (p.seat,), names[p.seat], p.id, blocks)


def guess_entry(g: GuessRound, names: Sequence[str], questions: dict[str, str]) -> Entry:
    words = _words()
    other = names[1 - g.guesser]
    blocks = [
        Block(names[g.guesser], _fill(questions.get(f, f), other=other), guess)
        for f, guess in g.guesses.items()
        if guess
    ]
    title = _fill(words.guess, name=names[g.guesser])
    return _entry(GUESS, g.played_at, (0, 1), title, g.id, blocks)


def entries(
    names: Sequence[str],
    plays: Iterable[CardPlay] = (),
    questions: Iterable[DailyQuestion] = (),
    profiles: Iterable[Profile] = (),
    guesses: Iterable[GuessRound] = (),
) -> list[Entry]:
    from closeness_tui.profiles_text import profiles_text

    text = profiles_text()
    fields = ("love", "stress", "flooded", "flooded_note", "rhythm", "joys", "worries", "hopes")
    labels = {
        f: _fill(getattr(text.profile, f), name="").replace("  ", " ").strip() for f in fields
    }
    asked = dict(text.guess.questions)
    out = [card_entry(p, names) for p in plays if p.outcome != PASSED or any(p.notes)]
    out += [question_entry(q, names) for q in questions]
    out += [profile_entry(p, names, labels) for p in profiles]
    out += [guess_entry(g, names, asked) for g in guesses]
    return out


def from_store(store: object, names: Sequence[str]) -> list[Entry]:
    get = store.all  # type: ignore[attr-defined]
    return entries(names, get(CardPlay), get(DailyQuestion), get(Profile), get(GuessRound))


def kind_labels() -> dict[str, str]:
    kinds = _words().kinds
    return {k: getattr(kinds, k) for k in KINDS}
