"""Pieces the ritual screens share: marking an occurrence (with the note dialog), the
follow-through summary lines, and a date label. Thin: the rules live in closeness_tui.rituals."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Sparkline, Static

from closeness_tui import rituals as core
from closeness_tui.models import MarkStatus, Ritual, RitualMark
from closeness_tui.ritualtext import fill, minutes_words, ritual_text, share_words
from closeness_tui.screens.text_boxes import LineBox
from closeness_tui.text import LINE_MAX, clean, safe_template

if TYPE_CHECKING:
    from closeness_tui.app import ClosenessApp


def day_label(day: date) -> str:
    """'Sat 21 Nov' from the content's short day names."""
    words = ritual_text().words
    return f"{words.day_short[day.weekday()]} {day.day} {day.strftime('%b')}"


def all_marks(app: ClosenessApp) -> list[RitualMark]:
    return app.store.all(RitualMark) if app.store is not None else []


def all_rituals(app: ClosenessApp) -> list[Ritual]:
    return app.store.all(Ritual) if app.store is not None else []


def apply_change(app: ClosenessApp, change: core.MarkChange) -> bool:
    """Save or delete what marking an occurrence changes (see rituals.mark_occurrence), and
    say so; or say kindly why nothing changed."""
    texts = ritual_text().planner
    if change.refused is not None:
        why = {
            core.Refusal.FUTURE: texts.future,
            core.Refusal.NOT_PLANNED: texts.no_occurrence,
            core.Refusal.NOTHING_TO_UNDO: texts.nothing_to_undo,
        }[change.refused]
        app.notify(why, timeout=4 if change.refused != core.Refusal.NOTHING_TO_UNDO else 3)
        return False
    if change.save is not None:
        if not app.save(change.save):
            return False
        done = change.save.status == core.DONE
        app.notify(texts.marked_done if done else texts.marked_skipped, timeout=3)
    if change.delete:
        if not app.delete(RitualMark, *change.delete):
            return False
        app.notify(texts.undone, timeout=3)
    return True


def apply_mark(
    app: ClosenessApp, ritual: Ritual, day: date, status: MarkStatus, note: str | None = None
) -> bool:
    """Mark `ritual` on `day` done or skipped (updating an existing mark); saves at once."""
    clock = app.clock
    change = core.mark_occurrence(
        ritual, day, status, all_marks(app), clock.today(), clock.now(), note
    )
    return apply_change(app, change)


def undo_mark(
    app: ClosenessApp, ritual: Ritual, day: date, then: Callable[[], None] | None = None
) -> bool:
    """Undo = delete the marks for that day (asking first if a note would go with them)."""
    return _take_back(app, core.unmark_occurrence(ritual, day, all_marks(app)), then)


def toggle_done(
    app: ClosenessApp, ritual: Ritual, day: date, then: Callable[[], None] | None = None
) -> bool:
    """Space: done if not done yet, otherwise take the mark back (asking first if a note
    would go with it)."""
    clock = app.clock
    change = core.toggle_done(ritual, day, all_marks(app), clock.today(), clock.now())
    return _take_back(app, change, then)


def _take_back(app: ClosenessApp, change: core.MarkChange, then: Callable[[], None] | None) -> bool:
    """Apply `change`; when it deletes a mark with a note, ask first. Then the answer comes
    later: `then()` runs once it is taken back, and this returns False (nothing changed yet)."""
    noted = [m.note for m in all_marks(app) if m.id in change.delete and m.note.strip()]
    if not noted:
        return apply_change(app, change)
    from closeness_tui.screens.dialogs import ConfirmDialog

    texts = ritual_text().planner

    def answered(yes: bool | None) -> None:
        if yes and apply_change(app, change) and then is not None:
            then()

    question = safe_template(texts.undo_note_question, note=noted[0])
    app.push_screen(
        ConfirmDialog(question, yes=texts.undo_note_yes, no=texts.undo_note_no), answered
    )
    return False


