"""The review's fallback rules: general rules for what the specific ones miss.

`keep_fallbacks` keeps a fallback finding only in a sentence where no other rule found anything,
and only the first one of each sentence; the rules themselves (a you-statement, a bare order)
leave warm talk alone. The labelled table (tests/data/review_cases.txt) holds their cases too.
"""

from __future__ import annotations

import pytest

from closeness_tui.istatement import Finding, keep_fallbacks, review


def _f(kind: str, start: int, end: int) -> Finding:
    return Finding(kind, start, end, "m", "s")


# Sentences of a made-up text: [0, 10), [10, 20), [20, 30).
def _sentence_of(at: int) -> tuple[int, int]:
    lo = at // 10 * 10
    return lo, lo + 10


@pytest.mark.parametrize(
    ("spare", "found", "kept"),
    [
        ([_f("blame", 0, 3)], [], [_f("blame", 0, 3)]),  # nothing else: shown
        ([_f("blame", 0, 3)], [_f("label", 5, 8)], []),  # a specific finding in the sentence
        ([_f("blame", 0, 3)], [_f("label", 12, 15)], [_f("blame", 0, 3)]),  # another sentence
        # two fallbacks in one sentence: the first only
        ([_f("demand", 4, 6), _f("blame", 0, 3)], [], [_f("blame", 0, 3)]),
        # one per sentence, in text order
        (
            [_f("blame", 21, 24), _f("demand", 1, 2)],
            [_f("absolute", 11, 13)],
            [_f("demand", 1, 2), _f("blame", 21, 24)],
        ),
        ([], [_f("label", 0, 3)], []),
    ],
)
def test_keep_fallbacks(spare, found, kept):
    assert keep_fallbacks(spare, found, _sentence_of) == kept


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        ("You just sat on the sofa all evening!", "About them, not about you"),
        ("Ben, you spend every weekend at the golf club.", "About them, not about you"),
        ("How come you get to decide where we go?", "About them, not about you"),
        ("Hurry up!", "An order"),
        ("Don't touch my things!", "An order"),
    ],
)
def test_a_fallback_says_what_it_is(sentence, title):
    assert [f.title for f in review(sentence)] == [title]


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        # a specific rule's own title wins over the fallback's
        ("You never listen to me.", "Always / never"),
        ("You're so selfish.", "A label"),
        ("Stop interrupting me!", "A demand"),
    ],
)
def test_a_specific_title_wins(sentence, title):
    titles = [f.title for f in review(sentence)]
    assert title in titles
    assert "About them, not about you" not in titles
    assert "An order" not in titles


@pytest.mark.parametrize(
    "sentence",
    [
        "You look lovely.",
        "You did a great job.",
        "You should see the sunset.",
        "You never give up, and I love that about you.",
        "Are you okay?",
        "You okay?",
        "Do you want tea?",
        "Would you be willing to walk with me after dinner?",
        "I feel upset when you don't help with the dishes.",
        "When you came home late, I felt lonely.",
        "I'd like you to call when you're running late.",
        "Could you text me if you'll be late?",
        "You must be exhausted after the night shift.",
        "You're hurting me.",
        "Come here!",
        "Don't forget your keys!",
        "Don't worry!",
        "You lied to me about the money.",
    ],
)
def test_warm_talk_and_i_statements_stay_clean(sentence):
    assert review(sentence) == []


def test_abused_is_never_coached():
    for sentence in ("I feel abused.", "You abused me!", "You abuse me."):
        assert review(sentence) == []


def test_the_fallback_points_at_the_words_that_start_the_sentence():
    text = "I made dinner. Honestly, you just sat there!"
    (finding,) = review(text)
    assert text[finding.start : finding.end].lower().startswith("you")


def test_the_fallback_rules_must_come_last():
    from pathlib import Path

    from closeness_tui.content import ContentError, parse
    from closeness_tui.istatement_content import IStatementText

    source = (Path(__file__).resolve().parents[2] / "content" / "istatement.toml").read_text()
    late = "\n[[rules]]\nkind = \"label\"\npattern = '''\\bgrumpypants\\b'''\n"
    at = source.index("\n# -- word lists")
    with pytest.raises(ContentError, match="fallback rules must come last"):
        parse("istatement.toml", source[:at] + late + source[at:], IStatementText)


@pytest.mark.parametrize(
    ("sentence", "warm"),
    [
        ("You look lovely tonight.", True),  # a warm word
        ("You don't like my friends, love.", False),  # warm words, but a negation after "you"
        ("Oh great, you're here!", True),  # warmth before the match counts too
        ("You must be tired after that trip.", True),  # an empathy guess
        ("Don't worry, you can tell me later.", True),  # a kind negation
        ("Why did you come home early? Is everything okay?", True),  # the next sentence
        ("Why did you come home early?", False),
    ],
)
def test_warm_talk_is_read_from_the_whole_sentence(sentence, warm):
    fallback_titles = {"About them, not about you", "A why question", "An order"}
    titles = {f.title for f in review(sentence)}
    assert (not titles & fallback_titles) is warm
