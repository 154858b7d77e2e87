"""Help shows every key as a person reads it: "[", "]", "space", "ctrl+s", never a key's
internal name such as "left_square_bracket"."""

from __future__ import annotations

import pytest

from closeness_tui.screens.help import HelpScreen, SectionView, key_label
from closeness_tui.screens.rituals import RitualsScreen


@pytest.mark.parametrize(
    ("keys", "shown"),
    [
        ("left_square_bracket", "["),
        ("right_square_bracket", "]"),
        ("space", "space"),
        ("ctrl+s", "ctrl+s"),
        ("m,plus", "m or +"),
        ("d,delete", "d or delete"),
        ("e,enter", "e or enter"),
        ("slash", "/"),
        ("f1,question_mark", "f1 or ?"),
        ("escape", "esc"),
        ("shift+tab", "shift+tab"),
        ("up", "↑"),
        ("g,1", "g or 1"),
    ],
)
def test_key_label(keys, shown):
    assert key_label(keys) == shown


async def test_help_on_rituals_shows_brackets_and_space(named_app):
    app = named_app
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RitualsScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        section = app.screen.query_one("#help-rituals", SectionView)
        rows = {key: detail.split(":")[0] for key, detail in section.rows}
        assert rows["["] == "Earlier" and rows["]"] == "Later"
        assert rows["space"] == "Done"
        assert rows["a"] == "Add"


async def test_no_key_in_help_is_shown_by_its_internal_name(named_app):
    app = named_app
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        shown = [key for view in app.screen.query(SectionView) for key, _ in view.rows]
        assert len(shown) > 40  # every screen's keys are listed
        assert "ctrl+s" in shown
        for key in shown:
            assert "_" not in key and "^" not in key and len(key) <= 16, key
