"""Looking back on what they tried: keep it, adjust it, or try another idea. Every try,
with its plans and how it went, stays in the record (and the journal)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Header, Input, Label, Static

from closeness_tui.screens.solve_common import SolveStepScreen
from closeness_tui.screens.text_boxes import LineBox
from closeness_tui.text import LINE_MAX, clean, safe


class SolveReviewScreen(SolveStepScreen):
    HELP_TOPIC = "solve_review"
    BINDINGS = [
        Binding("ctrl+s", "review('keep')", "Keep it", id="solve-keep", tooltip="It works"),
        Binding(
            "ctrl+n", "review('adjust')", "Adjust it", id="solve-adjust", tooltip="Change the plan"
        ),
        Binding(
            "ctrl+o",
            "review('another')",
            "Try another",
            id="solve-another",
            tooltip="Choose another idea to try",
        ),
    ]

    def compose(self) -> ComposeResult:
        words = self.words
        m = self.m
        names = m.record.names
        current = m.current_try
        plans = current.plans if current else ["", ""]
        yield Header()
        with Vertical(id="repair", classes="review"):
            yield Static(self.banner(), id="repair-banner")
            yield Static(self.fill(words.title), id="repair-title")
            with VerticalScroll(id="repair-context"):
                for seat in (0, 1):
                    yield Static(
                        Content.assemble((safe(names[seat])), ": ", safe(plans[seat])),
                        classes="solve-plan",
                    )
            yield Static(self.fill(words.hint), id="repair-hint", classes="muted")
            yield Label(Content(words.note_label))
            yield LineBox(id="review-note", max_length=LINE_MAX)
            with Horizontal(id="repair-buttons"):
                yield Button(Content(words.keep), id="keep", variant="success")
                yield Button(Content(words.adjust), id="adjust")
                yield Button(Content(words.another), id="another")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id:
            self.action_review(event.button.id)

    def action_review(self, outcome: str) -> None:
        note = clean(self.query_one("#review-note", Input).value, LINE_MAX, single_line=True)
        self.flow.apply("review", outcome, note.text.strip())
