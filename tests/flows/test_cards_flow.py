"""Conversation cards as a couple would play them: turns in their names, alternating; pass,
favourite, "we talked about this", a line of notes each, the gentle timer on the fake clock;
recently used cards do not come back; everything is in the file afterwards."""

from __future__ import annotations

import random
from datetime import timedelta

from checkins_seed import HEBREW
from conftest import build_app, notices, seed_names
from textual.widgets import Button, Input, Select, Static

from closeness_tui.cards import cards_of
from closeness_tui.cards_text import cards_text
from closeness_tui.models import CardFavourite, CardPlay
from closeness_tui.screens.cards import CardsScreen
from closeness_tui.screens.cards_play import CardPlayScreen
from closeness_tui.store import Store


def plain(screen, selector: str) -> str:
    return screen.query_one(selector, Static).visual.plain


def stored(data_dir, kind):
    with Store.open(data_dir, read_only=True) as store:
        return store.all(kind)


async def open_play(pilot) -> CardPlayScreen:
    await pilot.pause()
    await pilot.press("k")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CardsScreen)
    await pilot.press("p")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CardPlayScreen)
    screen.rng = random.Random(3)  # which card comes is luck; the rules are the same
    return screen


async def test_ten_minutes_of_cards_taking_turns(named_app, data_dir, clock):
    app = named_app
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_play(pilot)
        # Light first: a couple can start gently.
        assert screen.query_one("#cards-depth", Select).value == "light"
        assert plain(screen, "#cards-who") == "Ana asks, Ben answers"
        first = screen.session.current
        assert first is not None and first.depth == "light"
        assert plain(screen, "#cards-text") == first.text
        seen = [first.id]
        whos = []
        for n in range(10):  # a card a minute, ten minutes
            whos.append(plain(screen, "#cards-who"))
            clock.advance(60)
            await pilot.press("p" if n == 3 else "n")
            await pilot.pause()
            assert screen.session.current is not None
            seen.append(screen.session.current.id)
            if n == 3:  # said kindly, right away (toasts go after a few seconds)
                assert any("always fine" in note.message for note in notices(app))
        assert whos[:4] == [
            "Ana asks, Ben answers",
            "Ben asks, Ana answers",
            "Ana asks, Ben answers",
            "Ben asks, Ana answers",  # a pass is a turn too: the roles still swap
        ]
        assert len(set(seen)) == len(seen)  # nothing came back tonight
        assert "9 talked about, 1 passed" in plain(screen, "#cards-count")
    plays = sorted(stored(data_dir, CardPlay), key=lambda p: p.played_at)
    assert [p.card_id for p in plays] == seen[:10]
    assert [p.asker for p in plays] == [0, 1] * 5
    assert [p.outcome for p in plays].count("passed") == 1
    assert plays[-1].played_at - plays[0].played_at == timedelta(minutes=9)


async def test_notes_favourite_and_hostile_text(data_dir, clock):
    seed_names(data_dir, "Ana [/]", "دانة 🌙")
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_play(pilot)
        assert plain(screen, "#cards-who") == "Ana [/] asks, دانة 🌙 answers"
        card = screen.session.current
        await pilot.press("f")
        await pilot.pause()
        assert str(screen.query_one("#cards-fav", Button).label) == "Not a favourite"
        await pilot.press("e")
        await pilot.press(*"[b]tea[/b] \x1b]0;x")
        screen.query_one("#cards-note-1", Input).value = HEBREW
        assert screen.has_unsaved()  # leaving now would lose the notes: it asks
        await pilot.press("enter")  # to the second note
        await pilot.press("enter")  # back to the card's buttons
        await pilot.pause()
        assert screen.query_one("#cards-talked", Button).has_focus
        await pilot.press("n")
        await pilot.pause()
        assert screen.query_one("#cards-note-0", Input).value == ""
        assert not screen.has_unsaved()
    (play,) = stored(data_dir, CardPlay)
    assert play.card_id == card.id and play.question == card.text
    assert play.notes == ["[b]tea[/b] ]0;x", HEBREW]  # the ESC is gone, the rest literal
    (fav,) = stored(data_dir, CardFavourite)
    assert fav.card_id == card.id


async def test_timer_is_a_deadline_on_the_injected_clock(named_app, clock):
    app = named_app
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_play(pilot)
        assert "No timer" in plain(screen, "#cards-timer")
        await pilot.press("t")
        await pilot.pause()
        assert plain(screen, "#cards-timer") == "Time for this card: 3:00"
        clock.advance(95)
        screen.refresh_timer()
        await pilot.pause()
        assert plain(screen, "#cards-timer") == "Time for this card: 1:25"
        clock.advance(90)
        screen.refresh_timer()
        await pilot.pause()
        assert "Finish your thought" in plain(screen, "#cards-timer")
        await pilot.press("n")  # the next card gets its own three minutes
        await pilot.pause()
        assert plain(screen, "#cards-timer") == "Time for this card: 3:00"
        await pilot.press("t")
        await pilot.pause()
        assert "No timer" in plain(screen, "#cards-timer")


async def test_recent_cards_rest_and_favourites_come_back(data_dir, clock):
    seed_names(data_dir)
    deck = cards_text().decks[1]
    light = [c for c in cards_of([deck]) if c.depth == "light"]
    keep = light[-1]
    with Store.open(data_dir) as store:
        for n, card in enumerate(light[:-1]):
            store.put(
                CardPlay(
                    card_id=card.id,
                    deck=deck.id,
                    question=card.text,
                    asker=n % 2,
                    played_at=clock.now() - timedelta(days=2),
                    outcome="passed" if n == 0 else "talked",
                )
            )
        store.put(CardFavourite(card_id=light[0].id, question=light[0].text, added_at=clock.now()))
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_play(pilot)
        screen.query_one("#cards-deck", Select).value = deck.id
        await pilot.pause()
        assert screen.session.current == keep  # the only one not used lately
        await pilot.press("n")
        await pilot.pause()
        assert screen.session.current is None
        assert "used every card of this choice lately" in plain(screen, "#cards-text")
        # Favourites do not rest: the favourite, passed two days ago, can be played.
        screen.query_one("#cards-deck", Select).value = "favourites"
        await pilot.pause()
        assert screen.session.current == light[0]


async def test_help_palette_and_journal_know_the_cards(named_app, data_dir):
    from closeness_tui.screens.help import HelpScreen, SectionView
    from closeness_tui.screens.journal_entry import JournalEntryScreen
    from closeness_tui.screens.profile_guess import GuessScreen

    app = named_app
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_play(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        first = app.screen.query(".section").first(SectionView)
        assert first.id == "help-cards_play" and first.has_class("here")
        keys = [key for key, _ in first.rows]
        assert {"n", "p", "f", "t", "e"} <= set(keys)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("e")
        await pilot.press(*"a note")
        await pilot.press("enter", "enter", "n")
        await pilot.pause()
        assert screen.session.talked == 1
        # The palette opens the guessing game by name.
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"know me")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GuessScreen)
        # The card and its note are in the journal.
        app.go_home()
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        await app.workers.wait_for_complete()  # the journal is built in a worker
        await pilot.pause()
        journal = app.screen
        assert journal.shown and journal.index.entry(journal.shown[0]).kind == "card"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, JournalEntryScreen)
        texts = [w.visual.plain for w in app.screen.query(".block-text")]
        assert texts[-1] == "a note"
