"""An apology was offered: the other answers, "I can accept it now" or "I need some time".
Both answers are fine, and both are kept."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Header, Static

from closeness_tui.screens.repair_common import RepairStepScreen
from closeness_tui.text import safe


class RepairAnswerScreen(RepairStepScreen):
    HELP_TOPIC = "repair_answer"
    BINDINGS = [
        Binding(
            "a", "answer('accept')", "Accept now", id="repair-accept", tooltip="I can accept it now"
        ),
        Binding(
            "t", "answer('need_time')", "Need time", id="repair-need-time", tooltip="I need time"
        ),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="repair", classes="answer"):
            yield Static(self.banner(), id="repair-banner")
            yield Static(self.fill(self.words.title), id="repair-title")
            with VerticalScroll(id="repair-context"):
                yield Static(safe(self.m.side.apology), id="apology-text")
            with Horizontal(id="repair-buttons"):
                yield Button(Content(self.words.accept), id="accept", variant="success")
                yield Button(Content(self.words.need_time), id="need_time")
            yield Static(self.fill(self.words.hint), id="repair-hint", classes="muted")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#accept", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id:
            self.action_answer(event.button.id)

    def action_answer(self, answer: str) -> None:
        self.flow.apply("answer", answer)
