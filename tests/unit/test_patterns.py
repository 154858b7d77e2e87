"""Patterns, gently: the "same topic keeps coming back" rule, table-driven."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from closeness_tui.patterns import Kept, Talk, returning_topic, similar, words

TODAY = date(2026, 11, 21)


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


CASES = [
    # three similar talks within eight weeks: the newest wording
    ([(1, "the dishes"), (10, "dishes again"), (30, "Dishes!")], [], [], "the dishes"),
    # only two
    ([(1, "the dishes"), (10, "dishes again")], [], [], None),
    # the third is older than eight weeks
    ([(1, "money"), (10, "money"), (57, "money")], [], [], None),
    # eight weeks exactly still counts
    ([(1, "money"), (10, "money"), (56, "money")], [], [], "money"),
    # different topics
    ([(1, "money"), (2, "the dishes"), (3, "his mother")], [], [], None),
    # a solution kept on the topic since it first came up
    ([(1, "money"), (10, "money talk"), (20, "money")], [(15, "money")], [], None),
    # a kept solution from before the talks does not count
    ([(1, "money"), (10, "money"), (20, "money")], [(40, "money")], [], "money"),
    # a kept solution on another topic does not count
    ([(1, "money"), (10, "money"), (20, "money")], [(5, "dishes")], [], "money"),
    # dismissed for this topic
    ([(1, "money"), (10, "money"), (20, "money")], [], ["Money"], None),
    # empty topics never count
    ([(1, ""), (2, ""), (3, "  ")], [], [], None),
    # plural and small words fold away
    ([(1, "chores"), (3, "the chore"), (5, "our chores again")], [], [], "chores"),
    # a future talk (clock skew) is not counted
    ([(-3, "money"), (1, "money"), (2, "money")], [], [], None),
]


@pytest.mark.parametrize(("talks", "kept", "dismissed", "expected"), CASES)
def test_returning_topic(talks, kept, dismissed, expected):
    found = returning_topic(
        [Talk(ago(d), t) for d, t in talks],
        [Kept(ago(d), t) for d, t in kept],
        TODAY,
        dismissed,
    )
    assert found == expected


SIMILAR = [
    ("the dishes", "dishes", True),
    ("money for the holidays", "holiday money", True),
    ("money", "his mother", False),
    ("visiting his mother at Christmas", "Christmas plans", True),
    ("visiting his mother at Christmas", "his mother", True),
    ("weekend plans with friends", "friends", True),
    ("weekend plans with friends", "work", False),
    ("", "", False),
    ("שלום בית", "שלום", True),
    ("[/] 😢", "[/]", False),
]


@pytest.mark.parametrize(("a", "b", "expected"), SIMILAR)
def test_similar(a, b, expected):
    assert similar(a, b) is expected


def test_words_fold_case_plurals_and_small_words():
    assert words("The DISHES, again!") == words("dish") == frozenset({"dish"})
    assert words("our chores") == frozenset({"chore"})
    assert words("glass") == frozenset({"glass"})
