"""What every turn-taking flow does with its screens (the listening session, after a fight,
solving it together): it owns the pure machine and the record; each event goes through
`apply()`: the machine moves, the record is saved at once, and the screen for the new step
replaces the old one on top of the stack. A break is pushed on top of the step it
interrupts, so ending it uncovers that step exactly as it was. When the talk ends (or the
partners leave it for now) every screen of it is popped back to the screen that started
it, and `on_done(record id or None)` is called.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from closeness_tui.listening import TransitionError

if TYPE_CHECKING:
    from closeness_tui.app import ClosenessApp

OnDone = Callable[[str | None], Any] | None


class StepFlow:
    END_STEPS: tuple[str, ...] = ("done",)

    def __init__(
        self, app: ClosenessApp, machine: Any, base: Screen | None, on_done: OnDone = None
    ) -> None:
        self.app = app
        self.machine = machine  # a listening.Breaks: Listening, or a Conversation
        self.base = base
        self.on_done = on_done

    # -- what each flow says for itself ------------------------------------------------------

    def screen_for(self, step: str) -> Screen:
        raise NotImplementedError

    def _push_break(self) -> None:
        raise NotImplementedError

    def position(self) -> tuple[object, ...]:
        """What, when it changes, brings another screen."""
        return (self.machine.step,)

    def after_finish(self, record_id: str | None) -> None:
        """Once the flow's screens are gone and `on_done` was called."""

    # -- shared ----------------------------------------------------------------------------------

    @property
    def names(self) -> list[str]:
        return self.machine.session.names

    def save(self) -> bool:
        return self.app.save(self.machine.sync())

    def open(self) -> None:
        """Show the step the machine is at (replacing the start screen on top)."""
        self.app.switch_screen(self.screen_for(self.machine.shown_step))
        if self.machine.step == "break":
            self._push_break()

    def apply(self, event: str | Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
        """Send one event to the machine (the bound method, or its name), save, and show the
        step it leads to."""
        m = self.machine
        before, was = self.position(), m.step
        handler = event if callable(event) else getattr(m, event, None)
        if handler is None:
            return False  # a shared screen's key this talk has no use for
        try:
            handler(*args, **kwargs)
        except TransitionError:
            return False  # a late key press for a step that has already moved on
        self.save()
        if self.position() == before:
            return True
        if m.step == "break":
            self._push_break()
        elif was == "break":
            self.app.pop_screen()
        elif m.step in self.END_STEPS:
            self.finish(m.session.id)
        else:
            self.app.switch_screen(self.screen_for(m.step))
        return True

    def leave(self) -> None:
        """Stop for now: the record stays as it is (it can be carried on)."""
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
        self.after_finish(record_id)
