"""Compose and review I-statements: pure functions, no Textual.

`review(text)` returns a list of `Finding`s, each with a `kind`, character offsets `start` and
`end` into the text as given, a plain-words `message` and a `suggestion`. The kinds:

- ``absolute``: a sweeping generalisation about the partner: "you always", "you never",
  "every time you", "you ... all the time", "as usual, you ...", "everything you say is ...",
  "you keep -ing", "it's always about what you want". Praise is left alone: "you always make
  the best coffee", "you never fail to make me laugh" and "you never give up, and I love that
  about you" are appreciations, not complaints (the rest of the clause is read for pleasant and
  unpleasant words, and the sentence for an appreciation like "I love that").
- ``blame``: the partner made to own the speaker's feeling or the problem: "you make me feel",
  "you drive me crazy", "you irritate me", "because of you", "it's your fault", "you are why
  ...", "I'm angry because you ...", "you aren't there for me", mind-reading ("you only care
  about yourself"), accusing questions ("how can you ...?", "why can't you ever ...?", titled
  as such) and words that wound ("I hate you"). Not "you make me feel loved", "it's not your
  fault", or "I feel upset when you don't help" (a when-clause is the situation).
- ``sarcasm``: its common fixed forms: "thanks a lot for nothing", "must be nice to ...", "oh
  great, another ...", "wow, you actually ...", "would it kill you to ...".
- ``thought_as_feeling``: "I feel that / like / as if / as though" + a clause, "I feel
  strongly that", or "I feel" + a pronoun, a name or a noun + a verb ("I feel you don't care",
  "I feel it is useless", "I feel Amy has ..."): a thought, not a feeling. "I feel like going
  for a walk" (a wish) and "I feel like a failure" (no clause follows) are not flagged; "I
  feel that way" is not either.
- ``faux_feeling``: a judgement of the other dressed as a feeling ("I feel ignored / abandoned /
  betrayed / manipulated / rejected / used / attacked"), every one of a list ("disrespected and
  manipulated"), "makes me feel dismissed", and "you ignored me" (a judgement of what they did);
  the suggestion names feelings and needs that often lie underneath. "I'm used to it" is not
  one, and "abused" never is: someone may be telling of real abuse.
- ``label``: name-calling or a verdict on character ("you're so selfish", "you are lazy",
  "you idiot", "you're no fun", "you can't take a joke", "what is wrong with you?", "you're
  acting like a child", "your plan is ridiculous", contempt like "you don't deserve me").
  Negation is respected: "I don't think you're lazy" and "you're not lazy" are
  not labels.
- ``should``: telling the partner what they must do ("you should", "you need to", "you have
  to", "you're supposed to"). Invitations ("you should see the sunset", "you have to try this
  cake"), questions and conditions ("do you need to ...?", "if you need to talk"), empathy
  guesses ("you must be tired") and sympathy ("you shouldn't have to do it alone") are not.
- ``demand``: a request that leaves no room for no: an order at the start of a sentence
  ("Stop interrupting me."), an ultimatum ("or else", "if you don't ..., I'm leaving"), "you'd
  better", and "I need you to / I want you to" (one action for the partner presented as a
  need; the need underneath can be named and the action asked for as a question). Threats to
  the relationship ("or we're done", "maybe we should break up") are titled as ultimatums;
  requests that are negative ("would you be willing to stop yelling?", "never do that
  again") or vague ("could you just be normal?") are titled as requests that could be clearer
  and coached toward one specific, doable, positive action. A polite "please ..." is taken as
  a request, not an order; warm words ("don't forget your keys", "be careful on the ice",
  "stop worrying") are left alone.

Quoted words are reviewed like any others (the partner would still be saying them). Curly
apostrophes and quotes count as straight ones; capitals do not matter; several sentences in
one text are all reviewed. Every word and pattern lives in content/istatement.toml; this
module compiles them once.

Composition: `compose(parts, form)` builds the short form ("I feel <feeling> about
<situation>, and I need <need>.") or the long form ("When <situation>, I feel <feeling>,
because I need <need>.") from content/istatement.toml's templates, adding "Would you be
willing to <request>?" when there is a request. Empty situation, need or request are left out
with the punctuation still right; with no feeling there is no sentence yet.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cache
from string import Template

from closeness_tui.content import ContentError
from closeness_tui.istatement_content import (
    Feelings,
    IStatementText,
    Rule,
    feelings,
    istatement_text,
    needs,
)
from closeness_tui.models import Statement, StatementForm
from closeness_tui.review_heads import HeadIndex, heads
from closeness_tui.word_alternation import alternation

FILE = "istatement.toml"
KINDS: tuple[str, ...] = (
    "absolute",
    "blame",
    "sarcasm",
    "thought_as_feeling",
    "faux_feeling",
    "label",
    "should",
    "demand",
)
_KIND_ORDER = {kind: i for i, kind in enumerate(KINDS)}
PARTS: tuple[str, ...] = ("feeling", "situation", "need", "request")
FORMS: tuple[StatementForm, ...] = ("short", "long")

# One character for one, so offsets into the normalised text are offsets into the original.
_STRAIGHTEN = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "\u201c": '"', "\u201d": '"'}
)
_SENTENCE_END = re.compile(r"[.!?\n]+")
_CLAUSE_END = re.compile(r"[.,;:!?\n]|\bbut\b", re.IGNORECASE)
_MACRO = re.compile(r"%(\w+)%")
_MACRO_DEPTH = 5
_WORD_BEFORE = re.compile(r"([\w']+)\W*$")
# The same word read backwards from the end: one anchored match instead of a search that
# tries every place in the window (about eight times fewer instructions).
_WORD_BEFORE_REVERSED = re.compile(r"\W*?('*\w[\w']*)")
_WORD_BEFORE_SPAN = 40
_SPACES = re.compile(r"\s+")
_MANY_BRANCHES = 12
_LEAD_IN_MAX = 60  # longer than any "Bob, please just ..." before an order
# What may stand around a `whole_text` rule's match: spaces and quotes, and after it the marks
# that end a sentence.
_EDGES = " \t\n\"'"
_EDGES_AFTER = _EDGES + ".!?\u2026"
_NEXT_WORDS = re.compile(r"(?:\W*[\w']+){1,3}")
_PLACEHOLDER = re.compile(r"\$(\w+)")
# "i" on its own (or in i'm, i've, i'd, i'll) is the pronoun: written "I" in the sentence.
_LOWER_I = re.compile(r"(?<![\w'.])i(?=\s|'(?:m|ve|d|ll)\b|[,;:!?]|$)")


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    message: str
    suggestion: str
    heading: str = ""  # the rule's own title, when it has a more specific one than its kind

    @property
    def title(self) -> str:
        """The kind in plain words ("Always / never"), for showing."""
        return self.heading or istatement_text().kinds[self.kind].title


def _alternation(words: Iterable[str]) -> str:
    # "self-centred", "self centred" and "selfcentred" are the same word to a partner typing;
    # shared beginnings are written once, so `re` tries only the words that can still match.
    return alternation(words)


def _words_regex(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile(r"\b" + _alternation(words) + r"(?![\w'])")


def _lower(text: str) -> str:
    """Lower case with the length kept, so offsets stay true (matching in lower case without
    IGNORECASE is about twice as fast in `re`)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _or_list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


