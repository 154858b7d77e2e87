"""The review's engine: where a rule may begin (review_heads), word lists as grouped alternations
(word_alternation) and the word before a match, each against the plain way it replaces.

The plain ways are the reference: a scan of the whole text with every pattern, a flat list of
alternatives, a regex search. The fast ways must give exactly the same answers."""

from __future__ import annotations

import copy
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from closeness_tui.istatement import (
    _SENTENCE_END,
    _WORD_BEFORE,
    Reviewer,
    _lower,
    _sentence_ends,
    _word_before,
    reviewer,
)
from closeness_tui.review_heads import SPACES, HeadIndex, heads
from closeness_tui.word_alternation import alternation

S = SPACES

# -- heads: what every match begins with -------------------------------------------------------

HEADS = [
    (r"\byou\b", {("you", True)}),
    (r"you", {("you", False)}),
    (r"\b(?:you|u)\s+better", {(f"you{S}better", True), (f"u{S}better", True)}),
    (r"\bi(?:'m|\s+am)?\s+feel", {(f"i{S}am", True), (f"i{S}feel", True), ("i'm", True)}),
    (r"\bab(?:c|d)?e", {("abce", True), ("abde", True), ("abe", True)}),
    (r"\b(?:x|y)+z", {("x", True), ("y", True)}),
    (r"\bx?y", {("xy", True), ("y", True)}),
    (r"\bor\s+else\b|\bend\s+of\s+story", {(f"or{S}else", True), (f"end{S}of", True)}),
    # a \b counts only where nothing was consumed since it
    (r"a\b(?:b|c)", {("ab", False), ("ac", False)}),
    # cut after the second word: all the index looks at
    (r"\bi\s+told\s+you\s+so", {(f"i{S}told", True)}),
    (r"(?<!not\s)\bstop\b", {("stop", True)}),
    (r"\bstop(?=\s*[.!])", {("stop", True)}),
    (r"\bsee\s*you", {("see", True)}),
    (r"\bthanks,\s+you", {(f"thanks,{S}you", True)}),
]

NOTHING_KNOWN = [
    r"[^a]b",  # a class first: may begin anywhere
    r"\s+you",  # spaces first
    r".you",
    r"(?i)you",  # a flag: letters in any case
    r"a*b",  # may begin with b or a
    r"(?:a|)b",
    r"^you",
    r"(a)\1",
]


@pytest.mark.parametrize(("pattern", "expected"), HEADS, ids=[p for p, _ in HEADS])
def test_heads_are_the_literal_words_every_match_starts_with(pattern, expected):
    assert heads(pattern) == frozenset(expected)


@pytest.mark.parametrize("pattern", NOTHING_KNOWN)
def test_a_pattern_that_may_begin_anywhere_has_no_heads(pattern):
    found = heads(pattern)
    assert found is None or all(lit for lit, _ in found)
    if found is not None:  # only a prefix every match really has
        text = "xx ab b aab you  you\nyou" + "".join(lit for lit, _ in found)
        for m in re.finditer(pattern, text):
            assert any(text.startswith(lit, m.start()) for lit, _ in found if S not in lit)


def test_every_rule_of_the_content_has_heads():
    r = reviewer()
    assert all(heads(r.expand(rule.pattern)) is not None for rule in r.text.rules)


# -- the index: every place a rule may begin ---------------------------------------------------

INDEX = [
    # (heads of each rule, text, places per rule)
    ([{("you", True)}], "you said your yoyo you", [[0, 9, 19]]),
    ([{(f"you{S}better", True)}], "you better, you  better you\nbetter you bet", [[0, 12, 24]]),
    ([{("it's", True)}], "it's its it s it's", [[0, 14]]),
    ([{(f"awesome,{S}you", True)}], "awesome, you awesome,you awesome , you", [[0]]),
    ([{("you", False)}], "bayou you", [[2, 6]]),
    ([None, {("i", True)}], "i is in i", [None, [0, 2, 5, 8]]),
    ([{("non-negotiable", True)}], "non-negotiable non negotiable", [[0]]),
    # what stands between two words may run over several spaces and runs without a word
    ([{(f"awesome,{S}you", True)}], "awesome,  you awesome, \n you awesome , you", [[0, 14]]),
    ([{(f"you{S}-{S}better", True)}], "you - better you -- better you -better", [[0]]),
    ([{(f"or{S}else", True), ("u", True)}], "or , else or   else u", [[10, 20]]),
    # the same run at the end of the text and before two spaces
    ([{(f"you{S}better", True)}], "you  better you", [[0]]),
]


@pytest.mark.parametrize(("rule_heads", "text", "places"), INDEX)
def test_the_index_finds_every_place_a_rule_may_begin(rule_heads, text, places):
    index = HeadIndex([frozenset(h) if h is not None else None for h in rule_heads])
    assert index.starts(text) == places
    assert index.starts(text) == places  # again, from its memory of the words


