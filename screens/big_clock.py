"""The speaker's countdown in digits that grow with the window (closeness_tui.bigdigits):
three rows at 80x24, about four times that at 120x40, so it reads from half a metre."""

from __future__ import annotations

from textual.app import RenderResult
from textual.content import Content
from textual.geometry import Size
from textual.widgets import Digits

from closeness_tui import bigdigits

BASE_ROWS = 3  # at 80x24 and smaller
BASE_HEIGHT = 24
ROWS_PER_EXTRA_LINE = 0.75  # of every line the window grows by, this much goes to the clock
SIDE_MARGIN = 4
WIDEST = "+00:00"  # sized for the widest value it will show, so the size does not jump


class BigClock(Digits):
    """A Digits whose characters are drawn larger as the window grows (same `value` and
    `update()` as Digits)."""

    DEFAULT_CSS = """
    BigClock {
        width: auto;
        height: auto;
    }
    """

    def scale(self) -> int:
        width, height = self.app.size
        rows = BASE_ROWS + max(0, int((height - BASE_HEIGHT) * ROWS_PER_EXTRA_LINE))
        sample = WIDEST if len(self.value) <= len(WIDEST) else self.value
        return bigdigits.fit_scale(sample, max(1, width - SIDE_MARGIN), rows)

    # At the smallest size Textual's own 3x3 digits read best; from there on, larger ones.

    def render(self) -> RenderResult:
        scale = self.scale()
        if scale == 1:
            return super().render()
        return Content("\n".join(bigdigits.render(self.value, scale)))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        scale = self.scale()
        if scale == 1:
            return super().get_content_width(container, viewport)
        return bigdigits.width_for(self.value, scale)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return bigdigits.rows_for(self.scale())
