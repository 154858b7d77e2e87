"""The sessions they have had, newest first. Enter opens one to read it whole.

Years of sessions are a `LongList`: only the rows on screen are drawn."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, Header, Static

from closeness_tui.listening import newest_first
from closeness_tui.listeningtext import listening_text
from closeness_tui.models import ListeningSession
from closeness_tui.screens.base import ClosenessScreen
from closeness_tui.screens.long_list import LongList
from closeness_tui.text import safe

TOPIC_PREVIEW = 50


def status_word(session: ListeningSession) -> str:
    words = listening_text().history
    return getattr(words, f"status_{session.status}", session.status)


def session_line(session: ListeningSession) -> Content:
    words = listening_text().history
    topic = " ".join(session.topic.split())
    if len(topic) > TOPIC_PREVIEW:
        topic = topic[: TOPIC_PREVIEW - 1] + "…"
    names = " & ".join(session.names)
    return Content.assemble(
        (session.started_at.strftime("%a %d %b %Y, %H:%M"), "bold"),
        "  ",
        (status_word(session), "italic"),
        "\n  ",
        safe(names),
        " · ",
        safe(topic) if topic else Content(words.untitled),
    )


class ListeningHistoryScreen(ClosenessScreen):
    CSS_PATH = "listening.tcss"
    HELP_TOPIC = "listening_history"

    def __init__(self) -> None:
        super().__init__()
        self.sessions: list[ListeningSession] = []
        self.version: object = None

    def compose(self) -> ComposeResult:
        words = listening_text().history
        yield Header()
        with Vertical(id="history"):
            yield Static(Content(words.title), classes="title")
            yield Static(Content(words.intro), classes="muted", id="history-intro")
            yield LongList(row_height=3, id="sessions")  # two lines and a space between
            yield Static(Content(words.empty), id="empty", classes="muted")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#sessions", LongList).focus()
        self.reload()

    def on_screen_resume(self) -> None:
        if self.version != self._version():  # back from a session: read again only if changed
            self.reload()

    def _version(self) -> object:
        return (self.capp.data_version, id(self.capp.store))

    def reload(self) -> None:
        store = self.capp.store
        self.version = self._version()
        sessions = newest_first(store.all(ListeningSession)) if store else []
        self.sessions = [s for s in sessions if s.state.get("step", "setup") != "setup"]
        options = self.query_one("#sessions", LongList)
        options.set_rows(
            len(self.sessions), lambda i: session_line(self.sessions[i]), options.cursor
        )
        options.display = bool(self.sessions)
        self.query_one("#empty", Static).display = not self.sessions

    def on_long_list_selected(self, event: LongList.Selected) -> None:
        event.stop()
        from closeness_tui.registry import screen_class

        self.app.push_screen(screen_class("listening_detail")(self.sessions[event.index].id))
