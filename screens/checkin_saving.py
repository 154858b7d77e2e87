"""Saving a check-in from a screen: step by step while it is under way, and once finished,
keeping the matching ritual (see checkins.ritual_marks_for)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from closeness_tui.checkins import ritual_marks_for
from closeness_tui.models import CheckIn, Ritual, RitualMark

if TYPE_CHECKING:
    from closeness_tui.app import ClosenessApp


def save_step(capp: ClosenessApp, checkin: CheckIn, step: str) -> bool:
    checkin.status = "active"
    checkin.step = step
    checkin.updated_at = capp.clock.now()
    return capp.save(checkin)


def finish(capp: ClosenessApp, checkin: CheckIn) -> bool:
    """Mark the check-in done and save it; then keep today's ritual, if they have one."""
    checkin.status = "done"
    checkin.step = ""
    checkin.updated_at = capp.clock.now()
    if not capp.save(checkin):
        return False
    store = capp.store
    if store is not None:
        for mark in ritual_marks_for(
            checkin.kind,
            store.all(Ritual),
            store.all(RitualMark),
            capp.clock.today(),
            capp.clock.now(),
        ):
            capp.save(mark)
    return True
