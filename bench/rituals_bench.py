"""How long the planner's sums take with a lot of history.

Two years of eleven rituals (one per template, ~4,000 occurrences) with about two in three
marked. Times the pieces the planner recomputes on every mark: the week grid, follow-through
over 4 and 12 weeks, the streak (walks back over the whole history) and the sparkline; and
the .ics export. Run: python bench/rituals_bench.py"""

from __future__ import annotations

import statistics
import time
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from closeness_tui import rituals as core
from closeness_tui.models import Ritual, RitualMark
from closeness_tui.rituals_ics import to_ics
from closeness_tui.ritualtext import ritual_text

TODAY = date(2026, 11, 21)
TZ = ZoneInfo("Europe/Berlin")


def history() -> tuple[list[Ritual], list[RitualMark]]:
    start = TODAY - timedelta(weeks=104)
    rituals = [
        Ritual(
            name=t.name,
            template=t.id,
            weekdays=list(t.weekdays),
            time_of_day=t.time or None,
            duration_minutes=t.duration,
            start=start,
        )
        for t in ritual_text().templates
    ]
    marks = []
    n = 0
    for r in rituals:
        for day in core.occurrence_days(r, start, TODAY - timedelta(days=1)):
            n += 1
            if n % 3:
                marks.append(RitualMark(ritual_id=r.id, occurrence=day, at=datetime.now(UTC)))
    return rituals, marks


def timed(label: str, fn, repeat: int = 20) -> float:
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t) * 1000)
    median = statistics.median(runs)
    print(f"{label:<34} median {median:8.2f} ms   max {max(runs):8.2f} ms")
    return median


def main() -> None:
    rituals, marks = history()
    print(f"{len(rituals)} rituals, {len(marks)} marks over 104 weeks")
    week = core.week_start(TODAY)
    total = 0.0
    total += timed("week grid", lambda: core.week_grid(rituals, marks, week, TZ))
    total += timed("follow-through 4 weeks", lambda: core.follow_through(rituals, marks, TODAY, 4))
    total += timed(
        "follow-through 12 weeks", lambda: core.follow_through(rituals, marks, TODAY, 12)
    )
    total += timed("streak (whole history)", lambda: core.streak(rituals, marks, TODAY), 5)
    total += timed("sparkline 12 weeks", lambda: core.sparkline_series(rituals, marks, TODAY))
    total += timed("planned minutes", lambda: core.planned_minutes(rituals, TODAY))
    timed(
        ".ics export", lambda: to_ics(rituals, ritual_text(), ("A", "B"), datetime.now(UTC), TZ), 5
    )
    print(f"planner refresh after one mark (sum of medians): {total:.1f} ms")


if __name__ == "__main__":
    main()
