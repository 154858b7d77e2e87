"""Store.where: the records whose field is one of some values, decoding only those. It must
give exactly what filtering all() gives, before and after a table is checked."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from closeness_tui.listening import RESUMABLE
from closeness_tui.models import ListeningSession, RitualMark
from closeness_tui.store import DATA_FILE, Store, StoreDamaged

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
    with Store.open(data_dir, defer_checks=True) as store:
        assert _where(store) == expected  # straight from the file's JSON, unchecked
        if statuses:
            assert "listening" in store._unchecked  # and it stays to be checked in full
        store.check_all()
        assert _where(store) == expected  # from the checked table
        store.put(ListeningSession(started_at=WHEN, status="on_break"))
        assert len(store.where(ListeningSession, "status", ["on_break"])) == 1 + statuses.count(
            "on_break"
        )


def test_where_leaves_a_table_that_does_not_fit_to_the_full_check(data_dir: Path) -> None:
    _seed(data_dir, ["active"], [0])
    path = data_dir / DATA_FILE
    doc = msgspec.json.decode(path.read_bytes())
    (first,) = doc["ritual_marks"]
    doc["ritual_marks"][first]["occurrence"] = "not a day"
    path.write_bytes(msgspec.json.encode(doc))
    with Store.open(data_dir, defer_checks=True) as store:
        with pytest.raises(StoreDamaged) as caught:
            store.where(RitualMark, "occurrence", [DAY])
        assert caught.value.problem == "wrong_shape"
