"""A list for years of rows: only the rows on screen are ever rendered.

OptionList builds a visual for every option it holds (~50-70 us a row), so 30,000 journal
entries would cost seconds on every keystroke. LongList holds only a count and a function
that gives the Content of row `i`; it draws the rows that fit (Textual's line API, as
OptionList and DataTable do) and the rest as the couple scrolls. Every row is the same
height, so scrolling, the cursor and the scrollbar need no per-row bookkeeping at all.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding
from textual.content import Content
from textual.events import Click, Resize
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual, visualize

RowContent = Callable[[int], Content]


class LongList(ScrollView, can_focus=True):
    """Rows of equal height, rendered on demand; Enter (or a click) selects one."""

    DEFAULT_CSS = """
    LongList {
        height: 1fr;
        background: $surface;
    }
    LongList > .long-list--row {
        padding: 0 1;
    }
    LongList > .long-list--cursor {
        background: $block-cursor-blurred-background;
        text-style: $block-cursor-blurred-text-style;
    }
    LongList:focus > .long-list--cursor {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    """
    COMPONENT_CLASSES = {"long-list--row", "long-list--cursor"}
    BINDINGS = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "jump(0)", "First", show=False),
        Binding("end", "jump(-1)", "Last", show=False),
        Binding("enter", "select", "Open", show=False),
    ]

    cursor: reactive[int] = reactive(0, init=False)

    class Selected(Message):
        """Row `index` was chosen."""

        def __init__(self, long_list: LongList, index: int) -> None:
            super().__init__()
            self.long_list = long_list
            self.index = index

        @property
        def control(self) -> LongList:
            return self.long_list

    def __init__(
        self,
        row_height: int = 2,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.row_height = row_height
        self.count = 0
        self._row: RowContent = lambda index: Content("")
        self._strips: dict[tuple[int, bool, int], list[Strip]] = {}

    def set_rows(self, count: int, row: RowContent, cursor: int = 0) -> None:
        """Show `count` rows, row `i` drawn by `row(i)` when it comes into view."""
        self.count = count
        self._row = row
        self._strips.clear()
        self._size_to_rows()
        self.set_reactive(LongList.cursor, max(0, min(cursor, count - 1)))
        self.scroll_to(y=self._top_for_cursor(), animate=False, immediate=True)
        self.refresh()

    def grow(self, count: int) -> None:
        """More rows were found at the end: the rows shown, the cursor and the place stay."""
        if count != self.count:
            self.count = count
            self._size_to_rows()
            self.refresh()

    def row_content(self, index: int) -> Content:
        """What row `index` shows (drawn or not)."""
        return self._row(index)

    def _size_to_rows(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self.count * self.row_height)

    def on_resize(self, event: Resize) -> None:
        self._strips.clear()
        self._size_to_rows()

    def _top_for_cursor(self) -> float:
        """The scroll position that keeps the cursor row in view (unchanged if it is)."""
        top = self.cursor * self.row_height
        height = max(self.row_height, self.scrollable_content_region.height)
        if top < self.scroll_y:
            return top
        if top + self.row_height > self.scroll_y + height:
            return top + self.row_height - height
        return self.scroll_y

    def watch_cursor(self, old: int, new: int) -> None:
        self.scroll_to_region(
            Region(0, new * self.row_height, 1, self.row_height), animate=False, immediate=True
        )
        self.refresh()

    # -- drawing -------------------------------------------------------------------------

    def _row_strips(self, index: int, chosen: bool) -> list[Strip]:
        width = self.scrollable_content_region.width
        key = (index, chosen, width)
        strips = self._strips.get(key)
        if strips is None:
            names = ("long-list--row", "long-list--cursor") if chosen else ("long-list--row",)
            style = self.get_visual_style(*names)
            padding = self.get_component_styles("long-list--row").padding
            visual: Visual = visualize(self, self._row(index), markup=False)
            inner = max(1, width - padding.width)
            lines = Visual.to_strips(self, visual, inner, self.row_height, style, pad=True)
            left = Strip.blank(padding.left, style.rich_style)
            right = Strip.blank(padding.right, style.rich_style)
            strips = [
                Strip.join([left, line.crop_pad(inner, 0, 0, style.rich_style), right])
                .simplify()
                .apply_meta({"row": index})
                for line in lines[: self.row_height]
            ]
            blank = Strip.blank(width, style.rich_style).apply_meta({"row": index})
            strips += [blank] * (self.row_height - len(strips))
            if len(self._strips) > 400:  # a few screens' worth; scrolling far redraws
                self._strips.clear()
            self._strips[key] = strips
        return strips

    def render_line(self, y: int) -> Strip:
        line = int(self.scroll_offset.y) + y
        index, offset = divmod(line, self.row_height)
        width = self.scrollable_content_region.width
        if index >= self.count:
            return Strip.blank(width, self.get_visual_style("long-list--row").rich_style)
        return self._row_strips(index, index == self.cursor)[offset]

    # -- keys and mouse ------------------------------------------------------------------

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height // self.row_height)

    def action_cursor(self, step: int) -> None:
        if self.count:
            self.cursor = max(0, min(self.count - 1, self.cursor + step))

    def action_page(self, direction: int) -> None:
        self.action_cursor(direction * self._page())

    def action_jump(self, where: int) -> None:
        if self.count:
            self.cursor = where % self.count

    def action_select(self) -> None:
        if self.count:
            self.post_message(self.Selected(self, self.cursor))

    def on_click(self, event: Click) -> None:
        index = event.style.meta.get("row")
        if isinstance(index, int) and 0 <= index < self.count:
            event.stop()
            self.cursor = index
            self.action_select()
