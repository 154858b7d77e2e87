"""ctrl+p finds every screen and action by name, and the current screen's own come first."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette
from textual.widgets import OptionList

from closeness_tui.screens.gratitude import GratitudeScreen
from closeness_tui.screens.insights import InsightsScreen
from closeness_tui.screens.journal import JournalScreen
from closeness_tui.screens.nightly import NightlyScreen
from closeness_tui.screens.ritual_widgets import ExportDialog
from closeness_tui.screens.rituals import RitualsScreen
from closeness_tui.screens.statement_complaint import ComplaintScreen
from closeness_tui.screens.statement_practice import PracticeScreen
from closeness_tui.screens.weekly import WeeklyScreen


async def palette_titles(app, pilot, query: str = "") -> list[str]:  # type: ignore[no-untyped-def]
    """Open the palette, type `query`, and read the titles once the list stops changing
    (the palette gathers its commands in the background; a busy machine is slow)."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(app.screen, CommandPalette)
    if query:
        await pilot.press(*query)
    before: list[str] | None = None
    for _ in range(50):
        await pilot.pause(0.1)
        results = app.screen.query_one(OptionList)
        titles = []
        for i in range(results.option_count):
            prompt = results.get_option_at_index(i).prompt
            titles.append(str(getattr(prompt, "plain", prompt)).split("\n")[0].strip())
        if titles and titles == before:
            return titles
        before = titles
    return before or []


@pytest.mark.parametrize(
    ("query", "title", "lands_on"),
    [
        ("night", "Nightly check-in", NightlyScreen),
        ("grat", "Gratitude exchange", GratitudeScreen),
        ("weekly", "Weekly check-in", WeeklyScreen),
        ("insight", "Insights", InsightsScreen),
        ("practice", "Practice", PracticeScreen),
        ("complaint", "Starting from a complaint", ComplaintScreen),
        ("export", "Rituals: Export .ics", ExportDialog),
    ],
)
async def test_palette_finds_each_screen_and_action_from_home(named_app, query, title, lands_on):
    app = named_app
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pilot.pause()
        titles = await palette_titles(app, pilot, query)
        assert titles[0] == title, titles
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, lands_on)


async def test_the_current_screens_own_keys_come_first(named_app):
    app = named_app
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        own = [b.description for b in JournalScreen.help_bindings()]
        titles = await palette_titles(app, pilot)  # nothing typed: everything, own first
        assert titles[: len(own)] == own
        await pilot.press("escape")
        await pilot.pause()
        titles = await palette_titles(app, pilot, "se")  # "Search" (own) before "Settings"
        assert titles.index("Search") < titles.index("Settings")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)


async def test_an_action_of_the_screen_shown_is_offered_once(named_app):
    app = named_app
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RitualsScreen)
        titles = await palette_titles(app, pilot, "export")
        assert titles[0] == "Export .ics"
        assert "Rituals: Export .ics" not in titles
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
