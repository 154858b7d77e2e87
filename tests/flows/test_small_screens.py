"""What must be in view at 80x24 without scrolling (issue 13), and still reachable at 60x20:
Home's therapist line, today's rituals and its waiting line; the builder's Save; the nightly
check-in's Continue; Settings' Save; a break's buttons when both partners have calm hints."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from conftest import TODAY, build_app, seed_names
from screen_seeds import both_profiles, seed_full_home
from textual.widget import Widget
from textual.widgets import Button, Input, OptionList

from closeness_tui.models import Ritual
from closeness_tui.screens.home import HomeScreen, entries
from closeness_tui.screens.listening_break import BreakScreen
from closeness_tui.screens.nightly import NightlyScreen
from closeness_tui.screens.repair_break import RepairBreakScreen
from closeness_tui.screens.settings import SettingsScreen
from closeness_tui.screens.statement_builder import StatementBuilderScreen
from closeness_tui.store import Store

SMALL = (80, 24)
SMALLER = (60, 20)


def in_view(widget: Widget) -> bool:
    """Wholly on screen, between the header and the footer, and inside every container
    around it as it is scrolled now."""
    region = widget.region
    screen = widget.screen
    if not region or region.y < 1 or region.bottom > screen.size.height - 1:
        return False
    for ancestor in widget.ancestors:
        if isinstance(ancestor, Widget) and ancestor is not screen:
            if not ancestor.region.contains_region(region):
                return False
    return True


async def settle(pilot, times: int = 3) -> None:
    for _ in range(times):
        await pilot.pause()


async def test_home_shows_everything_at_80x24_when_it_has_the_most_to_show(data_dir, clock):
    """Four of today's rituals and a review due: the entries go to one line each, and the
    waiting line, the rituals and the therapist's note all show without scrolling."""
    seed_full_home(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        assert screen.has_class("-compact")
        assert screen.query_one("#home").max_scroll_y == 0
        for selector in ("#listening-waiting", "#today-rituals", "#note", "#entries"):
            assert in_view(screen.query_one(selector)), selector
        listed = screen.query_one("#entries", OptionList)
        assert listed.option_count == len(entries())
        assert all("\n" not in listed.get_option_at_index(i).prompt.plain for i in range(8))
        assert listed.highlighted == 0 and app.focused is listed
        await pilot.press("tab")  # today's rituals are next, and markable from here
        await pilot.pause()
        assert app.focused is screen.query_one("#today-list")


@pytest.mark.parametrize(
    ("size", "rituals", "due"),
    [(SMALL, 0, False), ((100, 40), 4, True)],
    ids=["80x24-nothing-extra", "100x40-everything"],
)
async def test_home_keeps_its_blurbs_while_they_fit(data_dir, clock, size, rituals, due):
    """With nothing extra at 80x24 (exactly full), or everything on a taller screen, each
    entry keeps its blurb on a second line, and still nothing is below the fold."""
    seed_full_home(data_dir, rituals=rituals, review_due=due)
    app = build_app(data_dir, clock)
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        screen = app.screen
        assert not screen.has_class("-compact")
        listed = screen.query_one("#entries", OptionList)
        assert "Take turns to speak" in listed.get_option_at_index(0).prompt.plain
        assert screen.query_one("#home").max_scroll_y == 0
        assert in_view(screen.query_one("#note"))


async def test_home_at_80x24_goes_back_to_blurbs_when_made_taller(data_dir, clock):
    seed_full_home(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await settle(pilot)
        assert app.screen.has_class("-compact")
        await pilot.resize_terminal(100, 40)
        await settle(pilot)
        assert not app.screen.has_class("-compact")
        assert in_view(app.screen.query_one("#note"))
        await pilot.resize_terminal(*SMALL)
        await settle(pilot)
        assert app.screen.has_class("-compact")


async def test_home_at_60x20_scrolls_to_what_has_focus(data_dir, clock):
    seed_full_home(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=SMALLER, notifications=True) as pilot:
        await settle(pilot)
        assert in_view(app.screen.query_one("#entries"))
        await pilot.press("tab")
        await settle(pilot)
        today = app.screen.query_one("#today-list")
        assert app.focused is today and in_view(today)


@pytest.mark.parametrize("size", [SMALL, SMALLER], ids=["80x24", "60x20"])
async def test_the_builders_save_is_in_view(data_dir, clock, size):
    seed_names(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=size, notifications=True) as pilot:
        app.push_screen(StatementBuilderScreen(author=0))
        await settle(pilot)
        await pilot.press("tab")  # the feeling's list opens: the form grows taller
        await settle(pilot)
        assert in_view(app.screen.query_one("#save", Button))


@pytest.mark.parametrize("size", [SMALL, SMALLER], ids=["80x24", "60x20"])
async def test_the_nightly_continue_is_in_view_and_after_the_last_answer(data_dir, clock, size):
    seed_names(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.press("c", "n")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NightlyScreen)
        button = screen.query_one("#next-0", Button)
        assert in_view(button)
        await pilot.press(*"A long day", "tab", "tab", "tab")  # through the three boxes
        await settle(pilot)
        assert app.focused is button
        assert in_view(button)
        await pilot.press("enter")
        await settle(pilot)
        assert in_view(screen.query_one("#next-1", Button))


@pytest.mark.parametrize("size", [SMALL, SMALLER], ids=["80x24", "60x20"])
async def test_settings_save_is_in_view_even_with_a_note_under_a_name(data_dir, clock, size):
    seed_names(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.press("s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        assert in_view(screen.query_one("#save", Button))
        screen.query_one("#second-name", Input).value = "ana"  # the same name: a note shows
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert in_view(screen.query_one("#save", Button))


async def _to_break(pilot, repair: bool) -> None:
    app = pilot.app
    if repair:
        await pilot.press("w", "f")
        await settle(pilot)
        app.screen.query_one("#topic", Input).value = "The dishes"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+s")  # ready
        await settle(pilot)
        await pilot.press("ctrl+t")
    else:
        await pilot.press("l")
        await settle(pilot)
        app.screen.query_one("#readiness").value = False
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("b")
    await settle(pilot, 4)


@pytest.mark.parametrize("size", [SMALL, SMALLER], ids=["80x24", "60x20"])
@pytest.mark.parametrize("repair", [False, True], ids=["listening", "after-a-fight"])
async def test_a_breaks_buttons_fit_with_both_calm_hints(data_dir, clock, repair, size):
    """At 80x24 all of the break fits; at 60x20 it scrolls, with the buttons in view."""
    seed_names(data_dir)
    both_profiles(data_dir, clock)
    app = build_app(data_dir, clock)
    async with app.run_test(size=size, notifications=True) as pilot:
        await _to_break(pilot, repair)
        screen = app.screen
        assert isinstance(screen, RepairBreakScreen if repair else BreakScreen)
        assert screen.query_one("#calm-hint").display
        for button in screen.query("#answers Button").results(Button):
            assert in_view(button), button.id
            assert button.compact
        assert app.focused is screen.query_one("#resume")
        if size == SMALL:
            assert screen.query_one("#break").max_scroll_y == 0
        await pilot.press("enter")  # carry on: the key reaches the button
        await settle(pilot)
        assert not isinstance(app.screen, BreakScreen)


async def test_a_break_keeps_its_roomy_buttons_when_they_fit(data_dir, clock):
    seed_names(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await _to_break(pilot, repair=False)
        screen = app.screen
        assert isinstance(screen, BreakScreen)
        for button in screen.query("#answers Button").results(Button):
            assert in_view(button) and not button.compact
        assert screen.query_one("#break").max_scroll_y == 0


def count_switches(monkeypatch) -> list[bool]:
    """Every change between two-line and one-line entries Home makes once composed."""
    switches: list[bool] = []
    switch = HomeScreen._set_compact

    def recording(screen: HomeScreen, compact: bool) -> None:
        if compact != screen.has_class("-compact"):
            switches.append(compact)
        switch(screen, compact)

    monkeypatch.setattr(HomeScreen, "_set_compact", recording)
    return switches


@pytest.mark.parametrize(
    ("size", "rituals", "due", "compact"),
    [(SMALL, 4, True, True), (SMALL, 0, False, False), ((100, 40), 4, True, False)],
    ids=["80x24-everything", "80x24-nothing-extra", "100x40-everything"],
)
async def test_home_is_laid_out_once_when_it_starts(
    data_dir, clock, monkeypatch, size, rituals, due, compact
):
    """Home decides one-line entries before its first layout (a switch afterwards restyles
    and lays it out again: a quarter of its first frame): its guess holds, nothing switches."""
    seed_full_home(data_dir, rituals=rituals, review_due=due)
    switches = count_switches(monkeypatch)
    app = build_app(data_dir, clock)
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.has_class("-compact") is compact
        assert switches == []
        assert app.screen.query_one("#home").max_scroll_y == 0
        assert in_view(app.screen.query_one("#note"))


async def test_home_corrects_a_guess_the_layout_proves_wrong(data_dir, clock, monkeypatch):
    """A ritual's name too long for one row wraps in the list, a row the guess does not
    count: at 80x27 two-line entries seemed to fit exactly, so Home turns compact once
    laid out, and everything is still in view."""
    seed_names(data_dir)
    with Store.open(data_dir) as store:
        store.put(
            Ritual(
                name="A long walk by the river after dinner, phones left at home, talking "
                "about the week and what the weekend should hold for both of us",
                weekdays=list(range(7)),
                time_of_day="19:00",
                start=TODAY - timedelta(weeks=1),
                created_at=datetime(2026, 11, 7, 9, tzinfo=UTC),
            )
        )
    switches = count_switches(monkeypatch)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 27), notifications=True) as pilot:
        await settle(pilot)
        assert switches == [True]
        assert app.screen.has_class("-compact")
        assert app.screen.query_one("#home").max_scroll_y == 0
        for selector in ("#today-rituals", "#note", "#entries"):
            assert in_view(app.screen.query_one(selector)), selector
