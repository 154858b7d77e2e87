"""A gratitude exchange: each writes while the other looks away; nothing is shown until
both have written, then the two stand side by side, exactly as written."""

from __future__ import annotations

from checkins_seed import HEBREW, TRICKY
from conftest import notices
from textual.widgets import Input, Static, TextArea

from closeness_tui.models import CheckIn
from closeness_tui.screens.checkins import CheckinsScreen
from closeness_tui.screens.gratitude import GratitudeScreen
from closeness_tui.store import Store


def _visible_text(screen) -> str:
    """Every word a partner could read on the screen right now."""
    parts = []
    for widget in screen.query("*"):
        if not widget.display or not widget.visible or not widget.is_on_screen:
            continue
        if isinstance(widget, Static):
            parts.append(widget.visual.plain if hasattr(widget.visual, "plain") else "")
        elif isinstance(widget, TextArea):
            parts.append(widget.text)
        elif isinstance(widget, Input):
            parts.append(widget.value)
    return "\n".join(parts)


async def test_gratitude_hidden_until_both_wrote(named_app, data_dir):
    app = named_app
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("c", "g")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GratitudeScreen)
        assert "Ben, please look away" in _visible_text(screen)
        # A short, vague line earns a gentle nudge toward specifics.
        await pilot.press(*"nice")
        await pilot.pause()
        assert "what does it say about them" in screen.query_one("#nudge-0", Static).visual.plain
        # Nothing written yet: nothing to pass on.
        screen.query_one("#thanks-0", TextArea).text = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.turn == 0
        assert any("a few words first" in n.message for n in notices(app))
        screen.query_one("#thanks-0", TextArea).text = TRICKY + " You made tea when I came home"
        await pilot.pause()
        assert screen.query_one("#nudge-0", Static).visual.plain == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        # Ben's turn: Ana's words are nowhere to be seen, only that she has written.
        assert screen.turn == 1
        seen = _visible_text(screen)
        assert "You made tea" not in seen and "[hurt]" not in seen
        assert "Ana has written something" in seen and "Ana, please look away" in seen
        assert screen.query_one("#thanks-1", TextArea).has_focus
        with Store.open(data_dir, read_only=True) as store:
            (half,) = store.all(CheckIn)
        assert half.status == "active" and [a.seat for a in half.answers] == [0]
        screen.query_one("#thanks-1", TextArea).text = HEBREW + " 💛"
        await pilot.press("ctrl+s")
        await pilot.pause()
        # Both wrote: side by side, exactly as written.
        assert (
            screen.query_one("#said-0", Static).visual.plain
            == TRICKY + " You made tea when I came home"
        )
        assert screen.query_one("#said-1", Static).visual.plain == HEBREW + " 💛"
        assert screen.query_one("#who-0", Static).visual.plain == "Ana appreciated"
        assert screen.query_one("#panel-0").region.y == screen.query_one("#panel-1").region.y
        assert screen.query_one("#panel-0").region.x < screen.query_one("#panel-1").region.x
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CheckinsScreen)
    with Store.open(data_dir, read_only=True) as store:
        (done,) = store.all(CheckIn)
    assert done.kind == "gratitude" and done.status == "done"
    assert [(a.seat, a.text) for a in done.answers] == [
        (0, TRICKY + " You made tea when I came home"),
        (1, HEBREW + " 💛"),
    ]
    assert done.answers[0].prompt.startswith("What is one specific thing Ben did")


async def test_huge_text_and_control_characters_are_kept_kindly(named_app, data_dir):
    """25,000 characters are cut to 20,000 with a kind note; terminal escapes are dropped;
    brackets, emoji and Hebrew are kept. The next exchange starts with the other partner."""
    app = named_app
    huge = ("[b]🌙 " + "שלום " * 5_000)[:25_000]
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("c", "g")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#thanks-0", TextArea).text = huge
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any("only the first 20,000" in n.message for n in notices(app))
        screen.query_one("#thanks-1", TextArea).text = "You\x1b]0;pwned\x07 laughed [/] at my joke"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert (
            screen.query_one("#said-1", Static).visual.plain == "You]0;pwned laughed [/] at my joke"
        )
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert "Ana, please look away" in _visible_text(app.screen)
    with Store.open(data_dir, read_only=True) as store:
        (checkin,) = store.all(CheckIn)
    assert checkin.answers[0].text == huge[:20_000]
    assert checkin.answers[1].text == "You]0;pwned laughed [/] at my joke"


async def test_a_half_exchange_is_picked_up_by_the_other_partner(named_app, data_dir, clock):
    """Ana wrote, then the app closed: the same evening Ben goes on, and Ana's words stay
    hidden (also in the journal) until he has written."""
    from conftest import build_app

    from closeness_tui.screens.journal import JournalScreen

    async with named_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "g")
        await pilot.pause()
        named_app.screen.query_one("#thanks-0", TextArea).text = "You fixed my bike [again]"
        await pilot.press("ctrl+s")
        await pilot.pause()
    clock.advance(600)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        journal = app.screen
        assert isinstance(journal, JournalScreen)
        assert "bike" not in _visible_text(journal)
        await pilot.press("escape", "c", "g")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GratitudeScreen) and screen.turn == 1
        seen = _visible_text(screen)
        assert "Ana has written something" in seen and "bike" not in seen
        screen.query_one("#thanks-1", TextArea).text = "You waited for me at the station"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.query_one("#said-0", Static).visual.plain == "You fixed my bike [again]"
    with Store.open(data_dir, read_only=True) as store:
        (done,) = store.all(CheckIn)
    assert done.status == "done" and [a.seat for a in done.answers] == [0, 1]
