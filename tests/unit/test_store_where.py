"""Store.where: the records whose field is one of some values. It must give exactly what
filtering all() gives."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from closeness_tui.listening import RESUMABLE
from closeness_tui.models import ListeningSession, RitualMark
from closeness_tui.store import DATA_FILE, Store

WHEN = datetime(2026, 11, 21, 19, 30, tzinfo=UTC)
DAY = date(2026, 11, 21)
STATUSES = ["active", "on_break", "done", "stopped"]


def _seed(data_dir: Path, statuses: list[str], days: list[int]) -> None:
    with Store.open(data_dir) as store:
        store.put_many(
            ListeningSession(started_at=WHEN - timedelta(days=i), status=status)
            for i, status in enumerate(statuses)
        )
        store.put_many(
            RitualMark(ritual_id=f"r{i % 3}", occurrence=DAY - timedelta(days=d), note="[b]")
            for i, d in enumerate(days)
        )


def _expected(store: Store) -> tuple[list[ListeningSession], list[RitualMark]]:
    sessions = [s for s in store.all(ListeningSession) if s.status in RESUMABLE]
    marks = [m for m in store.all(RitualMark) if m.occurrence in (DAY, DAY - timedelta(1))]
    return sessions, marks


def _where(store: Store) -> tuple[list[ListeningSession], list[RitualMark]]:
    sessions = store.where(ListeningSession, "status", RESUMABLE)
    marks = store.where(RitualMark, "occurrence", [DAY, DAY - timedelta(1)])
    return sessions, marks


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    statuses=st.lists(st.sampled_from(STATUSES), max_size=12),
    days=st.lists(st.integers(0, 3), max_size=12),
)
def test_where_is_all_filtered_before_and_after_the_check(
    tmp_path_factory: pytest.TempPathFactory, statuses: list[str], days: list[int]
) -> None:
    data_dir = tmp_path_factory.mktemp("where")
    _seed(data_dir, statuses, days)
    with Store.open(data_dir, read_only=True) as reference:
        expected = _expected(reference)
    with Store.open(data_dir) as store:
        assert _where(store) == expected
        store.put(ListeningSession(started_at=WHEN, status="on_break"))
        assert len(store.where(ListeningSession, "status", ["on_break"])) == 1 + statuses.count(
            "on_break"
        )


def test_a_default_value_left_out_of_the_file_is_still_found(data_dir: Path) -> None:
    """A session whose status is the default ("active") has no status in the file."""
    _seed(data_dir, ["active", "done"], [])
    raw = (data_dir / DATA_FILE).read_bytes()
    assert b'"active"' not in raw
    with Store.open(data_dir) as store:
        found = store.where(ListeningSession, "status", ["active"])
        assert [s.status for s in found] == ["active"]


def test_the_same_words_in_another_field_do_not_make_a_match(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.put(RitualMark(ritual_id="r", occurrence=DAY - timedelta(1), note="2026-11-21"))
    with Store.open(data_dir) as store:
        assert store.where(RitualMark, "occurrence", [DAY]) == []
        assert len(store.where(RitualMark, "occurrence", [DAY - timedelta(1)])) == 1
