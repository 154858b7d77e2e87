"""Where a review rule's match can begin: the literal words every match of a pattern starts with.

The review runs ~75 patterns over a text. Scanning the whole text with each one costs most of
the review's time, yet nearly all of them can only begin at a handful of words ("you", "i",
"every", "stop" ...). `heads(pattern)` reads the pattern (with the standard library's own
regular-expression parser) and returns the literal strings every match begins with, each with
whether a word boundary comes just before it. The review then tries the pattern only where one
of those strings stands, which finds exactly the matches a scan would (see Reviewer.review).

When the pattern does not say (it may begin with a character class, a flag, a back-reference,
or too many alternatives), `heads` returns None and the rule is scanned as before: the answer
is always either a safe over-approximation or nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import accumulate
from typing import Any

try:  # the stdlib's parser (sre_parse until 3.11); without it every rule is simply scanned
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - a Python without them
    _c = _p = None

Head = tuple[str, bool]  # (literal the match begins with, a word boundary is just before it)
SPACES = "\0"  # in a head: a run of one or more whitespace characters (\s+)
_LIMIT = 300  # more alternatives than this and the rule is scanned instead
_ZERO_WIDTH = ("ASSERT", "ASSERT_NOT")
_FEW = 8  # a class of up to this many letters is read as that many alternatives
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def heads(pattern: str) -> frozenset[Head] | None:
    """The literal strings every match of `pattern` starts with, or None when unknown."""
    if _p is None:
        return None
    try:
        parsed = _p.parse(pattern)
        if parsed.state.flags & (_c.SRE_FLAG_IGNORECASE | _c.SRE_FLAG_VERBOSE):
            return None
        found = _heads(list(parsed.data), 0, False)
    except Exception:  # noqa: BLE001 - any surprise in a private parser: just scan the rule
        return None
    if found is None or any(lit.startswith(SPACES) for lit, _, _ in found):
        return None
    return frozenset(_two_words(lit, boundary, False)[:2] for lit, boundary, _ in found)


# (literal, a \b just before it, the literal is the whole of what the sequence matches)
_Found = set[tuple[str, bool, bool]]


def _heads(items: list[Any], i: int, boundary: bool) -> _Found | None:
    """What every match of the sequence items[i:] begins with (None: nothing known), where
    `boundary` says a \b stands just before it."""
    prefix: list[str] = []
    while i < len(items):
        op, av = items[i]
        name = str(op)
        if name == "LITERAL":
            prefix.append(chr(av))
        elif name == "AT":
            if str(av) not in ("AT_BOUNDARY", "AT_UNI_BOUNDARY"):
                return _done(prefix, boundary)
            if not prefix:
                boundary = True
        elif name in _REPEATS and _spaces(av):
            if not prefix or prefix[-1] != SPACES:
                prefix.append(SPACES)
        elif name not in _ZERO_WIDTH:
            break
        i += 1
    lit = "".join(prefix)
    if i == len(items):
        return {(lit, boundary, True)} if lit else None
    op, av = items[i]
    name = str(op)
    # A \b counts for what follows only when nothing was consumed since it.
    inner = boundary and not lit
    once = True  # the group is matched exactly once: what follows it comes next
    subs: list[_Found | None]
    if name == "BRANCH":
        subs = [_heads(list(alt.data), 0, inner) for alt in av[1]]
    elif name == "SUBPATTERN":
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            return None
        subs = [_heads(list(sub.data), 0, inner)]
    elif name in _REPEATS:
        low, high, sub = av
        once = high == 1
        subs = [_heads(list(sub.data), 0, inner)]
    elif name == "IN" and 0 < len(av) <= _FEW and all(str(o) == "LITERAL" for o, _ in av):
        subs = [{(chr(ch), inner, True) for _, ch in av}]  # [sz], or (?:s|z) as re reads it
    else:
        return _done(prefix, boundary)
    body: _Found = set()
    for found in subs:
        if found is None:
            return _done(prefix, boundary)
        body |= found
    body = {(s, b, c and once) for s, b, c in body}
    if any(c for _, _, c in body):
        body = _extend(body, items, i + 1)
    if name in _REPEATS and av[0] == 0:  # it may be skipped: what follows may come first
        skipped = _heads(items, i + 1, inner)
        if skipped is None:
            return _done(prefix, boundary)
        body |= skipped
    if lit:
        body = {(_join(lit, s), boundary, c) for s, _, c in body}
    body = {_two_words(*head) for head in body}
    if len(body) > _LIMIT:  # too many: their first words alone may still be few
        body = {(_ONE_WORD.match(s).group(), b, False) for s, b, _ in body}  # type: ignore[union-attr]
    if len(body) > _LIMIT:
        return _done(prefix, boundary)
    return body


def _extend(found: _Found, items: list[Any], i: int) -> _Found:
    """Whole-literal heads of a group followed by what comes after it (when that is known and
    the combinations stay few); the rest stay as they are."""
    if i == len(items):
        return found
    after = _heads(items, i, False)
    if after is None:
        return {(s, b, False) for s, b, _ in found}
    whole = [(s, b) for s, b, c in found if c]
    if len(whole) * len(after) > _LIMIT:
        return {(s, b, False) for s, b, _ in found}
    out = {(s, b, False) for s, b, c in found if not c}
    out |= {_two_words(_join(s, t), b, c) for s, b in whole for t, _, c in after}
    return out


_ONE_WORD = re.compile(r"[^\w]*\w*")
_TWO_WORDS = re.compile(r"\w*[^\w]*\w*")


def _two_words(lit: str, boundary: bool, whole: bool) -> tuple[str, bool, bool]:
    """A head cut after its second word: all the index looks at (and so the sets stay small)."""
    end = _TWO_WORDS.match(lit).end()  # type: ignore[union-attr]
    return (lit, boundary, whole) if end == len(lit) else (lit[:end], boundary, False)


def _done(prefix: list[str], boundary: bool) -> _Found | None:
    lit = "".join(prefix)
    return {(lit, boundary, False)} if lit else None


def _join(lit: str, more: str) -> str:
    return lit + more[1:] if lit.endswith(SPACES) and more.startswith(SPACES) else lit + more


def _spaces(repeat: Any) -> bool:
    """Is this repeat \\s+ (one or more whitespace characters)?"""
    low, _high, sub = repeat
    if low < 1 or len(sub.data) != 1:
        return False
    op, av = sub.data[0]
    return str(op) == "IN" and [(str(o), str(a)) for o, a in av] == [("CATEGORY", "CATEGORY_SPACE")]


_WORD = re.compile(r"\w+")
_SPLIT = re.compile(r"(\W+)")  # words and what stands between them, alternately
_WHITESPACE = re.compile(r"\s+")
_MEMO_MAX = 50_000


def _between(separator: str) -> str:
    """What stands between two words, with each run of whitespace as one SPACES mark (a
    pattern's literal spaces and \\s+ read the same way, so a head and a text compare)."""
    if separator.isspace():
        return SPACES
    return _WHITESPACE.sub(SPACES, separator.replace(SPACES, " "))


def _by_letter(starts: dict[str, set[int]]) -> dict[str, tuple[tuple[str, set[int]], ...]]:
    """Word beginnings and their rules, grouped by first letter (looked up, then compared)."""
    grouped: dict[str, list[tuple[str, set[int]]]] = {}
    for start, rules in sorted(starts.items()):
        grouped.setdefault(start[0], []).append((start, rules))
    return {letter: tuple(pairs) for letter, pairs in grouped.items()}


# (offset, rules) of a run's words; its last word waiting for the next run; how it begins
_Run = tuple[
    tuple[tuple[int, tuple[int, ...]], ...], tuple[int, str, str] | None, tuple[str, str] | None
]


class HeadIndex:
    """For one list of rules (each with its heads, or None), where in a text each may begin.

    A head is read as up to two words: the first word a match begins with (a whole word, or
    the start of one when nothing more is known), then what stands between, then the start of
    the second word. Every word of a text is looked up once (memoised across texts)."""

    def __init__(self, rule_heads: Sequence[frozenset[Head] | None]) -> None:
        self._count = len(rule_heads)
        self._scanned = frozenset(i for i, h in enumerate(rule_heads) if h is None)
        self._starts: dict[str, set[int]] = {}  # the word starts with this
        self._exact: dict[str, set[int]] = {}  # the word is this
        self._pairs: dict[str, dict[str, dict[str, set[int]]]] = {}  # word, between, next word
        anywhere: dict[str, set[int]] = {}  # no word boundary before it: wherever it stands
        for rule, found in enumerate(rule_heads):
            for lit, boundary in found or ():
                first = _WORD.match(lit)
                if not boundary or first is None:
                    anywhere.setdefault(lit.split(SPACES)[0], set()).add(rule)
                    continue
                word, rest = first.group(), lit[first.end() :]
                second = _WORD.search(rest)
                if not rest:
                    self._starts.setdefault(word, set()).add(rule)
                elif second is None:
                    self._exact.setdefault(word, set()).add(rule)
                else:
                    between = _between(rest[: second.start()])
                    nexts = self._pairs.setdefault(word, {}).setdefault(between, {})
                    nexts.setdefault(second.group(), set()).add(rule)
        self._anywhere = tuple(anywhere.items())
        self._starts_by_letter = _by_letter(self._starts)
        self._pair_starts = {
            word: {between: _by_letter(nexts) for between, nexts in by.items()}
            for word, by in self._pairs.items()
        }
        self.forget()

    def forget(self) -> None:
        """Empty what it remembers of the words and runs it has seen (as when first made)."""
        self._by_word: dict[str, tuple[tuple[int, ...], bool]] = {}
        self._by_pair: dict[tuple[str, str, str], tuple[int, ...]] = {}
        self._dead: set[str] = {""}  # words no rule may begin at (and the empty one)
        self._by_run: dict[str, _Run] = {}
        self._dead_runs: set[str] = set()  # runs where no rule may begin
        # the rules at a run's last word, by the run after it (None: the end of the text)
        self._by_two: dict[tuple[str, str | None], tuple[int, ...]] = {}

    def _word(self, word: str) -> tuple[tuple[int, ...], bool]:
        """Rules that may begin at this word whatever follows, and whether any depend on
        what follows."""
        known = self._by_word.get(word)
        if known is None:
            rules = set(self._exact.get(word, ()))
            for start, more in self._starts_by_letter.get(word[:1], ()):
                if word.startswith(start):
                    rules |= more
            if len(self._by_word) > _MEMO_MAX:
                self._by_word.clear()
                self._dead.clear()
                self._dead.add("")
            known = self._by_word[word] = (tuple(sorted(rules)), word in self._pairs)
            if known == ((), False):
                self._dead.add(word)
        return known

    def _pair(self, word: str, between: str, after: str) -> tuple[int, ...]:
        key = (word, between, after)
        known = self._by_pair.get(key)
        if known is None:
            rules = set(self._word(word)[0])
            nexts = self._pair_starts[word].get(_between(between), {})
            for start, more in nexts.get(after[:1], ()):
                if after.startswith(start):
                    rules |= more
            if len(self._by_pair) > _MEMO_MAX:
                self._by_pair.clear()
            known = self._by_pair[key] = tuple(sorted(rules))
        return known

    def _run(self, run: str) -> _Run:
        """What may begin in a run of text without spaces: (offset, rules) for each word whose
        rules are known from the run alone; the last word, its offset and what follows it in
        the run when its rules depend on the next run; and what the run begins with (what
        stands before its first word, and that word), or None when it holds no word."""
        known = self._by_run.get(run)
        if known is not None:
            return known
        # A plain word (most runs) needs no regex; "_" is a word character too.
        parts = [run] if run.isalnum() else _SPLIT.split(run)
        last = len(parts) - 1
        inside: list[tuple[int, tuple[int, ...]]] = []
        tail: tuple[int, str, str] | None = None
        pos = 0
        for k in range(0, last + 1, 2):
            word = parts[k]
            if word:
                rules, paired = self._word(word)
                if paired and k + 2 <= last and parts[k + 2]:
                    rules = self._pair(word, parts[k + 1], parts[k + 2])
                elif paired:
                    tail = (pos, word, parts[k + 1] if k < last else "")
                    rules = ()
                if rules:
                    inside.append((pos, rules))
                pos += len(word)
            if k < last:
                pos += len(parts[k + 1])
        if parts[0]:
            lead: tuple[str, str] | None = ("", parts[0])
        else:
            lead = (parts[1], parts[2]) if last >= 2 and parts[2] else None
        if len(self._by_run) > _MEMO_MAX:
            self._by_run.clear()
            self._dead_runs.clear()
        known = self._by_run[run] = (tuple(inside), tail, lead)
        if not inside and tail is None:
            self._dead_runs.add(run)
        return known

    def _tail(self, tail: tuple[int, str, str], runs: list[str], i: int) -> tuple[int, ...]:
        """The rules that may begin at the last word of runs[i], from the runs after it (kept
        for this run and the next when the next one holds a word)."""
        _offset, word, between = tail
        after = ""
        for j in range(i + 1, len(runs)):
            lead = self._run(runs[j])[2]
            between += " "  # each run is followed by one space
            if lead is None:  # no word in it: all of it stands between
                between += runs[j]
                continue
            between += lead[0]
            after = lead[1]
            break
        rules = self._pair(word, between, after)
        if i + 1 == len(runs) or self._run(runs[i + 1])[2] is not None:
            if len(self._by_two) > _MEMO_MAX:
                self._by_two.clear()
            self._by_two[(runs[i], runs[i + 1] if i + 1 < len(runs) else None)] = rules
        return rules

    def starts(self, text: str) -> list[list[int] | None]:
        """Per rule, every place in `text` where a match of it could begin, in order (a
        superset: the pattern itself decides), or None for a rule to scan the whole text."""
        places: list[list[int] | None] = [
            None if i in self._scanned else [] for i in range(self._count)
        ]
        # The text is read as runs between single spaces ("you're", "night,"), each looked up
        # once and remembered: words never straddle a space, and what a run's last word may
        # begin depends only on what stands after it, read from the runs that follow.
        runs = text.split(" ")
        ends = list(accumulate(map(len, runs)))
        dead = self._dead_runs
        last = len(runs) - 1
        for i in [i for i, run in enumerate(runs) if run not in dead]:
            run = runs[i]
            inside, tail, _ = self._run(run)
            at = ends[i] - len(run) + i  # each run is followed by one space
            for offset, rules in inside:
                for rule in rules:
                    places[rule].append(at + offset)  # type: ignore[union-attr]
            if tail is not None:
                known = self._by_two.get((run, runs[i + 1] if i < last else None))
                for rule in self._tail(tail, runs, i) if known is None else known:
                    places[rule].append(at + tail[0])  # type: ignore[union-attr]
        for lit, wherever in self._anywhere:
            found, k = [], text.find(lit)
            while k >= 0:
                found.append(k)
                k = text.find(lit, k + 1)
            for rule in wherever:
                merged = places[rule]
                assert merged is not None
                places[rule] = sorted({*merged, *found})
        return places
