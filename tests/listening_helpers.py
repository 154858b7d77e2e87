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
