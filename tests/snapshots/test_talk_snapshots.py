"""Snapshots at 80x24 of "Work it out", "After a fight" and "Solve it together".

Each talk is seeded on disk at the step shown and opened the way a couple would carry it on
(Work it out, its key, "Carry on"), so the screens are the ones after a restart."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from conftest import build_app, seed_names

from closeness_tui.models import (
    AfterFight,
    Idea,
    ListeningSession,
    Reality,
    Side,
    Solution,
    Summary,
    Try,
)
from closeness_tui.store import Store

NOW = datetime(2026, 11, 21, 19, 30).astimezone()
HOSTILE = "[/] [@click=app.quit]x[/] 😢 שלום [b]"


def seeded(data_dir, clock, *records):
    seed_names(data_dir, "Ana", "Ben")
    with Store.open(data_dir) as store:
        for record in records:
            store.put(record)
    return build_app(data_dir, clock)


def fight(step: str, seat: int = 0) -> AfterFight:
    return AfterFight(
        started_at=NOW - timedelta(minutes=20),
        names=["Ana", "Ben"],
        topic="the wait",
        sides=[
            Side(
                feelings="hurt, lonely",
                reality=Reality(
                    text="I waited an hour and felt forgotten.",
                    summaries=[Summary(text=HOSTILE)],
                ),
                triggers=["excluded"],
                apology="I'm sorry I went cold on you.",
            ),
            Side(feelings=HOSTILE),
        ],
        state={"step": step, "seat": seat},
    )


def solution(step: str, seat: int = 0, status: str = "active") -> Solution:
    return Solution(
        started_at=NOW - timedelta(days=14),
        names=["Ana", "Ben"],
        problem="We spend our weekends apart.",
        core=["Time with my friends.", "Quiet Sundays."],
        flexible=["How often.", "Saturdays."],
        options=[
            Idea(text="Saturday with friends, Sunday together", marks=["works", "works"]),
            Idea(text=HOSTILE, marks=["no", "could"]),
            Idea(text="Alternate weekends", marks=["could", ""]),
        ],
        tries=[
            Try(
                option=0,
                plans=["I plan Sunday.", "I book Saturday."],
                started_on=date(2026, 11, 7),
                review_on=date(2026, 11, 21),
            )
        ],
        status=status,
        state={"step": step, "seat": seat},
    )


def carry_on(*keys: str):
    async def run_before(pilot):
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        await pilot.press("escape")  # "Carry on"
        await pilot.pause(0.2)

    return run_before


def test_talk_it_through_with_a_due_review_and_a_pattern_note(snap_compare, data_dir, clock):
    """Work it out: its title and intro, two options (f After a fight, s Solve it
    together), the review due for "We spend our weekends apart." in bold warning colour,
    and the gentle note that "money" has come up a few times (x hides it)."""
    talks = [
        ListeningSession(started_at=NOW - timedelta(days=d), topic="money", status="done")
        for d in (2, 9, 20)
    ]
    app = seeded(data_dir, clock, *talks, solution("waiting", status="trial"))

    async def run_before(pilot):
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_after_a_fight_start(snap_compare, data_dir, clock):
    """After a fight, the start: title, the balcony intro, six numbered steps, the topic
    box focused, "Check first that now is a good time" ticked, and Begin."""
    app = seeded(data_dir, clock)

    async def run_before(pilot):
        await pilot.pause()
        await pilot.press("w", "f")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_after_a_fight_reality_with_feelings_side_by_side(snap_compare, data_dir, clock):
    """Ana's reality: banner "After a fight · Ana's turn", the title and hint, both feelings
    side by side (Ben's hostile text literal: brackets, emoji, Hebrew), the empty box."""
    app = seeded(data_dir, clock, fight("reality"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=carry_on("w", "f"))


def test_after_a_fight_rating(snap_compare, data_dir, clock):
    """Ana says whether Ben got it: Ben's summary (hostile, literal) in a bar-edged block,
    Got it / Partly / Not quite buttons, the hint with o to move on."""
    app = seeded(data_dir, clock, fight("rating"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=carry_on("w", "f"))


def test_after_a_fight_triggers(snap_compare, data_dir, clock):
    """Ana's triggers: ten common ones as checkboxes in three columns ("excluded" ticked),
    and the box for her own words."""
    app = seeded(data_dir, clock, fight("triggers"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=carry_on("w", "f"))


def test_after_a_fight_apology_answer(snap_compare, data_dir, clock):
    """Ben answers Ana's apology: "Ben, Ana apologised:", her words, and the two answers
    "I can accept it now" and "I need some time"; the hint says both are fine."""
    app = seeded(data_dir, clock, fight("answer"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=carry_on("w", "f"))


def test_solve_marks(snap_compare, data_dir, clock):
    """Ben marks the ideas: three ideas with his marks so far (the hostile one literal, one
    "not marked yet"), keys w / c / n in the footer."""
    app = seeded(data_dir, clock, solution("marks", 1))
    assert snap_compare(app, terminal_size=(80, 24), run_before=carry_on("w", "s"))


def test_solve_choose(snap_compare, data_dir, clock):
    """Choosing one: the idea that works for both first, the vetoed one last, each with
    both names' marks dimmed under it."""
    app = seeded(data_dir, clock, solution("choose"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=carry_on("w", "s"))


def test_solve_review(snap_compare, data_dir, clock):
    """The review two weeks on: the option in the title, both plans, a note box, and Keep
    it / Adjust it / Try another idea."""
    app = seeded(data_dir, clock, solution("review"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=carry_on("w", "s"))


def test_insights_count_the_talks(snap_compare, data_dir, clock):
    """Insights scrolled to its end: "After a fight, and solving it together", "Talks
    after a fight finished: 1 · solutions tried: 2, looked back on: 1 · since 7 Nov 2026"
    and "Of those looked back on: 0 kept, 1 adjusted, 0 set down for another idea", above
    the closing note."""
    done = fight("done")
    done.status, done.finished_at = "done", NOW - timedelta(days=3)
    tried = solution("waiting", status="trial")
    tried.tries[0].outcome = "adjust"
    tried.tries.append(Try(option=0, started_on=date(2026, 11, 21), review_on=date(2026, 11, 28)))
    app = seeded(data_dir, clock, done, tried)

    async def run_before(pilot):
        await pilot.pause()
        await pilot.press("j")  # Insights are reached from the journal
        await pilot.pause(0.2)
        await pilot.press("i")
        for _ in range(50):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause(0.02)
            if pilot.app.screen.query("#talks-value"):
                break
        await pilot.press("end")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_solve_start_from_the_weekly_topic(snap_compare, data_dir, clock):
    """Solve it together's start, as After a fight's: padded, the bold title, the intro,
    "From: [/] ..." (the hostile topic literal) with a line of space around it, and Begin."""
    from closeness_tui.screens.solve_start import SolveStartScreen

    app = seeded(data_dir, clock)

    async def run_before(pilot):
        await pilot.pause()
        pilot.app.push_screen(SolveStartScreen(topic=HOSTILE, offer_waiting=False))
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_home_with_a_talk_waiting(snap_compare, data_dir, clock):
    """Home at 80x24 with a talk after a fight stopped at Ben's part: the greeting, the
    bold line "A talk after a fight is waiting for you: Ben naming their part (since Sat
    19:25). Press w, then f, to carry on.", the question of the day, and the eight entries
    on one line each (no blurbs) so that everything, the therapist's note too, is in view
    without scrolling."""
    waiting = fight("owns", seat=1)
    waiting.updated_at = NOW - timedelta(minutes=5)
    app = seeded(data_dir, clock, waiting)

    async def run_before(pilot):
        await pilot.pause()
        await pilot.pause(0.1)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
