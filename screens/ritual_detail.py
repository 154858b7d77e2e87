"""One ritual: why and how, when, and how the two of you have kept it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Static

from closeness_tui import rituals as core
from closeness_tui.models import Ritual
from closeness_tui.ritualtext import (
    fill,
    lead_words,
    minutes_words,
    ritual_text,
    share_words,
    when_words,
)
from closeness_tui.screens.base import ClosenessScreen
from closeness_tui.screens.ritual_widgets import (
    WeeklySparkline,
    all_marks,
    day_label,
    streak_words,
)
from closeness_tui.text import safe

RECENT_NOTES = 5


class RitualDetailScreen(ClosenessScreen):
    CSS_PATH = "ritual_detail.tcss"
    HELP_TOPIC = "ritual_detail"
    BINDINGS = [
        Binding("e", "edit", "Edit", id="detail-edit", tooltip="Change, pause or remove it"),
        Binding(
            "p",
            "pause",
            "Pause/resume",
            id="detail-pause",
            tooltip="Pause it for a while, or pick it up again",
        ),
        Binding(
            "r",
            "restore",
            "Put back",
            id="detail-restore",
            tooltip="Put an ended ritual back in the plan",
        ),
    ]

    def __init__(self, ritual_id: str) -> None:
        super().__init__()
        self.ritual_id = ritual_id

    def _ritual(self) -> Ritual | None:
        return self.capp.store.get(Ritual, self.ritual_id) if self.capp.store else None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="ritual-detail"):
            yield Static("", id="detail-name", classes="title")
            yield Static("", id="detail-why", classes="gentle")
            yield Static("", id="detail-facts")
            yield Static("", id="detail-how")
            yield Static("", id="detail-kept")
            with Horizontal(id="detail-trend-row"):
                yield Static(
                    Content(ritual_text().detail.trend), classes="muted", id="detail-trend-label"
                )
                yield WeeklySparkline(id="detail-trend")
            yield Static("", id="detail-notes")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_detail()

    def on_screen_resume(self) -> None:
        if self._ritual() is None:
            self.dismiss()
            return
        self.refresh_detail()

    def refresh_detail(self) -> None:
        ritual = self._ritual()
        if ritual is None:
            return
        text = ritual_text()
        d, words = text.detail, text.words
        today = self.capp.clock.today()
        first = self.capp.settings.week_starts_on
        template = text.template(ritual.template) if ritual.template else None
        self.query_one("#detail-name", Static).update(safe(ritual.name))
        why = self.query_one("#detail-why", Static)
        why.update(Content(template.why) if template else safe(ritual.note))
        why.display = bool(template or ritual.note)

        nxt = core.next_occurrence(ritual, today)
        if ritual.ended_on is not None:
            status = d.status_ended
        elif not ritual.active:
            status = d.status_paused
        else:
            status = day_label(nxt) if nxt else d.none_next
        facts = [
            (d.cadence, Content(when_words(ritual, words))),
            (d.length, Content(minutes_words(ritual.duration_minutes, words))),
            (d.lead, safe(lead_words(ritual.lead, self.capp.settings.names, words))),
            (d.since, Content(day_label(ritual.start) + f" {ritual.start.year}")),
            (d.next, Content(status)),
        ]
        if template and ritual.note:
            facts.append(("", safe(ritual.note)))
        lines = [Content.assemble((f"{label:<12}", "$text-muted"), value) for label, value in facts]
        self.query_one("#detail-facts", Static).update(Content("\n").join(lines))

        how = self.query_one("#detail-how", Static)
        if template:
            steps = [Content.assemble((d.how, "bold"))] + [
                Content(f"  • {step}") for step in template.how
            ]
            how.update(Content("\n").join(steps))
        how.display = template is not None

        marks = [m for m in all_marks(self.capp) if m.ritual_id == ritual.id]
        index = core.index_marks(marks)  # read once for every figure below
        four = core.follow_through([ritual], index, today, 4, first)
        twelve = core.follow_through([ritual], index, today, 12, first)
        kept = fill(
            text.planner.kept,
            four=share_words(four.share, text.planner.not_yet),
            twelve=share_words(twelve.share, text.planner.not_yet),
        )
        streak = streak_words(core.streak([ritual], index, today, first))
        self.query_one("#detail-kept", Static).update(
            Content.assemble(
                (f"{d.follow:<12}", "bold"), kept, "\n", (f"{d.streak:<12}", "bold"), streak
            )
        )
        series = core.sparkline_series([ritual], index, today, 12, first)
        self.query_one("#detail-trend", WeeklySparkline).show_weeks(series)
        self.query_one("#detail-trend-row").display = bool(series)

        noted = sorted((m for m in marks if m.note), key=lambda m: m.occurrence, reverse=True)
        notes = [Content.assemble((d.recent, "bold"))]
        if not noted:
            notes.append(Content.assemble(("  " + d.no_notes, "$text-muted")))
        for m in noted[:RECENT_NOTES]:
            notes.append(Content.assemble(f"  {day_label(m.occurrence)}  ", safe(m.note)))
        self.query_one("#detail-notes", Static).update(Content("\n").join(notes))

    def action_edit(self) -> None:
        from closeness_tui.screens.ritual_edit import RitualEditScreen

        self.app.push_screen(RitualEditScreen(ritual_id=self.ritual_id))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "restore":
            ritual = self._ritual()
            return ritual is not None and ritual.ended_on is not None  # hidden otherwise
        if action == "pause":
            ritual = self._ritual()
            return ritual is not None and ritual.ended_on is None
        return super().check_action(action, parameters)

    def action_restore(self) -> None:
        ritual = self._ritual()
        if ritual is None or ritual.ended_on is None:
            return
        core.restore(ritual, self.capp.clock.today())
        ritual.updated_at = self.capp.clock.now()
        if self.capp.save(ritual):
            self.notify(ritual_text().detail.restored, timeout=4)
            self.refresh_detail()
            self.refresh_bindings()

    def action_pause(self) -> None:
        ritual = self._ritual()
        if ritual is None or ritual.ended_on is not None:
            return
        e = ritual_text().editor
        today = self.capp.clock.today()
        if ritual.active:
            core.pause(ritual, today)
            message = e.paused
        else:
            core.resume(ritual, today)
            message = e.resumed
        ritual.updated_at = self.capp.clock.now()
        if self.capp.save(ritual):
            self.notify(message, timeout=4)
            self.refresh_detail()
