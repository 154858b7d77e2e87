"""LongList: a hundred thousand rows cost what one screenful costs; keys, the cursor and
a click behave as in an option list."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content

from closeness_tui.screens.long_list import LongList

ROWS = 100_000


class ListApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.asked: list[int] = []
        self.chosen: list[int] = []

    def compose(self) -> ComposeResult:
        yield LongList(id="rows")

    def on_mount(self) -> None:
        rows = self.query_one(LongList)
        rows.set_rows(ROWS, self.row)
        rows.focus()

    def row(self, index: int) -> Content:
        self.asked.append(index)
        return Content(f"Row {index} [not markup]\n  second line")

    def on_long_list_selected(self, event: LongList.Selected) -> None:
        self.chosen.append(event.index)


async def test_only_the_rows_on_screen_are_drawn_and_keys_move_the_cursor():
    app = ListApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        rows = app.query_one(LongList)
        on_screen = 24 // 2
        assert set(app.asked) <= set(range(on_screen + 1))  # never the other 99,988
        await pilot.press("down", "down", "enter")
        assert rows.cursor == 2 and app.chosen == [2]
        app.asked.clear()
        await pilot.press("end")
        await pilot.pause()
        assert rows.cursor == ROWS - 1
        assert rows.scroll_y == ROWS * 2 - 24  # the last row in view
        assert app.asked and min(app.asked) >= ROWS - on_screen - 1
        await pilot.press("pageup", "home")
        await pilot.pause()
        assert rows.cursor == 0 and rows.scroll_y == 0
        await pilot.click(LongList, offset=(5, 7))  # the fourth row (two lines each)
        assert app.chosen[-1] == 3 and rows.cursor == 3


async def test_growing_keeps_the_place_and_rows_show_literally():
    app = ListApp()
    async with app.run_test(size=(80, 24)) as pilot:
        rows = app.query_one(LongList)
        rows.set_rows(5, app.row, cursor=3)
        await pilot.pause()
        rows.grow(50)
        await pilot.pause()
        assert rows.cursor == 3 and rows.count == 50
        assert rows.row_content(4).plain.startswith("Row 4 [not markup]")
