"""Snapshots of the ritual screens at 80x24 (the planner also at 120x40), with six weeks of
history.

History (seeded through the real store): since Sat 10 Oct 2026 a daily gratitude exchange,
a Friday date at 19:30 (a bracketed, emoji name) and a nightly check-in at 21:30 with a
long name; about two in three occurrences ticked off, a few skipped, some notes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from conftest import TODAY, build_app, seed_names

from closeness_tui import rituals as core
from closeness_tui.clock import FakeClock
from closeness_tui.models import Ritual, RitualMark
from closeness_tui.store import Store

SIZES = [(80, 24), (120, 40)]
SMALL = [(80, 24)]  # the grid one week back and the detail: 120x40 showed nothing new


def seed_history(data_dir) -> None:
    seed_names(data_dir)
    start = TODAY - timedelta(weeks=6)
    rituals = [
        Ritual(
            name="Gratitude exchange",
            template="gratitude",
            weekdays=list(range(7)),
            duration_minutes=5,
            start=start,
            created_at=datetime(2026, 10, 10, 9, tzinfo=UTC),
        ),
        Ritual(
            name="Weekly date [Friday] 🌙",
            template="date",
            weekdays=[4],
            time_of_day="19:30",
            duration_minutes=120,
            start=start,
            created_at=datetime(2026, 10, 10, 10, tzinfo=UTC),
        ),
        Ritual(
            name="Nightly check-in, before sleep",
            template="nightly",
            weekdays=list(range(7)),
            time_of_day="21:30",
            duration_minutes=10,
            start=start,
            created_at=datetime(2026, 10, 10, 11, tzinfo=UTC),
        ),
    ]
    with Store.open(data_dir) as store:
        for r in rituals:
            store.put(r)
        n = 0
        for r in rituals:
            for day in core.occurrence_days(r, start, TODAY - timedelta(days=1)):
                n += 1
                if n % 3 == 0:
                    continue
                status = "skipped" if n % 11 == 0 else "done"
                note = "We laughed about the [burnt] toast" if n % 4 == 1 else ""
                store.put(
                    RitualMark(
                        ritual_id=r.id,
                        occurrence=day,
                        status=status,
                        note=note,
                        at=datetime(2026, 11, 1, tzinfo=UTC),
                    )
                )


def snapshot_app(data_dir):
    return build_app(data_dir, FakeClock(datetime(2026, 11, 21, 19, 30).astimezone()))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_planner_this_week(snap_compare, data_dir, size):
    """The planner on Saturday 21 Nov: "Week of Mon 16 Nov to Sun 22 Nov 2026 (this week)",
    a row per ritual with ✓ done, ○ due, – skipped, times for timed ones; the Saturday
    column tinted and its header reversed, the cursor on today's gratitude cell; planned
    minutes with the six-hour guide in italics, "Kept: ...% over 4 weeks, ...% over 12
    weeks. Together, N weeks in a row", the weekly sparkline (two cells a week) and the Add
    and Export buttons. Nothing clipped at 80x24; the long name ends with an ellipsis."""
    seed_history(data_dir)

    async def run_before(pilot) -> None:
        await pilot.press("r")
        await pilot.pause()

    assert snap_compare(snapshot_app(data_dir), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SMALL, ids=lambda s: f"{s[0]}x{s[1]}")
def test_week_grid_last_week(snap_compare, data_dir, size):
    """The week grid one week back (Mon 9 Nov to Sun 15 Nov 2026), every day in the past:
    no "(this week)", "Planned that week", no tinted column, each occurrence ✓, – or a dim
    ○ (missed), the Friday date at 19:30, the nightly check-in at 21:30 every day."""
    seed_history(data_dir)

    async def run_before(pilot) -> None:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("left_square_bracket")
        await pilot.pause()

    assert snap_compare(snapshot_app(data_dir), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SMALL, ids=lambda s: f"{s[0]}x{s[1]}")
def test_ritual_detail(snap_compare, data_dir, size):
    """The detail of the nightly check-in: its name, the template's why in italics, When
    ("Every day, at 21:30"), How long, Who leads ("Either of you"), Since, Next; the how-to
    steps; Kept over 4 and 12 weeks, the streak and the weekly sparkline; recent notes with
    the bracketed note shown literally."""
    seed_history(data_dir)

    async def run_before(pilot) -> None:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("down", "down", "o")
        await pilot.pause()

    assert snap_compare(snapshot_app(data_dir), terminal_size=size, run_before=run_before)


def test_template_picker(snap_compare, data_dir):
    """The picker at 80x24: "Choose a ritual", then each suggestion with its name in bold,
    its one-line why and its cadence, time and length, separated by rules; the first one
    highlighted."""
    seed_names(data_dir)

    async def run_before(pilot) -> None:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()

    assert snap_compare(snapshot_app(data_dir), terminal_size=(80, 24), run_before=run_before)


def test_editor_from_template(snap_compare, data_dir):
    """The editor at 80x24 for the weekly date template: name "Weekly date", cadence "On
    chosen days of the week" with only Fr ticked among Mo..Su (all seven boxes visible),
    every 1 week, 19:30, 120 minutes, "Either of you" leads, starting 2026-11-21; the rows
    sit close together at this height so the Save button is in view without scrolling."""
    seed_names(data_dir)

    async def run_before(pilot) -> None:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        options = pilot.app.screen.query_one("#ritual-templates")
        options.highlighted = options.get_option_index("date")
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(snapshot_app(data_dir), terminal_size=(80, 24), run_before=run_before)
