"""A list of words as one regular expression that `re` matches quickly: shared beginnings
written once ("a(?:bandoned|ttacked)" rather than "abandoned|attacked").

`re` tries the alternatives of "w1|w2|...|wn" one after another at every place it looks, so a
list of 300 labels costs 300 tries per word of the text. Grouped by first character (then by
the next, and so on), only the alternatives that can still match are tried.

The grouping never changes what matches: the words are listed longest first, and `re` takes the
first alternative with which the rest of the pattern matches. Words whose next characters differ
(two letters, or a letter and a run of spaces) can never both match at one place, so trying one
group before another changes nothing, and inside a group the words keep their order. Where that
cannot be told for sure (a "-" that may be left out, a character that ignoring case could make
equal to another), the words at that point are left as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

SPACES = r"\s+"  # a space in a word: any run of whitespace
DASH = r"[-\s]?"  # "self-centred", "self centred" and "selfcentred" are the same word


def tokens(word: str) -> list[str]:
    """The word as regex pieces, one per character."""
    return [SPACES if ch == " " else DASH if ch == "-" else re.escape(ch) for ch in word]


def alternation(words: Iterable[str]) -> str:
    """One group matching any of the words (stripped, lower case), longest first."""
    # Longest first (then alphabetical, so the pattern is the same on every run).
    ordered = sorted({w.strip().lower() for w in words if w.strip()}, key=lambda w: (-len(w), w))
    return "(?:" + _grouped([tokens(w) for w in ordered]) + ")"


def _exclusive(token: str) -> bool:
    """Can this piece never match where a different exclusive piece matches?"""
    if token == SPACES:
        return True
    ch = token[1:] if token.startswith("\\") and len(token) == 2 else token
    return len(ch) == 1 and ch.isascii() and not ch.isspace()


def _grouped(alternatives: list[list[str]]) -> str:
    """The alternatives (in order, each a list of pieces) with shared first pieces factored."""
    return "|".join(_factored(alternatives))


def _factored(alternatives: list[list[str]]) -> list[str]:
    firsts = [alt[0] for alt in alternatives if alt]
    ended = len(firsts) < len(alternatives)
    plain = ["".join(alt) for alt in alternatives]
    if len(alternatives) == 1 or not all(_exclusive(t) for t in firsts):
        return plain
    if ended and alternatives[-1]:  # an empty rest that is not last: keep the order as it is
        return plain
    groups: dict[str, list[list[str]]] = {}
    for alt in alternatives:
        if alt:
            groups.setdefault(alt[0], []).append(alt[1:])
    out = []
    for first, rests in groups.items():
        inner = _factored(rests)
        out.append(first + (inner[0] if len(inner) == 1 else "(?:" + "|".join(inner) + ")"))
    if ended:
        out.append("")
    return out
