"""The game "How well do you know me?": one partner guesses the other's answers to a few profile
questions, then both compare, kindly: no score, a warm line for each answer either way."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Header, Input, Label, Select, Static

from closeness_tui.models import GuessRound, Profile
from closeness_tui.profiles import NEAR, SAME, UNKNOWN, compare, current, is_empty
from closeness_tui.profiles_text import profiles_text
from closeness_tui.screens.base import ClosenessScreen
from closeness_tui.screens.text_boxes import LineBox
from closeness_tui.text import LINE_MAX, clean, safe, safe_template


class GuessScreen(ClosenessScreen):
    CSS_PATH = "profile_guess.tcss"
    HELP_TOPIC = "profile_guess"
    BINDINGS = [
        Binding(
            "ctrl+s",
            "compare",
            "Compare",
            id="guess-compare",
            tooltip="Show the answers side by side",
        ),
    ]

    def __init__(self, guesser: int = 0) -> None:
        super().__init__()
        self.guesser = guesser
        self.compared = False

    @property
    def other(self) -> int:
        return 1 - self.guesser

    def compose(self) -> ComposeResult:
        text = profiles_text()
        words = text.guess
        names = self.capp.settings.names
        yield Header()
        with VerticalScroll(id="guess"):
            yield Static(Content(words.title), classes="title")
            yield Select(
                [(safe_template(words.guesser, name=names[s]), s) for s in (0, 1)],
                value=self.guesser,
                allow_blank=False,
                compact=True,
                type_to_search=False,
                id="guess-who",
            )
            yield Static(id="guess-intro", classes="muted")
            with Vertical(id="guess-form"):
                for field, _question in words.questions:
                    yield Label(id=f"guess-q-{field}", classes="guess-question")
                    if field == "love":
                        yield self._choices(field, [(w.id, w.plain) for w in text.ways])
                    elif field == "flooded":
                        yield self._choices(field, [(c.id, c.name) for c in text.calming])
                    else:
                        yield LineBox(
                            id=f"guess-{field}", placeholder=words.placeholder, max_length=LINE_MAX
                        )
                yield Button(Content(words.compare), id="guess-compare", variant="primary")
            yield Static(id="guess-results")
            yield Button(Content(words.again), id="guess-close")
        yield Footer()

    @staticmethod
    def _choices(field: str, items: list[tuple[str, str]]) -> Select[str]:
        return Select(
            [(Content(label), value) for value, label in items],
            prompt=profiles_text().guess.any,
            compact=True,
            type_to_search=False,
            id=f"guess-{field}",
        )

    def on_mount(self) -> None:
        self.refresh_form()

    def _profile(self) -> Profile | None:
        store = self.capp.store
        return current(store.all(Profile), self.other) if store is not None else None

    def refresh_form(self) -> None:
        words = profiles_text().guess
        names = self.capp.settings.names
        guesser, other = names[self.guesser], names[self.other]
        profile = self._profile()
        intro = self.query_one("#guess-intro", Static)
        form = self.query_one("#guess-form")
        self.query_one("#guess-results", Static).display = False
        self.query_one("#guess-close", Button).display = False
        if is_empty(profile):
            intro.update(safe_template(words.no_profile, other=other))
            form.display = False
            return
        form.display = True
        intro.update(safe_template(words.intro, guesser=guesser, other=other))
        for field, question in words.questions:
            self.query_one(f"#guess-q-{field}", Label).update(
                safe_template("[b]" + question + "[/b]", other=other)
            )

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "guess-who" and isinstance(event.value, int):
            event.stop()
            if event.value != self.guesser:
                self.guesser = event.value
                self.compared = False
                for box in self.query("#guess-form Input").results(Input):
                    box.value = ""
                self.refresh_form()

    def guesses(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for field, _ in profiles_text().guess.questions:
            widget = self.query_one(f"#guess-{field}")
            if isinstance(widget, Select):
                value = widget.value
                out[field] = value if isinstance(value, str) else ""
            elif isinstance(widget, Input):
                out[field] = clean(widget.value, LINE_MAX, single_line=True).text.strip()
        return out

    def action_compare(self) -> None:
        profile = self._profile()
        if is_empty(profile) or profile is None:
            return
        text = profiles_text()
        words = text.guess
        names = self.capp.settings.names
        guesses = self.guesses()
        fields = [f for f, _ in words.questions]
        choice_names = {
            "love": {w.id: w.name for w in text.ways},
            "flooded": {c.id: c.name for c in text.calming},
        }
        if not self.compared:
            record = GuessRound(
                guesser=self.guesser,
                played_at=self.capp.clock.now(),
                profile_id=profile.id,
                guesses=guesses,
            )
            if not self.capp.save(record):
                return
            self.compared = True
        result = Content("")
        for (_field, question), c in zip(
            words.questions, compare(profile, guesses, fields, choice_names), strict=True
        ):
            line = {SAME: words.same, UNKNOWN: words.unknown}.get(c.verdict, "")
            if not line:
                line = words.near if c.verdict == NEAR else words.new
            result = Content.assemble(
                result,
                safe_template("[b]" + question + "[/b]\n", other=names[self.other]),
                safe_template("  $name: ", name=names[self.guesser]),
                safe(c.guess or "…"),
                "\n",
                safe_template("  $name: ", name=names[self.other]),
                safe(c.actual or "…"),
                "\n  ",
                safe_template("[i]" + line + "[/i]", other=names[self.other]),
                "\n\n",
            )
        result = Content.assemble(result, Content(words.closing))
        results = self.query_one("#guess-results", Static)
        results.update(result)
        results.display = True
        close = self.query_one("#guess-close", Button)
        close.display = True
        self.query_one("#guess-form").display = False
        close.focus()
        self.query_one("#guess", VerticalScroll).scroll_home(animate=False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "guess-close":
            self.dismiss()
        else:
            self.action_compare()

    def has_unsaved(self) -> bool:
        return not self.compared and any(self.guesses().values())
