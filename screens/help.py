"""Help: what each screen is for and its keys. The keys are read from each screen's own
bindings, so the help can never drift from what the keys really do."""

from __future__ import annotations

from closeness_tui.screens.base import ClosenessScreen
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Static

from closeness_tui.apptext import HelpSection, app_text
from closeness_tui.registry import is_registered, screen_class


def screen_bindings(name: str) -> list[Binding]:
    """Every Binding a registered screen declares, its base classes' first."""
    if not is_registered(name):
        return []
    cls = screen_class(name)
    seen: dict[str, Binding] = {}
    for klass in reversed(cls.__mro__):
        if not klass.__module__.startswith("closeness_tui"):
            continue  # Textual's own (focus next, copy) are not ours to explain
        for binding in klass.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding) and binding.description:
                seen[binding.key] = binding
    return list(seen.values())


def key_label(key: str) -> str:
    names = {"question_mark": "?", "escape": "esc", "enter": "enter"}
    return " or ".join(names.get(k.strip(), k.strip()) for k in key.split(","))


class HelpScreen(ClosenessScreen):
    CSS_PATH = "help.tcss"
    HELP_TOPIC = "help"
    BINDINGS = [
        Binding("q", "back", "Close help", id="close-help", tooltip="Return to where you were"),
    ]

    def __init__(self, topic: str = "home") -> None:
        super().__init__()
        self.topic = topic

    def compose(self) -> ComposeResult:
        text = app_text().help
        yield Header()
        with VerticalScroll(id="help"):
            yield Static(Content(text.intro), classes="muted", id="help-intro")
            for section in self._sections(text.sections):
                yield Static(self._section(section), classes="section")
            rows = [Content.styled("Everywhere", "bold")]
            rows += [
                Content.assemble((f"  {k:<12}", "bold $accent"), d) for k, d in text.global_keys
            ]
            yield Static(Content("\n").join(rows), classes="section", id="global-keys")
        yield Footer()

    def _sections(self, sections: list[HelpSection]) -> list[HelpSection]:
        first = [s for s in sections if s.screen == self.topic]
        return first + [s for s in sections if s.screen != self.topic]

    def _section(self, section: HelpSection) -> Content:
        lines = [Content.styled(section.title, "bold"), Content(section.about)]
        for b in screen_bindings(section.screen):
            detail = f"{b.description}: {b.tooltip}" if b.tooltip else b.description
            lines.append(Content.assemble((f"  {key_label(b.key):<12}", "bold $accent"), detail))
        return Content("\n").join(lines)

    def action_back(self) -> None:
        self.dismiss()
