"""The couple's journal: one timeline of everything, filtered by kind and partner, searched,
each entry opened; insights one key away."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from closeness_tui.checkins_text import checkins_text
from closeness_tui.journal import KINDS, LISTENING, Entry, filter_entries, from_store, kind_labels
from closeness_tui.registry import screen_class
from closeness_tui.screens.base import ClosenessScreen
from closeness_tui.screens.text_boxes import LineBox
from closeness_tui.text import safe


class JournalScreen(ClosenessScreen):
    CSS_PATH = "journal.tcss"
    HELP_TOPIC = "journal"
    BINDINGS = [
        Binding(
            "k", "cycle_kind", "Kind", id="journal-kind", tooltip="Show one kind of entry, or all"
        ),
        Binding(
            "p",
            "cycle_partner",
            "Partner",
            id="journal-partner",
            tooltip="Show one partner's entries, or both",
        ),
        Binding("slash", "search", "Search", id="journal-search", tooltip="Search your words"),
        Binding(
            "i",
            "insights",
            "Insights",
            id="journal-insights",
            tooltip="How it is going, week by week",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[Entry] = []
        self.shown: list[Entry] = []
        self.kind: str | None = None
        self.seat: int | None = None

    def compose(self) -> ComposeResult:
        text = checkins_text().journal
        yield Header()
        with Vertical(id="journal"):
            yield Static(id="filters", classes="muted")
            yield LineBox(id="search", placeholder=text.search_placeholder)
            yield OptionList(id="entries")
            yield Static(id="journal-empty", classes="gentle")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#entries", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.reload(keep_place=True)  # back from an entry: stay where they were

    def reload(self, keep_place: bool = False) -> None:
        store = self.capp.store
        self.entries = from_store(store, self.capp.settings.names) if store else []
        self.refilter(keep_place)

    def refilter(self, keep_place: bool = False) -> None:
        text = checkins_text().journal
        names = self.capp.settings.names
        query = self.query_one("#search", Input).value
        self.shown = filter_entries(self.entries, kind=self.kind, seat=self.seat, query=query)
        kind = kind_labels()[self.kind] if self.kind else text.all_kinds
        who = names[self.seat] if self.seat is not None else text.both
        self.query_one("#filters", Static).update(
            Content.from_markup(text.filter_line, kind=kind, who=who)
        )
        entries = self.query_one("#entries", OptionList)
        keep = entries.highlighted if keep_place else None
        entries.set_options(self._option(i, e) for i, e in enumerate(self.shown))
        if self.shown:
            entries.highlighted = min(keep or 0, len(self.shown) - 1)
        empty = "" if self.shown else (text.no_match if self.entries else text.empty)
        self.query_one("#journal-empty", Static).update(Content(empty))

    def _option(self, index: int, e: Entry) -> Option:
        labels = kind_labels()
        head = Content.assemble(
            (e.at.strftime("%a %d %b %H:%M"), "dim"), "  ", (labels.get(e.kind, e.kind), "bold")
        )
        if not e.finished:
            head = Content.assemble(head, " ", (checkins_text().journal.unfinished, "italic dim"))
        line = Content.assemble(head, "\n  ", safe(e.summary)) if e.summary else head
        return Option(line, id=str(index))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.refilter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#entries", OptionList).focus()

    def action_cycle_kind(self) -> None:
        order: list[str | None] = [None, *KINDS]
        self.kind = order[(order.index(self.kind) + 1) % len(order)]
        self.refilter()

    def action_cycle_partner(self) -> None:
        order: list[int | None] = [None, 0, 1]
        self.seat = order[(order.index(self.seat) + 1) % len(order)]
        self.refilter()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_insights(self) -> None:
        self.app.push_screen(screen_class("insights")())

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.open_entry(self.shown[int(event.option.id)])

    def open_entry(self, entry: Entry) -> None:
        if entry.kind == LISTENING:
            self.app.push_screen(screen_class("listening_detail")(entry.record_id))
            return
        from closeness_tui.screens.journal_entry import JournalEntryScreen

        self.app.push_screen(JournalEntryScreen(entry))
