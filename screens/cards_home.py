"""The question of the day's line on Home (when Settings has it on): today's question, or
whose turn it is, or that both have answered. Press d on Home to answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from closeness_tui.text import safe_template

if TYPE_CHECKING:
    from closeness_tui.app import ClosenessApp


def question_line(app: ClosenessApp) -> Content | None:
    if app.store is None or not app.settings.question_of_the_day:
        return None
    # Imported here, after Home's first frame (Home imports this module at start-up).
    from closeness_tui.cards import answered, both_answered
    from closeness_tui.cards_text import cards_text
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
    """The line under Home's greeting: the question of the day, or (when Settings has it off)
    Home's own subtitle, which this line stands in for. No margin below it: with seven
    entries, Home fits 80x24 only this way."""

    DEFAULT_CSS = """
    QuestionLine {
        height: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    QuestionLine.-subtitle {
        color: $text-muted;
    }
    """

    def on_mount(self) -> None:
        # Stand in for Home's subtitle from the start (its words until the question is
        # known), so that nothing moves when the question arrives after the first frame.
        from closeness_tui.apptext import app_text

        for subtitle in self.screen.query("#subtitle"):
            subtitle.display = False
        self.add_class("-subtitle")
        self.update(Content(app_text().home.subtitle))

    def show_for(self, app: ClosenessApp) -> None:
        line = question_line(app)
        if line is None:
            from closeness_tui.apptext import app_text

            line = Content(app_text().home.subtitle)
            self.add_class("-subtitle")
        else:
            self.remove_class("-subtitle")
        self.update(line)
