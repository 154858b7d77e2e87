"""A whole two-round listening session at one keyboard, with a fake clock: a Not quite loop,
a pause, an added minute, a break and its resume after restarting the app on the same data.
Everything is checked against the record reopened from disk."""

from __future__ import annotations

import pytest
from conftest import build_app, seed_names
from listening_helpers import decline_solve_offer, tick
from textual.widgets import Digits, Input, RadioSet, Static, TextArea

from closeness_tui.models import ListeningSession
from closeness_tui.screens.dialogs import ConfirmDialog
from closeness_tui.screens.home import HomeScreen
from closeness_tui.screens.listening_break import BreakScreen
from closeness_tui.screens.listening_close import ClosingScreen
from closeness_tui.screens.listening_more import MoreScreen
from closeness_tui.screens.listening_rating import RatingScreen
from closeness_tui.screens.listening_reflect import ReflectScreen
from closeness_tui.screens.listening_setup import ListeningSetupScreen
from closeness_tui.screens.listening_summary import SummaryScreen
from closeness_tui.screens.listening_swap import SwapScreen
from closeness_tui.screens.listening_turn import TurnScreen
from closeness_tui.store import Store


def saved(data_dir) -> ListeningSession:
    with Store.open(data_dir, read_only=True) as store:
        (session,) = store.all(ListeningSession)
    return session


def plain(screen, selector: str) -> str:
    return screen.query_one(selector, Static).visual.plain


async def type_summary(pilot, text: str) -> None:
    area = pilot.app.screen.query_one("#text", TextArea)
    area.text = text
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()


async def open_setup(pilot, offer: bool = False) -> None:
    await pilot.pause()
    assert isinstance(pilot.app.screen, HomeScreen)
    await pilot.press("l")
    await pilot.pause()
    expected = ConfirmDialog if offer else ListeningSetupScreen
    assert isinstance(pilot.app.screen, expected)


async def choose(pilot, set_id: str, button_id: str) -> None:
    screen = pilot.app.screen
    screen.query_one(f"#{button_id}").value = True
    await pilot.pause()
    assert screen.query_one(f"#{set_id}", RadioSet).pressed_button.id == button_id


