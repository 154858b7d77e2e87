"""First run: both partners' names."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Button, Footer, Input, Static

from closeness_tui.apptext import app_text
from closeness_tui.registry import screen_class
from closeness_tui.screens.base import ClosenessScreen
from closeness_tui.screens.names_form import NamesForm


class SetupScreen(ClosenessScreen):
    CSS_PATH = "setup.tcss"
    HELP_TOPIC = "setup"
    BINDINGS = [
        Binding("ctrl+s", "save", "Continue", id="continue", tooltip="Save both names and go on"),
    ]

    def compose(self) -> ComposeResult:
        text = app_text().setup
        with Vertical(id="setup"):
            yield Static(Content(text.title), classes="title")
            yield Static(Content(text.intro), classes="muted", id="intro")
            yield NamesForm(id="names")
            yield Button(Content(text.continue_label), id="continue", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#first-name", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "first-name":
            self.query_one("#second-name", Input).focus()
        else:
            self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        result = self.query_one(NamesForm).check()
        if not result.ok:
            target = "#first-name" if result.first_problem else "#second-name"
            self.query_one(target, Input).focus()
            return
        settings = self.capp.settings
        settings.partner_a, settings.partner_b = result.first, result.second
        if self.capp.save_settings(settings):
            self.capp.go_home()

    def can_go_back(self) -> bool:
        return True

    def go_back(self) -> None:
        """Back to the welcome (the names typed so far are let go, after asking)."""
        self.app.switch_screen(screen_class("welcome")())

    def has_unsaved(self) -> bool:
        return any(v.strip() for v in self.query_one(NamesForm).values)
