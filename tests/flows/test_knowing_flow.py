"""The question of the day (hidden until both answered, resumable, shown on Home and off in
Settings), profiles filled in together with their dated history, the kind guessing game,
and the profiles' hints in the ritual planner, the weekly check-in and the break."""

from __future__ import annotations

from datetime import timedelta

from checkins_seed import HEBREW, TRICKY
from conftest import build_app, notices, seed_names, wait_until
from test_gratitude_flow import _visible_text
from test_listening_text import begin
from textual.widgets import Checkbox, Input, OptionList, Select, Static, Switch, TextArea

from closeness_tui.models import DailyQuestion, GuessRound, Profile
from closeness_tui.screens.cards_home import QuestionLine
from closeness_tui.screens.cards_question import DailyQuestionScreen
from closeness_tui.screens.listening_break import BreakScreen
from closeness_tui.screens.profile import ProfileScreen
from closeness_tui.screens.profile_guess import GuessScreen
from closeness_tui.screens.ritual_picker import RitualPickerScreen
from closeness_tui.screens.weekly import WeeklyScreen
from closeness_tui.store import Store


def plain(screen, selector: str) -> str:
    return screen.query_one(selector, Static).visual.plain


def stored(data_dir, kind):
    with Store.open(data_dir, read_only=True) as store:
        return store.all(kind)


async def test_question_of_the_day_hidden_until_both(data_dir, clock):
    seed_names(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        home = app.screen
        line = home.query_one(QuestionLine)
        # Home names the question a frame after it is first drawn.
        await wait_until(
            pilot, lambda: "Question of the day (d):" in line.visual.plain, "the question's line"
        )
        await pilot.press("d")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DailyQuestionScreen)
        question = plain(screen, "#question-text")
        assert question[:30] in line.visual.plain  # the line on Home names it
        assert "Ana, this one is yours. Ben, please look away" in _visible_text(screen)
        screen.query_one("#question-answer", TextArea).text = TRICKY
        await pilot.press("ctrl+s")
        await pilot.pause()
        seen = _visible_text(screen)
        assert "[hurt]" not in seen and "alone" not in seen  # Ana's answer is not on screen
        assert "Ana has answered. Their answer stays hidden" in seen
        assert "Ben, this one is yours" in seen
        await pilot.press("escape")
        await pilot.pause()
        assert "Ana has answered; Ben's turn" in home.query_one(QuestionLine).visual.plain
    (half,) = stored(data_dir, DailyQuestion)
    assert half.answers == [TRICKY, ""] and half.first == 0

    app = build_app(data_dir, clock)  # later that day, after a restart: Ben's turn waits
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        screen = app.screen
        assert "Ben, this one is yours" in _visible_text(screen)
        assert TRICKY not in _visible_text(screen)
        await pilot.press("ctrl+s")  # nothing written yet
        await pilot.pause()
        assert any("a few words first" in n.message for n in notices(app))
        screen.query_one("#question-answer", TextArea).text = HEBREW
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert plain(screen, "#question-said-0") == TRICKY
        assert plain(screen, "#question-said-1") == HEBREW
        await pilot.press("enter")
        await pilot.pause()
        assert "you have both answered" in app.screen.query_one(QuestionLine).visual.plain
    (done,) = stored(data_dir, DailyQuestion)
    assert done.answers == [TRICKY, HEBREW]


async def test_question_of_the_day_can_be_turned_off(named_app, data_dir):
    app = named_app
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_until(
            pilot,
            lambda: "Question of the day" in app.screen.query_one(QuestionLine).visual.plain,
            "the question's line",
        )
        assert not app.screen.query_one("#subtitle").display
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#question-of-the-day", Switch).value = False
        await pilot.press("ctrl+s")
        await pilot.pause()
        home = app.screen
        # Home's own subtitle is back in that line.
        assert home.query_one(QuestionLine).visual.plain == "What would you like to do together?"
    with Store.open(data_dir, read_only=True) as store:
        assert store.settings().question_of_the_day is False