async def test_two_round_session_with_loop_pause_minute_break_and_restart(data_dir, clock):
    seed_names(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_setup(pilot)
        app.screen.query_one("#topic", Input).value = "Weekends [and] 🌙 chores"
        await choose(pilot, "first", "first-1")  # Ben speaks first
        await choose(pilot, "minutes", "min-2")
        await choose(pilot, "rounds", "rounds-2")
        await pilot.press("ctrl+s")
        await pilot.pause()
        # Readiness: say not hungry etc., begin.
        assert "good time" in plain(app.screen, "#step-title")
        app.screen.query_one("#tired").value = True
        await pilot.pause()
        assert "Perhaps" in plain(app.screen, "#halt-note")
        await pilot.press("ctrl+s")
        await pilot.pause()

        # Ben's turn: names on screen, a pause, an added minute, overtime, never cut off.
        screen = app.screen
        assert isinstance(screen, TurnScreen)
        assert "Ben speaks" in plain(screen, "#banner") and "Ana listens" in plain(
            screen, "#banner"
        )
        assert screen.query_one("#clock", Digits).value == "2:00"
        clock.advance(30)
        await tick(pilot)
        assert screen.query_one("#clock", Digits).value == "1:30"
        await pilot.press("space")  # pause
        clock.advance(600)
        await tick(pilot)
        assert screen.query_one("#clock", Digits).value == "1:30"
        assert "Paused" in plain(screen, "#status")
        await pilot.press("space")  # go on
        await pilot.press("m")  # one more minute
        await tick(pilot)
        assert screen.query_one("#clock", Digits).value == "2:30"
        clock.advance(130)
        await tick(pilot)
        assert "Less than 30 seconds" in plain(screen, "#status")
        clock.advance(25)
        await tick(pilot)
        assert screen.query_one("#clock", Digits).value == "+0:05"
        assert "finish your sentence" in plain(screen, "#status")
        assert isinstance(app.screen, TurnScreen)  # still waiting for Ben
        await pilot.press("enter")
        await pilot.pause()

        # Ana summarises; Ben says Not quite; Ben clarifies; Ana tries again; Got it.
        assert isinstance(app.screen, SummaryScreen)
        assert "Ana, what did you hear Ben say?" in plain(app.screen, "#step-title")
        await type_summary(pilot, "What I heard is you want [quiet] Sundays")
        assert isinstance(app.screen, RatingScreen)
        assert "Ben, did Ana get it?" in plain(app.screen, "#step-title")
        clock.advance(1)  # a floor key counts once its step has settled
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, TurnScreen) and app.screen.m.step == "clarify"
        clock.advance(40)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "try again" in plain(app.screen, "#step-title")
        await type_summary(pilot, "What I heard is Saturdays too")
        clock.advance(1)  # a floor key counts once its step has settled
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, MoreScreen)
        clock.advance(1)  # a floor key counts once its step has settled
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ReflectScreen)
        await type_summary(pilot, "That makes sense to me because you work all week")
        assert isinstance(app.screen, ReflectScreen) and app.screen.m.step == "empathy"
        await pilot.press("ctrl+l")  # skip the empathy guess
        await pilot.pause()
        assert isinstance(app.screen, SwapScreen)
        assert "Ana has the floor" in plain(app.screen, "#swap-body")
        clock.advance(1)  # a floor key counts once its step has settled
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TurnScreen)
        assert "Ana speaks" in plain(app.screen, "#banner")

        # A break in the middle of Ana's turn; then the app closes.
        clock.advance(50)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, BreakScreen)
        assert app.screen.query_one("#break-clock", Digits).value == "20:00"
        clock.advance(60)
        await tick(pilot)
        assert app.screen.query_one("#break-clock", Digits).value == "19:00"

    record = saved(data_dir)
    assert record.status == "on_break"
    assert record.state["step"] == "break" and record.state["resume_step"] == "speaking"
    assert record.state["timer"]["remaining"] == pytest.approx(70)
    first = record.turns[0]
    assert (first.speaker, first.pauses, first.added_seconds) == (1, 1, 60)
    assert first.planned_seconds == 120 and first.actual_seconds == pytest.approx(185)
    assert [(s.text, s.rating, s.kind) for s in first.summaries] == [
        ("What I heard is you want [quiet] Sundays", "not_quite", "summary"),
        ("What I heard is Saturdays too", "got_it", "again"),
    ]
    assert first.summaries[0].clarification_seconds == pytest.approx(40)
    assert first.validation == "That makes sense to me because you work all week"
    assert first.empathy == "" and first.more_answer == "no"
    assert record.readiness["tired"] and record.readiness["good_time"]
    assert record.topic == "Weekends [and] 🌙 chores"

    # Restart on the same data: Home offers to carry on, exactly where it stopped.
    clock.advance(1200)
    app2 = build_app(data_dir, clock)
    async with app2.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert "waiting" in plain(app2.screen, "#listening-waiting")
        await open_setup(pilot, offer=True)
        await pilot.press("enter")  # "Carry on" is focused
        await pilot.pause()
        assert isinstance(app2.screen, BreakScreen)
        assert "time to come back" in plain(app2.screen, "#return-at")
        await pilot.press("ctrl+r")
        await pilot.pause()
        screen = app2.screen
        assert isinstance(screen, TurnScreen)
        assert "Ana speaks" in plain(screen, "#banner")
        assert screen.query_one("#clock", Digits).value == "1:10"
        assert "Paused" in plain(screen, "#status")
        await pilot.press("space")
        clock.advance(70)
        await tick(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await type_summary(pilot, "What I heard is you feel tired")
        clock.advance(1)  # a floor key counts once its step has settled
        await pilot.press("g")
        await pilot.pause()
        clock.advance(1)  # a floor key counts once its step has settled
        await pilot.press("y")  # there is more
        await pilot.pause()
        assert isinstance(app2.screen, TurnScreen) and app2.screen.m.phase == "more"
        clock.advance(20)
        await pilot.press("enter")
        await pilot.pause()
        assert "what more" in plain(app2.screen, "#step-title")
        await type_summary(pilot, "And you miss walks")
        clock.advance(1)  # a floor key counts once its step has settled
        await pilot.press("g")
        await pilot.pause()
        clock.advance(1)  # a floor key counts once its step has settled
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        await type_summary(pilot, "I imagine you feel lonely")
        # Round 2: two more quick turns.
        for _ in range(2):
            assert isinstance(app2.screen, SwapScreen)
            clock.advance(1)  # a floor key counts once its step has settled
            await pilot.press("enter")
            await pilot.pause()
            clock.advance(60)
            await pilot.press("enter")
            await pilot.pause()
            await type_summary(pilot, "What I heard is round two")
            clock.advance(1)  # a floor key counts once its step has settled
            await pilot.press("g")
            await pilot.pause()
            clock.advance(1)
            await pilot.press("n")
            await pilot.press("ctrl+l")
            await pilot.pause()
            await pilot.press("ctrl+l")
            await pilot.pause()
        assert isinstance(app2.screen, ClosingScreen)
        app2.screen.query_one("#line-0", Input).value = "Thank you for listening"
        app2.screen.query_one("#line-1", Input).value = "I learned how tired you are"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await decline_solve_offer(pilot)
        assert isinstance(app2.screen, HomeScreen)
        assert not app2.screen.query_one("#listening-waiting").display
        # Read it back: the loop, the extra part and the break are all there.
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        shown = "\n".join(w.visual.plain for w in app2.screen.query(Static))
        assert "Round 1: Ben spoke, Ana listened" in shown
        assert "Planned 2:00, spoke 3:05 (+1:00 added). Pauses: 1." in shown
        assert "Ana's summary, after Ben clarified" in shown
        assert "then Ben clarified for 0:40" in shown
        assert "Ben's summary of what else Ana said" in shown
        assert "Sat 19:44: a break, planned until 20:04, back at 20:05" in shown
        assert "Thank you for listening" in shown

    record = saved(data_dir)
    assert record.status == "done" and record.state["step"] == "done"
    assert [t.speaker for t in record.turns] == [1, 0, 1, 0]
    assert [t.round for t in record.turns] == [1, 1, 2, 2]
    second = record.turns[1]
    assert second.actual_seconds == pytest.approx(120) and second.more_answer == "yes"
    assert second.more_seconds == pytest.approx(20)
    assert [s.kind for s in second.summaries] == ["summary", "more"]
    assert second.empathy == "I imagine you feel lonely"
    (brk,) = record.breaks
    assert (brk.return_at - brk.started_at).total_seconds() == 1200
    assert brk.ended_at is not None
    assert record.closing == ["Thank you for listening", "I learned how tired you are"]
