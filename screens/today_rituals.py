"""Today's rituals, shown on Home and markable from there: Enter or space marks done (again
takes it back), u undoes. Skipping with a note lives in the planner, so Home's own keys (s is
Settings) stay as they are."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from closeness_tui import rituals as core
from closeness_tui.models import Ritual, RitualMark
from closeness_tui.ritualtext import ritual_text
from closeness_tui.text import safe

if TYPE_CHECKING:
    from closeness_tui.app import ClosenessApp

SYMBOLS = {"due": "○", "done": "✓", "skipped": "–"}


class TodayList(OptionList):
    BINDINGS = [
        Binding(
            "space",
            "toggle_mark",
            "Done",
            id="today-toggle",
            tooltip="Mark this ritual done today, or take the mark back",
        ),
        Binding("u", "undo", "Undo", id="today-undo", tooltip="Take back today's mark"),
    ]

    def action_toggle_mark(self) -> None:
        cast("TodayRituals", self.parent).mark("toggle")

    def action_undo(self) -> None:
        cast("TodayRituals", self.parent).mark("undo")


class TodayRituals(Vertical):
    """Hidden while there are no rituals at all."""

    MAX_ROWS = 5  # the list's max-height below; it scrolls beyond that

    DEFAULT_CSS = """
    TodayRituals {
        height: auto;
        margin-top: 1;
    }
    TodayRituals > #today-title {
        height: 1;
    }
    TodayRituals > TodayList {
        height: auto;
        max-height: 5;  /* MAX_ROWS */
        border: none;
        padding: 0 1;
    }
    """

    @property
    def capp(self) -> ClosenessApp:
        return cast("ClosenessApp", self.app)

    def compose(self) -> ComposeResult:
        t = ritual_text().today
        yield Static(
            Content.assemble((t.title, "bold"), "  ", (t.hint, "$text-muted")), id="today-title"
        )
        yield TodayList(id="today-list")

    _cells: list[core.Cell] | None = None  # today's, once load() has worked them out

    def on_mount(self) -> None:
        if self._cells is None:
            self.load()
        self._show()
        self.app.screen_change_signal.subscribe(self, self._screen_changed)
        self.set_interval(60, self._new_day)  # left open past midnight: show the new day

    def _new_day(self) -> None:
        if self.capp.clock.today() != self._day:
            self.reload()

    def _screen_changed(self, screen: Screen) -> None:
        if screen is self.screen:
            self.reload()

    def reload(self) -> None:
        self.load()
        self._show()

    def load(self) -> int:
        """Work out today's rituals (before this is mounted too: Home asks how many rows it
        will take before its first layout). Returns those rows: none while hidden, else the
        margin, the title and the list's rows (see DEFAULT_CSS)."""
        self._day = self.capp.clock.today()
        store = self.capp.store
        rituals = store.all(Ritual) if store is not None else []
        self.display = bool(core.current(rituals))
        day = self._day
        # Only today's marks are decoded, not years of them.
        marks = store.where(RitualMark, "occurrence", [day]) if store is not None else []
        self._cells = core.today_cells(rituals, marks, day, core.local_zone())
        if not self.display:
            return 0
        return 2 + min(max(len(self._cells), 1), self.MAX_ROWS)

    def _show(self) -> None:
        cells = self._cells or []
        options = self.query_one(TodayList)
        highlighted = options.highlighted
        if not cells:
            options.set_options([Option(Content(ritual_text().today.none), disabled=True)])
            return
        options.set_options(
            Option(
                Content.assemble(
                    f"{SYMBOLS[cell.status]} ",
                    (cell.at.strftime("%H:%M  ") if cell.at is not None else "", "$text-muted"),
                    safe(cell.ritual.name),
                ),
                id=cell.ritual.id,
            )
            for cell in cells
        )
        options.highlighted = min(highlighted or 0, len(cells) - 1)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.mark("toggle")

    def mark(self, how: str) -> None:
        options = self.query_one(TodayList)
        if options.highlighted is None or not self._cells:
            return
        from closeness_tui.screens.ritual_widgets import toggle_done, undo_mark

        cell = self._cells[options.highlighted]
        day = self.capp.clock.today()
        if how == "toggle":
            changed = toggle_done(self.capp, cell.ritual, day, then=self.reload)
        else:
            changed = undo_mark(self.capp, cell.ritual, day, then=self.reload)
        if changed:
            self.reload()
