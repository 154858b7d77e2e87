"""A screen's stylesheet styles that screen only: after every screen has been visited, Home
looks exactly as on a fresh start, and a first-run couple's listening set-up looks as on any
later start (it was once drawn inside the welcome card's 64-column border)."""

from __future__ import annotations

from conftest import build_app, seed_names
from textual.screen import Screen
from textual.widget import Widget

from closeness_tui import registry
from closeness_tui.screens.dialogs import ConfirmDialog
from closeness_tui.screens.home import HomeScreen
from closeness_tui.screens.listening_setup import ListeningSetupScreen
from closeness_tui.screens.problems import LockedScreen
from closeness_tui.screens.ritual_widgets import ExportDialog, GuideDialog


def looks(root: Widget) -> list[tuple[object, ...]]:
    """What decides how each widget under `root` is drawn: where it is and its box styles."""
    out = []
    for widget in [root, *root.query(Widget)]:
        styles = widget.styles
        out.append(
            (
                widget.css_identifier,
                widget.region,
                styles.border,
                styles.margin,
                styles.padding,
                styles.width,
                styles.height,
                styles.color,
                styles.background,
                styles.text_style,
            )
        )
    return out


def _no_argument_screens() -> list[str]:
    names = []
    for name in registry.SCREENS:
        cls = registry.screen_class(name)
        try:
            cls()
        except TypeError:
            continue  # needs a session, a record...: reached below through the app itself
        names.append(name)
    return names


async def _visit(pilot, screen: Screen) -> None:
    await pilot.app.push_screen(screen)
    await pilot.pause()
    pilot.app.pop_screen()
    await pilot.pause()


async def test_home_looks_the_same_after_every_screen_was_visited(data_dir, clock):
    seed_names(data_dir)
    fresh = build_app(data_dir, clock)
    async with fresh.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(fresh.screen, HomeScreen)
        before = looks(fresh.screen)

    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        visited = []
        for name in _no_argument_screens():
            if name == "home":
                continue
            await _visit(pilot, registry.screen_class(name)())
            visited.append(name)
        for dialog in (
            ConfirmDialog("Leave?"),
            ExportDialog(str(data_dir / "rituals.ics")),
            GuideDialog(None),
            LockedScreen(data_dir),
        ):
            await _visit(pilot, dialog)
        assert {"listening", "setup", "welcome", "journal", "weekly"} <= set(visited)
        assert isinstance(app.screen, HomeScreen)
        assert looks(app.screen) == before


async def test_first_run_listening_setup_is_not_drawn_in_the_welcome_card(data_dir, clock):
    """The first-run screens (welcome, names) are shown before the first listening set-up."""
    seed_names(data_dir)
    later = build_app(data_dir, clock)
    async with later.run_test(size=(80, 24)) as pilot:
        await pilot.app.push_screen(ListeningSetupScreen())
        await pilot.pause()
        expected = looks(later.screen.query_one("#setup"))

    first_run = build_app(data_dir, clock)
    async with first_run.run_test(size=(80, 24)) as pilot:
        await _visit(pilot, registry.screen_class("welcome")())
        await _visit(pilot, registry.screen_class("setup")())
        await pilot.app.push_screen(ListeningSetupScreen())
        await pilot.pause()
        setup = first_run.screen.query_one("#setup")
        assert setup.styles.border.top[0] in ("", "none")
        assert setup.region.width > 64
        # (the footer differs: a first run has no screen to go back to)
        assert looks(setup) == expected
