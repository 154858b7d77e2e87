"""Listening a tense couple can trust (issue 12), with the fake clock: a double Enter never
ends a turn, an early end asks, help pauses the speaker's clock, Stop turns keeps an unsent
summary, the closing lines survive ctrl+q, Enter in the topic box moves on, breaks accept a
time of day and show long waits in hours, the agreed break signal is shown."""

from __future__ import annotations

import pytest
from conftest import build_app, notices, seed_names
from listening_helpers import kept_words, tick
from textual.widgets import Digits, Input, Static, TextArea

from closeness_tui.models import ListeningSession
from closeness_tui.screens.dialogs import ConfirmDialog
from closeness_tui.screens.listening_break import BreakScreen
from closeness_tui.screens.listening_close import ClosingScreen
from closeness_tui.screens.listening_setup import ListeningSetupScreen
from closeness_tui.screens.listening_summary import SummaryScreen
from closeness_tui.screens.listening_swap import SwapScreen
from closeness_tui.screens.listening_turn import TurnScreen
from closeness_tui.store import Store


def stored(data_dir) -> ListeningSession:
    with Store.open(data_dir, read_only=True) as store:
        (session,) = store.all(ListeningSession)
    return session


def plain(screen, selector: str) -> str:
    return screen.query_one(selector, Static).visual.plain


async def begin(pilot, *, rounds: int = 1, mirroring: bool = False, signal: str = "") -> None:
    await pilot.pause()
    await pilot.press("l")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ListeningSetupScreen)
    screen.query_one(f"#rounds-{rounds}").value = True
    screen.query_one("#readiness").value = False
    screen.query_one("#mirroring").value = mirroring
    screen.query_one("#break-signal", Input).value = signal
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, TurnScreen)


async def summarise(pilot, clock, text: str = "What I heard is you") -> None:
    pilot.app.screen.query_one("#text", TextArea).text = text
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()
    clock.advance(1)
    await pilot.press("g")
    await pilot.pause()


