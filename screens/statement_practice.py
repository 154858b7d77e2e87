"""Practice: example sentences from content/practice.toml to rewrite; the coaching shows how
the rewrite fares as it is typed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Static, TextArea

from closeness_tui.istatement_content import istatement_text, practice
from closeness_tui.screens.coaching import finding_lines, marked
from closeness_tui.screens.drafting import DraftingScreen
from closeness_tui.screens.text_boxes import TextBox
from closeness_tui.text import TEXT_MAX, clean


class PracticeScreen(DraftingScreen):
    CSS_PATH = "statement_practice.tcss"
    HELP_TOPIC = "statement_practice"
    BINDINGS = [
        Binding(
            "ctrl+n",
            "next",
            "Next example",
            id="practice-next",
            tooltip="Go on to another sentence to rewrite",
        ),
        Binding(
            "ctrl+o",
            "idea",
            "One version",
            id="practice-idea",
            tooltip="Show or hide one possible rewrite of the example",
        ),
    ]

    def __init__(self, index: int = 0) -> None:
        super().__init__()
        self.index = index % len(practice().sentences)

    def compose(self) -> ComposeResult:
        words = istatement_text().screens
        yield Header()
        with VerticalScroll(id="practice-page"):
            yield Static(Content(practice().intro), classes="muted", id="practice-intro")
            original = Static(id="original")
            original.border_title = words.practice_original
            yield original
            area = TextBox(id="rewrite", soft_wrap=True, show_line_numbers=False)
            area.placeholder = words.practice_placeholder
            yield area
            yield Static(id="rewrite-marked")
            yield Static(id="practice-coaching")
            idea = Static(id="idea")
            idea.border_title = words.practice_idea
            yield idea
        yield Footer()

    def draft_key(self) -> str:
        return f"practice:{self.index}"

    def on_mount(self) -> None:
        self.sub_title = istatement_text().screens.practice_title
        self.show_example()
        self.query_one("#rewrite", TextArea).focus()

    def show_example(self) -> None:
        sentence = practice().sentences[self.index]
        content, _ = marked(sentence.text)
        self.query_one("#original", Static).update(content)
        idea = self.query_one("#idea", Static)
        idea.update(Content(sentence.idea))
        idea.display = False
        self.query_one("#rewrite", TextArea).text = ""
        self.refresh_coaching()

    def rewrite(self) -> str:
        return clean(self.query_one("#rewrite", TextArea).text, TEXT_MAX).text

    def has_unsaved(self) -> bool:
        return False  # practice is not kept

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.refresh_coaching()

    def refresh_coaching(self) -> None:
        words = istatement_text().screens
        text = self.rewrite()
        view = self.query_one("#rewrite-marked", Static)
        coaching = self.query_one("#practice-coaching", Static)
        if not text.strip():
            view.display = False
            coaching.update(Content.styled(words.practice_none_yet, "$text-muted"))
            return
        content, findings = marked(text)
        view.display = True
        view.update(content)
        coaching.update(finding_lines(text, findings, clean_note=words.practice_clean))

    def action_next(self) -> None:
        self.index = (self.index + 1) % len(practice().sentences)
        self.show_example()

    def action_idea(self) -> None:
        idea = self.query_one("#idea", Static)
        idea.display = not idea.display
        if idea.display:
            self.query_one("#practice-page", VerticalScroll).scroll_end(animate=False)
