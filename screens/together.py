"""Work it out: the two conversations for hard times, "After a fight" and "Solve it
together", with any review of a solution that is due, and, when the same topic keeps coming
back, one gentle, dismissible note that a couples therapist can help."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from closeness_tui.repairtext import repair_text
from closeness_tui.screens.base import ClosenessScreen


class TogetherScreen(ClosenessScreen):
    CSS_PATH = "together.tcss"
    HELP_TOPIC = "together"
    BINDINGS = [
        Binding(
            "f",
            "open('repair')",
            "After a fight",
            id="together-repair",
            tooltip="Once you are both calm, look back at a fight together",
        ),
        Binding(
            "s",
            "open('solve')",
            "Solve it together",
            id="together-solve",
            tooltip="Once you both feel understood, find something to try together",
        ),
        Binding(
            "x",
            "dismiss_note",
            "Hide the note",
            id="together-dismiss",
            tooltip="Hide the note about a topic that keeps coming back",
            show=False,
        ),
    ]

    def compose(self) -> ComposeResult:
        words = repair_text().together
        yield Header()
        with Vertical(id="together"):
            yield Static(Content(words.title), id="together-title")
            yield Static(Content(words.intro), classes="muted")
            yield OptionList(*self._options(), id="together-options")
            yield Static("", id="together-due")
            yield Static("", id="together-pattern", classes="gentle")
        yield Footer()

    def _options(self) -> list[Option]:
        words = repair_text().together
        options = []
        for key, screen, title, blurb in (
            ("f", "repair", words.repair_title, words.repair_blurb),
            ("s", "solve", words.solve_title, words.solve_blurb),
        ):
            prompt = Content.assemble(
                (f" {key} ", "bold"), " ", (title, "bold"), "\n    ", (blurb, "dim")
            )
            options.append(Option(prompt, id=screen))
        return options

    def on_mount(self) -> None:
        self.query_one("#together-options", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.refresh_lines()

    def refresh_lines(self) -> None:
        """The due review and the pattern note (each hidden when there is nothing to say)."""
        from closeness_tui.screens.together_lines import due_line, pattern_line

        for selector, line in (
            ("#together-due", due_line(self.capp, short=True)),
            ("#together-pattern", pattern_line(self.capp)),
        ):
            widget = self.query_one(selector, Static)
            widget.update(line or "")
            widget.display = line is not None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "dismiss_note":
            return self.is_mounted and self.query_one("#together-pattern").display
        return super().check_action(action, parameters)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.action_open(event.option.id)

    def action_open(self, screen: str) -> None:
        self.capp.open_screen(screen)

    def action_dismiss_note(self) -> None:
        from closeness_tui.screens.together_lines import dismiss_pattern

        dismiss_pattern(self.capp)
        self.refresh_lines()
