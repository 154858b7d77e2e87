"""The two name fields, used by first-run set-up and by Settings."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label, Static

from closeness_tui.apptext import app_text
from closeness_tui.partners import NameCheck, check_names
from closeness_tui.screens.text_boxes import LineBox
from closeness_tui.text import NAME_MAX


class NamesForm(Vertical):
    DEFAULT_CSS = """
    NamesForm { height: auto; }
    NamesForm Input { margin-bottom: 0; }
    NamesForm .error { height: auto; }
    NamesForm .error.empty { display: none; }
    """

    def __init__(self, first: str = "", second: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self._first = first
        self._second = second

    def compose(self) -> ComposeResult:
        text = app_text().setup
        yield Label(Content(text.first_label))
        yield LineBox(self._first, placeholder=text.placeholder, id="first-name")
        yield Static("", classes="error empty", id="first-error")
        yield Label(Content(text.second_label))
        yield LineBox(self._second, placeholder=text.placeholder, id="second-name")
        yield Static("", classes="error empty", id="second-error")

    @property
    def values(self) -> tuple[str, str]:
        return (
            self.query_one("#first-name", Input).value,
            self.query_one("#second-name", Input).value,
        )

    def check(self, *, show: bool = True) -> NameCheck:
        result = check_names(*self.values)
        if show:
            messages = {
                "empty": app_text().setup.empty,
                "too_long": app_text().setup.too_long,
                "same": app_text().setup.same,
            }
            self._say("#first-error", messages.get(result.first_problem or "", ""))
            self._say("#second-error", messages.get(result.second_problem or "", ""))
        return result

    def _say(self, error_id: str, message: str) -> None:
        error = self.query_one(error_id, Static)
        error.update(Content(message))
        error.set_class(not message, "empty")

    def on_input_changed(self, event: Input.Changed) -> None:
        # Say kindly when a name runs long, as it is typed; other checks wait for Continue.
        error_id = "#first-error" if event.input.id == "first-name" else "#second-error"
        too_long = len(event.value.strip()) > NAME_MAX
        self._say(error_id, app_text().setup.too_long if too_long else "")
