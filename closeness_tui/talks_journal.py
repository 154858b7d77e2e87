"""Journal entries for the two talks after a listening session: after a fight, and
solving it together. Pure functions, no Textual; every partner's word is carried as plain
text in Blocks (shown with safe(), exported with md_text())."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from closeness_tui.journal import AFTER_FIGHT, SOLVE, Block, Entry, _entry, _fill, _who
from closeness_tui.models import BOTH, AfterFight, Solution


def after_fight_entry(f: AfterFight, names: Sequence[str]) -> Entry:
    from closeness_tui.repairtext import repair_text

    words = repair_text().journal
    used = f.names if len(f.names) == 2 else list(names)
    answers = {"accept": words.accept, "need_time": words.need_time}
    blocks: list[Block] = []

    def add(seat: int, label: str, text: str) -> None:
        if text:
            blocks.append(Block(used[seat], label, text))

    for seat, side in enumerate(f.sides[:2]):
        add(seat, words.feelings, side.feelings)
    for seat, side in enumerate(f.sides[:2]):
        other = 1 - seat
        reality = side.reality
        add(seat, words.reality, reality.text)
        for n, summary in enumerate(reality.summaries, 1):
            label = _fill(words.summary, n=n, about=used[seat])
            from closeness_tui.journal import _rated

            add(other, _rated(label, summary.rating), summary.text)
        for text in reality.clarifications:
            add(seat, words.clarify, text)
        add(other, _fill(words.makes_sense, about=used[seat]), reality.makes_sense)
    for seat, side in enumerate(f.sides[:2]):
        add(seat, words.triggers, "\n".join([", ".join(side.triggers), side.trigger_note]).strip())
    for field in ("owns", "regret", "differently"):
        for seat, side in enumerate(f.sides[:2]):
            add(seat, getattr(words, field), getattr(side, field))
    for seat, side in enumerate(f.sides[:2]):
        add(seat, words.apology, side.apology)
        if side.apology_answer:
            add(1 - seat, _fill(words.answer, about=used[seat]), answers[side.apology_answer])
    return _entry(
        AFTER_FIGHT, f.started_at, (0, 1), f.topic, f.id, blocks, finished=f.status == "done"
    )


def solution_entry(s: Solution, names: Sequence[str]) -> Entry:
    from closeness_tui.solvetext import solve_text

    text = solve_text()
    words = text.journal
    used = s.names if len(s.names) == 2 else list(names)
    both = _who(used, BOTH)
    marks = {"works": text.marks.works, "could": text.marks.could, "no": text.marks.no}
    outcomes = {"keep": words.keep, "adjust": words.adjust, "another": words.another}
    blocks: list[Block] = []
    if s.problem:
        blocks.append(Block(both, words.problem, s.problem))
    for seat in (0, 1):
        for label, said in ((words.core, s.core[seat]), (words.flexible, s.flexible[seat])):
            if said:
                blocks.append(Block(used[seat], label, said))
    unmarked = text.marks.unmarked
    for idea in s.options:
        label = _fill(
            words.marks,
            a=used[0],
            b=used[1],
            ma=marks.get(idea.marks[0], unmarked),
            mb=marks.get(idea.marks[1], unmarked),
        )
        blocks.append(Block(_who(used, idea.by) or both, f"{words.idea} · {label}", idea.text))
    for attempt in s.tries:
        option = s.options[attempt.option].text if attempt.option < len(s.options) else ""
        tried = _fill(
            words.tried,
            start=attempt.started_on.isoformat(),
            review=attempt.review_on.isoformat(),
        )
        blocks.append(Block(both, tried, option))
        for seat in (0, 1):
            if attempt.plans[seat]:
                blocks.append(Block(used[seat], words.plan, attempt.plans[seat]))
        if attempt.by_when:
            blocks.append(Block(both, words.by_when, attempt.by_when))
        if attempt.outcome:
            said = outcomes[attempt.outcome]
            blocks.append(Block(both, words.outcome, f"{said}\n{attempt.note}".strip()))
    entry = _entry(
        SOLVE, s.started_at, (0, 1), s.topic or s.problem, s.id, blocks, s.status != "active"
    )
    return replace(entry, link=s.listening_id)
