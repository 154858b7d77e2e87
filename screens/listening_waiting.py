"""Where an unfinished listening session stopped, in words: Home's offer to carry on, and
the break screen's reminder. Kept apart from the screens so Home can ask cheaply."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from closeness_tui.listeningtext import listening_text
from closeness_tui.text import safe_template

if TYPE_CHECKING:
    from closeness_tui.app import ClosenessApp
    from closeness_tui.screens.listening_flow import ListeningFlow


def where_stopped(flow: ListeningFlow) -> Content:
    from closeness_tui.screens.listening_common import fill

    m = flow.machine
    steps = listening_text().steps
    step = m.resume_step or m.step
    key = "break_" if step == "break" else step
    where = fill(getattr(steps, key, step), m)
    brk = m.current_break
    if brk is not None and brk.return_at > m.clock.now():
        when = brk.return_at.strftime("%H:%M")
        if brk.return_at.date() != m.clock.now().date():
            when = brk.return_at.strftime("%a %H:%M")
        where = Content.assemble(where, " · ", safe_template(steps.break_until, when=when))
    return where


def waiting_line(app: ClosenessApp) -> Content | None:
    """Home's offer to carry on the most recent unfinished session, if any."""
    from closeness_tui.listening import RESUMABLE, unfinished
    from closeness_tui.models import ListeningSession

    if app.store is None:
        return None
    # Only sessions that may be unfinished are decoded (years of finished ones are not).
    session = unfinished(app.store.where(ListeningSession, "status", RESUMABLE))
    if session is None:
        return None
    from closeness_tui.listening import Listening
    from closeness_tui.screens.listening_flow import ListeningFlow

    flow = ListeningFlow(app, Listening.resume(session, app.clock), None)
    when = (session.updated_at or session.started_at).strftime("%a %H:%M")
    words = listening_text().setup
    return safe_template(words.home_waiting, when=when, where=where_stopped(flow).plain)
