"""Settings: names edited, checked kindly and saved to disk; leaving or quitting with unsaved
edits asks first; the theme choice survives a restart."""

from __future__ import annotations

import msgspec
import pytest
from conftest import build_app, notices, wait_until
from textual.widgets import Input, Static, Switch

from closeness_tui.app import DARK_THEME, LIGHT_THEME
from closeness_tui.screens.dialogs import ConfirmDialog
from closeness_tui.screens.home import HomeScreen
from closeness_tui.screens.settings import SettingsScreen
from closeness_tui.store import Store


def names_on_disk(data_dir) -> tuple[str, str]:
    with Store.open(data_dir, read_only=True) as store:
        return store.settings().names


def raw_settings(data_dir) -> dict:
    saved = msgspec.json.decode((data_dir / "closeness.json").read_bytes())
    (settings,) = saved["settings"].values()
    return settings


async def open_settings(app, pilot) -> SettingsScreen:
    await pilot.pause()
    await pilot.press("s")
    await pilot.pause()
    assert isinstance(app.screen, SettingsScreen)
    return app.screen


def error_text(screen, which: str) -> str:
    return screen.query_one(f"#{which}-error", Static).visual.plain


async def test_edited_names_are_saved_and_greeted(named_app, data_dir):
    async with named_app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_settings(named_app, pilot)
        screen.query_one("#first-name", Input).value = "  Anabel  "
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(named_app.screen, HomeScreen), "Home")
        greeting = named_app.screen.query_one("#greeting", Static).visual.plain
        assert greeting == "Hello, Anabel and Ben"
        assert any(n.message == "Saved." for n in notices(named_app))
    assert names_on_disk(data_dir) == ("Anabel", "Ben")
    assert raw_settings(data_dir)["partner_a"] == "Anabel"


# Every rule of check_names is a table in tests/unit/test_partner_names.py; here one problem
# in each box shows its words, keeps the focus there and saves nothing.
@pytest.mark.parametrize(
    ("first", "second", "which", "words"),
    [
        ("   ", "Ben", "first", "Please add a name"),
        ("Sam", " sam ", "second", "the same"),
    ],
)
async def test_names_that_cannot_be_saved_are_explained_kindly(
    named_app, data_dir, first, second, which, words
):
    async with named_app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(named_app, pilot)
        screen.query_one("#first-name", Input).value = first
        screen.query_one("#second-name", Input).value = second
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert named_app.screen is screen  # still here, nothing lost
        assert words in error_text(screen, which)
        assert screen.query_one(f"#{which}-name", Input).has_focus
        assert screen.query_one(f"#{which}-error", Static).region.height >= 1  # visible
        assert screen.query_one("#first-name", Input).value == first
    assert names_on_disk(data_dir) == ("Ana", "Ben")


async def test_too_long_is_said_while_typing(named_app):
    async with named_app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(named_app, pilot)
        await pilot.press("end", *"x" * 38)  # "Ana" + 38 = 41
        await pilot.pause()
        assert "40 characters" in error_text(screen, "first")
        await pilot.press("backspace")
        await pilot.pause()
        assert error_text(screen, "first") == ""


# The table of names accepted (any script, NFC, markup soup) is in
# tests/unit/test_partner_names.py; here one of them goes all the way to the disk.
@pytest.mark.parametrize(
    ("first", "second"),
    [("Zoë 🌷", "[@click=app.quit]x[/] Zoe\u0308")],
)
async def test_names_in_any_script_are_accepted(named_app, data_dir, first, second):
    import unicodedata

    async with named_app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(named_app, pilot)
        screen.query_one("#first-name", Input).value = first
        screen.query_one("#second-name", Input).value = second
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(named_app.screen, HomeScreen)
    expected = (unicodedata.normalize("NFC", first), unicodedata.normalize("NFC", second))
    assert names_on_disk(data_dir) == expected


