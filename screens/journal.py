"""The couple's journal: one timeline of everything, filtered by kind and partner, searched,
each entry opened; insights one key away.

Built for years of entries: the timeline is a `JournalIndex` made once per change of data
(in a worker, the screen saying at once that it is opening), shown in a `LongList` that draws
only the rows on screen. Coming back from an entry or from Insights changes nothing unless
the data did.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, Header, Input, Static

from closeness_tui.checkins_text import checkins_text
from closeness_tui.journal import KINDS, LISTENING, Entry, kind_labels
from closeness_tui.journal_index import JournalIndex, Matches, Search, cached_index, index_for
from closeness_tui.registry import screen_class
from closeness_tui.screens.base import ClosenessScreen
from closeness_tui.screens.long_list import LongList
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

    class Ready(Message):
        """The worker built (or found) the index; `searchable` once its haystack is in."""

        def __init__(self, index: JournalIndex, version: object) -> None:
            super().__init__()
            self.index = index
            self.version = version

    def __init__(self) -> None:
        super().__init__()
        self.index: JournalIndex | None = None
        self.version: object = None
        self.search = Search()
        self.matches: Matches | None = None
        self._asked = 0  # each refilter's number: a chunk of an older search stops
        self.shown: Sequence[int] = []
        self.kind: str | None = None
        self.seat: int | None = None

    def compose(self) -> ComposeResult:
        text = checkins_text().journal
        yield Header()
        with Vertical(id="journal"):
            yield Static(id="filters", classes="muted")
            yield LineBox(id="search", placeholder=text.search_placeholder)
            yield LongList(id="entries")
            yield Static(id="journal-empty", classes="gentle")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#entries", LongList).focus()
        self._show_filters()
        self.load()

    def on_screen_resume(self) -> None:
        if self.index is not None and self.version != self._version():
            self.load()  # something was saved or deleted since: read it again

    def _version(self) -> object:
        return (self.capp.data_version, id(self.capp.store))

    # -- the index -----------------------------------------------------------------------

    def load(self) -> None:
        store = self.capp.store
        names = self.capp.settings.names
        version = self._version()
        if store is None:
            self._use(JournalIndex([], names), version)
            return
        found = cached_index(store, version, names)
        if found is not None:
            self._use(found, version)
            if found.searchable:
                return
        elif self.index is None:
            self._say(checkins_text().journal.loading)
        # After this frame is drawn: the screen says it is opening before any reading starts.
        self.call_after_refresh(self._build, store, version, names)

    @work(thread=True, exclusive=True, group="journal-index")
    def _build(self, store: object, version: object, names: tuple[str, str]) -> None:
        index = index_for(store, version, names)
        self.post_message(self.Ready(index, version))
        index.build_search()
        self.post_message(self.Ready(index, version))

    def on_journal_screen_ready(self, message: Ready) -> None:
        if message.version != self._version():
            self.load()  # something was saved while it was being read: read it again
            return
        if self.index is message.index and not message.index.searchable:
            return
        self._use(message.index, message.version)

    def _use(self, index: JournalIndex, version: object) -> None:
        keep = self.index is not None
        if self.index is not index:
            self.search = Search()
        self.index, self.version = index, version
        self.refilter(keep_place=keep)

    # -- what is shown --------------------------------------------------------------------

    def _say(self, words: str) -> None:
        note = self.query_one("#journal-empty", Static)
        note.update(Content(words))
        note.display = bool(words)

    def _show_filters(self) -> None:
        text = checkins_text().journal
        names = self.capp.settings.names
        kind = kind_labels()[self.kind] if self.kind else text.all_kinds
        who = names[self.seat] if self.seat is not None else text.both
        self.query_one("#filters", Static).update(
            Content.from_markup(text.filter_line, kind=kind, who=who)
        )

    def refilter(self, keep_place: bool = False) -> None:
        text = checkins_text().journal
        self._show_filters()
        entries = self.query_one("#entries", LongList)
        index = self.index
        if index is None:
            return
        query = self.query_one("#search", Input).value
        if query.strip() and not index.searchable:
            self._say(text.searching)  # the worker is still reading; it refilters when done
            return
        # The first screenful now; the rest a chunk at a time while no key is waiting.
        self._asked += 1
        self.matches = self.search.start(index, self.kind, self.seat, query)
        self.matches.first(want=entries.scrollable_content_region.height // 2 + 1)
        self.shown = self.matches.items
        cursor = entries.cursor if keep_place else 0
        entries.set_rows(len(self.shown), self._row, cursor)
        self._say_found()
        if not self.matches.done:
            self.call_later(self._find_more, self._asked)

    def _find_more(self, asked: int) -> None:
        if asked != self._asked or self.matches is None:
            return  # another key asked something else since
        self.matches.more()
        self.query_one("#entries", LongList).grow(len(self.shown))
        self._say_found()
        if not self.matches.done:
            self.call_later(self._find_more, asked)

    def _say_found(self) -> None:
        text = checkins_text().journal
        matches, index = self.matches, self.index
        if self.shown or matches is None or index is None:
            self._say("")
        elif not matches.done:
            self._say(text.searching)
        else:
            self._say(text.no_match if len(index) else text.empty)

    def _row(self, position: int) -> Content:
        assert self.index is not None
        e = self.index.entry(self.shown[position])
        labels = kind_labels()
        head = Content.assemble(
            (e.at.strftime("%a %d %b %Y %H:%M"), "dim"),
            "  ",
            (labels.get(e.kind, e.kind), "bold"),
        )
        if not e.finished:
            head = Content.assemble(head, " ", (checkins_text().journal.unfinished, "italic dim"))
        return Content.assemble(head, "\n  ", safe(e.summary)) if e.summary else head

    def entry_at(self, position: int) -> Entry:
        assert self.index is not None
        return self.index.entry(self.shown[position])

    # -- keys ------------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.refilter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#entries", LongList).focus()

    def action_back(self) -> None:
        search = self.query_one("#search", Input)
        if search.value:  # the first Esc clears the search; the next one leaves
            search.value = ""
            self.query_one("#entries", LongList).focus()
            return
        super().action_back()

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

    def on_long_list_selected(self, event: LongList.Selected) -> None:
        event.stop()
        self.open_entry(self.entry_at(event.index))

    def open_entry(self, entry: Entry) -> None:
        if entry.kind == LISTENING:
            self.app.push_screen(screen_class("listening_detail")(entry.record_id))
            return
        from closeness_tui.screens.journal_entry import JournalEntryScreen

        self.app.push_screen(JournalEntryScreen(entry))
