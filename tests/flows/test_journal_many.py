"""Years of entries (three years from bench/make_data.py, about 3,400 records): the journal
says at once that it is opening and then shows its rows, Home reads ahead so a later open
needs no reading at all, search finds what the plain filter finds and clearing it brings
every entry back; Past sessions lists every session. (Speed itself is measured in bench/.)"""

from __future__ import annotations

import shutil
import sys
import threading
from pathlib import Path

import pytest
from conftest import build_app
from textual.widgets import Input, Static

from closeness_tui import journal
from closeness_tui.checkins_text import checkins_text
from closeness_tui.journal_index import JournalIndex, cached_index
from closeness_tui.listening import newest_first
from closeness_tui.models import ListeningSession
from closeness_tui.screens import journal as journal_screen
from closeness_tui.screens.home import HomeScreen
from closeness_tui.screens.journal import JournalScreen
from closeness_tui.screens.listening_history import ListeningHistoryScreen
from closeness_tui.screens.long_list import LongList
from closeness_tui.store import Store

BENCH = Path(__file__).resolve().parents[2] / "bench"
YEARS = 3


@pytest.fixture(scope="module")
def years_of_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(BENCH))
    try:
        from make_data import make
    finally:
        sys.path.remove(str(BENCH))
    folder = tmp_path_factory.mktemp("years") / "data"
    make(folder, YEARS)
    return folder


@pytest.fixture
def many(years_of_data: Path, data_dir: Path) -> Path:
    shutil.copytree(years_of_data, data_dir)
    return data_dir


def _entries(data_dir: Path) -> list[journal.Entry]:
    """Every entry as the plain (whole-timeline) journal reads it."""
    with Store.open(data_dir, read_only=True) as store:
        return journal.from_store(store, store.settings().names)


def _searched(data_dir: Path, query: str) -> list[str]:
    """What a search for `query` finds, all at once, on an index built here (the screen
    finds it a chunk at a time, narrowing as letters are typed)."""
    with Store.open(data_dir, read_only=True) as store:
        index = JournalIndex.from_store(store, store.settings().names)
    return [index.rows[i].record_id for i in index.select(query=query)]


async def _settle(pilot, done) -> None:
    for _ in range(200):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.02)
        if done():
            return
    raise AssertionError("the screen did not finish reading")


def _ready(app) -> bool:
    screen = app.screen
    return isinstance(screen, JournalScreen) and screen.index is not None and screen.shown != []


async def test_the_journal_says_it_is_opening_then_shows_the_newest_rows(many, clock, monkeypatch):
    monkeypatch.setattr(HomeScreen, "READ_AHEAD", False)  # the journal reads for itself
    gate = threading.Event()
    real_index_for = journal_screen.index_for

    def held_index_for(*args):
        gate.wait(10)
        return real_index_for(*args)

    monkeypatch.setattr(journal_screen, "index_for", held_index_for)
    newest = max(e.at for e in _entries(many))
    app = build_app(many, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("j")
        await pilot.pause(0.05)
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        note = screen.query_one("#journal-empty", Static)
        assert note.display and note.visual.plain == checkins_text().journal.loading
        assert screen.query_one("#entries", LongList).count == 0
        gate.set()
        await _settle(pilot, lambda: _ready(app))
        entries = screen.query_one("#entries", LongList)
        assert entries.count == len(screen.index) > 2000
        assert not note.display
        first = entries.row_content(0).plain
        assert first.startswith(newest.strftime("%a %d %b %Y %H:%M"))


async def test_home_reads_ahead_so_the_journal_opens_with_nothing_to_read(many, clock):
    app = build_app(many, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        store = app.store
        version = (app.data_version, id(store))
        await _settle(pilot, lambda: cached_index(store, version, app.settings.names) is not None)
        read = cached_index(store, version, app.settings.names)
        assert read is not None
        await _settle(pilot, lambda: read.searchable and bool(read.insights_cache))
        await pilot.press("j")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        assert screen.index is read  # nothing read again
        assert screen.query_one("#entries", LongList).count == len(read)
        assert not screen.query_one("#journal-empty", Static).display


@pytest.mark.parametrize("query", ["dishes", "the phone", "kitchen mess"])
async def test_search_finds_every_match_in_order_and_clearing_brings_all_back(many, clock, query):
    expected = _searched(many, query)
    # The plain filter finds these too (it also looks at names and labels).
    plain = {e.record_id for e in journal.filter_entries(_entries(many), query=query)}
    assert set(expected) <= plain
    app = build_app(many, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("j")
        await _settle(pilot, lambda: _ready(app) and app.screen.index.searchable)
        screen = app.screen
        everything = len(screen.index)
        await pilot.press("slash")
        for key in query:
            await pilot.press("space" if key == " " else key)
        await _settle(pilot, lambda: screen.matches is not None and screen.matches.done)
        found = [screen.entry_at(i).record_id for i in range(len(screen.shown))]
        assert found == expected and 0 < len(found) < everything
        assert screen.query_one("#entries", LongList).count == len(found)
        await pilot.press("ctrl+u")  # empty the box (Esc does too, then leaves the box)
        await _settle(pilot, lambda: screen.query_one("#search", Input).value == "")
        entries = screen.query_one("#entries", LongList)
        assert len(screen.shown) == everything and entries.count == everything
        assert entries.cursor == 0


async def test_past_sessions_lists_every_session_newest_first(many, clock):
    with Store.open(many, read_only=True) as store:
        sessions = newest_first(store.all(ListeningSession))
    app = build_app(many, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ListeningHistoryScreen)
        rows = screen.query_one("#sessions", LongList)
        assert rows.count == len(sessions) == 52 * YEARS
        first = rows.row_content(0).plain
        assert first.startswith(sessions[0].started_at.strftime("%a %d %b %Y, %H:%M"))
        last = rows.row_content(rows.count - 1).plain
        assert last.startswith(sessions[-1].started_at.strftime("%a %d %b %Y, %H:%M"))
