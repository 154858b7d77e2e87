"""Insights: sessions and check-ins per week, listening accuracy, rituals kept, promises.
A mirror for the two of them, never a score."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Label, Sparkline, Static

from closeness_tui.checkins_text import checkins_text
from closeness_tui.journal import from_store, insights, percent
from closeness_tui.screens.base import ClosenessScreen

WEEKS = 12


class InsightsScreen(ClosenessScreen):
    CSS_PATH = "insights.tcss"
    HELP_TOPIC = "insights"

    def compose(self) -> ComposeResult:
        text = checkins_text().insights
        capp = self.capp
        store = capp.store
        entries = from_store(store, capp.settings.names) if store else []
        facts = insights(store, entries, capp.clock.today(), WEEKS, capp.settings.week_starts_on)
        yield Header()
        with VerticalScroll(id="insights"):
            yield Static(Content(text.intro), classes="muted")
            yield Label(Content.from_markup(text.activity, weeks=str(WEEKS)), classes="heading")
            yield Sparkline(facts.activity, id="activity")
            yield Static(
                Content.from_markup(text.activity_total, count=str(sum(facts.activity))),
                id="activity-total",
                classes="value",
            )
            yield Label(Content(text.accuracy), classes="heading")
            confirmed, total, sessions = facts.accuracy_counts
            if len(facts.accuracy) >= 2:
                # A trend needs two points; one session alone would fill the whole bar.
                yield Sparkline(facts.accuracy, id="accuracy")
                yield Static(Content(text.accuracy_trend), classes="muted")
            if total:
                value = Content.from_markup(
                    text.accuracy_value,
                    percent=percent(confirmed, total),
                    total=str(total),
                    sessions=str(sessions),
                )
            else:
                value = Content(text.accuracy_none)
            yield Static(value, id="accuracy-value", classes="value")
            yield Label(Content(text.rituals), classes="heading")
            kept, due = facts.rituals
            rituals = (
                Content.from_markup(
                    text.rituals_value,
                    done=str(kept),
                    expected=str(due),
                    percent=percent(kept, due),
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
                )
                if sum(p.values())
                else Content(text.promises_none)
            )
            yield Static(promises, id="promises-value", classes="value")
            yield Static(Content(text.note), classes="gentle", id="insights-note")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#insights").focus()
