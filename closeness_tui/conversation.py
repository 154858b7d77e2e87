"""What the turn-taking conversations after a listening session share (after a fight,
solving it together): a position (a step and a seat) saved into the record's `state`,
breaks taken from any step (the listening session's rules: 20 minutes unless chosen,
never more than a day), drafts of the words being typed, and setting an unfinished one
aside. No Textual here.

A record used with it has: started_at, updated_at, names, breaks, status, state, draft.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from closeness_tui.clock import Clock
from closeness_tui.listening import BREAK_MAX, BREAK_MINUTES, TransitionError, other
from closeness_tui.models import Break

RESUMABLE = ("active", "on_break")


class Conversation:
    STEPS: tuple[str, ...] = ()
    FIRST_STEP = ""
    TEXT_STEPS: frozenset[str] = frozenset()
    WRITTEN_BY_OTHER: frozenset[str] = frozenset()
    UNBREAKABLE: frozenset[str] = frozenset({"setup", "break", "done"})

    def __init__(self, record: Any, clock: Clock) -> None:
        self.record = record
        self.clock = clock
        state = record.state or {}
        self.step: str = str(state.get("step", self.STEPS[0]))
        if self.step not in self.STEPS:
            raise ValueError(f"unknown step {self.step!r} in saved conversation")
        self.seat: int = int(state.get("seat", 0))
        self.resume_step: str | None = state.get("resume_step")

    # -- reading ----------------------------------------------------------------------------

    @property
    def session(self) -> Any:
        """The record (named as the listening session's, so shared screens can read it)."""
        return self.record

    @property
    def shown_step(self) -> str:
        return (self.resume_step or self.FIRST_STEP) if self.step == "break" else self.step

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

    def _require(self, event: str, *steps: str) -> None:
        if self.step not in steps:
            raise TransitionError(self.step, event)

    def _go(self, step: str, seat: int) -> None:
        self.record.draft = ""
        self.step, self.seat = step, seat

    def save_draft(self, text: str) -> None:
        self._require("save_draft", *self.TEXT_STEPS)
        self.record.draft = text

    # -- breaks ---------------------------------------------------------------------------------

    def default_return(self) -> datetime:
        return self.clock.now() + timedelta(minutes=BREAK_MINUTES)

    def clamp_return(self, at: datetime, start: datetime | None = None) -> datetime:
        start = start or self.clock.now()
        return max(start, min(at, start + BREAK_MAX))

    def take_break(self, return_at: datetime | None = None, called_by: int | None = None) -> None:
        if self.step in self.UNBREAKABLE:
            raise TransitionError(self.step, "take_break")
        now = self.clock.now()
        at = self.clamp_return(return_at or self.default_return(), now)
        self.record.breaks.append(Break(started_at=now, return_at=at, called_by=called_by))
        self.resume_step = self.step
        self.record.status = "on_break"
        self.step = "break"

    @property
    def current_break(self) -> Break | None:
        return self.record.breaks[-1] if self.step == "break" and self.record.breaks else None

    def set_return(self, at: datetime) -> datetime:
        self._require("set_return", "break")
        brk = self.current_break
        assert brk is not None
        brk.return_at = self.clamp_return(at, brk.started_at)
        return brk.return_at

    def end_break(self) -> None:
        self._require("end_break", "break")
        brk = self.current_break
        assert brk is not None
        brk.ended_at = self.clock.now()
        self.step = self.resume_step or self.FIRST_STEP
        self.resume_step = None
        self.record.status = "active"

    def finish_early(self) -> None:
        """The listening session's "stop the turns" key, on its shared screens: not here."""
        raise TransitionError(self.step, "finish_early")

    def set_aside(self) -> None:
        if self.step == "done":
            raise TransitionError(self.step, "set_aside")
        self.record.status = "stopped"


def is_unfinished(record: Any) -> bool:
    step = (record.state or {}).get("step", "setup")
    return record.status in RESUMABLE and step not in ("setup", "done")


def unfinished(records: list[Any]) -> Any | None:
    for record in sorted(records, key=lambda r: r.started_at, reverse=True):
        if is_unfinished(record):
            return record
    return None
