"""Random sequences of the listening session's and the weekly's own keys, typed text and time
passing, checked after every step: no exception, every confirmed record is in the file as
reopened, no turn ended within its first second, and the speaker's clock never counts while
something covers the turn. Examples are few (each starts the app); they run in seconds."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from pathlib import Path

from conftest import build_app, seed_names
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from closeness_tui.clock import FakeClock
from closeness_tui.models import CheckIn, ListeningSession
from closeness_tui.screens.listening_turn import TurnScreen
from closeness_tui.screens.weekly import WeeklyScreen
from closeness_tui.store import Store

# No tab: a dialog can then only be answered by its focused, careful choice (enter) or
# escape, so any turn that ends must have ended by the rules alone.
LISTENING_KEYS = [
    "enter",
    "space",
    "m",
    "g",
    "p",
    "n",
    "o",
    "y",
    "b",
    "ctrl+s",
    "ctrl+t",
    "ctrl+r",
    "ctrl+l",
    "ctrl+n",
    "ctrl+f",
    "f1",
    "escape",
    "l",
]
WEEKLY_KEYS = ["ctrl+s", "ctrl+b", "k", "p", "n", "up", "down", "enter", "f1", "escape"]
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("[]/@🌧"),
    max_size=12,
)


def steps(keys: list[str]) -> st.SearchStrategy:
    step = st.one_of(
        st.sampled_from(keys).map(lambda k: ("key", k)),
        TEXT.map(lambda t: ("type", t)),
        st.sampled_from([0.2, 1.0, 7.0, 90.0]).map(lambda s: ("wait", s)),
    )
    return st.lists(step, min_size=6, max_size=30)


def on_disk(data_dir: Path, kind: type):
    with Store.open(data_dir, read_only=True) as store:
        return {r.id: r for r in store.all(kind)}


def flow_machine(app):
    for screen in reversed(app.screen_stack):
        flow = getattr(screen, "flow", None)
        if flow is not None:
            return flow.machine
    return None


async def run_listening(plan) -> None:
    data_dir = Path(tempfile.mkdtemp()) / "data"
    clock = FakeClock()
    try:
        seed_names(data_dir)
        app = build_app(data_dir, clock)
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await pilot.press("l")
            await pilot.pause()
            if app.screen.query("#readiness"):
                app.screen.query_one("#readiness").value = False
            await pilot.press("ctrl+s")
            await pilot.pause()
            for kind, value in plan:
                m = flow_machine(app)
                covered = (
                    m is not None
                    and m.step in ("speaking", "clarify")
                    and not isinstance(app.screen, TurnScreen)
                )
                before = m.remaining() if covered and m.timer else None
                if kind == "key":
                    await pilot.press(value)
                elif kind == "type":
                    await pilot.press(*[c for c in value if c.isprintable()] or ["space"])
                else:
                    clock.advance(value)
                await pilot.pause()
                m = flow_machine(app) or m
                if before is not None and kind == "wait" and m is not None and m.timer:
                    assert m.remaining() == before, "the clock counted while covered"
                if m is None:
                    continue
                saved = on_disk(data_dir, ListeningSession).get(m.session.id)
                if saved is None:
                    continue
                here = m.session
                assert [len(t.summaries) for t in saved.turns] == [
                    len(t.summaries) for t in here.turns
                ]
                step, resume = saved.state.get("step"), saved.state.get("resume_step")
                speaking = step == "speaking" or (step == "break" and resume == "speaking")
                for turn in saved.turns[:-1] if speaking else saved.turns:
                    assert turn.actual_seconds >= 1.0, "a turn ended within its first second"
    finally:
        shutil.rmtree(data_dir.parent, ignore_errors=True)


async def run_weekly(plan) -> None:
    data_dir = Path(tempfile.mkdtemp()) / "data"
    clock = FakeClock()
    try:
        seed_names(data_dir)
        app = build_app(data_dir, clock)
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await pilot.press("c", "w")
            await pilot.pause()
            for kind, value in plan:
                if kind == "key":
                    await pilot.press(value)
                elif kind == "type":
                    await pilot.press(*[c for c in value if c.isprintable()] or ["space"])
                else:
                    clock.advance(value)
                await pilot.pause()
                weekly = next((s for s in app.screen_stack if isinstance(s, WeeklyScreen)), None)
                if weekly is None or weekly.checkin is None:
                    continue
                saved = on_disk(data_dir, CheckIn).get(weekly.checkin.id)
                if saved is not None and weekly.checkin.status == saved.status:
                    assert saved.answers == weekly.checkin.answers
                    assert saved.promises == weekly.checkin.promises
    finally:
        shutil.rmtree(data_dir.parent, ignore_errors=True)


FEW = settings(
    max_examples=3,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@FEW
@given(steps(LISTENING_KEYS))
def test_random_keys_in_a_listening_session(plan):
    asyncio.run(run_listening(plan))


@FEW
@given(steps(WEEKLY_KEYS))
def test_random_keys_in_the_weekly(plan):
    asyncio.run(run_weekly(plan))
