"""The sessions they have had, newest first. Enter opens one to read it whole."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from closeness_tui.listening import newest_first
from closeness_tui.listeningtext import listening_text
from closeness_tui.models import ListeningSession
from closeness_tui.screens.base import ClosenessScreen
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

    def compose(self) -> ComposeResult:
        words = listening_text().history
        yield Header()
        with Vertical(id="history"):
            yield Static(Content(words.title), classes="title")
            yield Static(Content(words.intro), classes="muted", id="history-intro")
            yield OptionList(id="sessions")
            yield Static(Content(words.empty), id="empty", classes="muted")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#sessions", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        store = self.capp.store
        sessions = newest_first(store.all(ListeningSession)) if store else []
        sessions = [s for s in sessions if s.state.get("step", "setup") != "setup"]
        options = self.query_one("#sessions", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options(Option(session_line(s), id=s.id) for s in sessions)
        if sessions:
            options.highlighted = min(highlighted or 0, len(sessions) - 1)
        options.display = bool(sessions)
        self.query_one("#empty", Static).display = not sessions

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            from closeness_tui.registry import screen_class

            self.app.push_screen(screen_class("listening_detail")(event.option.id))
