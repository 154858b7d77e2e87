"""The command palette offers every screen and action but never "Screenshot"; names that
look like markup are shown literally and clicking them does nothing."""

from __future__ import annotations

import pytest
from conftest import build_app, seed_names
from textual.command import CommandPalette
from textual.widgets import Input, OptionList, Static

from closeness_tui.apptext import app_text
from closeness_tui.screens.home import HomeScreen
from closeness_tui.screens.settings import SettingsScreen

SOUP = ("[/]", "[@click=app.quit]x[/]")


async def palette_titles(app, pilot, query: str = "") -> list[str]:
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(app.screen, CommandPalette)
    if query:
        await pilot.press(*query)
    await pilot.pause(0.3)
    results = app.screen.query_one(OptionList)
    titles = []
    for i in range(results.option_count):
        prompt = results.get_option_at_index(i).prompt
        titles.append(str(getattr(prompt, "plain", prompt)).split("\n")[0].strip())
    return titles


async def test_system_commands_leave_out_screenshot(named_app):
    async with named_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = [c.title for c in named_app.get_system_commands(named_app.screen)]
        assert "Screenshot" not in titles
        assert "Theme" in titles and "Keys" in titles


async def test_palette_lists_every_screen_and_action(data_dir, clock):
    seed_names(data_dir)
    app = build_app(data_dir, clock)
    text = app_text()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        titles = await palette_titles(app, pilot)
        for entry in text.home.entries:
            assert entry.title in titles
        for words in (text.palette.home, text.palette.help, text.palette.theme):
            assert words[0] in titles
        assert titles.count("Quit") == 1  # ours (asks first when words are unsaved)
        assert "Screenshot" not in titles
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

        titles = await palette_titles(app, pilot, "screenshot")
        assert not any("screenshot" in t.lower() for t in titles)
        await pilot.press("escape")
        await pilot.pause()

        # A palette command really opens its screen.
        titles = await palette_titles(app, pilot, "Settings")
        assert titles[0] == "Settings"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)


async def test_palette_toggles_the_theme(named_app):
    async with named_app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        dark = named_app.current_theme.dark
        await palette_titles(named_app, pilot, app_text().palette.theme[0])
        await pilot.press("enter")
        await pilot.pause()
        assert named_app.current_theme.dark is not dark


@pytest.mark.parametrize("names", [SOUP, ("I feel [hurt]", "[bold]B[/bold]")])
async def test_markup_looking_names_are_shown_literally_and_inert(data_dir, clock, names):
    seed_names(data_dir, *names)
    app = build_app(data_dir, clock)
    a, b = names
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        greeting = app.screen.query_one("#greeting", Static)
        assert greeting.visual.plain == f"Hello, {a} and {b}"
        # Click on every character of the second name: nothing is a link, the app runs on.
        start = len(f"Hello, {a} and ")
        for x in range(start, start + len(b)):
            await pilot.click("#greeting", offset=(x, 0))
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, HomeScreen)

        await pilot.press("s")
        await pilot.pause()
        assert app.screen.query_one("#first-name", Input).value == a
        assert app.screen.query_one("#second-name", Input).value == b
        for widget_id in ("#first-name", "#second-name"):
            await pilot.click(widget_id, offset=(4, 1))
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, SettingsScreen)
        await pilot.press("escape")
        await pilot.pause()
        # Help and the palette do not show names, but they must still open fine.
        await pilot.press("f1")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#greeting", Static).visual.plain == f"Hello, {a} and {b}"


async def test_palette_before_names_offers_no_screens(app):
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        titles = await palette_titles(app, pilot)
        words = app_text().palette
        assert words.help[0] in titles and words.quit[0] in titles
        assert words.home[0] not in titles
        assert not any(e.title in titles for e in app_text().home.entries)
