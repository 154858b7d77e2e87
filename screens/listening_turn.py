"""The speaker's turn (and the short timed clarification): large countdown digits readable
from half a metre, both names, a progress bar, a reminder for each role.

The display reads `deadline - now` from the machine's Countdown four times a second and
redraws only when the shown second changes. At zero it shows a cue (and rings the terminal
bell once, if the partners want it) and then counts the overtime up: the speaker is never cut
off; they press Enter when they have finished their sentence.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Digits, Footer, Header, ProgressBar, Static

from closeness_tui.clock import format_clock
from closeness_tui.listeningtext import listening_text
from closeness_tui.screens.big_clock import BigClock
from closeness_tui.screens.listening_common import StepScreen, banner, fill
from closeness_tui.text import safe, safe_template

if TYPE_CHECKING:
    from closeness_tui.screens.listening_flow import ListeningFlow

REFRESH_SECONDS = 0.25  # a modest safety net; the aligned timer below does the real work
ALIGN_SLACK = 0.003  # wake just after the shown second changes, never just before
CHECKPOINT_SECONDS = 15.0  # a running turn saves its remaining time this often


class TurnScreen(StepScreen):
    HELP_TOPIC = "listening_turn"
    BINDINGS = [
        Binding(
            "space",
            "toggle_pause",
            "Pause / go on",
            id="turn-pause",
            tooltip="Pause the timer, or let it run again",
        ),
        Binding(
            "m,plus",
            "add_minute",
            "+1 minute",
            id="turn-add",
            tooltip="Give the speaker one more minute",
        ),
        Binding(
            "enter",
            "done",
            "Finished",
            id="turn-done",
            tooltip="The speaker has finished: on to the listener (early, on time or after)",
        ),
        Binding(
            "o",
            "move_on",
            "Move on",
            id="turn-move-on",
            tooltip="While clarifying: move on without another summary",
        ),
        Binding(
            "b", "take_break", "Break", id="turn-break", tooltip="Take a break now", show=False
        ),
    ]

    def compose(self) -> ComposeResult:
        m = self.m
        words = listening_text()
        yield Header()
        with Vertical(id="step", classes="turn"):
            yield Static(banner(m), id="banner")
            yield Static(self._title(), id="step-title", classes="title")
            with Horizontal(id="clock-row"):
                yield BigClock("", id="clock")
            yield ProgressBar(show_eta=False, show_percentage=False, id="progress")
            yield Static("", id="status")
            with VerticalScroll(id="turn-body"):
                summary = m.current_summary
                if self.step == "clarify" and summary is not None:
                    if summary.rating == "not_quite":
                        yield Static(
                            fill(words.turn.not_quite_gentle, m), id="gentle", classes="gentle"
                        )
                with Horizontal(id="roles"):
                    yield Static(self._role("speaker"), id="speaker-role", classes="role")
                    yield Static(self._role("listener"), id="listener-role", classes="role")
                if m.session.topic:
                    yield Static(safe_template(words.turn.topic, topic=m.session.topic), id="topic")
                if m.session.speaker_note and m.speaker == m.session.first_speaker:
                    yield Static(
                        Content.assemble(
                            fill(words.turn.note_title, m).stylize("bold"),
                            "\n",
                            safe(m.session.speaker_note),
                        ),
                        id="note",
                    )
            yield Static(self._next_hint(), id="next")
        yield Footer()

    # -- words -------------------------------------------------------------------------------

    def _title(self) -> Content:
        t = listening_text().turn
        if self.step == "clarify":
            return fill(t.clarify_title, self.m)
        return fill(t.more_title if self.m.phase == "more" else t.main_title, self.m)

    def _role(self, role: str) -> Content:
        r = listening_text().roles
        if role == "speaker":
            title, lines = r.speaker_title, r.speaker
        else:
            title, lines = r.listener_title, r.listener
        body = [fill(title, self.m).stylize("bold")]
        body += [Content("• " + line) for line in lines]
        return Content("\n").join(body)

    def _next_hint(self) -> Content:
        t = listening_text().turn
        return fill(t.clarify_next if self.step == "clarify" else t.next_hint, self.m)

    # -- the clock -------------------------------------------------------------------------------

    def __init__(self, flow: ListeningFlow) -> None:
        super().__init__(flow)
        self._shown: tuple[str, bool, str] | None = None
        timer = self.m.timer
        # Restored from disk past zero: the cue was already given.
        self._rang = timer is not None and timer.remaining() <= 0
        self._last_save = flow.app.clock.monotonic()
        self._aligned: Timer | None = None

    def on_mount(self) -> None:
        self.refresh_clock()
        self.set_interval(REFRESH_SECONDS, self.refresh_clock)

    def _align(self, remaining: float) -> None:
        """Wake exactly when the shown second will change (deadline-aligned, not ticks)."""
        if self._aligned is not None:
            self._aligned.stop()
        if remaining > 0:
            delay = remaining - math.floor(remaining) or 1.0
        else:
            delay = 1.0 - (-remaining) % 1.0
        self._aligned = self.set_timer(delay + ALIGN_SLACK, self._on_aligned)

    def _on_aligned(self) -> None:
        self._aligned = None  # fired: the next refresh schedules the next change
        self.refresh_clock()

    def on_resize(self) -> None:
        """The window changed: the clock's digits take their new size."""
        self.query_one("#clock", BigClock).refresh(layout=True)

    def on_screen_suspend(self) -> None:
        """Help, a dialog or the palette covers the turn: its clock waits (fair time), and
        the remaining seconds are saved exactly as they are now."""
        if self.m.step in ("speaking", "clarify") and self.m.timer is not None:
            if self.m.timer.running:
                self.m.cover()
                self.flow.save()

    def on_screen_resume(self) -> None:
        if self.m.covered and self.m.step in ("speaking", "clarify"):
            self.m.uncover()
            self.flow.save()
        if self.is_mounted:
            self._shown = None
            self.refresh_clock()

    def _status(self, remaining: float, running: bool) -> tuple[str, str]:
        t = listening_text().turn
        if not running:
            return "paused", t.paused
        if remaining <= 0:
            return "time-up", t.time_up
        if remaining <= t.warning_seconds and self.step == "speaking":
            return "warning", t.warning
        return "running", t.clarify_hint if self.step == "clarify" else t.running

    def refresh_clock(self) -> None:
        timer = self.m.timer
        if timer is None or self.m.step not in ("speaking", "clarify"):
            return
        remaining = timer.remaining()
        running = timer.running
        shown = format_clock(remaining)
        kind, words = self._status(remaining, running)
        key = (shown, running, kind)
        changed = key != self._shown
        if changed:
            self._shown = key
            self.query_one("#clock", Digits).update(shown)
            bar = self.query_one("#progress", ProgressBar)
            bar.update(total=timer.planned, progress=min(timer.elapsed(), timer.planned))
            status = self.query_one("#status", Static)
            status.update(fill(words, self.m, seconds=str(listening_text().turn.warning_seconds)))
            if not self.has_class(f"-{kind}"):
                for name in ("paused", "time-up", "warning", "running"):
                    self.set_class(kind == name, f"-{name}")
        if running and (changed or self._aligned is None):
            # Measured again: restyling the screen (a class change) can take a while.
            self._align(timer.remaining())
        if remaining <= 0 and not self._rang:
            self._rang = True
            if self.capp.settings.bell and self.capp.allow_bell:
                self.app.bell()
        now = self.flow.app.clock.monotonic()
        if running and now - self._last_save >= CHECKPOINT_SECONDS:
            self._last_save = now
            self.flow.save()

    # -- keys -------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "move_on":
            return self.step == "clarify"
        return True

    def _same_step(self, event: Callable[[], None]) -> None:
        """Pause, go on, or add a minute: show it at once, then save (a save can take a
        moment on a busy disk; the clock on screen should not wait for it)."""
        if self.m.step not in ("speaking", "clarify"):
            return
        event()
        self._shown = None
        self.refresh_clock()
        self.flow.save()

    def action_toggle_pause(self) -> None:
        self._same_step(self.m.toggle_pause)

    def action_add_minute(self) -> None:
        self._same_step(self.m.add_minute)

    def action_done(self) -> None:
        m = self.m
        if self.step == "clarify":
            self.flow.press(m.clarified)
            return
        if not m.press_counts():
            return  # the press that started this turn, or its echo
        if not m.ends_too_soon():
            self.flow.apply(m.end_turn)
            return
        from closeness_tui.screens.dialogs import ConfirmDialog

        words = listening_text().turn
        spoken = str(int(m.timer.elapsed())) if m.timer is not None else "0"

        def done(yes: bool | None) -> None:
            if yes:
                self.flow.apply(m.end_turn)

        self.app.push_screen(
            ConfirmDialog(
                fill(words.early_question, m, seconds=spoken),
                yes=fill(words.early_yes, m).plain,
                no=words.early_no,
            ),
            done,
        )

    def action_move_on(self) -> None:
        if self.step == "clarify" and self.flow.press(self.m.move_on):
            self.app.notify(listening_text().turn.moved_on_gentle, timeout=5)
