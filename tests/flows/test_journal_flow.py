"""The journal: everything in one timeline, filtered by kind and partner, searched, each
entry opened and shown exactly as written; insights with sparklines."""

from __future__ import annotations

from checkins_seed import HEBREW, TRICKY, seed
from conftest import build_app
from textual.widgets import Input, Static

from closeness_tui.journal import KINDS
from closeness_tui.screens.insights import InsightsScreen
from closeness_tui.screens.journal import JournalScreen
from closeness_tui.screens.journal_entry import JournalEntryScreen
from closeness_tui.screens.listening_detail import ListeningDetailScreen
from closeness_tui.screens.long_list import LongList


def _rows(screen) -> list[str]:
    """Every row the journal's list would draw, as plain text."""
    entries = screen.query_one("#entries", LongList)
    return [entries.row_content(i).plain for i in range(entries.count)]


async def _open_journal(pilot) -> JournalScreen:
    """Press j and wait until the journal has read everything (its worker starts once the
    screen is drawn, so one pause is not always enough on a busy machine)."""
    await pilot.press("j")
    for _ in range(100):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.02)
        screen = pilot.app.screen
        if isinstance(screen, JournalScreen) and screen.index and screen.index.searchable:
            break
    assert isinstance(pilot.app.screen, JournalScreen)
    return pilot.app.screen


async def _open_insights(pilot) -> InsightsScreen:
    """Press i and wait until Insights has its figures (made in a worker the first time)."""
    await pilot.press("i")
    for _ in range(100):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.02)
        if pilot.app.screen.query("#activity"):
            break
    assert isinstance(pilot.app.screen, InsightsScreen)
    return pilot.app.screen


async def test_journal_timeline_filters_search_and_entries(data_dir, clock):
    seed(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await _open_journal(pilot)
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        rows = _rows(screen)
        assert len(rows) == 7
        assert rows[0].startswith("Sun 15 Nov 2026 18:00  Weekly check-in")
        assert "Evenings & *phones*" in rows[0]
        assert (
            screen.query_one("#filters", Static).visual.plain == "Showing everything, both of you"
        )
        # Kind: listening sessions only, then I-statements; partner: Ana has none.
        await pilot.press("k")
        await pilot.pause()
        assert [r.split("  ")[1].split("\n")[0] for r in _rows(screen)] == ["Listening session"]
        await pilot.press("k")
        await pilot.press("p")
        await pilot.pause()
        assert screen.query_one("#filters", Static).visual.plain == "Showing I-statement, Ana"
        assert _rows(screen) == []
        assert "Nothing matches" in screen.query_one("#journal-empty", Static).visual.plain
        await pilot.press("p")
        await pilot.pause()
        assert len(_rows(screen)) == 1
        # Back to everything, then search the words themselves.
        for _ in range(len(KINDS) - 1):  # the rest of the kinds, then "everything"
            await pilot.press("k")
        await pilot.press("p")
        await pilot.press("slash")
        await pilot.pause()
        assert screen.query_one("#search", Input).has_focus
        await pilot.press(*"[hurt]")
        await pilot.pause()
        rows = _rows(screen)
        assert len(rows) == 1 and "Nightly check-in" in rows[0]
        await pilot.press("enter")  # from the search box to the list
        await pilot.press("enter")  # open
        await pilot.pause()
        entry = app.screen
        assert isinstance(entry, JournalEntryScreen)
        texts = [w.visual.plain for w in entry.query(".block-text")]
        assert texts == [TRICKY, HEBREW, "1. tea\n- a hug"]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        # The listening session opens in the listening history's own view.
        screen.query_one("#search", Input).value = "phones"
        await pilot.pause()
        entries = screen.query_one("#entries", LongList)
        entries.focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, ListeningDetailScreen) and detail.session_id == "l-1"
        shown = "\n".join(w.visual.plain for w in detail.query(Static))
        assert "Evenings & *phones*" in shown and HEBREW in shown


def _plain(screen, selector: str) -> str:
    return screen.query_one(selector, Static).visual.plain


