"""A step of an after-a-fight conversation where one partner writes: feelings, their own
reality, a summary of the other's, what was missed, what makes sense, triggers, their own
part, a regret, one thing to do differently, an apology.

What is typed is saved as a draft as they type (debounced), and restored after a restart.
On "their own part" the I-statement coach gently flags blame: a second ctrl+s keeps the
words as they are (coach, never forbid)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Checkbox, Footer, Header, Static

from closeness_tui.listening import other
from closeness_tui.repair import OPTIONAL, Repair
from closeness_tui.repairtext import repair_text
from closeness_tui.screens.repair_common import RepairStepScreen
from closeness_tui.screens.text_boxes import TextBox
from closeness_tui.text import TEXT_MAX, clean, safe, safe_template

DRAFT_DELAY = 0.4  # seconds of quiet typing before the draft is saved
VOCABULARY_PER_FAMILY = 4


def vocabulary() -> str:
    """A few unpleasant feeling words from each family of content/feelings.toml."""
    from closeness_tui.istatement_content import feelings

    words: list[str] = []
    for family in feelings().families:
        if family.tone == "unpleasant":
            words += [w.word for w in family.words if w.intensity <= 2][:VOCABULARY_PER_FAMILY]
    return ", ".join(words)


def coach_notes(text: str) -> list[str]:
    """What the I-statement coach would gently point out in these words (may be empty)."""
    from closeness_tui.istatement import review

    notes: list[str] = []
    for finding in review(text):
        line = f"{finding.title}: {finding.message}"
        if line not in notes:
            notes.append(line)
    return notes


class RepairWriteScreen(RepairStepScreen):
    HELP_TOPIC = "repair_write"
    COACHED = "owns"  # the step where the I-statement coach flags blame
    BINDINGS = [
        Binding("ctrl+s", "submit", "Done", id="repair-submit", tooltip="These words are ready"),
        Binding(
            "ctrl+o",
            "skip",
            "Skip",
            id="repair-skip",
            tooltip="Go on without this optional step (a regret, an apology)",
        ),
    ]

    def __init__(self, flow) -> None:
        super().__init__(flow)
        self._draft_timer: Timer | None = None
        self._coached = ""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "skip":
            return self.step in OPTIONAL
        return super().check_action(action, parameters)

    def compose(self) -> ComposeResult:
        words = self.words
        yield Header()
        with Vertical(id="repair", classes=f"write {self.step}"):
            yield Static(self.banner(), id="repair-banner")
            yield Static(self.fill(words.title), id="repair-title")
            yield Static(self.fill(words.hint), id="repair-hint", classes="muted")
            yield from self._compose_context()
            yield TextBox(self.m.record.draft or words.starter, id="repair-text", soft_wrap=True)
            yield Static("", id="repair-error", classes="error")
            yield Static("", id="repair-coach", classes="gentle")
        yield Footer()

    def _compose_context(self) -> ComposeResult:
        m: Repair = self.m
        words = self.words
        side = m.side
        if self.step == "feelings":
            yield Static(
                Content.assemble((words.vocabulary + " ", "bold"), vocabulary()),
                id="repair-vocabulary",
                classes="muted",
            )
        elif self.step == "reality":
            with Horizontal(id="repair-feelings"):
                for seat, name in enumerate(m.record.names):
                    yield Static(
                        Content.assemble((name, "bold"), "\n", safe(m.record.sides[seat].feelings)),
                        classes="repair-feeling",
                    )
        elif self.step in ("summary", "makes_sense"):
            heard = "\n".join([side.reality.text, *side.reality.clarifications])
            with VerticalScroll(id="repair-context"):
                yield Static(safe(heard), id="reality-text")
        elif self.step == "clarify":
            summary = m.current_summary
            yield Static(
                safe_template(
                    repair_text().steps["rating"].heard, other=m.record.names[other(m.seat)]
                ),
                classes="muted",
            )
            with VerticalScroll(id="repair-context"):
                yield Static(safe(summary.text if summary else ""), id="heard-text")
        elif self.step == "triggers":
            yield Static(Content(words.common_title), classes="muted")
            with Horizontal(id="repair-triggers"):
                for n, trigger in enumerate(repair_text().triggers.common):
                    yield Checkbox(Content(trigger), trigger in side.triggers, id=f"trigger-{n}")

    def on_mount(self) -> None:
        area = self.query_one("#repair-text", TextBox)
        area.focus()
        area.move_cursor(area.document.end)

    # -- drafts ---------------------------------------------------------------------------------

    def on_text_area_changed(self, event: TextBox.Changed) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_DELAY, self.keep_draft)

    def keep_draft(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        if not self.is_mounted or self.m.step != self.step:
            return
        text = clean(self.query_one("#repair-text", TextBox).text, TEXT_MAX).text
        if text != self.m.record.draft:
            self.m.save_draft(text)
            self.flow.save()

    def has_unsaved(self) -> bool:
        """Quitting mid-sentence: the pending draft is saved now, so nothing is lost."""
        self.keep_draft()
        return False

    def on_unmount(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()

    # -- confirming -----------------------------------------------------------------------------

    def _text(self) -> str:
        result = clean(self.query_one("#repair-text", TextBox).text, TEXT_MAX)
        note = result.message(TEXT_MAX)
        if note:
            self.notify(note, markup=False, timeout=8)
        return result.text.strip()

    def _chosen(self) -> list[str]:
        common = repair_text().triggers.common
        return [
            common[n] for n in range(len(common)) if self.query_one(f"#trigger-{n}", Checkbox).value
        ]

    def action_submit(self) -> None:
        text = self._text()
        if text == self.words.starter.strip():
            text = ""
        if self.step == "triggers":
            chosen = self._chosen()
            if not chosen and not text:
                self._say_empty()
                return
            self.flow.apply("submit_triggers", chosen, text)
            return
        if not text:
            self._say_empty()
            return
        if self.step == self.COACHED and text != self._coached:
            notes = coach_notes(text)
            if notes:
                self._coached = text
                lines = Content("\n").join([Content(self.words.coach_intro), *map(Content, notes)])
                self.query_one("#repair-coach", Static).update(lines)
                return
        self.flow.apply("submit", text)

    def _say_empty(self) -> None:
        self.query_one("#repair-error", Static).update(Content(self.texts().empty))

    def action_skip(self) -> None:
        if self.step in OPTIONAL:
            self.flow.apply("skip")
