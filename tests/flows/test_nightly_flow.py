"""A nightly check-in through the real store: each in turn answers, the other reads and
may answer with one line, an optional shared timer; saved as one check-in that keeps the
nightly ritual."""

from __future__ import annotations

from datetime import date

from checkins_seed import HEBREW, TRICKY
from conftest import build_app, notices, seed_names
from textual.widgets import Input, Static, TextArea

from closeness_tui.models import CheckIn, Ritual, RitualMark
from closeness_tui.screens.checkins import CheckinsScreen
from closeness_tui.screens.nightly import NightlyScreen
from closeness_tui.store import Store


def _seed(data_dir):
    seed_names(data_dir)
    with Store.open(data_dir) as store:
        store.put(
            Ritual(
                id="nightly",
                name="Goodnight talk",
                template="nightly",
                start=date(2026, 11, 1),
                weekdays=list(range(7)),
            )
        )


async def test_nightly_checkin_end_to_end(data_dir, clock):
    _seed(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CheckinsScreen)
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NightlyScreen)
        assert "Ana answers" in screen.query_one("#intro-0", Static).visual.plain
        # Ana types her first answer key by key, and pastes the second.
        await pilot.press(*"Long", "space", *"day")
        assert screen.query_one("#answer-0-0", TextArea).text == "Long day"
        screen.query_one("#answer-0-1", TextArea).text = TRICKY
        # The optional shared timer: started, then ten minutes pass.
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert "10:00" in screen.query_one("#timer", Static).visual.plain
        app.clock.advance(4 * 60 + 30)
        await pilot.pause(0.7)
        assert "5:30" in screen.query_one("#timer", Static).visual.plain
        # Paused while they hug: time stands still, then goes on.
        await pilot.press("ctrl+t")
        app.clock.advance(300)
        await pilot.pause(0.7)
        assert screen.query_one("#timer", Static).visual.plain.startswith(
            "Shared timer: 5:30, paused"
        )
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert "5:30  (ctrl+t pauses)" in screen.query_one("#timer", Static).visual.plain
        app.clock.advance(6 * 60)
        await pilot.pause(0.7)
        assert "0:00" in screen.query_one("#timer", Static).visual.plain
        assert any("minutes are up" in n.message for n in notices(app))
        await pilot.press("ctrl+s")
        await pilot.pause()
        # Ben reads exactly what Ana wrote and answers with one line.
        read = screen.query_one("#read-1", Static).visual.plain
        assert "Long day" in read and TRICKY in read
        assert "Ben, here is what Ana wrote" in screen.query_one("#intro-1", Static).visual.plain
        assert screen.query_one("#reply-1", Input).has_focus
        await pilot.press(*"Thanks", "enter")
        await pilot.pause()
        # Ben's turn; Ana reads and lets it be.
        assert screen.query_one("#answer-1-0", TextArea).has_focus
        screen.query_one("#answer-1-2", TextArea).text = HEBREW
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert HEBREW in screen.query_one("#read-3", Static).visual.plain
        # The check-in is saved step by step while under way.
        with Store.open(data_dir, read_only=True) as store:
            (under_way,) = store.all(CheckIn)
        assert under_way.status == "active" and len(under_way.answers) == 4
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CheckinsScreen)
        assert any("kept in the journal" in n.message for n in notices(app))
    with Store.open(data_dir, read_only=True) as store:
        (checkin,) = store.all(CheckIn)
        marks = store.all(RitualMark)
    assert checkin.kind == "nightly" and checkin.status == "done"
    assert [(a.seat, a.part, a.text) for a in checkin.answers] == [
        (0, "answer", "Long day"),
        (0, "answer", TRICKY),
        (1, "reply", "Thanks"),
        (1, "answer", HEBREW),
    ]
    assert checkin.answers[1].prompt == "Anything on your mind?"
    assert checkin.timer_seconds == 600
    assert [(m.ritual_id, m.occurrence, m.status) for m in marks] == [
        ("nightly", date(2026, 11, 21), "done")
    ]


async def test_nothing_written_keeps_nothing(named_app, data_dir):
    app = named_app
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("c", "n")
        await pilot.pause()
        for _ in range(4):
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert isinstance(app.screen, CheckinsScreen)
        assert any("nothing to keep" in n.message for n in notices(app))
    with Store.open(data_dir, read_only=True) as store:
        assert store.all(CheckIn) == []


async def test_leaving_with_typed_words_keeps_them_for_next_time(named_app):
    """No question is needed: the words are kept as a draft and are there on return."""
    app = named_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "n")
        await pilot.pause()
        await pilot.press("h", "i")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CheckinsScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NightlyScreen)
        assert app.screen.query_one("#answer-0-0", TextArea).text == "hi"
