"""Closing: each partner may write one line (an appreciation, or what they learned)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Button, Footer, Header, Input, Label, Static

from closeness_tui.listeningtext import listening_text
from closeness_tui.screens.drafting import DraftingScreen
from closeness_tui.screens.listening_common import StepScreen
from closeness_tui.screens.text_boxes import LineBox
from closeness_tui.text import LINE_MAX, clean, safe_template


class ClosingScreen(StepScreen, DraftingScreen):
    HELP_TOPIC = "listening_close"
    BINDINGS = [
        Binding("ctrl+s", "finish", "Finish", id="close-finish", tooltip="Save and finish"),
    ]

    def compose(self) -> ComposeResult:
        words = listening_text().closing
        names = self.m.session.names
        yield Header()
        with Vertical(id="step", classes="closing"):
            yield Static(Content(words.title), id="step-title", classes="title")
            if self.m.session.state.get("finished_early"):
                yield Static(Content(words.early), classes="muted")
            yield Static(Content(words.intro), classes="muted", id="intro")
            for seat in (0, 1):
                yield Label(safe_template(words.line_label, name=names[seat]), classes="label")
                yield LineBox(
                    self.m.session.closing[seat],
                    placeholder=words.placeholder,
                    id=f"line-{seat}",
                    max_length=LINE_MAX,
                )
            yield Button(Content(words.finish), id="finish", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#line-0", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "line-0":
            self.query_one("#line-1", Input).focus()
        else:
            self.action_finish()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_finish()

    def _lines(self) -> list[str]:
        return [
            clean(
                self.query_one(f"#line-{s}", Input).value, LINE_MAX, single_line=True
            ).text.strip()
            for s in (0, 1)
        ]

    def draft_key(self) -> str:
        return f"listening:{self.m.session.id}:closing"

    def action_finish(self) -> None:
        self._draft_stopped = True
        key = self.draft_key()
        if self.flow.apply(self.m.submit_closing, self._lines()):
            self.drop_draft(stop=True, key=key)
            self.notify(listening_text().closing.done, timeout=5)
        else:
            self._draft_stopped = False
