"""The journal's index: the same timeline as journal.timeline(), built once, searched fast."""

from __future__ import annotations

import pytest
from checkins_seed import records
from hypothesis import given, settings
from hypothesis import strategies as st

from closeness_tui.journal import filter_entries, timeline
from closeness_tui.journal_index import (
    JournalIndex,
    Search,
    cached_index,
    index_for,
    narrows,
    rows_of,
)
from closeness_tui.models import CheckIn, ListeningSession, Ritual, RitualMark, Statement

NAMES = ("Ana", "Ben")
KINDS = {
    "listening": ListeningSession,
    "statements": Statement,
    "checkins": CheckIn,
    "rituals": Ritual,
    "marks": RitualMark,
}


def _split(recs):
    return {k: [r for r in recs if isinstance(r, t)] for k, t in KINDS.items()}


class FakeStore:
    """Anything with all(RecordType), counting the reads."""

    def __init__(self, recs):
        self.recs = list(recs)
        self.reads = 0

    def all(self, record_type):
        self.reads += 1
        return [r for r in self.recs if isinstance(r, record_type)]


@pytest.fixture
def index():
    parts = _split(records())
    return JournalIndex(rows_of(**parts), NAMES, parts["rituals"], parts["marks"])


@pytest.fixture
def entries():
    return timeline(NAMES, **_split(records()))


def test_rows_are_the_timeline_in_its_order(index, entries):
    assert [r.record_id for r in index.rows] == [e.record_id for e in entries]
    assert [(r.kind, r.at, r.seats, r.finished) for r in index.rows] == [
        (e.kind, e.at, e.seats, e.finished) for e in entries
    ]


def test_each_entry_is_made_once_and_equals_the_timelines(index, entries):
    for i, expected in enumerate(entries):
        made = index.entry(i)
        assert made == expected
        assert index.entry(i) is made


def test_the_haystack_holds_every_word_each_entry_shows(index):
    index.build_search()
    for i in range(len(index)):
        entry = index.entry(i)
        for text in [entry.title, *(b.text for b in entry.blocks)]:
            for word in text.split():
                assert i in index.select(query=word), (entry.record_id, word)


@pytest.mark.parametrize(
    "kind, seat, query, ids",
    [
        (
            None,
            None,
            "",
            ["c-weekly-2", "c-gratitude", "m-1", "c-nightly", "s-1", "l-1", "c-weekly-1"],
        ),
        ("gratitude", None, "", ["c-gratitude"]),
        ("statement", 0, "", []),
        ("statement", 1, "", ["s-1"]),
        (None, None, "[hurt]", ["c-nightly"]),
        (None, None, "PHONES", ["c-weekly-2", "l-1", "c-weekly-1"]),
        (None, None, "walk phones", ["c-weekly-2", "c-weekly-1"]),
        (None, None, "phones walk", ["c-weekly-2", "c-weekly-1"]),
        (None, None, "תודה", ["c-nightly", "l-1"]),
        (None, None, "💛", ["c-gratitude"]),
        (None, None, "nothing like this", []),
        ("weekly", None, "bed", ["c-weekly-2"]),
    ],
)
def test_select_by_kind_partner_and_words(index, kind, seat, query, ids):
    assert [index.rows[i].record_id for i in index.select(kind, seat, query)] == ids


@pytest.mark.parametrize(
    "before, after, narrower",
    [
        ((), ("a",), True),  # nothing asked before: everything matched
        (("c",), ("co",), True),
        (("co",), ("c",), False),
        (("walk",), ("walk", "ph"), True),
        (("walk", "ph"), ("walk",), False),
        (("ph",), ("phones",), True),
        (("ones",), ("phones",), True),
        (("x",), ("phones",), False),
    ],
)
def test_narrows(before, after, narrower):
    assert narrows(before, after) is narrower


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["p", "h", "o", "n", "e", "s", " ", "w", "a", "l", "k", "ת", "💛"]),
        max_size=8,
    )
)
def test_search_as_you_type_finds_what_a_fresh_search_finds(typed):
    parts = _split(records())
    index = JournalIndex(rows_of(**parts), NAMES)
    search = Search()
    query = ""
    for ch in typed:
        query += ch
        assert list(search.select(index, None, None, query)) == list(index.select(query=query))
    # and deleting back letter by letter
    while query:
        query = query[:-1]
        assert list(search.select(index, None, None, query)) == list(index.select(query=query))


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=6))
def test_select_agrees_with_filtering_entries_on_their_words(query):
    """filter_entries() also matches names and labels; on the words partners wrote (what the
    haystack holds) the two agree."""
    parts = _split(records())
    index = JournalIndex(rows_of(**parts), NAMES)
    entries = timeline(NAMES, **parts)
    found = {index.rows[i].record_id for i in index.select(query=query)}
    by_entries = {e.record_id for e in filter_entries(entries, query=query)}
    assert found <= by_entries


def test_one_index_per_store_and_version():
    store = FakeStore(records())
    first = index_for(store, 1, NAMES)
    reads = store.reads
    assert index_for(store, 1, NAMES) is first
    assert cached_index(store, 1, NAMES) is first
    assert store.reads == reads  # nothing read again
    assert cached_index(store, 2, NAMES) is None  # saved since: built again
    second = index_for(store, 2, NAMES)
    assert second is not first and store.reads == 2 * reads
    assert cached_index(store, 2, ("Ana", "Bo")) is None  # renamed: the labels change
    assert cached_index(FakeStore(records()), 2, NAMES) is None  # another store


def test_a_second_caller_waits_for_the_build_under_way_and_takes_it():
    """Home's read-ahead and the journal's own worker may ask at once: one build, one index."""
    import threading

    class SlowStore(FakeStore):
        def __init__(self, recs):
            super().__init__(recs)
            self.reading = threading.Event()
            self.go_on = threading.Event()

        def all(self, record_type):
            self.reading.set()
            self.go_on.wait(10)
            return super().all(record_type)

    store = SlowStore(records())
    got = []
    first = threading.Thread(target=lambda: got.append(index_for(store, 7, NAMES)))
    first.start()
    assert store.reading.wait(10)  # the first build is reading
    second = threading.Thread(target=lambda: got.append(index_for(store, 7, NAMES)))
    second.start()
    second.join(0.05)
    assert second.is_alive()  # waiting for the first, not reading for itself
    store.go_on.set()
    first.join(10)
    second.join(10)
    assert len(got) == 2 and got[0] is got[1]
    one_build = FakeStore(records())
    JournalIndex.from_store(one_build, NAMES)
    assert store.reads == one_build.reads  # read once, not twice
