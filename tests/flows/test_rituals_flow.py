"""The ritual planner as a couple would use it, with the real store underneath.

The conftest clock is Saturday 2026-11-21 19:30; "a few weeks" are lived by advancing the
FakeClock a day at a time and starting the app again each day."""

from __future__ import annotations

import stat
from datetime import date, timedelta

from conftest import build_app, notices, seed_names
from icalendar import Calendar
from textual.widgets import Button, DataTable, Input, OptionList, Select, Static

from closeness_tui.models import Ritual, RitualMark
from closeness_tui.screens.dialogs import ConfirmDialog
from closeness_tui.screens.ritual_detail import RitualDetailScreen
from closeness_tui.screens.ritual_edit import RitualEditScreen
from closeness_tui.screens.ritual_picker import RitualPickerScreen
from closeness_tui.screens.ritual_widgets import ExportDialog, NoteDialog
from closeness_tui.screens.rituals import RitualsScreen
from closeness_tui.store import Store

DAY = 24 * 3600


def plain(app, selector: str) -> str:
    return app.screen.query_one(selector, Static).visual.plain


def stored(data_dir, kind):
    with Store.open(data_dir, read_only=True) as store:
        return store.all(kind)


async def open_planner(pilot) -> None:
    await pilot.press("r")
    await pilot.pause()
    assert isinstance(pilot.app.screen, RitualsScreen)


async def add_from_template(pilot, template_id: str) -> None:
    app = pilot.app
    await pilot.press("a")
    await pilot.pause()
    assert isinstance(app.screen, RitualPickerScreen)
    options = app.screen.query_one("#ritual-templates", OptionList)
    options.highlighted = options.get_option_index(template_id)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, RitualEditScreen)
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, RitualsScreen)


def seed_ritual(data_dir, clock, template_id: str) -> None:
    """A ritual from a template, as the picker and editor save it (that path is walked in
    test_add_from_template_mark_done_and_undo): the tests that only use a ritual start with
    it stored, instead of walking the picker and the editor each time."""
    from closeness_tui import rituals as core
    from closeness_tui.ritualtext import ritual_text

    seed_names(data_dir)
    ritual = core.from_template(ritual_text().template(template_id), clock.today())
    ritual.created_at = ritual.updated_at = clock.now()
    with Store.open(data_dir) as store:
        store.put(ritual)


def grid_names(app) -> list[str]:
    return [row.ritual.name for row in app.screen._grid.rows]


async def test_add_from_template_mark_done_and_undo(named_app, data_dir):
    """Added through the picker and the editor, marked and taken back in the planner, then
    marked from Home's list of today's rituals."""
    app = named_app
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#today-rituals").display  # no rituals yet
        await open_planner(pilot)
        assert app.screen.query_one("#rituals-empty").display
        await add_from_template(pilot, "nightly")
        assert grid_names(app) == ["Nightly check-in"]
        table = app.screen.query_one("#week-grid", DataTable)
        # Started today (Saturday): Saturday and Sunday of this week, at 21:30.
        assert table.get_cell_at((0, 6)).plain.strip() == "○ 21:30"
        assert table.get_cell_at((0, 7)).plain.strip() == "○ 21:30"
        assert table.get_cell_at((0, 1)).plain.strip() == ""
        assert table.cursor_coordinate.column == 6  # today
        await pilot.press("space")
        await pilot.pause()
        assert table.get_cell_at((0, 6)).plain.strip() == "✓ 21:30"
        marks = stored(data_dir, RitualMark)
        assert [(m.occurrence, m.status) for m in marks] == [(date(2026, 11, 21), "done")]
        assert "Kept: 100% in the last 4 weeks" in plain(app, "#rituals-kept")
        await pilot.press("u")
        await pilot.pause()
        assert table.get_cell_at((0, 6)).plain.strip() == "○ 21:30"
        assert stored(data_dir, RitualMark) == []
        # Sunday is still ahead: it cannot be marked yet.
        await pilot.press("right", "space")
        await pilot.pause()
        assert stored(data_dir, RitualMark) == []
        assert any("still ahead" in n.message for n in notices(app))
        # Home lists today's rituals, markable there too.
        await pilot.press("escape")
        await pilot.pause()
        widget = app.screen.query_one("#today-rituals")
        assert widget.display
        today = app.screen.query_one("#today-list", OptionList)
        assert "○ 21:30  Nightly check-in" in today.get_option_at_index(0).prompt.plain
        today.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "✓" in today.get_option_at_index(0).prompt.plain
        assert [m.status for m in stored(data_dir, RitualMark)] == ["done"]
        await pilot.press("u")
        await pilot.pause()
        assert stored(data_dir, RitualMark) == []
        await pilot.press("space")
        await pilot.pause()
        assert [m.status for m in stored(data_dir, RitualMark)] == ["done"]
        await pilot.press("enter")  # again: taken back
        await pilot.pause()
        assert stored(data_dir, RitualMark) == []
        assert "○" in today.get_option_at_index(0).prompt.plain
    (ritual,) = stored(data_dir, Ritual)
    assert (ritual.template, ritual.time_of_day, ritual.weekdays) == (
        "nightly",
        "21:30",
        list(range(7)),
    )
    assert ritual.start == date(2026, 11, 21)


