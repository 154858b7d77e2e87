"""Home's rows before its first layout (screens/home.py HomeRows): the guess that decides
one-line entries before anything is laid out, so Home is styled and laid out once."""

from __future__ import annotations

import pytest

from closeness_tui.screens.home import HomeRows

# greeting, waiting, entries, today, note -> rows with two-line entries, with one-line ones
CASES = [
    # Nothing extra: greeting, question line, 8 entries of 2 lines in a border, note after a
    # margin: 1 + 1 + 18 + 2 = 22, exactly the 22 rows between header and footer at 80x24.
    ((1, 0, 8, 0, 1), 22, 14),
    # A waiting line brings its margin (none when compact).
    ((1, 1, 8, 0, 1), 24, 15),
    # Today's rituals: margin, title, and their rows (counted by TodayRituals.load).
    ((1, 0, 8, 7, 1), 29, 21),
    # Everything, with a greeting and a note on two lines each.
    ((2, 2, 8, 7, 2), 34, 25),
    # Fewer entries: one row fewer each when compact.
    ((1, 0, 3, 0, 1), 12, 9),
]


@pytest.mark.parametrize(("lines", "roomy", "compact"), CASES)
def test_rows_home_takes(lines: tuple[int, ...], roomy: int, compact: int) -> None:
    greeting, waiting, entries, today, note = lines
    rows = HomeRows(greeting=greeting, waiting=waiting, entries=entries, today=today, note=note)
    assert rows.total(compact=False) == roomy
    assert rows.total(compact=True) == compact
