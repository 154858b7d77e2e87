"""Setting up a listening session: topic, who speaks first (by name), turn length, rounds,
an optional readiness check, the mirroring extras, and an optional note for the speaker.

`start_listening(app, topic=..., speaker_note=..., on_done=...)` is the way other features
start a session: when it is done (or the partners leave it) every session screen is popped
back to the caller's screen and `on_done(session_id or None)` is called.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import (
    Button,
    Checkbox,
    Footer,
    Header,
    Input,
    Label,
    RadioButton,
    RadioSet,
    Select,
    Static,
)

from closeness_tui.listening import (
    ROUNDS_RANGE,
    TURN_MINUTES_RANGE,
    TURN_PRESETS_MINUTES,
    Listening,
    note_choices,
    unfinished,
)
from closeness_tui.listeningtext import listening_text
from closeness_tui.models import ListeningSession, Statement
from closeness_tui.screens.carry_on import offer_carry_on, screen_below
from closeness_tui.screens.drafting import DraftingScreen
from closeness_tui.screens.listening_flow import ListeningFlow
from closeness_tui.screens.listening_waiting import where_stopped
from closeness_tui.screens.text_boxes import LineBox
from closeness_tui.text import LINE_MAX, TEXT_MAX, clean, safe, safe_template

DEFAULT_MINUTES = 5
NOTE_PREVIEW = 60


def start_listening(
    app: App[Any],
    *,
    topic: str = "",
    speaker_note: str = "",
    on_done: Callable[[str | None], Any] | None = None,
    checkin_id: str | None = None,
    resume: ListeningSession | None = None,
) -> None:
    """Open the set-up screen pre-filled; `on_done(session_id or None)` runs at the end.
    `checkin_id`: the weekly check-in the session belongs to (kept in the session, so the
    link survives a restart). `resume`: carry on that unfinished session instead."""
    app.push_screen(
        ListeningSetupScreen(
            topic=topic,
            speaker_note=speaker_note,
            on_done=on_done,
            checkin_id=checkin_id,
            resume=resume,
        )
    )


def back_to_weekly(app: Any) -> Callable[[str | None], Any]:
    """A session on a weekly's issue, carried on from Home: once it is finished, the
    weekly it belongs to opens again (linked), if it is still under way."""

    def done(session_id: str | None) -> None:
        from closeness_tui.checkins import waiting_weekly
        from closeness_tui.models import CheckIn
        from closeness_tui.screens.weekly import WeeklyScreen

        store = app.store
        if not session_id or store is None:
            return
        session = store.get(ListeningSession, session_id)
        weekly = waiting_weekly(session, store.all(CheckIn)) if session else None
        if weekly is not None:
            app.push_screen(WeeklyScreen(weekly))

    return done


class ListeningSetupScreen(DraftingScreen):
    CSS_PATH = "listening.tcss"
    HELP_TOPIC = "listening"
    BINDINGS = [
        Binding("ctrl+s", "begin", "Begin", id="setup-begin", tooltip="Start the session"),
        Binding(
            "ctrl+o",
            "history",
            "Past sessions",
            id="setup-history",
            tooltip="Read the sessions you have had",
        ),
    ]

    def __init__(
        self,
        topic: str = "",
        speaker_note: str = "",
        on_done: Callable[[str | None], Any] | None = None,
        *,
        offer_resume: bool | None = None,
        checkin_id: str | None = None,
        resume: ListeningSession | None = None,
    ) -> None:
        super().__init__()
        self.checkin_id = checkin_id
        self.resume = resume
        self.topic = topic
        self.speaker_note = speaker_note
        self.on_done = on_done
        # Opened from Home (no caller waiting for a result): offer an unfinished session first.
        self.offer_resume = on_done is None if offer_resume is None else offer_resume

    def draft_key(self) -> str:
        """A topic typed here is kept (not one handed in by a weekly, which keeps its own)."""
        return "listening:setup" if not self.topic and self.resume is None else ""

    # -- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        words = listening_text().setup
        names = self.capp.settings.names
        yield Header()
        with VerticalScroll(id="setup"):
            yield Static(Content(words.title), classes="title", id="setup-title")
            yield Static(Content(words.intro), classes="muted", id="setup-intro")
            yield Label(Content(words.topic_label), classes="label", id="topic-label")
            yield LineBox(
                self.topic,
                placeholder=words.topic_placeholder,
                id="topic",
                max_length=LINE_MAX,
                compact=True,
            )
            yield Label(Content(words.first_label), classes="label")
            with RadioSet(id="first", classes="row-set", compact=True):
                yield RadioButton(safe(names[0]), True, id="first-0")
                yield RadioButton(safe(names[1]), id="first-1")
            yield Label(Content(words.turn_label), classes="label")
            with RadioSet(id="minutes", classes="row-set", compact=True):
                for minutes in TURN_PRESETS_MINUTES:
                    yield RadioButton(
                        Content(str(minutes)),
                        minutes == DEFAULT_MINUTES,
                        id=f"min-{minutes}",
                    )
                yield RadioButton(Content("other"), id="min-other")
            with Horizontal(id="custom-row"):
                yield Label(Content(words.custom_label), id="custom-label")
                yield LineBox(
                    placeholder=words.custom_placeholder,
                    id="custom",
                    type="integer",
                    max_length=2,
                    compact=True,
                )
            yield Static("", id="custom-error", classes="error")
            yield Label(Content(words.rounds_label), classes="label")
            with RadioSet(id="rounds", classes="row-set", compact=True):
                low, high = ROUNDS_RANGE
                for n in range(low, high + 1):
                    yield RadioButton(Content(str(n)), n == 1, id=f"rounds-{n}")
            yield Label(Content(words.signal_label), classes="label")
            yield LineBox(
                placeholder=words.signal_placeholder,
                id="break-signal",
                max_length=LINE_MAX,
                compact=True,
            )
            yield Checkbox(Content(words.readiness_label), True, id="readiness")
            yield Checkbox(Content(words.mirroring_label), True, id="mirroring")
            yield Label(Content(words.note_label), classes="label")
            yield Select(
                self._note_options(0),
                prompt=words.note_none,
                id="speaker-note",
                value=self.speaker_note if self.speaker_note else Select.NULL,
                compact=True,
            )
            with Horizontal(id="begin-row"):
                yield Button(Content(words.begin), id="begin", variant="primary", compact=True)
                yield Static(Content(words.next_hint), classes="muted", id="begin-hint")
        yield Footer()

    def _note_options(self, seat: int) -> list[tuple[Content, str]]:
        store = self.capp.store
        statements = store.all(Statement) if store is not None else []
        texts = note_choices(statements, seat, self.speaker_note)
        options = []
        for text in texts:
            preview = " ".join(text.split())
            if len(preview) > NOTE_PREVIEW:
                preview = preview[: NOTE_PREVIEW - 1] + "…"
            options.append((safe(preview), text))
        return options

    # -- start-up ---------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.query_one("#topic", Input).focus()
        self.query_one("#custom-row").display = False
        self.query_one("#custom-error").display = False
        if self.resume is not None:
            machine = Listening.resume(self.resume, self.capp.clock)
            self.call_after_refresh(self._run, machine)
            return
        if self.offer_resume and self.capp.store is not None:
            waiting = unfinished(self.capp.store.all(ListeningSession))
            if waiting is not None:
                self._offer(waiting)

    def _offer(self, session: ListeningSession) -> None:
        words = listening_text().setup
        when = session.started_at.strftime("%a %d %b, %H:%M")

        machine = Listening.resume(session, self.capp.clock)
        where = where_stopped(ListeningFlow(self.capp, machine, None)).plain

        offer_carry_on(
            self,
            machine,
            safe_template(words.resume_question, when=when, where=where),
            set_aside=words.resume_no,
            carry_on=words.resume_yes,
            run=self._run,
        )

    def _run(self, machine: Listening) -> None:
        base = screen_below(self)
        on_done = self.on_done
        if on_done is None and machine.session.checkin_id is not None:
            on_done = back_to_weekly(self.capp)
        ListeningFlow(self.capp, machine, base, on_done).open()

    # -- choices ----------------------------------------------------------------------------

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        if event.radio_set.id == "minutes":
            row = self.query_one("#custom-row")
            row.display = event.pressed.id == "min-other"
            if row.display:
                self.query_one("#custom", Input).focus()
        elif event.radio_set.id == "first":
            seat = 1 if event.pressed.id == "first-1" else 0
            note = self.query_one("#speaker-note", Select)
            note.set_options(self._note_options(seat))

    def _minutes(self) -> int | None:
        pressed = self.query_one("#minutes", RadioSet).pressed_button
        if pressed is None:
            return DEFAULT_MINUTES
        if pressed.id != "min-other":
            return int((pressed.id or "").removeprefix("min-"))
        try:
            minutes = int(self.query_one("#custom", Input).value)
        except ValueError:
            return None
        low, high = TURN_MINUTES_RANGE
        return minutes if low <= minutes <= high else None

    def _pressed_number(self, set_id: str, prefix: str, default: int) -> int:
        pressed = self.query_one(f"#{set_id}", RadioSet).pressed_button
        if pressed is None or not pressed.id:
            return default
        return int(pressed.id.removeprefix(prefix))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the topic box moves on to the choices (it never starts the session
        with choices nobody has looked at); Enter in the custom length begins."""
        event.stop()
        if event.input.id == "topic":
            self.query_one("#first", RadioSet).focus()
            return
        if event.input.id == "break-signal":
            self.query_one("#readiness", Checkbox).focus()
            return
        self.action_begin()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "custom" and self._minutes() is not None:
            error = self.query_one("#custom-error", Static)
            error.update("")
            error.display = False

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_begin()

    def action_begin(self) -> None:
        words = listening_text().setup
        minutes = self._minutes()
        error = self.query_one("#custom-error", Static)
        if minutes is None:
            error.update(Content(words.bad_custom))
            error.display = True
            self.query_one("#custom", Input).focus()
            return
        error.update("")
        error.display = False
        note = self.query_one("#speaker-note", Select).value
        machine = Listening.new(self.capp.clock, self.capp.settings.names)
        machine.configure(
            topic=clean(
                self.query_one("#topic", Input).value, LINE_MAX, single_line=True
            ).text.strip(),
            first_speaker=self._pressed_number("first", "first-", 0),
            turn_minutes=minutes,
            rounds=self._pressed_number("rounds", "rounds-", 1),
            check_readiness=self.query_one("#readiness", Checkbox).value,
            mirroring=self.query_one("#mirroring", Checkbox).value,
            speaker_note=clean(note, TEXT_MAX).text if isinstance(note, str) else "",
            break_signal=clean(
                self.query_one("#break-signal", Input).value, LINE_MAX, single_line=True
            ).text.strip(),
        )
        machine.session.checkin_id = self.checkin_id
        machine.begin()
        if self.capp.save(machine.sync()):
            self.drop_draft(stop=True)
            self._run(machine)

    def action_history(self) -> None:
        self.capp.open_screen("listening_history")

    def action_back(self) -> None:
        on_done = self.on_done
        self.dismiss()
        if on_done is not None:
            on_done(None)
