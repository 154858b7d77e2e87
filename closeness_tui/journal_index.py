"""The journal for years of records: built once per change of data, cheap to show and search.

`JournalIndex.build()` makes one light `Row` per entry (when, kind, who, the record), sorted
newest first as `journal.timeline()` sorts; the full `Entry` (every block, labels filled in)
is made only for the rows someone looks at. Search runs on haystacks built once (in a
worker): per entry, every word a partner wrote, casefolded, as UTF-8 (compact, and a
substring of UTF-8 is a substring of the text), so a query is one tight `in` per entry, and
a query typed on from the last one looks only at the last one's matches.

`cached_index()` keeps the index of each open store for one data version (a counter the app
bumps on every save and delete), so a screen visited again, or another screen after it,
reads the same index. No Textual here.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime, time
from typing import Any, NamedTuple

from closeness_tui.checkins import GRATITUDE, WEEKLY, visible_gratitude
from closeness_tui.journal import (
    LISTENING,
    RITUAL,
    STATEMENT,
    Entry,
    checkin_entry,
    listening_entry,
    ritual_entry,
    statement_entry,
    talk_and_card_entries,
)
from closeness_tui.models import (
    BOTH,
    AfterFight,
    CheckIn,
    ListeningSession,
    Ritual,
    RitualMark,
    Solution,
    Statement,
)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Building the index makes tens of thousands of small objects and no cycles: a cyclic
    GC pass in the middle is only a delay."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Row(NamedTuple):
    """One timeline entry before its words are laid out (a tuple: 30,000 of them are cheap)."""

    at: datetime
    kind: str
    seats: frozenset[int]
    finished: bool
    record: ListeningSession | Statement | CheckIn | RitualMark | Entry  # Entry: built whole
    ritual: Ritual | None = None  # for a ritual mark
    previous: CheckIn | None = None  # for a weekly check-in: the week it looked back on

    @property
    def record_id(self) -> str:
        record = self.record
        return record.record_id if isinstance(record, Entry) else record.id


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.astimezone()


_BOTH_SEATS = frozenset((0, 1))


_ONE = (frozenset({0}), frozenset({1}))
_NOBODY: frozenset[int] = frozenset()


def _seats_of(seats: set[int]) -> frozenset[int]:
    """One shared frozenset per answer (rows are many; these are four)."""
    if BOTH in seats or (0 in seats and 1 in seats):
        return _BOTH_SEATS
    return _ONE[0] if 0 in seats else _ONE[1] if 1 in seats else _NOBODY


def _checkin_seats(c: CheckIn) -> frozenset[int]:
    if c.kind == WEEKLY:
        return _BOTH_SEATS
    seats = {a.seat for a in c.answers}
    seats.update(p.seat for p in c.promises)
    return _seats_of(seats)


def rows_of(
    *,
    listening: Iterable[ListeningSession] = (),
    statements: Iterable[Statement] = (),
    checkins: Iterable[CheckIn] = (),
    rituals: Iterable[Ritual] = (),
    marks: Iterable[RitualMark] = (),
) -> list[Row]:
    """Every entry's row, newest first (the order of `journal.timeline()`)."""
    rows = [
        Row(_aware(s.started_at), LISTENING, _BOTH_SEATS, s.status == "done", s) for s in listening
    ]
    rows += [
        Row(_aware(s.created_at), STATEMENT, _seats_of({s.author} - {BOTH}), True, s)
        for s in statements
    ]
    checkins = list(checkins)
    by_id = {c.id: c for c in checkins}
    rows += [
        Row(
            _aware(c.created_at),
            c.kind,
            _checkin_seats(c),
            c.status == "done",
            c,
            previous=by_id.get(c.reviewed_id or ""),
        )
        for c in checkins
    ]
    ritual_by_id = {r.id: r for r in rituals}
    lead = {"a": _ONE[0], "b": _ONE[1]}
    for m in marks:
        ritual = ritual_by_id.get(m.ritual_id)
        if m.status != "done" or ritual is None:
            continue
        at = m.at or datetime.combine(m.occurrence, time(12, 0))
        rows.append(Row(_aware(at), RITUAL, lead.get(ritual.lead, _BOTH_SEATS), True, m, ritual))
    rows.sort(key=lambda r: (r.at, r.record_id), reverse=True)
    return rows


