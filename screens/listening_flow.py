"""Runs one listening session across its screens.

The flow owns the pure machine (closeness_tui.listening) and the record. Each event goes
through `apply()`: the machine moves, the record is saved at once, and the screen for the new
step replaces the old one on top of the stack. A break is pushed on top of the step it
interrupts, so ending it uncovers that step exactly as it was. When the session is done (or the
partners leave it for now) every session screen is popped back to the screen that started it,
and `on_done(session_id or None)` is called.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from closeness_tui.listening import Listening, TransitionError

if TYPE_CHECKING:
    from closeness_tui.app import ClosenessApp

OnDone = Callable[[str | None], Any] | None


def _screen_for(step: str, flow: ListeningFlow) -> Screen:
    if step == "readiness":
        from closeness_tui.screens.listening_ready import ReadinessScreen

        return ReadinessScreen(flow)
    if step in ("speaking", "clarify"):
        from closeness_tui.screens.listening_turn import TurnScreen

        return TurnScreen(flow)
    if step == "summary":
        from closeness_tui.screens.listening_summary import SummaryScreen

        return SummaryScreen(flow)
    if step == "rating":
        from closeness_tui.screens.listening_rating import RatingScreen

        return RatingScreen(flow)
    if step == "more":
        from closeness_tui.screens.listening_more import MoreScreen

        return MoreScreen(flow)
    if step in ("validation", "empathy"):
        from closeness_tui.screens.listening_reflect import ReflectScreen

        return ReflectScreen(flow)
    if step == "swap":
        from closeness_tui.screens.listening_swap import SwapScreen

        return SwapScreen(flow)
    if step == "closing":
        from closeness_tui.screens.listening_close import ClosingScreen

        return ClosingScreen(flow)
    raise ValueError(f"no screen for step {step!r}")


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

    def apply(self, event: str, *args: Any, **kwargs: Any) -> bool:
        """Send one event to the machine, save, and show the step it leads to."""
        m = self.machine
        before = m.step
        try:
            getattr(m, event)(*args, **kwargs)
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
