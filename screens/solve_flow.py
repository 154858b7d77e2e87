"""Runs one solve-it-together talk across its screens, as the after-a-fight talk runs
(the same flow: each event saved at once; the listening session's break on top). The talk
leaves its screens when a trial begins (the review comes later) and when a solution is kept.
"""

from __future__ import annotations

from textual.screen import Screen

from closeness_tui.screens.repair_flow import RepairFlow

SCREENS = {
    "ideas": "solve_ideas:SolveIdeasScreen",
    "marks": "solve_marks:SolveMarksScreen",
    "choose": "solve_choose:SolveChooseScreen",
    "trial": "solve_trial:SolveTrialScreen",
    "review": "solve_review:SolveReviewScreen",
}
WRITING = "solve_write:SolveWriteScreen"


class SolveFlow(RepairFlow):
    END_STEPS = ("done", "waiting")

    def screen_for(self, step: str) -> Screen:
        import importlib

        module, _, name = SCREENS.get(step, WRITING).partition(":")
        cls = getattr(importlib.import_module(f"closeness_tui.screens.{module}"), name)
        return cls(self)

    def where(self) -> str:
        from closeness_tui.screens.repair_common import where
        from closeness_tui.solvetext import solve_text

        return where(self.machine, solve_text())

    def break_note(self) -> str:
        from closeness_tui.solvetext import solve_text

        return solve_text().leave.break_note
