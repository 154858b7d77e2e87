"""The three answers to a summary (Got it / Partly / Not quite) and "move on", as keys and
buttons: one set for the listening session's rating and the after-a-fight one, which ask
the same question of the same partner."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Button

from closeness_tui.listeningtext import listening_text


def rating_bindings(prefix: str, move_on: str) -> list[BindingType]:
    """g/1, p/2, n/3 and o (move on, said as `move_on`), their ids under `prefix`."""
    return [
        Binding("g,1", "rate('got_it')", "Got it", id=f"{prefix}-got-it", tooltip="That's it"),
        Binding("p,2", "rate('partly')", "Partly", id=f"{prefix}-partly", tooltip="Some of it"),
        Binding(
            "n,3", "rate('not_quite')", "Not quite", id=f"{prefix}-not-quite", tooltip="Not yet"
        ),
        Binding("o", "move_on", "Move on", id=f"{prefix}-move-on", tooltip=move_on, show=False),
    ]


def rating_buttons() -> ComposeResult:
    words = listening_text().rating
    yield Button(Content(words.got_it), id="got_it", variant="success")
    yield Button(Content(words.partly), id="partly", variant="warning")
    yield Button(Content(words.not_quite), id="not_quite", variant="error")


class RatingAnswers:
    """Got it has the focus; a button rates as its key does (`action_rate`)."""

    def action_rate(self, rating: str) -> None:
        raise NotImplementedError

    def on_mount(self) -> None:
        self.query_one("#got_it", Button).focus()  # type: ignore[attr-defined]

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id:
            self.action_rate(event.button.id)
