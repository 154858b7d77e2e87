"""Optional steps after "Got it": a validation ("That makes sense to me because ...") and an
empathy guess ("I imagine you feel ..."), written by the listener. Either can be skipped."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Header, Static

from closeness_tui.listeningtext import listening_text
from closeness_tui.screens.listening_common import DraftScreen, banner, fill
from closeness_tui.screens.text_boxes import TextBox


class ReflectScreen(DraftScreen):
    HELP_TOPIC = "listening_reflect"
    BINDINGS = [
        Binding("ctrl+s", "submit", "Done", id="reflect-submit", tooltip="Keep this and go on"),
        Binding("ctrl+l", "skip", "Skip", id="reflect-skip", tooltip="Leave this step out"),
    ]

    def _words(self):
        t = listening_text()
        return t.validation if self.step == "validation" else t.empathy

    def compose(self) -> ComposeResult:
        words = self._words()
        yield Header()
        with Vertical(id="step", classes="writing"):
            yield Static(banner(self.m), id="banner")
            yield Static(fill(words.title, self.m), id="step-title", classes="title")
            yield Static(fill(words.hint, self.m), id="hint", classes="muted")
            yield TextBox(self.initial_text(self.starter()), id=self.TEXT_ID, soft_wrap=True)
        yield Footer()

    def starter(self) -> str:
        return str(self._words().starter)

    def on_mount(self) -> None:
        area = self.text_area()
        area.focus()
        area.move_cursor(area.document.end)

    def action_submit(self) -> None:
        text = self.cleaned()
        if text == self._words().starter.strip():
            text = ""
        if not text:
            self.send(self.m.skip)
            return
        event = self.m.submit_validation if self.step == "validation" else self.m.submit_empathy
        self.send(event, text)

    def action_skip(self) -> None:
        self.send(self.m.skip)
