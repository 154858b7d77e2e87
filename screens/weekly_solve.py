"""The weekly check-in and the talks after a listening session: the issue step reaches
"Solve it together" (a button that opens it with the issue, and a line when a solution's
review is due), and the look-back includes what each said they would do differently after a
fight since the last weekly check-in."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Button, Static

from closeness_tui.fight_promises import FightPromise
from closeness_tui.models import CheckIn


def solve_button() -> ComposeResult:
    from closeness_tui.solvetext import solve_text

    yield Button(Content(solve_text().offer.weekly), id="solve")


def solve_due(app: Any) -> ComposeResult:
    """The due review, under the issue (nothing when none is due)."""
    from closeness_tui.screens.together_lines import due_line

    line = due_line(app)
    if line is not None:
        yield Static(line, id="solve-due", classes="gentle")


def fight_promises(app: Any, checkins: list[CheckIn], checkin: CheckIn) -> list[FightPromise]:
    """What each said they would do differently after a fight since the last weekly
    check-in, and those not kept yet: looked back on with last week's promises."""
    if app.store is None:
        return []
    from closeness_tui.fight_promises import to_look_back_on
    from closeness_tui.models import AfterFight

    done = app.store.where(AfterFight, "status", ("done",))
    return to_look_back_on(done, checkins, checkin)


def open_solve(app: Any, checkin: CheckIn) -> None:
    from closeness_tui.screens.solve_start import SolveStartScreen

    app.push_screen(
        SolveStartScreen(
            topic=checkin.issue, listening_id=checkin.listening_id, checkin_id=checkin.id
        )
    )
