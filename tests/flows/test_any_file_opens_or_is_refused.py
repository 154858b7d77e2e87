"""Whatever a data file holds, the app either refuses it with the damaged-file screen (the file
left byte for byte) or opens it and every screen that shows records works (issue 19).

Hypothesis writes a file of good records with one value put out of range, out of the
vocabulary or in the wrong place (weekday 9, an unknown step, speaker 7, 30 February, huge
numbers, a list where a record should be), then the real app, built by make_app, starts on
it and visits Home and every screen that shows records of the kind that was changed.
Derandomized, so every run tries the same files (few: each open takes seconds); the unit
test in tests/unit/test_store_file_checks.py tries many more at store level.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import msgspec
import pytest
from conftest import build_app
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from closeness_tui.models import (
    Answer,
    Break,
    CardPlay,
    CheckIn,
    DailyQuestion,
    ListeningSession,
    Profile,
    Ritual,
    RitualMark,
    Settings,
    Statement,
    Summary,
    Turn,
)
from closeness_tui.registry import screen_class
from closeness_tui.screens.home import HomeScreen
from closeness_tui.screens.listening_setup import ListeningSetupScreen
from closeness_tui.screens.problems import DamagedScreen
from closeness_tui.store import DATA_FILE, Store

NOW = datetime(2026, 11, 21, 19, 30, tzinfo=UTC)
DAY = date(2026, 11, 21)

# The screens that show each kind of record (each is opened from Home and left again).
SHOWN_ON = {
    "rituals": ["rituals", "together", "insights", "journal"],
    "ritual_marks": ["rituals", "insights", "journal"],
    "listening": ["listening", "listening_history", "together", "insights", "journal"],
    "statements": ["istatement", "statement_library", "insights", "journal"],
    "checkins": ["checkins", "weekly", "insights", "journal"],
    "settings": ["settings", "rituals", "weekly", "insights"],
    "daily_questions": ["cards", "journal"],
    "card_plays": ["cards", "insights", "journal"],
    "profiles": ["profile", "journal"],
}


def _records() -> list[Any]:
    ritual = Ritual(name="Walk", start=DAY - timedelta(days=30), weekdays=[5], time_of_day="20:30")
    return [
        Settings(partner_a="Ana", partner_b="Ben"),
        ritual,
        RitualMark(ritual_id=ritual.id, occurrence=DAY - timedelta(days=7)),
        Statement(author=0, created_at=NOW, feeling="lonely", need="time together"),
        CheckIn(
            kind="weekly",
            created_at=NOW - timedelta(days=7),
            answers=[Answer(seat=0, prompt="What went well?", text="the walk", part="went_well")],
            promises=[Answer(seat=1, prompt="ask", text="call at lunch")],
        ),
        ListeningSession(
            started_at=NOW - timedelta(hours=1),
            topic="the holidays",
            names=["Ana", "Ben"],
            turns=[Turn(speaker=0, summaries=[Summary(text="you miss home", rating="got_it")])],
            breaks=[Break(started_at=NOW, return_at=NOW + timedelta(minutes=20), called_by=1)],
            state={"step": "speaking", "turn": 0, "timer": {"planned": 300, "remaining": 12.5}},
        ),
        CardPlay(card_id="c1", deck="light", question="q?", asker=0, played_at=NOW),
        DailyQuestion(day=DAY, card_id="c1", question="q?", answers=["a", ""], first=0),
        Profile(seat=0, saved_at=NOW, love=["time"], joys="walks"),
    ]


HUGE = st.sampled_from([10**6, 2**31, 2**63 - 1, 2**64, 10**30, -(2**63), 1e308, -1e308])
DATES = st.sampled_from(["2026-02-30", "2026-13-01", "0000-01-01", "0001-01-01", "9999-12-31"])
TIMES = st.sampled_from(
    ["2026-11-21T25:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "yesterday"]
)
WRONG_PLACE = st.sampled_from([[], [1], {}, {"x": 1}, "x", None, True, 1.5])

# (table, path to the value inside the first record of that table, what to put there)
CHANGES: list[tuple[str, tuple[Any, ...], st.SearchStrategy[Any]]] = [
    ("rituals", ("weekdays",), st.lists(st.integers(-3, 10) | HUGE, min_size=1, max_size=3)),
    ("rituals", ("month_day",), st.integers(-3, 40) | HUGE),
    ("rituals", ("interval",), st.integers(-2, 3) | HUGE),
    ("rituals", ("duration_minutes",), HUGE),
    ("rituals", ("time_of_day",), st.sampled_from(["24:00", "7:5", "99:99", "20:30:00"])),
    ("rituals", ("start",), DATES),
    ("rituals", ("freq",), st.sampled_from(["daily", "monthly", 3])),
    ("ritual_marks", ("occurrence",), DATES),
    ("listening", ("state", "step"), st.sampled_from(["dancing", "", 4, None])),
    ("listening", ("state", "turn"), st.integers(-3, 9) | HUGE),
    ("listening", ("state", "timer", "remaining"), HUGE | st.just("soon")),
    ("listening", ("turns", 0, "speaker"), st.integers(-3, 9) | st.just("0")),
    ("listening", ("turn_seconds",), HUGE | st.integers(-1, 1)),
    ("listening", ("rounds",), HUGE),
    ("listening", ("started_at",), TIMES),
    ("listening", ("breaks", 0, "return_at"), TIMES),
    ("listening", ("turns",), WRONG_PLACE),
    ("statements", ("author",), st.integers(-3, 9) | HUGE),
    ("statements", ("created_at",), TIMES),
    ("checkins", ("kind",), st.sampled_from(["monthly", "", 0])),
    ("checkins", ("answers",), WRONG_PLACE),
    ("checkins", ("answers", 0, "seat"), st.integers(-5, 5)),
    ("checkins", ("promise_review",), st.just({"0": "maybe"}) | st.just({"9": "kept"})),
    ("settings", ("week_starts_on",), st.integers(-2, 9)),
    ("settings", ("weekly_target_minutes",), HUGE),
    ("daily_questions", ("first",), st.integers(-3, 5)),
    ("daily_questions", ("answers",), st.just(["a"]) | st.just(["a", "b", "c"])),
    ("profiles", ("seat",), st.integers(-3, 5)),
    ("card_plays", ("notes",), st.just([]) | st.just(["x"])),
]


def _write_file(directory: Path, table: str, path: tuple[Any, ...], value: Any) -> bytes:
    with Store.open(directory) as store:
        store.put_many(_records())
    doc = msgspec.json.decode((directory / DATA_FILE).read_bytes())
    target = next(iter(doc[table].values()))
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    raw = msgspec.json.encode(doc)
    (directory / DATA_FILE).write_bytes(raw)
    return raw


async def _open_and_visit(directory: Path, raw: bytes, screens: list[str]) -> str:
    app = build_app(directory)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        if isinstance(app.screen, DamagedScreen):
            assert (directory / DATA_FILE).read_bytes() == raw  # refused, left as it was
            return "refused"
        assert isinstance(app.screen, HomeScreen)
        for name in screens:
            await app.push_screen(screen_class(name)())
            await pilot.pause()
            app.go_home()
            await pilot.pause()
        if "listening" in screens and app.store is not None:
            # Carry the unfinished session on: its step's screen, from the saved position.
            (session,) = app.store.all(ListeningSession)
            await app.push_screen(ListeningSetupScreen(resume=session))
            await pilot.pause()
            await pilot.pause()
            assert not isinstance(app.screen, (HomeScreen, ListeningSetupScreen))
            app.go_home()
            await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    return "opened"


@settings(
    max_examples=6,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(choice=st.integers(0, len(CHANGES) - 1), data=st.data())
def test_any_value_is_refused_or_every_screen_opens(
    tmp_path_factory: pytest.TempPathFactory, choice: int, data: st.DataObject
) -> None:
    table, path, values = CHANGES[choice]
    directory = tmp_path_factory.mktemp("any")
    raw = _write_file(directory, table, path, data.draw(values))
    # An exception in the app fails the test (run_test raises it).
    event(asyncio.run(_open_and_visit(directory, raw, SHOWN_ON[table])))