def summary_lines(
    app: ClosenessApp, rituals: list[Ritual], marks: core.Marks, week: date
) -> tuple[Content, Content]:
    """Planned minutes against the guide, and follow-through with the couple's streak."""
    texts = ritual_text()
    words = texts.words
    settings = app.settings
    first = settings.week_starts_on
    today = app.clock.today()
    planned = core.planned_minutes(rituals, week, first)
    shown_now = core.week_start(week, first) == core.week_start(today, first)
    template = texts.planner.planned if shown_now else texts.planner.planned_other
    line = fill(template, time=minutes_words(planned, words))
    if settings.weekly_target_minutes:
        guide = fill(
            texts.planner.guide_own, time=minutes_words(settings.weekly_target_minutes, words)
        )
    else:
        guide = texts.planner.guide_reference
    minutes = Content.assemble((line, "bold"), " ", (guide, "italic $text-muted"))
    four = core.follow_through(rituals, marks, today, 4, first)
    twelve = core.follow_through(rituals, marks, today, 12, first)
    kept = fill(
        texts.planner.kept,
        four=share_words(four.share, texts.planner.not_yet),
        twelve=share_words(twelve.share, texts.planner.not_yet),
    )
    streak = streak_words(core.streak(rituals, marks, today, first))
    return minutes, Content.assemble((texts.planner.kept_label, "bold"), " ", kept, ". ", streak)


def streak_words(n: int) -> str:
    p = ritual_text().planner
    if n <= 0:
        return p.streak_none
    if n == 1:
        return p.streak_one
    return fill(p.streak, n=n)


class NoteDialog(ModalScreen[tuple[MarkStatus, str] | None]):
    """Mark an occurrence done or skipped with an optional note: returns (status, note)."""

    CSS_PATH = "ritual_widgets.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="note-cancel", tooltip="Leave it unmarked"),
    ]

    def __init__(self, ritual: Ritual, day: date, note: str = "") -> None:
        super().__init__()
        self.ritual = ritual
        self.day = day
        self.note = note

    def compose(self) -> ComposeResult:
        p = ritual_text().planner
        with Vertical(id="note-dialog"):
            yield Static(
                safe_template(
                    fill(p.note_title, name="[b]$name[/b]", day=day_label(self.day)),
                    name=self.ritual.name,
                ),
                id="note-title",
            )
            yield LineBox(self.note, placeholder=p.note_placeholder, id="note-input")
            yield Static("", id="note-error", classes="error")
            with Horizontal(id="note-buttons"):
                yield Button(Content(p.note_save), id="note-done", variant="primary")
                yield Button(Content(p.note_skip), id="note-skip")
                yield Button(Content(p.note_cancel), id="note-cancel")

    def on_mount(self) -> None:
        self.query_one("#note-input", Input).focus()

    def _note(self) -> str:
        raw = self.query_one("#note-input", Input).value
        cleaned = clean(raw, LINE_MAX)
        message = cleaned.message(LINE_MAX)
        if message:
            self.app.notify(message, timeout=6)
        return cleaned.text.strip()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss((core.DONE, self._note()))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "note-done":
            self.dismiss((core.DONE, self._note()))
        elif event.button.id == "note-skip":
            self.dismiss((core.SKIPPED, self._note()))
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


def default_ics_path() -> str:
    from pathlib import Path

    return str(Path.home() / "closeness-rituals.ics")


class ExportDialog(ModalScreen[str | None]):
    """Ask where to write the calendar file; returns the path typed, or None."""

    CSS_PATH = "ritual_widgets.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="export-cancel", tooltip="Write nothing"),
    ]

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        p = ritual_text().planner
        with Vertical(id="export-dialog"):
            yield Static(Content(p.export_title), classes="title")
            yield Static(Content(p.export_intro), id="export-intro", classes="muted")
            yield LineBox(self.path, id="export-path")
            with Horizontal(id="export-buttons"):
                yield Button(Content(p.export_write), id="export-write", variant="primary")
                yield Button(Content(p.note_cancel), id="export-no")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    def _path(self) -> str | None:
        value = clean(self.query_one("#export-path", Input).value, 4096, single_line=True)
        return value.text.strip() or None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(self._path())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(self._path() if event.button.id == "export-write" else None)

    def action_cancel(self) -> None:
        self.dismiss(None)