async def test_insights_show_charts_and_figures_with_their_periods(data_dir, clock, monkeypatch):
    from closeness_tui import journal

    monkeypatch.setattr(journal, "ritual_planner", lambda: None)  # count marked days only
    seed(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await _open_journal(pilot)
        await _open_insights(pilot)
        screen = app.screen
        assert isinstance(screen, InsightsScreen)
        # One bar per week, the tallest week full; the periods are named under the bars.
        assert _plain(screen, "#activity") == " " * 9 + "▃█ "
        assert _plain(screen, "#activity-axis") == "31 Aug … this week"
        assert _plain(screen, "#activity-total") == "5 in these 12 weeks"
        assert not screen.query("#history")  # everything is within the 12 weeks
        assert _plain(screen, "#accuracy") == "·" * 10 + "▅·"
        value = _plain(screen, "#accuracy-value")
        assert value == "50% of 2 summaries · listening sessions: 1 · since 10 Nov 2026"
        # one definition of follow-through: 1 kept, 1 skipped (never counted), 18 missed since 1 Nov
        assert _plain(screen, "#rituals-value") == "1 of 19 times (5%)"
        headings = [w.visual.plain for w in screen.query(".heading")]
        assert "Rituals kept in the last 28 days (25 Oct 2026 to 21 Nov 2026)" in headings
        assert _plain(screen, "#promises-value") == "1 kept, 1 partly, 0 not yet, since 15 Nov 2026"


async def test_empty_journal_says_so_kindly(named_app):
    async with named_app.run_test(size=(80, 24)) as pilot:
        await _open_journal(pilot)
        note = named_app.screen.query_one("#journal-empty", Static).visual.plain
        assert note.startswith("Nothing here yet")
        await _open_insights(pilot)
        screen = named_app.screen
        assert (
            screen.query_one("#accuracy-value", Static).visual.plain
            == "No listening summaries yet."
        )
        assert screen.query_one("#promises-value", Static).visual.plain.startswith("No promises")


async def test_listening_accuracy_trend_appears_with_two_sessions(data_dir, clock):
    from checkins_seed import at

    from closeness_tui.models import ListeningSession, Summary, Turn
    from closeness_tui.store import Store

    seed(data_dir)
    with Store.open(data_dir) as store:
        store.put(
            ListeningSession(
                started_at=at(17),
                status="done",
                turns=[
                    Turn(speaker=0, summaries=[Summary(text="a", rating="got_it")]),
                    Turn(speaker=1, summaries=[Summary(text="b", rating="got_it")]),
                ],
            )
        )
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_journal(pilot)
        await _open_insights(pilot)
        screen = app.screen
        # Two weeks with listening: half understood at once, then all of it.
        assert _plain(screen, "#accuracy")[-2:] == "▅█"
        value = screen.query_one("#accuracy-value", Static).visual.plain
        assert value.startswith("75% of 4 summaries · listening sessions: 2")
        assert _plain(screen, "#activity")[-3:] == "▃█▃"  # 1, 4, 1


async def test_weekly_entry_opens_its_listening_session(data_dir, clock):
    seed(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_journal(pilot)
        await pilot.press("enter")  # the newest: the weekly check-in linked to session l-1
        await pilot.pause()
        weekly = app.screen
        assert isinstance(weekly, JournalEntryScreen) and weekly.entry.link == "l-1"
        assert "Press l to open it" in weekly.query_one("#entry-link", Static).visual.plain
        await pilot.press("l")
        await pilot.pause()
        session = app.screen
        assert isinstance(session, ListeningDetailScreen) and session.session_id == "l-1"


async def test_coming_back_from_an_entry_keeps_the_place(data_dir, clock):
    seed(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_journal(pilot)
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        assert app.screen.entry.kind == "nightly"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#entries", LongList).cursor == 3


async def test_esc_clears_the_search_first_and_an_empty_result_says_so(data_dir, clock):
    seed(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await _open_journal(pilot)
        screen = app.screen
        await pilot.press("slash", *"zebra")
        await pilot.pause()
        assert _rows(screen) == []
        note = screen.query_one("#journal-empty", Static)
        assert note.display and note.visual.plain.startswith("Nothing matches")
        await pilot.press("escape")  # the first Esc clears the search and stays
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#search", Input).value == ""
        assert len(_rows(screen)) == 7 and not note.display
        assert screen.query_one("#entries", LongList).has_focus
        await pilot.press("escape")  # the second one leaves
        await pilot.pause()
        assert not isinstance(app.screen, JournalScreen)


async def test_the_journal_is_built_once_and_again_only_after_a_save(data_dir, clock):
    from closeness_tui.models import Statement

    seed(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await _open_journal(pilot)
        screen = app.screen
        built = screen.index
        await pilot.press("down")
        await _open_insights(pilot)
        assert isinstance(app.screen, InsightsScreen)
        await pilot.press("escape")  # back from insights: nothing is read again
        await pilot.pause()
        assert app.screen is screen and screen.index is built
        assert screen.query_one("#entries", LongList).cursor == 1
        await pilot.press("enter")
        await pilot.pause()
        assert app.save(Statement(author=0, created_at=clock.now(), text="A new one 🌱"))
        await pilot.press("escape")  # something was saved meanwhile: read again
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.index is not built and len(screen.index) == 8
        assert "A new one 🌱" in _rows(screen)[0]


async def test_a_read_that_a_save_overtook_is_read_again(data_dir, clock):
    from closeness_tui.models import Statement

    seed(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await _open_journal(pilot)
        old_index, old_version = screen.index, screen.version
        assert app.save(Statement(author=1, created_at=clock.now(), text="Saved meanwhile"))
        # A worker's read that began before that save reports in after it: not kept.
        screen.post_message(JournalScreen.Ready(old_index, old_version))
        for _ in range(100):
            await app.workers.wait_for_complete()
            await pilot.pause(0.02)
            if screen.index is not old_index and screen.index.searchable:
                break
        assert len(screen.index) == 8 and screen.version == screen._version()
        assert "Saved meanwhile" in _rows(screen)[0]
