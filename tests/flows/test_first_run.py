"""First run through Home, with the real store underneath."""

from __future__ import annotations

import msgspec
from conftest import build_app
from textual.widgets import Input, OptionList, Static

from closeness_tui.screens.dialogs import ConfirmDialog
from closeness_tui.screens.home import HomeScreen
from closeness_tui.screens.setup import SetupScreen
from closeness_tui.screens.welcome import WelcomeScreen
from closeness_tui.store import Store


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


async def test_first_run_by_keyboard_alone_then_next_start_opens_on_home(app, data_dir, clock):
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # Let's begin
        await pilot.pause()
        assert app.focused is app.screen.query_one("#first-name", Input)
        await pilot.press(*"Zoë", "enter")  # Enter moves on to the second name
        await pilot.pause()
        assert app.focused is app.screen.query_one("#second-name", Input)
        await pilot.press(*"Noa", "enter")  # and saves both
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.focused is app.screen.query_one("#entries", OptionList)
        assert len(app.screen_stack) == 2  # nothing behind Home to go back to
    with Store.open(data_dir, read_only=True) as store:
        assert store.settings().names == ("Zoë", "Noa")
    assert (data_dir.stat().st_mode & 0o777) == 0o700
    assert ((data_dir / "closeness.json").stat().st_mode & 0o777) == 0o600

    again = build_app(data_dir, clock)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, HomeScreen)
        assert again.screen.query_one("#greeting", Static).visual.plain == "Hello, Zoë and Noa"


async def test_quitting_during_first_run(app, data_dir):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"Ana")
        await pilot.press("ctrl+q")  # a name is typed but not saved: ask first
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
    assert app.return_code == 0
    # Nothing was confirmed, so no names were saved; the next start welcomes them again.
    with Store.open(data_dir, read_only=True) as store:
        assert not store.settings().named
