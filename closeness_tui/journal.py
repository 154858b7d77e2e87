"""The couple's journal as pure functions: one timeline of every record, filters, search,
insights and the Markdown export. No Textual here.

Everything a partner wrote is carried as plain text in `Block`s; screens show it with
`text.safe()` and the export escapes it with `md_text()` so it reads exactly as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from string import Template

from closeness_tui.checkins import (
    ANSWER,
    APPRECIATION,
    GOAL_PERSONAL,
    GOAL_SHARED,
    GRATITUDE,
    NIGHTLY,
    PROMISE_STATUSES,
    REPLY,
    WEEKLY,
    WENT_WELL,
    review_counts,
    visible_gratitude,
)
from closeness_tui.models import (
    BOTH,
    AfterFight,
    CheckIn,
    ListeningSession,
    Ritual,
    RitualMark,
    Statement,
)

LISTENING = "listening"
STATEMENT = "statement"
RITUAL = "ritual"
# Cards, questions of the day, profiles and guessing games: closeness_tui/cards_journal.py.
CARD_KINDS = ("card", "question", "profile", "guess")
AFTER_FIGHT = "after_fight"  # entries built in talks_journal.py
SOLVE = "solve"
TALK_KINDS = (AFTER_FIGHT, SOLVE)
KINDS = (LISTENING, STATEMENT, NIGHTLY, GRATITUDE, WEEKLY, RITUAL, *CARD_KINDS, *TALK_KINDS)
# What "sessions and check-ins" counts in the insights.
ACTIVITY_KINDS = frozenset({LISTENING, NIGHTLY, GRATITUDE, WEEKLY, AFTER_FIGHT, SOLVE})


@dataclass(frozen=True)
class Block:
    """One piece of an entry: who (a name, or both names), what it answers, what they wrote."""

    who: str
    label: str
    text: str


@dataclass(frozen=True)
class Entry:
    kind: str
    at: datetime
    seats: frozenset[int]
    title: str  # the partner-written headline (a topic, a ritual's name), may be ""
    summary: str  # the first words, for the timeline row
    record_id: str
    blocks: tuple[Block, ...] = ()
    finished: bool = True
    link: str | None = None  # a listening session this entry talked an issue through in
    _haystack: str = field(default="", repr=False, compare=False)

    def matches(self, query: str) -> bool:
        words = query.casefold().split()
        return all(w in self._haystack for w in words)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.astimezone()


def _first_line(text: str, limit: int = 60) -> str:
    line = text.strip().split("\n", 1)[0]
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _entry(
    kind: str,
    at: datetime,
    seats: Iterable[int],
    title: str,
    record_id: str,
    blocks: Sequence[Block],
    finished: bool = True,
) -> Entry:
    first = next((b.text for b in blocks if b.text.strip()), "")
    summary = _first_line(title or first)
    hay = "\n".join([title, *(f"{b.who}\n{b.label}\n{b.text}" for b in blocks)]).casefold()
    return Entry(
        kind=kind,
        at=_aware(at),
        seats=frozenset(s for s in seats if s in (0, 1)),
        title=title,
        summary=summary,
        record_id=record_id,
        blocks=tuple(blocks),
        finished=finished,
        _haystack=hay,
    )


def _labels():  # -> checkins_text.Labels (content/checkins.toml [journal.labels])
    from closeness_tui.checkins_text import checkins_text

    return checkins_text().journal.labels


def _fill(template: str, **values: object) -> str:
    return Template(template).safe_substitute(**{k: str(v) for k, v in values.items()})


def _who(names: Sequence[str], seat: int) -> str:
    if seat == BOTH:
        return _fill(_labels().both, a=names[0], b=names[1])
    return names[seat] if seat in (0, 1) else ""


# -- building the timeline ----------------------------------------------------------------


def _rated(label: str, rating: str) -> str:
    words = _labels()
    word = {"got_it": words.got_it, "partly": words.partly, "not_quite": words.not_quite}
    said = word.get(rating, rating)
    return _fill(words.rated, label=label, rating=said) if said else label


def listening_entry(s: ListeningSession, names: Sequence[str]) -> Entry:
    words = _labels()
    used = s.names if len(s.names) == 2 else list(names)
    blocks: list[Block] = []
    for turn in s.turns:
        listener = 1 - turn.speaker
        for n, summary in enumerate(turn.summaries, 1):
            label = _fill(words.summary, n=n, speaker=used[turn.speaker])
            blocks.append(Block(used[listener], _rated(label, summary.rating), summary.text))
        for label, text in (
            (words.more, turn.more),
            (words.validation, turn.validation),
            (words.empathy, turn.empathy),
        ):
            if text:
                blocks.append(Block(used[listener], label, text))
    for seat, text in enumerate(s.closing[:2]):
        if text:
            blocks.append(Block(used[seat], words.closing, text))
    return _entry(
        LISTENING, s.started_at, (0, 1), s.topic, s.id, blocks, finished=s.status == "done"
    )


def statement_entry(st: Statement, names: Sequence[str]) -> Entry:
    words = _labels()
    who = _who(names, st.author)
    if st.text:
        blocks = [Block(who, words.statement, st.text)]
    else:
        blocks = [
            Block(who, label, text)
            for label, text in (
                (words.feeling, st.feeling),
                (words.situation, st.situation),
                (words.need, st.need),
                (words.request, st.request),
            )
            if text
        ]
    return _entry(STATEMENT, st.created_at, (st.author,), "", st.id, blocks)


def checkin_entry(
    c: CheckIn,
    names: Sequence[str],
    previous: CheckIn | None = None,
    fights: Mapping[str, AfterFight] | None = None,
) -> Entry:
    """A check-in's entry; a weekly one shows the promises it looked back on: last week's
    (from `previous`) and what each said they would do differently after a fight (the talks
    from `fights`, by id)."""
    words = _labels()
    parts = {
        APPRECIATION: words.appreciation,
        WENT_WELL: words.went_well,
        GOAL_SHARED: words.goal_shared,
        GOAL_PERSONAL: words.goal_personal,
        GRATITUDE: words.gratitude,
        REPLY: words.reply,
    }
    statuses = {"kept": words.kept, "partly": words.partly, "not_yet": words.not_yet}
    blocks: list[Block] = []
    if c.kind == WEEKLY and previous is not None and c.promise_review:
        for i, promise in enumerate(previous.promises):
            status = c.promise_review.get(str(i), "")
            if status in PROMISE_STATUSES:
                label = _fill(words.lookback, status=statuses[status])
                blocks.append(Block(_who(names, promise.seat), label, promise.text))
    if c.kind == WEEKLY and fights and c.promise_review:
        from closeness_tui.fight_promises import reviewed

        for status, seat, text in reviewed(c.promise_review, fights):
            label = _fill(words.fight_lookback, status=statuses[status])
            blocks.append(Block(_who(names, seat), label, text))
    answers = c.answers
    if c.kind == GRATITUDE:
        # Hidden until both have written, here too: a half exchange shows no words.
        answers = visible_gratitude(c.answers)
    for a in answers:
        label = a.prompt if a.part in ("", ANSWER) else parts.get(a.part, a.prompt)
        blocks.append(Block(_who(names, a.seat), label, a.text))
        if a.reply:
            blocks.append(Block(_who(names, 1 - a.seat), words.reply, a.reply))
    if c.issue:
        blocks.append(Block(_who(names, BOTH), words.issue, c.issue))
    for p in c.promises:
        blocks.append(Block(_who(names, p.seat), words.promise, p.text))
    seats = {a.seat for a in c.answers} | {p.seat for p in c.promises}
    if BOTH in seats or c.kind == WEEKLY:
        seats |= {0, 1}
    entry = _entry(c.kind, c.created_at, seats, c.issue, c.id, blocks, c.status == "done")
    return replace(entry, link=c.listening_id)


def ritual_entry(mark: RitualMark, ritual: Ritual, names: Sequence[str]) -> Entry:
    seats = {"a": (0,), "b": (1,)}.get(ritual.lead, (0, 1))
    at = mark.at or datetime.combine(mark.occurrence, time(12, 0))
    blocks = [Block(_who(names, BOTH), _labels().note, mark.note)] if mark.note else []
    return _entry(RITUAL, at, seats, ritual.name, mark.id, blocks)


def timeline(
    names: Sequence[str],
    *,
    listening: Iterable[ListeningSession] = (),
    statements: Iterable[Statement] = (),
    checkins: Iterable[CheckIn] = (),
    rituals: Iterable[Ritual] = (),
    marks: Iterable[RitualMark] = (),
    fights: Iterable[AfterFight] = (),
) -> list[Entry]:
    """Everything the couple has done, newest first. Only rituals marked done appear
    (`fights` are read for the promises a weekly check-in looked back on)."""
    entries = [listening_entry(s, names) for s in listening]
    entries += [statement_entry(s, names) for s in statements]
    checkins = list(checkins)
    by_id = {c.id: c for c in checkins}
    talks = {f.id: f for f in fights}
    entries += [checkin_entry(c, names, by_id.get(c.reviewed_id or ""), talks) for c in checkins]
    ritual_by_id = {r.id: r for r in rituals}
    entries += [
        ritual_entry(m, ritual_by_id[m.ritual_id], names)
        for m in marks
        if m.status == "done" and m.ritual_id in ritual_by_id
    ]
    return sorted(entries, key=lambda e: (e.at, e.record_id), reverse=True)


def filter_entries(
    entries: Iterable[Entry],
    *,
    kind: str | None = None,
    seat: int | None = None,
    query: str = "",
    start: date | None = None,
    end: date | None = None,
) -> list[Entry]:
    """Entries of one kind, with one partner, containing every word of `query`, in a range."""
    return [
        e
        for e in entries
        if (kind is None or e.kind == kind)
        and (seat is None or seat in e.seats)
        and (start is None or e.at.date() >= start)
        and (end is None or e.at.date() <= end)
        and e.matches(query)
    ]


# -- insights --------------------------------------------------------------------------------


def week_start(day: date, starts_on: int = 0) -> date:
    return day - timedelta(days=(day.weekday() - starts_on) % 7)


def activity_per_week(
    entries: Iterable[Entry], today: date, weeks: int = 12, starts_on: int = 0
) -> list[int]:
    """Finished listening sessions and check-ins per week, oldest week first; the last
    number is the week containing `today`."""
    current = week_start(today, starts_on)
    counts = [0] * weeks
    for e in entries:
        if e.kind not in ACTIVITY_KINDS or not e.finished:
            continue
        back = (current - week_start(e.at.date(), starts_on)).days // 7
        if 0 <= back < weeks:
            counts[weeks - 1 - back] += 1
    return counts


def first_try_counts(session: ListeningSession) -> tuple[int, int]:
    """(turns whose first summary was confirmed at once, turns with any summary)."""
    rated = [t for t in session.turns if t.summaries and t.summaries[0].rating]
    confirmed = sum(1 for t in rated if t.summaries[0].rating == "got_it")
    return confirmed, len(rated)


def listening_accuracy(sessions: Iterable[ListeningSession]) -> list[float]:
    """Per session, oldest first: the share of summaries confirmed at the first try."""
    series = []
    for s in sorted(sessions, key=lambda s: _aware(s.started_at)):
        confirmed, total = first_try_counts(s)
        if total:
            series.append(confirmed / total)
    return series


def accuracy_overall(sessions: Iterable[ListeningSession]) -> tuple[int, int, int]:
    """(confirmed at first try, summaries, sessions with summaries)."""
    confirmed = total = counted = 0
    for s in sessions:
        c, t = first_try_counts(s)
        if t:
            confirmed, total, counted = confirmed + c, total + t, counted + 1
    return confirmed, total, counted


OccursOn = Callable[[Ritual, date], bool]


def ritual_planner() -> OccursOn | None:
    """The rituals planner's `occurs_on(ritual, day)` (imported when insights are first
    worked out). None counts marked days only (see ritual_follow_through)."""
    from closeness_tui.rituals import occurs_on

    return occurs_on


def ritual_follow_through(
    rituals: Iterable[Ritual],
    marks: Iterable[RitualMark],
    today: date,
    days: int = 28,
    occurs_on: OccursOn | None = None,
) -> tuple[int, int]:
    """(times kept, times that count) over the `days` days ending today, by the planner's
    one definition (closeness_tui.rituals.tally_between): ended rituals keep their history,
    skips, pauses and days before a ritual existed never count.
    never count. `occurs_on` is accepted for older callers and no longer needed."""
    from closeness_tui.rituals import tally_between

    tally = tally_between(rituals, marks, today - timedelta(days=days - 1), today, today)
    return tally.done, tally.due


def promises_kept(checkins: Iterable[CheckIn]) -> dict[str, int]:
    """How many of last weeks' promises were kept, partly kept, not yet kept."""
    return dict(review_counts(checkins))


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "-"


