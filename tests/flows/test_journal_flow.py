"""The journal: everything in one timeline, filtered by kind and partner, searched, each
entry opened and shown exactly as written; insights with sparklines."""

from __future__ import annotations

from checkins_seed import HEBREW, TRICKY, seed
from conftest import build_app
from textual.widgets import Input, OptionList, Sparkline, Static

from closeness_tui.journal import KINDS
from closeness_tui.screens.insights import InsightsScreen
from closeness_tui.screens.journal import JournalScreen
from closeness_tui.screens.journal_entry import JournalEntryScreen
from closeness_tui.screens.listening_detail import ListeningDetailScreen


def _rows(screen) -> list[str]:
    options = screen.query_one("#entries", OptionList)
    return [options.get_option_at_index(i).prompt.plain for i in range(options.option_count)]


async def test_journal_timeline_filters_search_and_entries(data_dir, clock):
    seed(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("j")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        rows = _rows(screen)
        assert len(rows) == 7
        assert rows[0].startswith("Sun 15 Nov 18:00  Weekly check-in")
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
        options = screen.query_one("#entries", OptionList)
        options.focus()
        options.highlighted = 1
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, ListeningDetailScreen) and detail.session_id == "l-1"
        shown = "\n".join(w.visual.plain for w in detail.query(Static))
        assert "Evenings & *phones*" in shown and HEBREW in shown


async def test_insights_show_sparklines_and_figures(data_dir, clock, monkeypatch):
    from closeness_tui import journal

    monkeypatch.setattr(journal, "ritual_planner", lambda: None)  # count marked days only
    seed(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InsightsScreen)
        activity = screen.query_one("#activity", Sparkline)
        assert list(activity.data) == [0] * 9 + [1, 4, 0]
        assert not screen.query("#accuracy")  # one session is not a trend
        value = screen.query_one("#accuracy-value", Static).visual.plain
        assert value == "50% of 2 summaries · listening sessions: 1"
        assert screen.query_one("#rituals-value", Static).visual.plain == "1 of 2 times (50%)"
        assert (
            screen.query_one("#promises-value", Static).visual.plain
            == "1 kept, 1 partly, 0 not yet"
        )
        assert screen.query_one("#activity-total", Static).visual.plain == "5 in total"


async def test_empty_journal_says_so_kindly(named_app):
    async with named_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        note = named_app.screen.query_one("#journal-empty", Static).visual.plain
        assert note.startswith("Nothing here yet")
        await pilot.press("i")
        await pilot.pause()
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
        await pilot.press("j", "i")
        await pilot.pause()
        screen = app.screen
        assert list(screen.query_one("#accuracy", Sparkline).data) == [0.5, 1.0]
        value = screen.query_one("#accuracy-value", Static).visual.plain
        assert value == "75% of 4 summaries · listening sessions: 2"
        assert list(screen.query_one("#activity", Sparkline).data)[-3:] == [1, 4, 1]


async def test_weekly_entry_opens_its_listening_session(data_dir, clock):
    seed(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        await pilot.pause()
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
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        assert app.screen.entry.kind == "nightly"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#entries", OptionList).highlighted == 3
