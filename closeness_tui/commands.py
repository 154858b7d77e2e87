"""The command palette: every screen and action, by name; the current screen's own first.
The app's only palette provider (so the order below holds even before anything is typed):

- The current screen's own keys (each Binding with a description that the screen allows
  now), named as its footer and help name them;
- Home and each screen Home opens, and each screen *those* open (the nightly check-in,
  practice, insights...): named by the help's title for it, opened the way its parent's key
  opens it (so a check-in still knows who starts);
- the actions of other screens that make sense from anywhere (`FROM_ANYWHERE`), named
  "Screen: action"; then help, theme and quit; then Textual's system commands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from string import Template
from typing import TYPE_CHECKING, cast

from textual.actions import parse
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from closeness_tui.apptext import app_text
from closeness_tui.registry import SCREENS, screen_class

if TYPE_CHECKING:
    from closeness_tui.app import ClosenessApp

# Actions of a screen that do the same whether or not it was just opened (none acts on a
# chosen row or on typed words): offered from every other screen too.
FROM_ANYWHERE: dict[str, frozenset[str]] = {
    "rituals": frozenset({"add", "export", "guide"}),
    "listening": frozenset({"history"}),
}


@dataclass(frozen=True)
class Command:
    title: str
    help: str
    run: Callable[[], object]
    here: bool = False  # one of the current screen's own
    action: bool = False  # another screen's action (offered after every screen)
    discover: bool = True  # listed before anything is typed


def _own_keys(screen: Screen) -> Iterator[Command]:
    explain = getattr(type(screen), "help_bindings", None)
    if not callable(explain):
        return
    for binding in explain():
        namespace, name, params = parse(binding.action)
        if namespace or screen.check_action(name, params) is not True:
            continue  # the app's own (quit, help) come later; greyed-out keys are left out
        yield Command(
            binding.description,
            binding.tooltip,
            partial(screen.run_action, binding.action),
            here=True,
        )


def _opens(action: str) -> str | None:
    """The registered screen a key's action opens, if that can be read from it."""
    _, name, params = parse(action)
    if name in ("open", "start") and params and isinstance(params[0], str):
        return params[0] if params[0] in SCREENS else None
    return name if name in SCREENS else None


class ClosenessCommands(Provider):
    """Every screen and action by name (once both names are set); help, theme, quit."""

    def _commands(self) -> list[Command]:
        app = cast("ClosenessApp", self.app)
        text = app_text()
        words = text.palette
        titles = {s.screen: s.title for s in text.help.sections}
        items: list[Command] = []
        named = app.store is not None and app.settings.named
        if named:
            items += _own_keys(self.screen)
            items.append(Command(*words.home, app.action_home))
            entries = list(text.home.entries)
            for entry in entries:
                opens = partial(app.open_screen, entry.screen)
                items.append(Command(entry.title, entry.blurb, opens))
            # Screens before other screens' actions: equal scores keep this order.
            reached = [c for e in entries for c in self._reached_from(e.screen, e.title, titles)]
            items += [c for c in reached if not c.action]
            items += [c for c in reached if c.action]
        items += [
            Command(*words.help, app.action_help),
            Command(*words.theme, app.action_toggle_dark),
            Command(*words.quit, app.action_quit),
        ]
        # Textual's own (theme, keys, maximize...) from this one provider, so that they
        # come last even before anything is typed (hits of two providers arrive in any order).
        for system in app.get_system_commands(self.screen):
            items.append(
                Command(system.title, system.help, system.callback, discover=system.discover)
            )
        seen: set[str] = set()
        unique = []
        for item in items:
            if item.title not in seen:
                seen.add(item.title)
                unique.append(item)
        return unique

    def _reached_from(
        self, parent: str, parent_title: str, titles: dict[str, str]
    ) -> Iterator[Command]:
        """The screens `parent`'s keys open, and its actions offered from anywhere."""
        words = app_text().palette
        anywhere = FROM_ANYWHERE.get(parent, frozenset())
        for binding in getattr(screen_class(parent), "help_bindings", list)():
            target = _opens(binding.action)
            run = partial(self._open_then, parent, binding.action)
            if target is not None and target in titles:
                yield Command(titles[target], binding.tooltip, run)
            elif parse(binding.action)[1] in anywhere and not isinstance(
                self.screen, screen_class(parent)
            ):  # there, its own keys offer it
                title = Template(words.on_screen).safe_substitute(
                    screen=parent_title, action=binding.description
                )
                yield Command(title, binding.tooltip, run, action=True)

    async def _open_then(self, parent: str, action: str) -> None:
        """Open `parent` (unless it is showing) and press the key that runs `action`."""
        app = self.app
        if type(app.screen) is not screen_class(parent):
            await app.push_screen(screen_class(parent)())
        screen = app.screen
        _, name, params = parse(action)
        if screen.check_action(name, params):
            await screen.run_action(action)

    async def discover(self) -> Hits:
        for item in self._commands():
            if item.discover:
                yield DiscoveryHit(item.title, item.run, help=item.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for item in self._commands():
            score = matcher.match(item.title)
            if score > 0:
                # The current screen's own come first: they score above every other.
                ranked = 0.5 + score / 2 if item.here else score / 2
                yield Hit(ranked, matcher.highlight(item.title), item.run, help=item.help)
