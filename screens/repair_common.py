"""What every step of an after-a-fight conversation shares: the banner saying, in their
names, whose turn it is; a break from any step with one key; leaving for now."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.binding import Binding
from textual.content import Content

from closeness_tui.conversation import Conversation
from closeness_tui.listening import other
from closeness_tui.models import BOTH
from closeness_tui.repairtext import repair_text
from closeness_tui.screens.base import ClosenessScreen
from closeness_tui.text import safe_template

if TYPE_CHECKING:
    from closeness_tui.screens.repair_flow import RepairFlow


def fill(template: str, m: Conversation, step: str | None = None, **extra: str) -> Content:
    """A template with the names filled in: $name writes now (both names at a step they
    do together), $other is their partner, $about is the partner the step is about."""
    names = m.record.names or ["", ""]
    writer = m.writer(step)
    both = safe_template(repair_text().both, a=names[0], b=names[1]).plain
    return safe_template(
        template,
        name=both if writer == BOTH else names[writer],
        other=both if writer == BOTH else names[other(writer)],
        about=names[m.seat],
        a=names[0],
        b=names[1],
        **extra,
    )


def where(m: Conversation, texts: Any = None) -> str:
    step = m.shown_step
    return fill((texts or repair_text()).steps[step].where, m, step).plain


class RepairStepScreen(ClosenessScreen):
    """A step of a running after-a-fight conversation. Subclasses compose their own body."""

    CSS_PATH = "repair.tcss"
    HELP_TOPIC = "repair_write"
    BINDINGS = [
        Binding(
            "ctrl+t",
            "take_break",
            "Break",
            id="repair-break",
            tooltip="Take a break now, from any step; the talk waits exactly where it is",
            priority=True,
        ),
        Binding(
            "escape",
            "back",
            "Leave",
            id="repair-leave",
            tooltip="Leave for now; everything confirmed is saved and you can carry on later",
        ),
    ]

    def __init__(self, flow: RepairFlow) -> None:
        super().__init__()
        self.flow = flow
        self.step = flow.machine.shown_step

    @property
    def m(self) -> Any:
        return self.flow.machine

    def texts(self) -> Any:
        """The content file's words for this conversation (banner, leave, steps)."""
        return repair_text()

    @property
    def words(self) -> Any:  # this talk's StepText (repairtext or solvetext)
        return self.texts().steps[self.step]

    def fill(self, template: str) -> Content:
        return fill(template, self.m, self.step, **self.extra_values())

    def extra_values(self) -> dict[str, str]:
        return {}

    def banner(self) -> Content:
        return self.fill(self.texts().banner)

    def keep_draft(self) -> None:
        """Screens with a text box store what is typed before the step changes."""

    def can_go_back(self) -> bool:
        return True

    def action_take_break(self) -> None:
        self.keep_draft()
        self.flow.apply("take_break", called_by=self.m.writer(self.step))

    def action_back(self) -> None:
        from closeness_tui.screens.dialogs import ConfirmDialog

        self.keep_draft()
        self.flow.save()
        text = self.texts().leave

        def done(leave: bool | None) -> None:
            if leave:
                self.flow.leave()

        self.app.push_screen(ConfirmDialog(text.question, yes=text.yes, no=text.no), done)
