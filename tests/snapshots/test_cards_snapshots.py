"""Snapshots of the cards and profile screens at 80x24. Each docstring says what a reviewer
should see. The fake clock gives the date (Saturday 21 November 2026); partners' words
include brackets, a live-action tag, emoji and Hebrew, all shown literally."""

from __future__ import annotations

import random

from checkins_seed import HEBREW, TRICKY
from conftest import build_app, seed_names
from textual.widgets import Input, Select, TextArea

from closeness_tui.models import DailyQuestion, Profile
from closeness_tui.screens.cards_play import CardPlayScreen
from closeness_tui.store import Store

SIZE = (80, 24)


async def _go(pilot, *keys):
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


def _profiles(data_dir, clock):
    with Store.open(data_dir) as store:
        store.put(
            Profile(
                seat=1,
                saved_at=clock.now(),
                love=["touch", "time", "words", "help", "gifts"],
                flooded=["calming", "touch"],
                stress="music [loud] 🎧 " + HEBREW,
                joys="rain on the window",
            )
        )


class TestCards:
    def test_hub(self, snap_compare, data_dir, clock):
        """Cards and knowing each other: title, intro, then six entries (p Play conversation
        cards, d Question of the day, 1 Ana's profile, 2 Ben's profile, g How well do you
        know me?, f Favourite cards), each with a one-line blurb; footer keys."""
        seed_names(data_dir)

        async def run_before(pilot):
            await _go(pilot, "k")

        assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)

    def test_play(self, snap_compare, data_dir, clock):
        """Playing: deck "Memories of us" and depth "Light" at the top; "Ana [/] asks, دانة
        🌙 answers" (names literal); the card in a rounded box with its deck and depth; "No
        timer..."; four buttons (We talked about this, Pass, Favourite, Timer); a note box
        for each partner, Ana's holding "[b]tea[/b] 🍵" literally; the count line."""
        seed_names(data_dir, "Ana [/]", "دانة 🌙")

        async def run_before(pilot):
            await pilot.pause()
            pilot.app.push_screen(CardPlayScreen(deck="memories", rng=random.Random(1)))
            await pilot.pause()
            pilot.app.screen.query_one("#cards-note-0", Input).value = "[b]tea[/b] 🍵"
            await pilot.pause()

        assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)

    def test_play_none_left(self, snap_compare, data_dir, clock):
        """Playing the favourites with none marked yet: no one asks yet, and the card box
        says "No favourites yet. Press f on a card you would like to keep."."""
        seed_names(data_dir)

        async def run_before(pilot):
            await _go(pilot, "k", "f")

        assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)


class TestQuestionOfTheDay:
    def test_home_line(self, snap_compare, data_dir, clock):
        """Home: under the greeting, "Question of the day (d): ..." on one line (in the place
        of the subtitle), then the list of activities including k Cards and knowing each
        other."""
        seed_names(data_dir)
        assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE)

    def test_second_turn_hidden(self, snap_compare, data_dir, clock):
        """Ben's turn: the question in bold, "Ben, this one is yours. Ana, please look away",
        "Ana has answered. Their answer stays hidden..." and an empty answer box. Ana's words
        are nowhere on screen."""
        seed_names(data_dir)
        from closeness_tui.cards import cards_of, question_of_the_day
        from closeness_tui.cards_text import cards_text

        card = question_of_the_day(cards_of(cards_text().decks), clock.today())
        with Store.open(data_dir) as store:
            store.put(
                DailyQuestion(
                    day=clock.today(),
                    card_id=card.id,
                    question=card.text,
                    answers=[TRICKY, ""],
                    first=0,
                )
            )

        async def run_before(pilot):
            await _go(pilot, "d")

        assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)

    def test_reveal(self, snap_compare, data_dir, clock):
        """Both answered: "Your two answers", side by side in two boxes under each name: the
        bracket soup with its live-action tag and emoji exactly as typed, and the Hebrew."""
        seed_names(data_dir)

        async def run_before(pilot):
            await _go(pilot, "d")
            screen = pilot.app.screen
            screen.query_one("#question-answer", TextArea).text = TRICKY
            await _go(pilot, "ctrl+s")
            screen.query_one("#question-answer", TextArea).text = HEBREW
            await _go(pilot, "ctrl+s")

        assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)


class TestProfiles:
    def test_profile(self, snap_compare, data_dir, clock):
        """Ben's profile, saved today: "Last filled in on Sat 21 Nov 2026."; the five ways of
        receiving love numbered 1-5 with touch first; the stress answer with brackets, emoji
        and Hebrew literally, in its box below (scrolled to the top)."""
        seed_names(data_dir)
        _profiles(data_dir, clock)

        async def run_before(pilot):
            await _go(pilot, "k", "2")

        assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)

    def test_guess_results(self, snap_compare, data_dir, clock):
        """How well do you know me?, compared: for each question, what Ana guessed and what
        Ben said, with a warm line ("Something new to learn about Ben.", "You knew this
        one.", "Close: some of the same words."); no score anywhere."""
        seed_names(data_dir)
        _profiles(data_dir, clock)

        async def run_before(pilot):
            await _go(pilot, "k", "g")
            screen = pilot.app.screen
            screen.query_one("#guess-love", Select).value = "time"
            screen.query_one("#guess-flooded", Select).value = "touch"
            screen.query_one("#guess-stress", Input).value = "loud music [yes]"
            await _go(pilot, "ctrl+s")

        assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)


def _both_profiles(data_dir, clock):
    _profiles(data_dir, clock)
    with Store.open(data_dir) as store:
        store.put(
            Profile(
                seat=0,
                saved_at=clock.now(),
                love=["time", "words"],
                flooded=["space"],
                flooded_note="a walk [alone] 🌙",
            )
        )


class TestHintsElsewhere:
    def test_weekly_loved_hint(self, snap_compare, data_dir, clock):
        """Weekly check-in, step 4: under "Ana, what can Ben do for you?" an italic hint "A
        hint from Ana's profile: Ana most likes to receive love through time together and
        kind words."; under Ben's, his ranking (touch, time together and kind words)."""
        seed_names(data_dir)
        _both_profiles(data_dir, clock)

        async def run_before(pilot):
            await _go(pilot, "c", "w", "ctrl+s", "ctrl+s", "ctrl+s")

        assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)

    def test_ritual_picker_hint(self, snap_compare, data_dir, clock):
        """Choose a ritual: under the intro, two italic lines "From your profiles: Ana feels
        loved through time together, so A walk together, Weekly date, ... may suit." and the
        same for Ben (touch: Affection and Reunion...); the suggestions below."""
        seed_names(data_dir)
        _both_profiles(data_dir, clock)

        async def run_before(pilot):
            await _go(pilot, "r", "a")

        assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)

    def test_break_calm_hint(self, snap_compare, data_dir, clock):
        """A break in a listening session: under "where you stopped", what helps each calm
        down: "What helps Ana calm down: some space on my own and a walk [alone] 🌙." and
        Ben's (slow breathing ... and a hand to hold or a hug); then both buttons, one row
        each (the page is full at 80x24, so the buttons and the minutes box go compact),
        wholly in view."""
        seed_names(data_dir)
        _both_profiles(data_dir, clock)

        async def run_before(pilot):
            await _go(pilot, "l")
            pilot.app.screen.query_one("#readiness").value = False
            await _go(pilot, "ctrl+s", "b")

        assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)
