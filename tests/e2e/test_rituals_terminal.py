"""The installed `closeness` in a real terminal (tmux): tick a ritual off in the planner, then
export the calendar with the command line and read both back from disk."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from conftest import seed_names
from icalendar import Calendar

from closeness_tui.models import Ritual, RitualMark
from closeness_tui.store import Store

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux"),
]

TOOLS = Path("/work/shared/tools")
COMMAND = Path(sys.executable).with_name("closeness")


def tui_class():
    if not (TOOLS / "tui.py").exists():
        pytest.skip("the shared tmux driver is not here")
    sys.path.insert(0, str(TOOLS))
    from tui import Tui

    return Tui


def test_tick_in_a_real_terminal_then_export_ics(tmp_path):
    Tui = tui_class()
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
    tui = Tui(f"{COMMAND} --data-dir {data_dir}", cols=80, rows=24)
    try:
        tui.wait_for("Hello, Ana and Ben", timeout=30)
        tui.wait_for("Today's rituals", timeout=10)
        tui.send("r")
        tui.wait_for("Week of", timeout=30)
        tui.send("Space")
        tui.wait_for("Marked as done", timeout=20)
        assert "✓" in tui.screen()
        tui.send("C-q")
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and "__EXITED__" not in tui.screen():
            time.sleep(0.1)
        assert "__EXITED__ 0" in tui.screen()
    finally:
        subprocess.run([*tui.tmux, "kill-server"], capture_output=True)
    with Store.open(data_dir, read_only=True) as store:
        marks = store.all(RitualMark)
    assert [(m.ritual_id, m.occurrence, m.status) for m in marks] == [(ritual.id, today, "done")]

    out = tmp_path / "ours.ics"
    done = subprocess.run(
        [str(COMMAND), "--data-dir", str(data_dir), "export", "--ics", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    (event,) = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert str(event["UID"]) == f"{ritual.id}@closeness.local"
    assert out.stat().st_mode & 0o777 == 0o600
