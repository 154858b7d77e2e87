"""Start from a complaint: write or paste a "you ..." sentence, see which words may land as
blame, and build a first draft of an I-statement from it."""

from __future__ import annotations

from string import Template

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Header, Static, TextArea

from closeness_tui.istatement import draft_from_complaint
from closeness_tui.istatement_content import istatement_text
from closeness_tui.screens.coaching import finding_lines, marked
from closeness_tui.screens.drafting import DraftingScreen
from closeness_tui.screens.statement_builder import StatementBuilderScreen
from closeness_tui.screens.text_boxes import TextBox
from closeness_tui.text import TEXT_MAX, clean


class ComplaintScreen(DraftingScreen):
    CSS_PATH = "statement_complaint.tcss"
    HELP_TOPIC = "statement_complaint"
    BINDINGS = [
        Binding(
            "ctrl+b",
            "draft",
            "Build a draft",
            id="build-draft",
            tooltip="Open the builder with a first draft made from this sentence",
        ),
    ]

    _warned = False

    def compose(self) -> ComposeResult:
        words = istatement_text().screens
        yield Header()
        with VerticalScroll(id="complaint-page"):
            yield Static(Content(words.complaint_intro), classes="muted", id="complaint-intro")
            area = TextBox(id="complaint", soft_wrap=True, show_line_numbers=False)
            area.placeholder = words.complaint_placeholder
            yield area
            yield Static(id="marked")
            yield Static(id="underneath")
            yield Button(
                Content(words.complaint_draft), id="draft", variant="primary", compact=True
            )
            yield Static(id="complaint-findings")
        yield Footer()

    def draft_key(self) -> str:
        return "complaint:new"

    def on_mount(self) -> None:
        self.sub_title = istatement_text().screens.complaint_title
        self.query_one("#complaint", TextArea).focus()
        self.refresh_findings()

    def text(self) -> str:
        cleaned = clean(self.query_one("#complaint", TextArea).text, TEXT_MAX)
        if cleaned.truncated and not self._warned:
            self._warned = True
            self.notify(cleaned.message(TEXT_MAX) or "", timeout=8, markup=False)
        return cleaned.text

    def has_unsaved(self) -> bool:
        return False  # nothing here is kept; the draft is what gets saved

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.refresh_findings()

    def refresh_findings(self) -> None:
        words = istatement_text().screens
        text = self.text()
        marked_view = self.query_one("#marked", Static)
        found_view = self.query_one("#complaint-findings", Static)
        under = self.query_one("#underneath", Static)
        if not text.strip():
            for view in (marked_view, found_view, under):
                view.display = False
            return
        for view in (marked_view, found_view, under):
            view.display = True
        content, findings = marked(text)
        marked_view.update(content)
        found_view.update(finding_lines(text, findings, clean_note=words.complaint_none))
        draft = draft_from_complaint(text, findings)
        under.update(
            Content("\n").join(
                [
                    Content(
                        Template(words.complaint_feelings).safe_substitute(
                            feelings=", ".join(draft.feelings)
                        )
                    ),
                    Content(
                        Template(words.complaint_needs).safe_substitute(
                            needs=", ".join(draft.needs)
                        )
                    ),
                ]
            )
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "draft":
            self.action_draft()

    def action_draft(self) -> None:
        text = self.text()
        if not text.strip():
            self.notify(istatement_text().screens.complaint_empty, timeout=4)
            return
        draft = draft_from_complaint(text)
        self.app.push_screen(StatementBuilderScreen(draft=draft, complaint=text))
