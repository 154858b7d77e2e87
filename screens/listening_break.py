"""A break: a calm screen, a countdown to the agreed return time (20 minutes unless they
choose otherwise, never more than a day), and a slow breathing cue. The session is saved
with status on_break; it resumes exactly where it stopped, now or after a restart."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical
from textual.content import Content
from textual.geometry import Size
from textual.widgets import Button, Digits, Footer, Header, Input, Label, Static

from closeness_tui.listening import (
    BREAK_MINUTES,
    break_is_short,
    format_wait,
    parse_return,
)
from closeness_tui.listeningtext import listening_text
from closeness_tui.screens.base import ClosenessScreen
from closeness_tui.screens.listening_waiting import where_stopped
from closeness_tui.screens.profile_hints import calm_hint
from closeness_tui.screens.text_boxes import LineBox
from closeness_tui.text import LINE_MAX, clean, safe_template

if TYPE_CHECKING:
    from closeness_tui.screens.listening_flow import ListeningFlow


class BreakScreen(ClosenessScreen):
    CSS_PATH = "listening.tcss"
    HELP_TOPIC = "listening_break"
    BINDINGS = [
        Binding(
            "ctrl+r",
            "resume",
            "Carry on",
            id="break-resume",
            tooltip="You are both ready: carry on exactly where you stopped",
        ),
        Binding(
            "escape",
            "leave",
            "Come back later",
            id="break-leave",
            tooltip="Close this for now; Home offers to carry on later",
        ),
    ]

    def __init__(self, flow: ListeningFlow) -> None:
        super().__init__()
        self.flow = flow

    def compose(self) -> ComposeResult:
        words = listening_text().break_
        brk = self.flow.machine.current_break
        minutes = BREAK_MINUTES
        if brk is not None:
            minutes = max(1, round((brk.return_at - brk.started_at).total_seconds() / 60))
        yield Header()
        with Vertical(id="break"):
            yield Static(Content(words.title), id="step-title", classes="title")
            intro = (
                words.not_now_intro if self.flow.machine.resume_step == "readiness" else words.intro
            )
            yield Static(Content(intro), id="break-intro", classes="muted")
            with Center(id="break-clock-row"):
                yield Digits("", id="break-clock")
            yield Static("", id="return-at")
            yield Static("", id="breath")
            with Horizontal(id="return-row"):
                yield Label(Content(words.return_label), id="return-label")
                yield LineBox(str(minutes), id="break-minutes", max_length=16)
            yield Static("", id="minutes-note", classes="gentle")
            signal = self.flow.machine.session.break_signal
            if signal:
                yield Static(safe_template(words.signal, signal=signal), id="break-signal")
            yield Static(
                safe_template(words.where, where=self.where_stopped()),
                id="where",
                classes="muted",
            )
            yield calm_hint(self.flow.app)  # what helps each calm down (profiles)
            with Horizontal(id="answers"):
                yield Button(Content(words.resume), id="resume", variant="primary")
                yield Button(Content(words.leave), id="leave")
        yield Footer()

    def on_mount(self) -> None:
        self._shown: tuple[str, str] | None = None
        self.query_one("#resume", Button).focus()
        self.refresh_break()
        self.set_interval(0.25, self.refresh_break)
        # A signal line, both partners' calm hints, a note under the box or the terminal's size
        # change the page's virtual size: fit it again then (not from a Resize handler on the
        # screen: in the browser that fed a resize loop).
        self.watch(self.query_one("#break"), "virtual_size", self._fit, init=False)

    _sized = Size(0, 0)

    def _fit(self) -> None:
        """Three-row buttons and box while everything fits; one-row ones when the page would
        push the buttons below the fold (both calm hints at 80x24). Only a new terminal size
        makes it roomy again, so it never flips back and forth."""
        if self.app.size != self._sized:
            self._sized = self.app.size
            if self.has_class("-compact"):
                self._set_compact(False)  # a new size: roomy again, then fit (called again)
                return
        page = self.query_one("#break")
        if page.virtual_size.height > page.scrollable_content_region.height:
            self._set_compact(True)
            # Still taller than the terminal (below 24 rows): keep the focused button in view.
            self.call_after_refresh(self._focused_in_view)

    def _focused_in_view(self) -> None:
        if self.focused is not None:
            self.focused.scroll_visible(animate=False)

    def _set_compact(self, compact: bool) -> None:
        if compact == self.has_class("-compact"):
            return
        self.set_class(compact, "-compact")
        for button in self.query("#answers Button").results(Button):
            button.compact = compact
        self.query_one("#break-minutes", LineBox).compact = compact

    def _breath(self) -> str:
        words = listening_text().break_
        cycle = words.breathe_in_seconds + words.breathe_out_seconds
        at = self.flow.app.clock.monotonic() % cycle
        if at < words.breathe_in_seconds:
            dots = int(at) + 1
            return words.breathe_in + "  " + "○ " * dots
        dots = words.breathe_out_seconds - int(at - words.breathe_in_seconds)
        return words.breathe_out + "  " + "○ " * dots

    def refresh_break(self) -> None:
        brk = self.flow.machine.current_break
        if brk is None:
            return
        words = listening_text().break_
        left = (brk.return_at - self.flow.app.clock.now()).total_seconds()
        shown = format_wait(max(left, 0))
        breath = self._breath()
        if (shown, breath) == self._shown:
            return
        self._shown = (shown, breath)
        self.query_one("#break-clock", Digits).update(shown)
        when = brk.return_at.strftime("%H:%M")
        if brk.return_at.date() != brk.started_at.date():
            when = brk.return_at.strftime("%a %H:%M")
        line = safe_template(words.return_at, when=when) if left > 0 else words.return_now
        self.query_one("#return-at", Static).update(
            Content(line) if isinstance(line, str) else line
        )
        self.query_one("#breath", Static).update(Content(breath))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        words = listening_text().break_
        note = self.query_one("#minutes-note", Static)
        brk = self.flow.machine.current_break
        if brk is None:
            return
        at = self._return_at(clean(event.value, LINE_MAX, single_line=True).text, brk.started_at)
        if at is None:
            note.update(Content(words.bad_minutes))
            return
        minutes = (at - brk.started_at).total_seconds() / 60
        note.update(Content(words.short_note if break_is_short(minutes) else ""))
        self.flow.machine.set_return(at)
        self.flow.save()
        self._shown = None
        self.refresh_break()

    def _return_at(self, typed: str, started: datetime) -> datetime | None:
        """Minutes count from the start of the break; a time of day is the next one."""
        typed = typed.strip()
        if typed.isdigit():
            return parse_return(typed, started)
        return parse_return(typed, self.flow.app.clock.now())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#resume", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "resume":
            self.action_resume()
        else:
            self.action_leave()

    def action_resume(self) -> None:
        self.flow.apply(self.flow.machine.end_break)

    def where_stopped(self) -> str:
        """Where the conversation stopped, in words (a subclass for another flow says its own)."""
        return where_stopped(self.flow).plain

    def leave_note(self) -> str:
        return listening_text().break_.leave_note

    def action_leave(self) -> None:
        self.notify(self.leave_note(), timeout=6)
        self.flow.leave()

    def action_back(self) -> None:
        self.action_leave()
