"""A step of a solve-it-together talk where words are written: the problem in one neutral
sentence (the I-statement coach gently flags blame in it), what each cannot give up and
where each can bend, and each one's part of the plan. Drafts are kept as they type."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from closeness_tui.screens.repair_write import RepairWriteScreen
from closeness_tui.screens.solve_common import option_text
from closeness_tui.solvetext import solve_text
from closeness_tui.text import safe


class SolveWriteScreen(RepairWriteScreen):
    HELP_TOPIC = "solve_step"
    COACHED = "problem"

    def texts(self) -> Any:
        return solve_text()

    def extra_values(self) -> dict[str, str]:
        return {"option": option_text(self.m)}

    def _compose_context(self) -> ComposeResult:
        problem = self.m.record.problem
        if self.step != "problem" and problem:
            with VerticalScroll(id="repair-context"):
                yield Static(safe(problem), id="problem-text")
