"""The listener's summary: "What I heard is ..." in their own words, with sentence starters.
What is typed is kept as a draft (screens.drafting): a closed terminal loses nothing."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, Header, Static

from closeness_tui.listeningtext import listening_text
from closeness_tui.screens.listening_common import DraftScreen, banner, fill
from closeness_tui.screens.text_boxes import TextBox


class SummaryScreen(DraftScreen):
    HELP_TOPIC = "listening_summary"
    BINDINGS = [
        Binding(
            "ctrl+s",
            "submit",
            "Ask the speaker",
            id="summary-submit",
            tooltip="Done: ask the speaker whether you got it",
        ),
        Binding(
            "ctrl+n",
            "starter",
            "Add a starter",
            id="summary-starter",
            tooltip="Insert the next sentence starter where the cursor is",
        ),
    ]

    def compose(self) -> ComposeResult:
        m = self.m
        words = listening_text().summary
        title = {"again": words.again_title, "more": words.more_title}.get(
            m.summary_kind, words.title
        )
        yield Header()
        with Vertical(id="step", classes="writing"):
            yield Static(banner(m), id="banner")
            yield Static(fill(title, m), id="step-title", classes="title")
            yield Static(fill(words.hint, m), id="hint", classes="muted")
            yield TextBox(self.initial_text(self.starter()), id=self.TEXT_ID, soft_wrap=True)
            yield Static("", id="error", classes="error")
            yield Static(
                Content.assemble(
                    (words.starters_title + " ", "bold"),
                    " · ".join(s.strip() + " …" for s in words.starters),
                ),
                id="starters",
                classes="muted",
            )
        yield Footer()

    def starter(self) -> str:
        """A first summary starts from "What I heard is"; another, after a clarification,
        from the one before it, to edit rather than write again."""
        words = listening_text().summary
        turn = self.m.turn
        if self.m.summary_kind == "again" and turn is not None:
            sent = [s for s in turn.summaries if not s.unsent]
            if sent:
                return sent[-1].text
        return words.starters[0]

    def on_mount(self) -> None:
        self._starter = 0
        area = self.text_area()
        area.focus()
        area.move_cursor(area.document.end)

    def action_starter(self) -> None:
        starters = listening_text().summary.starters
        self._starter = (self._starter + 1) % len(starters)
        area = self.text_area()
        row, col = area.cursor_location
        before = area.document.get_line(row)[:col]
        gap = " " if before and not before[-1].isspace() else ""
        area.insert(gap + starters[self._starter])

    def action_submit(self) -> None:
        words = listening_text().summary
        text = self.cleaned()
        if text in ("", words.starters[0].strip()):
            self.query_one("#error", Static).update(Content(words.empty))
            return
        self.send(self.m.submit_summary, text)
