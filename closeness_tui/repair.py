"""After a fight: the repair conversation as a pure state machine. No Textual here.

Once both are calm they look back at the fight "from the balcony", taking turns, each step
in their names. The position is a step and a seat: the partner the step is *about*. Most
steps are written by that partner; a summary and "what makes sense" are written by the
other (see `writer()`), and an apology is answered by the other.

Steps::

    setup -> readiness? -> feelings (A, B)
          -> reality (A) -> summary -> rating -+-> makes_sense -> reality (B) ... -> triggers
                              ^                |
                              +-- clarify <----+ (partly / not quite)
          -> triggers (A, B) -> owns (A, B) -> regret? (A, B) -> differently (A, B)
          -> apology? (A) -> answer (by B) -> apology? (B) -> answer (by A) -> done
    any step but setup/done -> break -> (the same step again)

The two-realities loop reuses the listening session's pieces: its `Summary` records and the
same three ratings (got it / partly / not quite), its readiness answers, its breaks (at least
the default 20 minutes unless they choose, never more than a day) and its TransitionError.
Every event either moves the machine or raises TransitionError; `sync()` writes the position
into the record so a conversation reopened from disk resumes where it stopped.
"""

from __future__ import annotations

from datetime import datetime

from closeness_tui.clock import Clock
from closeness_tui.conversation import RESUMABLE, Conversation, is_unfinished, unfinished
from closeness_tui.listening import RATINGS, readiness
from closeness_tui.models import AfterFight, Side, Summary

__all__ = [
    "RESUMABLE",
    "Repair",
    "is_unfinished",
    "promises",
    "promises_since",
    "unfinished",
]

STEPS = (
    "setup",
    "readiness",
    "feelings",
    "reality",
    "summary",
    "rating",
    "clarify",
    "makes_sense",
    "triggers",
    "owns",
    "regret",
    "differently",
    "apology",
    "answer",
    "break",
    "done",
)
# The text each partner writes at a step, stored on the Side of the seat the step is about.
SIDE_FIELDS = {
    "feelings": "feelings",
    "owns": "owns",
    "regret": "regret",
    "differently": "differently",
    "apology": "apology",
}
TEXT_STEPS = frozenset({"feelings", "reality", "summary", "clarify", "makes_sense", "triggers"})
TEXT_STEPS |= frozenset(SIDE_FIELDS)
OPTIONAL = frozenset({"regret", "apology"})  # may be skipped
WRITTEN_BY_OTHER = frozenset({"summary", "makes_sense", "answer"})
ANSWERS = ("accept", "need_time")

# Where each step leads once its seat has done it: (step, seat) -> (step, seat).
# The reality loop (summary, rating, clarify) and the apology's answer are worked out in code.
NEXT: dict[tuple[str, int], tuple[str, int]] = {
    ("feelings", 0): ("feelings", 1),
    ("feelings", 1): ("reality", 0),
    ("makes_sense", 0): ("reality", 1),
    ("makes_sense", 1): ("triggers", 0),
    ("triggers", 0): ("triggers", 1),
    ("triggers", 1): ("owns", 0),
    ("owns", 0): ("owns", 1),
    ("owns", 1): ("regret", 0),
    ("regret", 0): ("regret", 1),
    ("regret", 1): ("differently", 0),
    ("differently", 0): ("differently", 1),
    ("differently", 1): ("apology", 0),
    ("answer", 0): ("apology", 1),
    ("answer", 1): ("done", 0),
    ("apology_skipped", 0): ("apology", 1),
    ("apology_skipped", 1): ("done", 0),
}


