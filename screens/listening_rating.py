"""The speaker answers the listener's summary: Got it / Partly / Not quite."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Static

from closeness_tui.listeningtext import listening_text
from closeness_tui.screens.listening_common import StepScreen, banner, fill
from closeness_tui.screens.rating_answers import RatingAnswers, rating_bindings, rating_buttons
from closeness_tui.text import safe


class RatingScreen(RatingAnswers, StepScreen):
    HELP_TOPIC = "listening_rating"
    BINDINGS = [
        *rating_bindings("rate", "Move on without another try"),
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
                yield from rating_buttons()
            hint = fill(words.hint, m)
            if m.turn is not None and len(m.turn.summaries) > 1:
                hint = Content.assemble(hint, " ", words.moved_on_hint)
            yield Static(hint, id="next", classes="muted")
        yield Footer()

    def action_rate(self, rating: str) -> None:
        self.flow.press(self.m.rate, rating)

    def action_move_on(self) -> None:
        if self.flow.press(self.m.move_on):
            self.app.notify(listening_text().turn.moved_on_gentle, timeout=5)
