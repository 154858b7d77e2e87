"""After "Got it": the listener asks "Is there more?"."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Footer, Header, Static

from closeness_tui.listeningtext import listening_text
from closeness_tui.screens.listening_common import StepScreen, banner, fill


class MoreScreen(StepScreen):
    HELP_TOPIC = "listening_more"
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="more-yes", tooltip="There is more to say"),
        Binding("n", "answer(False)", "No", id="more-no", tooltip="That's everything"),
        Binding(
            "b", "take_break", "Break", id="more-break", tooltip="Take a break now", show=False
        ),
    ]

    def compose(self) -> ComposeResult:
        words = listening_text().more
        yield Header()
        with Vertical(id="step", classes="question"):
            yield Static(banner(self.m), id="banner")
            yield Static(fill(words.title, self.m), id="step-title", classes="title")
            yield Static(fill(words.body, self.m), classes="muted")
            with Horizontal(id="answers"):
                yield Button(Content(words.yes), id="yes", variant="primary")
                yield Button(Content(words.no), id="no")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_answer(event.button.id == "yes")

    def action_answer(self, more: bool) -> None:
        self.flow.press(self.m.more_yes if more else self.m.more_no)
