"""Screens for when the data cannot be used as it is: a damaged file, a second copy open."""

from __future__ import annotations

from string import Template

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Button, Footer, Static

from closeness_tui.apptext import app_text
from closeness_tui.recovery import backup_status, restore_backup, set_aside
from closeness_tui.screens.base import ClosenessScreen
from closeness_tui.store import BACKUP_FILE, StoreDamaged, StoreError
from closeness_tui.text import safe

# How the kept copies are named (recovery._keep_copy), as the screen says it before they exist.
KEPT_DATA = "closeness.damaged-(date).json"
KEPT_BACKUP = "closeness.backup-kept-(date).json"


class DamagedScreen(ClosenessScreen):
    CSS_PATH = "problems.tcss"
    HELP_TOPIC = "damaged"
    BINDINGS = [
        Binding("escape", "back", "Back", show=False, id="back"),
        Binding("q", "app.quit", "Quit", id="damaged-quit", tooltip="Leave everything as it is"),
    ]

    def __init__(self, problem: StoreDamaged) -> None:
        super().__init__()
        self.problem = problem

    def compose(self) -> ComposeResult:
        text = app_text().damaged
        directory = self.problem.path.parent
        self.backup_problem = backup_status(directory)
        with Vertical(id="problem"):
            yield Static(Content(text.title), classes="title")
            yield Static(safe(self.problem.detail), id="detail")
            yield Static(
                Content.assemble("The file: ", (str(self.problem.path), "bold")), id="where"
            )
            there = self.problem.path.exists()
            # When the folder itself cannot be used, neither remedy could work.
            lost = self.problem.problem == "lost"  # no data file, but a backup
            fixable = (there or lost) and self.problem.problem not in ("unwritable", "not_ours")
            can_restore = fixable and self.backup_problem is None
            # What happens to each file, said before anything is pressed.
            said = [
                text.reassure if there else text.reassure_lost if lost else text.reassure_no_file
            ]
            if can_restore and there:
                said.append(Template(text.restore_means).substitute(data=KEPT_DATA))
            has_backup = (directory / BACKUP_FILE).exists()  # (kept too, whatever it holds)
            if fixable and there and has_backup:
                said.append(
                    Template(text.set_aside_means).substitute(data=KEPT_DATA, backup=KEPT_BACKUP)
                )
            elif fixable and there:
                said.append(Template(text.set_aside_means_no_backup).substitute(data=KEPT_DATA))
            elif fixable:
                said.append(Template(text.set_aside_means_lost).substitute(backup=KEPT_BACKUP))
            yield Static(Content(" ".join(said)), classes="muted", id="reassure")
            if fixable and self.backup_problem is not None:
                yield Static(safe(self.backup_problem), classes="muted", id="backup-note")
            if can_restore:
                yield Button(Content(text.restore), id="restore", variant="primary", compact=True)
            if fixable:
                yield Button(Content(text.set_aside), id="fresh", variant="warning", compact=True)
            yield Button(Content(text.quit), id="quit", compact=True)
        yield Footer()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        now = self.capp.clock.now()
        directory = self.problem.path.parent
        if event.button.id == "quit":
            self.app.exit()
            return
        text = app_text().damaged
        try:
            if event.button.id == "restore":
                aside = restore_backup(directory, now)
                message = (
                    text.restored_lost
                    if self.problem.problem == "lost"
                    else Template(text.restored).substitute(data=aside)
                )
            else:
                kept, backup = set_aside(self.problem.path, now)
                if kept is None:
                    message = Template(text.kept_lost).substitute(backup=backup)
                elif backup is None:
                    message = Template(text.kept_no_backup).substitute(data=kept)
                else:
                    message = Template(text.kept).substitute(data=kept, backup=backup)
        except (OSError, StoreError) as exc:
            self.notify(f"That did not work: {exc}", severity="error", markup=False)
            return
        self.notify(message, timeout=10, markup=False)  # (paths may hold brackets)
        self.capp.open_store()  # which puts the right first screen in this one's place

    def action_back(self) -> None:
        """Nowhere to go back to until the file is dealt with."""


class LockedScreen(ClosenessScreen):
    CSS_PATH = "problems.tcss"
    HELP_TOPIC = "locked"
    BINDINGS = [
        Binding("escape", "back", "Back", show=False, id="back"),
        Binding("q", "app.quit", "Quit", id="locked-quit", tooltip="Close this copy"),
    ]

    def __init__(self, directory) -> None:
        super().__init__()
        self.directory = directory

    def compose(self) -> ComposeResult:
        text = app_text().locked
        with Vertical(id="problem"):
            yield Static(Content(text.title), classes="title")
            yield Static(Content(text.body), id="detail")
            yield Static(
                Content.assemble("Data folder: ", (str(self.directory), "bold")), id="where"
            )
            yield Button(Content("Quit"), id="quit", variant="primary", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#quit", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.app.exit()

    def action_back(self) -> None:
        """Nothing behind this screen."""
