"""Choose a ritual to add: the suggestions from content/rituals.toml, or your own."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from closeness_tui import rituals as core
from closeness_tui.ritualtext import minutes_words, ritual_text, when_words
from closeness_tui.screens.base import ClosenessScreen
from closeness_tui.screens.profile_hints import ritual_hint

CUSTOM = "custom"


class RitualPickerScreen(ClosenessScreen[str | None]):
    """Dismisses with a template id, "" for a custom ritual, or None when they go back."""

    CSS_PATH = "ritual_picker.tcss"
    HELP_TOPIC = "ritual_picker"

    def compose(self) -> ComposeResult:
        text = ritual_text()
        yield Header()
        with Vertical(id="ritual-picker"):
            yield Static(Content(text.picker.title), classes="title")
            yield Static(Content(text.picker.intro), classes="muted", id="ritual-picker-intro")
            yield ritual_hint(self.capp)  # rituals that fit their profiles (cards work)
            yield OptionList(*self._options(), id="ritual-templates")
        yield Footer()

    def _options(self) -> list[Option | None]:
        text = ritual_text()
        words = text.words
        today = self.capp.clock.today()
        options: list[Option | None] = []
        for t in text.templates:
            sample = core.from_template(t, today)
            when = f"{when_words(sample, words)} · {minutes_words(t.duration, words)}"
            options.append(
                Option(
                    Content.assemble((t.name, "bold"), "\n", t.why, "\n", (when, "$text-muted")),
                    id=t.id,
                )
            )
            options.append(None)
        options.append(
            Option(
                Content.assemble((text.picker.custom, "bold"), "\n", text.picker.custom_blurb),
                id=CUSTOM,
            )
        )
        return options

    def on_mount(self) -> None:
        self.query_one("#ritual-templates", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        choice = event.option.id or CUSTOM
        self.dismiss("" if choice == CUSTOM else choice)