WORDS = [
    "you",
    "u",
    "your",
    "you're",
    "i",
    "i'm",
    "feel",
    "felt",
    "like",
    "never",
    "always",
    "stop",
    "or",
    "else",
    "please",
    "so",
    "selfish",
    "lazy",
    "ignored",
    "every",
    "time",
    "make",
    "me",
    "it's",
    "all",
    "the",
    "what",
    "how",
    "can't",
    "why",
    "thanks",
    "for",
    "nothing",
    "don't",
    "be",
    "we",
    "should",
    "if",
    "leave",
    "must",
    "nice",
    "oh",
    "great",
    "another",
    "wow",
    "actually",
    "Bob",
    "love",
    "it",
    "that",
    "not",
    "caring",
    "😀",
    "İ",
]
SEPARATORS = [" ", " ", " ", "  ", ", ", ". ", "! ", "? ", "\n", "; ", " - ", "'", "\u2019", ""]
texts = st.tuples(
    st.lists(
        st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), min_size=1, max_size=30
    ),
    st.booleans(),
).map(lambda t: "".join(w + s for w, s in t[0])[: None if t[1] else -1] or "you")


def _scanning(r: Reviewer) -> Reviewer:
    """The same reviewer, scanning the whole text with every rule (the engine before heads)."""

    class ScanAll:
        def starts(self, norm: str) -> list[None]:
            return [None] * len(r.rules)

    plain = copy.copy(r)
    plain.index = ScanAll()  # type: ignore[assignment]
    return plain


@settings(max_examples=300, deadline=None)
@given(texts)
@example("Bob, you better stop")
@example("You better")
@example("I feel that you never listen. Stop")
def test_the_index_misses_no_place_any_rule_matches(text):
    r = reviewer()
    norm = _lower(text.lower())
    for compiled, places in zip(r.rules, r.index.starts(norm), strict=True):
        assert places is not None
        assert places == sorted(set(places))
        at = set(places)
        for pos in range(len(norm) + 1):
            if compiled.regex.match(norm, pos) and not (
                compiled.boundary and pos and (norm[pos - 1].isalnum() or norm[pos - 1] == "_")
            ):
                assert pos in at, (compiled.rule.pattern[:60], pos)


@settings(max_examples=200, deadline=None)
@given(texts)
@example("You never listen, you're so selfish; I feel ignored and used. Stop")
def test_the_review_finds_what_a_scan_of_the_whole_text_finds(text):
    r = reviewer()
    assert r.review(text) == _scanning(r).review(text)


# -- word lists as one grouped alternation ------------------------------------------------------


def _flat(words) -> str:
    """The alternation as it was written before grouping: every word, longest first."""
    ordered = sorted({w.strip().lower() for w in words if w.strip()}, key=len, reverse=True)
    return (
        "(?:"
        + "|".join(re.escape(w).replace(r"\ ", r"\s+").replace(r"\-", r"[-\s]?") for w in ordered)
        + ")"
    )


ALTERNATIONS = [
    (["abandoned", "attacked"], "(?:a(?:bandoned|ttacked))"),
    (["a", "ab", "abc"], "(?:a(?:b(?:c|)|))"),
    (["put upon", "put down"], r"(?:put\s+(?:down|upon))"),
    (["self-centred", "selfish"], r"(?:self(?:[-\s]?centred|ish))"),
    # a "-" that may be left out sits beside other letters: those are left as they are
    (["ab", "a-c"], r"(?:a(?:[-\s]?c|b))"),
    (["x-y", "xz"], r"(?:x(?:[-\s]?y|z))"),
    (["used"], "(?:used)"),
]


@pytest.mark.parametrize(("words", "expected"), ALTERNATIONS)
def test_shared_beginnings_are_written_once(words, expected):
    assert alternation(words) == expected


LETTERS = ["a", "b", "ab", "ba", "a b", "a-b", "ab-c", "abc", "a  b", "b-a", "aa", "c", "é", "É"]
TAILS = ["", r"\b", r"(?![\w'])", "c", r"\s", r"b*$"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(LETTERS), min_size=1, max_size=8),
    st.text(alphabet="abcé -'\n", max_size=30),
    st.sampled_from(TAILS),
    st.booleans(),
)
def test_a_grouped_alternation_matches_exactly_what_the_flat_one_does(words, text, tail, nocase):
    flags = re.IGNORECASE if nocase else 0
    grouped = re.compile(alternation(words) + tail, flags)
    flat = re.compile(_flat(words) + tail, flags)
    for pos in range(len(text) + 1):
        a, b = grouped.match(text, pos), flat.match(text, pos)
        assert (a and a.span()) == (b and b.span())
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_the_content_word_lists_still_match_every_word():
    r = reviewer()
    labels = re.compile(r"\b" + r.macros["label"] + r"\b")
    for word in r.text.lists.labels:
        w = word.strip().lower()
        assert labels.fullmatch(w), w


# -- the word before a match --------------------------------------------------------------------


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab '_.,\n1é", max_size=60), st.integers(min_value=0, max_value=60))
def test_the_word_before_is_what_the_regex_captures(text, at):
    at = min(at, len(text))
    expected = _WORD_BEFORE.search(text, max(0, at - 40), at)
    assert _word_before(text, at) == (expected.group(1) if expected else None)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .!?\n\u2026", max_size=40))
def test_sentence_ends_are_where_the_regex_finds_them(text):
    assert _sentence_ends(text) == [m.end() for m in _SENTENCE_END.finditer(text)]
