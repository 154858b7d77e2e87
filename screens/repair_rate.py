"""Two realities: the partner whose reality it is says whether the other got it
(the listening session's three answers: Got it / Partly / Not quite)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header, Static

from closeness_tui.screens.rating_answers import RatingAnswers, rating_bindings, rating_buttons
from closeness_tui.screens.repair_common import RepairStepScreen
from closeness_tui.text import safe


class RepairRateScreen(RatingAnswers, RepairStepScreen):
    HELP_TOPIC = "repair_rate"
    BINDINGS = rating_bindings("repair", "Go on to what makes sense, without another try")

    def compose(self) -> ComposeResult:
        summary = self.m.current_summary
        yield Header()
        with Vertical(id="repair", classes="rating"):
            yield Static(self.banner(), id="repair-banner")
            yield Static(self.fill(self.words.title), id="repair-title")
            yield Static(self.fill(self.words.heard), classes="muted")
            with VerticalScroll(id="repair-context"):
                yield Static(safe(summary.text if summary else ""), id="heard-text")
            with Horizontal(id="repair-buttons"):
                yield from rating_buttons()
            yield Static(self.fill(self.words.hint), id="repair-hint", classes="muted")
        yield Footer()

    def action_rate(self, rating: str) -> None:
        self.flow.apply("rate", rating)

    def action_move_on(self) -> None:
        self.flow.apply("move_on")
