"""The gratitude exchange: each writes one specific appreciation while the other looks away.
Nothing is shown until both have written; then the two stand side by side."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, ContentSwitcher, Footer, Header, Static, TextArea

from closeness_tui.checkins import (
    GRATITUDE,
    gratitude_answer,
    needs_nudge,
    visible_gratitude,
)
from closeness_tui.checkins_text import checkins_text
from closeness_tui.models import CheckIn
from closeness_tui.screens.checkin_saving import finish, save_step
from closeness_tui.screens.drafting import DraftingScreen
from closeness_tui.screens.text_boxes import TextBox
from closeness_tui.text import TEXT_MAX, clean, safe, safe_template


class GratitudeScreen(DraftingScreen):
    CSS_PATH = "gratitude.tcss"
    HELP_TOPIC = "gratitude"
    BINDINGS = [
        Binding(
            "ctrl+s",
            "next",
            "Continue",
            id="gratitude-next",
            tooltip="Keep it hidden and pass the keyboard on",
        ),
    ]

    def __init__(self, first: int = 0, half: CheckIn | None = None) -> None:
        """`half`: an exchange of today where one partner has written; the other goes on."""
        super().__init__()
        self.order = (first, 1 - first)
        self.turn = 0  # 0, 1: writing; 2: both shown
        self.checkin: CheckIn | None = None
        if half is not None and half.answers:
            wrote = half.answers[0].seat
            self.order = (wrote, 1 - wrote)
            self.turn = 1
            self.checkin = half

    def compose(self) -> ComposeResult:
        text = checkins_text().gratitude
        yield Header()
        yield Static(Content(text.title), classes="title", id="gratitude-title")
        with ContentSwitcher(initial="write-0", id="turns"):
            for turn, seat in enumerate(self.order):
                with VerticalScroll(id=f"write-{turn}", classes="turn"):
                    yield Static(id=f"look-away-{turn}", classes="muted look-away")
                    if turn == 1:
                        yield Static(id="hidden-note", classes="gentle")
                    yield Static(id=f"prompt-{turn}", classes="prompt")
                    yield TextBox(
                        id=f"thanks-{seat}", classes="thanks", placeholder=text.placeholder
                    )
                    yield Static(id=f"nudge-{turn}", classes="gentle nudge")
                    yield Button(
                        Content(text.continue_label),
                        id=f"next-{turn}",
                        classes="next",
                        variant="primary",
                    )
            with VerticalScroll(id="reveal"):
                yield Static(Content(text.reveal_title), classes="prompt")
                yield Static(Content(text.reveal_intro), classes="muted")
                with Horizontal(id="side-by-side"):
                    for seat in (0, 1):
                        with Vertical(classes="panel", id=f"panel-{seat}"):
                            yield Static(classes="who", id=f"who-{seat}")
                            yield Static(classes="said", id=f"said-{seat}")
                yield Button(Content(text.close_label), id="close", classes="next")
        yield Footer()

    def draft_key(self) -> str:
        return f"gratitude:{self.capp.clock.today().isoformat()}"

    def on_mount(self) -> None:
        self._show_turn()

    def _show_turn(self) -> None:
        text = checkins_text().gratitude
        names = self.capp.settings.names
        switcher = self.query_one("#turns", ContentSwitcher)
        if self.turn == 2:
            self._reveal()
            switcher.current = "reveal"
            return
        seat = self.order[self.turn]
        writer, other = names[seat], names[1 - seat]
        self.query_one(f"#look-away-{self.turn}", Static).update(
            safe_template(text.look_away, writer=writer, other=other)
        )
        self.query_one(f"#prompt-{self.turn}", Static).update(
            safe_template(text.prompt, other=other)
        )
        if self.turn == 1:
            first = names[self.order[0]]
            self.query_one("#hidden-note", Static).update(safe_template(text.hidden, writer=first))
        switcher.current = f"write-{self.turn}"
        self.query_one(f"#thanks-{seat}", TextArea).focus()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        text = checkins_text().gratitude
        turn = 0 if event.text_area.id == f"thanks-{self.order[0]}" else 1
        nudge = needs_nudge(event.text_area.text, text.vague_words, text.min_words)
        self.query_one(f"#nudge-{turn}", Static).update(Content(text.nudge) if nudge else "")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.has_class("next"):
            self.action_next()

    def action_next(self) -> None:
        if self.turn == 2:
            self.dismiss()
            return
        text = checkins_text().gratitude
        seat = self.order[self.turn]
        result = clean(self.query_one(f"#thanks-{seat}", TextArea).text)
        if not result.text.strip():
            self.notify(text.empty, timeout=5)
            return
        if result.truncated:
            self.notify(result.message(TEXT_MAX) or "", timeout=8)
        if self.checkin is None:
            self.checkin = CheckIn(kind=GRATITUDE, created_at=self.capp.clock.now())
        other = self.capp.settings.name(1 - seat)
        prompt = text.prompt.replace("$other", other)
        self.checkin.answers = [a for a in self.checkin.answers if a.seat != seat]
        self.checkin.answers.append(gratitude_answer(seat, prompt, result.text))
        if self.turn == 0:
            if not save_step(self.capp, self.checkin, "write-1"):
                return
            # What the first partner wrote leaves the screen before the second one looks.
            self.query_one(f"#thanks-{seat}", TextArea).text = ""
            self.drop_draft()
        elif not finish(self.capp, self.checkin):
            return
        else:
            self.drop_draft(stop=True)
            self.notify(text.saved, timeout=4)
        self.turn += 1
        self._show_turn()

    def _reveal(self) -> None:
        names = self.capp.settings.names
        shown = visible_gratitude(self.checkin.answers if self.checkin else [])
        for answer in shown:
            self.query_one(f"#who-{answer.seat}", Static).update(
                safe_template(
                    "[b]" + checkins_text().gratitude.from_label + "[/b]", name=names[answer.seat]
                )
            )
            self.query_one(f"#said-{answer.seat}", Static).update(safe(answer.text))
        self.query_one("#close", Button).focus()