def partner_words(row: Row, fights: Mapping[str, AfterFight] | None = None) -> Iterator[str]:
    """Everything partners wrote that the row's entry shows (its title and blocks' words;
    `fights` by id, for what a weekly check-in looked back on after a fight)."""
    record = row.record
    if isinstance(record, Entry):
        yield record.title
        yield from (b.text for b in record.blocks)
    elif isinstance(record, ListeningSession):
        yield record.topic
        for turn in record.turns:
            yield from (s.text for s in turn.summaries)
            yield from (turn.more, turn.validation, turn.empathy)
        yield from record.closing[:2]
    elif isinstance(record, Statement):
        if record.text:
            yield record.text
        else:
            yield from (record.feeling, record.situation, record.need, record.request)
    elif isinstance(record, CheckIn):
        yield record.issue
        if row.previous is not None and record.promise_review:
            yield from (p.text for p in row.previous.promises)
        if fights and record.promise_review:
            from closeness_tui.fight_promises import reviewed

            yield from (text for _, _, text in reviewed(record.promise_review, fights))
        answers = visible_gratitude(record.answers) if record.kind == GRATITUDE else record.answers
        for a in answers:
            yield from (a.text, a.reply)
        yield from (p.text for p in record.promises)
    elif isinstance(record, RitualMark):
        if row.ritual is not None:
            yield row.ritual.name
        yield record.note


class JournalIndex:
    """The timeline of one data version: rows now, entries and the search haystack on demand."""

    def __init__(
        self,
        rows: list[Row],
        names: Sequence[str],
        rituals: Sequence[Ritual] = (),
        marks: Sequence[RitualMark] = (),
        fights: Sequence[AfterFight] = (),
        solutions: Sequence[Solution] = (),
    ) -> None:
        self.rows = rows
        self.names = tuple(names)
        self.rituals = list(rituals)  # every ritual and mark, kept or skipped (insights)
        self.marks = list(marks)
        self.fights = list(fights)  # after-a-fight talks and solutions (insights, look-backs)
        self.solutions = list(solutions)
        self.fights_by_id = {f.id: f for f in self.fights}
        self._entries: dict[int, Entry] = {}
        self._hays: list[bytes] | None = None
        self._lock = threading.Lock()
        self.insights_cache: dict[Any, Any] = {}  # closeness_tui.insights keeps its figures here

    @classmethod
    def from_store(cls, store: Any, names: Sequence[str]) -> JournalIndex:
        """Each table read once (anything with `.all(RecordType)`)."""
        get = store.all
        with gc_paused():  # tens of thousands of small objects, no cycles among them
            rituals, marks = get(Ritual), get(RitualMark)
            fights, solutions = get(AfterFight), get(Solution)
            rows = rows_of(
                listening=get(ListeningSession),
                statements=get(Statement),
                checkins=get(CheckIn),
                rituals=rituals,
                marks=marks,
            )
            extra = talk_and_card_entries(store, names)
        if extra:
            rows += [Row(_aware(e.at), e.kind, e.seats, e.finished, e) for e in extra]
            rows.sort(key=lambda r: (r.at, r.record_id), reverse=True)
        return cls(rows, names, rituals, marks, fights, solutions)

    def __len__(self) -> int:
        return len(self.rows)

    def entry(self, index: int) -> Entry:
        """The full entry of row `index`, made the first time it is asked for."""
        found = self._entries.get(index)
        if found is None:
            found = self._entries[index] = self._make(self.rows[index])
        return found

    def _make(self, row: Row) -> Entry:
        record = row.record
        if isinstance(record, Entry):
            return record
        if isinstance(record, ListeningSession):
            return listening_entry(record, self.names)
        if isinstance(record, Statement):
            return statement_entry(record, self.names)
        if isinstance(record, CheckIn):
            return checkin_entry(record, self.names, row.previous, self.fights_by_id)
        assert row.ritual is not None
        return ritual_entry(record, row.ritual, self.names)

    # -- search ----------------------------------------------------------------------------

    @property
    def searchable(self) -> bool:
        return self._hays is not None

    def build_search(self) -> None:
        """Build the haystacks (safe to call from a worker thread; the first call builds)."""
        with self._lock:
            if self._hays is not None:
                return
            talks = self.fights_by_id
            with gc_paused():
                self._hays = [
                    "\n".join(w for w in partner_words(row, talks) if w).casefold().encode()
                    for row in self.rows
                ]

    def select(
        self,
        kind: str | None = None,
        seat: int | None = None,
        query: str = "",
        within: Sequence[int] | None = None,
    ) -> Sequence[int]:
        """Positions of the rows of one kind, with one partner, holding every word of `query`
        (looking only at the positions `within`, when given): all of them, now."""
        return Matches(self, kind, seat, tuple(query.casefold().split()), within).finish().items


CHUNK = 2500  # entries looked at in one go (a few ms); keys are answered between chunks


