"""Smaller promises of the listening session: the bell (only when wanted), a custom turn
length (1-30 minutes, kindly refused otherwise), quitting mid-summary keeps the words, an
unfinished session can be set aside, and the list is newest first."""

from __future__ import annotations

from conftest import build_app, seed_names
from listening_helpers import kept_words, tick
from textual.widgets import Digits, Input, Static, TextArea

from closeness_tui.models import ListeningSession
from closeness_tui.screens.listening_setup import ListeningSetupScreen
from closeness_tui.screens.listening_turn import TurnScreen
from closeness_tui.screens.long_list import LongList
from closeness_tui.store import Store


def stored(data_dir) -> list[ListeningSession]:
    with Store.open(data_dir, read_only=True) as store:
        return store.all(ListeningSession)


async def open_setup(pilot) -> ListeningSetupScreen:
    await pilot.pause()
    await pilot.press("l")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ListeningSetupScreen)
    screen.query_one("#readiness").value = False
    return screen


async def run_to_zero(app, pilot, clock, bell_setting: bool) -> int:
    rang = []
    app.bell = lambda: rang.append(1)
    app.settings.bell = bell_setting
    screen = await open_setup(pilot)
    screen.query_one("#min-2").value = True
    await pilot.press("ctrl+s")
    await pilot.pause()
    clock.advance(119)
    await tick(pilot)
    assert rang == []
    clock.advance(2)
    await tick(pilot)
    clock.advance(5)
    await tick(pilot)
    assert isinstance(app.screen, TurnScreen)  # never cut off
    return len(rang)


async def test_bell_rings_once_at_zero_only_when_wanted(data_dir, clock):
    seed_names(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        assert await run_to_zero(app, pilot, clock, bell_setting=True) == 1
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        await pilot.click("#yes")  # start a new one; the first is set aside
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert await run_to_zero(app, pilot, clock, bell_setting=False) == 0
    statuses = sorted(s.status for s in stored(data_dir))
    assert statuses == ["active", "stopped"]


async def test_custom_turn_length(data_dir, clock):
    seed_names(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_setup(pilot)
        screen.query_one("#min-other").value = True
        await pilot.pause()
        custom = screen.query_one("#custom", Input)
        assert custom.has_focus
        for bad in ("", "0", "31"):
            custom.value = bad
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is screen
            assert "1 to 30" in screen.query_one("#custom-error", Static).visual.plain
        custom.value = "7"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.query_one("#clock", Digits).value == "7:00"
    (session,) = stored(data_dir)
    assert session.turn_seconds == 420 and session.turns[0].planned_seconds == 420


async def test_quitting_mid_summary_keeps_the_words(data_dir, clock):
    seed_names(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_setup(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        clock.advance(30)
        await pilot.press("enter")
        await pilot.pause()
        area = app.screen.query_one("#text", TextArea)
        area.text = "What I heard is [almost] everything 🌧"
        await pilot.press("ctrl+q")  # at once, before the debounced save
        await pilot.pause()
    (session,) = stored(data_dir)
    assert kept_words(data_dir, f"listening:{session.id}:summary") == [
        "What I heard is [almost] everything 🌧"
    ]
    assert session.state["step"] == "summary"


async def test_history_is_newest_first(data_dir, clock):
    seed_names(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        for topic in ("first", "second"):
            screen = await open_setup(pilot)
            screen.query_one("#topic", Input).value = topic
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            await pilot.click("#yes")  # leave for now
            await pilot.pause()
            clock.advance(3600)
            if topic == "first":
                await pilot.press("l")
                await pilot.pause()
                await pilot.click("#yes")  # start a new one
                await pilot.pause()
                await pilot.press("escape")
                await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("escape")  # in the offer, escape means "carry on"
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        app.open_screen("listening_history")
        await pilot.pause()
        options = app.screen.query_one("#sessions", LongList)
        lines = [options.row_content(i).plain for i in range(2)]
        assert "second" in lines[0] and "not finished" in lines[0]
        assert "first" in lines[1] and "set aside" in lines[1]