async def test_mark_with_a_note_and_skip(data_dir, clock):
    seed_ritual(data_dir, clock, "gratitude")
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_planner(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        app.screen.query_one("#note-input", Input).value = "We laughed [a lot] 🌙 \x1b]0;x"
        app.screen.query_one("#note-skip", Button).press()
        await pilot.pause()
        assert isinstance(app.screen, RitualsScreen)
        cell = app.screen.query_one("#week-grid", DataTable).get_cell_at((0, 6))
        assert cell.plain.strip() == "–"
    (mark,) = stored(data_dir, RitualMark)
    assert (mark.status, mark.note) == ("skipped", "We laughed [a lot] 🌙 ]0;x")


async def test_week_navigation(data_dir, clock):
    seed_ritual(data_dir, clock, "walk")
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_planner(pilot)
        assert "Mon 16 Nov to Sun 22 Nov 2026" in plain(app, "#week-title")
        assert "this week" in plain(app, "#week-title")
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert "Mon 23 Nov to Sun 29 Nov 2026" in plain(app, "#week-title")
        assert "this week" not in plain(app, "#week-title")
        table = app.screen.query_one("#week-grid", DataTable)
        assert table.get_cell_at((0, 7)).plain.strip() == "○ 16:00"
        await pilot.press("left_square_bracket", "left_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert "Mon 2 Nov to Sun 8 Nov 2026" in plain(app, "#week-title")
        assert grid_names(app) == []  # before it started
        assert plain(app, "#rituals-empty") == "Nothing was planned in this week."
        for _ in range(6):
            await pilot.press("right_square_bracket")
        await pilot.press("t")
        await pilot.pause()
        assert "Mon 16 Nov to Sun 22 Nov 2026" in plain(app, "#week-title")


def _two_weeks_kept(data_dir, clock) -> None:
    """Day 0 (Sat 21 Nov) three rituals from templates; for 16 days gratitude ticked every
    day, the nightly check-in every other day, the Sunday walk each Sunday (the same weeks as
    tests/unit/test_ritual_marking.py, where the counting itself is tested)."""
    from closeness_tui import rituals as core
    from closeness_tui.ritualtext import ritual_text

    first = clock.today()
    rituals = []
    for minute, template_id in enumerate(("gratitude", "nightly", "walk")):
        ritual = core.from_template(ritual_text().template(template_id), first)
        ritual.created_at = clock.now() + timedelta(minutes=minute)
        rituals.append(ritual)
    gratitude, nightly, walk = rituals
    marks: list[RitualMark] = []
    for day_number in range(16):
        today = first + timedelta(days=day_number)
        wanted = [gratitude, *([nightly] if day_number % 2 == 0 else [])]
        wanted += [walk] if today.weekday() == 6 else []
        for ritual in wanted:
            marks.append(core.toggle_done(ritual, today, marks, today, clock.now()).save)
    with Store.open(data_dir) as store:
        for record in [*rituals, *marks]:
            store.put(record)
    clock.advance(15 * DAY)


async def test_three_rituals_ticked_off_over_two_weeks(data_dir, clock):
    """The planner shows two weeks of keeping three rituals in words and a trend."""
    seed_names(data_dir)
    _two_weeks_kept(data_dir, clock)
    assert clock.today() == date(2026, 12, 6)
    marks = stored(data_dir, RitualMark)
    assert len(marks) == 16 + 8 + 3
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_planner(pilot)
        table = app.screen.query_one("#week-grid", DataTable)
        column = app.screen._grid.days.index(clock.today()) + 1
        assert table.cursor_coordinate.column == column
        assert table.get_cell_at((0, column)).plain.strip()[0] == "✓"  # today's gratitude
        # 27 of 34 due occurrences kept (today's unmarked nightly check-in is not due until
        # it is marked or the day is over); every week had at least half: a 3-week streak.
        assert plain(app, "#rituals-kept") == (
            "Kept: 79% in the last 4 weeks, 79% in the last 12. Together, 3 weeks in a row"
        )
        assert "Planned this week: " in plain(app, "#week-minutes")
        series = app.screen.query_one("#rituals-trend").weeks
        assert [round(s, 2) for s in series] == [0.8, 0.8, 0.79]
        # The nightly check-in alone: 8 of 15, and weeks at exactly half still count.
        await pilot.press("down")
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, RitualDetailScreen)
        kept = plain(app, "#detail-kept")
        assert "53% in the last 4 weeks" in kept and "3 weeks in a row" in kept
        assert "Every day, at 21:30" in plain(app, "#detail-facts")


async def test_custom_ritual_validation_and_monthly_first_saturday(named_app, data_dir):
    app = named_app
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_planner(pilot)
        await pilot.press("a")
        await pilot.pause()
        options = app.screen.query_one("#ritual-templates", OptionList)
        options.highlighted = options.get_option_index("custom")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RitualEditScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "give the ritual a name" in plain(app, "#r-edit-error")
        screen.query_one("#r-name", Input).value = "Brunch [/] 🥐 ‮evil"
        screen.query_one("#r-time", Input).value = "25:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "like 07:30" in plain(app, "#r-edit-error")
        screen.query_one("#r-time", Input).value = "10:30"
        screen.query_one("#r-kind", Select).value = "month_nth"
        await pilot.pause()
        assert (
            screen.query_one("#r-nth-row").display and not screen.query_one("#r-days-row").display
        )
        screen.query_one("#r-nth", Select).value = 1
        screen.query_one("#r-nth-day", Select).value = 5
        screen.query_one("#r-duration", Input).value = "90"
        screen.query_one("#r-lead", Select).value = "b"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RitualsScreen)
    (ritual,) = stored(data_dir, Ritual)
    assert ritual.name == "Brunch [/] 🥐 evil"
    assert (ritual.freq, ritual.month_nth, ritual.weekdays) == ("monthly", 1, [5])
    assert (ritual.time_of_day, ritual.duration_minutes, ritual.lead) == ("10:30", 90, "b")


