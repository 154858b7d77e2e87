"""The question of the day's line on Home (when Settings has it on): today's question, or
whose turn it is, or that both have answered. Press d on Home to answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from closeness_tui.cards import answered, both_answered
from closeness_tui.cards_text import cards_text
from closeness_tui.text import safe_template

if TYPE_CHECKING:
    from closeness_tui.app import ClosenessApp


def question_line(app: ClosenessApp) -> Content | None:
    if app.store is None or not app.settings.question_of_the_day:
        return None
    from closeness_tui.screens.cards_question import todays_question

    record = todays_question(app)
    if record is None:
        return None
    words = cards_text().question
    names = app.settings.names
    if both_answered(record):
        return Content.from_markup(words.home_done)
    has = answered(record)
    if any(has):
        done = 0 if has[0] else 1
        return safe_template(words.home_half, name=names[done], other=names[1 - done])
    return safe_template(words.home_line, question=record.question)


class QuestionLine(Static):
    """One line, in the place of Home's subtitle while it is shown (Home is full at 80x24)."""

    DEFAULT_CSS = """
    QuestionLine {
        height: 1;
        margin-bottom: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def show_for(self, app: ClosenessApp, instead_of: Widget | None = None) -> None:
        line = question_line(app)
        self.update(line or "")
        self.display = line is not None
        if instead_of is not None:
            instead_of.display = line is None
