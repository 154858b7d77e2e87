"""Getting around the app shell: Home entries by key, arrows + Enter and mouse; Escape back;
help by ? and F1; the layout of Home with every planned activity registered."""

from __future__ import annotations

from conftest import build_app, seed_names, wait_until
from textual.widgets import Footer, Input, OptionList

from closeness_tui import registry
from closeness_tui.screens.base import ClosenessScreen
from closeness_tui.screens.help import HelpScreen, SectionView
from closeness_tui.screens.home import HomeScreen
from closeness_tui.screens.home import entries as home_entries
from closeness_tui.screens.settings import SettingsScreen
from closeness_tui.screens.setup import SetupScreen
from closeness_tui.screens.welcome import WelcomeScreen

PLANNED = ("listening", "istatement", "rituals", "checkins", "cards", "together", "journal")


def option_ids(screen) -> list[str]:
    option_list = screen.query_one("#entries", OptionList)
    return [option_list.get_option_at_index(i).id for i in range(option_list.option_count)]


def test_every_home_entry_names_a_registered_screen():
    assert [e.screen for e in home_entries()] == [*PLANNED, "settings"]
    for entry in home_entries():
        assert issubclass(registry.screen_class(entry.screen), ClosenessScreen), entry.screen


async def test_settings_by_its_key_and_escape_back(named_app):
    async with named_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(named_app.screen, SettingsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(named_app.screen, HomeScreen)
        # Escape on Home goes nowhere (nothing behind it) and Home stays.
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(named_app.screen, HomeScreen)


async def test_every_entry_by_key_arrows_and_click(data_dir, clock):
    seed_names(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert option_ids(app.screen) == [*PLANNED, "settings"]
        entries = {e.screen: e for e in home_entries()}
        for index, name in enumerate([*PLANNED, "settings"]):
            expected = registry.screen_class(name)
            # By its own key.
            await pilot.press(entries[name].key)
            await pilot.pause()
            assert isinstance(app.screen, expected), name
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            # By arrows and Enter.
            await pilot.press("home", *["down"] * index, "enter")
            await pilot.pause()
            assert isinstance(app.screen, expected), name
            await pilot.press("escape")
            await pilot.pause()
            # By a click on its title line (each entry is two lines, inside a 1-line border).
            await pilot.click("#entries", offset=(8, 1 + 2 * index))
            await pilot.pause()
            assert isinstance(app.screen, expected), name
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)


async def test_eight_entries_fit_at_80x24_without_scrolling(data_dir, clock):
    seed_names(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        option_list = screen.query_one("#entries", OptionList)
        assert option_list.option_count == 8
        assert option_list.max_scroll_y == 0
        assert option_list.region.height == 8 * 2 + 2  # title + blurb each, and the border
        footer_top = screen.query_one(Footer).region.y
        # The question of the day stands in the subtitle's place (cards_home.QuestionLine).
        under = "question-of-the-day"
        widgets = [screen.query_one(f"#{i}") for i in ("greeting", under, "entries", "note")]
        for above, below in zip(widgets, widgets[1:], strict=False):
            assert above.region.bottom <= below.region.y, (above, below)
        assert widgets[-1].region.bottom <= footer_top
        assert all(w.region.x >= 0 and w.region.right <= 80 for w in widgets)


async def test_help_by_question_mark_and_f1_lists_this_screen_first(named_app):
    async with named_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(named_app.screen, HelpScreen)
        first = named_app.screen.query(".section").first(SectionView)
        assert first.id == "help-home"
        assert first.has_class("here")
        keys = [key for key, _ in first.rows]
        assert "s" in keys and "q" in keys
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(named_app.screen, HomeScreen)

        # From Settings, where a name box has focus: ? is typed, F1 opens help.
        await pilot.press("s")
        await pilot.pause()
        name_box = named_app.screen.query_one("#first-name", Input)
        assert named_app.focused is name_box
        await pilot.press("end", "question_mark")
        await pilot.pause()
        assert isinstance(named_app.screen, SettingsScreen)
        assert name_box.value == "Ana?"
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(named_app.screen, HelpScreen)
        first = named_app.screen.query(".section").first(SectionView)
        assert first.id == "help-settings"
        details = [detail for _, detail in first.rows]
        assert any(d.startswith("Save:") for d in details)
        everywhere = named_app.screen.query_one("#global-keys", SectionView)
        assert "F1" in everywhere.note
        assert len(everywhere.rows) >= 4
        # q closes help and the typed words are still there.
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(named_app.screen, SettingsScreen)
        assert named_app.screen.query_one("#first-name", Input).value == "Ana?"


async def test_help_on_first_run_screens(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.query(".section").first().id == "help-welcome"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert app.screen.query(".section").first().id == "help-setup"


async def test_setup_escape_returns_to_welcome_asking_if_names_typed(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"Ana")
        await pilot.press("escape")
        await pilot.pause()
        from closeness_tui.screens.dialogs import ConfirmDialog

        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # "Stay" has focus
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert app.screen.query_one("#first-name", Input).value == "Ana"


async def test_footer_bindings_fit_at_80_columns(data_dir, clock):
    """Every visible footer key on every shell screen fits in 80 columns."""
    seed_names(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        for keys in ((), ("s",), ("escape", "f1")):
            await pilot.press(*keys)
            # The footer's keys exist a frame before they are laid out.
            await wait_until(
                pilot,
                lambda: (
                    [k.region.width for k in app.screen.query_one(Footer).query("FooterKey")]
                    and all(k.region.width for k in app.screen.query_one(Footer).query("FooterKey"))
                ),
                "the footer's keys laid out",
            )
            footer = app.screen.query_one(Footer)
            every_key = list(footer.query("FooterKey"))
            palette = [k for k in every_key if k.has_class("-command-palette")]
            keys_shown = [k for k in every_key if not k.has_class("-command-palette")]
            assert keys_shown and len(palette) == 1, type(app.screen).__name__
            assert all(k.region.width > 0 for k in keys_shown)
            # Nothing runs into the palette key at the right.
            assert max(k.region.right for k in keys_shown) <= palette[0].region.x


async def test_the_app_opens_on_home_itself_and_comes_back_to_that_home(named_app):
    """Home is the app's first screen (no blank screen drawn first and then replaced);
    leaving a screen or going Home from deeper comes back to that same Home."""
    async with named_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = named_app.screen
        assert isinstance(home, HomeScreen)
        assert named_app.screen_stack == [home]
        assert not home.can_go_back()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(named_app.screen, SettingsScreen)
        assert named_app.screen.can_go_back()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(named_app.screen, HelpScreen)
        named_app.go_home()
        await pilot.pause()
        assert named_app.screen_stack == [home]
        assert named_app.focused is home.query_one("#entries", OptionList)
