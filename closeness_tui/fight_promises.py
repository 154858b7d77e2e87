"""What each partner said they would do differently after a fight, as promises the weekly
check-in looks back on. Pure rules, no Textual.

A weekly check-in looks back on the "one thing I will do differently next time" of every
talk finished since the last weekly check-in, and on those the last one looked back on but
did not mark kept or partly: like last week's promises, a promise not kept yet (or not
looked at) carries on. Each is named in a check-in's `promise_review` by its key,
"fight:<talk id>:<seat>", with the same marks as the weekly's own promises.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from closeness_tui.checkins import CARRIED_ON, PROMISE_STATUSES, WEEKLY, previous_weekly
from closeness_tui.models import AfterFight, CheckIn
from closeness_tui.repair import promises_since

PREFIX = "fight:"


@dataclass(frozen=True)
class FightPromise:
    key: str  # "fight:<talk id>:<seat>", its name in a check-in's promise_review
    seat: int  # who said it, and tries to keep it
    text: str
    day: date  # the day of the talk


def _new(fights: Sequence[AfterFight], since: CheckIn | None, until: CheckIn) -> list[FightPromise]:
    by_id = {f.id: f for f in fights}
    found = []
    after = since.created_at if since is not None else None
    for key, seat, text in promises_since(list(fights), after, until.created_at):
        fight = by_id[key.split(":")[1]]
        found.append(FightPromise(key, seat, text, (fight.finished_at or fight.started_at).date()))
    return found


def _carried(shown: list[FightPromise], review: Mapping[str, str]) -> list[FightPromise]:
    return [p for p in shown if review.get(p.key, "") in CARRIED_ON]


def to_look_back_on(
    fights: Iterable[AfterFight], checkins: Iterable[CheckIn], current: CheckIn
) -> list[FightPromise]:
    """The after-a-fight promises the weekly check-in `current` looks back on: those carried
    on from the last weekly check-in (`checkins.previous_weekly`), then the new ones, oldest
    talk first. Each earlier weekly is walked once, oldest first."""
    done = [f for f in fights if f.status == "done"]
    weeklies = sorted(
        (c for c in checkins if c.kind == WEEKLY and c.status == "done" and c.id != current.id),
        key=lambda c: c.created_at,
    )
    days = [c.created_at.date() for c in weeklies]
    shown: dict[str, list[FightPromise]] = {}
    previous = previous_weekly(weeklies, current.created_at, current.id)
    for weekly in weeklies:
        if weekly.created_at > current.created_at:
            break
        shown[weekly.id] = _looked_back(weekly, weeklies, days, shown, done)
        if weekly is previous:
            break
    if previous is None:
        return _new(done, None, current)
    carried = _carried(shown.get(previous.id, []), previous.promise_review)
    return carried + _new(done, previous, current)


def _looked_back(
    weekly: CheckIn,
    weeklies: list[CheckIn],
    days: list[date],
    shown: dict[str, list[FightPromise]],
    done: list[AfterFight],
) -> list[FightPromise]:
    """What `weekly` looked back on (the weeklies before it are in `shown` already)."""
    i = bisect_left(days, weekly.created_at.date()) - 1  # the last one on an earlier day
    previous = weeklies[i] if i >= 0 else None
    if previous is None:
        return _new(done, None, weekly)
    carried = _carried(shown.get(previous.id, []), previous.promise_review)
    return carried + _new(done, previous, weekly)


def reviewed(
    review: Mapping[str, str], fights: Mapping[str, AfterFight]
) -> list[tuple[str, int, str]]:
    """The after-a-fight promises a check-in marked, as (status, seat, text), oldest talk
    first: for its journal entry and the export. A talk no longer there is passed over."""
    found = []
    for key, status in review.items():
        if not key.startswith(PREFIX) or status not in PROMISE_STATUSES:
            continue
        _, talk_id, seat_text = key.split(":", 2)
        fight = fights.get(talk_id)
        if fight is None or seat_text not in ("0", "1"):
            continue
        seat = int(seat_text)
        text = fight.sides[seat].differently if seat < len(fight.sides) else ""
        if text:
            found.append((fight.started_at, seat, status, text))
    found.sort(key=lambda f: (f[0], f[1]))
    return [(status, seat, text) for _, seat, status, text in found]
