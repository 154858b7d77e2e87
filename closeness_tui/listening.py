"""The listening session ("the floor") as a pure state machine. No Textual here.

One partner holds the floor and speaks while a timer runs; the other listens, then says back
what they heard; the speaker rates it (Got it / Partly / Not quite). Partly or Not quite: a
short timed clarification, then the listener summarises again, as often as needed or until
they choose to move on. After "Got it", optionally: "Is there more?", a validation and an
empathy guess. Then the roles swap, for the rounds chosen, and each may write a closing line.
A break can be taken from any step and resumes exactly where it stopped.

Steps::

    setup -> readiness? -> speaking -> summary -> rating -+-> more -> validation -> empathy
                             ^            ^               |                          |
                             |            +-- clarify <---+ (partly / not quite)     v
                             +-- (more: yes)                           swap / closing -> done
    any step but setup/done  -> break -> (the same step again)

Every event method either moves the machine or raises `TransitionError` naming the step and
the event. `sync()` writes the exact position (step, turn, timer's remaining seconds) into the
record's `state`, so a session reopened from disk resumes where it stopped; a running timer
comes back paused with the seconds it had left.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import Any, TypeVar, get_args

import msgspec

from closeness_tui.clock import Clock, Countdown
from closeness_tui.models import (
    Break,
    ListeningSession,
    ListeningStep,
    Rating,
    Statement,
    Summary,
    SummaryKind,
    Turn,
)

STEPS: tuple[str, ...] = get_args(ListeningStep)  # the typed vocabulary, in order
TIMED_STEPS = frozenset({"speaking", "clarify"})
TEXT_STEPS = frozenset({"summary", "validation", "empathy"})
# Steps a break may be taken from (and later resumed to).
BREAKABLE = frozenset(STEPS) - {"setup", "break", "done"}
# Steps from which the partners may stop early and go to the closing lines.
FINISHABLE = BREAKABLE - {"closing"}

RATINGS: tuple[Rating, ...] = ("got_it", "partly", "not_quite")
SUMMARY_KINDS: tuple[SummaryKind, ...] = get_args(SummaryKind)
TURN_PRESETS_MINUTES = (2, 3, 5, 10, 15, 20)  # 15 and 20: a daily stress-reducing talk
TURN_MINUTES_RANGE = (1, 30)
ROUNDS_RANGE = (1, 5)
ADD_SECONDS = 60
CLARIFY_SECONDS = 60
MORE_SECONDS = 120
BREAK_MINUTES = 20  # the least that lets a flooded body calm down: the default and the advice
BREAK_MAX = timedelta(hours=24)  # a break never lasts longer than a day
BREAK_MAX_MINUTES = int(BREAK_MAX.total_seconds() // 60)
READINESS_KEYS = ("good_time", "hungry", "angry", "lonely", "tired")
T = TypeVar("T")


# The floor never passes by accident. A press on a step that passes the floor or rates a
# summary counts only once the step has been on screen this long (a key repeat, a bounce or
# a double press lands inside it), and a turn ended in its first seconds asks first.
SETTLE_SECONDS = 0.6
EARLY_END_SECONDS = 5.0
FLOOR_STEPS = frozenset({"speaking", "clarify", "rating", "more", "swap"})


class TimerState(msgspec.Struct, kw_only=True):
    planned: float
    remaining: float
    running: bool = False


class Position(msgspec.Struct, kw_only=True):
    """Where a session stands, as saved in the record's `state` (a session reopened from
    disk resumes here; a running timer comes back paused with the seconds it had left)."""

    step: str = "setup"
    turn: int = 0
    phase: str = "main"  # "main", or "more" while speaking after "Is there more?"
    resume_step: str | None = None  # the step a break will go back to
    check_readiness: bool = True
    timer: TimerState | None = None
    summary_kind: str = "summary"  # what the next summary answers: summary, again, more
    finished_early: bool = False


def position_of(session: ListeningSession) -> Position:
    """The typed position saved in a session record (unknown keys are ignored)."""
    return msgspec.convert(session.state or {}, Position, strict=False)


# -- breaks: the rules, once ----------------------------------------------------------------


def break_minutes_ok(minutes: int) -> bool:
    return 1 <= minutes <= BREAK_MAX_MINUTES


def break_is_short(minutes: float) -> bool:
    """Shorter than the body needs to calm down (said gently; it is their call)."""
    return minutes < BREAK_MINUTES


def format_wait(seconds: float) -> str:
    """A wait as the break clock shows it: 19:59, or 23:59:51 once it is an hour or more."""
    whole = max(0, int(seconds + 0.999))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


_TIME_OF_DAY = re.compile(r"^(?:(tomorrow)\s+)?(\d{1,2})[:.](\d{2})$", re.IGNORECASE)


def parse_return(text: str, now: datetime) -> datetime | None:
    """When to come back, as typed: minutes ("45"), a time of day ("19:30", the next one to
    come) or "tomorrow 19:30". None when it is none of these or out of range."""
    text = " ".join(text.split())
    if text.isdigit():
        minutes = int(text)
        return now + timedelta(minutes=minutes) if break_minutes_ok(minutes) else None
    match = _TIME_OF_DAY.match(text)
    if match is None:
        return None
    hour, minute = int(match.group(2)), int(match.group(3))
    if hour > 23 or minute > 59:
        return None
    at = datetime.combine(now.date(), time(hour, minute), tzinfo=now.tzinfo)
    if match.group(1):
        at += timedelta(days=1)
    elif at <= now:
        at += timedelta(days=1)
    if at <= now or at - now > BREAK_MAX:
        return None
    return at


def readiness(answers: dict[str, bool]) -> dict[str, bool]:
    """The readiness check as saved: every question answered ("good time" yes unless said,
    the others no). An unknown answer is a mistake, not something to keep."""
    unknown = set(answers) - set(READINESS_KEYS)
    if unknown:
        raise ValueError(f"unknown readiness answers: {sorted(unknown)}")
    return {k: bool(answers.get(k, k == "good_time")) for k in READINESS_KEYS}


class TransitionError(ValueError):
    """An event that is not allowed in the current step."""

    def __init__(self, step: str, event: str) -> None:
        super().__init__(f"{event!r} is not allowed while the session is at step {step!r}")
        self.step = step
        self.event = event


class SetupError(ValueError):
    """A set-up value out of range."""


def other(seat: int) -> int:
    return 1 - seat


class Breaks:
    """A break from any step and back to it, one rule for the listening session and the
    talks after it (closeness_tui.conversation): BREAK_MINUTES unless they choose, never
    more than BREAK_MAX, each kept in the record's `breaks`. The host has `session` (a record
    with `breaks` and `status`), `clock`, `step` and `resume_step`, and checks that a break
    may be taken from its step before calling `_break_now()`."""

    FIRST_STEP = ""  # where a break with no step saved goes back to
    session: Any
    clock: Clock
    step: str
    resume_step: str | None

    def _require(self, event: str, *steps: str) -> None:
        """Every event checks that it may happen at this step."""
        if self.step not in steps:
            raise TransitionError(self.step, event)

    def default_return(self) -> datetime:
        return self.clock.now() + timedelta(minutes=BREAK_MINUTES)

    def clamp_return(self, at: datetime, start: datetime | None = None) -> datetime:
        start = start or self.clock.now()
        return max(start, min(at, start + BREAK_MAX))

    def _break_now(self, return_at: datetime | None, called_by: int | None) -> None:
        now = self.clock.now()
        at = self.clamp_return(return_at or self.default_return(), now)
        self.session.breaks.append(Break(started_at=now, return_at=at, called_by=called_by))
        self.resume_step = self.step
        self.session.status = "on_break"
        self.step = "break"

    @property
    def shown_step(self) -> str:
        """The step on screen: during a break, the one it will go back to."""
        return (self.resume_step or self.FIRST_STEP) if self.step == "break" else self.step

    @property
    def current_break(self) -> Break | None:
        return self.session.breaks[-1] if self.step == "break" and self.session.breaks else None

    def set_return(self, at: datetime) -> datetime:
        """Choose when to come back (never more than 24 hours after the break began)."""
        self._require("set_return", "break")
        brk = self.current_break
        assert brk is not None
        brk.return_at = self.clamp_return(at, brk.started_at)
        return brk.return_at

    def end_break(self) -> None:
        self._require("end_break", "break")
        brk = self.current_break
        assert brk is not None
        brk.ended_at = self.clock.now()
        self.step = self.resume_step or self.FIRST_STEP
        self.resume_step = None
        self.session.status = "active"


class Listening(Breaks):
    """Drives one ListeningSession record. Construct with `new()` or `resume()`."""

    FIRST_STEP = "speaking"  # where a break with no step saved goes back to

    def __init__(self, session: ListeningSession, clock: Clock) -> None:
        self.session = session
        self.clock = clock
        pos = position_of(session)
        if pos.step not in STEPS:
            raise ValueError(f"unknown step {pos.step!r} in saved session")
        self.step = pos.step
        self.turn_index: int = pos.turn
        self.phase: str = pos.phase
        self.resume_step: str | None = pos.resume_step
        self.check_readiness: bool = pos.check_readiness
        if pos.summary_kind not in SUMMARY_KINDS:
            raise ValueError(f"unknown kind of summary {pos.summary_kind!r} in saved session")
        self.summary_kind = pos.summary_kind
        self.finished_early: bool = pos.finished_early
        self.covered = False  # the turn is hidden (help, a dialog): its clock waits
        self.timer: Countdown | None = None
        if pos.timer is not None:
            self.timer = Countdown.restored(clock, pos.timer.planned, pos.timer.remaining)

    @property
    def step(self) -> str:
        return self._step

    @step.setter
    def step(self, value: str) -> None:
        self._step = value
        self.step_since = self.clock.monotonic()  # when this step came on screen

    # -- construction ---------------------------------------------------------------------

    @classmethod
    def new(cls, clock: Clock, names: tuple[str, str] | list[str]) -> Listening:
        now = clock.now()
        session = ListeningSession(started_at=now, updated_at=now, names=list(names))
        return cls(session, clock)

    @classmethod
    def resume(cls, session: ListeningSession, clock: Clock) -> Listening:
        return cls(session, clock)

    # -- reading ----------------------------------------------------------------------------

    @property
    def total_turns(self) -> int:
        return self.session.rounds * 2

    @property
    def turn(self) -> Turn | None:
        turns = self.session.turns
        return turns[self.turn_index] if self.turn_index < len(turns) else None

    def speaker_of(self, index: int) -> int:
        first = self.session.first_speaker
        return first if index % 2 == 0 else other(first)

    @property
    def speaker(self) -> int:
        return self.speaker_of(self.turn_index)

    @property
    def listener(self) -> int:
        return other(self.speaker)

    @property
    def round(self) -> int:
        return self.turn_index // 2 + 1

    @property
    def is_last_turn(self) -> bool:
        return self.turn_index + 1 >= self.total_turns

    @property
    def current_summary(self) -> Summary | None:
        turn = self.turn
        return turn.summaries[-1] if turn and turn.summaries else None

    def remaining(self) -> float:
        return self.timer.remaining() if self.timer else 0.0

    @property
    def finished(self) -> bool:
        return self.step == "done"

    # -- persistence ------------------------------------------------------------------------

    @property
    def position(self) -> Position:
        timer = None
        if self.timer is not None:
            timer = TimerState(
                planned=self.timer.planned,
                remaining=self.timer.remaining(),
                running=self.timer.running,
            )
        return Position(
            step=self.step,
            turn=self.turn_index,
            phase=self.phase,
            resume_step=self.resume_step,
            check_readiness=self.check_readiness,
            timer=timer,
            summary_kind=self.summary_kind,
            finished_early=self.finished_early,
        )

    def sync(self) -> ListeningSession:
        """Write the exact position into the record (call before every save): the timer's
        remaining seconds as they are at this moment."""
        state: dict[str, Any] = dict(self.session.state)
        state.update(msgspec.to_builtins(self.position))
        self.session.state = state
        self.session.updated_at = self.clock.now()
        return self.session

    # -- helpers ----------------------------------------------------------------------------

    def _start_timer(self, seconds: float) -> None:
        self.timer = Countdown(self.clock, seconds)

    def _stop_timer(self) -> float:
        """Stop the timer and return the seconds it ran (including any overtime)."""
        elapsed = self.timer.elapsed() if self.timer else 0.0
        self.timer = None
        return max(elapsed, 0.0)

    def _set_summary_kind(self, kind: SummaryKind) -> None:
        self.summary_kind = kind

    # -- the floor never passes by accident -----------------------------------------------

    def press_counts(self) -> bool:
        """A press that would pass the floor or rate a summary counts only once the step has
        settled: the press that brought this step on screen (a repeat, a bounce, a double
        press) is ignored."""
        if self.step not in FLOOR_STEPS:
            return True
        return self.clock.monotonic() - self.step_since >= SETTLE_SECONDS - 1e-9

    def ends_too_soon(self) -> bool:
        """Ending the turn now needs a deliberate "yes": it has run only a few seconds."""
        if self.step != "speaking" or self.timer is None:
            return False
        return self.timer.elapsed() < EARLY_END_SECONDS - 1e-9

    # -- fair time: a covered turn's clock waits --------------------------------------------

    def cover(self) -> None:
        """Something covers the running step (help, a dialog, the palette): its clock stops
        without counting as the speaker's pause."""
        if self.covered or self.timer is None or not self.timer.running:
            return
        self.timer.pause()
        self.covered = True

    def uncover(self) -> None:
        """The step is seen again: a clock stopped by `cover` runs on."""
        if not self.covered:
            return
        self.covered = False
        if self.timer is not None and self.step in TIMED_STEPS:
            self.timer.resume()

    def _begin_turn(self) -> None:
        seconds = float(self.session.turn_seconds)
        self.session.turns.append(
            Turn(speaker=self.speaker, round=self.round, planned_seconds=seconds)
        )
        self.phase = "main"
        self._set_summary_kind("summary")
        self.step = "speaking"
        self._start_timer(seconds)

    def _after_understood(self) -> None:
        self.step = "swap" if not self.is_last_turn else "closing"

    # -- set-up -----------------------------------------------------------------------------

    def configure(
        self,
        *,
        topic: str = "",
        first_speaker: int = 0,
        turn_minutes: int = 5,
        rounds: int = 1,
        check_readiness: bool = True,
        mirroring: bool = True,
        speaker_note: str = "",
        break_signal: str = "",
    ) -> None:
        self._require("configure", "setup")
        low, high = TURN_MINUTES_RANGE
        if not low <= turn_minutes <= high:
            raise SetupError(f"a turn lasts {low} to {high} minutes")
        low, high = ROUNDS_RANGE
        if not low <= rounds <= high:
            raise SetupError(f"{low} to {high} rounds")
        if first_speaker not in (0, 1):
            raise SetupError("the first speaker is seat 0 or 1")
        s = self.session
        s.topic = topic
        s.first_speaker = first_speaker
        s.turn_seconds = turn_minutes * 60
        s.rounds = rounds
        s.mirroring = mirroring
        s.speaker_note = speaker_note
        s.break_signal = break_signal
        self.check_readiness = check_readiness

    def begin(self) -> None:
        """Set-up confirmed: on to the readiness check, or straight to the first turn."""
        self._require("begin", "setup")
        self.session.started_at = self.clock.now()
        if self.check_readiness:
            self.step = "readiness"
        else:
            self.session.readiness = None
            self.session.readiness_skipped = True
            self._begin_turn()

    # -- readiness --------------------------------------------------------------------------

    def answer_readiness(self, answers: dict[str, bool]) -> None:
        self._require("answer_readiness", "readiness")
        self.session.readiness = readiness(answers)
        self.session.readiness_skipped = False
        self._begin_turn()

    def skip_readiness(self) -> None:
        self._require("skip_readiness", "readiness")
        self.session.readiness = None
        self.session.readiness_skipped = True
        self._begin_turn()

    # -- the timed steps ----------------------------------------------------------------------

    def pause(self) -> None:
        self._require("pause", *TIMED_STEPS)
        assert self.timer is not None
        if self.timer.running:
            self.timer.pause()
            if self.step == "speaking" and self.turn is not None:
                self.turn.pauses += 1

    def resume_timer(self) -> None:
        self._require("resume_timer", *TIMED_STEPS)
        assert self.timer is not None
        self.timer.resume()

    def toggle_pause(self) -> None:
        self._require("toggle_pause", *TIMED_STEPS)
        assert self.timer is not None
        if self.timer.running:
            self.pause()
        else:
            self.resume_timer()

    def add_minute(self) -> None:
        self._require("add_minute", *TIMED_STEPS)
        assert self.timer is not None
        self.timer.add(ADD_SECONDS)
        if self.step == "speaking" and self.turn is not None:
            self.turn.added_seconds += ADD_SECONDS

    def end_turn(self) -> None:
        """The speaker has finished (early, on time, or after overtime)."""
        self._require("end_turn", "speaking")
        spoken = self._stop_timer()
        turn = self.turn
        assert turn is not None
        if self.phase == "more":
            turn.more_seconds += spoken
            self._set_summary_kind("more")
        else:
            turn.actual_seconds += spoken
            self._set_summary_kind("summary")
        self.session.draft = ""
        self.step = "summary"

    # -- summary and rating --------------------------------------------------------------------

    def save_draft(self, text: str) -> None:
        self._require("save_draft", *TEXT_STEPS)
        self.session.draft = text

    def submit_summary(self, text: str) -> None:
        self._require("submit_summary", "summary")
        turn = self.turn
        assert turn is not None
        turn.summaries.append(Summary(text=text, at=self.clock.now(), kind=self.summary_kind))
        self.session.draft = ""
        self.step = "rating"

    def rate(self, rating: str) -> None:
        self._require("rate", "rating")
        if rating not in RATINGS:
            raise ValueError(f"rating must be one of {RATINGS}, not {rating!r}")
        summary = self.current_summary
        assert summary is not None
        summary.rating = rating
        if rating == "got_it":
            if self.session.mirroring:
                self.step = "more"
            else:
                self._after_understood()
        else:
            self.step = "clarify"
            self._start_timer(CLARIFY_SECONDS)

    def clarified(self) -> None:
        """The speaker has clarified: the listener summarises again."""
        self._require("clarified", "clarify")
        summary = self.current_summary
        assert summary is not None
        summary.clarification_seconds += self._stop_timer()
        self._set_summary_kind("again")
        self.session.draft = ""
        self.step = "summary"

    def move_on(self) -> None:
        """They choose to move on without another summary."""
        self._require("move_on", "clarify", "rating")
        summary = self.current_summary
        if self.step == "clarify" and summary is not None:
            summary.clarification_seconds += self._stop_timer()
        turn = self.turn
        assert turn is not None
        turn.moved_on = True
        if self.session.mirroring:
            self.step = "more"
        else:
            self._after_understood()

    # -- mirroring extras ----------------------------------------------------------------------

    def more_yes(self) -> None:
        """The speaker has more to say: a short timed chunk, then another summary."""
        self._require("more_yes", "more")
        assert self.turn is not None
        self.turn.more_answer = "yes"
        self.phase = "more"
        self.step = "speaking"
        self._start_timer(min(MORE_SECONDS, self.session.turn_seconds))

    def more_no(self) -> None:
        self._require("more_no", "more")
        assert self.turn is not None
        if not self.turn.more_answer:
            self.turn.more_answer = "no"
        self.step = "validation"

    def submit_validation(self, text: str) -> None:
        self._require("submit_validation", "validation")
        assert self.turn is not None
        self.turn.validation = text
        self.session.draft = ""
        self.step = "empathy"

    def submit_empathy(self, text: str) -> None:
        self._require("submit_empathy", "empathy")
        assert self.turn is not None
        self.turn.empathy = text
        self.session.draft = ""
        self._after_understood()

    def skip(self) -> None:
        """Leave out an optional step (more, validation, empathy)."""
        self._require("skip", "more", "validation", "empathy")
        self.session.draft = ""
        if self.step == "more":
            self.step = "validation"
        elif self.step == "validation":
            self.step = "empathy"
        else:
            self._after_understood()

    # -- swapping and closing ---------------------------------------------------------------------

    def next_turn(self) -> None:
        self._require("next_turn", "swap")
        self.turn_index += 1
        self._begin_turn()

    def finish_early(self, unsent: str = "") -> None:
        """Stop the exchange now and go to the closing lines. Words the listener typed and
        did not send are kept: a summary as an unsent summary, a validation or an empathy
        guess as the turn's."""
        self._require("finish_early", *FINISHABLE)
        turn = self.turn
        if unsent and turn is not None:
            if self.step == "summary":
                turn.summaries.append(
                    Summary(text=unsent, at=self.clock.now(), kind=self.summary_kind, unsent=True)
                )
            elif self.step == "validation":
                turn.validation = unsent
            elif self.step == "empathy":
                turn.empathy = unsent
        if self.step == "speaking" and turn is not None:
            spoken = self._stop_timer()
            if self.phase == "more":
                turn.more_seconds += spoken
            else:
                turn.actual_seconds += spoken
        elif self.step == "clarify":
            summary = self.current_summary
            if summary is not None:
                summary.clarification_seconds += self._stop_timer()
        self.timer = None
        self.covered = False
        self.session.draft = ""
        self.finished_early = True
        self.step = "closing"

    def submit_closing(self, lines: list[str] | tuple[str, str]) -> None:
        self._require("submit_closing", "closing")
        if len(lines) != 2:
            raise ValueError("one closing line per partner")
        self.session.closing = [lines[0], lines[1]]
        self.session.status = "done"
        self.session.finished_at = self.clock.now()
        self.step = "done"

    # -- breaks (the rules are Breaks') -------------------------------------------------------

    def take_break(self, return_at: datetime | None = None, called_by: int | None = None) -> None:
        self._require("take_break", *BREAKABLE)
        if self.timer is not None:
            self.timer.pause()
        self.covered = False
        self._break_now(return_at, called_by)

    # -- leaving -----------------------------------------------------------------------------

    def set_aside(self) -> None:
        """An unfinished session they chose not to resume: kept to read, no longer offered."""
        if self.step == "done":
            raise TransitionError(self.step, "set_aside")
        if self.timer is not None:
            self.timer.pause()
        self.session.status = "stopped"


