"""Add a ritual (from a template or from scratch) or change one: cadence, time, length, who
leads, start; pause, resume, or remove it (keeping its history unless they choose otherwise)."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Footer, Header, Input, Label, Select, Static

from closeness_tui import rituals as core
from closeness_tui.models import Ritual, RitualMark
from closeness_tui.ritualtext import fill, ritual_text
from closeness_tui.screens.drafting import DraftingScreen
from closeness_tui.screens.ritual_widgets import DayChip
from closeness_tui.screens.text_boxes import LineBox
from closeness_tui.text import LINE_MAX, clean, safe, safe_template

NAME_MAX = 80
KINDS = ("weekly", "month_day", "month_nth")
NTHS = (1, 2, 3, 4, -1)


def kind_of(ritual: Ritual) -> str:
    if ritual.freq == core.MONTHLY:
        return "month_nth" if ritual.month_nth else "month_day"
    return "weekly"


class RitualEditScreen(DraftingScreen):
    CSS_PATH = "ritual_edit.tcss"
    HELP_TOPIC = "ritual_edit"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="ritual-save", tooltip="Keep this ritual"),
    ]

    def __init__(self, *, ritual_id: str | None = None, template_id: str = "") -> None:
        super().__init__()
        self.ritual_id = ritual_id
        self.template_id = template_id
        self.ritual = self._initial()
        self._saved_form: dict[str, object] | None = None

    # -- the ritual being edited ----------------------------------------------------------

    def _initial(self) -> Ritual:
        if self.ritual_id and self.capp.store is not None:
            found = self.capp.store.get(Ritual, self.ritual_id)
            if found is not None:
                return found
        template = ritual_text().template(self.template_id) if self.template_id else None
        return core.from_template(template, self.capp.clock.today())

    @property
    def is_new(self) -> bool:
        return self.ritual_id is None

    # -- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        e = ritual_text().editor
        words = ritual_text().words
        r = self.ritual
        names = self.capp.settings.names
        yield Header()
        # On a short terminal the fields sit closer together, so Save stays in view (set
        # here, not on mount: a class added once drawn restyles every field again).
        dense = "dense" if self.app.size.height < 34 else ""
        with VerticalScroll(id="ritual-editor", classes=dense):
            title = e.title_new if self.is_new else e.title_edit
            yield Static(Content(title), classes="title")
            with Horizontal(classes="field"):
                yield Label(Content(e.name))
                yield LineBox(r.name, id="r-name", compact=True, max_length=NAME_MAX)
            with Horizontal(classes="field"):
                yield Label(Content(e.note))
                yield LineBox(r.note, id="r-note", compact=True, placeholder=e.note_placeholder)
            with Horizontal(classes="field"):
                yield Label(Content(e.cadence))
                yield Select(
                    [
                        (Content(e.kind_weekly), "weekly"),
                        (Content(e.kind_month_day), "month_day"),
                        (Content(e.kind_month_nth), "month_nth"),
                    ],
                    value=kind_of(r),
                    allow_blank=False,
                    id="r-kind",
                    compact=True,
                )
            with Horizontal(classes="field weekly", id="r-days-row"):
                yield Label(Content(e.days))
                with Horizontal(id="r-days"):
                    first = self.capp.settings.week_starts_on
                    for i in ((first + k) % 7 for k in range(7)):  # the week's own first day
                        yield DayChip(
                            Content(words.day_letters[i]),
                            i in r.weekdays,
                            id=f"r-day-{i}",
                            compact=True,
                        )
            with Horizontal(classes="field", id="r-interval-row"):
                yield Label(Content(e.interval), id="r-interval-label")
                yield LineBox(str(r.interval), id="r-interval", compact=True, type="integer")
            with Horizontal(classes="field month_day", id="r-month-day-row"):
                yield Label(Content(e.month_day))
                yield LineBox(
                    str(r.month_day or r.start.day), id="r-month-day", compact=True, type="integer"
                )
            with Horizontal(classes="field month_nth", id="r-nth-row"):
                yield Label(Content(e.which))
                yield Select(
                    [(Content(words.nth[str(n)]), n) for n in NTHS],
                    value=r.month_nth or 1,
                    allow_blank=False,
                    id="r-nth",
                    compact=True,
                )
                yield Select(
                    [(Content(name), i) for i, name in enumerate(words.day_names)],
                    value=(r.weekdays or [5])[0],
                    allow_blank=False,
                    id="r-nth-day",
                    compact=True,
                )
            with Horizontal(classes="field"):
                yield Label(Content(e.time))
                yield LineBox(r.time_of_day or "", id="r-time", compact=True, placeholder="HH:MM")
            with Horizontal(classes="field"):
                yield Label(Content(e.duration))
                yield LineBox(
                    str(r.duration_minutes), id="r-duration", compact=True, type="integer"
                )
            with Horizontal(classes="field"):
                yield Label(Content(e.lead))
                yield Select(
                    [
                        (Content(words.lead_both), "both"),
                        (Content(words.lead_either), "either"),
                        (safe(names[0]), "a"),
                        (safe(names[1]), "b"),
                    ],
                    value=r.lead if r.lead in core.LEADS else "both",
                    allow_blank=False,
                    id="r-lead",
                    compact=True,
                )
            with Horizontal(classes="field"):
                yield Label(Content(e.start))
                yield LineBox(r.start.isoformat(), id="r-start", compact=True)
            yield Static("", id="r-edit-error", classes="error")
            with Horizontal(id="r-edit-buttons"):
                yield Button(Content(e.save), id="r-save", variant="primary", compact=True)
                if not self.is_new and r.ended_on is None:
                    pause = e.resume if not r.active else e.pause
                    yield Button(Content(pause), id="r-pause", compact=True)
                    yield Button(Content(e.delete), id="r-delete", variant="warning", compact=True)
        yield Footer()

    ASKS_BEFORE_LEAVING = True

    def draft_key(self) -> str:
        return f"ritual:{self.ritual_id or 'new:' + self.template_id}"

    def on_mount(self) -> None:
        self._show_kind(kind_of(self.ritual))
        self.query_one("#r-name", Input).focus()
        self._saved_form = self._form()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "r-kind" and isinstance(event.value, str):
            self._show_kind(event.value)

    def _show_kind(self, kind: str) -> None:
        e = ritual_text().editor
        self.query_one("#r-days-row").display = kind == "weekly"
        self.query_one("#r-month-day-row").display = kind == "month_day"
        self.query_one("#r-nth-row").display = kind == "month_nth"
        label = e.interval if kind == "weekly" else e.interval_months
        self.query_one("#r-interval-label", Label).update(Content(label))

    # -- reading the form ---------------------------------------------------------------------

    def _form(self) -> dict[str, object]:
        def val(id_: str) -> str:
            return self.query_one(f"#{id_}", Input).value

        return {
            "name": val("r-name"),
            "note": val("r-note"),
            "kind": self.query_one("#r-kind", Select).value,
            "days": [i for i in range(7) if self.query_one(f"#r-day-{i}", Checkbox).value],
            "interval": val("r-interval"),
            "month_day": val("r-month-day"),
            "nth": self.query_one("#r-nth", Select).value,
            "nth_day": self.query_one("#r-nth-day", Select).value,
            "time": val("r-time"),
            "duration": val("r-duration"),
            "lead": self.query_one("#r-lead", Select).value,
            "start": val("r-start"),
        }

    def has_unsaved(self) -> bool:
        return self._saved_form is not None and self._form() != self._saved_form

    def _problem(self, message: str, field: str) -> None:
        """Say what is wrong, naming the field (its label), and put the cursor there."""
        widget = self.query_one(f"#{field}")
        row = next(a for a in widget.ancestors_with_self if a.has_class("field"))
        label = row.query_one(Label).visual
        name = label.plain.strip() if hasattr(label, "plain") else ""
        said = Content.assemble((name, "bold"), ": ", message) if name else Content(message)
        self.query_one("#r-edit-error", Static).update(said)
        widget.focus()

    def _number(self, text: str, lo: int, hi: int) -> int | None:
        try:
            value = int(text.strip())
        except ValueError:
            return None
        return value if lo <= value <= hi else None

    def _apply(self) -> bool:
        """Copy the form into self.ritual; on a problem say which, kindly, and return False."""
        e = ritual_text().editor
        f = self._form()
        name = clean(str(f["name"]), NAME_MAX, single_line=True).text.strip()
        if not name:
            self._problem(e.name_empty, "r-name")
            return False
        note_clean = clean(str(f["note"]), LINE_MAX, single_line=True)
        if note_clean.message(LINE_MAX):
            self.notify(note_clean.message(LINE_MAX) or "", timeout=6)
        kind = str(f["kind"])
        interval = self._number(str(f["interval"]), 1, 12)
        if interval is None:
            self._problem(e.interval_bad, "r-interval")
            return False
        days = list(f["days"])  # type: ignore[call-overload]
        month_day = None
        if kind == "weekly" and not days:
            self._problem(e.days_empty, "r-day-0")
            return False
        if kind == "month_day":
            month_day = self._number(str(f["month_day"]), 1, 31)
            if month_day is None:
                self._problem(e.month_day_bad, "r-month-day")
                return False
        try:
            when = core.parse_time(str(f["time"]))
        except ValueError:
            self._problem(e.time_bad, "r-time")
            return False
        duration = self._number(str(f["duration"]), 1, 600)
        if duration is None:
            self._problem(e.duration_bad, "r-duration")
            return False
        try:
            start = date.fromisoformat(str(f["start"]).strip())
        except ValueError:
            self._problem(e.start_bad, "r-start")
            return False
        r = self.ritual
        r.name = name
        r.note = note_clean.text.strip()
        r.interval = interval
        r.time_of_day = core.format_time(when) if when is not None else None
        r.duration_minutes = duration
        lead = str(f["lead"])  # one of the Select's options (it has no blank)
        r.lead = lead if lead in core.LEADS else "both"
        r.start = start
        if kind == "weekly":
            r.freq, r.weekdays, r.month_day, r.month_nth = core.WEEKLY, days, None, None
        elif kind == "month_day":
            r.freq, r.weekdays, r.month_day, r.month_nth = core.MONTHLY, [], month_day, None
        else:
            r.freq, r.month_day = core.MONTHLY, None
            r.month_nth = int(f["nth"])  # type: ignore[call-overload]
            r.weekdays = [int(f["nth_day"])]  # type: ignore[call-overload]
        now = self.capp.clock.now()
        if r.created_at is None:
            r.created_at = now
        r.updated_at = now
        self.query_one("#r-edit-error", Static).update("")
        return True

    # -- actions ----------------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "r-save":
            self.action_save()
        elif event.button.id == "r-pause":
            self.action_pause()
        elif event.button.id == "r-delete":
            self.action_remove()

    def action_save(self) -> None:
        if not self._apply():
            return
        if self.capp.save(self.ritual):
            self.drop_draft(stop=True)
            self.notify(ritual_text().editor.saved, timeout=3)
            self._saved_form = self._form()
            self.dismiss()

    def action_pause(self) -> None:
        e = ritual_text().editor
        today = self.capp.clock.today()
        if self.ritual.active:
            core.pause(self.ritual, today)
            message = e.paused
        else:
            core.resume(self.ritual, today)
            message = e.resumed
        self.ritual.updated_at = self.capp.clock.now()
        if self.capp.save(self.ritual):
            self.notify(message, timeout=4)
            label = e.pause if self.ritual.active else e.resume
            self.query_one("#r-pause", Button).label = Content(label)

    def action_remove(self) -> None:
        from closeness_tui.screens.dialogs import ConfirmDialog

        e = ritual_text().editor
        name = self.ritual.name

        def history(erase: bool | None) -> None:
            self._remove(erase=bool(erase))

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.app.push_screen(
                    ConfirmDialog(
                        safe_template(fill(e.delete_history_question, name="$name"), name=name),
                        yes=e.delete_all,
                        no=e.delete_keep,
                    ),
                    history,
                )

        self.app.push_screen(
            ConfirmDialog(
                safe_template(fill(e.delete_question, name="$name"), name=name),
                yes=e.delete,
                no=e.delete_cancel,
            ),
            confirmed,
        )

    def _remove(self, *, erase: bool) -> None:
        store = self.capp.store
        if store is None:
            return
        if erase:
            marks = [m.id for m in store.all(RitualMark) if m.ritual_id == self.ritual.id]
            if not self.capp.delete(RitualMark, *marks) or not self.capp.delete(
                Ritual, self.ritual.id
            ):
                return
        else:
            core.end(self.ritual, self.capp.clock.today())
            self.ritual.updated_at = self.capp.clock.now()
            if not self.capp.save(self.ritual):
                return
        self.notify(ritual_text().editor.removed, timeout=4)
        self._saved_form = None
        self.dismiss()
