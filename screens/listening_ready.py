"""Before a hard talk: is now a good time for both of you? Not hungry, angry, lonely, tired?
Skippable (and remembered as skipped); "not now" takes a break with a return time."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Footer, Header, Static

from closeness_tui.listening import READINESS_KEYS
from closeness_tui.listeningtext import listening_text
from closeness_tui.screens.listening_common import StepScreen


class ReadinessScreen(StepScreen):
    HELP_TOPIC = "listening_ready"
    BINDINGS = [
        Binding("ctrl+s", "begin", "Begin", id="ready-begin", tooltip="Begin the first turn"),
        Binding(
            "ctrl+l", "skip", "Skip check", id="ready-skip", tooltip="Skip this check and begin"
        ),
    ]

    def compose(self) -> ComposeResult:
        words = listening_text().readiness
        yield Header()
        with VerticalScroll(id="step", classes="ready"):
            yield Static(Content(words.title), id="step-title", classes="title")
            yield Static(Content(words.intro), classes="muted")
            yield Checkbox(Content(words.good_time), True, id="good_time")
            yield Static(Content(words.halt_intro), id="halt-intro")
            with Vertical(id="halt"):
                for key in READINESS_KEYS[1:]:
                    yield Checkbox(Content(getattr(words, key)), False, id=key)
            yield Static("", id="halt-note", classes="gentle")
            with Horizontal(id="answers"):
                yield Button(Content(words.begin), id="ready-begin", variant="primary")
                yield Button(Content(words.not_now), id="not-now")
                yield Button(Content(words.skip), id="skip")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#good_time", Checkbox).focus()

    def answers(self) -> dict[str, bool]:
        return {key: self.query_one(f"#{key}", Checkbox).value for key in READINESS_KEYS}

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        a = self.answers()
        worried = not a["good_time"] or any(a[k] for k in READINESS_KEYS[1:])
        note = listening_text().readiness.halt_note if worried else ""
        self.query_one("#halt-note", Static).update(Content(note))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        {
            "ready-begin": self.action_begin,
            "not-now": self.action_not_now,
            "skip": self.action_skip,
        }[event.button.id or "ready-begin"]()

    def action_begin(self) -> None:
        self.flow.apply(self.m.answer_readiness, self.answers())

    def action_not_now(self) -> None:
        self.m.session.readiness = self.answers()
        self.flow.apply(self.m.take_break)

    def action_skip(self) -> None:
        self.flow.apply(self.m.skip_readiness)
