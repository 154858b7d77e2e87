"""Test helper for the listening session's clocks.

Tests move a FakeClock; the screens redraw from it on their own timers (real time). To be
independent of how busy the machine is, `tick()` asks the current screen to redraw from the
clock at once, exactly as its timer would. That the timers fire on time is measured on the
real clock in bench/timer.py.
"""

from __future__ import annotations


async def tick(pilot) -> None:
    await pilot.pause()
    screen = pilot.app.screen
    for name in ("refresh_clock", "refresh_break"):
        redraw = getattr(screen, name, None)
        if callable(redraw):
            redraw()
    await pilot.pause()


def kept_drafts(data_dir) -> dict[str, dict[str, str]]:
    """Every draft in the file as it is on disk now: key -> the boxes' words."""
    from closeness_tui.models import Draft
    from closeness_tui.store import Store

    with Store.open(data_dir, read_only=True) as store:
        return {d.key: d.fields for d in store.all(Draft)}


def kept_words(data_dir, prefix: str) -> list[str]:
    """The words of every kept box whose draft key starts with `prefix`."""
    return [
        text
        for key, fields in sorted(kept_drafts(data_dir).items())
        if key.startswith(prefix)
        for text in fields.values()
    ]


async def decline_solve_offer(pilot) -> None:
    """After a session in which both felt understood, closeness offers to solve it together
    (screens/solve_offer.py); these tests go on without it."""
    from closeness_tui.screens.dialogs import ConfirmDialog

    if isinstance(pilot.app.screen, ConfirmDialog):
        await pilot.press("escape")
        await pilot.pause()
