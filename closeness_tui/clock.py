"""Time, injected: a Clock protocol, the real clock, a fake one for tests, and a Countdown.

A Countdown never counts ticks. It keeps a deadline on the monotonic clock and computes
what is left each time it is asked, so slow frames, saves, resizes or a suspended terminal
cannot make it drift. Pausing stores the remaining time; resuming sets a new deadline.
"""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float: ...

    def now(self) -> datetime: ...

    def today(self) -> date: ...


class SystemClock:
    """The real clock: monotonic for durations, local wall time for dates."""

    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now().astimezone()

    def today(self) -> date:
        return self.now().date()


class FakeClock:
    """A clock tests move by hand. `advance` moves both monotonic and wall time."""

    def __init__(self, start: datetime | None = None, today: date | None = None) -> None:
        if start is None:
            day = today or date(2026, 11, 21)
            start = datetime(day.year, day.month, day.day, 19, 30).astimezone()
        elif start.tzinfo is None:
            start = start.astimezone()
        self._start = start
        self._elapsed = 0.0

    def monotonic(self) -> float:
        return 1000.0 + self._elapsed

    def now(self) -> datetime:
        return self._start + timedelta(seconds=self._elapsed)

    def today(self) -> date:
        return self.now().date()

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("time only moves forward")
        self._elapsed += seconds


class Countdown:
    """A countdown from `duration` seconds, kept as a deadline on `clock.monotonic()`."""

    def __init__(self, clock: Clock, duration: float, *, start: bool = True) -> None:
        if duration < 0:
            raise ValueError("duration must not be negative")
        self._clock = clock
        self._planned = float(duration)
        self._remaining_when_paused: float | None = float(duration)
        self._deadline: float | None = None
        self.pauses = 0
        if start:
            self.resume()

    @classmethod
    def restored(cls, clock: Clock, planned: float, remaining: float) -> Countdown:
        """A paused countdown rebuilt from saved figures (after a break or a restart)."""
        countdown = cls(clock, max(planned, 0.0), start=False)
        countdown._remaining_when_paused = float(remaining)
        return countdown

    @property
    def running(self) -> bool:
        return self._deadline is not None

    @property
    def planned(self) -> float:
        return self._planned

    def remaining(self) -> float:
        """Seconds left; negative once the deadline has passed (overtime)."""
        if self._deadline is None:
            assert self._remaining_when_paused is not None
            return self._remaining_when_paused
        return self._deadline - self._clock.monotonic()

    def expired(self) -> bool:
        return self.remaining() <= 0

    def elapsed(self) -> float:
        return self._planned - self.remaining()

    def pause(self) -> None:
        if self._deadline is None:
            return
        self._remaining_when_paused = self.remaining()
        self._deadline = None
        self.pauses += 1

    def resume(self) -> None:
        if self._deadline is not None:
            return
        assert self._remaining_when_paused is not None
        self._deadline = self._clock.monotonic() + self._remaining_when_paused
        self._remaining_when_paused = None

    def add(self, seconds: float) -> None:
        """Give more time (for example one more minute)."""
        self._planned += seconds
        if self._deadline is None:
            assert self._remaining_when_paused is not None
            self._remaining_when_paused += seconds
        else:
            self._deadline += seconds


def format_clock(seconds: float) -> str:
    """mm:ss for a countdown; rounds up so 0:00 shows only when time is really up.

    Negative values (overtime) are shown with a leading '+'.
    """
    import math

    if seconds < 0:
        s = math.floor(-seconds)
        return f"+{s // 60}:{s % 60:02d}"
    s = math.ceil(seconds)
    return f"{s // 60}:{s % 60:02d}"
