"""Settings: names, theme, bell, the day the week starts on."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Header, Input, Label, Select, Static, Switch

from closeness_tui.app import DARK_THEME, LIGHT_THEME
from closeness_tui.apptext import app_text
from closeness_tui.screens.drafting import DraftingScreen
from closeness_tui.screens.names_form import NamesForm


class SettingsScreen(DraftingScreen):
    CSS_PATH = "settings.tcss"
    HELP_TOPIC = "settings"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="save", tooltip="Keep these settings"),
    ]

    ASKS_BEFORE_LEAVING = True

    def draft_key(self) -> str:
        return "settings:names"

    def __init__(self) -> None:
        super().__init__()
        self.sub_title = app_text().settings.title

    def compose(self) -> ComposeResult:
        text = app_text().settings
        settings = self.capp.settings
        yield Header()
        with VerticalScroll(id="settings"):
            yield Static(Content(text.names_intro), classes="muted", id="names-intro")
            yield NamesForm(settings.partner_a, settings.partner_b, id="names")
            with Horizontal(classes="row"):
                yield Switch(not self.app.current_theme.dark, id="light")
                yield Label(Content(text.light_theme), classes="switch-label")
            with Horizontal(classes="row"):
                yield Switch(settings.bell, id="bell")
                yield Label(Content(text.bell), classes="switch-label")
            with Horizontal(classes="row"):
                yield Switch(settings.question_of_the_day, id="question-of-the-day")
                yield Label(Content(text.question_of_the_day), classes="switch-label")
            with Horizontal(classes="row"):
                yield Select(
                    [(Content(day), n) for n, day in enumerate(text.weekdays)],
                    value=settings.week_starts_on,
                    allow_blank=False,
                    type_to_search=False,
                    compact=True,
                    id="week-start",
                )
                yield Label(Content(text.week_starts_on), id="week-start-label")
        with Horizontal(id="save-row"):  # below the scroll: in view whatever the form shows
            yield Button(Content(text.save), id="save", variant="primary", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#first-name", Input).focus()

    def on_switch_changed(self, event: Switch.Changed) -> None:
        if event.switch.id == "light":
            # The theme is a preference the eye should see at once; it is saved at once too.
            self.app.theme = LIGHT_THEME if event.value else DARK_THEME

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
        settings.bell = self.query_one("#bell", Switch).value
        settings.question_of_the_day = self.query_one("#question-of-the-day", Switch).value
        settings.week_starts_on = self._week_start()
        if self.capp.save_settings(settings):
            self.drop_draft(stop=True)
            self.notify(app_text().settings.saved, timeout=3)
            self.dismiss()

    def has_unsaved(self) -> bool:
        settings = self.capp.settings
        result = self.query_one(NamesForm).check(show=False)
        names_changed = (result.first, result.second) != settings.names
        return (
            names_changed
            or self.query_one("#bell", Switch).value != settings.bell
            or self.query_one("#question-of-the-day", Switch).value != settings.question_of_the_day
            or self._week_start() != settings.week_starts_on
        )

    def _week_start(self) -> int:
        value = self.query_one("#week-start", Select).value
        return value if isinstance(value, int) else self.capp.settings.week_starts_on

    def leave_question(self) -> str:
        return app_text().settings.unsaved