RESUMABLE = ("active", "on_break")  # statuses of a session that may be carried on


def resumable(status: str, step: str) -> bool:
    """A session or talk that may be carried on: begun, not finished, not set aside."""
    return status in RESUMABLE and step not in ("setup", "done")


def is_unfinished(session: ListeningSession) -> bool:
    return resumable(session.status, position_of(session).step)


def newest_first(sessions: list[T]) -> list[T]:
    """Sessions or talks (anything with `started_at`), the latest first."""
    return sorted(sessions, key=lambda s: s.started_at, reverse=True)  # type: ignore[attr-defined]


def newest_unfinished(records: list[T], unfinished: Callable[[T], bool]) -> T | None:
    """The most recent of `records` that can be carried on, if any."""
    return next((r for r in newest_first(records) if unfinished(r)), None)


def unfinished(sessions: list[ListeningSession]) -> ListeningSession | None:
    """The most recent session that can be resumed, if any."""
    return newest_unfinished(sessions, is_unfinished)


NOTE_CHOICES = 40  # a speaker's own I-statements offered as a note: the newest this many


def note_choices(
    statements: list[Statement], seat: int, keep: str = "", limit: int = NOTE_CHOICES
) -> list[str]:
    """The words a speaker may take in as a note: `keep` (the note handed in) first, then
    their own newest I-statements, each once, `limit` in all (years of statements would
    make a list nobody scrolls, and seconds to build)."""
    own = sorted(
        (s for s in statements if s.author == seat and s.text),
        key=lambda s: s.created_at,
        reverse=True,
    )
    texts = ([keep] if keep else []) + [s.text for s in own]
    return list(dict.fromkeys(texts))[:limit]