async def test_leaving_with_unsaved_edits_asks_first(named_app, data_dir):
    async with named_app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(named_app, pilot)
        await pilot.press("end", *"bel")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(named_app.screen, ConfirmDialog)
        question = named_app.screen.query_one("#question", Static).visual.plain
        assert "not saved yet" in question
        await pilot.press("enter")  # "Stay" has the focus: the safe choice
        await pilot.pause()
        assert named_app.screen is screen
        assert screen.query_one("#first-name", Input).value == "Anabel"

        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert isinstance(named_app.screen, HomeScreen)
        assert named_app.screen.query_one("#greeting", Static).visual.plain == (
            "Hello, Ana and Ben"
        )
    assert names_on_disk(data_dir) == ("Ana", "Ben")


async def test_leaving_without_edits_does_not_ask(named_app):
    async with named_app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(named_app, pilot)
        screen.query_one("#first-name", Input).value = " Ana "  # same name once trimmed
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(named_app.screen, HomeScreen)


async def test_ctrl_q_with_unsaved_edits_asks_first(named_app, data_dir):
    async with named_app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(named_app, pilot)
        await pilot.press("end", *"bel")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(named_app.screen, ConfirmDialog)
        await pilot.click("#no")
        await pilot.pause()
        assert named_app.screen is screen and named_app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(named_app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await pilot.pause()
    assert named_app.return_code == 0
    assert names_on_disk(data_dir) == ("Ana", "Ben")


async def test_palette_home_with_unsaved_edits_asks_first(named_app):
    async with named_app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(named_app, pilot)
        await pilot.press("end", *"bel")
        named_app.action_home()
        await pilot.pause()
        assert isinstance(named_app.screen, ConfirmDialog)
        await pilot.press("escape")  # Escape on the dialog is "Stay"
        await pilot.pause()
        assert named_app.screen is screen


async def test_ctrl_q_without_edits_quits_at_once(named_app):
    async with named_app.run_test(size=(80, 24)) as pilot:
        await open_settings(named_app, pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert named_app.return_code == 0
    assert not named_app.is_running


async def test_theme_choice_survives_a_restart(named_app, data_dir, clock):
    async with named_app.run_test(size=(80, 24)) as pilot:
        assert named_app.theme == DARK_THEME
        screen = await open_settings(named_app, pilot)
        await pilot.click("#light")
        await pilot.pause()
        assert screen.query_one("#light", Switch).value is True
        assert named_app.theme == LIGHT_THEME
        # Saved at once, before leaving Settings and without pressing Save.
        assert raw_settings(data_dir)["theme"] == LIGHT_THEME
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(named_app.screen, HomeScreen)

    again = build_app(data_dir, clock)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == LIGHT_THEME
        assert not again.current_theme.dark
        screen = await open_settings(again, pilot)
        assert screen.query_one("#light", Switch).value is True
        # And back to dark from the command palette's action.
        await pilot.press("escape")
        await pilot.pause()
        again.action_toggle_dark()
        await pilot.pause()

    third = build_app(data_dir, clock)
    async with third.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert third.theme == DARK_THEME


async def test_sigterm_handler_exits_with_its_code_and_releases_the_lock(named_app, data_dir):
    """The handler itself (the e2e tests send real signals to the installed command)."""
    import signal

    async with named_app.run_test(size=(80, 24)) as pilot:
        await open_settings(named_app, pilot)
        named_app._exit_on_signal(signal.SIGTERM)
        await pilot.pause()
    assert named_app.return_code == 128 + signal.SIGTERM
    with Store.open(data_dir) as store:  # not read-only: the lock is free
        assert store.settings().names == ("Ana", "Ben")


async def test_the_week_can_start_on_sunday_and_the_planner_follows(named_app, data_dir):
    from textual.widgets import Select

    from closeness_tui.screens.rituals import RitualsScreen

    async with named_app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_settings(named_app, pilot)
        select = screen.query_one("#week-start", Select)
        assert select.value == 0  # Monday, as before
        select.value = 6
        await pilot.pause()
        assert screen.has_unsaved()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(named_app.screen, HomeScreen)
        await pilot.press("r")
        await pilot.pause()
        planner = named_app.screen
        assert isinstance(planner, RitualsScreen)
        assert planner.week.weekday() == 6  # the week shown starts on a Sunday
    assert raw_settings(data_dir)["week_starts_on"] == 6
    with Store.open(data_dir, read_only=True) as store:
        assert store.settings().week_starts_on == 6
