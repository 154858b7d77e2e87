"""Carrying on a talk that was stopped, as every start screen offers it (the listening
session, after a fight, solving it together): one question, "Carry on" the calm default
(focused, and what escape does), or set it aside and begin a new one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.content import Content
from textual.screen import Screen

from closeness_tui.talktext import TalkStart
from closeness_tui.text import safe_template


def offer_carry_on(
    screen: Any,
    machine: Any,
    question: Content,
    *,
    set_aside: str,
    carry_on: str,
    run: Callable[[Any], None],
) -> None:
    """Ask `question`; set the talk aside (saved) or `run(machine)` on from where it was."""
    from closeness_tui.screens.dialogs import ConfirmDialog

    def done(start_new: bool | None) -> None:
        if start_new:
            machine.set_aside()
            screen.capp.save(machine.sync())
        else:
            run(machine)

    screen.app.push_screen(ConfirmDialog(question, yes=set_aside, no=carry_on), done)


def offer_to_carry_on_talk(
    screen: Any, machine: Any, words: TalkStart, where: str, run: Callable[[Any], None]
) -> None:
    """After a fight, solving it together: the talk from when, stopped where."""
    when = machine.session.started_at.strftime("%a %d %b, %H:%M")
    question = safe_template(words.waiting, when=when, where=where)
    offer_carry_on(
        screen, machine, question, set_aside=words.set_aside, carry_on=words.carry_on, run=run
    )


def screen_below(screen: Screen) -> Screen | None:
    """The screen under `screen`: where a talk started from it goes back to at its end."""
    stack = screen.app.screen_stack
    return stack[stack.index(screen) - 1] if screen in stack and stack.index(screen) > 0 else None
