"""Solve it together at one keyboard, with a fake clock: the problem (the coach flags blame
once), what each cannot give up and where each can bend, ideas, marks, a choice, plans and
a two-week trial; a break and a restart mid-way; then the review two weeks later, shown as
due on Work it out, adjusted once and then kept. Checked against the file on disk."""

from __future__ import annotations

from conftest import build_app, seed_names
from textual.widgets import Static

from closeness_tui.models import Solution
from closeness_tui.screens.dialogs import ConfirmDialog
from closeness_tui.screens.home import HomeScreen
from closeness_tui.screens.repair_break import RepairBreakScreen
from closeness_tui.screens.solve_choose import SolveChooseScreen
from closeness_tui.screens.solve_ideas import SolveIdeasScreen
from closeness_tui.screens.solve_marks import SolveMarksScreen
from closeness_tui.screens.solve_review import SolveReviewScreen
from closeness_tui.screens.solve_start import SolveStartScreen
from closeness_tui.screens.solve_trial import SolveTrialScreen
from closeness_tui.screens.solve_write import SolveWriteScreen
from closeness_tui.screens.text_boxes import TextBox
from closeness_tui.screens.together import TogetherScreen
from closeness_tui.store import Store

HOSTILE = "[/] [@click=app.quit]x[/] 😢 שלום [b]"
DAY = 24 * 60 * 60


def saved(data_dir) -> Solution:
    with Store.open(data_dir, read_only=True) as store:
        (record,) = store.all(Solution)
    return record


def plain(screen, selector: str) -> str:
    return screen.query_one(selector, Static).visual.plain


async def write(pilot, text: str, expect=SolveWriteScreen, key: str = "ctrl+s") -> None:
    screen = pilot.app.screen
    assert isinstance(screen, expect), screen
    screen.query_one("#repair-text", TextBox).text = text
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()


async def open_solve(pilot) -> None:
    await pilot.pause()
    assert isinstance(pilot.app.screen, HomeScreen)
    await pilot.press("w")
    await pilot.pause()
    assert isinstance(pilot.app.screen, TogetherScreen)
    await pilot.press("s")
    await pilot.pause()


async def test_solve_it_together_then_review_two_weeks_later(data_dir, clock):
    seed_names(data_dir, "Ana", "Ben")
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_solve(pilot)
        assert isinstance(app.screen, SolveStartScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Ana and Ben" in plain(app.screen, "#repair-banner")
        await write(pilot, "You never plan anything.")
        assert plain(app.screen, "#repair-coach")  # blame flagged, nothing moved
        await write(pilot, "We spend our weekends apart.")
        assert "Ana, what can you not give up" in plain(app.screen, "#repair-title")
        assert "weekends apart" in plain(app.screen, "#problem-text")
        await write(pilot, "Time with my friends.")
        await write(pilot, "How often.")
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, RepairBreakScreen)
        assert "Ben's core need" in plain(app.screen, "#where")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TogetherScreen)

    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_solve(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # carry on
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "Ben, what can you not give up" in plain(app.screen, "#repair-title")
        await write(pilot, "Quiet Sundays.")
        await write(pilot, "Saturdays.")
        await write(pilot, "Saturday with friends, Sunday together", expect=SolveIdeasScreen)
        await write(pilot, HOSTILE, expect=SolveIdeasScreen)
        await write(pilot, "Alternate weekends", expect=SolveIdeasScreen)
        assert HOSTILE in plain(app.screen, "#solve-ideas-list")
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, SolveMarksScreen)
        assert "Ana, how does each idea" in plain(app.screen, "#repair-title")
        await pilot.press("ctrl+s")  # not all marked yet
        await pilot.pause()
        assert plain(app.screen, "#repair-error")
        await pilot.press("w", "n", "c", "ctrl+s")
        await pilot.pause()
        assert "Ben, how does each idea" in plain(app.screen, "#repair-title")
        await pilot.press("w", "c", "w", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SolveChooseScreen)
        await pilot.press("enter")  # the first: works for both
        await pilot.pause()
        assert "Saturday with friends" in plain(app.screen, "#repair-hint")
        await write(pilot, "I plan Sunday.")
        await write(pilot, "I book Saturday.")
        assert isinstance(app.screen, SolveTrialScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TogetherScreen)

    record = saved(data_dir)
    assert record.status == "trial" and record.problem == "We spend our weekends apart."
    assert [o.marks for o in record.options] == [
        ["works", "works"],
        ["no", "could"],
        ["could", "works"],
    ]
    assert record.options[1].text == HOSTILE
    assert record.tries[0].plans == ["I plan Sunday.", "I book Saturday."]
    assert (record.tries[0].review_on - record.tries[0].started_on).days == 14

    clock.advance(14 * DAY)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert "weekends apart" in plain(app.screen, "#listening-waiting")  # due, on Home
        await pilot.press("w")
        await pilot.pause()
        assert "weekends apart" in plain(app.screen, "#together-due")
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await pilot.pause()
        assert isinstance(app.screen, SolveReviewScreen)
        await pilot.press("ctrl+n")  # adjust
        await pilot.pause()
        await write(pilot, "I plan Sunday, by Friday.")
        await write(pilot, "I book Saturday.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TogetherScreen)
        await pilot.press("s")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        await pilot.press("ctrl+s")  # keep it
        await pilot.pause()
        assert isinstance(app.screen, TogetherScreen)

    record = saved(data_dir)
    assert record.status == "kept"
    assert [t.outcome for t in record.tries] == ["adjust", "keep"]
    assert record.tries[1].plans[0] == "I plan Sunday, by Friday."
