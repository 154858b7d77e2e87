"""Runs one after-a-fight conversation across its screens.

Like the listening session's flow: each event goes through `apply()`: the machine moves,
the record is saved at once, and the screen for the new step replaces the old one. A break
(the listening session's own break screen) is pushed on top of the step it interrupts; the
readiness check is the listening session's own screen too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from closeness_tui.conversation import Conversation
from closeness_tui.listening import TransitionError

if TYPE_CHECKING:
    from closeness_tui.app import ClosenessApp

OnDone = Callable[[str | None], Any] | None


def screen_for(step: str, flow: RepairFlow) -> Screen:
    if step == "readiness":
        from closeness_tui.screens.listening_ready import ReadinessScreen

        return ReadinessScreen(flow)  # type: ignore[arg-type]
    if step == "rating":
        from closeness_tui.screens.repair_rate import RepairRateScreen

        return RepairRateScreen(flow)
    if step == "answer":
        from closeness_tui.screens.repair_answer import RepairAnswerScreen

        return RepairAnswerScreen(flow)
    from closeness_tui.screens.repair_write import RepairWriteScreen

    return RepairWriteScreen(flow)


class RepairFlow:
    """Runs an after-a-fight talk; SolveFlow runs a solve-it-together one the same way."""

    END_STEPS: tuple[str, ...] = ("done",)

    def __init__(
        self, app: ClosenessApp, machine: Conversation, base: Screen | None, on_done: OnDone = None
    ) -> None:
        self.app = app
        self.machine = machine
        self.base = base
        self.on_done = on_done

    @property
    def names(self) -> list[str]:
        return self.machine.record.names

    def screen_for(self, step: str) -> Screen:
        return screen_for(step, self)

    def where(self) -> str:
        """Where the conversation stopped, in words (for the break screen)."""
        from closeness_tui.screens.repair_common import where

        return where(self.machine)

    def break_note(self) -> str:
        from closeness_tui.repairtext import repair_text

        return repair_text().leave.break_note

    def save(self) -> bool:
        return self.app.save(self.machine.sync())

    def open(self) -> None:
        """Show the step the machine is at (replacing the start screen on top)."""
        m = self.machine
        self.app.switch_screen(self.screen_for(m.shown_step))
        if m.step == "break":
            self._push_break()

    def _push_break(self) -> None:
        from closeness_tui.screens.repair_break import RepairBreakScreen

        self.app.push_screen(RepairBreakScreen(self))  # type: ignore[arg-type]

    def apply(self, event: str | Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
        """Send one event to the machine (its name, or the bound method as the listening
        session's shared screens pass it), save, and show the step it leads to."""
        m = self.machine
        before = (m.step, m.seat)
        handler = event if callable(event) else getattr(m, event, None)
        if handler is None:
            return False  # a shared screen's key this conversation has no use for
        try:
            handler(*args, **kwargs)
        except TransitionError:
            return False  # a late key press for a step that has already moved on
        self.save()
        if (m.step, m.seat) == before:
            return True
        if m.step == "break":
            self._push_break()
        elif before[0] == "break":
            self.app.pop_screen()
        elif m.step in self.END_STEPS:
            self.finish(m.record.id)
        else:
            self.app.switch_screen(self.screen_for(m.step))
        return True

    def leave(self) -> None:
        """Stop for now: the record stays as it is (resumable)."""
        self.save()
        self.finish(None)

    def finish(self, record_id: str | None) -> None:
        app = self.app
        if self.base is not None and self.base in app.screen_stack:
            while app.screen is not self.base and len(app.screen_stack) > 1:
                app.pop_screen()
        else:
            app.go_home()
        if self.on_done is not None:
            self.on_done(record_id)
