"""Each partner marks every idea: works for me / could live with it / not for me."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from closeness_tui.screens.solve_common import SolveStepScreen
from closeness_tui.solvetext import solve_text
from closeness_tui.text import safe


def mark_word(mark: str) -> str:
    words = solve_text().marks
    return {"works": words.works, "could": words.could, "no": words.no}.get(mark, words.unmarked)


class SolveMarksScreen(SolveStepScreen):
    HELP_TOPIC = "solve_marks"
    BINDINGS = [
        Binding("w", "mark('works')", "Works for me", id="solve-works", tooltip="Works for me"),
        Binding("c", "mark('could')", "Could live with it", id="solve-could", tooltip="I could"),
        Binding("n", "mark('no')", "Not for me", id="solve-no", tooltip="Not for me"),
        Binding("ctrl+s", "done", "Done", id="solve-marks-done", tooltip="Every idea is marked"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="repair", classes="marks"):
            yield Static(self.banner(), id="repair-banner")
            yield Static(self.fill(self.words.title), id="repair-title")
            yield Static(self.fill(self.words.hint), id="repair-hint", classes="muted")
            yield OptionList(*self._options(), id="solve-options")
            yield Static("", id="repair-error", classes="error")
        yield Footer()

    def _options(self) -> list[Option]:
        seat = self.m.seat
        return [
            Option(
                Content.assemble(
                    safe(idea.text), "  ", (f"· {mark_word(idea.marks[seat])}", "dim")
                ),
                id=f"idea-{n}",
            )
            for n, idea in enumerate(self.m.record.options)
        ]

    def on_mount(self) -> None:
        self.query_one("#solve-options", OptionList).focus()

    def action_mark(self, mark: str) -> None:
        options = self.query_one("#solve-options", OptionList)
        index = options.highlighted
        if index is None:
            return
        if self.flow.apply("mark", index, mark):
            options.set_options(self._options())
            options.highlighted = min(index + 1, len(self.m.record.options) - 1)

    def action_done(self) -> None:
        if self.m.unmarked(self.m.seat):
            self.query_one("#repair-error", Static).update(Content(self.words.missing))
            return
        self.flow.apply("done_marks")
