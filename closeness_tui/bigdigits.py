"""Clock digits that grow with the window, readable from half a metre. No Textual here.

Each character is drawn from a 3x5 pixel font, every pixel scaled to `scale` x `scale`, and
two pixel rows share one text row through half blocks (▀ ▄ █), so a scale of 1 is 3 rows
tall and a scale of 5 is 13. `fit_scale` picks the largest scale that fits a space.
"""

from __future__ import annotations

import math

FONT: dict[str, tuple[str, ...]] = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", ".##", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", ".#.", ".#.", ".#."),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    "+": ("...", ".#.", "###", ".#.", "..."),
    "-": ("...", "...", "###", "...", "..."),
    " ": ("..", "..", "..", "..", ".."),
}
FONT_HEIGHT = 5
MAX_SCALE = 8


def rows_for(scale: int) -> int:
    """Text rows the digits take at this scale."""
    return math.ceil(FONT_HEIGHT * scale / 2)


def width_for(text: str, scale: int) -> int:
    """Text columns the digits take at this scale (one scaled pixel between characters)."""
    glyphs = [FONT.get(ch, FONT[" "]) for ch in text]
    if not glyphs:
        return 0
    return sum(len(g[0]) * scale for g in glyphs) + scale * (len(glyphs) - 1)


def fit_scale(text: str, width: int, height: int) -> int:
    """The largest scale (at least 1) at which `text` fits `width` x `height` cells."""
    best = 1
    for scale in range(1, MAX_SCALE + 1):
        if rows_for(scale) <= height and width_for(text, scale) <= width:
            best = scale
    return best


def pixels(text: str, scale: int) -> list[list[bool]]:
    """The scaled pixel rows of `text`."""
    rows: list[list[bool]] = [[] for _ in range(FONT_HEIGHT * scale)]
    for i, ch in enumerate(text):
        glyph = FONT.get(ch, FONT[" "])
        for y, line in enumerate(glyph):
            row = [px == "#" for px in line for _ in range(scale)]
            if i:
                row = [False] * scale + row
            for dy in range(scale):
                rows[y * scale + dy].extend(row)
    return rows


def render(text: str, scale: int) -> list[str]:
    """The digits as text rows of half blocks."""
    grid = pixels(text, scale)
    if len(grid) % 2:
        grid.append([False] * (len(grid[0]) if grid else 0))
    out = []
    for top, bottom in zip(grid[::2], grid[1::2], strict=True):
        out.append(
            "".join(
                "█" if t and b else "▀" if t else "▄" if b else " "
                for t, b in zip(top, bottom, strict=True)
            )
        )
    return out
