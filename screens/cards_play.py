"""Playing conversation cards: a card at a time, who asks and who answers in their names
(alternating), an optional short timer, pass (always fine), favourite, "we talked about
this" (moves on), and a line of notes each. Rules live in closeness_tui/cards.py."""

from __future__ import annotations

import random

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Footer, Header, Input, Label, Select, Static

from closeness_tui.cards import (
    PASSED,
    TALKED,
    Card,
    PlaySession,
    cards_of,
    draw,
    play_record,
    resting,
)
from closeness_tui.cards_text import DEPTHS, cards_text
from closeness_tui.clock import Countdown, format_clock
from closeness_tui.models import CardFavourite, CardPlay
from closeness_tui.screens.base import ClosenessScreen
from closeness_tui.screens.text_boxes import LineBox
from closeness_tui.text import LINE_MAX, clean, safe, safe_template

FAVOURITES = "favourites"
ANY = "any"
DEFAULT_DEPTH = "light"  # start light


class CardPlayScreen(ClosenessScreen):
    CSS_PATH = "cards_play.tcss"
    HELP_TOPIC = "cards_play"
    BINDINGS = [
        Binding(
            "n",
            "talked",
            "Talked: next",
            id="cards-talked",
            tooltip="We talked about this: keep it and draw the next card",
        ),
        Binding("p", "pass", "Pass", id="cards-pass", tooltip="Pass: always fine, costs nothing"),
        Binding(
            "f",
            "favourite",
            "Favourite",
            id="cards-fav",
            tooltip="Mark this card as a favourite (or not)",
        ),
        Binding(
            "t",
            "timer",
            "Timer",
            id="cards-timer",
            tooltip="A gentle timer for each card, on or off",
        ),
        Binding("e", "notes", "Notes", id="cards-notes", tooltip="Write a line of notes each"),
    ]

    def __init__(
        self, deck: str = ANY, depth: str | None = None, rng: random.Random | None = None
    ) -> None:
        super().__init__()
        self.deck = deck
        self.depth = depth if depth is not None else (ANY if deck == FAVOURITES else DEFAULT_DEPTH)
        self.rng = rng or random.Random()
        self.session = PlaySession()
        self.countdown: Countdown | None = None
        self.timer_on = False
        self._timer_shown = ""

    # -- building -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        text = cards_text()
        words = text.play
        names = self.capp.settings.names
        decks = [(Content(words.any_deck), ANY)]
        decks += [(Content(d.title), d.id) for d in text.decks]
        decks.append((Content(text.hub.favourites[0]), FAVOURITES))
        depths = [(Content(words.any_depth), ANY)]
        depths += [(Content(getattr(words.depths, d)), d) for d in DEPTHS]
        yield Header()
        with Vertical(id="cards-play"):
            with Horizontal(id="cards-choice"):
                yield Select(
                    decks,
                    value=self.deck,
                    allow_blank=False,
                    compact=True,
                    type_to_search=False,
                    id="cards-deck",
                )
                yield Select(
                    depths,
                    value=self.depth,
                    allow_blank=False,
                    compact=True,
                    type_to_search=False,
                    id="cards-depth",
                )
            yield Static(id="cards-who")
            with Vertical(id="cards-card"):
                yield Static(id="cards-from", classes="muted")
                yield Static(id="cards-text")
            yield Static(id="cards-timer", classes="muted")
            with Horizontal(id="cards-buttons"):
                yield Button(Content(words.talked), id="cards-talked", variant="primary")
                yield Button(Content(words.pass_), id="cards-pass")
                yield Button(Content(words.favourite), id="cards-fav")
                yield Button(Content(words.timer), id="cards-timer-button")
            with Horizontal(id="cards-notes"):
                for seat in (0, 1):
                    with Vertical(classes="cards-note"):
                        yield Label(safe_template(words.note_label, name=names[seat]))
                        yield LineBox(
                            placeholder=words.note_placeholder,
                            max_length=LINE_MAX,
                            id=f"cards-note-{seat}",
                        )
            yield Static(id="cards-count", classes="muted")
        yield Footer()

    def on_mount(self) -> None:
        self.cards = cards_of(cards_text().decks)
        self.by_id = {c.id: c for c in self.cards}
        self.next_card()
        self.set_interval(0.5, self.refresh_timer)

    # -- the rules, applied ----------------------------------------------------------------------

    def _favourites(self) -> list[CardFavourite]:
        store = self.capp.store
        return store.all(CardFavourite) if store is not None else []

    def _resting(self) -> set[str]:
        store = self.capp.store
        if store is None:
            return set()
        rest = cards_text().rest
        return resting(store.all(CardPlay), self.capp.clock.now(), rest.days, rest.pass_days)

    def _choice(self) -> tuple[list[Card], str | None, str | None]:
        depth = None if self.depth == ANY else self.depth
        if self.deck == FAVOURITES:
            # Favourites are chosen to come back to: they do not rest, only tonight's skip.
            chosen = [f.card_id for f in self._favourites()]
            return [self.by_id[c] for c in chosen if c in self.by_id], None, depth
        return self.cards, None if self.deck == ANY else self.deck, depth

    def next_card(self) -> None:
        cards, deck, depth = self._choice()
        resting_ids = set() if self.deck == FAVOURITES else self._resting()
        card = draw(
            cards,
            self.rng,
            resting_ids=resting_ids,
            skip=self.session.drawn,
            deck=deck,
            depth=depth,
        )
        self.session.show(card)
        if self.timer_on and card is not None:
            self.countdown = Countdown(self.capp.clock, cards_text().play.timer_seconds)
        self.show_card()

    def finish(self, outcome: str) -> None:
        card = self.session.current
        if card is None:
            self.next_card()
            return
        asker, _ = self.session.roles
        notes = [self._note(seat) for seat in (0, 1)]
        record = play_record(card, asker, outcome, self.capp.clock.now(), notes)
        if not self.capp.save(record):
            return
        self.session.finish(outcome)
        for seat in (0, 1):
            self.query_one(f"#cards-note-{seat}", Input).value = ""
        words = cards_text().play
        self.notify(words.passed if outcome == PASSED else words.kept, timeout=3)
        self.next_card()

    def _note(self, seat: int) -> str:
        raw = self.query_one(f"#cards-note-{seat}", Input).value
        return clean(raw, LINE_MAX, single_line=True).text.strip()

    # -- showing -------------------------------------------------------------------------------

    def show_card(self) -> None:
        text = cards_text()
        words = text.play
        names = self.capp.settings.names
        card = self.session.current
        asker, answerer = self.session.roles
        who = self.query_one("#cards-who", Static)
        if card is None:
            who.update("")
            self.query_one("#cards-from", Static).update("")
            empty = self.deck == FAVOURITES and not self._favourites()
            self.query_one("#cards-text", Static).update(
                Content(text.hub.no_favourites if empty else words.none_left)
            )
        else:
            who.update(safe_template(words.who, asker=names[asker], answerer=names[answerer]))
            deck = next((d.title for d in text.decks if d.id == card.deck), card.deck)
            self.query_one("#cards-from", Static).update(
                Content(f"{deck} · {getattr(words.depths, card.depth)}")
            )
            self.query_one("#cards-text", Static).update(safe(card.text))
        favourite = card is not None and any(f.card_id == card.id for f in self._favourites())
        self.query_one("#cards-fav", Button).label = Content(
            words.unfavourite if favourite else words.favourite
        )
        self.query_one("#cards-count", Static).update(
            safe_template(
                words.count, talked=str(self.session.talked), passed=str(self.session.passed)
            )
        )
        self._timer_shown = ""
        self.refresh_timer()
        if not isinstance(self.focused, Input):
            self.query_one("#cards-talked", Button).focus()

    def refresh_timer(self) -> None:
        words = cards_text().play
        if not self.timer_on or self.countdown is None or self.session.current is None:
            line = words.timer_off
        elif self.countdown.expired():
            line = words.timer_done
        else:
            line = words.timer_left.replace("$left", format_clock(self.countdown.remaining()))
        if line != self._timer_shown:
            self._timer_shown = line
            self.query_one("#cards-timer", Static).update(Content(line))

    # -- keys and buttons -----------------------------------------------------------------------

    def action_talked(self) -> None:
        self.finish(TALKED)

    def action_pass(self) -> None:
        self.finish(PASSED)

    def action_favourite(self) -> None:
        card = self.session.current
        if card is None:
            return
        words = cards_text().play
        marked = [f for f in self._favourites() if f.card_id == card.id]
        if marked:
            if self.capp.delete(CardFavourite, *(f.id for f in marked)):
                self.notify(words.favourite_off, timeout=3)
        else:
            fav = CardFavourite(card_id=card.id, question=card.text, added_at=self.capp.clock.now())
            if self.capp.save(fav):
                self.notify(words.favourite_on, timeout=3)
        self.show_card()

    def action_timer(self) -> None:
        self.timer_on = not self.timer_on
        self.countdown = (
            Countdown(self.capp.clock, cards_text().play.timer_seconds) if self.timer_on else None
        )
        self.refresh_timer()

    def action_notes(self) -> None:
        self.query_one("#cards-note-0", Input).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        actions = {
            "cards-talked": self.action_talked,
            "cards-pass": self.action_pass,
            "cards-fav": self.action_favourite,
            "cards-timer-button": self.action_timer,
        }
        action = actions.get(event.button.id or "")
        if action is not None:
            action()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "cards-note-0":
            self.query_one("#cards-note-1", Input).focus()
        else:
            self.query_one("#cards-talked", Button).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        value = str(event.value)
        if event.select.id == "cards-deck" and value != self.deck:
            self.deck = value
        elif event.select.id == "cards-depth" and value != self.depth:
            self.depth = value
        else:
            return
        self.next_card()  # the card shown was not played: nothing is recorded for it

    def has_unsaved(self) -> bool:
        return self.session.current is not None and any(self._note(s) for s in (0, 1))
