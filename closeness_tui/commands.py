"""The command palette: every screen and action, by name."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from closeness_tui.apptext import app_text
from closeness_tui.registry import is_registered


class ClosenessCommands(Provider):
    """Home and every registered screen (once both names are set), help, theme, quit."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app = self.app
        text = app_text()
        words = text.palette
        items: list[tuple[str, str, Callable[[], object]]] = []
        if app.store is not None and app.settings.named:  # not before the names are set
            items.append((*words.home, app.action_home))
            for entry in text.home.entries:
                if is_registered(entry.screen):
                    items.append((entry.title, entry.blurb, partial(app.open_screen, entry.screen)))
        items += [
            (*words.help, app.action_help),
            (*words.theme, app.action_toggle_dark),
            (*words.quit, app.action_quit),
        ]
        return items

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
