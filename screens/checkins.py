"""The check-ins hub: a nightly check-in, a gratitude exchange or the weekly check-in."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from closeness_tui.checkins import GRATITUDE, WEEKLY, last_done, unfinished, who_starts
from closeness_tui.checkins_text import Activity, checkins_text
from closeness_tui.models import CheckIn
from closeness_tui.screens.base import ClosenessScreen


def _activity_bindings() -> list[BindingType]:
    return [
        Binding(a.key, f"start({a.id!r})", a.short, id=f"start-{a.id}", tooltip=a.blurb)
        for a in checkins_text().hub.activities
    ]


class CheckinsScreen(ClosenessScreen):
    CSS_PATH = "checkins.tcss"
    HELP_TOPIC = "checkins"
    BINDINGS = _activity_bindings()

    def compose(self) -> ComposeResult:
        text = checkins_text().hub
        yield Header()
        with Vertical(id="hub"):
            yield Static(Content(text.title), classes="title")
            yield Static(Content(text.intro), classes="muted", id="hub-intro")
            yield OptionList(*self._options(), id="activities")
        yield Footer()

    def _options(self) -> list[Option]:
        hub = checkins_text().hub
        checkins = self.capp.store.all(CheckIn) if self.capp.store else []
        options = []
        for a in hub.activities:
            when = last_done(checkins, a.id)
            last = (
                Content.from_markup(hub.last_time, when=when.strftime("%a %d %b"))
                if when
                else Content(hub.never)
            )
            options.append(Option(self._label(a, last), id=a.id))
        return options

    @staticmethod
    def _label(a: Activity, last: Content) -> Content:
        return Content.assemble(
            (f" {a.key} ", "reverse"),
            "  ",
            (a.title, "bold"),
            "\n     ",
            a.blurb,
            "\n     ",
            last.stylize("dim"),
        )

    def on_mount(self) -> None:
        self.query_one("#activities", OptionList).focus()

    def on_screen_resume(self) -> None:
        options = self.query_one("#activities", OptionList)
        highlighted = options.highlighted
        options.set_options(self._options())
        options.highlighted = highlighted

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.action_start(event.option.id)

    def action_start(self, kind: str) -> None:
        if kind == WEEKLY:
            left = unfinished(self.capp.store.all(CheckIn), WEEKLY) if self.capp.store else None
            from closeness_tui.screens.weekly import WeeklyScreen

            self.app.push_screen(WeeklyScreen(left))
            return
        checkins = self.capp.store.all(CheckIn) if self.capp.store else []
        first = who_starts(checkins, kind)
        if kind == GRATITUDE:
            from closeness_tui.screens.gratitude import GratitudeScreen

            half = unfinished(checkins, GRATITUDE)
            if half is not None and half.created_at.date() != self.capp.clock.today():
                half = None  # only today's half-done exchange is picked up
            self.app.push_screen(GratitudeScreen(first, half))
            return
        from closeness_tui.screens.nightly import NightlyScreen

        self.app.push_screen(NightlyScreen(first))
