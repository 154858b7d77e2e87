"""Small modal dialogs shared by every screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmDialog(ModalScreen[bool]):
    """Ask a yes/no question. `message` is app text or Content built with safe()."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding(
            "escape", "answer(False)", "Cancel", id="cancel", tooltip="Keep things as they are"
        ),
    ]

    def __init__(self, message: str | Content, *, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.message = message if isinstance(message, Content) else Content(message)
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.message, id="question")
            with Horizontal(id="buttons"):
                yield Button(Content(self.no), id="no", variant="primary")
                yield Button(Content(self.yes), id="yes", variant="warning")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
