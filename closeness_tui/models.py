"""Typed records. Each has a stable uuid `id` and names the TinyDB table it lives in.

Screens and the domain core see only these; the store converts them to and from the
JSON documents in the file (msgspec validates every field on the way in, so a foreign or
hand-edited file is caught at open, not at the first query).

Partners are referred to by seat, 0 or 1 (`Settings.partner_a` / `partner_b`), so a
renamed partner keeps their history; records that must remember the names used at the
time (a listening session) keep a copy too.

New fields must have defaults, so older files still load; a change that cannot be made
that way is a schema migration (see migrations.MIGRATIONS).

Every Struct here has omit_defaults=True (subclasses of Record inherit it): a field equal
to its default is left out of the file, and decoding fills it back in. This keeps the
10-year file smaller (and every save writes the whole file).
"""

import math
import uuid
from datetime import date, datetime
from typing import Annotated, ClassVar, Literal, get_args

import msgspec

# -- the vocabulary every record is checked against when the file is read ----------------
# A value outside these is a damaged file (the store refuses it with the damaged-file
# screen), never a crash later in a screen.

Seat = Annotated[int, msgspec.Meta(ge=0, le=1)]  # partner_a = 0, partner_b = 1
Weekday = Annotated[int, msgspec.Meta(ge=0, le=6)]  # 0 = Monday ... 6 = Sunday
Seconds = Annotated[float, msgspec.Meta(ge=0)]
Count = Annotated[int, msgspec.Meta(ge=0)]
Positive = Annotated[int, msgspec.Meta(ge=1)]
Rating = Literal["", "got_it", "partly", "not_quite"]
SummaryKind = Literal["summary", "again", "more"]
MoreAnswer = Literal["", "yes", "no"]
SessionStatus = Literal["active", "on_break", "done", "stopped"]
# The listening machine's steps, in order: closeness_tui.listening.STEPS is read from this type.
ListeningStep = Literal[
    "setup",
    "readiness",
    "speaking",
    "summary",
    "rating",
    "clarify",
    "more",
    "validation",
    "empathy",
    "swap",
    "closing",
    "break",
    "done",
]
StatementForm = Literal["short", "long"]
CheckInKind = Literal["nightly", "gratitude", "weekly"]
CheckInStatus = Literal["active", "done"]
PromiseReview = Literal["kept", "partly", "not_yet"]
Freq = Literal["weekly", "monthly"]
Lead = Literal["either", "both", "a", "b"]
MarkStatus = Literal["done", "skipped"]
MonthNth = Literal[1, 2, 3, 4, -1]  # the nth weekday of a month; -1 = the last
TimeOfDay = Annotated[str, msgspec.Meta(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]


def new_id() -> str:
    return str(uuid.uuid4())


class Record(msgspec.Struct, kw_only=True, omit_defaults=True):
    TABLE: ClassVar[str] = ""
    id: str = msgspec.field(default_factory=new_id)


# -- settings -------------------------------------------------------------------------


class Settings(Record, kw_only=True):
    TABLE: ClassVar[str] = "settings"
    partner_a: str = ""
    partner_b: str = ""
    theme: str = "textual-dark"
    bell: bool = True
    week_starts_on: Weekday = 0
    weekly_target_minutes: Count | None = None
    question_of_the_day: bool = True  # show a question of the day on Home

    @property
    def names(self) -> tuple[str, str]:
        return (self.partner_a, self.partner_b)

    @property
    def named(self) -> bool:
        return bool(self.partner_a and self.partner_b)

    def name(self, seat: int) -> str:
        return self.names[seat]


# -- listening sessions ----------------------------------------------------------------


class Summary(msgspec.Struct, kw_only=True, omit_defaults=True):
    """One reflection by the listener and the speaker's answer to it."""

    text: str = ""
    rating: Rating = ""
    clarification_seconds: Seconds = 0.0  # the speaker's timed clarification after this rating
    at: datetime | None = None
    kind: SummaryKind = "summary"  # first, after a clarification, after "Is there more?"
    unsent: bool = False  # typed but never sent: kept when the turns were stopped early


class Turn(msgspec.Struct, kw_only=True, omit_defaults=True):
    speaker: Seat
    round: Positive = 1
    planned_seconds: Seconds = 0.0
    actual_seconds: Seconds = 0.0
    pauses: Count = 0
    added_seconds: Seconds = 0.0
    summaries: list[Summary] = msgspec.field(default_factory=list)
    more: str = ""  # free text about "Is there more?" (the extra part's summaries are in summaries)
    validation: str = ""
    empathy: str = ""
    more_answer: MoreAnswer = ""  # "Is there more?": "" when not asked
    more_seconds: Seconds = 0.0  # time spent speaking after "Is there more?"
    moved_on: bool = False  # they chose to move on before a "Got it"


class Break(msgspec.Struct, kw_only=True, omit_defaults=True):
    started_at: datetime
    return_at: datetime
    ended_at: datetime | None = None
    called_by: Seat | None = None


class ListeningSession(Record, kw_only=True):
    TABLE: ClassVar[str] = "listening"
    started_at: datetime
    updated_at: datetime | None = None
    topic: str = ""
    names: list[str] = msgspec.field(default_factory=list)
    first_speaker: Seat = 0
    turn_seconds: Positive = 300
    rounds: Positive = 1
    readiness: dict[str, bool] | None = None  # None = skipped
    readiness_skipped: bool = False
    turns: list[Turn] = msgspec.field(default_factory=list)
    closing: list[str] = msgspec.field(default_factory=lambda: ["", ""])
    breaks: list[Break] = msgspec.field(default_factory=list)
    status: SessionStatus = "active"  # "stopped": set aside unfinished
    state: dict[str, object] = msgspec.field(default_factory=dict)  # resumable machine state
    draft: str = ""  # words being typed in the summary box, kept across restarts
    speaker_note: str = ""  # an I-statement the first speaker chose to keep in view
    mirroring: bool = True  # offer "Is there more?", validation and empathy after "Got it"
    finished_at: datetime | None = None
    checkin_id: str | None = None  # the weekly check-in whose "one issue" this talks through
    break_signal: str = ""  # the word or gesture they agreed for calling a break

    def __post_init__(self) -> None:
        problem = _state_problem(self.state, self.rounds * 2)
        if problem:  # msgspec turns this into a ValidationError naming the record
            raise ValueError(f"its saved position {problem}")


_STEPS = frozenset(get_args(ListeningStep))


def _number(value: object, *, negative: bool = False) -> bool:
    """A finite number (>= 0 unless `negative`: a turn's remaining time runs below zero in
    its overtime, while the speaker finishes a sentence)."""
    if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
        return False
    return negative or value >= 0


def _state_problem(state: dict[str, object], turns: int) -> str:
    """What is wrong with a listening session's saved position (see listening.sync), or ""."""
    step = state.get("step", "setup")
    if step not in _STEPS:
        return "has an unknown step"
    resume = state.get("resume_step")
    if resume is not None and resume not in _STEPS:
        return "resumes to an unknown step"
    turn = state.get("turn", 0)
    if not isinstance(turn, int) or isinstance(turn, bool) or not 0 <= turn <= turns:
        return "names a turn that does not exist"
    if state.get("summary_kind", "summary") not in get_args(SummaryKind):
        return "has an unknown kind of summary"
    timer = state.get("timer")
    readable = (
        isinstance(timer, dict)
        and _number(timer.get("planned"))
        and _number(timer.get("remaining"), negative=True)
    )
    if timer is not None and not readable:
        return "has a timer that cannot be read"
    return ""


# -- I-statements ------------------------------------------------------------------------


class Statement(Record, kw_only=True):
    TABLE: ClassVar[str] = "statements"
    author: Seat
    created_at: datetime
    updated_at: datetime | None = None
    feeling: str = ""
    situation: str = ""
    need: str = ""
    request: str = ""
    form: StatementForm = "short"
    text: str = ""
    complaint: str = ""


# -- check-ins and gratitude --------------------------------------------------------------


BOTH = -1  # the seat of something the two partners hold together (a shared goal)


class Answer(msgspec.Struct, kw_only=True, omit_defaults=True):
    """One thing a partner wrote in a check-in.

    `seat` is who wrote it (BOTH for a shared goal). `part` says which part of the check-in
    it belongs to: "" or "answer" (a nightly question), "reply" (the other's one line back),
    "gratitude", "appreciation", "went_well", "goal_shared", "goal_personal". In
    `CheckIn.promises`, `seat` is the partner who will try to keep the promise and `text`
    is what the other asked for.
    """

    seat: Annotated[int, msgspec.Meta(ge=BOTH, le=1)]
    prompt: str
    text: str = ""
    reply: str = ""  # the other partner's one-line answer
    part: str = ""


class CheckIn(Record, kw_only=True):
    TABLE: ClassVar[str] = "checkins"
    kind: CheckInKind
    created_at: datetime
    answers: list[Answer] = msgspec.field(default_factory=list)
    promises: list[Answer] = msgspec.field(default_factory=list)
    # Last week's promises looked back on: str(index in that check-in's promises) ->
    # "kept", "partly" or "not_yet"; `reviewed_id` names that earlier check-in.
    promise_review: dict[str, PromiseReview] = msgspec.field(default_factory=dict)
    reviewed_id: str | None = None
    listening_id: str | None = None
    issue: str = ""  # the weekly check-in's one issue, in a few words
    status: CheckInStatus = "done"  # "active" while under way (saved step by step)
    step: str = ""  # where an unfinished check-in was left
    updated_at: datetime | None = None
    timer_seconds: Count = 0  # the shared timer's length, when they used one


# -- rituals -------------------------------------------------------------------------------


class Pause(msgspec.Struct, kw_only=True, omit_defaults=True):
    """A stretch when a ritual was paused: from `start` up to (not including) `end`."""

    start: date
    end: date | None = None  # None = still paused


class Ritual(Record, kw_only=True):
    TABLE: ClassVar[str] = "rituals"
    name: str
    note: str = ""
    template: str = ""
    freq: Freq = "weekly"
    weekdays: list[Weekday] = msgspec.field(default_factory=list)
    interval: Positive = 1
    month_day: Annotated[int, msgspec.Meta(ge=1, le=31)] | None = None
    month_nth: MonthNth | None = None  # -1 = last, with weekdays[0]
    time_of_day: TimeOfDay | None = None
    duration_minutes: Count = 10
    lead: Lead = "both"
    active: bool = True
    start: date
    created_at: datetime | None = None
    updated_at: datetime | None = None
    pauses: list[Pause] = msgspec.field(default_factory=list)
    ended_on: date | None = None  # removed from the plan; past weeks keep their history


class RitualMark(Record, kw_only=True):
    TABLE: ClassVar[str] = "ritual_marks"
    ritual_id: str
    occurrence: date
    status: MarkStatus = "done"
    note: str = ""
    at: datetime | None = None


# -- conversation cards and profiles (cards.py, profiles.py) ------------------------------


class CardPlay(Record, kw_only=True):
    """One card drawn and answered (or passed). The card's words are kept as they were."""

    TABLE: ClassVar[str] = "card_plays"
    card_id: str
    deck: str
    question: str
    asker: Annotated[int, msgspec.Meta(ge=0, le=1)]  # seat; the other answers
    played_at: datetime
    outcome: str = "talked"  # "talked" or "passed"
    notes: list[str] = msgspec.field(default_factory=lambda: ["", ""])  # one line per seat


class CardFavourite(Record, kw_only=True):
    TABLE: ClassVar[str] = "card_favourites"
    card_id: str
    question: str
    added_at: datetime


class DailyQuestion(Record, kw_only=True):
    """The question of the day: each answers in turn; shown once both have answered."""

    TABLE: ClassVar[str] = "daily_questions"
    day: date
    card_id: str
    question: str
    answers: list[str] = msgspec.field(default_factory=lambda: ["", ""])  # by seat
    first: int | None = None  # the seat that answered first
    updated_at: datetime | None = None


class Profile(Record, kw_only=True):
    """One dated version of a partner's profile; each save adds one (history shows change).
    Every field is optional."""

    TABLE: ClassVar[str] = "profiles"
    seat: Annotated[int, msgspec.Meta(ge=0, le=1)]
    saved_at: datetime
    love: list[str] = msgspec.field(default_factory=list)  # ways of receiving love, most first
    flooded: list[str] = msgspec.field(default_factory=list)  # calming ids (profiles.toml)
    stress: str = ""
    flooded_note: str = ""
    rhythm: str = ""
    joys: str = ""
    worries: str = ""
    hopes: str = ""


class GuessRound(Record, kw_only=True):
    """The game "How well do you know me?": one partner's guesses about the other's profile."""

    TABLE: ClassVar[str] = "guess_rounds"
    guesser: Annotated[int, msgspec.Meta(ge=0, le=1)]
    played_at: datetime
    profile_id: str  # the version of the other's profile the guesses were compared with
    guesses: dict[str, str] = msgspec.field(default_factory=dict)  # field -> guess


# -- drafts ------------------------------------------------------------------------------


class Draft(Record, kw_only=True):
    """Words typed into a screen's boxes and not yet kept in their own record (see
    closeness_tui.drafts). One per screen-and-subject `key`; its id is derived from the key."""

    TABLE: ClassVar[str] = "drafts"
    key: str
    fields: dict[str, str] = msgspec.field(default_factory=dict)
    updated_at: datetime | None = None


# -- after a fight, and solving it together ------------------------------------------------


class Reality(msgspec.Struct, kw_only=True, omit_defaults=True):
    """One partner's own experience of the fight, and the other's summaries of it."""

    text: str = ""
    summaries: list[Summary] = msgspec.field(default_factory=list)
    clarifications: list[str] = msgspec.field(default_factory=list)
    makes_sense: str = ""  # written by the other: one part that makes sense to them
    moved_on: bool = False


class Side(msgspec.Struct, kw_only=True, omit_defaults=True):
    """What one partner said in an after-a-fight conversation."""

    feelings: str = ""
    reality: Reality = msgspec.field(default_factory=Reality)
    triggers: list[str] = msgspec.field(default_factory=list)  # from the common list
    trigger_note: str = ""  # what set them off, and any memory it touched
    owns: str = ""
    regret: str = ""
    differently: str = ""  # becomes a promise the weekly check-in looks back on
    apology: str = ""
    apology_answer: str = ""  # the other's answer: "", "accept" or "need_time"


class AfterFight(Record, kw_only=True):
    TABLE: ClassVar[str] = "after_fight"
    started_at: datetime
    updated_at: datetime | None = None
    topic: str = ""
    names: list[str] = msgspec.field(default_factory=list)
    readiness: dict[str, bool] | None = None
    readiness_skipped: bool = False
    sides: list[Side] = msgspec.field(default_factory=lambda: [Side(), Side()])
    breaks: list[Break] = msgspec.field(default_factory=list)
    break_signal: str = ""  # read by the listening session's break screen (shared)
    status: str = "active"  # "active", "on_break", "done", "stopped"
    state: dict[str, object] = msgspec.field(default_factory=dict)
    draft: str = ""
    finished_at: datetime | None = None


class Idea(msgspec.Struct, kw_only=True, omit_defaults=True):
    """One option for solving a problem, and how each partner marked it."""

    text: str
    by: int = BOTH  # the seat who suggested it
    marks: list[str] = msgspec.field(default_factory=lambda: ["", ""])  # "works", "could", "no"


class Try(msgspec.Struct, kw_only=True, omit_defaults=True):
    """One option tried for a trial period, and how its review went."""

    option: int  # index into Solution.options
    plans: list[str] = msgspec.field(default_factory=lambda: ["", ""])  # who does what, by seat
    by_when: str = ""
    started_on: date
    review_on: date
    outcome: str = ""  # "", "keep", "adjust", "another"
    reviewed_at: datetime | None = None
    note: str = ""


class Solution(Record, kw_only=True):
    TABLE: ClassVar[str] = "solutions"
    started_at: datetime
    updated_at: datetime | None = None
    names: list[str] = msgspec.field(default_factory=list)
    topic: str = ""  # the listening session's or check-in's topic it came from
    listening_id: str | None = None
    checkin_id: str | None = None
    problem: str = ""
    core: list[str] = msgspec.field(default_factory=lambda: ["", ""])  # cannot give up
    flexible: list[str] = msgspec.field(default_factory=lambda: ["", ""])
    options: list[Idea] = msgspec.field(default_factory=list)
    tries: list[Try] = msgspec.field(default_factory=list)
    breaks: list[Break] = msgspec.field(default_factory=list)
    break_signal: str = ""  # read by the listening session's break screen (shared)
    status: str = "active"  # "active", "on_break", "trial", "kept", "stopped"
    state: dict[str, object] = msgspec.field(default_factory=dict)
    draft: str = ""
    finished_at: datetime | None = None


class PatternNote(Record, kw_only=True):
    """A note about a topic that keeps coming back, which the couple chose to hide."""

    TABLE: ClassVar[str] = "pattern_notes"
    topic: str
    dismissed_at: datetime


RECORD_TYPES: tuple[type[Record], ...] = (
    Settings,
    ListeningSession,
    Statement,
    CheckIn,
    Ritual,
    RitualMark,
    CardPlay,
    CardFavourite,
    DailyQuestion,
    Profile,
    GuessRound,
    Draft,
    AfterFight,
    Solution,
    PatternNote,
)
TABLES: dict[str, type[Record]] = {t.TABLE: t for t in RECORD_TYPES}
