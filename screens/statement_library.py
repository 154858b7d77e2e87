"""Saved statements, one tab per partner, newest first with the date: edit, copy, delete."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Footer, Header, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from closeness_tui.istatement import library
from closeness_tui.istatement_content import istatement_text
from closeness_tui.models import Statement
from closeness_tui.screens.base import ClosenessScreen
from closeness_tui.screens.dialogs import ConfirmDialog
from closeness_tui.screens.statement_builder import StatementBuilderScreen
from closeness_tui.text import safe


def when(statement: Statement) -> str:
    moment = statement.updated_at or statement.created_at
    return f"{moment:%a %d %b %Y, %H:%M}"


class LibraryScreen(ClosenessScreen):
    CSS_PATH = "statement_library.tcss"
    HELP_TOPIC = "statement_library"
    BINDINGS = [
        Binding(
            "e,enter", "edit", "Edit", id="lib-edit", tooltip="Open this statement to change it"
        ),
        Binding("c", "copy", "Copy", id="lib-copy", tooltip="Copy the sentence to the clipboard"),
        Binding(
            "d,delete",
            "delete",
            "Delete",
            id="lib-delete",
            tooltip="Delete this statement (asks first)",
        ),
        Binding(
            "left",
            "switch",
            "Other partner",
            id="lib-switch",
            tooltip="Show the other partner's statements (right works too)",
        ),
        Binding(
            "right",
            "switch",
            "Other partner",
            id="lib-switch-right",
            tooltip="Show the other partner's statements",
            show=False,
        ),
        Binding(
            "n",
            "new",
            "New",
            id="lib-new",
            tooltip="Build a new statement for the partner whose tab is open",
        ),
    ]

    def __init__(self, seat: int = 0) -> None:
        super().__init__()
        self.first_seat = seat
        self.shown: dict[int, list[Statement]] = {0: [], 1: []}

    def compose(self) -> ComposeResult:
        names = self.capp.settings.names
        yield Header()
        with TabbedContent(id="tabs", initial=f"seat-{self.first_seat}"):
            for seat in (0, 1):
                with TabPane(Content(names[seat]), id=f"seat-{seat}"):
                    yield Static(
                        Content(istatement_text().screens.library_empty),
                        classes="muted empty",
                        id=f"empty-{seat}",
                    )
                    yield OptionList(id=f"list-{seat}", classes="statements")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = istatement_text().screens.library_title
        self.reload()
        self._focus_list()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        store = self.capp.store
        records = store.all(Statement) if store is not None else []
        for seat in (0, 1):
            self.shown[seat] = library(records, seat)
            options = [
                Option(
                    Content.assemble((when(s), "$text-muted"), "\n", safe(s.text)),
                    id=s.id,
                )
                for s in self.shown[seat]
            ]
            view = self.query_one(f"#list-{seat}", OptionList)
            highlighted = view.highlighted
            view.set_options([item for option in options for item in (option, None)][:-1])
            if options:
                view.highlighted = min(highlighted or 0, len(options) - 1)
            view.display = bool(options)
            self.query_one(f"#empty-{seat}", Static).display = not options

    @property
    def seat(self) -> int:
        active = self.query_one("#tabs", TabbedContent).active
        return 1 if active == "seat-1" else 0

    def _focus_list(self) -> None:
        view = self.query_one(f"#list-{self.seat}", OptionList)
        if view.display:
            view.focus()

    @on(TabbedContent.TabActivated)
    def _tab(self, event: TabbedContent.TabActivated) -> None:
        event.stop()
        self.call_after_refresh(self._focus_list)

    def selected(self) -> Statement | None:
        items = self.shown[self.seat]
        index = self.query_one(f"#list-{self.seat}", OptionList).highlighted
        if index is None or not 0 <= index < len(items):
            return None
        return items[index]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    def action_edit(self) -> None:
        statement = self.selected()
        if statement is not None:
            self.app.push_screen(StatementBuilderScreen(statement))

    def action_switch(self) -> None:
        tabs = self.query_one("#tabs", TabbedContent)
        tabs.active = f"seat-{1 - self.seat}"

    def action_new(self) -> None:
        self.app.push_screen(StatementBuilderScreen(author=self.seat))

    def action_copy(self) -> None:
        statement = self.selected()
        if statement is None:
            return
        self.app.copy_to_clipboard(statement.text)
        self.notify(istatement_text().screens.library_copied, timeout=4)

    def action_delete(self) -> None:
        statement = self.selected()
        if statement is None:
            return
        words = istatement_text().screens
        question = Content.assemble(words.library_confirm_delete, "\n\n", safe(statement.text))

        def done(yes: bool | None) -> None:
            if not yes or not self.capp.delete(Statement, statement.id):
                return
            self.reload()
            self._focus_list()
            self.notify(words.library_deleted, timeout=3)

        self.app.push_screen(
            ConfirmDialog(question, yes=words.library_delete, no=words.library_keep), done
        )
