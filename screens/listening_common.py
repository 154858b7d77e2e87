"""What every step of a listening session shares: the banner saying, in their names, whose
turn it is; a break from any step with one key; leaving for now; stopping early."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.content import Content
from textual.timer import Timer
from textual.widgets import TextArea

from closeness_tui.listening import Listening
from closeness_tui.listeningtext import listening_text
from closeness_tui.screens.base import ClosenessScreen
from closeness_tui.text import TEXT_MAX, clean, safe_template

if TYPE_CHECKING:
    from closeness_tui.screens.listening_flow import ListeningFlow

DRAFT_DELAY = 0.4  # seconds of quiet typing before the draft is saved


def fill(template: str, m: Listening, **extra: str) -> Content:
    """A content template with the current speaker's and listener's names filled in."""
    names = m.session.names or ["", ""]
    values = {
        "speaker": names[m.speaker],
        "listener": names[m.listener],
        "round": str(m.round),
        "rounds": str(m.session.rounds),
        "a": names[0],
        "b": names[1],
    }
    values.update(extra)
    return safe_template(template, **values)


def banner(m: Listening) -> Content:
    return fill(listening_text().turn.banner, m)


class StepScreen(ClosenessScreen):
    """A step of a running session. Subclasses compose their own body."""

    CSS_PATH = "listening.tcss"
    HELP_TOPIC = "listening_session"
    BINDINGS = [
        Binding(
            "ctrl+t",
            "take_break",
            "Break",
            id="listening-break",
            tooltip="Take a break now, from any step; the session waits exactly where it is",
            priority=True,
        ),
        Binding(
            "ctrl+f",
            "finish_early",
            "Stop turns",
            id="listening-finish",
            tooltip="Stop the turns here and go to the closing lines",
            show=False,
        ),
        Binding(
            "escape",
            "back",
            "Leave",
            id="listening-leave",
            tooltip="Leave the session for now; it is saved and Home offers to carry on",
        ),
    ]

    def __init__(self, flow: ListeningFlow) -> None:
        super().__init__()
        self.flow = flow
        m = flow.machine
        # The step this screen shows (a screen built under a break shows the step resumed).
        self.step: str = (m.resume_step or "speaking") if m.step == "break" else m.step

    @property
    def m(self) -> Listening:
        return self.flow.machine

    def keep_draft(self) -> None:
        """Screens with a text box store what is typed before the step changes."""

    def action_take_break(self) -> None:
        self.keep_draft()
        self.flow.apply("take_break")

    def action_finish_early(self) -> None:
        from closeness_tui.screens.dialogs import ConfirmDialog

        text = listening_text().leave

        def done(yes: bool | None) -> None:
            if yes:
                self.flow.apply("finish_early")

        self.app.push_screen(
            ConfirmDialog(text.finish_question, yes=text.finish_yes, no=text.finish_no), done
        )

    def action_back(self) -> None:
        from closeness_tui.screens.dialogs import ConfirmDialog

        self.keep_draft()
        self.flow.save()
        text = listening_text().leave

        def done(leave: bool | None) -> None:
            if leave:
                self.flow.leave()

        self.app.push_screen(ConfirmDialog(text.question, yes=text.yes, no=text.no), done)


class DraftScreen(StepScreen):
    """A step with a text box whose words are saved as they are typed (debounced)."""

    TEXT_ID = "text"

    def __init__(self, flow: ListeningFlow) -> None:
        super().__init__(flow)
        self._draft_timer: Timer | None = None

    def text_area(self) -> TextArea:
        return self.query_one(f"#{self.TEXT_ID}", TextArea)

    def initial_text(self, starter: str) -> str:
        return self.m.session.draft or starter

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_DELAY, self.keep_draft)

    def keep_draft(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        if not self.is_mounted:
            return
        text = clean(self.text_area().text, TEXT_MAX).text
        if self.m.step in ("summary", "validation", "empathy") and text != self.m.session.draft:
            self.m.save_draft(text)
            self.flow.save()

    def has_unsaved(self) -> bool:
        """Quitting mid-sentence: the pending draft is saved now, so nothing is lost."""
        self.keep_draft()
        return False

    def cleaned(self) -> str:
        """The box's text, cleaned; a kind note when it had to be shortened."""
        result = clean(self.text_area().text, TEXT_MAX)
        note = result.message(TEXT_MAX)
        if note:
            self.notify(note, markup=False, timeout=8)
        return result.text.strip()

    def on_unmount(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
