"""Choose one idea to try: those that work for both come first, with both marks shown."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from closeness_tui.screens.solve_common import SolveStepScreen
from closeness_tui.screens.solve_marks import mark_word
from closeness_tui.solve import ranked
from closeness_tui.text import safe


class SolveChooseScreen(SolveStepScreen):
    HELP_TOPIC = "solve_choose"

    def compose(self) -> ComposeResult:
        names = self.m.record.names
        options = self.m.record.options
        yield Header()
        with Vertical(id="repair", classes="choose"):
            yield Static(self.banner(), id="repair-banner")
            yield Static(self.fill(self.words.title), id="repair-title")
            yield Static(self.fill(self.words.hint), id="repair-hint", classes="muted")
            yield OptionList(
                *(
                    Option(
                        Content.assemble(
                            (safe(options[n].text)),
                            "\n  ",
                            (
                                Content.assemble(
                                    safe(names[0]),
                                    f": {mark_word(options[n].marks[0])} · ",
                                    safe(names[1]),
                                    f": {mark_word(options[n].marks[1])}",
                                ).stylize("dim")
                            ),
                        ),
                        id=f"idea-{n}",
                    )
                    for n in ranked(options)
                ),
                id="solve-options",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#solve-options", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.flow.apply("choose", int(event.option.id.removeprefix("idea-")))
