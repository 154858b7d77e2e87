"""Insights: sessions and check-ins week by week and since they began, listening accuracy
as a trend, rituals kept, promises. A mirror for the two of them, never a score.

The figures come from the journal's index (one per change of data) and are kept on it, so
a second visit, or going back to the journal, reads nothing again. When they are not there
yet a worker makes them while the screen says it is gathering them.
"""

from __future__ import annotations

from datetime import date

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, Header, Label, Static

from closeness_tui.checkins_text import checkins_text
from closeness_tui.insights import (
    WEEKS,
    Chart,
    Figures,
    TalkFigures,
    axis,
    bars,
    figures,
    since,
)
from closeness_tui.journal import percent
from closeness_tui.journal_index import JournalIndex, cached_index, index_for
from closeness_tui.screens.base import ClosenessScreen


class InsightsScreen(ClosenessScreen):
    CSS_PATH = "insights.tcss"
    HELP_TOPIC = "insights"

    class Ready(Message):
        def __init__(self, facts: Figures) -> None:
            super().__init__()
            self.facts = facts

    def compose(self) -> ComposeResult:
        yield Header()
        yield VerticalScroll(id="insights")
        yield Footer()

    def on_mount(self) -> None:
        box = self.query_one("#insights", VerticalScroll)
        box.focus()
        capp = self.capp
        store, names = capp.store, capp.settings.names
        today, starts_on = capp.clock.today(), capp.settings.week_starts_on
        if store is None:
            self.show(figures(JournalIndex([], names), today, starts_on))
            return
        version = (capp.data_version, id(store))
        index = cached_index(store, version, names)
        if index is not None and ("figures", today, starts_on) in index.insights_cache:
            self.show(figures(index, today, starts_on))
            return
        box.mount(Static(Content(checkins_text().insights.loading), id="insights-loading"))
        # After this frame is drawn: the screen says it is gathering before any reading starts.
        self.call_after_refresh(self._gather, store, version, names, today, starts_on)

    @work(thread=True, exclusive=True, group="insights")
    def _gather(
        self, store: object, version: object, names: tuple[str, str], today: date, starts_on: int
    ) -> None:
        self.post_message(self.Ready(figures(index_for(store, version, names), today, starts_on)))

    def on_insights_screen_ready(self, message: Ready) -> None:
        self.show(message.facts)

    def show(self, facts: Figures) -> None:
        box = self.query_one("#insights", VerticalScroll)
        box.remove_children()
        box.mount_all(list(self._parts(facts)))

    def _parts(self, facts: Figures):  # -> Iterator[Widget]
        text = checkins_text().insights
        units = text.units
        yield Static(Content(text.intro), classes="muted", id="insights-intro")
        recent = facts.recent
        yield Label(Content.from_markup(text.activity, weeks=str(WEEKS)), classes="heading")
        yield from self._chart(recent, "activity", last=text.this_week)
        yield Static(
            Content.from_markup(
                text.activity_total, count=str(int(recent.total)), weeks=str(WEEKS)
            ),
            id="activity-total",
            classes="value",
        )
        history = facts.history
        if history is not None:
            began = since(facts.first_day or history.first.start)
            unit = getattr(units, history.unit)
            yield Label(
                Content.from_markup(text.history, since=began, unit=unit), classes="heading"
            )
            yield from self._chart(history, "history")
            yield Static(
                Content.from_markup(text.history_total, count=str(int(history.total)), since=began),
                id="history-total",
                classes="value",
            )
        accuracy = facts.accuracy
        unit = getattr(units, accuracy.unit)
        yield Label(Content.from_markup(text.accuracy, unit=unit), classes="heading")
        confirmed, total, sessions = facts.accuracy_counts
        if total:
            last = text.this_week if accuracy.unit == "week" else None
            yield from self._chart(accuracy, "accuracy", last=last, top=1.0)
            yield Static(Content.from_markup(text.accuracy_trend, unit=unit), classes="muted")
            value = Content.from_markup(
                text.accuracy_value,
                percent=percent(confirmed, total),
                total=str(total),
                sessions=str(sessions),
                since=since(facts.first_listening or accuracy.first.start),
            )
        else:
            value = Content(text.accuracy_none)
        yield Static(value, id="accuracy-value", classes="value")
        period = facts.ritual_period
        yield Label(
            Content.from_markup(
                text.rituals,
                days=str((period.end - period.start).days + 1),
                start=since(period.start),
                end=since(period.end),
            ),
            classes="heading",
        )
        kept, due = facts.rituals
        rituals = (
            Content.from_markup(
                text.rituals_value, done=str(kept), expected=str(due), percent=percent(kept, due)
            )
            if due
            else Content(text.rituals_none)
        )
        yield Static(rituals, id="rituals-value", classes="value")
        yield Label(Content(text.promises), classes="heading")
        p = facts.promises
        promises = (
            Content.from_markup(
                text.promises_value,
                kept=str(p.get("kept", 0)),
                partly=str(p.get("partly", 0)),
                not_yet=str(p.get("not_yet", 0)),
                since=since(facts.promises_since) if facts.promises_since else "",
            )
            if sum(p.values())
            else Content(text.promises_none)
        )
        yield Static(promises, id="promises-value", classes="value")
        yield from self._talks(facts.talks)
        yield Static(Content(text.note), classes="gentle", id="insights-note")

    def _talks(self, talks: TalkFigures):  # -> Iterator[Widget]
        """After-a-fight talks finished, solutions tried and how their reviews went."""
        text = checkins_text().insights
        yield Label(Content(text.talks), classes="heading")
        if talks.since is None:
            yield Static(Content(text.talks_none), id="talks-value", classes="value")
            return
        tries = talks.tries
        value = Content.from_markup(
            text.talks_value,
            fights=str(talks.fights),
            tried=str(tries.tried),
            reviewed=str(tries.reviewed),
            since=since(talks.since),
        )
        yield Static(value, id="talks-value", classes="value")
        if tries.reviewed:
            outcomes = Content.from_markup(
                text.talks_tries,
                kept=str(tries.kept),
                adjusted=str(tries.adjusted),
                another=str(tries.another),
            )
            yield Static(outcomes, id="talks-tries", classes="value")

    def _chart(self, chart: Chart, name: str, last: str | None = None, top: float | None = None):
        yield Static(Content(bars(chart.values, top)), id=name, classes="bars")
        yield Static(Content(axis(chart, last)), id=f"{name}-axis", classes="axis")
