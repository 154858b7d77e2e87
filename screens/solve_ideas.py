"""Ideas: both add options, as many as they like, with no judging while adding. Each idea
is saved as it is added; ctrl+g when they have enough."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from closeness_tui.screens.solve_write import SolveWriteScreen
from closeness_tui.screens.text_boxes import TextBox
from closeness_tui.text import safe


class SolveIdeasScreen(SolveWriteScreen):
    HELP_TOPIC = "solve_ideas"
    BINDINGS = [
        Binding("ctrl+s", "submit", "Add idea", id="solve-add-idea", tooltip="Add this idea"),
        Binding(
            "ctrl+g",
            "done_ideas",
            "Enough ideas",
            id="solve-done-ideas",
            tooltip="You have enough ideas: on to how each sits with you",
        ),
    ]

    def _compose_context(self) -> ComposeResult:
        yield from super()._compose_context()
        yield Static(Content.styled(self.words.list_title, "bold"))
        with VerticalScroll(id="solve-ideas"):
            yield Static(self._ideas(), id="solve-ideas-list")

    def _ideas(self) -> Content:
        options = self.m.record.options
        if not options:
            return Content(self.words.none)
        return Content("\n").join(
            Content.assemble(f"{n}. ", safe(idea.text)) for n, idea in enumerate(options, 1)
        )

    def action_submit(self) -> None:
        text = self._text()
        if not text:
            self._say_empty()
            return
        if self.flow.apply("add_idea", text):
            box = self.query_one("#repair-text", TextBox)
            box.text = ""
            self.query_one("#repair-error", Static).update("")
            self.query_one("#solve-ideas-list", Static).update(self._ideas())

    def action_done_ideas(self) -> None:
        if not self.m.record.options:
            self._say_empty()
            return
        self.keep_draft()
        self.flow.apply("done_ideas")
