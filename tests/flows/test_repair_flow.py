"""A whole after-a-fight talk at one keyboard, with a fake clock: readiness, feelings, two
realities with a Not quite loop, triggers, each one's part with the coach's gentle note,
a regret skipped, one thing each will do differently, an apology and its answer. A break
mid-way, and a restart of the app on the same data, resume exactly where it stopped.
Everything is checked against the record reopened from disk; hostile text stays literal."""

from __future__ import annotations

from conftest import build_app, seed_names
from textual.widgets import Checkbox, Input, Static

from closeness_tui.models import AfterFight
from closeness_tui.screens.dialogs import ConfirmDialog
from closeness_tui.screens.home import HomeScreen
from closeness_tui.screens.listening_ready import ReadinessScreen
from closeness_tui.screens.repair_answer import RepairAnswerScreen
from closeness_tui.screens.repair_break import RepairBreakScreen
from closeness_tui.screens.repair_rate import RepairRateScreen
from closeness_tui.screens.repair_start import RepairStartScreen
from closeness_tui.screens.repair_write import RepairWriteScreen
from closeness_tui.screens.text_boxes import TextBox
from closeness_tui.screens.together import TogetherScreen
from closeness_tui.store import Store

HOSTILE = "[/] [@click=app.quit]x[/] 😢 שלום [b]"


def saved(data_dir) -> AfterFight:
    with Store.open(data_dir, read_only=True) as store:
        (record,) = store.all(AfterFight)
    return record


def plain(screen, selector: str) -> str:
    return screen.query_one(selector, Static).visual.plain


async def write(pilot, text: str, expect=RepairWriteScreen) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, expect), screen
    screen.query_one("#repair-text", TextBox).text = text
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_after_a_fight_end_to_end_with_a_break_and_a_restart(data_dir, clock):
    seed_names(data_dir, "Ana", "Ben")
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("w", "f")
        await pilot.pause()
        assert isinstance(app.screen, RepairStartScreen)
        app.screen.query_one("#topic", Input).value = HOSTILE
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReadinessScreen)  # the listening session's own
        await pilot.press("ctrl+s")
        await pilot.pause()
        # Feelings first, each in turn, named on the banner.
        assert "Ana's turn" in plain(app.screen, "#repair-banner")
        await write(pilot, "hurt, lonely")
        assert "Ben's turn" in plain(app.screen, "#repair-banner")
        await write(pilot, HOSTILE)
        # Two realities: both feelings side by side, Ana tells hers.
        shown = " ".join(s.visual.plain for s in app.screen.query(".repair-feeling"))
        assert "hurt, lonely" in shown and HOSTILE in shown
        assert "Ana, what was it like" in plain(app.screen, "#repair-title")
        await write(pilot, "I waited an hour and felt forgotten.")
        assert "Ben, say back" in plain(app.screen, "#repair-title")
        assert "forgotten" in plain(app.screen, "#reality-text")
        await write(pilot, "What I heard is you were bored.")
        assert isinstance(app.screen, RepairRateScreen)
        assert "Ana, did Ben get it?" in plain(app.screen, "#repair-title")
        await pilot.press("n")
        await pilot.pause()
        assert "Ana, what did Ben miss?" in plain(app.screen, "#repair-title")
        await write(pilot, "Not bored: forgotten.")
        await write(pilot, "What I heard is you felt forgotten while you waited.")
        await pilot.press("g")
        await pilot.pause()
        assert "Ben, what part of it makes sense" in plain(app.screen, "#repair-title")
        # A break mid-way: the step is kept.
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, RepairBreakScreen)
        assert "Ben saying what makes sense" in plain(app.screen, "#where")
        record = saved(data_dir)
        assert record.status == "on_break"
        assert record.state["resume_step"] == "makes_sense"
        await pilot.press("escape")  # come back later
        await pilot.pause()
        assert isinstance(app.screen, TogetherScreen)

    clock.advance(25 * 60)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("w", "f")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # "Carry on" is the calm default
        await pilot.pause()
        assert isinstance(app.screen, RepairBreakScreen)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "Ben, what part of it makes sense" in plain(app.screen, "#repair-title")
        # A draft typed and then a restart: the words come back.
        app.screen.query_one("#repair-text", TextBox).text = "It makes sense that you"
        await pilot.pause(0.6)
    assert saved(data_dir).draft == "It makes sense that you"

    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("w", "f")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        box = app.screen.query_one("#repair-text", TextBox)
        assert box.text == "It makes sense that you"
        await write(pilot, "It makes sense that an hour felt long.")
        # Ben's reality, understood at once.
        assert "Ben, what was it like" in plain(app.screen, "#repair-title")
        await write(pilot, "I was stuck at work and my phone died.")
        await write(pilot, "What I heard is you could not call.")
        await pilot.press("g")
        await pilot.pause()
        await write(pilot, "It makes sense you felt trapped.")
        # Triggers, from the common list and in their own words.
        app.screen.query_one("#trigger-0", Checkbox).value = True
        await write(pilot, "It reminded me of waiting for my dad.")
        await write(pilot, "powerless")
        # What each owns: the coach flags blame once, a second ctrl+s keeps it.
        await write(pilot, "You always make me feel like I don't matter.")
        assert "Ana, what is your part" in plain(app.screen, "#repair-title")
        assert plain(app.screen, "#repair-coach")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Ben, what is your part" in plain(app.screen, "#repair-title")
        await write(pilot, "I was stressed and snapped.")
        await pilot.press("ctrl+o")  # no regret named
        await pilot.pause()
        await write(pilot, "I regret raising my voice.")
        await write(pilot, "Say when I am hurt instead of going quiet.")
        await write(pilot, "Text when I will be late.")
        await write(pilot, "I'm sorry I went cold on you.")
        assert isinstance(app.screen, RepairAnswerScreen)
        assert "Ben, Ana apologised" in plain(app.screen, "#repair-title")
        await pilot.press("t")
        await pilot.pause()
        await write(pilot, HOSTILE)
        assert HOSTILE == plain(app.screen, "#apology-text")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, TogetherScreen)

    record = saved(data_dir)
    assert record.status == "done" and record.topic == HOSTILE
    ana, ben = record.sides
    assert ana.feelings == "hurt, lonely" and ben.feelings == HOSTILE
    assert [s.rating for s in ana.reality.summaries] == ["not_quite", "got_it"]
    assert ana.reality.clarifications == ["Not bored: forgotten."]
    assert ana.reality.makes_sense == "It makes sense that an hour felt long."
    assert ana.triggers == ["excluded"] and ben.triggers == []
    assert ben.trigger_note == "powerless"
    assert ana.owns.startswith("You always") and ana.regret == ""
    assert ben.regret == "I regret raising my voice."
    assert ana.differently.startswith("Say when") and ben.differently.startswith("Text")
    assert ana.apology_answer == "need_time" and ben.apology == HOSTILE
    assert ben.apology_answer == "accept"
    assert len(record.breaks) == 1 and record.breaks[0].ended_at is not None
    assert record.draft == ""
