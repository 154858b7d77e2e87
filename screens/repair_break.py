"""A break in an after-a-fight or solve-it-together talk: the listening session's own break
screen (countdown to the agreed return, breathing cue, at most a day), with this talk's words."""

from __future__ import annotations

from closeness_tui.screens.listening_break import BreakScreen


class RepairBreakScreen(BreakScreen):
    HELP_TOPIC = "listening_break"

    def where_stopped(self) -> str:
        return self.flow.where()  # type: ignore[attr-defined]

    def leave_note(self) -> str:
        return self.flow.break_note()  # type: ignore[attr-defined]
