"""What the turn-taking conversations after a listening session share (after a fight,
solving it together): a position (a step and a seat) saved into the record's `state`,
breaks taken from any step (the listening session's rules: 20 minutes unless chosen,
never more than a day), drafts of the words being typed, and setting an unfinished one
aside. No Textual here.

A record used with it has: started_at, updated_at, names, breaks, status, state, draft.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from closeness_tui.clock import Clock
from closeness_tui.listening import (
    RESUMABLE,
    Breaks,
    TransitionError,
    newest_unfinished,
    other,
    resumable,
)

__all__ = ["RESUMABLE", "Conversation", "is_unfinished", "unfinished"]


class Conversation(Breaks):
    STEPS: tuple[str, ...] = ()
    FIRST_STEP = ""
    TEXT_STEPS: frozenset[str] = frozenset()
    WRITTEN_BY_OTHER: frozenset[str] = frozenset()
    UNBREAKABLE: frozenset[str] = frozenset({"setup", "break", "done"})

    def __init__(self, record: Any, clock: Clock) -> None:
        self.record = record
        self.session = record  # the name shared screens (and Breaks) read it by
        self.clock = clock
        state = record.state or {}
        self.step: str = str(state.get("step", self.STEPS[0]))
        if self.step not in self.STEPS:
            raise ValueError(f"unknown step {self.step!r} in saved conversation")
        self.seat: int = int(state.get("seat", 0))
        self.resume_step: str | None = state.get("resume_step")

    # -- reading ----------------------------------------------------------------------------

    def writer(self, step: str | None = None) -> int:
        """The seat of the partner who writes or answers at this step."""
        step = step or self.shown_step
        return other(self.seat) if step in self.WRITTEN_BY_OTHER else self.seat

    @property
    def finished(self) -> bool:
        return self.step == "done"

    # -- persistence ------------------------------------------------------------------------

    def extra_state(self) -> dict[str, Any]:
        return {}

    def sync(self) -> Any:
        self.record.state = {
            **self.record.state,
            "step": self.step,
            "seat": self.seat,
            "resume_step": self.resume_step,
            **self.extra_state(),
        }
        self.record.updated_at = self.clock.now()
        return self.record

    # -- helpers ------------------------------------------------------------------------------

    def _go(self, step: str, seat: int) -> None:
        self.record.draft = ""
        self.step, self.seat = step, seat

    def save_draft(self, text: str) -> None:
        self._require("save_draft", *self.TEXT_STEPS)
        self.record.draft = text

    # -- breaks (the listening session's rules: listening.Breaks) ------------------------------

    def take_break(self, return_at: datetime | None = None, called_by: int | None = None) -> None:
        if self.step in self.UNBREAKABLE:
            raise TransitionError(self.step, "take_break")
        self._break_now(return_at, called_by)

    def finish_early(self) -> None:
        """The listening session's "stop the turns" key, on its shared screens: not here."""
        raise TransitionError(self.step, "finish_early")

    def set_aside(self) -> None:
        if self.step == "done":
            raise TransitionError(self.step, "set_aside")
        self.record.status = "stopped"


def is_unfinished(record: Any) -> bool:
    return resumable(record.status, str((record.state or {}).get("step", "setup")))


def unfinished(records: list[Any]) -> Any | None:
    return newest_unfinished(records, is_unfinished)
