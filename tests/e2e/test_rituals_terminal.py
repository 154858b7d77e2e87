"""The installed `closeness` in a real terminal (tmux): tick a ritual off in the planner, then
export the calendar with the command line and read both back from disk."""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime, timedelta

import pytest
from conftest import seed_names
from e2e_helpers import START_TIMEOUT, installed_closeness, needs_tmux, start
from icalendar import Calendar

from closeness_tui.models import Ritual, RitualMark
from closeness_tui.store import Store

pytestmark = [pytest.mark.e2e, needs_tmux]


def test_tick_in_a_real_terminal_then_export_ics(tmp_path):
    data_dir = tmp_path / "data"
    seed_names(data_dir)
    today = date.today()
    ritual = Ritual(
        name="Gratitude exchange",
        template="gratitude",
        weekdays=list(range(7)),
        duration_minutes=5,
        start=today - timedelta(days=14),
        created_at=datetime.now(UTC),
    )
    with Store.open(data_dir) as store:
        store.put(ritual)
    with start(data_dir) as tui:
        tui.wait_for("Hello, Ana and Ben", timeout=START_TIMEOUT)
        tui.wait_for("Today's rituals")
        tui.send("r")
        tui.wait_for("Week of")
        tui.send("Space")
        tui.wait_for("Marked as done")
        assert "✓" in tui.screen()
        tui.send("C-q")
        assert tui.exit_code() == 0
    with Store.open(data_dir, read_only=True) as store:
        marks = store.all(RitualMark)
    assert [(m.ritual_id, m.occurrence, m.status) for m in marks] == [(ritual.id, today, "done")]

    out = tmp_path / "ours.ics"
    done = subprocess.run(
        [str(installed_closeness()), "--data-dir", str(data_dir), "export", "--ics", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    (event,) = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert str(event["UID"]) == f"{ritual.id}@closeness.local"
    assert out.stat().st_mode & 0o777 == 0o600
