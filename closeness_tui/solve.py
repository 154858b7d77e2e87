"""Solve it together: finding something to try, once both feel understood. A pure state
machine; no Textual here.

Steps (A and B are the two partners; "together" steps have no single writer)::

    setup -> problem (together, one neutral sentence) -> core (A) -> flexible (A)
          -> core (B) -> flexible (B) -> ideas (together: both add, no judging)
          -> marks (A) -> marks (B) -> choose (together) -> plan (A) -> plan (B)
          -> trial (together: how long, by when) -> waiting (the trial runs)
          -> review (when due, or earlier) -+-> keep    -> done (a solution kept)
                                            +-> adjust  -> plan (A) ... (a new try, same option)
                                            +-> another -> choose ...
    any step but setup/waiting/done -> break -> (the same step again)

Every try is kept with its plans and its review, so the history of tries stays.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from closeness_tui.clock import Clock
from closeness_tui.conversation import RESUMABLE, Conversation, is_unfinished, unfinished
from closeness_tui.models import BOTH, Idea, ListeningSession, Solution, Try

__all__ = [
    "RESUMABLE",
    "Solve",
    "TryCounts",
    "both_understood",
    "counts",
    "due",
    "is_unfinished",
    "ranked",
    "unfinished",
]

STEPS = (
    "setup",
    "problem",
    "core",
    "flexible",
    "ideas",
    "marks",
    "choose",
    "plan",
    "trial",
    "waiting",
    "review",
    "break",
    "done",
)
TOGETHER = frozenset({"problem", "ideas", "choose", "trial", "waiting", "review"})
TEXT_STEPS = frozenset({"problem", "core", "flexible", "ideas", "plan"})
MARKS = ("works", "could", "no")  # works for me / could live with it / not for me
MARK_SCORE = {"works": 2, "could": 1, "no": 0}
OUTCOMES = ("keep", "adjust", "another")
TRIAL_DAYS = (7, 14, 28)
TRIAL_RANGE = (1, 90)

# (step, seat) -> (step, seat) after a partner's words for that step are confirmed.
NEXT: dict[tuple[str, int], tuple[str, int]] = {
    ("problem", 0): ("core", 0),
    ("core", 0): ("flexible", 0),
    ("flexible", 0): ("core", 1),
    ("core", 1): ("flexible", 1),
    ("flexible", 1): ("ideas", 0),
    ("ideas", 0): ("marks", 0),
    ("marks", 0): ("marks", 1),
    ("marks", 1): ("choose", 0),
    ("plan", 0): ("plan", 1),
    ("plan", 1): ("trial", 0),
}


def ranked(options: list[Idea]) -> list[int]:
    """Option indexes, best first: no "not for me" before any, then by how well both
    marked them (works = 2, could live with it = 1), then in the order they were added."""

    def key(index: int) -> tuple[int, int, int]:
        marks = options[index].marks
        vetoed = int("no" in marks)
        return (vetoed, -sum(MARK_SCORE.get(m, 0) for m in marks), index)

    return sorted(range(len(options)), key=key)


def both_understood(session: ListeningSession) -> bool:
    """A finished listening session in which each speaker said "Got it" to a summary of
    each of their turns: the moment solving it together is offered."""
    if session.status != "done":
        return False
    spoken = {turn.speaker for turn in session.turns}
    if spoken != {0, 1}:
        return False
    return all(any(s.rating == "got_it" for s in turn.summaries) for turn in session.turns)


@dataclass(frozen=True)
class TryCounts:
    """How the couple's tries went, for the insights."""

    tried: int = 0  # trials begun (a try whose trial period was set)
    reviewed: int = 0  # of those, looked back on
    kept: int = 0
    adjusted: int = 0
    another: int = 0  # set down for another option
    first: date | None = None  # the day the first trial began


def trial_began(attempt: Try) -> bool:
    """A try is tried once its trial period is set (until then its review day is the day
    it was chosen)."""
    return attempt.review_on > attempt.started_on


def counts(solutions: Iterable[Solution]) -> TryCounts:
    """The tries of every solution not set aside: begun, looked back on, and how."""
    tries = [t for s in solutions if s.status != "stopped" for t in s.tries if trial_began(t)]
    outcomes = Counter(t.outcome for t in tries)
    return TryCounts(
        tried=len(tries),
        reviewed=sum(outcomes[o] for o in OUTCOMES),
        kept=outcomes["keep"],
        adjusted=outcomes["adjust"],
        another=outcomes["another"],
        first=min((t.started_on for t in tries), default=None),
    )


def due(solution: Solution, today: date) -> bool:
    """A trial whose review day has come."""
    step = (solution.state or {}).get("step")
    if solution.status not in ("trial", "active") or step != "waiting" or not solution.tries:
        return False
    return today >= solution.tries[-1].review_on


