"""Partners' words in a listening session: brackets, emoji, right-to-left script and 20,000
characters are saved and shown exactly; drafts survive a crash; a session can be read back
whole and deleted; resuming after a restart lands on the exact step (here a clarification)."""

from __future__ import annotations

from conftest import build_app, seed_names
from listening_helpers import decline_solve_offer, kept_words
from textual.widgets import Input, Static, TextArea

from closeness_tui.models import ListeningSession
from closeness_tui.screens.dialogs import ConfirmDialog
from closeness_tui.screens.home import HomeScreen
from closeness_tui.screens.listening_break import BreakScreen
from closeness_tui.screens.listening_detail import ListeningDetailScreen
from closeness_tui.screens.listening_history import ListeningHistoryScreen
from closeness_tui.screens.listening_rating import RatingScreen
from closeness_tui.screens.listening_summary import SummaryScreen
from closeness_tui.screens.listening_turn import TurnScreen
from closeness_tui.screens.long_list import LongList
from closeness_tui.store import Store
from closeness_tui.text import TEXT_MAX

HARD = "[/] [b]not bold[/b] [@click=app.quit]x[/] 🙂👩‍❤️‍👨 שלום, מה שלומך? مرحبا\ttab"
LONG = ("Long words 🌊 [x] " * 2000)[:TEXT_MAX]


def stored(data_dir) -> list[ListeningSession]:
    with Store.open(data_dir, read_only=True) as store:
        return store.all(ListeningSession)


async def begin(pilot, *, topic: str = "", mirroring: bool = False) -> None:
    await pilot.pause()
    await pilot.press("l")
    await pilot.pause()
    screen = pilot.app.screen
    screen.query_one("#topic", Input).value = topic
    screen.query_one("#readiness").value = False
    screen.query_one("#mirroring").value = mirroring
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_hard_and_huge_text_is_saved_and_shown_exactly(data_dir, clock):
    seed_names(data_dir, "Ana [/]", "دانة 🌙")
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await begin(pilot, topic=HARD.replace("\t", " "))
        assert "Ana [/] speaks" in app.screen.query_one("#banner", Static).visual.plain
        clock.advance(30)
        await pilot.press("enter")
        await pilot.pause()
        area = app.screen.query_one("#text", TextArea)
        area.text = HARD
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RatingScreen)
        assert app.screen.query_one("#heard-text", Static).visual.plain == HARD
        clock.advance(1)  # a floor key counts once its step has settled
        await pilot.press("p")  # partly: a clarification, then a second, huge summary
        await pilot.pause()
        clock.advance(10)
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#text", TextArea).text = LONG + "and a little more"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RatingScreen)
        assert app.screen.query_one("#heard-text", Static).visual.plain == LONG
        clock.advance(1)  # a floor key counts once its step has settled
        await pilot.press("g")
        await pilot.pause()
        clock.advance(1)  # a floor key counts once its step has settled
        await pilot.press("enter")  # swap
        await pilot.pause()
        clock.advance(30)
        await pilot.press("enter")  # دانة's turn ends
        await pilot.pause()
        app.screen.query_one("#text", TextArea).text = "ok"
        await pilot.press("ctrl+s")
        await pilot.pause()
        clock.advance(1)  # a floor key counts once its step has settled
        await pilot.press("g")
        await pilot.pause()
        app.screen.query_one("#line-0", Input).value = HARD.replace("\t", " ")
        app.screen.query_one("#line-1", Input).value = "شكرا 💛"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await decline_solve_offer(pilot)
        assert isinstance(app.screen, HomeScreen)
    (session,) = stored(data_dir)
    assert session.names == ["Ana [/]", "دانة 🌙"]
    assert session.topic == HARD.replace("\t", " ")
    texts = [s.text for s in session.turns[0].summaries]
    assert texts == [HARD, LONG]
    assert session.closing == [HARD.replace("\t", " "), "شكرا 💛"]

    # Read it back whole: every word shown literally.
    app2 = build_app(data_dir, clock)
    async with app2.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app2.screen, ListeningHistoryScreen)
        options = app2.screen.query_one("#sessions", LongList)
        assert options.count == 1
        assert "Ana [/] & دانة 🌙" in options.row_content(0).plain
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app2.screen, ListeningDetailScreen)
        shown = "\n".join(s.visual.plain for s in app2.screen.query(Static))
        for text in (HARD, LONG, "شكرا 💛", HARD.replace("\t", " ")):
            assert text in shown
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app2.screen, ConfirmDialog)
        await pilot.click("#yes")
        await pilot.pause()
        assert isinstance(app2.screen, ListeningHistoryScreen)
        assert app2.screen.query_one("#empty", Static).display
    assert stored(data_dir) == []


async def test_summary_draft_survives_a_crash_and_clarify_resumes_exactly(data_dir, clock):
    seed_names(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await begin(pilot, mirroring=True)
        clock.advance(100)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        area = app.screen.query_one("#text", TextArea)
        area.focus()
        await pilot.press(*"you feel [tired]")
        # The debounced draft save (0.4 s after the last key); no exit path runs: read the
        # file as a crash would leave it.
        for _ in range(50):
            await pilot.pause(0.1)
            (session,) = stored(data_dir)
            if kept_words(data_dir, "listening:"):
                break
        assert kept_words(data_dir, f"listening:{session.id}:summary") == [
            "What I heard is you feel [tired]"
        ]
        assert session.state["step"] == "summary"
        await pilot.press("ctrl+s")
        await pilot.pause()
        clock.advance(1)  # a floor key counts once its step has settled
        await pilot.press("n")  # not quite
        await pilot.pause()
        clock.advance(20)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BreakScreen)
        app.screen.query_one("#break-minutes", Input).value = "45"
        await pilot.pause()

    (session,) = stored(data_dir)
    assert session.status == "on_break"
    (brk,) = session.breaks
    assert (brk.return_at - brk.started_at).total_seconds() == 45 * 60
    assert session.state["timer"]["remaining"] == 40

    clock.advance(600)
    app2 = build_app(data_dir, clock)
    async with app2.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("enter")  # carry on
        await pilot.pause()
        assert isinstance(app2.screen, BreakScreen)
        assert "Ana clarifying" in app2.screen.query_one("#where", Static).visual.plain
        await pilot.press("ctrl+r")
        await pilot.pause()
        screen = app2.screen
        assert isinstance(screen, TurnScreen) and screen.step == "clarify"
        assert "Ana, say what was missed" in screen.query_one("#step-title", Static).visual.plain
        assert screen.query_one("#clock").value == "0:40"
        clock.advance(1)  # a floor key counts once its step has settled
        await pilot.press("o")  # move on without another summary
        await pilot.pause()
        assert app2.screen.m.step == "more"
    (session,) = stored(data_dir)
    assert session.turns[0].moved_on and session.turns[0].summaries[0].rating == "not_quite"
    assert session.turns[0].summaries[0].clarification_seconds == 20
