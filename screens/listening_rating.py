"""The speaker answers the listener's summary: Got it / Partly / Not quite."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Header, Static

from closeness_tui.listeningtext import listening_text
from closeness_tui.screens.listening_common import StepScreen, banner, fill
from closeness_tui.text import safe


class RatingScreen(StepScreen):
    HELP_TOPIC = "listening_rating"
    BINDINGS = [
        Binding("g,1", "rate('got_it')", "Got it", id="rate-got-it", tooltip="That's it"),
        Binding("p,2", "rate('partly')", "Partly", id="rate-partly", tooltip="Some of it"),
        Binding("n,3", "rate('not_quite')", "Not quite", id="rate-not-quite", tooltip="Not yet"),
        Binding(
            "o",
            "move_on",
            "Move on",
            id="rate-move-on",
            tooltip="Move on without another try",
            show=False,
        ),
        Binding(
            "b", "take_break", "Break", id="rate-break", tooltip="Take a break now", show=False
        ),
    ]

    def compose(self) -> ComposeResult:
        m = self.m
        words = listening_text().rating
        summary = m.current_summary
        yield Header()
        with Vertical(id="step", classes="rating"):
            yield Static(banner(m), id="banner")
            yield Static(fill(words.title, m), id="step-title", classes="title")
            yield Static(fill(words.heard, m), classes="muted")
            with VerticalScroll(id="heard"):
                yield Static(safe(summary.text if summary else ""), id="heard-text")
            with Horizontal(id="answers"):
                yield Button(Content(words.got_it), id="got_it", variant="success")
                yield Button(Content(words.partly), id="partly", variant="warning")
                yield Button(Content(words.not_quite), id="not_quite", variant="error")
            hint = fill(words.hint, m)
            if m.turn is not None and len(m.turn.summaries) > 1:
                hint = Content.assemble(hint, " ", words.moved_on_hint)
            yield Static(hint, id="next", classes="muted")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#got_it", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id:
            self.action_rate(event.button.id)

    def action_rate(self, rating: str) -> None:
        self.flow.press(self.m.rate, rating)

    def action_move_on(self) -> None:
        if self.flow.press(self.m.move_on):
            self.app.notify(listening_text().turn.moved_on_gentle, timeout=5)
