"""Two conditions a review rule may carry (content/istatement.toml), each tested on a reviewer
with one made-up rule, so the condition is seen apart from the shipped patterns:

- `whole_text`: only when the match is all the text holds, besides spaces, quotes and the marks
  that end a sentence ("I'm fine." said on its own closes the talk; inside a text it does not);
- `after_person`: only when what comes before the match in its sentence names one person (a
  name, "he", "they", "my mother": the `person_lead` macro), as in "Henry is aggressive."
"""

from __future__ import annotations

import msgspec
import pytest

from closeness_tui.istatement import Reviewer
from closeness_tui.istatement_content import Rule, feelings, istatement_text


def _reviewer(whole_text: bool = False, after_person: bool = False) -> Reviewer:
    rule = Rule(
        kind="demand",
        pattern=r"\b(?:i'm\s+fine|is\s+grumpy|grumbles)\b",
        whole_text=whole_text,
        after_person=after_person,
    )
    return Reviewer(msgspec.structs.replace(istatement_text(), rules=[rule]), feelings())


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("I'm fine.", True),
        ("I'm fine", True),
        ("  I'm fine...  ", True),
        ('"I\u2019m fine!"', True),
        ("I'm fine?", True),
        ("I'm fine, thanks for asking.", False),
        ("Don't worry. I'm fine.", False),
        ("I'm fine. How was your day?", False),
        ("Well, I'm fine.", False),
    ],
)
def test_whole_text(text, found):
    assert bool(_reviewer(whole_text=True).review(text)) is found


def test_without_whole_text_the_same_words_are_found_anywhere():
    assert _reviewer().review("Don't worry. I'm fine, really.")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Henry is grumpy.", True),
        ("He is grumpy.", True),
        ("They grumbles.", True),
        ("My mother is grumpy.", True),
        ("Our neighbour grumbles.", True),
        ("We had lunch. Henry is grumpy.", True),  # its own sentence
        ("Henry-Paul is grumpy.", True),
        ("It is grumpy.", False),  # not a person
        ("This is grumpy.", False),
        ("Life is grumpy.", False),
        ("I grumbles.", False),  # the partner and oneself are other rules' work
        ("You grumbles.", False),
        ("The cat is grumpy.", False),  # two words, not "my <relation>"
        ("My car is grumpy.", False),
        ("When Henry is grumpy.", False),
        ("is grumpy.", False),  # nobody named
    ],
)
def test_after_person(text, found):
    assert bool(_reviewer(after_person=True).review(text)) is found