@dataclass
class _Compiled:
    rule: Rule
    regex: re.Pattern[str]
    preceded: frozenset[str]
    followed: re.Pattern[str] | None
    boundary: bool = False  # the leading \b was lifted out: checked in review()
    listed: re.Pattern[str] | None = None  # a further word of the same kind in a list
    only_with: re.Pattern[str] | None = None  # must also be found in the same sentence
    unless_with: re.Pattern[str] | None = None  # must not be found in the same sentence


def _top_level_branches(pattern: str) -> list[str]:
    """Split a regex at its top-level "|" (outside groups and classes)."""
    branches, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
        i += 1
    branches.append(pattern[start:])
    return branches


def _lift_boundary(pattern: str) -> tuple[str, bool]:
    """Take a leading \\b off every top-level branch, so `re` can skip ahead by first character
    (about twice as fast); review() then checks the word boundary itself."""
    branches = _top_level_branches(pattern)
    if not all(b.startswith("\\b") for b in branches):
        return pattern, False
    if len(branches) == 1 and branches[0].startswith("\\b(?:"):
        # One group of many alternatives starting on many letters ("thanks ...", "oh great
        # ...", "must be nice ..."): skipping by first character gains nothing there, and the
        # boundary checked first saves trying every alternative inside words.
        depth, end = 0, len(branches[0])
        for i, ch in enumerate(branches[0][2:], start=2):
            depth += ch == "("
            depth -= ch == ")"
            if depth == 0:
                end = i
                break
        if len(_top_level_branches(branches[0][5:end])) >= _MANY_BRANCHES:
            return pattern, False
    return "|".join(b[2:] for b in branches), True


