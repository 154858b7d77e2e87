"""The I-statement hub: build one, start from a complaint, the saved statements, practice."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from closeness_tui.istatement_content import istatement_text
from closeness_tui.registry import screen_class
from closeness_tui.screens.base import ClosenessScreen

ENTRIES = (
    ("b", "statement_builder", "hub_build"),
    ("c", "statement_complaint", "hub_complaint"),
    ("l", "statement_library", "hub_library"),
    ("p", "statement_practice", "hub_practice"),
)


class IStatementScreen(ClosenessScreen):
    CSS_PATH = "istatement.tcss"
    HELP_TOPIC = "istatement"
    BINDINGS = [
        Binding(
            "b",
            "open('statement_builder')",
            "Build",
            id="is-build",
            tooltip="Build an I-statement from a feeling, a moment and a need",
            show=False,  # the keys are on the list itself
        ),
        Binding(
            "c",
            "open('statement_complaint')",
            "From a complaint",
            id="is-complaint",
            tooltip='Start from a "you ..." sentence and get a first draft',
            show=False,  # the keys are on the list itself
        ),
        Binding(
            "l",
            "open('statement_library')",
            "Saved",
            id="is-library",
            tooltip="Each partner's saved statements: read, edit, copy, delete",
            show=False,  # the keys are on the list itself
        ),
        Binding(
            "p",
            "open('statement_practice')",
            "Practice",
            id="is-practice",
            tooltip="Rewrite example sentences and see how your version fares",
            show=False,  # the keys are on the list itself
        ),
    ]

    def compose(self) -> ComposeResult:
        words = istatement_text().screens
        yield Header()
        with Vertical(id="hub"):
            yield Static(Content(words.hub_title), classes="title")
            yield Static(Content(words.hub_intro), classes="muted", id="hub-intro")
            options = []
            for key, screen, attr in ENTRIES:
                title = getattr(words, attr)
                blurb = getattr(words, attr + "_blurb")
                options.append(
                    Option(
                        Content.assemble(
                            (f" {key} ", "reverse"), "  ", (title, "bold"), "\n     ", blurb
                        ),
                        id=screen,
                    )
                )
            yield OptionList(
                *[item for option in options for item in (option, None)][:-1], id="hub-entries"
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#hub-entries", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.action_open(event.option.id)

    def action_open(self, screen: str) -> None:
        self.app.push_screen(screen_class(screen)())
