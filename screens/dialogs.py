"""Small modal dialogs shared by every screen, and the one leave-or-stay question."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Static

from closeness_tui.apptext import app_text


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


@runtime_checkable
class HoldsWords(Protocol):
    """A screen that may hold typed words not saved yet (every ClosenessScreen)."""

    def has_unsaved(self) -> bool: ...

    def leave_question(self) -> str: ...


def leave_or_stay(screen: Screen[Any], leave: Callable[[], object], *, quit: bool = False) -> None:
    """Leave `screen` (by calling `leave`) at once when it holds no unsaved words; otherwise ask
    first, with "stay" as the default, and leave only when they choose to. The one place the
    app asks before Back, Home or Quit would lose what was typed."""
    if not (isinstance(screen, HoldsWords) and screen.has_unsaved()):
        leave()
        return
    words = app_text().leaving
    question, yes = (
        (words.quit, words.quit_yes) if quit else (screen.leave_question(), words.leave_yes)
    )

    def answered(chose_leave: bool | None) -> None:
        if chose_leave:
            leave()

    screen.app.push_screen(ConfirmDialog(question, yes=yes, no=words.stay), answered)
