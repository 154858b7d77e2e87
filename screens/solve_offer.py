"""Offering "Solve it together" at the end of a listening session in which both speakers
said they were understood (understanding first; solving is a separate, later step)."""

from __future__ import annotations

from typing import Any

from closeness_tui.models import ListeningSession
from closeness_tui.solve import both_understood
from closeness_tui.solvetext import solve_text


def offer_after_listening(app: Any, session: ListeningSession) -> None:
    """Ask, gently, whether they would like to solve it together now."""
    if not both_understood(session):
        return
    from closeness_tui.screens.dialogs import ConfirmDialog
    from closeness_tui.screens.solve_start import SolveStartScreen

    words = solve_text().offer

    def done(yes: bool | None) -> None:
        if yes:
            app.push_screen(
                SolveStartScreen(topic=session.topic, listening_id=session.id, offer_waiting=False)
            )

    app.push_screen(ConfirmDialog(words.question, yes=words.yes, no=words.no), done)
