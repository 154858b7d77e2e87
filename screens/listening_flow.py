"""Runs one listening session across its screens.

The flow owns the pure machine (closeness_tui.listening) and the record. Each event is one of
the machine's methods, called through `apply(machine.event, ...)`: the machine moves, the
record is saved at once, and the screen for the new step (from STEP_SCREENS) replaces the old
one on top of the stack. Keys that pass the floor or rate a summary go through `press()`,
which ignores them while the step has only just come on screen. A break is pushed on top of
the step it interrupts, so ending it uncovers that step exactly as it was. When the session
is done (or the partners leave it for now) every session screen is popped back to the screen
that started it, and `on_done(session_id or None)` is called.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from closeness_tui.listening import Listening, TransitionError
from closeness_tui.screens.listening_close import ClosingScreen
from closeness_tui.screens.listening_common import StepScreen
from closeness_tui.screens.listening_more import MoreScreen
from closeness_tui.screens.listening_rating import RatingScreen
from closeness_tui.screens.listening_ready import ReadinessScreen
from closeness_tui.screens.listening_reflect import ReflectScreen
from closeness_tui.screens.listening_summary import SummaryScreen
from closeness_tui.screens.listening_swap import SwapScreen
from closeness_tui.screens.listening_turn import TurnScreen

if TYPE_CHECKING:
    from closeness_tui.app import ClosenessApp

OnDone = Callable[[str | None], Any] | None


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


class ListeningFlow:
    def __init__(
        self, app: ClosenessApp, machine: Listening, base: Screen | None, on_done: OnDone = None
    ) -> None:
        self.app = app
        self.machine = machine
        self.base = base
        self.on_done = on_done

    @property
    def names(self) -> list[str]:
        return self.machine.session.names

    def save(self) -> bool:
        return self.app.save(self.machine.sync())

    def open(self) -> None:
        """Show the step the machine is at (replacing the set-up screen on top)."""
        m = self.machine
        step = m.resume_step if m.step == "break" else m.step
        self.app.switch_screen(_screen_for(step or "speaking", self))
        if m.step == "break":
            self._push_break()

    def _push_break(self) -> None:
        from closeness_tui.screens.listening_break import BreakScreen

        self.app.push_screen(BreakScreen(self))

    def press(self, event: Callable[..., Any], *args: Any) -> bool:
        """A key or button that passes the floor or rates a summary: ignored while the step
        has only just come on screen (the press that brought it, a repeat, a bounce)."""
        if not self.machine.press_counts():
            return False
        return self.apply(event, *args)

    def apply(self, event: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
        """Call one event method of the machine, save, and show the step it leads to."""
        m = self.machine
        before = m.step
        try:
            event(*args, **kwargs)
        except TransitionError:
            return False  # a late key press for a step that has already moved on
        self.save()
        after = m.step
        if after == before:
            return True
        if after == "break":
            self._push_break()
        elif before == "break":
            self.app.pop_screen()
        elif after == "done":
            self.finish(m.session.id)
        else:
            self.app.switch_screen(_screen_for(after, self))
        return True

    def leave(self) -> None:
        """Stop for now: the record stays as it is (resumable from Home)."""
        self.save()
        self.finish(None)

    def finish(self, session_id: str | None) -> None:
        app = self.app
        if self.base is not None and self.base in app.screen_stack:
            while app.screen is not self.base and len(app.screen_stack) > 1:
                app.pop_screen()
        else:
            app.go_home()
        if self.on_done is not None:
            self.on_done(session_id)
        if session_id is not None:  # both understood? solving it together is offered
            from closeness_tui.screens.solve_offer import offer_after_listening

            offer_after_listening(app, self.machine.session)