@dataclass
class Reviewer:
    """The review with every pattern compiled once (see `reviewer()`)."""

    text: IStatementText
    vocabulary: Feelings
    rules: list[_Compiled] = field(default_factory=list)
    _said: dict[tuple[int, str], tuple[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        lists = self.text.lists
        macros = dict(self.text.macros)
        macros["label"] = _alternation(lists.labels)
        macros["insult"] = _alternation(lists.insults)
        macros["faux"] = _alternation(w for f in self.text.faux for w in f.words)
        self.macros = macros
        pleasant_words = [
            w.word for fam in self.vocabulary.families if fam.tone == "pleasant" for w in fam.words
        ]
        unpleasant_words = [
            w.word
            for fam in self.vocabulary.families
            if fam.tone == "unpleasant"
            for w in fam.words
        ]
        self.pleasant_set = frozenset(w.lower() for w in pleasant_words + lists.pleasant_cues)
        self.pleasant = _words_regex(pleasant_words + lists.pleasant_cues)
        self.unpleasant = _words_regex(unpleasant_words + lists.unpleasant_cues)
        self.negation = _words_regex(lists.negation_cues)
        self.never_pleasant = re.compile(r"\s*" + _alternation(lists.never_pleasant) + r"\b")
        self.appreciation = _words_regex(lists.appreciation_cues)
        self.unpleasant_cue = _words_regex(lists.unpleasant_cues)
        self.warm = _words_regex(pleasant_words + lists.pleasant_cues + lists.warm_cues)
        self.warm_phrase = (
            _words_regex(lists.warm_phrases) if lists.warm_phrases else re.compile(r"(?!)")
        )
        macros["feeling"] = _alternation(pleasant_words + unpleasant_words)
        macros["unpleasant"] = _alternation(unpleasant_words + lists.unpleasant_cues)
        self.never_label = re.compile(r"\s*(?:so\s+|ever\s+)?" + macros["label"] + r"\b")
        # "... vocative or interjection, " before an order still counts as the sentence's start
        # ("Bob, stop ...", "For the love of god, stop ..."), but not a clause ("When ..., ").
        # "Please", "just" and the like may come first too ("Please just stop ...").
        self.lead_in = re.compile(
            r"(?:(?!(?:if|when|whenever|once|after|before|while|as|since|because|unless|until|"
            r"even|though|although)\b)(?:[\w']+(?![\w'])\s+){0,4}[\w']+(?![\w'])\s*,\s*)?"
            r"(?:(?:please|just|now|so|oh|and|look|honestly|seriously|right)\s+)*"
        )
        try:  # what may stand before an `after_person` rule's match ("Henry", "my mother")
            self.person_lead = re.compile(self.expand(macros.get("person_lead", "(?!)")))
        except (re.error, KeyError) as exc:
            where = "macros.person_lead"
            raise ContentError(FILE, where, f"not a usable pattern ({exc})") from None
        list_link = self.expand("%list_link%")  # what joins one word of a list to the next
        self.faux_index = {w.lower(): entry for entry in self.text.faux for w in entry.words}
        for index, rule in enumerate(self.text.rules):
            where = f"rules[{index}]"
            if rule.kind not in KINDS:
                raise ContentError(FILE, f"{where}.kind", f"unknown kind {rule.kind!r}")
            if not rule.fallback and index and self.text.rules[index - 1].fallback:
                raise ContentError(FILE, f"{where}.fallback", "the fallback rules must come last")
            followed = None
            if rule.unless_followed_by:
                followed = re.compile(r"\s*" + _alternation(rule.unless_followed_by) + r"\b")
            try:
                pattern, boundary = _lift_boundary(self.expand(rule.pattern))
                regex = re.compile(pattern)
                only_with = re.compile(self.expand(rule.only_with)) if rule.only_with else None
                unless_with = (
                    re.compile(self.expand(rule.unless_with)) if rule.unless_with else None
                )
            except (re.error, KeyError) as exc:
                raise ContentError(
                    FILE, f"{where}.pattern", f"not a usable pattern ({exc})"
                ) from None
            listed = None
            if rule.in_lists:
                group = self._word_group(rule, where)
                listed = re.compile(list_link + "(?P<word>" + group + r")\b")
            self.rules.append(
                _Compiled(
                    rule,
                    regex,
                    frozenset(w.lower() for w in rule.unless_preceded_by),
                    followed,
                    boundary,
                    listed,
                    only_with,
                    unless_with,
                )
            )
        # Where each rule may begin ("you", "every", "stop" ...): tried only there.
        self.index = HeadIndex([heads(self.expand(rule.pattern)) for rule in self.text.rules])

        # The complaint draft's rewrites use the same macros: checked here too, at start-up.
        self.rewrites: tuple[tuple[re.Pattern[str], str], ...] = ()
        compiled_rewrites = []
        for index, (pattern, replacement) in enumerate(self.text.draft.rewrites):
            try:
                compiled_rewrites.append(
                    (re.compile(self.expand(pattern), re.IGNORECASE), replacement)
                )
            except (re.error, KeyError) as exc:
                raise ContentError(
                    FILE, f"draft.rewrites[{index}]", f"not a usable pattern ({exc})"
                ) from None
        self.rewrites = tuple(compiled_rewrites)

    def _word_group(self, rule: Rule, where: str) -> str:
        """The (?P<word>...) group of a rule's pattern, expanded: what a list may continue with."""
        expanded = self.expand(rule.pattern)
        start = expanded.find("(?P<word>")
        if start < 0:
            raise ContentError(FILE, f"{where}.in_lists", "needs a (?P<word>...) group")
        depth, i = 0, start
        while i < len(expanded):
            ch = expanded[i]
            if ch == "\\":
                i += 2
                continue
            depth += ch == "("
            depth -= ch == ")"
            i += 1
            if depth == 0:
                break
        return expanded[start + len("(?P<word>") : i - 1]

    def expand(self, pattern: str) -> str:
        """Replace each %name% with its macro; a macro may use other macros (up to a few
        levels deep, so a macro that names itself is an error, not a hang)."""
        for _ in range(_MACRO_DEPTH):
            pattern, replaced = _MACRO.subn(lambda m: self.macros[m.group(1)], pattern)
            if not replaced:
                return pattern
        raise KeyError("a macro that uses itself")

    # -- the review ------------------------------------------------------------------------

    def review(self, text: str) -> list[Finding]:
        norm = _lower(text.translate(_STRAIGHTEN))
        found: list[Finding] = []
        spare: list[Finding] = []  # the fallback rules' findings
        ends = _sentence_ends(norm)
        taken: set[tuple[int, int]] | None = None  # sentences the specific rules found in
        for compiled, places in zip(self.rules, self.index.starts(norm), strict=True):
            into = found
            if compiled.rule.fallback:  # the fallbacks come last (checked at load)
                into = spare
                if taken is None:
                    taken = {self._sentence(norm, ends, f.start) for f in found}
            pos = 0
            if places is None:  # nothing known of where it begins: scan the text
                while (match := compiled.regex.search(norm, pos)) is not None:
                    pos = self._take(compiled, match, norm, text, ends, into, taken)
                continue
            # Only where it may begin: a scan would try these places in this order and find
            # no match anywhere else, so the matches are the same.
            match_at = compiled.regex.match
            for at in places:
                if at >= pos and (match := match_at(norm, at)) is not None:
                    pos = self._take(compiled, match, norm, text, ends, into, taken)
        if spare:
            found += keep_fallbacks(spare, found, lambda at: self._sentence(norm, ends, at))
        return _dedupe(found)

    def _take(
        self,
        compiled: _Compiled,
        match: re.Match[str],
        norm: str,
        text: str,
        ends: list[int],
        found: list[Finding],
        taken: set[tuple[int, int]] | None = None,
    ) -> int:
        """Add the findings of one match unless its rule's conditions say otherwise; return
        where to look for the rule's next match. A fallback rule's match in a sentence in
        `taken` (a specific rule found something there) is passed over unchecked."""
        start, end = match.span()
        if compiled.boundary and start and _is_word(norm[start - 1]):
            return start + 1  # inside a word: not a match, look again just after
        pos = end if end > start else start + 1
        if taken and self._sentence(norm, ends, start) in taken:
            return pos
        if self._skip(compiled, match, norm, ends):
            return pos
        found.append(self._finding(compiled.rule, match, text))
        if compiled.listed is not None:
            at = match.end()
            while (more := compiled.listed.match(norm, at)) is not None:
                found.append(self._finding(compiled.rule, more, text, word_only=True))
                at = more.end()
                pos = max(pos, at)
        return pos

    def _sentence(self, norm: str, ends: list[int], pos: int) -> tuple[int, int]:
        i = bisect_right(ends, pos)
        return (ends[i - 1] if i else 0), (ends[i] if i < len(ends) else len(norm))

    def _skip(self, c: _Compiled, m: re.Match[str], norm: str, ends: list[int]) -> bool:
        rule = c.rule
        if rule.whole_text and (
            norm[: m.start()].strip(_EDGES) or norm[m.end() :].strip(_EDGES_AFTER)
        ):
            return True
        if c.preceded:
            if _word_before(norm, m.start()) in c.preceded:
                return True
        if c.followed is not None and c.followed.match(norm, m.end()):
            return True
        start, end = self._sentence(norm, ends, m.start())
        if c.only_with is not None and not c.only_with.search(norm, start, end):
            return True
        if c.unless_with is not None and c.unless_with.search(norm, start, end):
            return True
        if rule.after_person and not self.person_lead.fullmatch(
            norm[start : m.start()].strip(_EDGES)
        ):
            return True
        if rule.at_sentence_start:
            lead = norm[start : m.start()].strip(" \t\"'")
            if lead and (len(lead) > _LEAD_IN_MAX or not self.lead_in.fullmatch(lead + " ")):
                return True
        if rule.unless_negated and self.negation.search(norm, start, m.start()):
            return True
        mode = rule.unless_pleasant
        if not mode:
            return False
        if mode == "word":
            return m.group("word").lower() in self.pleasant_set
        if mode == "next":
            # the next three words hold a pleasant word or cue ("make me feel at home")
            words = _NEXT_WORDS.match(norm, m.end())
            stop = words.end() if words else m.end()
            return bool(self.pleasant.search(norm, m.end(), stop))
        if mode == "absolute":
            if self.appreciation.search(norm, start, end):
                return True  # "You never give up, and I love that about you."
            clause_end = _CLAUSE_END.search(norm, m.end())
            stop = clause_end.start() if clause_end else len(norm)
            if m.group("word").lower() == "never":
                # "you never fail to ...", "you're never boring": praise
                return bool(
                    self.never_pleasant.match(norm, m.end(), stop)
                    or self.never_label.match(norm, m.end(), stop)
                )
            return self._pleasant(norm, m.end(), stop)
        if mode == "warm":
            # a question's answer may be in the next sentence: "Why are you home early? Is
            # everything okay?"
            after = self._sentence(norm, ends, end)[1] if norm[end - 1 : end] == "?" else end
            return self._warm(norm, start, m.end(), end, after)
        # "clause": the whole sentence around the match, without the match itself.
        return self._pleasant(norm, start, m.start()) or self._pleasant(norm, m.end(), end)

    def _warm(self, norm: str, start: int, after: int, stop: int, reach: int) -> bool:
        """The sentence (`start` to `stop`) is warm talk: an appreciation, a warm phrase
        ("don't worry", "you never fail to ..."), or a warm word with no unpleasant cue after
        the match (`after`): "you look lovely" and "you must be tired", not "you don't
        appreciate me". Warm words are looked for up to `reach` (the next sentence, after a
        question)."""
        if self.appreciation.search(norm, start, reach) or self.warm_phrase.search(
            norm, start, reach
        ):
            return True
        return bool(self.warm.search(norm, start, reach)) and not self.unpleasant_cue.search(
            norm, after, stop
        )

    def _pleasant(self, norm: str, start: int, stop: int) -> bool:
        return bool(self.pleasant.search(norm, start, stop)) and not self.unpleasant.search(
            norm, start, stop
        )

    def _words(self, rule: Rule, word: str) -> tuple[str, str]:
        """The message and suggestion for a rule and the words it matched (cached)."""
        key = (id(rule), word)
        cached = self._said.get(key)
        if cached is not None:
            return cached
        kind = self.text.kinds[rule.kind]
        values = {"word": word, "feelings": "", "needs": ""}
        if rule.kind == "faux_feeling":
            entry = self.faux_index.get(word.lower())
            if entry is not None:
                values["feelings"] = _or_list(entry.feelings)
                values["needs"] = _or_list(entry.needs)
        said = (
            Template(rule.reason or kind.reason).safe_substitute(values),
            Template(rule.suggestion or kind.suggestion).safe_substitute(values),
        )
        if len(self._said) < 10_000:
            self._said[key] = said
        return said

    def _finding(
        self, rule: Rule, m: re.Match[str], original: str, *, word_only: bool = False
    ) -> Finding:
        groups = m.groupdict()
        if groups.get("word"):
            word = original[m.start("word") : m.end("word")]
        else:
            word = original[m.start() : m.end()].strip()
        message, suggestion = self._words(rule, _squeeze(word))
        start, end = (m.start("word"), m.end("word")) if word_only else (m.start(), m.end())
        # Trim spaces a pattern may have taken at its edges.
        while start < end and original[start].isspace():
            start += 1
        while end > start and original[end - 1].isspace():
            end -= 1
        return _new_finding(rule.kind, start, end, message, suggestion, rule.title)


def keep_fallbacks(
    spare: list[Finding], found: list[Finding], sentence_of: Callable[[int], tuple[int, int]]
) -> list[Finding]:
    """The fallback rules' findings worth showing: only in a sentence where no other rule
    found anything (its own finding says more), and only the first one of each sentence.
    `sentence_of(offset)` gives the (start, end) of the sentence an offset lies in."""
    taken = {sentence_of(f.start) for f in found}
    kept = []
    for f in sorted(spare, key=lambda f: (f.start, -f.end)):
        sentence = sentence_of(f.start)
        if sentence not in taken:
            taken.add(sentence)
            kept.append(f)
    return kept


_ENDS_AS_DOTS = str.maketrans(dict.fromkeys("!?\n", "."))


def _sentence_ends(norm: str) -> list[int]:
    """Where each run of _SENTENCE_END ([.!?\n]+) ends: found with str.find, several times
    cheaper than a regex scan of the whole text."""
    dots = norm.translate(_ENDS_AS_DOTS)
    ends: list[int] = []
    at = dots.find(".")
    while at >= 0:
        at += 1
        while dots.startswith(".", at):
            at += 1
        ends.append(at)
        at = dots.find(".", at)
    return ends


def _word_before(norm: str, at: int) -> str | None:
    """The word just before `at` (within a few words), as _WORD_BEFORE captures it."""
    lo = max(0, at - _WORD_BEFORE_SPAN)
    backwards = _WORD_BEFORE_REVERSED.match(norm[lo:at][::-1])
    if backwards is not None:
        return backwards.group(1)[::-1]
    before = _WORD_BEFORE.search(norm, lo, at)  # no letter at all: only apostrophes, or none
    return before.group(1) if before else None


def _squeeze(word: str) -> str:
    """_SPACES.sub(" ", word), without a regex for a word with no spaces at its ends."""
    if word[:1].isspace() or word[-1:].isspace():
        return _SPACES.sub(" ", word)
    return " ".join(word.split())


_make = object.__new__


def _new_finding(
    kind: str, start: int, end: int, message: str, suggestion: str, heading: str
) -> Finding:
    """Finding(kind, start, end, ...) filled in directly: the frozen dataclass's __init__ sets
    each field through object.__setattr__, about three times the work, on every match."""
    finding = _make(Finding)
    finding.__dict__.update(
        kind=kind, start=start, end=end, message=message, suggestion=suggestion, heading=heading
    )
    return finding


def _dedupe(found: list[Finding]) -> list[Finding]:
    """One finding per kind for any stretch of text (two rules may match the same words)."""
    found.sort(key=lambda f: (f.start, -f.end, _KIND_ORDER[f.kind]))
    kept: list[Finding] = []
    last_end: dict[str, int] = {}
    for f in found:
        if f.start < last_end.get(f.kind, -1):
            continue
        kept.append(f)
        last_end[f.kind] = f.end
    return kept


# The reviewer built when istatement.toml was checked (IStatementText.__post_init__), kept
# with the text it was built from: the first review reuses it instead of compiling every
# pattern a second time (about half a second of CPU).
checked_reviewer: tuple[IStatementText, Reviewer] | None = None


@cache
def reviewer() -> Reviewer:
    text = istatement_text()
    if checked_reviewer is not None and checked_reviewer[0] is text:
        return checked_reviewer[1]
    return Reviewer(text, feelings())


def review(text: str) -> list[Finding]:
    """Coach a sentence: what may sound like blame, where, and what could be said instead."""
    return reviewer().review(text)


# -- composing the sentence ------------------------------------------------------------------


@dataclass(frozen=True)
class Parts:
    feeling: str = ""
    situation: str = ""
    need: str = ""
    request: str = ""


@dataclass(frozen=True)
class Composed:
    text: str
    spans: dict[str, tuple[int, int]]  # part name -> (start, end) in text

    def part_at(self, start: int, end: int) -> list[str]:
        """The parts a stretch of the sentence overlaps."""
        return [name for name, (s, e) in self.spans.items() if s < end and start < e]


@cache
def _lowercase_words() -> frozenset[str]:
    words = {w.lower() for w in istatement_text().lowercase.starters}
    for fam in feelings().families:
        words.update(w.word.split()[0].lower() for w in fam.words)
    for group in needs().groups:
        words.update(n.split()[0].lower() for n in group.needs)
    return frozenset(words)


@cache
def _strip_regex(part: str) -> re.Pattern[str]:
    phrases = getattr(istatement_text().strip, part)
    return re.compile(r"^\s*" + _alternation(phrases) + r"(?![\w'])[\s,:]*", re.IGNORECASE)


def tidy(part: str, value: str) -> str:
    """One part as it goes into the sentence: one line, no words the form already says, no
    end punctuation, a common first word in lower case (names and "I" keep their capitals),
    and the pronoun "i" written "I"."""
    text = _SPACES.sub(" ", value.translate(_STRAIGHTEN)).strip()
    strip = _strip_regex(part)
    for _ in range(3):
        shorter = strip.sub("", text, count=1)
        if shorter == text:
            break
        text = shorter
    text = text.strip().rstrip(".,;:!?…").rstrip()
    text = _LOWER_I.sub("I", text)
    if part == "request" and text.lower().startswith("to "):
        text = text[3:].lstrip()
    first = text.split(" ", 1)[0] if text else ""
    if first and first.lower() in _lowercase_words() and first[0].isupper():
        if not (len(first) > 1 and first.isupper()):
            text = text[0].lower() + text[1:]
    return text


@cache
def _clause_regexes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    rules = istatement_text().situation_clause
    subjects = re.compile(r"\b" + _alternation(rules.subjects) + r"(?![\w'])")
    verbs = re.compile(r"\b(?:" + _alternation(rules.verbs)[3:-1] + r"|[a-z]{2,}ed)(?![\w'])")
    starts = re.compile(_alternation(rules.phrase_starts) + r"(?![\w'])")
    return subjects, verbs, starts


def is_clause(situation: str) -> bool:
    """Is the situation told as a clause ("we ate apart") rather than named as a thing ("the
    joke at the party")? Decides "when" or "about" in the short form."""
    low = _lower(situation.translate(_STRAIGHTEN)).strip()
    subjects, verbs, starts = _clause_regexes()
    if subjects.match(low):
        return True
    verb = verbs.search(low)
    if starts.match(low) or verb is None:
        return False
    # "the money I spent", "the plans being made": the verb belongs to a phrase about a thing.
    before = low[: verb.start()]
    return not (subjects.search(before) or re.search(r"\b(?:being|having)\b", before))


def compose(parts: Parts, form: str = "short") -> Composed:
    """The sentence from its parts, with each part's place in it."""
    forms = istatement_text().forms
    shape = forms[form if form in forms else "short"]
    values = {name: tidy(name, getattr(parts, name)) for name in PARTS}
    if not values["feeling"]:
        return Composed("", {})
    clause = bool(values["situation"]) and is_clause(values["situation"])
    if values["situation"] and values["need"]:
        template = (clause and shape.clause_template) or shape.template
    elif values["need"]:
        template = shape.no_situation
    elif values["situation"]:
        template = (clause and shape.clause_no_need) or shape.no_need
    else:
        template = shape.feeling_only
    if values["request"]:
        template += " " + shape.request
    out: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    pos = 0
    length = 0
    for m in _PLACEHOLDER.finditer(template):
        literal = template[pos : m.start()]
        out.append(literal)
        length += len(literal)
        value = values[m.group(1)]
        spans[m.group(1)] = (length, length + len(value))
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(template[pos:])
    return Composed("".join(out), spans)


def compose_short(feeling: str, situation: str = "", need: str = "", request: str = "") -> str:
    return compose(Parts(feeling, situation, need, request), "short").text


def compose_long(feeling: str, situation: str = "", need: str = "", request: str = "") -> str:
    return compose(Parts(feeling, situation, need, request), "long").text


_I_FEEL = "I feel "


def review_composed(composed: Composed) -> list[Finding]:
    """The review of a statement built part by part. The Feeling part holds the word meant as
    the feeling, so a judgement word there ("ignored") is coached even with its situation
    beside it; in free text "I feel ignored when ..." is a whole I-statement and left alone."""
    findings = review(composed.text)
    span = composed.spans.get("feeling")
    if span is None:
        return findings
    start, end = span
    if any(f.kind == "faux_feeling" and f.start < end and start < f.end for f in findings):
        return findings
    lead = start - len(_I_FEEL)
    if lead < 0 or composed.text[lead:start].lower() != _I_FEEL.lower():
        lead = start
    for f in review(_I_FEEL + composed.text[start:end] + "."):
        if f.kind == "faux_feeling":
            shift = start - len(_I_FEEL)
            findings.append(replace(f, start=max(lead, f.start + shift), end=f.end + shift))
    return _dedupe(findings)


def findings_by_part(composed: Composed, findings: list[Finding]) -> dict[str, list[Finding]]:
    """Each part's findings (a finding in the form's own words counts for every part it
    touches, so a part's coaching is shown beside that part)."""
    by_part: dict[str, list[Finding]] = {name: [] for name in PARTS}
    for f in findings:
        for name in composed.part_at(f.start, f.end):
            by_part[name].append(f)
    return by_part


# -- vocabularies ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Word:
    word: str
    group: str  # the feeling family or needs group
    intensity: int = 0  # 1 mild .. 3 strong; 0 for needs
    tone: str = ""


@cache
def feeling_words() -> tuple[Word, ...]:
    return tuple(
        Word(w.word, fam.name, w.intensity, fam.tone)
        for fam in feelings().families
        for w in fam.words
    )


@cache
def need_words() -> tuple[Word, ...]:
    return tuple(Word(n, g.name) for g in needs().groups for n in g.needs)


def intensity_name(intensity: int) -> str:
    names = feelings().intensity_names
    return names[intensity - 1] if 1 <= intensity <= len(names) else ""


def search(words: Iterable[Word], query: str) -> list[Word]:
    """Words matching a query: those starting with it first, then those containing it, then
    a whole family or group whose name matches. An empty query lists everything."""
    q = _SPACES.sub(" ", query.translate(_STRAIGHTEN)).strip().lower()
    words = list(words)
    if not q:
        return words
    starts = [w for w in words if w.word.lower().startswith(q)]
    inside = [w for w in words if q in w.word.lower() and w not in starts]
    family = [w for w in words if w.group.lower().startswith(q) and w not in starts + inside]
    return starts + inside + family


# -- start from a complaint ----------------------------------------------------------------------


@dataclass(frozen=True)
class ComplaintDraft:
    findings: list[Finding]
    situation: str
    feelings: list[str]
    needs: list[str]
    note: str


def _unique(items: Iterable[str], limit: int) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item and item not in seen:
            seen.append(item)
    return seen[:limit]


def _rewrites() -> tuple[tuple[re.Pattern[str], str], ...]:
    return reviewer().rewrites


def _situation(text: str, findings: list[Finding]) -> str:
    """The clause of the complaint most likely to hold what happened, in plain words: not a
    question (an accusing question is no situation), not a clause with a label in it, with the
    speaker's own "I feel ... when" and the absolutes taken out."""
    norm = text.translate(_STRAIGHTEN)
    sentences = [
        (m.start(), m.end(), m.group())
        for m in re.finditer(r"[^.!?;\n]+[.!?;]*", norm)
        if m.group().strip() and not m.group().rstrip().endswith("?")
    ]

    def weight(item: tuple[int, int, str]) -> int:
        start, end, sentence = item
        kinds = {f.kind for f in findings if start <= f.start < end}
        if not re.search(r"\byou\b", sentence, re.IGNORECASE):
            return 0
        if kinds & {"absolute", "blame", "faux_feeling", "thought_as_feeling"}:
            return 3
        if kinds <= {"should", "demand"} and kinds:
            return 1
        return 2 if not kinds else 0

    best = max(sentences, key=weight, default=None)
    if best is None or weight(best) == 0:
        return ""
    sentence = best[2].strip().rstrip(".!;").strip().strip("\"'")
    for regex, repl in _rewrites():
        sentence = regex.sub(repl, sentence).strip()
    sentence = tidy("situation", sentence)
    if len(sentence.split()) < 2 or any(f.kind == "label" for f in review(sentence)):
        return ""
    return sentence


@cache
def _pleasant_feelings() -> frozenset[str]:
    return frozenset(w.word for w in feeling_words() if w.tone == "pleasant")


def is_warm(text: str, findings: list[Finding] | None = None) -> bool:
    """Does the text read as an appreciation (nothing to coach, pleasant words and no
    unpleasant ones, or a thank-you)? Then the feelings suggested for it are warm ones."""
    if findings is None:
        findings = review(text)
    if findings or not text.strip():
        return False
    r = reviewer()
    norm = _lower(text.translate(_STRAIGHTEN))
    if r.unpleasant.search(norm) and not r.appreciation.search(norm):
        return False
    return bool(r.appreciation.search(norm) or r.pleasant.search(norm))


@cache
def _felt_judgement() -> re.Pattern[str]:
    """A judgement word said as felt: "I feel ignored", "feeling so used" (not "used to")."""
    return re.compile(
        reviewer().expand(
            r"\bfe(?:el|lt|eling|els)\s+%degree%(?P<word>%faux%)\b(?!(?<=used)\s+to\b)"
        )
    )


def feelings_underneath(typed: str) -> tuple[str, list[str]] | None:
    """A judgement word typed as a feeling ("ignored", "I feel so used"): the word as typed and
    the feelings that often lie underneath it, for the feeling list to offer right there."""
    r = reviewer()
    word = _SPACES.sub(" ", tidy("feeling", typed).lower())
    word = re.sub("^" + r.macros["degree"], "", word)  # "so used", "really ignored"
    entry = r.faux_index.get(word)
    return (word, list(entry.feelings)) if entry is not None else None


def draft_from_complaint(text: str, findings: list[Finding] | None = None) -> ComplaintDraft:
    """Which words are the blame, feelings and needs that may lie underneath, and a first
    situation taken from the sentence where it allows. Pass `findings` when review(text) has
    already been run."""
    if findings is None:
        findings = review(text)
    config = istatement_text().draft
    lowered = text.translate(_STRAIGHTEN).lower()
    tokens = set(re.findall(r"[a-z']+", lowered))
    feel: list[str] = []
    need: list[str] = []
    r = reviewer()
    if is_warm(text, findings):
        feel = [w for w in re.findall(r"[a-z]+", lowered) if w in _pleasant_feelings()]
        return ComplaintDraft(
            findings=findings,
            situation=_situation(text, findings),
            feelings=_unique(feel + config.warm_feelings, 5),
            needs=_unique(config.warm_needs, 4),
            note=config.situation_note,
        )
    # Judgement words: those coached, and those felt beside their situation ("I feel ignored
    # when ..." is left alone by the review, but what lies underneath is still worth offering).
    words = [
        m.group()
        for f in findings
        if f.kind == "faux_feeling"
        if (m := re.search(r.macros["faux"], text[f.start : f.end].lower()))
    ]
    words += [m.group("word") for m in _felt_judgement().finditer(lowered)]
    for word in words:
        entry = r.faux_index.get(_SPACES.sub(" ", word))
        if entry is not None:
            feel += entry.feelings
            need += entry.needs
    vocabulary = {w.word for w in feeling_words() if w.tone == "unpleasant"}
    feel += [w for w in re.findall(r"[a-z]+(?:\s+out)?", lowered) if w in vocabulary]
    for topic in config.topics:
        if tokens & set(topic.keywords):
            feel += topic.feelings
            need += topic.needs
    feel += config.default_feelings
    need += config.default_needs
    return ComplaintDraft(
        findings=findings,
        situation=_situation(text, findings),
        feelings=_unique(feel, 5),
        needs=_unique(need, 4),
        note=config.situation_note,
    )


# -- the library ---------------------------------------------------------------------------------


def make_statement(
    author: int,
    parts: Parts,
    form: StatementForm,
    now: datetime,
    *,
    complaint: str = "",
    existing: Statement | None = None,
) -> Statement:
    """A Statement record; `text` is the final sentence as it would be said aloud."""
    text = compose(parts, form).text
    if existing is not None:
        existing.author = author
        existing.feeling, existing.situation = parts.feeling, parts.situation
        existing.need, existing.request = parts.need, parts.request
        existing.form, existing.text = form, text
        existing.updated_at = now
        return existing
    return Statement(
        author=author,
        created_at=now,
        feeling=parts.feeling,
        situation=parts.situation,
        need=parts.need,
        request=parts.request,
        form=form,
        text=text,
        complaint=complaint,
    )


def library(statements: Iterable[Statement], author: int | None = None) -> list[Statement]:
    """Saved statements, newest first, for one partner (or both)."""
    chosen = [s for s in statements if author is None or s.author == author]
    return sorted(chosen, key=lambda s: s.updated_at or s.created_at, reverse=True)
