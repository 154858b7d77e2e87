"""Snapshots of the listening session's main steps at 80x24, and Ana's turn also at 120x40
(where the topic and her note show too; the other steps only grow wider there).

Each test's docstring says what a reviewer should see. The fake clock gives the time, so the
countdown digits and the break's return time are the same on every run.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from conftest import build_app, seed_names
from listening_helpers import tick
from textual.widgets import Input, Select, TextArea

from closeness_tui.clock import FakeClock
from closeness_tui.models import Statement
from closeness_tui.store import Store

SIZES = [(80, 24), (120, 40)]
SMALL = [(80, 24)]  # the rest of each step's picture at 120x40 said nothing the 80x24 one does not
NOTE = "I feel tired when the weekend fills up with chores; I need a slow Sunday morning."


def prepared(data_dir):
    seed_names(data_dir)
    with Store.open(data_dir) as store:
        store.put(Statement(author=0, created_at=datetime(2026, 11, 20, 9).astimezone(), text=NOTE))
    clock = FakeClock(datetime(2026, 11, 21, 19, 30).astimezone())
    return build_app(data_dir, clock), clock


async def to_setup(pilot) -> None:
    await pilot.pause()
    await pilot.press("l")
    await pilot.pause()
    screen = pilot.app.screen
    screen.query_one("#topic", Input).value = "Weekends"
    screen.query_one("#min-3").value = True
    screen.query_one("#rounds-2").value = True
    await pilot.pause()


async def to_turn(pilot) -> None:
    await to_setup(pilot)
    pilot.app.screen.query_one("#speaker-note", Select).value = NOTE
    pilot.app.screen.query_one("#readiness").value = False
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()


async def to_summary(pilot) -> None:
    await to_turn(pilot)
    pilot.app.clock.advance(150)
    await pilot.press("enter")
    await pilot.pause()


async def to_rating(pilot) -> None:
    await to_summary(pilot)
    area = pilot.app.screen.query_one("#text", TextArea)
    area.text = "What I heard is you would love [one] slow Sunday morning ☕, just us."
    await pilot.press("ctrl+s")
    await pilot.pause()


@pytest.mark.parametrize("size", SMALL, ids=["80x24"])
def test_setup(size, data_dir, snap_compare):
    """The set-up screen: title and intro, the topic "Weekends" typed, Ana and Ben as the
    choice of first speaker, 3 min chosen of 2/3/5/10/other, rounds 1-5 with 2 chosen.
    Nothing is clipped; the form scrolls for the rest."""
    app, _ = prepared(data_dir)
    assert snap_compare(app, terminal_size=size, run_before=to_setup)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_speaker_turn(size, data_dir, snap_compare):
    """Ana's turn, 40 seconds in: the banner says "Round 1 of 2 · Ana speaks · Ben listens",
    large digits show 2:20, the progress bar is a little filled, "The floor is Ana's.", two
    role boxes (Ana has the floor / Ben is listening), and the hint that Enter passes to Ben.
    At 120x40 the topic and Ana's note (her I-statement) also show below the roles."""
    app, clock = prepared(data_dir)

    async def run(pilot):
        await to_turn(pilot)
        clock.advance(40)
        await tick(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SMALL, ids=["80x24"])
def test_speaker_turn_time_up(size, data_dir, snap_compare):
    """Ana went 12 seconds past her 3 minutes: the digits read +0:12 in the warning colour
    and the status asks her to finish her sentence and press Enter; nothing is cut off."""
    app, clock = prepared(data_dir)

    async def run(pilot):
        await to_turn(pilot)
        clock.advance(192)
        await tick(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SMALL, ids=["80x24"])
def test_summary(size, data_dir, snap_compare):
    """Ben writes his summary: "Ben, what did you hear Ana say?", the hint (ctrl+s asks Ana,
    ctrl+n adds a starter), the box pre-filled with "What I heard is ", and the sentence
    starters listed below it."""
    app, _ = prepared(data_dir)
    assert snap_compare(app, terminal_size=size, run_before=to_summary)


@pytest.mark.parametrize("size", SMALL, ids=["80x24"])
def test_rating(size, data_dir, snap_compare):
    """Ana rates Ben's summary: "Ana, did Ben get it?", his words shown exactly (brackets and
    the coffee emoji intact) in a box, then Got it / Partly / Not quite buttons."""
    app, _ = prepared(data_dir)
    assert snap_compare(app, terminal_size=size, run_before=to_rating)


@pytest.mark.parametrize("size", SMALL, ids=["80x24"])
def test_break(size, data_dir, snap_compare):
    """A break taken during Ben's summary: "Taking a break", calm words, a 20:00 countdown
    in large digits, "You'll come back at 19:52.", the breathing cue, the minutes box (20),
    where they stopped (Ben summarising) and the two buttons."""
    app, _ = prepared(data_dir)

    async def run(pilot):
        await to_summary(pilot)
        await pilot.press("ctrl+t")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SMALL, ids=["80x24"])
def test_close(size, data_dir, snap_compare):
    """The closing lines after a one-round session: "Before you finish", a line for Ana and
    one for Ben (Ana's already typed, with Hebrew and an emoji), and "Finish and save"."""
    app, clock = prepared(data_dir)

    async def run(pilot):
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        pilot.app.screen.query_one("#mirroring").value = False
        pilot.app.screen.query_one("#readiness").value = False
        await pilot.press("ctrl+s")
        await pilot.pause()
        for _ in range(2):
            clock.advance(30)
            await pilot.press("enter")
            await pilot.pause()
            pilot.app.screen.query_one("#text", TextArea).text = "What I heard is this"
            await pilot.press("ctrl+s")
            await pilot.pause()
            clock.advance(1)  # a floor key counts once its step has settled
            await pilot.press("g")
            await pilot.pause()
            if pilot.app.screen.query("#swap-next"):
                clock.advance(1)
                await pilot.press("enter")
                await pilot.pause()
        pilot.app.screen.query_one("#line-0", Input).value = "תודה שהקשבת 💛 [really]"
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run)
