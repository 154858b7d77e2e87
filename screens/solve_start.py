"""Solve it together: what it is, and Begin. Opened from Work it out, from the end of
a listening session where both felt understood, and from the weekly check-in's issue (each
passes its topic and record). A trial whose review is due is offered first; an unfinished
talk is offered to carry on."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Header, Static

from closeness_tui.models import Solution
from closeness_tui.screens.base import ClosenessScreen
from closeness_tui.screens.carry_on import offer_to_carry_on_talk, screen_below
from closeness_tui.solve import Solve, unfinished
from closeness_tui.solvetext import solve_text
from closeness_tui.text import safe_template


def waiting_trial(solutions: list[Solution]) -> Solution | None:
    """The most recent solution being tried (its review may be due or not yet)."""
    trying = [s for s in solutions if s.status == "trial" and s.tries]
    return max(trying, key=lambda s: s.tries[-1].started_on, default=None)


class SolveStartScreen(ClosenessScreen):
    CSS_PATH = "repair.tcss"
    HELP_TOPIC = "solve"
    BINDINGS = [
        Binding("ctrl+s", "begin", "Begin", id="solve-begin", tooltip="Begin solving it together"),
    ]

    def __init__(
        self,
        topic: str = "",
        listening_id: str | None = None,
        checkin_id: str | None = None,
        offer_waiting: bool = True,
    ) -> None:
        super().__init__()
        self.topic = topic
        self.listening_id = listening_id
        self.checkin_id = checkin_id
        self.offer_waiting = offer_waiting

    def compose(self) -> ComposeResult:
        words = solve_text().start
        yield Header()
        with VerticalScroll(id="repair-start"):
            yield Static(Content(words.title), id="repair-title")
            yield Static(Content(words.intro), classes="muted")
            if self.topic:
                yield Static(safe_template(words.topic_label, topic=self.topic), id="solve-topic")
            with Vertical(id="repair-buttons"):
                yield Button(Content(words.begin), id="begin", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#begin", Button).focus()
        if not self.offer_waiting or self.capp.store is None:
            return
        solutions = self.capp.store.where(Solution, "status", ("active", "on_break", "trial"))
        trial = waiting_trial(solutions)
        if trial is not None:
            self._offer_review(trial)
            return
        waiting = unfinished(solutions)
        if waiting is not None:
            self._offer(waiting)

    def _offer_review(self, record: Solution) -> None:
        from closeness_tui.screens.dialogs import ConfirmDialog
        from closeness_tui.screens.solve_common import option_text

        words = solve_text().start
        machine = Solve.resume(record, self.capp.clock)
        day = record.tries[-1].review_on.strftime("%a %d %b")

        def done(now: bool | None) -> None:
            if now:
                machine.open_review()
                self.capp.save(machine.sync())
                self._run(machine)

        question = safe_template(words.review_question, option=option_text(machine), day=day)
        self.app.push_screen(
            ConfirmDialog(question, yes=words.review_yes, no=words.review_no), done
        )

    def _offer(self, record: Solution) -> None:
        from closeness_tui.screens.repair_common import where

        machine = Solve.resume(record, self.capp.clock)
        words = solve_text()
        offer_to_carry_on_talk(self, machine, words.start, where(machine, words), self._run)

    def _run(self, machine: Solve) -> None:
        from closeness_tui.screens.solve_flow import SolveFlow

        SolveFlow(self.capp, machine, screen_below(self), self._finished(machine)).open()

    def _finished(self, machine: Solve):
        def done(record_id: str | None) -> None:
            if record_id is None:
                return
            words = solve_text().start
            if machine.step == "waiting" and machine.current_try is not None:
                day = machine.current_try.review_on.strftime("%a %d %b")
                self.app.notify(
                    safe_template(words.trial_started, day=day).plain, timeout=8, markup=False
                )
            elif machine.step == "done":
                self.app.notify(words.kept, timeout=8, markup=False)

        return done

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_begin()

    def action_begin(self) -> None:
        machine = Solve.new(self.capp.clock, self.capp.settings.names)
        machine.configure(
            topic=self.topic, listening_id=self.listening_id, checkin_id=self.checkin_id
        )
        machine.begin()
        if self.capp.save(machine.sync()):
            self._run(machine)
