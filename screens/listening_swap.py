"""Between turns: thank both, and say who has the floor next."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Button, Footer, Header, Static

from closeness_tui.listening import other
from closeness_tui.listeningtext import listening_text
from closeness_tui.screens.listening_common import StepScreen, fill


class SwapScreen(StepScreen):
    HELP_TOPIC = "listening_swap"
    BINDINGS = [
        Binding("enter", "next", "Begin", id="swap-next", tooltip="Start the next turn"),
        Binding(
            "b", "take_break", "Break", id="swap-break", tooltip="Take a break now", show=False
        ),
    ]

    def compose(self) -> ComposeResult:
        m = self.m
        words = listening_text().swap
        names = m.session.names
        nxt = m.speaker_of(m.turn_index + 1)
        extra = {
            "next_speaker": names[nxt],
            "next_listener": names[other(nxt)],
            "round": str((m.turn_index + 1) // 2 + 1),
        }
        yield Header()
        with Vertical(id="step", classes="question"):
            yield Static(fill(words.title, m), id="step-title", classes="title")
            yield Static(fill(words.round_line, m, **extra), id="banner")
            yield Static(fill(words.body, m, **extra), id="swap-body")
            yield Button(fill(words.next, m, **extra), id="swap-next", variant="primary")
            yield Static(Content(words.hint), classes="muted")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#swap-next", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_next()

    def action_next(self) -> None:
        self.flow.press(self.m.next_turn)
