"""The question of the day: each answers in turn while the other looks away; the first
answer stays hidden until both have answered (as the gratitude exchange does). Each answer
is saved as it is given, so a half-answered question waits for the other partner."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Header, Static, TextArea

from closeness_tui.cards import (
    answered,
    both_answered,
    cards_of,
    next_to_answer,
    question_of_the_day,
    todays,
)
from closeness_tui.cards_text import cards_text
from closeness_tui.models import DailyQuestion
from closeness_tui.screens.base import ClosenessScreen
from closeness_tui.screens.text_boxes import TextBox
from closeness_tui.text import TEXT_MAX, clean, safe, safe_template


def todays_question(app) -> DailyQuestion | None:
    """Today's record if there is one, else a new one (not saved yet) for today's card."""
    store = app.store
    day = app.clock.today()
    found = todays(store.all(DailyQuestion), day) if store is not None else None
    if found is not None:
        return found
    card = question_of_the_day(cards_of(cards_text().decks), day)
    if card is None:
        return None
    return DailyQuestion(day=day, card_id=card.id, question=card.text)


class DailyQuestionScreen(ClosenessScreen):
    CSS_PATH = "cards_question.tcss"
    HELP_TOPIC = "cards_question"
    BINDINGS = [
        Binding(
            "ctrl+s",
            "next",
            "Continue",
            id="question-next",
            tooltip="Keep it hidden and pass the keyboard on",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.record: DailyQuestion | None = None
        self.seat = 0  # who is answering now

    def compose(self) -> ComposeResult:
        words = cards_text().question
        yield Header()
        with VerticalScroll(id="question"):
            yield Static(Content(words.title), classes="title")
            yield Static(id="question-text")
            with Vertical(id="question-write"):
                yield Static(id="question-look-away", classes="muted")
                yield Static(id="question-hidden", classes="gentle")
                yield TextBox(id="question-answer", placeholder=words.placeholder)
                yield Button(Content(words.continue_label), id="question-next", variant="primary")
            with Vertical(id="question-reveal"):
                yield Static(Content(words.reveal_title), classes="title")
                with Horizontal(id="question-both"):
                    for seat in (0, 1):
                        with Vertical(classes="question-panel"):
                            yield Static(id=f"question-who-{seat}")
                            yield Static(id=f"question-said-{seat}")
                yield Button(Content(words.close_label), id="question-close")
        yield Footer()

    def on_mount(self) -> None:
        self.record = todays_question(self.capp)
        if self.record is not None:
            self.query_one("#question-text", Static).update(safe(self.record.question))
        self._show()

    def _show(self) -> None:
        words = cards_text().question
        names = self.capp.settings.names
        record = self.record
        done = record is None or both_answered(record)
        self.query_one("#question-write").display = not done
        self.query_one("#question-reveal").display = done
        if record is None or done:
            for seat in (0, 1):
                said = record.answers[seat] if record is not None else ""
                self.query_one(f"#question-who-{seat}", Static).update(
                    safe_template("[b]$name[/b]", name=names[seat])
                )
                self.query_one(f"#question-said-{seat}", Static).update(safe(said))
            self.query_one("#question-close", Button).focus()
            return
        has = answered(record)
        self.seat = next_to_answer(record) or 0
        other = 1 - self.seat
        self.query_one("#question-look-away", Static).update(
            safe_template(words.look_away, writer=names[self.seat], other=names[other])
        )
        hidden = self.query_one("#question-hidden", Static)
        hidden.display = has[other]
        hidden.update(safe_template(words.hidden, writer=names[other]) if has[other] else "")
        area = self.query_one("#question-answer", TextArea)
        area.text = ""
        area.focus()

    def action_next(self) -> None:
        record = self.record
        if record is None or both_answered(record):
            self.dismiss()
            return
        words = cards_text().question
        result = clean(self.query_one("#question-answer", TextArea).text, TEXT_MAX)
        if not result.text.strip():
            self.notify(words.empty, timeout=5)
            return
        if result.truncated:
            self.notify(result.message(TEXT_MAX) or "", timeout=8)
        answers = (list(record.answers) + ["", ""])[:2]
        answers[self.seat] = result.text
        record.answers = answers
        if record.first is None:
            record.first = self.seat
        record.updated_at = self.capp.clock.now()
        if not self.capp.save(record):
            return
        if both_answered(record):
            self.notify(words.saved, timeout=4)
        self._show()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "question-close":
            self.dismiss()
        else:
            self.action_next()

    def has_unsaved(self) -> bool:
        if self.record is None or both_answered(self.record):
            return False
        return bool(self.query_one("#question-answer", TextArea).text.strip())
