"""Help: what each screen is for and its keys. The keys are read from each screen's own
bindings, so the help can never drift from what the keys really do. The screen help was
opened from comes first."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.keys import format_key
from textual.widget import Widget
from textual.widgets import Footer, Header, Static

from closeness_tui.apptext import HelpSection, app_text
from closeness_tui.registry import SCREENS, screen_class
from closeness_tui.screens.base import ClosenessScreen

# How a person reads a key, where Textual's own display differs (its footer shows "^s" and
# "⏎"); any other key is Textual's `format_key` ("left_square_bracket" -> "[").
KEY_NAMES = {
    "escape": "esc",
    "enter": "enter",
    "space": "space",
    "delete": "delete",
    "backspace": "backspace",
    "tab": "tab",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
}


def screen_bindings(name: str) -> list[Binding]:
    """The keys a screen opened by name declares (see ClosenessScreen.help_bindings). Help
    also has sections for screens not opened by name (the damaged-file and locked screens,
    the rituals' picker, editor and detail): those list no keys of their own."""
    if name not in SCREENS:
        return []
    cls = screen_class(name)
    explain = getattr(cls, "help_bindings", None)
    return explain() if callable(explain) else []


def key_label(keys: str) -> str:
    """A Binding's keys as a person reads them: "ctrl+s", "[", "space", "m or +"."""
    return " or ".join(_one_key(k.strip()) for k in keys.split(",") if k.strip())


def _one_key(key: str) -> str:
    *modifiers, name = key.split("+")
    return "+".join([*modifiers, KEY_NAMES.get(name) or format_key(name)])


class KeyRow(Horizontal):
    """One key and what it does; a long explanation wraps beside the key, not under it."""

    def __init__(self, key: str, detail: str) -> None:
        super().__init__(classes="keyrow")
        self.key_text = key
        self.detail = detail

    def compose(self) -> ComposeResult:
        yield Static(Content(self.key_text), classes="key")
        yield Static(Content(self.detail), classes="what")


class HelpScreen(ClosenessScreen):
    CSS_PATH = "help.tcss"
    HELP_TOPIC = "help"
    BINDINGS = [
        Binding("q", "back", "Close help", id="close-help", tooltip="Return to where you were"),
    ]

    def __init__(self, topic: str = "home") -> None:
        super().__init__()
        self.topic = topic
        self.sub_title = app_text().help.title

    def compose(self) -> ComposeResult:
        text = app_text().help
        yield Header()
        with VerticalScroll(id="help"):
            yield Static(Content(text.intro), classes="muted", id="help-intro")
            for index, section in enumerate(self._sections(text.sections)):
                here = index == 0 and section.screen == self.topic
                yield self._section(section, here)
            with Vertical(classes="section", id="global-keys"):
                yield Static(Content.styled(text.everywhere, "bold"), classes="heading")
                for key, detail in text.global_keys:
                    yield KeyRow(key, detail)
                yield Static(Content(text.typing_note), classes="gentle", id="typing-note")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help", VerticalScroll).focus()

    def _sections(self, sections: list[HelpSection]) -> list[HelpSection]:
        first = [s for s in sections if s.screen == self.topic]
        return first + [s for s in sections if s.screen != self.topic]

    def _section(self, section: HelpSection, here: bool) -> Vertical:
        title = Content.styled(section.title, "bold")
        if here:
            title = Content.assemble(title, "  ", (f"({app_text().help.here})", "italic"))
        rows: list[Widget] = [Static(title, classes="heading"), Static(Content(section.about))]
        for b in screen_bindings(section.screen):
            detail = f"{b.description}: {b.tooltip}" if b.tooltip else b.description
            rows.append(KeyRow(key_label(b.key), detail))
        return Vertical(
            *rows, classes="section here" if here else "section", id=f"help-{section.screen}"
        )

    def can_go_back(self) -> bool:
        return True

    def go_back(self) -> None:
        self.dismiss()
