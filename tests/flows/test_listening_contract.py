"""The contract other features rely on: start_listening(app, topic=, speaker_note=, on_done=)
pushes the set-up screen pre-filled, and when the session is done (or left) every session
screen is popped back to the caller and on_done gets the session id (or None)."""

from __future__ import annotations

from conftest import build_app, seed_names
from listening_helpers import decline_solve_offer
from textual.app import ComposeResult
from textual.widgets import Input, Select, Static, TextArea

from closeness_tui.models import ListeningSession
from closeness_tui.screens.base import ClosenessScreen
from closeness_tui.screens.dialogs import ConfirmDialog
from closeness_tui.screens.listening_setup import ListeningSetupScreen, start_listening
from closeness_tui.store import Store


class CallerScreen(ClosenessScreen):
    def compose(self) -> ComposeResult:
        yield Static("the weekly check-in", id="caller")


async def test_start_listening_returns_to_the_caller_with_the_session_id(data_dir, clock):
    seed_names(data_dir)
    app = build_app(data_dir, clock)
    results: list[str | None] = []
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        caller = CallerScreen()
        await app.push_screen(caller)
        start_listening(
            app,
            topic="Who does the dishes [sometimes]",
            speaker_note="I feel stretched thin; I need help in the evenings.",
            on_done=results.append,
        )
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ListeningSetupScreen)
        assert screen.query_one("#topic", Input).value == "Who does the dishes [sometimes]"
        assert screen.query_one("#speaker-note", Select).value.startswith("I feel stretched thin")
        screen.query_one("#readiness").value = False
        screen.query_one("#mirroring").value = False
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "I feel stretched thin" in app.screen.query_one("#note", Static).visual.plain
        for _ in range(2):
            clock.advance(60)
            await pilot.press("enter")
            await pilot.pause()
            app.screen.query_one("#text", TextArea).text = "What I heard is that"
            await pilot.press("ctrl+s")
            await pilot.pause()
            clock.advance(1)  # a floor key counts once its step has settled
            await pilot.press("g")
            await pilot.pause()
            if app.screen.query("#swap-body"):
                clock.advance(1)  # a floor key counts once its step has settled
                await pilot.press("enter")
                await pilot.pause()
        await pilot.press("ctrl+s")  # closing lines left empty
        await pilot.pause()
        await decline_solve_offer(pilot)
        assert app.screen is caller
    with Store.open(data_dir, read_only=True) as store:
        (session,) = store.all(ListeningSession)
    assert results == [session.id]
    assert session.status == "done"
    assert session.topic == "Who does the dishes [sometimes]"
    assert session.speaker_note == "I feel stretched thin; I need help in the evenings."


async def test_leaving_returns_to_the_caller_with_none(data_dir, clock):
    seed_names(data_dir)
    app = build_app(data_dir, clock)
    results: list[str | None] = []
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        caller = CallerScreen()
        await app.push_screen(caller)
        # Abandoned at set-up: nothing saved.
        start_listening(app, on_done=results.append)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is caller and results == [None]
        # Left mid-session: saved, resumable, on_done(None).
        start_listening(app, topic="x", on_done=results.append)
        await pilot.pause()
        app.screen.query_one("#readiness").value = False
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await pilot.pause()
        assert app.screen is caller and results == [None, None]
    with Store.open(data_dir, read_only=True) as store:
        (session,) = store.all(ListeningSession)
    assert session.status == "active" and session.state["step"] == "speaking"
