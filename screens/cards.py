"""Cards and knowing each other: play conversation cards, the question of the day, each
partner's profile, "How well do you know me?", and favourite cards."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from closeness_tui.cards_text import cards_text
from closeness_tui.screens.base import ClosenessScreen
from closeness_tui.text import safe_template

FAVOURITES = "favourites"  # the play screen's deck of favourite cards


class CardsScreen(ClosenessScreen):
    CSS_PATH = "cards.tcss"
    HELP_TOPIC = "cards"
    BINDINGS = [
        Binding(
            "p", "open('cards_play')", "Play", id="cards-play", tooltip="Play conversation cards"
        ),
        Binding(
            "d",
            "open('cards_question')",
            "Today's question",
            id="cards-question",
            tooltip="The question of the day, each in turn",
        ),
        Binding(
            "1",
            "open('profile-0')",
            "Profile 1",
            id="cards-profile-0",
            tooltip="The first partner's profile",
        ),
        Binding(
            "2",
            "open('profile-1')",
            "Profile 2",
            id="cards-profile-1",
            tooltip="The second partner's profile",
        ),
        Binding(
            "g",
            "open('profile_guess')",
            "Guess",
            id="cards-guess",
            tooltip="How well do you know me?",
        ),
        Binding(
            "f",
            "open('favourites')",
            "Favourites",
            id="cards-favourites",
            tooltip="Play your favourite cards",
        ),
    ]

    def compose(self) -> ComposeResult:
        text = cards_text().hub
        yield Header()
        with Vertical(id="cards-hub"):
            yield Static(Content(text.title), classes="title")
            yield Static(Content(text.intro), classes="muted", id="cards-intro")
            yield OptionList(*self._options(), id="cards-entries")
        yield Footer()

    def _options(self) -> list[Option]:
        hub = cards_text().hub
        names = self.capp.settings.names
        rows: list[tuple[str, str, Content, Content]] = [
            ("p", "cards_play", Content(hub.play[0]), Content(hub.play[1])),
            ("d", "cards_question", Content(hub.question[0]), Content(hub.question[1])),
        ]
        for seat in (0, 1):
            rows.append(
                (
                    str(seat + 1),
                    f"profile-{seat}",
                    safe_template(hub.profile[0], name=names[seat]),
                    safe_template(hub.profile[1], name=names[seat]),
                )
            )
        rows += [
            ("g", "profile_guess", Content(hub.guess[0]), Content(hub.guess[1])),
            ("f", FAVOURITES, Content(hub.favourites[0]), Content(hub.favourites[1])),
        ]
        return [
            Option(
                Content.assemble(
                    (f" {key} ", "reverse"), "  ", title.stylize("bold"), "\n     ", blurb
                ),
                id=name,
            )
            for key, name, title, blurb in rows
        ]

    def on_mount(self) -> None:
        self.query_one("#cards-entries", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.action_open(event.option.id)

    def action_open(self, where: str) -> None:
        """Open a screen by its registered name (so the palette finds it), the favourites,
        or "profile-0" / "profile-1"."""
        # Imported when first opened (start-up stays fast), as the registry does.
        from closeness_tui.screens.cards_play import CardPlayScreen
        from closeness_tui.screens.cards_question import DailyQuestionScreen
        from closeness_tui.screens.profile import ProfileScreen
        from closeness_tui.screens.profile_guess import GuessScreen

        if where == "cards_play":
            self.app.push_screen(CardPlayScreen())
        elif where == FAVOURITES:
            self.app.push_screen(CardPlayScreen(deck=FAVOURITES))
        elif where == "cards_question":
            self.app.push_screen(DailyQuestionScreen())
        elif where.startswith("profile-"):
            self.app.push_screen(ProfileScreen(int(where[-1])))
        elif where == "profile_guess":
            self.app.push_screen(GuessScreen())
