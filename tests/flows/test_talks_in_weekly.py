"""The talks after a listening session meet the rest of the app: the weekly check-in looks
back on what each said they would do differently after a fight, and reaches "Solve it
together" from its issue; a listening session where both felt understood offers it; the
note about a topic that keeps coming back can be hidden."""

from __future__ import annotations

from datetime import datetime, timedelta

from conftest import build_app, seed_names
from test_weekly_flow import _next, _open_weekly, _title
from textual.widgets import Input, OptionList, Static

from closeness_tui.models import (
    AfterFight,
    CheckIn,
    ListeningSession,
    PatternNote,
    Side,
    Summary,
    Turn,
)
from closeness_tui.screens.dialogs import ConfirmDialog
from closeness_tui.screens.solve_offer import offer_after_listening
from closeness_tui.screens.solve_start import SolveStartScreen
from closeness_tui.screens.together import TogetherScreen
from closeness_tui.store import Store

HOSTILE = "[/] 😢 שלום [b]"


async def test_weekly_looks_back_on_what_each_will_do_differently(data_dir, clock):
    seed_names(data_dir)
    with Store.open(data_dir) as store:
        store.put(
            AfterFight(
                id="f1",
                started_at=clock.now() - timedelta(days=2),
                finished_at=clock.now() - timedelta(days=2),
                names=["Ana", "Ben"],
                status="done",
                sides=[Side(differently=HOSTILE), Side(differently="Text when I am late.")],
            )
        )
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await _open_weekly(pilot)
        assert "Last week's promises" in _title(screen)
        promises = screen.query_one("#promises", OptionList)
        assert promises.option_count == 2
        assert HOSTILE in promises.get_option_at_index(0).prompt.plain
        await pilot.press("k", "down", "n")
        await pilot.pause()
        await _next(pilot)
        assert "Appreciations" in _title(screen)
    with Store.open(data_dir, read_only=True) as store:
        (checkin,) = store.all(CheckIn)
    assert checkin.promise_review == {"fight:f1:0": "kept", "fight:f1:1": "not_yet"}


async def test_weekly_issue_opens_solve_it_together_with_the_issue(named_app):
    async with named_app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await _open_weekly(pilot)
        await _next(pilot, 2)
        assert "One issue" in _title(screen)
        screen.query_one("#issue-topic", Input).value = "Evenings [& phones]"
        await pilot.click("#solve")
        await pilot.pause()
        solve = named_app.screen
        assert isinstance(solve, SolveStartScreen)
        assert solve.topic == "Evenings [& phones]" and solve.checkin_id is not None
        assert "Evenings [& phones]" in solve.query_one("#solve-topic", Static).visual.plain


def _listened(first: str, second: str) -> ListeningSession:
    return ListeningSession(
        started_at=datetime(2026, 11, 21, 19).astimezone(),
        topic="money",
        status="done",
        turns=[
            Turn(speaker=0, summaries=[Summary(text="x", rating=first)]),
            Turn(speaker=1, summaries=[Summary(text="y", rating=second)]),
        ],
    )


async def test_a_listening_session_where_both_felt_understood_offers_solving(named_app):
    async with named_app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        offer_after_listening(named_app, _listened("got_it", "partly"))
        await pilot.pause()
        assert not isinstance(named_app.screen, ConfirmDialog)  # not both understood
        session = _listened("got_it", "got_it")
        offer_after_listening(named_app, session)
        await pilot.pause()
        assert isinstance(named_app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await pilot.pause()
        solve = named_app.screen
        assert isinstance(solve, SolveStartScreen)
        assert (solve.topic, solve.listening_id) == ("money", session.id)


async def test_the_pattern_note_can_be_hidden_for_good(data_dir, clock):
    seed_names(data_dir)
    with Store.open(data_dir) as store:
        for days in (1, 8, 30):
            store.put(AfterFight(started_at=clock.now() - timedelta(days=days), topic="money"))
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, TogetherScreen)
        note = app.screen.query_one("#together-pattern", Static)
        assert note.display and "couples therapist" in note.visual.plain
        await pilot.press("x")
        await pilot.pause()
        assert not note.display
    with Store.open(data_dir, read_only=True) as store:
        assert [n.topic for n in store.all(PatternNote)] == ["money"]
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert not app.screen.query_one("#together-pattern", Static).display
