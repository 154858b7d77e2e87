"""After a fight: what the talk is and its steps, a few words on what it was about, and
whether to check first that now is a good time. An unfinished talk is offered first."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Footer, Header, Input, Label, Static

from closeness_tui.models import AfterFight
from closeness_tui.repair import RESUMABLE, Repair, unfinished
from closeness_tui.repairtext import repair_text
from closeness_tui.screens.base import ClosenessScreen
from closeness_tui.screens.carry_on import offer_to_carry_on_talk, screen_below
from closeness_tui.screens.text_boxes import LineBox
from closeness_tui.text import LINE_MAX, clean

TOPIC_MAX = 120


class RepairStartScreen(ClosenessScreen):
    CSS_PATH = "repair.tcss"
    HELP_TOPIC = "repair"
    BINDINGS = [
        Binding("ctrl+s", "begin", "Begin", id="repair-begin", tooltip="Begin the talk"),
    ]

    def __init__(self, offer_resume: bool = True) -> None:
        super().__init__()
        self.offer_resume = offer_resume

    def compose(self) -> ComposeResult:
        words = repair_text().start
        yield Header()
        with VerticalScroll(id="repair-start"):
            yield Static(Content(words.title), id="repair-title")
            yield Static(Content(words.intro), classes="muted")
            yield Static(Content.styled(words.steps_title, "bold"))
            yield Static(
                Content("\n").join(
                    Content(f"{n}. {step}") for n, step in enumerate(words.steps, 1)
                ),
                id="repair-steps",
            )
            yield Label(Content(words.topic_label))
            yield LineBox(placeholder=words.topic_placeholder, id="topic", max_length=TOPIC_MAX)
            yield Checkbox(Content(words.readiness_label), True, id="readiness")
            with Vertical(id="repair-buttons"):
                yield Button(Content(words.begin), id="begin", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#topic", Input).focus()
        if self.offer_resume and self.capp.store is not None:
            waiting = unfinished(self.capp.store.where(AfterFight, "status", RESUMABLE))
            if waiting is not None:
                self._offer(waiting)

    def _offer(self, record: AfterFight) -> None:
        from closeness_tui.screens.repair_common import where

        machine = Repair.resume(record, self.capp.clock)
        offer_to_carry_on_talk(self, machine, repair_text().start, where(machine), self._run)

    def _run(self, machine: Repair) -> None:
        from closeness_tui.screens.repair_flow import RepairFlow

        RepairFlow(self.capp, machine, screen_below(self), self._finished).open()

    def _finished(self, record_id: str | None) -> None:
        if record_id is not None:
            done = repair_text().steps["done"]
            self.app.notify(done.hint, title=done.title, timeout=8, markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_begin()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_begin()

    def action_begin(self) -> None:
        machine = Repair.new(self.capp.clock, self.capp.settings.names)
        topic = clean(self.query_one("#topic", Input).value, LINE_MAX, single_line=True)
        machine.configure(
            topic=topic.text.strip()[:TOPIC_MAX],
            check_readiness=self.query_one("#readiness", Checkbox).value,
        )
        machine.begin()
        if self.capp.save(machine.sync()):
            self._run(machine)