async def test_pause_then_remove_keeping_history(data_dir, clock):
    seed_ritual(data_dir, clock, "gratitude")
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_planner(pilot)
        await pilot.press("space")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, RitualEditScreen)
        app.screen.query_one("#r-pause", Button).press()
        await pilot.pause()
        assert not stored(data_dir, Ritual)[0].active
        await pilot.press("escape")
        await pilot.pause()
        assert "(paused)" in app.screen.query_one("#week-grid", DataTable).get_cell_at((0, 0)).plain
        # Pausing keeps the row and today's tick (it still counts for them).
        assert (
            app.screen.query_one("#week-grid", DataTable).get_cell_at((0, 6)).plain.strip() == "✓"
        )
        assert "100% in the last 4 weeks" in plain(app, "#rituals-kept")
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#r-delete", Button).press()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # "Keep it"
        await pilot.pause()
        assert isinstance(app.screen, RitualEditScreen)
        app.screen.query_one("#r-delete", Button).press()
        await pilot.pause()
        app.screen.query_one("#yes", Button).press()  # Remove
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        app.screen.query_one("#no", Button).press()  # keep its history
        await pilot.pause()
        assert isinstance(app.screen, RitualsScreen)
        # Its history still counts: today's tick stays in the grid and in the figure.
        name = app.screen.query_one("#week-grid", DataTable).get_cell_at((0, 0)).plain
        assert "(ended)" in name
        assert "100% in the last 4 weeks" in plain(app, "#rituals-kept")
    (ritual,) = stored(data_dir, Ritual)
    assert ritual.ended_on == date(2026, 11, 21)
    assert len(stored(data_dir, RitualMark)) == 1


