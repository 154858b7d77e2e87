"""Runs one after-a-fight conversation across its screens, as the listening session's flow
runs (screens/step_flow.py: each event saved at once, the screen for the new step, a break
on top of the step it interrupts). The break and the readiness check are the listening
session's own screens.
"""

from __future__ import annotations

from textual.screen import Screen

from closeness_tui.conversation import Conversation
from closeness_tui.screens.step_flow import StepFlow


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


class RepairFlow(StepFlow):
    """Runs an after-a-fight talk; SolveFlow runs a solve-it-together one the same way."""

    machine: Conversation

    def screen_for(self, step: str) -> Screen:
        return screen_for(step, self)

    def position(self) -> tuple[object, ...]:
        return (self.machine.step, self.machine.seat)  # each partner's turn has its screen

    def where(self) -> str:
        """Where the conversation stopped, in words (for the break screen)."""
        from closeness_tui.screens.repair_common import where

        return where(self.machine)

    def break_note(self) -> str:
        from closeness_tui.repairtext import repair_text

        return repair_text().leave.break_note

    def _push_break(self) -> None:
        from closeness_tui.screens.repair_break import RepairBreakScreen

        self.app.push_screen(RepairBreakScreen(self))  # type: ignore[arg-type]
