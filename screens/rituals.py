"""The ritual planner: this week's grid, marking what you did, and how you keep it up."""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.coordinate import Coordinate
from textual.widgets import Button, DataTable, Footer, Header, Static

from closeness_tui import rituals as core
from closeness_tui.models import MarkStatus, Ritual
from closeness_tui.ritualtext import fill, ritual_text
from closeness_tui.screens.base import ClosenessScreen
from closeness_tui.screens.ritual_widgets import (
    ExportDialog,
    GuideDialog,
    NoteDialog,
    WeeklySparkline,
    all_marks,
    all_rituals,
    apply_mark,
    day_label,
    default_ics_path,
    export_ics,
    summary_lines,
    toggle_done,
    undo_mark,
)

NAME_WIDTH = 18
DAY_WIDTH = 8
SYMBOLS = {"due": "○", "done": "✓", "skipped": "–"}


class RitualsScreen(ClosenessScreen):
    CSS_PATH = "rituals.tcss"
    HELP_TOPIC = "rituals"
    BINDINGS = [
        Binding(
            "space",
            "toggle_mark",
            "Done",
            id="ritual-toggle",
            tooltip="Mark the chosen day done, or take the mark back",
        ),
        Binding("n", "note", "Note", id="ritual-note", tooltip="Mark done or skipped with a note"),
        Binding(
            "s", "skip", "Skip", id="ritual-skip", tooltip="Mark the chosen day skipped", show=False
        ),
        Binding(
            "u",
            "undo",
            "Undo",
            id="ritual-undo",
            tooltip="Take back the mark on that day",
            show=False,
        ),
        Binding(
            "left_square_bracket",
            "week(-1)",
            "Earlier",
            key_display="[",
            id="week-prev",
            tooltip="Show the week before",
        ),
        Binding(
            "right_square_bracket",
            "week(1)",
            "Later",
            key_display="]",
            id="week-next",
            tooltip="Show the week after",
        ),
        Binding(
            "t", "this_week", "This week", id="week-this", tooltip="Back to this week", show=False
        ),
        Binding(
            "h",
            "ended",
            "Ended",
            id="ritual-ended",
            tooltip="Show or hide the rituals you ended (their history still counts)",
            show=False,
        ),
        Binding(
            "a",
            "add",
            "Add",
            id="ritual-add",
            tooltip="Choose a ritual from the suggestions or make your own",
            show=False,
        ),
        Binding(
            "e",
            "edit",
            "Edit",
            id="ritual-edit",
            tooltip="Change, pause or remove the chosen ritual",
            show=False,
        ),
        Binding(
            "o",
            "open",
            "About",
            id="ritual-open",
            tooltip="How-to and follow-through of the chosen ritual",
            show=False,
        ),
        Binding(
            "g",
            "guide",
            "Weekly guide",
            id="ritual-guide",
            tooltip="Set your own weekly guide in hours, or use the six-hour reference",
            show=False,
        ),
        Binding(
            "x",
            "export",
            "Export .ics",
            id="ritual-export",
            tooltip="Save your active rituals as a calendar file",
            show=False,
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.week = core.week_start(self.today, self.first_weekday)
        self.show_ended = False
        self._drawn: object = None

    @property
    def today(self) -> date:
        return self.capp.clock.today()

    @property
    def first_weekday(self) -> int:
        return self.capp.settings.week_starts_on

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        p = ritual_text().planner
        yield Header()
        with Vertical(id="ritual-planner"):
            yield Static("", id="week-title")
            yield DataTable(id="week-grid", cursor_type="cell", cell_padding=0, zebra_stripes=False)
            yield Static(Content(p.empty), id="rituals-empty", classes="muted")
            yield Static("", id="week-minutes")
            yield Static("", id="rituals-kept")
            with Horizontal(id="rituals-trend-row"):
                yield Static(Content(p.trend), id="rituals-trend-label", classes="muted")
                yield WeeklySparkline(id="rituals-trend")
            with Horizontal(id="ritual-buttons"):
                yield Button(
                    Content(p.add_button), id="ritual-add-button", compact=True, variant="primary"
                )
                yield Button(Content(p.export), id="ritual-export-button", compact=True)
                yield Button(Content(p.guide_button), id="ritual-guide-button", compact=True)
            yield Static(Content(p.hint), id="planner-hint", classes="muted")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_all()
        self.query_one("#week-grid", DataTable).focus()
        self._cursor_to_today()
        self._day = self.today
        self.set_interval(60, self._new_day)

    def _new_day(self) -> None:
        """Left open past midnight: move today's highlight (and the week, if it was shown)."""
        if self.today == self._day:
            return
        if self.week == core.week_start(self._day, self.first_weekday):
            self.week = core.week_start(self.today, self.first_weekday)
        self._day = self.today
        self.refresh_all()

    def on_screen_resume(self) -> None:
        # Also right after on_mount: drawn again only if something changed since.
        if self._drawn != self._drawn_from():
            self.refresh_all()

    def _drawn_from(self) -> object:
        """What the planner shows depends on: the data, the day, the week and its start."""
        capp = self.capp
        return (
            capp.data_version,
            id(capp.store),
            self.today,
            self.week,
            self.show_ended,
            self.first_weekday,
        )

    # -- drawing ---------------------------------------------------------------------------

    def refresh_all(self) -> None:
        self._drawn = self._drawn_from()
        rituals = all_rituals(self.capp)
        marks = core.index_marks(all_marks(self.capp))  # read once for every figure below
        grid = core.week_grid(
            rituals, marks, self.week, core.local_zone(), show_ended=self.show_ended
        )
        self._grid = grid
        self._draw_title()
        self._draw_grid(grid)
        empty = self.query_one("#rituals-empty", Static)
        empty.display = not grid.rows
        p = ritual_text().planner
        empty.update(Content(p.empty_week if core.current(rituals) else p.empty))
        self.query_one("#week-grid").display = bool(grid.rows)
        minutes, kept = summary_lines(self.capp, rituals, marks, self.week)
        self.query_one("#week-minutes", Static).update(minutes)
        self.query_one("#rituals-kept", Static).update(kept)
        series = core.sparkline_series(rituals, marks, self.today, 12, self.first_weekday)
        self.query_one("#rituals-trend", WeeklySparkline).show_weeks(series)
        self.query_one("#rituals-trend-row").display = bool(series)

    def _draw_title(self) -> None:
        p = ritual_text().planner
        end = self.week + timedelta(days=6)
        title = fill(p.week_of, start=day_label(self.week), end=f"{day_label(end)} {end.year}")
        parts: list[tuple[str, str] | str] = [(title, "bold $accent")]
        if self.week == core.week_start(self.today, self.first_weekday):
            parts += ["  ", (f"({p.this_week})", "$text-muted")]
        self.query_one("#week-title", Static).update(Content.assemble(*parts))

    def _draw_grid(self, grid: core.WeekGrid) -> None:
        table = self.query_one("#week-grid", DataTable)
        cursor = table.cursor_coordinate
        had_rows = table.row_count > 0
        table.clear(columns=True)
        name_width = self._name_width()
        table.add_column(Text(""), width=name_width, key="name")
        words = ritual_text().words
        for day in grid.days:
            label = Text(f"{words.day_short[day.weekday()]} {day.day:>2}".center(DAY_WIDTH))
            if day == self.today:
                label.stylize("reverse bold")
            table.add_column(label, width=DAY_WIDTH, key=day.isoformat())
        paused = ritual_text().planner.paused_row
        ended = ritual_text().planner.ended_row
        for row in grid.rows:
            name = Text(row.ritual.name[: name_width * 2], no_wrap=True, overflow="ellipsis")
            name.truncate(name_width - 1, overflow="ellipsis")
            name.pad_right(1)
            if row.ritual.ended_on is not None and row.ritual.ended_on <= self.today:
                name = Text.assemble(name, (f" ({ended})", "dim"))
            elif not row.ritual.active:
                name = Text.assemble(name, (f" ({paused})", "dim"))
            cells = [self._cell_text(c, d) for c, d in zip(row.cells, grid.days, strict=True)]
            table.add_row(name, *cells, key=row.ritual.id)
        if grid.rows:
            row_index = min(cursor.row, len(grid.rows) - 1)
            column = cursor.column if had_rows else self._today_column(grid)
            table.move_cursor(row=row_index, column=column, animate=False)

    def _name_width(self) -> int:
        """Room for names: at least NAME_WIDTH, more on a wide terminal (up to 40)."""
        spare = self.app.size.width - 4 - 7 * DAY_WIDTH
        return max(NAME_WIDTH, min(40, spare))

    def on_resize(self) -> None:
        if hasattr(self, "_grid"):
            self._draw_grid(self._grid)

    def _today_style(self) -> str:
        """A soft tint of the theme's primary colour for today's column."""
        base = self.styles.background
        if base.a == 0:
            base = Color.parse("black" if self.app.current_theme.dark else "white")
        tint = base.blend(Color.parse(self.app.current_theme.primary), 0.25)
        return f"on {tint.hex}"

    def _cell_text(self, cell: core.Cell | None, day: date) -> Text:
        today = self._today_style() if day == self.today else ""
        if cell is None:
            return Text(" " * DAY_WIDTH, style=today)
        symbol = SYMBOLS[cell.status]
        label = symbol + (" " + cell.at.strftime("%H:%M") if cell.at is not None else "")
        colour = {"done": "bold", "skipped": "dim", "due": ""}[cell.status]
        if cell.status == "due" and day < self.today:
            colour = "dim"  # a past day left unmarked: shown quietly, never in red
        return Text(label.center(DAY_WIDTH), style=f"{colour} {today}".strip())

    def _today_column(self, grid: core.WeekGrid) -> int:
        return grid.days.index(self.today) + 1 if self.today in grid.days else 1

    def _cursor_to_today(self) -> None:
        if self._grid.rows:
            column = self._today_column(self._grid)
            self.query_one("#week-grid", DataTable).move_cursor(column=column, animate=False)

    # -- what the cursor is on ----------------------------------------------------------------

    def _chosen(self) -> tuple[Ritual | None, date | None]:
        table = self.query_one("#week-grid", DataTable)
        if not self._grid.rows:
            return None, None
        coordinate: Coordinate = table.cursor_coordinate
        row = self._grid.rows[min(coordinate.row, len(self._grid.rows) - 1)]
        day = self._grid.days[coordinate.column - 1] if coordinate.column >= 1 else None
        return row.ritual, day

    def _chosen_day(self) -> tuple[Ritual, date] | None:
        ritual, day = self._chosen()
        if ritual is None:
            return None
        if day is None:
            day = self.today if self.today in self._grid.days else None
        if day is None:
            return None
        return ritual, day

    # -- actions --------------------------------------------------------------------------------

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        if event.coordinate.column == 0:
            self.action_open()
        else:
            self.action_toggle_mark()

    def action_toggle_mark(self) -> None:
        chosen = self._chosen_day()
        if chosen and toggle_done(self.capp, *chosen, then=self.refresh_all):
            self.refresh_all()

    def action_skip(self) -> None:
        chosen = self._chosen_day()
        if chosen and apply_mark(self.capp, *chosen, core.SKIPPED):
            self.refresh_all()

    def action_undo(self) -> None:
        chosen = self._chosen_day()
        if chosen and undo_mark(self.capp, *chosen, then=self.refresh_all):
            self.refresh_all()

    def action_note(self) -> None:
        chosen = self._chosen_day()
        if not chosen:
            return
        ritual, day = chosen
        if day > self.today or not core.occurs_on(ritual, day):
            apply_mark(self.capp, ritual, day, core.DONE)  # explains why not
            return
        existing = core.find_mark(all_marks(self.capp), ritual.id, day)

        def done(answer: tuple[MarkStatus, str] | None) -> None:
            if answer is not None and apply_mark(self.capp, ritual, day, answer[0], answer[1]):
                self.refresh_all()

        self.app.push_screen(NoteDialog(ritual, day, existing.note if existing else ""), done)

    def action_week(self, step: int) -> None:
        self.week = self.week + timedelta(weeks=step)
        self.refresh_all()

    def action_ended(self) -> None:
        self.show_ended = not self.show_ended
        p = ritual_text().planner
        self.notify(p.show_ended if self.show_ended else p.hide_ended, timeout=3)
        self.refresh_all()

    def action_this_week(self) -> None:
        self.week = core.week_start(self.today, self.first_weekday)
        self.refresh_all()
        self._cursor_to_today()

    def action_add(self) -> None:
        from closeness_tui.screens.ritual_edit import RitualEditScreen
        from closeness_tui.screens.ritual_picker import RitualPickerScreen

        def picked(template_id: str | None) -> None:
            if template_id is not None:
                self.app.push_screen(RitualEditScreen(template_id=template_id))

        self.app.push_screen(RitualPickerScreen(), picked)

    def action_edit(self) -> None:
        ritual, _ = self._chosen()
        if ritual is not None:
            from closeness_tui.screens.ritual_edit import RitualEditScreen

            self.app.push_screen(RitualEditScreen(ritual_id=ritual.id))

    def action_open(self) -> None:
        ritual, _ = self._chosen()
        if ritual is not None:
            from closeness_tui.screens.ritual_detail import RitualDetailScreen

            self.app.push_screen(RitualDetailScreen(ritual.id))

    def action_export(self) -> None:
        def chosen(path: str | None) -> None:
            if path:
                export_ics(self.capp, path)

        self.app.push_screen(ExportDialog(default_ics_path()), chosen)

    def action_guide(self) -> None:
        def chosen(answer: tuple[bool, int | None] | None) -> None:
            if not answer or not answer[0]:
                return
            settings = self.capp.settings
            settings.weekly_target_minutes = answer[1]
            if self.capp.save_settings(settings):
                self.notify(ritual_text().planner.guide_saved, timeout=3)
                self.refresh_all()

        self.app.push_screen(GuideDialog(self.capp.settings.weekly_target_minutes), chosen)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ritual-add-button":
            self.action_add()
        elif event.button.id == "ritual-export-button":
            self.action_export()
        elif event.button.id == "ritual-guide-button":
            self.action_guide()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("toggle_mark", "note", "skip", "undo", "edit", "open"):
            return True if getattr(self, "_grid", None) and self._grid.rows else None
        return True
