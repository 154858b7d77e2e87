"""Runs one listening session across its screens (screens/step_flow.py: each event is one
of the machine's methods, called through `apply(machine.event, ...)`, saved at once, and the
screen for the new step, from STEP_SCREENS, replaces the old one). Keys that pass the floor
or rate a summary go through `press()`, which ignores them while the step has only just
come on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen

from closeness_tui.listening import Listening
from closeness_tui.screens.listening_close import ClosingScreen
from closeness_tui.screens.listening_common import StepScreen
from closeness_tui.screens.listening_more import MoreScreen
from closeness_tui.screens.listening_rating import RatingScreen
from closeness_tui.screens.listening_ready import ReadinessScreen
from closeness_tui.screens.listening_reflect import ReflectScreen
from closeness_tui.screens.listening_summary import SummaryScreen
from closeness_tui.screens.listening_swap import SwapScreen
from closeness_tui.screens.listening_turn import TurnScreen
from closeness_tui.screens.step_flow import StepFlow

# Which screen shows each step (a break is pushed on top of the step it interrupts).
STEP_SCREENS: dict[str, type[StepScreen]] = {
    "readiness": ReadinessScreen,
    "speaking": TurnScreen,
    "clarify": TurnScreen,
    "summary": SummaryScreen,
    "rating": RatingScreen,
    "more": MoreScreen,
    "validation": ReflectScreen,
    "empathy": ReflectScreen,
    "swap": SwapScreen,
    "closing": ClosingScreen,
}


def _screen_for(step: str, flow: ListeningFlow) -> Screen:
    screen = STEP_SCREENS.get(step)
    if screen is None:
        raise ValueError(f"no screen for step {step!r}")
    return screen(flow)


class ListeningFlow(StepFlow):
    """A listening session's flow: keys that pass the floor or rate a summary go through
    `press()`; when both felt understood, solving it together is offered at the end."""

    machine: Listening

    def screen_for(self, step: str) -> Screen:
        return _screen_for(step, self)

    def _push_break(self) -> None:
        from closeness_tui.screens.listening_break import BreakScreen

        self.app.push_screen(BreakScreen(self))

    def press(self, event: Callable[..., Any], *args: Any) -> bool:
        """A key or button that passes the floor or rates a summary: ignored while the step
        has only just come on screen (the press that brought it, a repeat, a bounce)."""
        if not self.machine.press_counts():
            return False
        return self.apply(event, *args)

    def after_finish(self, record_id: str | None) -> None:
        if record_id is not None:  # both understood? solving it together is offered
            from closeness_tui.screens.solve_offer import offer_after_listening

            offer_after_listening(self.app, self.machine.session)
