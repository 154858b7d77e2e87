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


async def test_insights_count_the_talks_since_the_first(data_dir, clock):
    from datetime import date

    from closeness_tui.models import Solution, Try
    from closeness_tui.screens.insights import InsightsScreen

    seed_names(data_dir)
    day = clock.today()
    with Store.open(data_dir) as store:
        for days in (2, 9):
            at = clock.now() - timedelta(days=days)
            store.put(AfterFight(started_at=at, finished_at=at, status="done"))
        store.put(AfterFight(started_at=clock.now(), status="active"))  # not finished
        store.put(
            Solution(
                started_at=clock.now() - timedelta(days=20),
                status="kept",
                tries=[
                    Try(
                        option=0,
                        started_on=date(2026, 11, 1),
                        review_on=date(2026, 11, 8),
                        outcome="another",
                    ),
                    Try(
                        option=1,
                        started_on=date(2026, 11, 8),
                        review_on=date(2026, 11, 15),
                        outcome="keep",
                    ),
                    Try(option=1, started_on=day, review_on=day),  # chosen, not begun
                ],
            )
        )
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("j")  # Insights are reached from the journal
        await pilot.pause(0.2)
        await pilot.press("i")
        for _ in range(100):
            await app.workers.wait_for_complete()
            await pilot.pause(0.02)
            if app.screen.query("#talks-value"):
                break
        screen = app.screen
        assert isinstance(screen, InsightsScreen)
        value = screen.query_one("#talks-value", Static).visual.plain
        assert value == (
            "Talks after a fight finished: 2 · solutions tried: 2, looked back on: 2"
            " · since 1 Nov 2026"
        )
        tries = screen.query_one("#talks-tries", Static).visual.plain
        assert tries == "Of those looked back on: 1 kept, 0 adjusted, 1 set down for another idea"


async def test_fight_promises_not_kept_yet_carry_on_and_reach_the_journal(data_dir, clock):
    """Last week Ben's promise after a fight was "not yet": it comes back this week, in his
    voice, beside a talk finished since; the marks are saved as made, and the weekly's
    journal entry shows each with its mark."""
    from closeness_tui.journal_index import JournalIndex
    from closeness_tui.models import Answer

    seed_names(data_dir)
    now = clock.now()
    last = CheckIn(
        id="w1",
        kind="weekly",
        created_at=now - timedelta(days=7),
        status="done",
        promises=[Answer(seat=0, prompt="loved", text="Cook on Friday.", part="promise")],
        promise_review={"fight:f1:0": "kept", "fight:f1:1": "not_yet"},
    )
    with Store.open(data_dir) as store:
        store.put(
            AfterFight(
                id="f1",
                started_at=now - timedelta(days=10),
                finished_at=now - timedelta(days=10),
                status="done",
                sides=[Side(differently="Ask before I plan."), Side(differently=HOSTILE)],
            )
        )
        store.put(last)
        store.put(
            AfterFight(
                id="f2",
                started_at=now - timedelta(days=2),
                finished_at=now - timedelta(days=2),
                status="done",
                sides=[Side(differently="Say when I need a minute."), Side()],
            )
        )
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await _open_weekly(pilot)
        promises = screen.query_one("#promises", OptionList)
        lines = [promises.get_option_at_index(i).prompt.plain for i in range(3)]
        assert promises.option_count == 3
        assert lines[0].startswith("For Ben, Ana will: Cook on Friday.")
        assert lines[1].startswith(f"Ben, after a fight on Wed 11 Nov: {HOSTILE}")
        assert lines[2].startswith("Ana, after a fight on Thu 19 Nov: Say when I need a minute.")
        await pilot.press("down", "k", "down", "n")
        await pilot.pause()
        with Store.open(data_dir, read_only=True) as store:  # saved as they are made
            (checkin,) = [c for c in store.all(CheckIn) if c.id != "w1"]
        assert checkin.promise_review == {"fight:f1:1": "kept", "fight:f2:0": "not_yet"}
        await _next(pilot, 6)  # the look-back, then every step, to "done"
        await pilot.press("ctrl+s")  # finish
        await pilot.pause()
    with Store.open(data_dir, read_only=True) as store:
        index = JournalIndex.from_store(store, ("Ana", "Ben"))
        (row,) = [i for i, r in enumerate(index.rows) if r.record_id == checkin.id]
        entry = index.entry(row)
    assert entry.finished
    shown = [(b.who, b.label, b.text) for b in entry.blocks][:2]
    assert shown == [
        ("Ben", "After a fight, one thing to do differently (kept)", HOSTILE),
        (
            "Ana",
            "After a fight, one thing to do differently (not yet)",
            "Say when I need a minute.",
        ),
    ]


async def test_a_due_review_is_shown_on_home_and_opened_from_the_weekly(data_dir, clock):
    from datetime import date

    from closeness_tui.models import Idea, Solution, Try
    from closeness_tui.screens.solve_review import SolveReviewScreen

    seed_names(data_dir)
    with Store.open(data_dir) as store:
        store.put(
            Solution(
                started_at=clock.now() - timedelta(days=15),
                names=["Ana", "Ben"],
                problem=HOSTILE,
                options=[Idea(text="Phones in the drawer after nine")],
                tries=[Try(option=0, started_on=date(2026, 11, 7), review_on=date(2026, 11, 21))],
                status="trial",
                state={"step": "waiting", "seat": 0},
            )
        )
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        home = app.screen.query_one("#listening-waiting", Static)
        assert home.display
        assert home.visual.plain == f'Review due: "{HOSTILE}" (since Sat 07 Nov)'
        screen = await _open_weekly(pilot)
        await _next(pilot, 2)
        assert "One issue" in _title(screen)
        due = screen.query_one("#solve-due", Static).visual.plain
        assert due == (
            f'A review is due: "{HOSTILE}", tried since Sat 07 Nov. "Solve it" opens it first.'
        )
        await pilot.click("#solve")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # "Look back on it now?"
        await pilot.click("#yes")
        await pilot.pause()
        assert isinstance(app.screen, SolveReviewScreen)


async def test_home_says_a_talk_is_waiting_without_pushing_the_greeting_away(data_dir, clock):
    """An after-a-fight talk left on a break: Home says where it stopped and until when, and
    at 80x24 the greeting and that line stay in view (the list of entries scrolls)."""
    from closeness_tui.models import Break

    seed_names(data_dir)
    now = clock.now()
    with Store.open(data_dir) as store:
        store.put(
            AfterFight(
                started_at=now - timedelta(minutes=30),
                updated_at=now - timedelta(minutes=5),
                names=["Ana", "Ben"],
                status="on_break",
                breaks=[Break(started_at=now, return_at=now + timedelta(minutes=20))],
                state={"step": "break", "seat": 1, "resume_step": "owns"},
            )
        )
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.pause(0.1)
        line = app.screen.query_one("#listening-waiting", Static)
        assert line.visual.plain == (
            "A talk after a fight is waiting for you: Ben naming their part · on a break"
            " until 19:50 (since Sat 19:25). Press w, then f, to carry on."
        )
        home = app.screen.query_one("#home")
        assert home.scroll_y == 0 and home.max_scroll_y == 0  # nothing out of sight
        greeting = app.screen.query_one("#greeting", Static)
        assert greeting.region.y >= 1 and line.region.bottom <= 23