async def test_ended_rituals_are_listed_and_can_be_put_back(data_dir, clock):
    seed_ritual(data_dir, clock, "gratitude")
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_planner(pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#r-delete", Button).press()
        await pilot.pause()
        app.screen.query_one("#yes", Button).press()
        await pilot.pause()
        app.screen.query_one("#no", Button).press()  # keep its history
        await pilot.pause()
        assert app.screen.query_one("#rituals-empty").display  # nothing marked: hidden
        await pilot.press("h")  # show the ended ones
        await pilot.pause()
        assert "(ended)" in app.screen.query_one("#week-grid", DataTable).get_cell_at((0, 0)).plain
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, RitualDetailScreen)
        assert "r puts it back" in plain(app, "#detail-facts")
        await pilot.press("r")
        await pilot.pause()
        assert "r puts it back" not in plain(app, "#detail-facts")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("h")  # hide the ended ones again: it is back in the plan
        await pilot.pause()
        assert (
            "(ended)" not in app.screen.query_one("#week-grid", DataTable).get_cell_at((0, 0)).plain
        )
    (ritual,) = stored(data_dir, Ritual)
    assert ritual.ended_on is None and ritual.active


async def test_remove_and_erase_history(data_dir, clock):
    seed_ritual(data_dir, clock, "affection")
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_planner(pilot)
        await pilot.press("space", "o")
        await pilot.pause()
        assert isinstance(app.screen, RitualDetailScreen)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#r-delete", Button).press()
        await pilot.pause()
        app.screen.query_one("#yes", Button).press()
        await pilot.pause()
        app.screen.query_one("#yes", Button).press()  # erase its history too
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, RitualsScreen)
    assert stored(data_dir, Ritual) == [] and stored(data_dir, RitualMark) == []


async def test_export_button_writes_a_private_calendar(data_dir, clock, tmp_path):
    seed_ritual(data_dir, clock, "date")
    app = build_app(data_dir, clock)
    target = tmp_path / "ours.ics"
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_planner(pilot)
        app.screen.query_one("#ritual-export-button", Button).press()
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RitualsScreen)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    (event,) = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Weekly date"
    assert event["RRULE"].to_ical() == b"FREQ=WEEKLY;BYDAY=FR;WKST=MO"


async def test_weekly_guide_is_a_setting_not_a_score(data_dir, clock):
    from closeness_tui.screens.ritual_widgets import GuideDialog

    seed_ritual(data_dir, clock, "date")
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_planner(pilot)
        assert "About 6 h a week is a well-known reference" in plain(app, "#week-minutes")
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GuideDialog)
        app.screen.query_one("#guide-hours", Input).value = "lots [/]"
        await pilot.press("enter")
        await pilot.pause()
        assert "number of hours" in plain(app, "#guide-error")
        app.screen.query_one("#guide-hours", Input).value = "4,5"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RitualsScreen)
        assert plain(app, "#week-minutes") == (
            "Planned this week: 0 min Your own guide: about 4 h 30 min a week."
        )
        with Store.open(data_dir, read_only=True) as store:
            assert store.settings().weekly_target_minutes == 270
        await pilot.press("g")
        await pilot.pause()
        app.screen.query_one("#guide-hours", Input).value = ""
        await pilot.press("enter")
        await pilot.pause()
        assert "well-known reference" in plain(app, "#week-minutes")
    with Store.open(data_dir, read_only=True) as store:
        assert store.settings().weekly_target_minutes is None


