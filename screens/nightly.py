"""The nightly check-in: each partner in turn answers a few short questions; the other
reads them and may answer with one line. An optional shared timer. Saved as one check-in
(step by step while under way)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, ContentSwitcher, Footer, Header, Input, Label, Static, TextArea

from closeness_tui.checkins import (
    NIGHTLY,
    nightly_answers,
    nightly_steps,
    reply_answer,
    written,
)
from closeness_tui.checkins_text import checkins_text
from closeness_tui.clock import Countdown, format_clock
from closeness_tui.models import CheckIn
from closeness_tui.screens.checkin_saving import finish, save_step
from closeness_tui.screens.drafting import DraftingScreen
from closeness_tui.screens.text_boxes import LineBox, TextBox
from closeness_tui.text import LINE_MAX, TEXT_MAX, clean, safe_template


class NightlyScreen(DraftingScreen):
    CSS_PATH = "nightly.tcss"
    HELP_TOPIC = "nightly"
    BINDINGS = [
        Binding(
            "ctrl+s",
            "next",
            "Continue",
            id="nightly-next",
            tooltip="Keep what is written and go on to the next turn",
        ),
        Binding(
            "ctrl+t",
            "timer",
            "Timer",
            id="nightly-timer",
            tooltip="Start, pause or resume an optional shared timer",
        ),
    ]

    def __init__(self, first: int = 0) -> None:
        super().__init__()
        self.steps = nightly_steps(first)
        self.index = 0
        self.checkin: CheckIn | None = None
        self.countdown: Countdown | None = None
        self._told_time_up = False

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        text = checkins_text().nightly
        yield Header()
        yield Static(Content(text.title), classes="title", id="nightly-title")
        yield Static(id="timer", classes="muted")
        with ContentSwitcher(initial="step-0", id="steps"):
            for i, step in enumerate(self.steps):
                with Vertical(id=f"step-{i}", classes="step"):
                    # Continue below the scrolling questions: in view at 80x24 and last in
                    # the focus order (inside the scroll it sat below the fold).
                    with VerticalScroll(classes="step-body"):
                        yield Static(id=f"intro-{i}", classes="intro")
                        if step.kind == "write":
                            for q, question in enumerate(text.questions):
                                yield Label(Content(question), classes="question")
                                yield TextBox(
                                    id=f"answer-{step.writer}-{q}",
                                    classes="answer",
                                    placeholder=text.placeholder,
                                )
                        else:
                            yield Static(id=f"read-{i}", classes="read")
                            yield Label(Content(text.reply_label), classes="question")
                            yield LineBox(
                                id=f"reply-{step.reader}",
                                placeholder=text.reply_placeholder,
                                max_length=LINE_MAX,
                            )
                    with Vertical(classes="buttons"):
                        yield Button(
                            Content(text.continue_label),
                            id=f"next-{i}",
                            variant="primary",
                            classes="next",
                        )
        yield Footer()

    def draft_key(self) -> str:
        return f"nightly:{self.capp.clock.today().isoformat()}"

    def on_mount(self) -> None:
        self._show_step()
        self._tick()
        self.set_interval(0.5, self._tick)

    def _names(self) -> tuple[str, str]:
        return self.capp.settings.names

    def _show_step(self) -> None:
        text = checkins_text().nightly
        step = self.steps[self.index]
        names = self._names()
        writer, reader = names[step.writer], names[step.reader]
        intro = self.query_one(f"#intro-{self.index}", Static)
        if step.kind == "write":
            intro.update(safe_template(text.intro, writer=writer, reader=reader))
        else:
            intro.update(safe_template(text.read_title, writer=writer, reader=reader))
            self.query_one(f"#read-{self.index}", Static).update(self._written_by(step.writer))
        self.query_one("#steps", ContentSwitcher).current = f"step-{self.index}"
        first = (
            self.query_one(f"#answer-{step.writer}-0", TextArea)
            if step.kind == "write"
            else self.query_one(f"#reply-{step.reader}", Input)
        )
        first.focus()

    def _written_by(self, seat: int) -> Content:
        answers = written(self.checkin.answers, seat, "answer") if self.checkin else []
        if not answers:
            return Content(checkins_text().nightly.nothing_written).stylize("italic")
        parts = [safe_template("[b]$q[/b]\n$a", q=a.prompt, a=a.text) for a in answers]
        return Content("\n\n").join(parts)

    # -- the shared timer -------------------------------------------------------------------

    def action_timer(self) -> None:
        if self.countdown is None:
            minutes = checkins_text().nightly.timer_minutes
            self.countdown = Countdown(self.capp.clock, minutes * 60)
        elif self.countdown.running:
            self.countdown.pause()
        else:
            self.countdown.resume()
        self._tick()

    def _tick(self) -> None:
        text = checkins_text().nightly
        minutes = str(text.timer_minutes)
        label = self.query_one("#timer", Static)
        if self.countdown is None:
            label.update(Content.from_markup(text.timer_off, minutes=minutes))
            return
        left = self.countdown.remaining()
        template = text.timer_running if self.countdown.running else text.timer_paused
        label.update(
            Content.from_markup(template, label=text.timer_label, time=format_clock(max(left, 0)))
        )
        if left <= 0 and not self._told_time_up:
            self._told_time_up = True
            if self.capp.settings.bell and self.capp.allow_bell:
                self.app.bell()
            self.notify(text.timer_done.replace("$minutes", minutes), timeout=8)

    # -- going on ----------------------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.has_class("next"):
            self.action_next()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_next()

    def _collect(self) -> bool:
        """Put this step's words into the check-in; False when nothing new to keep."""
        text = checkins_text().nightly
        step = self.steps[self.index]
        if step.kind == "write":
            cleaned = []
            for q in range(len(text.questions)):
                result = clean(self.query_one(f"#answer-{step.writer}-{q}", TextArea).text)
                if result.truncated:
                    self.notify(result.message(TEXT_MAX) or "", timeout=8)
                cleaned.append(result.text)
            new = nightly_answers(step.writer, text.questions, cleaned)
        else:
            result = clean(
                self.query_one(f"#reply-{step.reader}", Input).value, LINE_MAX, single_line=True
            )
            reply = reply_answer(step.reader, text.reply_prompt, result.text)
            new = [reply] if reply else []
        if not new:
            return False
        if self.checkin is None:
            self.checkin = CheckIn(kind=NIGHTLY, created_at=self.capp.clock.now())
        self.checkin.answers.extend(new)
        return True

    def action_next(self) -> None:
        added = self._collect()
        last = self.index == len(self.steps) - 1
        if self.countdown is not None:
            self._record_timer()
        if last:
            self._finish()
            return
        if added and self.checkin is not None:
            if not save_step(self.capp, self.checkin, f"step-{self.index + 1}"):
                return
        self.index += 1
        self._show_step()

    def _record_timer(self) -> None:
        if self.checkin is not None and self.countdown is not None:
            self.checkin.timer_seconds = round(self.countdown.planned)

    def _finish(self) -> None:
        text = checkins_text().nightly
        if self.checkin is None:
            self.notify(text.nothing_at_all, timeout=6)
            self.drop_draft(stop=True)
            self.dismiss()
            return
        if finish(self.capp, self.checkin):
            self.drop_draft(stop=True)
            self.notify(text.saved, timeout=4)
            self.dismiss()
