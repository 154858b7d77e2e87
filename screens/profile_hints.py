"""Where the profiles help elsewhere: one small widget per place, each showing a hint from
closeness_tui/profiles.py (or nothing when there is no profile to draw on).

- the ritual planner: rituals that fit each partner's top way of receiving love;
- the weekly check-in's "what can I do to make you feel loved": that partner's ranking;
- the flooding break: what each partner said helps them calm down.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Static

from closeness_tui.profiles import store_hint_calm, store_hint_loved, store_hint_rituals
from closeness_tui.text import safe

if TYPE_CHECKING:
    from closeness_tui.app import ClosenessApp


class ProfileHint(Static):
    """A gentle line from the profiles; hidden when there is nothing to say."""

    DEFAULT_CSS = """
    ProfileHint {
        height: auto;
        color: $text-muted;
        text-style: italic;
    }
    """

    def __init__(self, hint: str | None, *, id: str | None = None) -> None:
        super().__init__(safe(hint or ""), id=id, classes="profile-hint")
        self.display = bool(hint)


def ritual_hint(app: ClosenessApp) -> ProfileHint:
    return ProfileHint(store_hint_rituals(app.store, app.settings.names), id="ritual-fit-hint")


def loved_hint(app: ClosenessApp, seat: int) -> ProfileHint:
    hint = store_hint_loved(app.store, app.settings.names, seat)
    return ProfileHint(hint, id=f"loved-hint-{seat}")


def calm_hint(app: ClosenessApp) -> ProfileHint:
    return ProfileHint(store_hint_calm(app.store, app.settings.names), id="calm-hint")
