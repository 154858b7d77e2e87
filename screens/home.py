"""Home: a greeting in their names and one entry per activity that exists.

Once Home is drawn, a worker reads ahead what looking back needs (the journal's index, its
search and Insights' figures, once per change of data), so years of entries open at once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from closeness_tui.apptext import HomeEntry, app_text
from closeness_tui.screens.base import ClosenessScreen
from closeness_tui.screens.cards_home import QuestionLine
from closeness_tui.screens.today_rituals import TodayRituals
from closeness_tui.text import safe_template

# Each entry is two lines (title, then blurb): six of them fit at 80x24 without scrolling,
# so a blurb must fit on one line of the list (checked by a unit test on content/app.toml).
BLURB_MAX = 64
# The column's width (home.tcss: max-width 84, padding 0 2) and the rows above and below it.
HOME_MAX_WIDTH = 84
HOME_PADDING = 4
HEADER_ROWS = FOOTER_ROWS = 1


@dataclass(frozen=True)
class HomeRows:
    """What Home's column holds, in rows: the lines of its texts (the greeting, the waiting
    line or 0, the note), the number of entries, and the rows of today's rituals (0 when
    hidden)."""

    greeting: int
    waiting: int
    entries: int
    today: int
    note: int

    def total(self, *, compact: bool) -> int:
        """The rows the column takes (home.tcss): the greeting; the question line (it stands
        in for the subtitle); the waiting line, if any, and its margin (none when compact);
        the entries in their border, two lines each or one when compact; today's rituals;
        the note after a margin."""
        rows = self.greeting + 1
        if self.waiting:
            rows += self.waiting + (0 if compact else 1)
        rows += (1 if compact else 2) * self.entries + 2
        return rows + self.today + 1 + self.note


def entries() -> list[HomeEntry]:
    """Home's entries, in order (content/app.toml; each names a screen in the registry)."""
    return list(app_text().home.entries)


def entry_bindings() -> list[Binding]:
    """One key per entry. Not shown in the footer: the list itself shows each key."""
    return [
        Binding(
            e.key,
            f"open({e.screen!r})",
            e.title,
            id=f"open-{e.screen}",
            tooltip=e.blurb,
            show=False,
        )
        for e in entries()
    ]


def entry_prompt(entry: HomeEntry, *, compact: bool = False) -> Content:
    """Key and title, then the blurb on a line of its own; the title alone when compact."""
    if compact:
        return Content.assemble((f" {entry.key} ", "bold"), " ", (entry.title, "bold"))
    return Content.assemble(
        (f" {entry.key} ", "bold"),
        " ",
        (entry.title, "bold"),
        "\n    ",
        (entry.blurb, "dim"),
    )