# -- Markdown export ---------------------------------------------------------------------------
#
# Partners' words must read exactly as written, not turn into formatting. So the characters
# that make formatting anywhere in a line (\ ` * _ [ ] < > & | ~) are backslash-escaped,
# which CommonMark defines as "show this character literally"; so is whatever would start a
# heading, list or rule at the start of a line (# + - = and "1." / "1)"). Whitespace at the
# start or end of a line (it would start a code block, or be dropped) becomes character
# references (&#32; for a space). Each line break is a hard line break, an empty line a
# paragraph break (several empty lines read as one). Emoji and right-to-left text are
# written as they are (UTF-8). tests/unit/test_markdown_export.py renders the result with
# markdown-it (CommonMark) and checks the text comes back unchanged.

_MD_ANYWHERE = re.compile(r"([\\`*_\[\]<>&|~])")
_MD_LIST_NUMBER = re.compile(r"^(\d+)([.)])")


def _refs(space: str) -> str:
    return "".join(f"&#{ord(ch)};" for ch in space)


def md_escape(text: str) -> str:
    """One line of partner text, escaped so Markdown shows it literally."""
    escaped = _MD_ANYWHERE.sub(r"\\\1", text)
    rest = escaped.lstrip()
    lead = escaped[: len(escaped) - len(rest)]
    body = rest.rstrip()
    trail = rest[len(body) :]
    if body[:1] in ("#", "+", "-", "="):
        body = "\\" + body
    body = _MD_LIST_NUMBER.sub(r"\1\\\2", body)
    return _refs(lead) + body + _refs(trail)


