"""What every step of a listening session shares: the banner saying, in their names, whose
turn it is; a break from any step with one key; leaving for now; stopping early."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.content import Content
from textual.widgets import TextArea

from closeness_tui.listening import Listening
from closeness_tui.listeningtext import listening_text
from closeness_tui.screens.base import ClosenessScreen
from closeness_tui.screens.drafting import DraftingScreen
from closeness_tui.text import TEXT_MAX, clean, safe_template

if TYPE_CHECKING:
    from closeness_tui.screens.listening_flow import ListeningFlow


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

    def flush_draft(self) -> None:
        """Quitting, a signal, or covered: the typed words (if any) and the exact position,
        timer included, are written now."""
        keep = getattr(super(), "flush_draft", None)
        if callable(keep):
            keep()
        if self.m.step != "done" and self.capp.store is not None:
            self.flow.save()

    def unsent_text(self, starter: str = "") -> str:
        """Words typed but not sent (none on steps without a box)."""
        return ""

    def action_take_break(self) -> None:
        self.flush_draft()
        self.flow.apply(self.m.take_break)

    def action_finish_early(self) -> None:
        from closeness_tui.screens.dialogs import ConfirmDialog

        text = listening_text().leave
        unsent = self.unsent_text(self.starter())
        question = text.finish_question_unsent if unsent else text.finish_question

        def done(yes: bool | None) -> None:
            if not yes:
                return
            self._draft_stopped = True
            key = self.current_draft_key()
            if self.flow.apply(self.m.finish_early, unsent):
                self.drop_draft_if_any(key)
                if unsent:
                    self.notify(text.unsent_kept, timeout=6)
            else:
                self._draft_stopped = False

        self.app.push_screen(ConfirmDialog(question, yes=text.finish_yes, no=text.finish_no), done)

    def starter(self) -> str:
        """The words a box on this step begins with (not the partner's own)."""
        return ""

    def current_draft_key(self) -> str:
        key = getattr(self, "draft_key", None)
        return str(key()) if callable(key) else ""

    def drop_draft_if_any(self, key: str) -> None:
        drop = getattr(self, "drop_draft", None)
        if callable(drop) and key:
            drop(stop=True, key=key)

    def action_back(self) -> None:
        from closeness_tui.screens.dialogs import ConfirmDialog

        self.flush_draft()
        text = listening_text().leave

        def done(leave: bool | None) -> None:
            if leave:
                self.flow.leave()

        self.app.push_screen(ConfirmDialog(text.question, yes=text.yes, no=text.no), done)


class DraftScreen(StepScreen, DraftingScreen):
    """A step with a text box whose words are kept as a draft as they are typed (see
    screens.drafting): back after a restart, a signal or a closed terminal."""

    TEXT_ID = "text"

    def draft_key(self) -> str:
        m = self.m
        turn = m.turn
        sent = len(turn.summaries) if turn is not None else 0
        return f"listening:{m.session.id}:{self.step}:{m.turn_index}:{m.phase}:{sent}"

    def text_area(self) -> TextArea:
        return self.query_one(f"#{self.TEXT_ID}", TextArea)

    def initial_text(self, starter: str) -> str:
        # session.draft: where files from before the shared drafts kept a summary's words.
        return self.m.session.draft or starter

    def unsent_text(self, starter: str = "") -> str:
        """What is in the box, if anything more than the starter it began with."""
        if not self.is_mounted:
            return ""
        text = clean(self.text_area().text, TEXT_MAX).text.strip()
        return "" if text == starter.strip() else text

    def send(self, event: Callable[..., object], *args: object) -> bool:
        """Send the box's words on to the machine; once taken, the draft goes."""
        self._draft_stopped = True
        key = self.draft_key()
        if self.flow.apply(event, *args):
            self.drop_draft(stop=True, key=key)
            return True
        self._draft_stopped = False
        return False

    def cleaned(self) -> str:
        """The box's text, cleaned; a kind note when it had to be shortened."""
        result = clean(self.text_area().text, TEXT_MAX)
        note = result.message(TEXT_MAX)
        if note:
            self.notify(note, markup=False, timeout=8)
        return result.text.strip()
