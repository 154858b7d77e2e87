"""The partners' names (closeness_tui.partners.check_names): trimmed, cleaned, NFC, 1-40
characters each, and not the same as each other. Settings and the first run show the words
for each problem (one Pilot flow each in tests/flows checks they are shown)."""

from __future__ import annotations

import pytest

from closeness_tui.apptext import app_text
from closeness_tui.partners import check_names


@pytest.mark.parametrize(
    ("first", "second", "first_problem", "second_problem"),
    [
        ("", "Ben", "empty", None),
        ("   ", "Ben", "empty", None),
        ("Ana", "", None, "empty"),
        ("", "", "empty", "empty"),
        ("x" * 41, "Ben", "too_long", None),
        ("Ana", "b" * 41, None, "too_long"),
        ("Sam", " sam ", None, "same"),
        ("ZOË", "zoe\u0308", None, "same"),  # the same once NFC-normalised and casefolded
        ("\x1b\x00\u202e", "Ben", "empty", None),  # nothing left once controls are dropped
    ],
)
def test_names_that_cannot_be_saved(first, second, first_problem, second_problem):
    check = check_names(first, second)
    assert (check.first_problem, check.second_problem) == (first_problem, second_problem)
    assert not check.ok


@pytest.mark.parametrize(
    ("first", "second", "saved"),
    [
        ("a" * 40, "b" * 40, ("a" * 40, "b" * 40)),
        ("  Anabel  ", "Ben", ("Anabel", "Ben")),
        ("Ana 🌷", "🌙", ("Ana 🌷", "🌙")),
        ("שירה", "نور", ("שירה", "نور")),
        ("Zoë", "Zoe\u0308 2", ("Zoë", "Zoë 2")),  # combining diaeresis: NFC-normalised
        ("[/]", "[@click=app.quit]x[/]", ("[/]", "[@click=app.quit]x[/]")),
        ("Ana\nBel", "Ben\t", ("Ana Bel", "Ben")),
    ],
)
def test_names_in_any_script_are_accepted_cleaned(first, second, saved):
    check = check_names(first, second)
    assert check.ok
    assert (check.first, check.second) == saved


@pytest.mark.parametrize("problem", ["empty", "too_long", "same"])
def test_every_problem_has_kind_words(problem):
    words = getattr(app_text().setup, problem)
    assert words.strip()
    assert "!" not in words  # said gently, never shouted