class Solve(Conversation):
    """Drives one Solution record. Construct with `new()` or `resume()`."""

    STEPS = STEPS
    FIRST_STEP = "problem"
    TEXT_STEPS = TEXT_STEPS
    UNBREAKABLE = frozenset({"setup", "waiting", "break", "done"})

    def __init__(self, record: Solution, clock: Clock) -> None:
        super().__init__(record, clock)
        self.record: Solution = record

    @classmethod
    def new(cls, clock: Clock, names: tuple[str, str] | list[str]) -> Solve:
        now = clock.now()
        return cls(Solution(started_at=now, updated_at=now, names=list(names)), clock)

    @classmethod
    def resume(cls, record: Solution, clock: Clock) -> Solve:
        return cls(record, clock)

    # -- reading ----------------------------------------------------------------------------

    def writer(self, step: str | None = None) -> int:
        step = step or self.shown_step
        return BOTH if step in TOGETHER else self.seat

    @property
    def current_try(self) -> Try | None:
        return self.record.tries[-1] if self.record.tries else None

    def unmarked(self, seat: int) -> list[int]:
        return [n for n, idea in enumerate(self.record.options) if not idea.marks[seat]]

    def _go(self, step: str, seat: int) -> None:
        super()._go(step, seat)
        if step == "waiting":
            self.record.status = "trial"
        elif step == "done":
            self.record.status = "kept"
            self.record.finished_at = self.clock.now()
        else:
            self.record.status = "active"

    def _advance(self) -> None:
        self._go(*NEXT[(self.step, self.seat)])

    # -- set-up -------------------------------------------------------------------------------

    def configure(
        self, *, topic: str = "", listening_id: str | None = None, checkin_id: str | None = None
    ) -> None:
        self._require("configure", "setup")
        self.record.topic = topic
        self.record.listening_id = listening_id
        self.record.checkin_id = checkin_id

    def begin(self) -> None:
        self._require("begin", "setup")
        self.record.started_at = self.clock.now()
        self._go("problem", 0)

    # -- writing -------------------------------------------------------------------------------

    def submit(self, text: str) -> None:
        self._require("submit", "problem", "core", "flexible", "plan")
        if not text.strip():
            raise ValueError("nothing written yet")
        r = self.record
        if self.step == "problem":
            r.problem = text
        elif self.step == "core":
            r.core[self.seat] = text
        elif self.step == "flexible":
            r.flexible[self.seat] = text
        elif self.step == "plan":
            current = self.current_try
            assert current is not None
            current.plans[self.seat] = text
        self._advance()

    def add_idea(self, text: str, by: int = BOTH) -> int:
        """One more option (no judging while adding). Returns its index."""
        self._require("add_idea", "ideas")
        if not text.strip():
            raise ValueError("nothing written yet")
        if by not in (0, 1, BOTH):
            raise ValueError("an idea is by seat 0, 1 or both")
        self.record.options.append(Idea(text=text, by=by))
        self.record.draft = ""
        return len(self.record.options) - 1

    def done_ideas(self) -> None:
        self._require("done_ideas", "ideas")
        if not self.record.options:
            raise ValueError("add at least one idea first")
        self._advance()

    def mark(self, index: int, mark: str) -> None:
        self._require("mark", "marks")
        if mark not in MARKS:
            raise ValueError(f"mark must be one of {MARKS}, not {mark!r}")
        self.record.options[index].marks[self.seat] = mark

    def done_marks(self) -> None:
        self._require("done_marks", "marks")
        if self.unmarked(self.seat):
            raise ValueError("every option needs a mark first")
        self._advance()

    def choose(self, index: int) -> None:
        """The option to try; a new try begins (its plans come next)."""
        self._require("choose", "choose")
        if not 0 <= index < len(self.record.options):
            raise ValueError("no such option")
        today = self.clock.today()
        self.record.tries.append(Try(option=index, started_on=today, review_on=today))
        self._go("plan", 0)

    def start_trial(self, days: int, by_when: str = "") -> None:
        self._require("start_trial", "trial")
        low, high = TRIAL_RANGE
        if not low <= days <= high:
            raise ValueError(f"a trial lasts {low} to {high} days")
        current = self.current_try
        assert current is not None
        today = self.clock.today()
        current.started_on = today
        current.review_on = today + timedelta(days=days)
        current.by_when = by_when
        self._go("waiting", 0)

    # -- the review ----------------------------------------------------------------------------

    def open_review(self) -> None:
        """Review the try (when its day has come, or earlier if they wish)."""
        self._require("open_review", "waiting")
        self._go("review", 0)

    def review(self, outcome: str, note: str = "") -> None:
        self._require("review", "review")
        if outcome not in OUTCOMES:
            raise ValueError(f"outcome must be one of {OUTCOMES}, not {outcome!r}")
        current = self.current_try
        assert current is not None
        current.outcome = outcome
        current.note = note
        current.reviewed_at = self.clock.now()
        if outcome == "keep":
            self._go("done", 0)
        elif outcome == "adjust":
            today = self.clock.today()
            self.record.tries.append(
                Try(
                    option=current.option,
                    plans=list(current.plans),
                    started_on=today,
                    review_on=today,
                )
            )
            self._go("plan", 0)
        else:
            self._go("choose", 0)