async def test_week_can_start_on_sunday(data_dir, clock):
    seed_ritual(data_dir, clock, "walk")  # Sundays at 16:00, from today (Saturday)
    with Store.open(data_dir) as store:
        settings = store.settings()
        settings.week_starts_on = 6
        store.save_settings(settings)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_planner(pilot)
        assert "Sun 15 Nov to Sat 21 Nov 2026" in plain(app, "#week-title")
        table = app.screen.query_one("#week-grid", DataTable)
        assert table.ordered_columns[1].label.plain.split() == ["Sun", "15"]
        assert table.cursor_coordinate.column == 7  # Saturday is the last day of this week
        assert all(not table.get_cell_at((0, c)).plain.strip() for c in range(1, 8))
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert "Sun 22 Nov to Sat 28 Nov 2026" in plain(app, "#week-title")
        assert table.get_cell_at((0, 1)).plain.strip() == "○ 16:00"


async def test_untrusted_words_are_kept_exactly_and_huge_notes_capped_kindly(named_app, data_dir):
    from closeness_tui.text import LINE_MAX

    app = named_app
    name = "ערב [b]שלנו[/b] 🌙 [@click=app.quit]x[/]"
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_planner(pilot)
        await pilot.press("a")
        await pilot.pause()
        options = app.screen.query_one("#ritual-templates", OptionList)
        options.highlighted = options.get_option_index("custom")
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#r-name", Input).value = name
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RitualsScreen)
        table = app.screen.query_one("#week-grid", DataTable)
        assert table.get_cell_at((0, 0)).plain.startswith("ערב [b]שלנו")
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#note-input", Input).value = "ב" * 20_000
        await pilot.press("enter")
        await pilot.pause()
        assert any("only the first 2,000" in n.message for n in notices(app))
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, RitualDetailScreen)
        assert plain(app, "#detail-name") == name
        assert ("ב" * 50) in plain(app, "#detail-notes")
    (ritual,) = stored(data_dir, Ritual)
    assert ritual.name == name
    (mark,) = stored(data_dir, RitualMark)
    assert mark.note == "ב" * LINE_MAX


async def test_left_open_past_midnight_moves_to_the_new_day(data_dir, clock):
    seed_ritual(data_dir, clock, "gratitude")
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        today_list = app.screen.query_one("#today-list", OptionList)
        assert "○ Gratitude exchange" in today_list.get_option_at_index(0).prompt.plain
        today_list.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "✓" in today_list.get_option_at_index(0).prompt.plain
        clock.advance(5 * 3600)  # 00:30 on Sunday
        app.screen.query_one("#today-rituals")._new_day()
        await pilot.pause()
        assert "○ Gratitude exchange" in today_list.get_option_at_index(0).prompt.plain
        await open_planner(pilot)
        clock.advance(24 * 3600)  # Monday: a new week
        app.screen._new_day()
        await pilot.pause()
        assert "Mon 23 Nov to Sun 29 Nov 2026" in plain(app, "#week-title")


async def test_taking_back_a_mark_with_a_note_asks_first(data_dir, clock):
    seed_ritual(data_dir, clock, "gratitude")
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_planner(pilot)
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#note-input", Input).value = "We laughed [a lot]"
        app.screen.query_one("#note-done", Button).press()
        await pilot.pause()
        await pilot.press("space")  # take it back: its note would go too
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "We laughed [a lot]" in app.screen.query_one(Static).visual.plain
        await pilot.press("escape")  # keep the mark
        await pilot.pause()
        assert isinstance(app.screen, RitualsScreen)
        assert len(stored(data_dir, RitualMark)) == 1
        await pilot.press("u")
        await pilot.pause()
        app.screen.query_one("#yes", Button).press()
        await pilot.pause()
        assert isinstance(app.screen, RitualsScreen)
        cell = app.screen.query_one("#week-grid", DataTable).get_cell_at((0, 6))
        assert cell.plain.strip() == "○"
    assert stored(data_dir, RitualMark) == []