class HomeScreen(ClosenessScreen):
    CSS_PATH = "home.tcss"
    HELP_TOPIC = "home"
    READ_AHEAD = True  # tests that watch the journal build its own index turn this off
    BINDINGS = [
        *entry_bindings(),
        Binding("q", "app.quit", "Quit", id="home-quit", tooltip="Close closeness", show=False),
        Binding(
            "d",
            "open('cards_question')",
            "Question of the day",
            id="home-question",
            tooltip="Answer today's question, each in turn",
            show=False,
        ),
    ]

    def compose(self) -> ComposeResult:
        text = app_text().home
        greeting, note = self._greeting(), Content(text.therapist_note)
        waiting = self._waiting()
        today = TodayRituals(id="today-rituals")
        # One-line entries from the start when all of Home would not fit with two-line ones
        # (set here, before anything is styled or laid out: switching after the first layout
        # restyles and lays out Home a second time, about a quarter of its first frame).
        # _fit checks the guess once Home is laid out.
        self._sized = self.app.size
        width = min(self._sized.width, HOME_MAX_WIDTH) - HOME_PADDING
        self._rows = HomeRows(
            greeting=len(greeting.wrap(width)),
            waiting=len(waiting.wrap(width)) if waiting is not None else 0,
            entries=len(entries()),
            today=today.load(),
            note=len(note.wrap(width)),
        )
        room = self._sized.height - HEADER_ROWS - FOOTER_ROWS
        self.set_class(self._rows.total(compact=False) > room, "-compact")
        self._fresh = True  # the greeting and the waiting line are current (on_screen_resume)
        self._guessed = True  # until _fit has checked the guess
        yield Header()
        with Vertical(id="home"):
            yield Static(greeting, id="greeting")
            yield Static(Content(text.subtitle), classes="muted", id="subtitle")
            line = Static(waiting or "", id="listening-waiting")
            line.display = waiting is not None
            yield line
            yield QuestionLine(id="question-of-the-day")
            listed = OptionList(*self._options(), id="entries")
            if self.has_class("-compact"):
                listed.styles.height = len(entries()) + 2
            yield listed
            yield today
            yield Static(note, classes="gentle", id="note")
        yield Footer()

    def _greeting(self) -> Content:
        a, b = self.capp.settings.names
        return safe_template(app_text().home.greeting, a=a, b=b)

    def _waiting(self) -> Content | None:
        """A line offering to carry on an unfinished listening session, if there is one;
        else a talk after it stopped on its way, else a solution's review that is due."""
        if self.capp.store is None:
            return None
        from closeness_tui.screens.listening_waiting import waiting_line
        from closeness_tui.screens.together_lines import due_line, waiting_talk_line

        return (
            waiting_line(self.capp)
            or waiting_talk_line(self.capp)
            or due_line(self.capp, short=True)
        )

    def _options(self) -> list[Option]:
        compact = self.has_class("-compact")
        return [Option(entry_prompt(e, compact=compact), id=e.screen) for e in entries()]

    def on_mount(self) -> None:
        self.query_one("#entries", OptionList).focus()
        # Whatever changes Home's height (today's rituals, the waiting line, the question of
        # the day, long names, the terminal's size) changes this column's virtual size.
        # (Not a Resize handler on the screen: in the browser that fed a resize loop.)
        self.watch(self.query_one("#home"), "virtual_size", self._fit, init=False)

    _sized = Size(0, 0)

    def _fit(self) -> None:
        """Entries on two lines (title, then blurb) while all of Home fits; one line each
        (the blurbs stay in help and tooltips) once today's rituals, the waiting line and the
        therapist's note would sit below the fold. Smaller still (60x20), the list of entries
        gives up rows (it scrolls) so that the greeting and a line about something waiting
        are never pushed out of sight. Only a new terminal size makes it roomy again, so it
        never flips back and forth."""
        listed = self.query_one("#entries", OptionList)
        home = self.query_one("#home", Vertical)
        if self._guessed:
            # Home's first layout: the column's height is known, not yet how far it scrolls.
            # Check compose's guess now (before the first frame); the rest once settled.
            self._guessed = False
            room = self._sized.height - HEADER_ROWS - FOOTER_ROWS
            height, rows = home.virtual_size.height, self._rows
            if not self.has_class("-compact") and height > room:
                self._set_compact(True)
            elif height + rows.total(compact=False) - rows.total(compact=True) <= room:
                self._set_compact(False)  # two-line entries fit after all
            self.call_after_refresh(self._fit)
            return
        if self.app.size != self._sized:
            self._sized = self.app.size
            if self.has_class("-compact") or listed.styles.max_height is not None:
                listed.styles.max_height = None
                self._set_compact(False)  # a new size: roomy again, then fit (called again)
                return
        room = self.size.height - sum(
            w.outer_size.height for w in (self.query_one(Header), self.query_one(Footer))
        )
        if home.virtual_size.height > room and not self.has_class("-compact"):
            self._set_compact(True)
            return
        over = home.max_scroll_y
        if over > 0:
            listed.styles.max_height = max(6, listed.outer_size.height - over)
            home.scroll_home(animate=False)

    def _set_compact(self, compact: bool) -> None:
        if compact == self.has_class("-compact"):
            return
        self.set_class(compact, "-compact")
        listed = self.query_one("#entries", OptionList)
        highlighted = listed.highlighted
        options = self._options()
        listed.set_options(options)
        listed.highlighted = highlighted
        # One row per entry and the border: an auto height kept the two-line entries' rows.
        listed.styles.height = len(options) + 2 if compact else None

    def on_screen_resume(self) -> None:
        # Names may have changed in Settings; a listening session may have finished or paused.
        # (Not when Home is first shown: compose has just worked both out.)
        if self._fresh:
            self._fresh = False
        else:
            self.query_one("#greeting", Static).update(self._greeting())
            self._show_waiting()
        # After the frame: the first frame of Home does not wait for the decks to load.
        self.call_after_refresh(self.query_one(QuestionLine).show_for, self.capp)
        self.call_after_refresh(self._read_ahead)

    def _read_ahead(self) -> None:
        capp = self.capp
        if capp.store is None or not self.READ_AHEAD:
            return
        version = (capp.data_version, id(capp.store))  # as the journal and Insights key it
        settings = capp.settings
        self._look_back_ahead(
            capp.store, version, settings.names, capp.clock.today(), settings.week_starts_on
        )

    @work(thread=True, exclusive=True, group="read-ahead", exit_on_error=False)
    def _look_back_ahead(
        self, store: object, version: object, names: tuple[str, str], today: date, starts_on: int
    ) -> None:
        """The journal's index and search, Insights' figures: built here, kept on the index
        for this data version (nothing is built twice: a journal opened meanwhile waits for
        this build). Imported here, so start-up does not wait for these modules."""
        from closeness_tui.insights import figures
        from closeness_tui.journal_index import index_for

        index = index_for(store, version, names)
        index.build_search()
        figures(index, today, starts_on)

    def _show_waiting(self) -> None:
        waiting = self._waiting()
        line = self.query_one("#listening-waiting", Static)
        line.update(waiting or "")
        line.display = waiting is not None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.action_open(event.option.id)

    def action_open(self, screen: str) -> None:
        self.capp.open_screen(screen)
