"""One journal entry, read-only: every word as written (also the fallback view of a
listening session when no listening detail screen exists)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Static

from closeness_tui.checkins_text import checkins_text
from closeness_tui.journal import Entry, kind_labels
from closeness_tui.registry import screen_class
from closeness_tui.screens.base import ClosenessScreen
from closeness_tui.text import safe, safe_template


class JournalEntryScreen(ClosenessScreen):
    CSS_PATH = "journal_entry.tcss"
    HELP_TOPIC = "journal_entry"
    BINDINGS = [
        Binding(
            "l",
            "open_listening",
            "Listening session",
            id="entry-listening",
            tooltip="Open the listening session this check-in talked its issue through in",
        ),
    ]

    def __init__(self, entry: Entry) -> None:
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        e = self.entry
        label = kind_labels().get(e.kind, e.kind)
        heading = Content.assemble(
            (label, "bold"), "  ", (e.at.strftime("%A %d %B %Y, %H:%M"), "dim")
        )
        if not e.finished:
            heading = Content.assemble(heading, " ", checkins_text().journal.unfinished)
        yield Header()
        with VerticalScroll(id="entry"):
            yield Static(heading, id="entry-heading")
            if e.title:
                yield Static(safe(e.title), id="entry-title", classes="title")
            for n, block in enumerate(e.blocks):
                yield Static(
                    safe_template("[b]$who[/b] · $label", who=block.who, label=block.label),
                    classes="block-head",
                )
                yield Static(safe(block.text), classes="block-text", id=f"block-{n}")
            if e.link:
                linked = Content(checkins_text().journal.linked_session)
                yield Static(linked, classes="gentle", id="entry-link")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#entry").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_listening":
            return bool(self.entry.link)
        return True

    def action_open_listening(self) -> None:
        link = self.entry.link
        if not link:
            return
        self.app.push_screen(screen_class("listening_detail")(link))