def md_text(text: str) -> str:
    """Partner text of any length: each line escaped, lines kept with hard breaks, empty
    lines kept as paragraph breaks."""
    out = []
    for line in text.split("\n"):
        out.append(md_escape(line))
    joined = ""
    for i, line in enumerate(out):
        if i:
            prev_empty = out[i - 1] == ""
            joined += "\n" if (line == "" or prev_empty) else "\\\n"
        joined += line
    return joined


def md_quote(text: str) -> str:
    """Partner text as a Markdown block quote."""
    return "\n".join(f"> {line}" if line else ">" for line in md_text(text).split("\n"))


def to_markdown(
    entries: Sequence[Entry],
    names: Sequence[str],
    kind_labels: dict[str, str],
    words: dict[str, str],
    now: datetime,
    start: date | None = None,
    end: date | None = None,
) -> str:
    """The journal (or a date range of it) as a readable Markdown document, oldest first.

    `words` holds the content/checkins.toml [export] lines (title, range, all, exported,
    empty); `kind_labels` the [journal.kinds] names."""
    chosen = sorted(
        filter_entries(entries, start=start, end=end), key=lambda e: (e.at, e.record_id)
    )
    end_day = end or now.date()
    head = f"# {md_escape(words['title'])}: {md_escape(names[0])} & {md_escape(names[1])}"
    span = (
        _fill(words["range"], start=start.isoformat(), end=end_day.isoformat())
        if start
        else _fill(words["all"], end=end_day.isoformat())
    )
    parts = [
        head,
        "",
        span,
        "",
        "_" + _fill(words["exported"], when=now.strftime("%Y-%m-%d %H:%M")) + "_",
    ]
    if not chosen:
        parts += ["", words["empty"]]
    day: date | None = None
    for e in chosen:
        if e.at.date() != day:
            day = e.at.date()
            parts += ["", f"## {day.strftime('%A')} {day.isoformat()}"]
        title = kind_labels.get(e.kind, e.kind)
        if e.title:
            title += f": {md_escape(e.title)}"
        if not e.finished:
            title += " " + md_escape(words.get("unfinished", ""))
        parts += ["", f"### {e.at.strftime('%H:%M')} · {title.rstrip()}"]
        for b in e.blocks:
            parts += ["", f"**{md_escape(b.who)}** · {md_escape(b.label)}", "", md_quote(b.text)]
    return "\n".join(parts) + "\n"