async def test_profile_filled_together_keeps_dated_history(data_dir, clock):
    seed_names(data_dir, "Ana", "Ben [/]")
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("k", "2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProfileScreen) and screen.seat == 1
        assert "Ben [/]'s profile" in _visible_text(screen)
        assert "Not filled in yet" in plain(screen, "#profile-last")
        await pilot.press("ctrl+s")  # nothing to save yet
        await pilot.pause()
        assert stored(data_dir, Profile) == []
        # Touch first: move it (fifth) up to the top.
        love = screen.query_one("#profile-love", OptionList)
        love.highlighted = 4
        for _ in range(4):
            await pilot.press("shift+up")
        await pilot.pause()
        assert screen.ranking[0] == "touch" and love.highlighted == 0
        screen.query_one("#profile-calm-space", Checkbox).value = True
        screen.query_one("#profile-stress", Input).value = "music [loud] 🎧"
        screen.query_one("#profile-hopes", Input).value = HEBREW
        assert screen.has_unsaved()
        await pilot.press("ctrl+s")
        await pilot.pause()
        clock.advance(3 * 24 * 3600)
        screen.query_one("#profile-stress", Input).value = "a long bath"
        await pilot.press("ctrl+s")
        await pilot.pause()
        history = plain(screen, "#profile-history")
        assert "Changed on Tue 24 Nov 2026: What helps when Ben [/] is stressed" in history
        assert "Last filled in on Tue 24 Nov 2026" in plain(screen, "#profile-last")
        await pilot.press("ctrl+s")  # the same again: not a new version
        await pilot.pause()
        assert any("Nothing has changed" in n.message for n in notices(app))
    first, second = sorted(stored(data_dir, Profile), key=lambda p: p.saved_at)
    assert first.love[0] == "touch" and first.flooded == ["space"]
    assert (first.stress, first.hopes) == ("music [loud] 🎧", HEBREW)
    assert second.stress == "a long bath" and second.saved_at - first.saved_at == timedelta(days=3)


def _seed_profiles(data_dir, clock):
    with Store.open(data_dir) as store:
        store.put(
            Profile(
                seat=0,
                saved_at=clock.now(),
                love=["time", "words", "touch", "help", "gifts"],
                flooded=["space"],
                flooded_note="a walk [alone]",
            )
        )
        store.put(
            Profile(
                seat=1,
                saved_at=clock.now(),
                love=["touch", "time"],
                flooded=["calming", "touch"],
                stress="music and a bath",
                joys="rain on the window",
            )
        )


async def test_guessing_game_compares_kindly(data_dir, clock):
    seed_names(data_dir)
    _seed_profiles(data_dir, clock)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("k", "g")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GuessScreen)
        assert "Ana guesses what Ben said" in plain(screen, "#guess-intro")
        screen.query_one("#guess-love", Select).value = "time"
        screen.query_one("#guess-flooded", Select).value = "touch"
        screen.query_one("#guess-stress", Input).value = "a hot bath [now]"
        await pilot.press("ctrl+s")
        await pilot.pause()
        results = plain(screen, "#guess-results")
        assert "Something new to learn about Ben." in results  # love: touch comes first
        assert "You knew this one." in results  # flooded: a hug is one of Ben's
        assert "Close: some of the same words." in results  # stress
        assert "Ben has not answered this yet" in results  # hopes
        assert "a hot bath [now]" in results
        assert "Ana: time together\n  Ben: touch\n" in results
        assert "%" not in results and "score" not in results.casefold()
    (round_,) = stored(data_dir, GuessRound)
    assert round_.guesser == 0 and round_.guesses["stress"] == "a hot bath [now]"


async def test_guessing_waits_for_a_profile(named_app):
    app = named_app
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("k", "g")
        await pilot.pause()
        screen = app.screen
        assert "Ben has not filled in a profile yet" in plain(screen, "#guess-intro")
        assert not screen.query_one("#guess-form").display


async def test_profiles_hint_in_planner_weekly_and_break(data_dir, clock):
    seed_names(data_dir)
    _seed_profiles(data_dir, clock)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        app.push_screen(RitualPickerScreen())
        await pilot.pause()
        hint = plain(app.screen, "#ritual-fit-hint")
        assert "Ana feels loved through time together, so A walk together" in hint
        assert "Ben feels loved through touch, so Affection" in hint
        app.pop_screen()
        app.push_screen(WeeklyScreen())
        await pilot.pause()
        assert "Ben most likes to receive love through touch and time together" in plain(
            app.screen, "#loved-hint-1"
        )
        assert "Ana most likes" in plain(app.screen, "#loved-hint-0")
        app.pop_screen()
        await pilot.pause()
        await begin(pilot)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BreakScreen)
        calm = plain(app.screen, "#calm-hint")
        assert "What helps Ana calm down: some space on my own and a walk [alone]." in calm
        assert "What helps Ben calm down: slow breathing and calming down and a hand" in calm


async def test_no_profile_no_hint(named_app):
    app = named_app
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        app.push_screen(RitualPickerScreen())
        await pilot.pause()
        assert not app.screen.query_one("#ritual-fit-hint").display