class Repair(Conversation):
    """Drives one AfterFight record. Construct with `new()` or `resume()`."""

    STEPS = STEPS
    FIRST_STEP = "feelings"
    TEXT_STEPS = TEXT_STEPS
    WRITTEN_BY_OTHER = WRITTEN_BY_OTHER

    def __init__(self, record: AfterFight, clock: Clock) -> None:
        super().__init__(record, clock)
        self.record: AfterFight = record
        self.check_readiness: bool = bool((record.state or {}).get("check_readiness", True))
        while len(record.sides) < 2:
            record.sides.append(Side())

    @classmethod
    def new(cls, clock: Clock, names: tuple[str, str] | list[str]) -> Repair:
        now = clock.now()
        return cls(AfterFight(started_at=now, updated_at=now, names=list(names)), clock)

    @classmethod
    def resume(cls, record: AfterFight, clock: Clock) -> Repair:
        return cls(record, clock)

    @property
    def side(self) -> Side:
        return self.record.sides[self.seat]

    @property
    def current_summary(self) -> Summary | None:
        summaries = self.side.reality.summaries
        return summaries[-1] if summaries else None

    def extra_state(self) -> dict[str, object]:
        return {"check_readiness": self.check_readiness}

    def _go(self, step: str, seat: int) -> None:
        super()._go(step, seat)
        if step == "done":
            self.record.status = "done"
            self.record.finished_at = self.clock.now()

    def _advance(self, key: str | None = None) -> None:
        self._go(*NEXT[(key or self.step, self.seat)])

    # -- set-up and readiness ----------------------------------------------------------------

    def configure(self, *, topic: str = "", check_readiness: bool = True) -> None:
        self._require("configure", "setup")
        self.record.topic = topic
        self.check_readiness = check_readiness

    def begin(self) -> None:
        self._require("begin", "setup")
        self.record.started_at = self.clock.now()
        if self.check_readiness:
            self._go("readiness", 0)
        else:
            self.record.readiness_skipped = True
            self._go("feelings", 0)

    def answer_readiness(self, answers: dict[str, bool]) -> None:
        self._require("answer_readiness", "readiness")
        self.record.readiness = readiness(answers)
        self.record.readiness_skipped = False
        self._go("feelings", 0)

    def skip_readiness(self) -> None:
        self._require("skip_readiness", "readiness")
        self.record.readiness = None
        self.record.readiness_skipped = True
        self._go("feelings", 0)

    # -- writing -----------------------------------------------------------------------------

    def save_draft(self, text: str) -> None:
        self._require("save_draft", *TEXT_STEPS)
        self.record.draft = text

    def submit(self, text: str) -> None:
        """The words for this step are confirmed (an empty text is refused)."""
        self._require("submit", *(TEXT_STEPS - {"triggers"}))
        if not text.strip():
            raise ValueError("nothing written yet")
        side = self.side
        step = self.step
        if step in SIDE_FIELDS:
            setattr(side, SIDE_FIELDS[step], text)
            if step == "apology":
                self._go("answer", self.seat)
            else:
                self._advance()
        elif step == "reality":
            side.reality.text = text
            self._go("summary", self.seat)
        elif step == "summary":
            side.reality.summaries.append(Summary(text=text, at=self.clock.now()))
            self._go("rating", self.seat)
        elif step == "clarify":
            side.reality.clarifications.append(text)
            self._go("summary", self.seat)
        elif step == "makes_sense":
            side.reality.makes_sense = text
            self._advance()

    def submit_triggers(self, chosen: list[str], note: str = "") -> None:
        self._require("submit_triggers", "triggers")
        if not chosen and not note.strip():
            raise ValueError("nothing chosen or written yet")
        self.side.triggers = list(dict.fromkeys(chosen))
        self.side.trigger_note = note
        self._advance()

    def skip(self) -> None:
        """Leave out an optional step (regret, apology)."""
        self._require("skip", *OPTIONAL)
        if self.step == "apology":
            self.side.apology = ""
            self._advance("apology_skipped")
        else:
            self._advance()

    # -- the two realities: summary and confirm ------------------------------------------------

    def rate(self, rating: str) -> None:
        self._require("rate", "rating")
        if rating not in RATINGS:
            raise ValueError(f"rating must be one of {RATINGS}, not {rating!r}")
        summary = self.current_summary
        assert summary is not None
        summary.rating = rating
        self._go("makes_sense" if rating == "got_it" else "clarify", self.seat)

    def move_on(self) -> None:
        """They choose to go on without another summary."""
        self._require("move_on", "rating", "clarify")
        if self.step == "rating" and self.current_summary is not None:
            self.current_summary.rating = self.current_summary.rating or "partly"
        self.side.reality.moved_on = True
        self._go("makes_sense", self.seat)

    # -- the apology's answer -------------------------------------------------------------------

    def answer(self, answer: str) -> None:
        self._require("answer", "answer")
        if answer not in ANSWERS:
            raise ValueError(f"answer must be one of {ANSWERS}, not {answer!r}")
        self.side.apology_answer = answer
        self._advance()


def promises_since(
    records: list[AfterFight], since: datetime | None, until: datetime
) -> list[tuple[str, int, str]]:
    """The "one thing I will do differently" of every finished talk from `since` (exclusive;
    None = ever) to `until`, as (key, seat, text), for the weekly check-in to look back on.
    The key ("fight:<id>:<seat>") names it in that check-in's promise_review."""
    found = []
    for record in sorted(records, key=lambda r: r.started_at):
        at = record.finished_at or record.started_at
        if record.status != "done" or at > until or (since is not None and at <= since):
            continue
        for seat, text in promises(record):
            found.append((f"fight:{record.id}:{seat}", seat, text))
    return found


def promises(record: AfterFight) -> list[tuple[int, str]]:
    """The "one thing I will do differently next time" of each partner, by seat."""
    return [(seat, side.differently) for seat, side in enumerate(record.sides) if side.differently]