# -- reading the store -------------------------------------------------------------------------


def from_store(store: object, names: Sequence[str]) -> list[Entry]:
    """The whole timeline from an open Store (anything with `.all(RecordType)`)."""
    get = store.all  # type: ignore[attr-defined]
    entries = timeline(
        names,
        listening=get(ListeningSession),
        statements=get(Statement),
        checkins=get(CheckIn),
        rituals=get(Ritual),
        marks=get(RitualMark),
        fights=get(AfterFight),
    )
    entries += talk_and_card_entries(store, names)
    return sorted(entries, key=lambda e: (e.at, e.record_id), reverse=True)


def talk_and_card_entries(store: object, names: Sequence[str]) -> list[Entry]:
    """The entries of conversation cards, profiles, after-a-fight talks and solutions,
    built whole (they are few next to years of check-ins and marks)."""
    from closeness_tui import cards_journal
    from closeness_tui.models import Solution
    from closeness_tui.talks_journal import after_fight_entry, solution_entry

    get = store.all  # type: ignore[attr-defined]
    entries = cards_journal.from_store(store, names)
    entries += [after_fight_entry(f, names) for f in get(AfterFight)]
    entries += [solution_entry(s, names) for s in get(Solution) if s.problem]
    return entries


def kind_labels() -> dict[str, str]:
    """What each kind of entry is called (content/checkins.toml [journal.kinds])."""
    from closeness_tui import cards_journal
    from closeness_tui.checkins_text import checkins_text
    from closeness_tui.repairtext import repair_text
    from closeness_tui.solvetext import solve_text

    kinds = checkins_text().journal.kinds
    talks = {AFTER_FIGHT: repair_text().journal.kind, SOLVE: solve_text().journal.kind}
    ours = {k: getattr(kinds, k) for k in KINDS if k not in CARD_KINDS and k not in talks}
    return ours | cards_journal.kind_labels() | talks


def markdown_export(
    store: object, now: datetime, start: date | None = None, end: date | None = None
) -> tuple[str, int]:
    """The Markdown document for an open Store, and how many entries it holds."""
    import msgspec

    from closeness_tui.checkins_text import checkins_text

    names = store.settings().names  # type: ignore[attr-defined]
    text = checkins_text()
    entries = from_store(store, names)
    words = msgspec.structs.asdict(text.export) | {"unfinished": text.journal.unfinished}
    document = to_markdown(entries, names, kind_labels(), words, now, start, end)
    return document, len(filter_entries(entries, start=start, end=end))
