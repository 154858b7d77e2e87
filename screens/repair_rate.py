"""Two realities: the partner whose reality it is says whether the other got it
(the listening session's three answers: Got it / Partly / Not quite)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Header, Static

from closeness_tui.listeningtext import listening_text
from closeness_tui.screens.repair_common import RepairStepScreen
from closeness_tui.text import safe


class RepairRateScreen(RepairStepScreen):
    HELP_TOPIC = "repair_rate"
    BINDINGS = [
        Binding("g,1", "rate('got_it')", "Got it", id="repair-got-it", tooltip="That's it"),
        Binding("p,2", "rate('partly')", "Partly", id="repair-partly", tooltip="Some of it"),
        Binding("n,3", "rate('not_quite')", "Not quite", id="repair-not-quite", tooltip="Not yet"),
        Binding(
            "o",
            "move_on",
            "Move on",
            id="repair-move-on",
            tooltip="Go on to what makes sense, without another try",
            show=False,
        ),
    ]

    def compose(self) -> ComposeResult:
        words = listening_text().rating
        summary = self.m.current_summary
        yield Header()
        with Vertical(id="repair", classes="rating"):
            yield Static(self.banner(), id="repair-banner")
            yield Static(self.fill(self.words.title), id="repair-title")
            yield Static(self.fill(self.words.heard), classes="muted")
            with VerticalScroll(id="repair-context"):
                yield Static(safe(summary.text if summary else ""), id="heard-text")
            with Horizontal(id="repair-buttons"):
                yield Button(Content(words.got_it), id="got_it", variant="success")
                yield Button(Content(words.partly), id="partly", variant="warning")
                yield Button(Content(words.not_quite), id="not_quite", variant="error")
            yield Static(self.fill(self.words.hint), id="repair-hint", classes="muted")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#got_it", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id:
            self.action_rate(event.button.id)

    def action_rate(self, rating: str) -> None:
        self.flow.apply("rate", rating)

    def action_move_on(self) -> None:
        self.flow.apply("move_on")
