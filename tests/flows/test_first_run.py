"""First run through Home, with the real store underneath."""

from __future__ import annotations

import msgspec
from closeness_tui.screens.home import HomeScreen
from closeness_tui.screens.setup import SetupScreen
from closeness_tui.screens.welcome import WelcomeScreen
from textual.widgets import Input, Static


async def test_first_run_names_are_saved_and_home_greets_them(app, data_dir):
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        app.screen.query_one("#first-name", Input).value = "  Ana [/]  "
        app.screen.query_one("#second-name", Input).value = "שירה 🌙"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        greeting = app.screen.query_one("#greeting", Static).visual.plain
        assert greeting == "Hello, Ana [/] and שירה 🌙"
    saved = msgspec.json.decode((data_dir / "closeness.json").read_bytes())
    (settings,) = saved["settings"].values()
    assert (settings["partner_a"], settings["partner_b"]) == ("Ana [/]", "שירה 🌙")


async def test_names_must_differ_and_not_be_empty(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert "Please add a name" in app.screen.query_one("#first-error", Static).visual.plain
        app.screen.query_one("#first-name", Input).value = "Sam"
        app.screen.query_one("#second-name", Input).value = "sam "
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert "the same" in app.screen.query_one("#second-error", Static).visual.plain
