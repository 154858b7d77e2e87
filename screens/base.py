"""What every closeness screen shares: typed access to the app, help topic, going back
safely (asking first when typed words would be lost)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.binding import Binding
from textual.screen import Screen

if TYPE_CHECKING:
    from closeness_tui.app import ClosenessApp


class ClosenessScreen(Screen[None]):
    HELP_TOPIC = "home"
    BINDINGS = [
        Binding("escape", "back", "Back", id="back", tooltip="Go back to the previous screen"),
    ]

    @property
    def capp(self) -> ClosenessApp:
        return cast("ClosenessApp", self.app)

    def has_unsaved(self) -> bool:
        """True when leaving now would lose words typed but not yet saved."""
        return False

    def action_back(self) -> None:
        if len(self.app.screen_stack) <= 2:  # the default screen + this one: nowhere to go
            return
        if not self.has_unsaved():
            self.dismiss()
            return
        from closeness_tui.screens.dialogs import ConfirmDialog

        def done(leave: bool | None) -> None:
            if leave:
                self.dismiss()

        self.app.push_screen(
            ConfirmDialog(
                "Some words you typed are not saved yet. Leave this screen and let them go?",
                yes="Leave without saving",
                no="Stay",
            ),
            done,
        )
