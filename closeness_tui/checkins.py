"""Check-ins as pure rules: the nightly turns, the gratitude reveal, the weekly agenda, the
promise look-back, and which ritual a finished check-in keeps. No Textual here.

Seats are 0 and 1; `models.BOTH` (-1) marks something the two hold together (shared goals).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Final

from closeness_tui.models import (
    BOTH,
    Answer,
    CheckIn,
    CheckInKind,
    CheckInStatus,
    ListeningSession,
    PromiseReview,
    Ritual,
    RitualMark,
)
from closeness_tui.rituals import mark_template_done

NIGHTLY: Final[CheckInKind] = "nightly"
GRATITUDE: Final[CheckInKind] = "gratitude"
WEEKLY: Final[CheckInKind] = "weekly"
KINDS = (NIGHTLY, GRATITUDE, WEEKLY)

# Which ritual template a finished check-in keeps.
RITUAL_TEMPLATES: dict[str, str] = {
    NIGHTLY: "nightly",
    GRATITUDE: "gratitude",
    WEEKLY: "weekly_checkin",
}

# Parts of a check-in an Answer can belong to.
ANSWER = "answer"
REPLY = "reply"
APPRECIATION = "appreciation"
WENT_WELL = "went_well"
GOAL_SHARED = "goal_shared"
GOAL_PERSONAL = "goal_personal"
GOAL_SUPPORT = "goal_support"  # how one partner can support the other's goals

# The promise look-back.
KEPT: Final[PromiseReview] = "kept"
PARTLY: Final[PromiseReview] = "partly"
NOT_YET: Final[PromiseReview] = "not_yet"
PROMISE_STATUSES: tuple[PromiseReview, ...] = (KEPT, PARTLY, NOT_YET)

# The weekly agenda, in order. "lookback" is there only when last week left promises.
WEEKLY_STEPS = ("lookback", "appreciations", "went_well", "issue", "loved", "goals", "done")


def other(seat: int) -> int:
    return 1 - seat


# -- nightly check-in -----------------------------------------------------------------------


@dataclass(frozen=True)
class NightlyStep:
    kind: str  # "write": `writer` answers the questions; "read": `reader` reads, may reply
    writer: int
    reader: int


def nightly_steps(first: int = 0) -> list[NightlyStep]:
    """Each partner in turn answers, then the other reads and may answer with one line."""
    second = other(first)
    return [
        NightlyStep("write", first, second),
        NightlyStep("read", first, second),
        NightlyStep("write", second, first),
        NightlyStep("read", second, first),
    ]


def nightly_answers(seat: int, questions: Sequence[str], texts: Sequence[str]) -> list[Answer]:
    """The questions a partner answered (empty ones are skipped, the rest kept as written)."""
    return [
        Answer(seat=seat, prompt=q, text=t, part=ANSWER)
        for q, t in zip(questions, texts, strict=True)
        if t.strip()
    ]


def reply_answer(reader: int, prompt: str, text: str) -> Answer | None:
    """The reader's one line back, or None when they let it be."""
    if not text.strip():
        return None
    return Answer(seat=reader, prompt=prompt, text=text, part=REPLY)


def written(answers: Iterable[Answer], seat: int, part: str | None = None) -> list[Answer]:
    return [a for a in answers if a.seat == seat and (part is None or a.part == part)]


# -- gratitude exchange ----------------------------------------------------------------------

_WORD = re.compile(r"\w+", re.UNICODE)


def needs_nudge(text: str, vague: Sequence[str], min_words: int) -> bool:
    """True when an appreciation could use a nudge toward specifics: very short, or leaning
    on a vague word ("everything", "being you"). Empty text gets no nudge (nothing to nudge)."""
    words = _WORD.findall(text.casefold())
    if not words:
        return False
    if len(words) < min_words:
        return True
    joined = " ".join(words)
    return any(re.search(rf"\b{re.escape(v.casefold())}\b", joined) for v in vague)


def gratitude_answer(seat: int, prompt: str, text: str) -> Answer:
    return Answer(seat=seat, prompt=prompt, text=text, part=GRATITUDE)


def gratitude_revealed(answers: Iterable[Answer]) -> bool:
    """Shown side by side only once both have written something."""
    seats = {a.seat for a in answers if a.part == GRATITUDE and a.text.strip()}
    return seats >= {0, 1}


