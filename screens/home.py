"""Home: a greeting in their names and one entry per activity that exists.

Once Home is drawn, a worker reads ahead what looking back needs (the journal's index, its
search and Insights' figures, once per change of data), so years of entries open at once."""

from __future__ import annotations

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
        yield Header()
        with Vertical(id="home"):
            yield Static(self._greeting(), id="greeting")
            yield Static(Content(text.subtitle), classes="muted", id="subtitle")
            yield Static("", id="listening-waiting")
            yield QuestionLine(id="question-of-the-day")
            yield OptionList(*self._options(), id="entries")
            yield TodayRituals(id="today-rituals")
            yield Static(Content(text.therapist_note), classes="gentle", id="note")
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
        if self.app.size != self._sized:
            self._sized = self.app.size
            if self.has_class("-compact") or listed.styles.max_height is not None:
                listed.styles.max_height = None
                self._set_compact(False)  # a new size: roomy again, then fit (called again)
                return
        home = self.query_one("#home", Vertical)
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
        # Also when Home is first shown (so the waiting line is worked out once, here).
        # Names may have changed in Settings; a listening session may have finished or paused.
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