def export_ics(app: ClosenessApp, path: str, *, force: bool = False) -> bool:
    """Write the active rituals to `path` as .ics (0600); say how it went. Never writes
    over the data folder's own files; asks before replacing an existing file."""
    from pathlib import Path

    from closeness_tui.exports import ExportRefused, check_target, write_file
    from closeness_tui.rituals_ics import exportable, to_ics
    from closeness_tui.screens.dialogs import ConfirmDialog

    texts = ritual_text().planner
    rituals = all_rituals(app)
    if not exportable(rituals):
        app.notify(texts.export_empty, timeout=6)
        return False
    try:
        check_target(Path(path), app.data_dir, shown=path, force=force)
        data = to_ics(rituals, ritual_text(), app.settings.names, app.clock.now())
        write_file(Path(path), data, shown=path, force=force)
    except ExportRefused as exc:
        if exc.kind == "exists":

            def answered(replace: bool | None) -> None:
                if replace:
                    export_ics(app, path, force=True)

            question = safe_template(texts.export_exists, path=path)
            app.push_screen(
                ConfirmDialog(question, yes=texts.export_replace, no=texts.export_keep),
                answered,
            )
        elif exc.kind == "ours":
            said = fill(texts.export_ours, path=path)
            app.notify(said, severity="error", timeout=10, markup=False)
        else:
            said = fill(texts.export_failed, error=exc.message)
            app.notify(said, severity="error", timeout=10, markup=False)
        return False
    app.notify(fill(texts.export_done, path=path), timeout=6, markup=False)
    return True


class WeeklySparkline(Sparkline):
    """Weekly follow-through, two cells per week, on a fixed 0..100% scale.

    Textual's Sparkline scales between the smallest and largest value it is given, so a 60%
    week would look empty next to a 70% one. Each week is fed as [share, 0, share, 1] and
    summarised by its first value: the 0 and 1 pin the scale, and every bar shows the share."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__([], summary_function=lambda bucket: bucket[0], **kwargs)  # type: ignore[arg-type]

    def show_weeks(self, series: list[float]) -> None:
        self.weeks = list(series)
        self.data = [v for s in series for v in (s, 0.0, s, 1.0)] or [0.0]
        self.styles.width = max(2, 2 * len(series))


def parse_hours(text: str) -> int | None:
    """'6', '4.5', '4,5' or '3:30' hours -> minutes; '' -> None; ValueError otherwise."""
    text = text.strip().replace(",", ".")
    if not text:
        return None
    if ":" in text:
        h, _, m = text.partition(":")
        minutes = int(h) * 60 + int(m)
    else:
        minutes = round(float(text) * 60)
    if not 1 <= minutes <= 7 * 24 * 60:
        raise ValueError(text)
    return minutes


class GuideDialog(ModalScreen[tuple[bool, int | None]]):
    """Set (or clear) the couple's own weekly guide. Returns (changed, minutes or None)."""

    CSS_PATH = "ritual_widgets.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="guide-cancel", tooltip="Leave it as it is"),
    ]

    def __init__(self, minutes: int | None) -> None:
        super().__init__()
        self.minutes = minutes

    def compose(self) -> ComposeResult:
        p = ritual_text().planner
        value = "" if self.minutes is None else f"{self.minutes / 60:g}"
        with Vertical(id="guide-dialog"):
            yield Static(Content(p.guide_title), classes="title")
            yield Static(Content(p.guide_intro), classes="muted", id="guide-intro")
            yield LineBox(value, placeholder=p.guide_placeholder, id="guide-hours")
            yield Static("", id="guide-error", classes="error")
            with Horizontal(id="guide-buttons"):
                yield Button(Content(p.guide_save), id="guide-save", variant="primary")
                yield Button(Content(p.note_cancel), id="guide-no")

    def on_mount(self) -> None:
        self.query_one("#guide-hours", Input).focus()

    def _answer(self) -> None:
        raw = clean(self.query_one("#guide-hours", Input).value, 40, single_line=True).text
        try:
            minutes = parse_hours(raw)
        except ValueError:
            self.query_one("#guide-error", Static).update(Content(ritual_text().planner.guide_bad))
            return
        self.dismiss((True, minutes))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._answer()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "guide-save":
            self._answer()
        else:
            self.dismiss((False, None))

    def action_cancel(self) -> None:
        self.dismiss((False, None))


class DayChip(Checkbox):
    """A day in the ritual form: a tick inside when chosen and nothing when not, so a chosen
    day reads as chosen in both themes and without colour (stock Checkbox always shows X)."""

    BUTTON_INNER = " "
    CHOSEN = "✓"

    def __init__(self, label: Content, value: bool = False, **kwargs: object) -> None:
        super().__init__(label, value, **kwargs)  # type: ignore[arg-type]
        self.BUTTON_INNER = self.CHOSEN if value else " "

    def watch_value(self) -> None:
        self.BUTTON_INNER = self.CHOSEN if self.value else " "
        super().watch_value()
