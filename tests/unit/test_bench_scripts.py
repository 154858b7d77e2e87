"""The bench tooling must keep working: make_data builds a real file through the store API."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from closeness_tui.clock import FakeClock
from closeness_tui.listening import Listening
from closeness_tui.models import (
    CheckIn,
    ListeningSession,
    Ritual,
    RitualMark,
    Settings,
    Statement,
)
from closeness_tui.store import Store

BENCH = Path(__file__).resolve().parents[2] / "bench"


def test_make_data_one_year_builds_a_valid_file_with_the_expected_counts(tmp_path: Path) -> None:
    out = tmp_path / "data1"
    result = subprocess.run(
        [sys.executable, str(BENCH / "make_data.py"), "--years", "1", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "make_data: 1 years" in result.stdout.splitlines()[-1]

    with Store.open(out, read_only=True) as store:
        assert store.count(ListeningSession) == 52
        assert store.count(CheckIn) == 365
        assert store.count(Statement) == 200
        assert store.count(Ritual) == 10
        assert store.count(RitualMark) == 500
        assert store.settings().names == ("Ana", "Ben")
        assert store.count(Settings) == 1

        sessions = store.all(ListeningSession)
        assert all(len(s.turns) >= 2 for s in sessions)
        # Finished as the app finishes them: the machine's own state, read back as done,
        # so Past sessions (which hides sessions never begun) lists every one.
        for s in sessions:
            machine = Listening.resume(s, FakeClock())
            assert machine.finished and s.status == "done" and s.finished_at is not None
            assert s.state["step"] == "done" and s.state["timer"] is None
            assert machine.turn_index == len(s.turns) - 1
        assert all(1 <= len(t.summaries) <= 3 for s in sessions for t in s.turns)
        checkins = store.all(CheckIn)
        assert {c.kind for c in checkins} == {"nightly", "gratitude", "weekly"}
        assert all(c.promises for c in checkins if c.kind == "weekly")
        ritual_ids = {r.id for r in store.all(Ritual)}
        assert all(m.ritual_id in ritual_ids for m in store.all(RitualMark))
        texts = " ".join(a.text for c in checkins for a in c.answers)
        assert "[" in texts  # brackets, as people type them
        assert any("\u0590" <= ch <= "\u06ff" for ch in texts)  # right-to-left script
        assert any(ord(ch) > 0xFFFF for ch in texts)  # emoji


def test_make_data_is_deterministic(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        from make_data import build
    finally:
        sys.path.remove(str(BENCH))
    first = [r.id for r in build(1)]
    second = [r.id for r in build(1)]
    assert first == second
