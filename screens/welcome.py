"""First run: a warm welcome before the names."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.content import Content
from textual.widgets import Button, Footer, Static

from closeness_tui.apptext import app_text
from closeness_tui.registry import screen_class
from closeness_tui.screens.base import ClosenessScreen


class WelcomeScreen(ClosenessScreen):
    CSS_PATH = "welcome.tcss"
    HELP_TOPIC = "welcome"
    BINDINGS = [
        Binding("enter", "begin", "Begin", id="begin", tooltip="Go on to enter your names"),
    ]

    def compose(self) -> ComposeResult:
        text = app_text().welcome
        with Vertical(id="welcome"):
            yield Static(Content(text.title), classes="title", id="welcome-title")
            for line in text.lines:
                yield Static(Content(line), classes="line")
            with Center():
                yield Button(Content(text.begin), id="begin", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#begin", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_begin()

    def action_begin(self) -> None:
        self.app.switch_screen(screen_class("setup")())