def visible_gratitude(answers: Sequence[Answer]) -> list[Answer]:
    """What may be shown now: nothing until both wrote, then both (seat 0 first)."""
    if not gratitude_revealed(answers):
        return []
    return sorted((a for a in answers if a.part == GRATITUDE), key=lambda a: a.seat)


# -- weekly check-in ------------------------------------------------------------------------


def weekly_steps(has_lookback: bool) -> list[str]:
    return [s for s in WEEKLY_STEPS if has_lookback or s != "lookback"]


def previous_step(steps: Sequence[str], current: str) -> str | None:
    """The step before `current` (None on the first: there is nothing to go back to)."""
    if current not in steps:
        return None
    i = steps.index(current)
    return steps[i - 1] if i > 0 else None


def next_step(steps: Sequence[str], current: str) -> str:
    """The step after `current` ("done" stays "done"; an unknown step starts over)."""
    if current not in steps:
        return steps[0]
    i = steps.index(current)
    return steps[min(i + 1, len(steps) - 1)]


def lines(text: str) -> list[str]:
    """One item per non-empty line, each as written (only surrounding spaces dropped)."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def answers_from_lines(seat: int, part: str, prompt: str, text: str) -> list[Answer]:
    return [Answer(seat=seat, prompt=prompt, text=t, part=part) for t in lines(text)]


def joined(answers: Iterable[Answer], seat: int, part: str) -> str:
    """Back from answers to the text box they came from (to resume or to review goals)."""
    return "\n".join(a.text for a in answers if a.seat == seat and a.part == part)


def promises_from(asked: Mapping[int, str], prompt: str) -> list[Answer]:
    """Each partner answers "What can I do to make you feel loved this coming week?"; what
    one asks for becomes the other's promise (seat = who will try to keep it)."""
    out: list[Answer] = []
    for asker in (0, 1):
        for line in lines(asked.get(asker, "")):
            out.append(Answer(seat=other(asker), prompt=prompt, text=line, part="promise"))
    return out


def asked_text(promises: Iterable[Answer], asker: int) -> str:
    """The loved-step box of `asker`, rebuilt from the promises (to resume)."""
    return "\n".join(p.text for p in promises if p.seat == other(asker))


def previous_weekly(
    checkins: Iterable[CheckIn], before: datetime, exclude_id: str | None = None
) -> CheckIn | None:
    """The most recent finished weekly check-in made on an earlier day than `before` (not
    the current one): promises made minutes ago are not "last week's"."""
    earlier = [
        c
        for c in checkins
        if c.kind == WEEKLY
        and c.status == "done"
        and c.created_at.date() < before.date()
        and c.id != exclude_id
    ]
    return max(earlier, key=lambda c: c.created_at, default=None)


@dataclass(frozen=True)
class LookbackItem:
    index: int
    seat: int  # who tried to keep it
    text: str
    status: str  # "" (not looked at yet), "kept", "partly", "not_yet"


def lookback(previous: CheckIn | None, review: Mapping[str, str]) -> list[LookbackItem]:
    """Last week's promises with the statuses given so far in this week's look-back."""
    if previous is None:
        return []
    items = []
    for i, p in enumerate(previous.promises):
        status = review.get(str(i), "")
        items.append(LookbackItem(i, p.seat, p.text, status if status in PROMISE_STATUSES else ""))
    return items


CARRIED_ON = ("", NOT_YET)  # statuses of a promise that comes back in the new week


def carried_promises(previous: CheckIn | None, review: Mapping[str, str]) -> dict[int, str]:
    """Promises not yet kept (marked "not yet", or never marked) come back in the new week:
    asker seat -> their loved-step box, pre-filled with what they asked for and can edit."""
    asked: dict[int, list[str]] = {0: [], 1: []}
    for item in lookback(previous, review):
        if item.status in CARRIED_ON:
            asked[other(item.seat)].append(item.text)
    return {seat: "\n".join(texts) for seat, texts in asked.items() if texts}


def cycle_status(status: str) -> PromiseReview:
    """Enter on a promise moves kept -> partly -> not yet -> kept."""
    if status not in PROMISE_STATUSES:
        return KEPT
    return PROMISE_STATUSES[(PROMISE_STATUSES.index(status) + 1) % len(PROMISE_STATUSES)]


def review_counts(checkins: Iterable[CheckIn]) -> Counter[str]:
    """How last weeks' promises were looked back on, over all finished weekly check-ins."""
    counts: Counter[str] = Counter({s: 0 for s in PROMISE_STATUSES})
    for c in checkins:
        if c.kind != WEEKLY or c.status != "done":
            continue
        for status in c.promise_review.values():
            if status in PROMISE_STATUSES:
                counts[status] += 1
    return counts


