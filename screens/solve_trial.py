"""How long to try the chosen idea before looking back on it, and when to start."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, Header, Input, Label, RadioButton, RadioSet, Static

from closeness_tui.screens.solve_common import SolveStepScreen, option_text
from closeness_tui.screens.text_boxes import LineBox
from closeness_tui.solve import TRIAL_DAYS
from closeness_tui.text import LINE_MAX, clean, safe, safe_template

DEFAULT_DAYS = 14


class SolveTrialScreen(SolveStepScreen):
    HELP_TOPIC = "solve_trial"
    BINDINGS = [
        Binding("ctrl+s", "start", "Start trying", id="solve-start-trial", tooltip="Start it"),
    ]

    def compose(self) -> ComposeResult:
        words = self.words
        yield Header()
        with Vertical(id="repair", classes="trial"):
            yield Static(self.banner(), id="repair-banner")
            yield Static(self.fill(words.title), id="repair-title")
            yield Static(safe(option_text(self.m)), id="solve-option")
            yield Static(self.fill(words.hint), id="repair-hint", classes="muted")
            with RadioSet(id="solve-days"):
                for days in TRIAL_DAYS:
                    yield RadioButton(
                        safe_template(words.days, days=str(days)),
                        days == DEFAULT_DAYS,
                        id=f"days-{days}",
                    )
            yield Label(Content(words.by_when_label))
            yield LineBox(placeholder=words.by_when_placeholder, id="by-when", max_length=200)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#solve-days", RadioSet).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_start()

    def action_start(self) -> None:
        pressed = self.query_one("#solve-days", RadioSet).pressed_button
        days = int((pressed.id or "").removeprefix("days-")) if pressed else DEFAULT_DAYS
        by_when = clean(self.query_one("#by-when", Input).value, LINE_MAX, single_line=True)
        self.flow.apply("start_trial", days, by_when.text.strip())
