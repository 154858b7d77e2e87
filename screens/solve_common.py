"""What every step of a solve-it-together talk shares with the after-a-fight talk (the
banner in their names, a break from any step, leaving for now), in its own words."""

from __future__ import annotations

from typing import Any

from closeness_tui.screens.repair_common import RepairStepScreen
from closeness_tui.solvetext import solve_text


def option_text(m: Any) -> str:
    """The idea being tried (or about to be), as they wrote it."""
    current = m.current_try
    if current is None or not 0 <= current.option < len(m.record.options):
        return ""
    return m.record.options[current.option].text


class SolveStepScreen(RepairStepScreen):
    HELP_TOPIC = "solve_step"

    def texts(self) -> Any:
        return solve_text()

    def extra_values(self) -> dict[str, str]:
        return {"option": option_text(self.m)}