def goals_to_review(previous: CheckIn | None) -> dict[tuple[str, int], str]:
    """Last week's goals, to fill this week's boxes: (part, seat) -> text."""
    if previous is None:
        return {}
    return {
        (GOAL_SHARED, BOTH): joined(previous.answers, BOTH, GOAL_SHARED),
        (GOAL_PERSONAL, 0): joined(previous.answers, 0, GOAL_PERSONAL),
        (GOAL_PERSONAL, 1): joined(previous.answers, 1, GOAL_PERSONAL),
    }


def replace_part(answers: Iterable[Answer], part: str, new: Iterable[Answer]) -> list[Answer]:
    """Answers with every one of `part` replaced by `new` (a step saved again)."""
    return [a for a in answers if a.part != part] + list(new)


# -- the weekly's listening session ----------------------------------------------------------


def linked_session(
    checkin: CheckIn, sessions: Iterable[ListeningSession]
) -> ListeningSession | None:
    """The listening session on a weekly's one issue, found from either side of the link
    (the weekly's `listening_id`, or the session's `checkin_id`, saved when it began), so a
    restart in the middle of either loses neither. The newest, when there are several."""
    linked = [s for s in sessions if s.id == checkin.listening_id or s.checkin_id == checkin.id]
    return max(linked, key=lambda s: s.started_at, default=None)


def session_finished(session: ListeningSession) -> bool:
    return session.status == "done"


def waiting_weekly(session: ListeningSession, checkins: Iterable[CheckIn]) -> CheckIn | None:
    """The weekly, still under way, that a finished listening session belongs to (to go
    back to it when the session was carried on from Home)."""
    if session.checkin_id is None:
        return None
    for c in checkins:
        if c.id == session.checkin_id and c.kind == WEEKLY and c.status == "active":
            return c
    return None


# -- rituals ------------------------------------------------------------------------------


def ritual_marks_for(
    kind: str,
    rituals: Iterable[Ritual],
    marks: Iterable[RitualMark],
    today: date,
    now: datetime,
) -> list[RitualMark]:
    """The marks to save when a check-in of `kind` is completed: every active ritual of the
    matching template that is due today is marked done (a "skipped" mark becomes "done").
    The rule itself lives in rituals.mark_template_done; this maps the check-in kind."""
    template = RITUAL_TEMPLATES.get(kind)
    if template is None:
        return []
    return mark_template_done(rituals, marks, template, today, now)


# -- under way and finished ------------------------------------------------------------------

ACTIVE: Final[CheckInStatus] = "active"  # under way: picked up again where it was left
DONE: Final[CheckInStatus] = "done"


def reach_step(checkin: CheckIn, step: str, now: datetime) -> None:
    """The check-in, under way, has reached `step` (saved so it can be picked up there)."""
    checkin.status = ACTIVE
    checkin.step = step
    checkin.updated_at = now


def complete(
    checkin: CheckIn,
    rituals: Iterable[Ritual],
    marks: Iterable[RitualMark],
    today: date,
    now: datetime,
) -> list[RitualMark]:
    """Finish the check-in (done, no step left) and return the ritual marks its completion
    keeps (see ritual_marks_for): the caller saves the check-in first, then the marks."""
    checkin.status = DONE
    checkin.step = ""
    checkin.updated_at = now
    return ritual_marks_for(checkin.kind, rituals, marks, today, now)


# -- the hub ---------------------------------------------------------------------------------


def last_done(checkins: Iterable[CheckIn], kind: str) -> datetime | None:
    """When a check-in of `kind` was last finished, or None."""
    return max(
        (c.created_at for c in checkins if c.kind == kind and c.status == DONE), default=None
    )


def unfinished(checkins: Iterable[CheckIn], kind: str) -> CheckIn | None:
    """The most recent check-in of `kind` left under way (to pick it up again)."""
    return max(
        (c for c in checkins if c.kind == kind and c.status == ACTIVE),
        key=lambda c: c.created_at,
        default=None,
    )


def who_starts(checkins: Iterable[CheckIn], kind: str) -> int:
    """Take turns going first: the seat that starts alternates with each finished one."""
    return sum(1 for c in checkins if c.kind == kind and c.status == DONE) % 2