async def test_a_double_enter_on_the_swap_starts_the_turn_and_never_ends_it(data_dir, clock):
    seed_names(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await begin(pilot, rounds=2)
        clock.advance(60)
        await pilot.press("enter")
        await pilot.pause()
        await summarise(pilot, clock)
        assert isinstance(app.screen, SwapScreen)
        clock.advance(2)
        await pilot.press("enter", "enter")  # a double press (a bounce, a repeat)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TurnScreen) and screen.m.turn_index == 1
        # A deliberate Enter a moment later, in the turn's first seconds: it asks first.
        clock.advance(1)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "only 1 seconds" in app.screen.message.plain
        await pilot.press("escape")  # keep going
        await pilot.pause()
        assert app.screen is screen and screen.m.step == "speaking"
    session = stored(data_dir)
    assert len(session.turns) == 2 and session.turns[1].actual_seconds == 0


async def test_help_over_the_turn_stops_the_speakers_clock_and_it_resumes_after(data_dir, clock):
    seed_names(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await begin(pilot)
        turn = app.screen
        clock.advance(10)
        await tick(pilot)
        assert turn.query_one("#clock", Digits).value == "4:50"
        await pilot.press("f1")
        await pilot.pause()
        assert app.screen is not turn
        clock.advance(600)  # ten minutes reading help
        await pilot.pause()
    # Saved exactly at the moment help covered the turn (no 15-second checkpoint drift).
    assert stored(data_dir).state["timer"]["remaining"] == pytest.approx(290)
    app2 = build_app(data_dir, clock)
    async with app2.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("enter")  # carry on
        await pilot.pause()
        assert app2.screen.query_one("#clock", Digits).value == "4:50"


async def test_help_and_back_resumes_the_same_turn_without_counting(data_dir, clock):
    seed_names(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await begin(pilot)
        turn = app.screen
        clock.advance(20)
        await pilot.press("f1")
        await pilot.pause()
        clock.advance(300)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is turn
        clock.advance(5)
        await tick(pilot)
        assert turn.query_one("#clock", Digits).value == "4:35"
        assert turn.m.timer.running and turn.m.turn.pauses == 0


async def test_stop_turns_keeps_the_unsent_summary_and_says_so(data_dir, clock):
    seed_names(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await begin(pilot, rounds=2)
        clock.advance(60)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        app.screen.query_one("#text", TextArea).text = "What I heard is you [need] rest"
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "not sent" in app.screen.message.plain
        app.screen.query_one("#yes").press()
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ClosingScreen)
        assert any("marked as not sent" in n.message for n in notices(app))
    (summary,) = stored(data_dir).turns[0].summaries
    assert summary.unsent and summary.text == "What I heard is you [need] rest"
    assert kept_words(data_dir, "listening:") == []


async def test_closing_lines_survive_ctrl_q_and_come_back(data_dir, clock):
    seed_names(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await begin(pilot)
        for _ in range(2):  # one round: a turn each
            clock.advance(60)
            await pilot.press("enter")
            await pilot.pause()
            await summarise(pilot, clock)
            if isinstance(app.screen, SwapScreen):
                clock.advance(1)
                await pilot.press("enter")
                await pilot.pause()
        assert isinstance(app.screen, ClosingScreen)
        app.screen.query_one("#line-0", Input).value = "Thank you for [listening] 🌙"
        await pilot.press("ctrl+q")
        await pilot.pause()
    app2 = build_app(data_dir, clock)
    async with app2.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("enter")  # carry on
        await pilot.pause()
        assert isinstance(app2.screen, ClosingScreen)
        assert app2.screen.query_one("#line-0", Input).value == "Thank you for [listening] 🌙"
        await pilot.press("ctrl+s")
        await pilot.pause()
    session = stored(data_dir)
    assert session.status == "done" and session.closing[0] == "Thank you for [listening] 🌙"
    assert kept_words(data_dir, "listening:") == []


async def test_a_second_summary_starts_from_the_first(data_dir, clock):
    seed_names(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await begin(pilot)
        clock.advance(60)
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#text", TextArea).text = "What I heard is Sundays"
        await pilot.press("ctrl+s")
        await pilot.pause()
        clock.advance(1)
        await pilot.press("n")
        await pilot.pause()
        assert "Not quite is part of listening" in plain(app.screen, "#gentle")
        clock.advance(20)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert app.screen.query_one("#text", TextArea).text == "What I heard is Sundays"


async def test_enter_in_the_topic_box_moves_on_instead_of_starting(data_dir, clock):
    seed_names(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("l")
        await pilot.pause()
        await pilot.press(*"chores", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ListeningSetupScreen)
        assert app.screen.query_one("#first").has_focus
    with Store.open(data_dir, read_only=True) as store:
        assert store.all(ListeningSession) == []


async def test_a_corrected_custom_length_clears_its_error(data_dir, clock):
    seed_names(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("l")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#min-other").value = True
        await pilot.pause()
        screen.query_one("#custom", Input).value = "99"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.query_one("#custom-error").display
        screen.query_one("#custom", Input).value = "12"
        await pilot.pause()
        assert not screen.query_one("#custom-error").display


async def test_break_until_a_time_of_day_in_hours_with_the_agreed_signal(data_dir, clock):
    seed_names(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await begin(pilot, signal="time out 🙏")
        await pilot.press("ctrl+t")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BreakScreen)
        assert "time out 🙏" in plain(screen, "#break-signal")
        now = clock.now()
        box = screen.query_one("#break-minutes", Input)
        box.value = "tomorrow " + (now.replace(hour=(now.hour + 23) % 24)).strftime("%H:%M")
        await pilot.pause()
        await tick(pilot)
        shown = screen.query_one("#break-clock", Digits).value
        assert shown.count(":") == 2 and int(shown.split(":")[0]) >= 22  # hours, not 1439:..
        assert plain(screen, "#minutes-note") == ""
        box.value = "soon"
        await pilot.pause()
        assert "19:30" in plain(screen, "#minutes-note")
        await pilot.press("escape")  # come back later
        await pilot.pause()
        assert "on a break until" in plain(app.screen, "#listening-waiting")
