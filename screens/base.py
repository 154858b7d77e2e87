"""What every closeness screen shares: typed access to the app, help topic, going back
safely (asking first when typed words would be lost)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

from textual.binding import Binding
from textual.screen import Screen

from closeness_tui.apptext import app_text
from closeness_tui.screens.dialogs import leave_or_stay

if TYPE_CHECKING:
    from closeness_tui.app import ClosenessApp


ResultType = TypeVar("ResultType")


class ClosenessScreen(Screen[ResultType]):
    """A closeness screen; `ResultType` is what it dismisses with (most return nothing)."""

    HELP_TOPIC = "home"
    BINDINGS = [
        Binding("escape", "back", "Back", id="back", tooltip="Go back to the previous screen"),
    ]

    @property
    def capp(self) -> ClosenessApp:
        return cast("ClosenessApp", self.app)

    @classmethod
    def help_bindings(cls) -> list[Binding]:
        """The keys the help screen explains for this screen: every Binding with a description
        that closeness declares on it or its bases (Textual's own are not ours to explain).
        The shared "back" key is explained once, under "Everywhere"."""
        seen: dict[str, Binding] = {}
        for klass in reversed(cls.__mro__):
            if not klass.__module__.startswith("closeness_tui") or klass is ClosenessScreen:
                continue
            for binding in klass.__dict__.get("BINDINGS", []):
                if isinstance(binding, Binding) and binding.description:
                    seen[binding.key] = binding
        return list(seen.values())

    def has_unsaved(self) -> bool:
        """True when leaving now would lose words typed but not yet saved."""
        return False

    def leave_question(self) -> str:
        """What to ask before leaving with unsaved words."""
        return app_text().leaving.screen

    def can_go_back(self) -> bool:
        return self.capp.has_screen_below(self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # No "Back" in the footer where there is nothing to go back to.
        if action == "back" and not self.can_go_back():
            return False
        return True

    def go_back(self) -> None:
        """Leave this screen (after any question has been answered)."""
        self.dismiss()

    def action_back(self) -> None:
        if self.can_go_back():
            leave_or_stay(self, self.go_back)
