"""Saving a check-in from a screen: step by step while it is under way, and once finished,
with the ritual it keeps (the rules: checkins.reach_step and checkins.complete)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from closeness_tui.checkins import complete, reach_step
from closeness_tui.models import CheckIn, Ritual, RitualMark

if TYPE_CHECKING:
    from closeness_tui.app import ClosenessApp


def save_step(capp: ClosenessApp, checkin: CheckIn, step: str) -> bool:
    reach_step(checkin, step, capp.clock.now())
    return capp.save(checkin)


def finish(capp: ClosenessApp, checkin: CheckIn) -> bool:
    """Mark the check-in done and save it; then keep today's ritual, if they have one."""
    store = capp.store
    rituals = store.all(Ritual) if store is not None else []
    marks = store.all(RitualMark) if store is not None else []
    kept = complete(checkin, rituals, marks, capp.clock.today(), capp.clock.now())
    if not capp.save(checkin):
        return False
    for mark in kept:
        capp.save(mark)
    return True
