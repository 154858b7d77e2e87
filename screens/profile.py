"""A partner's profile, filled in together: the ways they most like to receive love
(ranked), what helps when stressed, what they need when flooded, their rhythm of closeness
and space, small joys, worries and hopes. Every field is optional; each save is a new dated
version, so the history shows what changed and when."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Footer, Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from closeness_tui.models import Profile
from closeness_tui.profiles import TEXT_FIELDS, current, history, same_content
from closeness_tui.profiles_text import profiles_text
from closeness_tui.screens.base import ClosenessScreen
from closeness_tui.screens.text_boxes import LineBox
from closeness_tui.text import LINE_MAX, clean, safe_template


class ProfileScreen(ClosenessScreen):
    CSS_PATH = "profile.tcss"
    HELP_TOPIC = "profile"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="profile-save", tooltip="Keep this, with the date"),
        Binding(
            "shift+up",
            "move(-1)",
            "Move up",
            id="profile-up",
            tooltip="Move the highlighted way of receiving love up",
        ),
        Binding(
            "shift+down",
            "move(1)",
            "Move down",
            id="profile-down",
            tooltip="Move the highlighted way of receiving love down",
        ),
        Binding(
            "x",
            "clear_ranking",
            "Clear order",
            id="profile-clear",
            show=False,
            tooltip="Leave the ways of receiving love unranked",
        ),
    ]

    def __init__(self, seat: int = 0) -> None:
        super().__init__()
        self.seat = seat
        self.ranking: list[str] = []  # [] = not ranked
        self.order: list[str] = [w.id for w in profiles_text().ways]

    def compose(self) -> ComposeResult:
        text = profiles_text()
        words = text.profile
        name = self.capp.settings.name(self.seat)
        yield Header()
        with VerticalScroll(id="profile"):
            yield Static(safe_template("[b]" + words.title + "[/b]", name=name), classes="title")
            yield Static(Content(words.intro), classes="muted")
            yield Static(id="profile-last", classes="gentle")
            yield Label(safe_template(words.love, name=name), classes="profile-label")
            yield Static(Content(words.love_keys), classes="muted")
            yield OptionList(id="profile-love")
            yield Label(safe_template(words.stress, name=name), classes="profile-label")
            yield LineBox(id="profile-stress", placeholder=words.placeholder, max_length=LINE_MAX)
            yield Label(safe_template(words.flooded, name=name), classes="profile-label")
            with Horizontal(id="profile-flooded"):
                for c in text.calming:
                    yield Checkbox(Content(c.name), id=f"profile-calm-{c.id}", compact=True)
            for field in ("flooded_note", "rhythm", "joys", "worries", "hopes"):
                yield Label(
                    safe_template(getattr(words, field), name=name), classes="profile-label"
                )
                yield LineBox(
                    id=f"profile-{field}", placeholder=words.placeholder, max_length=LINE_MAX
                )
            yield Button(Content(words.save), id="profile-save", variant="primary")
            yield Static(
                Content(words.history), classes="profile-label", id="profile-history-title"
            )
            yield Static(id="profile-history", classes="muted")
        yield Footer()

    def on_mount(self) -> None:
        self.load(self._current())
        self.query_one("#profile-love", OptionList).focus()

    def _current(self) -> Profile | None:
        store = self.capp.store
        return current(store.all(Profile), self.seat) if store is not None else None

    def load(self, profile: Profile | None) -> None:
        if profile is not None:
            self.ranking = list(profile.love)
            known = set(self.ranking)
            self.order = self.ranking + [w for w in self.order if w not in known]
            for field in TEXT_FIELDS:
                self.query_one(f"#profile-{field}", Input).value = getattr(profile, field)
            for box in self.query(Checkbox):
                box.value = (box.id or "").removeprefix("profile-calm-") in profile.flooded
        self.show_ranking()
        self.show_history()

    def show_ranking(self, highlight: int | None = None) -> None:
        text = profiles_text()
        ways = {w.id: w for w in text.ways}
        love = self.query_one("#profile-love", OptionList)
        options = []
        for n, way_id in enumerate(self.order, 1):
            mark = f"{n}." if self.ranking else "·"
            options.append(Option(Content.assemble((f"{mark:>3} ", "bold"), ways[way_id].plain)))
        love.set_options(options)
        love.highlighted = highlight if highlight is not None else 0

    def show_history(self) -> None:
        words = profiles_text().profile
        store = self.capp.store
        steps = history(store.all(Profile), self.seat) if store is not None else []
        last = self.query_one("#profile-last", Static)
        if not steps:
            last.update(Content(words.never))
            self.query_one("#profile-history", Static).update("")
            return
        last.update(Content(words.last.replace("$date", self._day(steps[0][0]))))
        labels = self._field_labels()
        lines = [
            words.changed.replace("$date", self._day(p)).replace(
                "$fields", ", ".join(labels[f] for f in fields)
            )
            for p, fields in steps
            if fields
        ]
        self.query_one("#profile-history", Static).update(Content("\n".join(lines)))

    def _field_labels(self) -> dict[str, str]:
        words = profiles_text().profile
        name = self.capp.settings.name(self.seat)
        fields = ("love", "stress", "flooded", "flooded_note", "rhythm", "joys", "worries", "hopes")
        return {f: safe_template(getattr(words, f), name=name).plain for f in fields}

    @staticmethod
    def _day(profile: Profile) -> str:
        return profile.saved_at.strftime("%a %d %b %Y")

    # -- ranking -----------------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        love = self.query_one("#profile-love", OptionList)
        at = love.highlighted
        if at is None:
            return
        to = at + step
        if not 0 <= to < len(self.order):
            return
        self.order[at], self.order[to] = self.order[to], self.order[at]
        self.ranking = list(self.order)
        self.show_ranking(highlight=to)

    def action_clear_ranking(self) -> None:
        self.ranking = []
        self.show_ranking(highlight=self.query_one("#profile-love", OptionList).highlighted)

    # -- saving -------------------------------------------------------------------------------

    def build(self) -> Profile:
        values = {
            f: clean(
                self.query_one(f"#profile-{f}", Input).value, LINE_MAX, single_line=True
            ).text.strip()
            for f in TEXT_FIELDS
        }
        flooded = [
            (box.id or "").removeprefix("profile-calm-")
            for box in self.query(Checkbox)
            if box.value
        ]
        return Profile(
            seat=self.seat,
            saved_at=self.capp.clock.now(),
            love=list(self.ranking),
            flooded=flooded,
            **values,
        )

    def action_save(self) -> None:
        words = profiles_text().profile
        profile = self.build()
        before = self._current()
        if same_content(before, profile) or (before is None and not self.has_unsaved()):
            self.notify(words.unchanged, timeout=3)
            return
        if self.capp.save(profile):
            self.notify(words.saved, timeout=3)
            self.show_history()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def has_unsaved(self) -> bool:
        profile = self.build()
        before = self._current()
        if before is None:
            return any(getattr(profile, f) for f in (*TEXT_FIELDS, "love", "flooded"))
        return not same_content(before, profile)
