"""The one leave-or-stay question (Back, Home and Quit all use it): asked only when typed words
would be lost, "stay" is the default, and leaving happens only on "leave"."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.screen import Screen
from textual.widgets import Static

from closeness_tui.apptext import app_text
from closeness_tui.screens.dialogs import ConfirmDialog, leave_or_stay


class Holding(Screen[None]):
    def __init__(self, unsaved: bool) -> None:
        super().__init__()
        self.unsaved = unsaved

    def compose(self):
        yield Static("words")

    def has_unsaved(self) -> bool:
        return self.unsaved

    def leave_question(self) -> str:
        return "Leave these words?"


class Plain(Screen[None]):
    def compose(self):
        yield Static("nothing typed here")


@pytest.mark.parametrize(
    ("unsaved", "keys", "quit", "left", "question"),
    [
        (False, [], False, True, None),
        (True, ["enter"], False, False, "Leave these words?"),  # the focused answer is "stay"
        (True, ["escape"], False, False, "Leave these words?"),
        (True, ["tab", "enter"], False, True, "Leave these words?"),
        (True, ["tab", "enter"], True, True, "quit"),
        (True, ["escape"], True, False, "quit"),
    ],
)
async def test_leave_or_stay(unsaved, keys, quit, left, question):
    left_calls: list[bool] = []
    app: App[None] = App()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = Holding(unsaved)
        await app.push_screen(screen)
        leave_or_stay(screen, lambda: left_calls.append(True), quit=quit)
        await pilot.pause()
        if question is None:
            assert not isinstance(app.screen, ConfirmDialog)
        else:
            assert isinstance(app.screen, ConfirmDialog)
            expected = app_text().leaving.quit if question == "quit" else question
            assert app.screen.message.plain == expected
            for key in keys:
                await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, ConfirmDialog)
    assert left_calls == ([True] if left else [])


async def test_a_screen_without_words_is_left_at_once():
    left_calls: list[bool] = []
    app: App[None] = App()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = Plain()
        await app.push_screen(screen)
        leave_or_stay(screen, lambda: left_calls.append(True))
        await pilot.pause()
        assert app.screen is screen
    assert left_calls == [True]
