"""The conversation cards' rules, table-driven: drawing with the no-repeat rule, whose turn
it is, the question of the day and its hidden-until-both rule, and the decks as content."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest

from closeness_tui.cards import (
    PASSED,
    TALKED,
    Card,
    PlaySession,
    answered,
    both_answered,
    card_id,
    cards_of,
    draw,
    duplicates,
    next_to_answer,
    play_record,
    question_of_the_day,
    resting,
    roles,
    todays,
    visible_answers,
)
from closeness_tui.cards_text import DEPTHS, cards_text
from closeness_tui.models import CardPlay, DailyQuestion

NOW = datetime(2026, 11, 21, 20, 0, tzinfo=UTC)
CARDS = [
    Card("a:1", "a", "light", "one"),
    Card("a:2", "a", "deeper", "two"),
    Card("a:3", "a", "deep", "three"),
    Card("b:1", "b", "light", "four"),
]


def _play(cid: str, days_ago: float, outcome: str = TALKED) -> CardPlay:
    return CardPlay(
        card_id=cid,
        deck=cid[0],
        question="?",
        asker=0,
        played_at=NOW - timedelta(days=days_ago),
        outcome=outcome,
    )


@pytest.mark.parametrize(
    ("plays", "expected"),
    [
        ([], set()),
        ([_play("a:1", 1)], {"a:1"}),  # talked about yesterday: rests
        ([_play("a:1", 29.9)], {"a:1"}),
        ([_play("a:1", 30)], set()),  # rest_days is 30: back on the 30th day
        ([_play("a:1", 3, PASSED)], {"a:1"}),  # passed three days ago: rests a little
        ([_play("a:1", 7, PASSED)], set()),  # passed a week ago: back
        ([_play("a:1", 40), _play("a:1", 2, PASSED)], {"a:1"}),  # the recent pass counts
        ([_play("a:1", 2, PASSED), _play("a:1", 10)], {"a:1"}),  # a pass does not cut
        ([_play("a:1", 10, PASSED), _play("a:1", 31)], set()),  # shorten a talk's rest
        ([_play("a:1", 1), _play("b:1", 100)], {"a:1"}),
    ],
)
def test_resting(plays, expected):
    assert resting(plays, NOW, rest_days=30, pass_days=7) == expected


@pytest.mark.parametrize(
    ("kwargs", "allowed"),
    [
        ({}, {"a:1", "a:2", "a:3", "b:1"}),
        ({"deck": "a"}, {"a:1", "a:2", "a:3"}),
        ({"depth": "light"}, {"a:1", "b:1"}),
        ({"deck": "a", "depth": "deep"}, {"a:3"}),
        ({"resting_ids": {"a:1"}, "depth": "light"}, {"b:1"}),
        ({"skip": ["a:1", "a:2"], "deck": "a"}, {"a:3"}),
        ({"resting_ids": {"a:3"}, "deck": "a", "depth": "deep"}, set()),  # all used: None
        ({"deck": "nope"}, set()),
    ],
)
def test_draw_respects_choice_and_rest(kwargs, allowed):
    seen = {draw(CARDS, random.Random(seed), **kwargs) for seed in range(60)}
    assert {c.id for c in seen if c is not None} == allowed
    assert (None in seen) == (not allowed)


@pytest.mark.parametrize(
    ("first", "n", "expected"),
    [(0, 0, (0, 1)), (0, 1, (1, 0)), (0, 2, (0, 1)), (1, 0, (1, 0)), (1, 3, (0, 1))],
)
def test_roles_alternate(first, n, expected):
    assert roles(first, n) == expected


def test_session_swaps_roles_after_talk_or_pass():
    session = PlaySession(first_asker=1)
    assert session.roles == (1, 0)
    session.show(CARDS[0])
    assert session.finish(TALKED) == CARDS[0]
    assert session.roles == (0, 1)
    session.show(CARDS[1])
    session.finish(PASSED)  # a pass is a turn like any other; it costs nothing
    assert session.roles == (1, 0)
    assert (session.talked, session.passed, session.drawn) == (1, 1, ["a:1", "a:2"])
    assert session.finish(TALKED) is None  # nothing shown: nothing changes
    assert session.talked == 1


def test_play_record_keeps_words_and_notes():
    record = play_record(CARDS[2], 1, PASSED, NOW, ["[b]x[/b]", "🌙"])
    assert (record.question, record.asker, record.outcome, record.notes) == (
        "three",
        1,
        PASSED,
        ["[b]x[/b]", "🌙"],
    )


def test_question_of_the_day_is_stable_and_changes_daily():
    cards = cards_of(cards_text().decks)
    days = [date(2026, 11, 1) + timedelta(days=n) for n in range(30)]
    picks = [question_of_the_day(cards, d) for d in days]
    assert picks == [question_of_the_day(cards, d) for d in days]  # same all day
    assert len({p.id for p in picks if p}) == 30  # a month without a repeat
    assert all(p is not None and p.depth in ("light", "deeper") for p in picks)
    assert question_of_the_day([CARDS[2]], days[0]) is None  # only deep cards: none


@pytest.mark.parametrize(
    ("answers", "each", "both", "visible"),
    [
        (["", ""], (False, False), False, ["", ""]),
        (["mine", ""], (True, False), False, ["", ""]),  # the first stays hidden
        (["", " \n"], (False, False), False, ["", ""]),
        (["mine", "yours"], (True, True), True, ["mine", "yours"]),
    ],
)
def test_daily_answers_hidden_until_both(answers, each, both, visible):
    q = DailyQuestion(day=NOW.date(), card_id="a:1", question="?", answers=answers)
    assert answered(q) == each
    assert both_answered(q) is both
    assert visible_answers(q) == visible


@pytest.mark.parametrize(
    ("day", "answers", "expected"),
    [
        (date(2026, 11, 21), ["", ""], 0),  # Ana goes first today
        (date(2026, 11, 22), ["", ""], 1),  # and Ben tomorrow
        (date(2026, 11, 23), ["", ""], 0),
        (date(2026, 11, 22), ["", "mine"], 0),  # Ben answered: Ana's turn
        (date(2026, 11, 21), ["mine", ""], 1),
        (date(2026, 11, 21), ["mine", "yours"], None),  # both answered: nobody's turn
    ],
)
def test_who_answers_the_question_of_the_day(day, answers, expected):
    q = DailyQuestion(day=day, card_id="a:1", question="?", answers=answers)
    assert next_to_answer(q) == expected


def test_todays_question():
    old = DailyQuestion(day=date(2026, 11, 20), card_id="a:1", question="?")
    new = DailyQuestion(day=date(2026, 11, 21), card_id="a:2", question="?")
    assert todays([old, new], date(2026, 11, 21)) is new
    assert todays([old], date(2026, 11, 21)) is None
    assert answered(None) == (False, False)


def test_card_ids_are_stable_and_distinct():
    assert card_id("open", "Hello?") == card_id("open", "Hello?")
    assert card_id("open", "Hello?") != card_id("memories", "Hello?")


# -- the decks as content ----------------------------------------------------------------------


DECKS = cards_text().decks


def test_at_least_eight_decks_with_distinct_ids():
    assert len(DECKS) >= 8
    assert len({d.id for d in DECKS}) == len(DECKS)


@pytest.mark.parametrize("deck", DECKS, ids=lambda d: d.id)
def test_each_deck_size_and_depth_spread(deck):
    depths = Counter(depth for depth, _ in deck.cards)
    assert len(deck.cards) >= 30
    # Every deck can be played light, deeper or deep: at least five of each.
    assert {d: depths[d] >= 5 for d in DEPTHS} == dict.fromkeys(DEPTHS, True), depths


def test_no_card_repeats_another():
    cards = cards_of(DECKS)
    assert duplicates(cards) == []
    assert len({c.id for c in cards}) == len(cards)


def test_duplicates_ignores_case_and_punctuation():
    twins = [Card("x:1", "x", "light", "What now?"), Card("y:1", "y", "deep", "what now")]
    assert duplicates(twins) == ["what now"]
