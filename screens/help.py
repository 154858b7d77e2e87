"""Help: what each screen is for and its keys. The keys are read from each screen's own
bindings, so the help can never drift from what the keys really do. The screen help was
opened from comes first."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.style import Style as RichStyle
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.keys import format_key
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


class SectionView(Static):
    """One screen's section: its title, what it is for, then its keys, one row each, the key
    in the accent colour and a long explanation wrapping beside it, not under it. One widget
    per section, not three per key: help lists about 200 keys, and a widget per cell made it
    take seconds to open."""

    def __init__(
        self,
        title: str,
        about: str,
        rows: list[tuple[str, str]],
        *,
        key_colour: str,
        here: str = "",
        note: str = "",
        id: str | None = None,  # noqa: A002 (Textual's own name)
    ) -> None:
        super().__init__(classes="section here" if here else "section", id=id)
        self.title = title
        self.about = about
        self.rows = rows
        self.key_colour = key_colour
        self.here = here
        self.note = note

    def render(self) -> Group:
        heading = Text(self.title, style="bold")
        if self.here:
            heading.append(f"  ({self.here})", style="italic")
        parts: list[RenderableType] = [heading]
        if self.about:
            parts.append(Text(self.about))
        if self.rows:
            table = Table.grid(padding=(0, 1))
            table.add_column(width=10, style=RichStyle(bold=True, color=self.key_colour))
            table.add_column(ratio=1)
            for key, detail in self.rows:
                table.add_row(Text(key), Text(detail))
            parts.append(Padding(table, (0, 0, 0, 1)))
        if self.note:
            parts.extend([Text(), Text(self.note, style="italic")])
        return Group(*parts)


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
        colour = self.app.get_css_variables().get("text-accent", "default")
        yield Header()
        with VerticalScroll(id="help"):
            yield Static(Content(text.intro), classes="muted", id="help-intro")
            for index, section in enumerate(self._sections(text.sections)):
                here = index == 0 and section.screen == self.topic
                yield self._section(section, here, colour)
            yield SectionView(
                text.everywhere,
                "",
                [(key, detail) for key, detail in text.global_keys],
                key_colour=colour,
                note=text.typing_note,
                id="global-keys",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help", VerticalScroll).focus()

    def _sections(self, sections: list[HelpSection]) -> list[HelpSection]:
        first = [s for s in sections if s.screen == self.topic]
        return first + [s for s in sections if s.screen != self.topic]

    def _section(self, section: HelpSection, here: bool, colour: str) -> SectionView:
        keys = [
            (key_label(b.key), f"{b.description}: {b.tooltip}" if b.tooltip else b.description)
            for b in screen_bindings(section.screen)
        ]
        return SectionView(
            section.title,
            section.about,
            keys,
            key_colour=colour,
            here=app_text().help.here if here else "",
            id=f"help-{section.screen}",
        )

    def can_go_back(self) -> bool:
        return True

    def go_back(self) -> None:
        self.dismiss()
