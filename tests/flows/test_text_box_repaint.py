"""A typed box repaints when its width changes (issue 13: "at 80x24 the complaint box shows a
stale copy of a word until redrawn"). TextArea re-wraps its lines on a resize but repaints only
when the number of lines changes, so a box made two columns narrower or wider (the page's
scroll bar coming or going as the coaching below grows or shrinks) kept its old wrap on screen:
a word's last letters shown on both lines, or cut. Read from the screen as the terminal gets it."""

from __future__ import annotations

import html
import re
import time
from collections import defaultdict

import pytest
from conftest import WAIT_LIMIT, wait_until
from textual.widgets import TextArea

from closeness_tui.screens.statement_complaint import ComplaintScreen

_TEXT = re.compile(
    r'<text [^>]*x="([\d.]+)"[^>]*clip-path="url\(#[\w-]+-line-(\d+)\)"[^>]*>([^<]*)</text>'
)
_CELL = 12.2  # the width of one cell in Rich's SVG export


def screen_lines(app) -> list[str]:
    """The screen as text, line by line, from the screenshot Textual would export (the same
    widget renders the terminal gets)."""
    lines: dict[int, dict[int, str]] = defaultdict(dict)
    for x, number, chunk in _TEXT.findall(app.export_screenshot()):
        column = round(float(x) / _CELL)
        for offset, char in enumerate(html.unescape(chunk).replace("\xa0", " ")):
            lines[int(number)][column + offset] = char
    return [
        "".join(cells.get(c, " ") for c in range(max(cells) + 1)).rstrip()
        for _, cells in sorted(lines.items())
    ]


def box_lines(app) -> list[str]:
    return [line for line in screen_lines(app) if line.startswith("  ▊ ")]


async def settled(pilot, box: TextArea) -> tuple[int, list[str]]:
    """The box's width and lines once the layout has settled (the page's scroll bar may come
    frames later): the same for five looks 0.1 s apart. A stale picture also stays put, so
    this waits out the layout, never a missing repaint."""
    deadline = time.monotonic() + WAIT_LIMIT
    last, same = None, 0
    while time.monotonic() < deadline:
        await pilot.pause(0.1)
        now = (box.size.width, box_lines(pilot.app))
        same = same + 1 if now == last else 0
        if same >= 5:
            return now
        last = now
    raise AssertionError(f"the box never settled in {WAIT_LIMIT}s")


def shown(lines: list[str]) -> str:
    """The letters the box shows, spaces and the box's edges left out: each letter once."""
    return "".join("".join(line[4:].rstrip(" ▎").split()) for line in lines)


@pytest.mark.parametrize(
    "text",
    [
        "x" * 80 + " you",  # one long word, cut by the box at its width
        "You never listen to me when I tell you about the incomprehensibilities of my day",
        "I feel sad when you leave early and you always forget the extraordinarily big things",
    ],
)
async def test_the_complaint_box_shows_its_new_wrap_after_its_width_changes(named_app, text):
    letters = text.replace(" ", "")
    async with named_app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("i", "c")
        await wait_until(pilot, lambda: isinstance(named_app.screen, ComplaintScreen), "complaint")
        box = named_app.screen.query_one("#complaint", TextArea)
        box.insert(text)
        width, before = await settled(pilot, box)
        assert shown(before) == letters
        await pilot.resize_terminal(81, 24)  # a column wider: the box re-wraps
        await wait_until(pilot, lambda: box.size.width != width, "the box to widen")
        wider, lines = await settled(pilot, box)
        assert shown(lines) == letters
        await pilot.resize_terminal(80, 24)  # and back: the same wrap as before, on screen
        await wait_until(pilot, lambda: box.size.width != wider, "the box to narrow")
        assert await settled(pilot, box) == (width, before)
