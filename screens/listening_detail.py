"""One listening session, read whole: every summary, rating, clarification, validation,
empathy guess, closing line and break. Every word they wrote is shown with text.safe."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Static

from closeness_tui.clock import format_clock
from closeness_tui.listening import READINESS_KEYS
from closeness_tui.listeningtext import listening_text
from closeness_tui.models import ListeningSession, Turn
from closeness_tui.screens.base import ClosenessScreen
from closeness_tui.screens.listening_history import status_word
from closeness_tui.text import safe, safe_template


def readiness_words(answers: dict[str, bool]) -> str:
    w = listening_text().detail
    halt = listening_text().readiness
    good = w.good_time_yes if answers.get("good_time", True) else w.good_time_no
    ticked = [getattr(halt, k).rstrip("?") for k in READINESS_KEYS[1:] if answers.get(k)]
    items = w.halt_some.replace("$items", ", ".join(ticked)) if ticked else w.halt_none
    return f"{good} {items}"


def _duration(seconds: float) -> str:
    return format_clock(max(seconds, 0.0))


class ListeningDetailScreen(ClosenessScreen):
    CSS_PATH = "listening.tcss"
    HELP_TOPIC = "listening_detail"
    BINDINGS = [
        Binding("d", "delete", "Delete", id="detail-delete", tooltip="Delete this session"),
    ]

    def __init__(self, session_id: str) -> None:
        super().__init__()
        self.session_id = session_id

    def _session(self) -> ListeningSession | None:
        store = self.capp.store
        return store.get(ListeningSession, self.session_id) if store else None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="detail"):
            session = self._session()
            if session is not None:
                yield from self._blocks(session)
        yield Footer()

    def _blocks(self, s: ListeningSession):
        w = listening_text().detail
        names = s.names if len(s.names) == 2 else ["", ""]
        yield Static(Content(w.title), classes="title")
        yield Static(
            safe_template(
                w.when,
                when=s.started_at.strftime("%a %d %b %Y, %H:%M"),
                a=names[0],
                b=names[1],
                status=status_word(s),
            ),
            classes="muted",
        )
        if s.topic:
            yield self._section(w.topic, safe(s.topic))
        if s.readiness_skipped or s.readiness is None:
            yield Static(Content(w.readiness_skipped), classes="muted")
        else:
            yield self._section(w.readiness, Content(readiness_words(s.readiness)))
        if s.speaker_note:
            yield self._section(w.note, safe(s.speaker_note))
        for turn in s.turns:
            yield from self._turn(turn, names)
        if any(s.closing):
            lines = [
                safe_template("[b]$name[/b]: $line", name=names[i], line=s.closing[i])
                for i in (0, 1)
                if s.closing[i]
            ]
            yield self._section(w.closing, Content("\n").join(lines), id="closing")
        if s.state.get("finished_early"):
            yield Static(Content(w.finished_early), classes="muted detail-line")
        if s.breaks:
            lines = []
            for brk in s.breaks:
                ended = ""
                if brk.ended_at is not None:
                    ended = w.break_ended.replace("$at", brk.ended_at.strftime("%H:%M"))
                lines.append(
                    safe_template(
                        w.break_line,
                        start=brk.started_at.strftime("%a %H:%M"),
                        planned=brk.return_at.strftime("%H:%M"),
                        ended=ended,
                    )
                )
            yield self._section(w.breaks, Content("\n").join(lines), id="breaks")

    def _section(self, title: str, body: Content, id: str | None = None) -> Static:
        return Static(
            Content.assemble((title, "bold"), "\n", body), classes="detail-section", id=id
        )

    def _turn(self, turn: Turn, names: list[str]):
        w = listening_text().detail
        speaker, listener = names[turn.speaker], names[1 - turn.speaker]
        extra = f" (+{_duration(turn.added_seconds)} added)" if turn.added_seconds else ""
        yield Static(
            safe_template(
                "[b]" + w.turn_heading + "[/b]\n" + w.times,
                round=str(turn.round),
                speaker=speaker,
                listener=listener,
                planned=_duration(turn.planned_seconds),
                actual=_duration(turn.actual_seconds + turn.more_seconds),
                extra=extra,
                pauses=str(turn.pauses),
            ),
            classes="turn-heading",
        )
        headings = {"again": w.summary_again_heading, "more": w.summary_more_heading}
        for summary in turn.summaries:
            rating = w.ratings.get(summary.rating, summary.rating)
            parts = [
                safe_template(
                    "[b]" + headings.get(summary.kind, w.summary_heading) + "[/b]",
                    listener=listener,
                    speaker=speaker,
                ),
                safe(summary.text),
                Content(w.unsent).stylize("italic")
                if summary.unsent
                else safe_template("[i]" + w.rating + "[/i]", speaker=speaker, rating=rating),
            ]
            if summary.clarification_seconds:
                parts.append(
                    safe_template(
                        w.clarified,
                        speaker=speaker,
                        seconds=_duration(summary.clarification_seconds),
                    )
                )
            yield Static(Content("\n").join(parts), classes="detail-section summary")
        if turn.more_answer in ("yes", "no"):
            yield Static(
                Content(w.more_yes if turn.more_answer == "yes" else w.more_no),
                classes="muted detail-line",
            )
        if turn.validation:
            yield self._section(w.validation, safe(turn.validation))
        if turn.empathy:
            yield self._section(w.empathy, safe(turn.empathy))

    def action_delete(self) -> None:
        from closeness_tui.screens.dialogs import ConfirmDialog

        w = listening_text().detail

        def done(yes: bool | None) -> None:
            if not yes or not self.capp.delete(ListeningSession, self.session_id):
                return
            self.notify(w.deleted, timeout=4)
            self.dismiss()

        self.app.push_screen(
            ConfirmDialog(w.delete_question, yes=w.delete_yes, no=w.delete_no), done
        )