class Matches:
    """What a search finds, found a chunk at a time: `first()` finds the first screenful at
    once, `more()` goes on through the rest while nothing else is asked. Rows come in the
    timeline's order, so what is shown never moves as more is found."""

    def __init__(
        self,
        index: JournalIndex,
        kind: str | None,
        seat: int | None,
        words: tuple[str, ...],
        within: Sequence[int] | None = None,
    ) -> None:
        self.index, self.kind, self.seat, self.words = index, kind, seat, words
        self._from: Sequence[int] = range(len(index.rows)) if within is None else within
        # The longest word first: it usually leaves the fewest entries for the others.
        self._needles = sorted({w.encode() for w in words}, key=len, reverse=True)
        self._at = 0
        self.items: Sequence[int]
        if not self._needles and kind is None and seat is None:
            self.items, self._at = self._from, len(self._from)  # everything, as it is
        else:
            self.items = []

    @property
    def done(self) -> bool:
        return self._at >= len(self._from)

    def more(self, budget: int = CHUNK) -> bool:
        """Look at up to `budget` more entries; True once every entry has been looked at."""
        if self.done:
            return True
        end = min(len(self._from), self._at + budget)
        chosen: Sequence[int] = self._from[self._at : end]
        rows = self.index.rows
        kind, seat = self.kind, self.seat
        if kind is not None or seat is not None:
            chosen = [
                i
                for i in chosen
                if (kind is None or rows[i].kind == kind)
                and (seat is None or seat in rows[i].seats)
            ]
        if self._needles:
            self.index.build_search()
            hays = self.index._hays
            assert hays is not None
            for word in self._needles:
                chosen = [i for i in chosen if word in hays[i]]
        assert isinstance(self.items, list)
        self.items.extend(chosen)
        self._at = end
        return self.done

    def first(self, want: int, budget: int = 2 * CHUNK) -> Matches:
        """Find `want` rows, looking at no more than `budget` entries (rare words: the rest
        comes from `more()`)."""
        looked = 0
        while len(self.items) < want and looked < budget and not self.done:
            self.more(min(CHUNK, budget - looked))
            looked += CHUNK
        return self

    def finish(self) -> Matches:
        while not self.more():
            pass
        return self


def narrows(before: Sequence[str], after: Sequence[str]) -> bool:
    """True when every entry matching the words `after` also matches the words `before`:
    each earlier word is inside one of the new ones (a letter or a word was added)."""
    return all(any(old in new for new in after) for old in before)


class Search:
    """Search as you type: a query that only adds to the last one looks through the last
    one's matches (once they are all found), not every entry again."""

    def __init__(self) -> None:
        self._last: Matches | None = None

    def start(self, index: JournalIndex, kind: str | None, seat: int | None, query: str) -> Matches:
        words = tuple(query.casefold().split())
        last = self._last
        within = None
        if (
            last is not None
            and last.done
            and last.index is index
            and (last.kind, last.seat) == (kind, seat)
            and last.words
            and narrows(last.words, words)
        ):
            within = last.items
        self._last = Matches(index, kind, seat, words, within)
        return self._last

    def select(
        self, index: JournalIndex, kind: str | None, seat: int | None, query: str
    ) -> Sequence[int]:
        """Every match now (tests, benches)."""
        return self.start(index, kind, seat, query).finish().items


# -- one index per data version -------------------------------------------------------------

FREEZE_FROM = 5000  # entries (about five years)
_cache: dict[int, tuple[object, Any, JournalIndex]] = {}
_cache_lock = threading.Lock()
_build_lock = threading.Lock()


def cached_index(store: Any, version: Any, names: Sequence[str]) -> JournalIndex | None:
    """The index of `store` built at data version `version` with these names, if there is one."""
    held = _cache.get(id(store))
    if held is not None and held[0] is store and held[1] == (version, tuple(names)):
        return held[2]
    return None


def index_for(store: Any, version: Any, names: Sequence[str]) -> JournalIndex:
    """The cached index, or a new one built now and kept (call from a worker when slow).
    One build at a time: a second caller (the journal opened while Home's read-ahead is
    still building) waits for the first and takes what it built."""
    found = cached_index(store, version, names)
    if found is not None:
        return found
    with _build_lock:
        found = cached_index(store, version, names)
        if found is not None:
            return found
        return _build(store, version, names)


def _build(store: Any, version: Any, names: Sequence[str]) -> JournalIndex:
    for attempt in range(3):
        try:
            index = JournalIndex.from_store(store, names)
            break
        except RuntimeError:  # a save on the UI thread changed a table under this read
            if attempt == 2:
                raise
    with _cache_lock:
        _cache.clear()  # one store, one version: the old index is garbage now
        _cache[id(store)] = (store, (version, tuple(names)), index)
    # Years of records and their index stay until the data changes, and hold no cycles:
    # freezing them keeps each full pass of the cyclic GC (0.3-0.6 s over 30 years of
    # objects) from walking them again in the middle of a key press. What is frozen is still
    # freed by reference counting when the index is replaced. (Small data: not worth it.)
    if len(index) >= FREEZE_FROM:
        gc.freeze()
    return index
