"""The ritual form: chosen days look chosen without colour, the week's own first day, errors
that name their field."""

from __future__ import annotations

from conftest import build_app, seed_names
from textual.widgets import Input, Static

from closeness_tui.screens.ritual_edit import RitualEditScreen
from closeness_tui.screens.ritual_widgets import DayChip
from closeness_tui.store import Store


async def open_new_form(app, pilot) -> RitualEditScreen:
    app.push_screen(RitualEditScreen(template_id=""))
    await pilot.pause()
    assert isinstance(app.screen, RitualEditScreen)
    return app.screen


def chip_text(chip: DayChip) -> str:
    return chip.render().plain


async def test_chosen_days_show_a_tick_and_others_are_empty(named_app):
    app = named_app
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_new_form(app, pilot)
        chips = list(screen.query(DayChip))
        chosen = [c for c in chips if c.value]
        assert chosen, "a new ritual starts on a chosen day"
        for chip in chips:
            assert ("✓" in chip_text(chip)) == chip.value
            assert "X" not in chip_text(chip)
        other = next(c for c in chips if not c.value)
        other.toggle()
        await pilot.pause()
        assert "✓" in chip_text(other)
        other.toggle()
        await pilot.pause()
        assert "✓" not in chip_text(other)


async def test_days_follow_the_weeks_first_day(data_dir, clock):
    seed_names(data_dir)
    with Store.open(data_dir) as store:
        settings = store.settings()
        settings.week_starts_on = 6
        store.save_settings(settings)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_new_form(app, pilot)
        ids = [c.id for c in screen.query(DayChip)]
        assert ids == [f"r-day-{i}" for i in (6, 0, 1, 2, 3, 4, 5)]
        assert chip_text(screen.query_one("#r-day-6", DayChip)).strip().endswith("Su")


async def test_errors_name_their_field(named_app):
    app = named_app
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_new_form(app, pilot)
        screen.query_one("#r-name", Input).value = "Walk"
        screen.query_one("#r-interval", Input).value = "40"
        await pilot.press("ctrl+s")
        await pilot.pause()
        said = screen.query_one("#r-edit-error", Static).visual.plain
        assert said.startswith("Every how many weeks: ") and "1 to 12" in said
        assert screen.focused is screen.query_one("#r-interval")
        screen.query_one("#r-interval", Input).value = "1"
        screen.query_one("#r-time", Input).value = "25:99"
        await pilot.press("ctrl+s")
        await pilot.pause()
        said = screen.query_one("#r-edit-error", Static).visual.plain
        assert said.startswith("Time (optional, HH:MM): ")
