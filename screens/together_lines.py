"""The lines Work it out and Home show from the store: a solution's review that is due,
and the gentle note when a topic keeps coming back (closeness_tui.patterns decides)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from closeness_tui.models import AfterFight, ListeningSession, PatternNote, Solution
from closeness_tui.text import safe_template

# Home asks for the due line before its first frame: the rules and words of solving and of
# patterns (about 30 ms of imports) are imported only when there is something to work out.

if TYPE_CHECKING:
    from closeness_tui.app import ClosenessApp


def due_solution(app: ClosenessApp) -> Solution | None:
    if app.store is None:
        return None
    on_trial = app.store.where(Solution, "status", ("trial",))
    if not on_trial:
        return None
    from closeness_tui.solve import due

    today = app.clock.today()
    trying = [s for s in on_trial if due(s, today)]
    return min(trying, key=lambda s: s.tries[-1].review_on, default=None)


def due_line(app: ClosenessApp, short: bool = False) -> Content | None:
    solution = due_solution(app)
    if solution is None:
        return None
    from closeness_tui.solvetext import solve_text

    words = solve_text().home
    since = solution.tries[-1].started_on.strftime("%a %d %b")
    return safe_template(
        words.due_short if short else words.due, problem=solution.problem, since=since
    )


def waiting_talk_line(app: ClosenessApp) -> Content | None:
    """Home's reminder of the latest talk stopped on its way (after a fight, or solving it
    together), where it stopped and how to carry it on."""
    if app.store is None:
        return None
    from closeness_tui.conversation import RESUMABLE, unfinished

    fight = unfinished(app.store.where(AfterFight, "status", RESUMABLE))
    solving = unfinished(app.store.where(Solution, "status", RESUMABLE))
    latest = max(
        (r for r in (fight, solving) if r is not None),
        key=lambda r: r.updated_at or r.started_at,
        default=None,
    )
    if latest is None:  # (most starts: the talks' rules and words are not imported)
        return None
    from closeness_tui.repair import Repair
    from closeness_tui.repairtext import repair_text
    from closeness_tui.screens.repair_common import where
    from closeness_tui.solve import Solve
    from closeness_tui.solvetext import solve_text

    words = repair_text().together
    machine: Repair | Solve
    if isinstance(latest, AfterFight):
        template, machine = words.repair_waiting, Repair.resume(latest, app.clock)
        stopped = where(machine)
    else:
        template, machine = words.solve_waiting, Solve.resume(latest, app.clock)
        stopped = where(machine, solve_text())
    brk = machine.current_break
    if brk is not None and brk.return_at > app.clock.now():
        from closeness_tui.listeningtext import listening_text

        back = brk.return_at.strftime(
            "%H:%M" if brk.return_at.date() == app.clock.today() else "%a %H:%M"
        )
        stopped += " · " + safe_template(listening_text().steps.break_until, when=back).plain
    when = (latest.updated_at or latest.started_at).strftime("%a %H:%M")
    return safe_template(template, where=stopped, when=when)


def current_pattern(app: ClosenessApp) -> str | None:
    store = app.store
    if store is None:
        return None
    from closeness_tui.patterns import Kept, Talk, returning_topic

    talks = [Talk(s.started_at.date(), s.topic) for s in store.all(ListeningSession)]
    talks += [Talk(f.started_at.date(), f.topic) for f in store.all(AfterFight)]
    kept = [
        Kept((s.finished_at or s.started_at).date(), f"{s.topic} {s.problem}")
        for s in store.where(Solution, "status", ("kept",))
    ]
    dismissed = [n.topic for n in store.all(PatternNote)]
    return returning_topic(talks, kept, app.clock.today(), dismissed)


def pattern_line(app: ClosenessApp) -> Content | None:
    topic = current_pattern(app)
    if topic is None:
        return None
    from closeness_tui.solvetext import solve_text

    return safe_template(solve_text().pattern.note, topic=topic)


def dismiss_pattern(app: ClosenessApp) -> None:
    topic = current_pattern(app)
    if topic is not None:
        app.save(PatternNote(topic=topic, dismissed_at=app.clock.now()))
