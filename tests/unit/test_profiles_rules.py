"""Profiles as rules, table-driven: versions and what changed, the kind comparison of
"How well do you know me?", and the hints the planner, the weekly check-in and the break show."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from closeness_tui.models import Profile
from closeness_tui.profiles import (
    NEAR,
    NEW,
    SAME,
    UNKNOWN,
    calm_hints,
    changed_fields,
    compare,
    compare_choice,
    compare_text,
    current,
    fitting_rituals,
    history,
    is_empty,
    loved_hint,
    ritual_hints,
)
from closeness_tui.profiles_text import profiles_text

T0 = datetime(2026, 11, 1, 20, 0, tzinfo=UTC)
NAMES = ("Ana", "Ben")
TEXT = profiles_text()
WAY_NAMES = {w.id: w.name for w in TEXT.ways}


def _p(seat: int, days: int = 0, **fields) -> Profile:
    return Profile(seat=seat, saved_at=T0 + timedelta(days=days), **fields)


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (None, _p(0), []),
        (None, _p(0, stress="a walk"), ["stress"]),
        (_p(0, stress="a walk"), _p(0, stress="a walk"), []),
        (_p(0, stress="a walk"), _p(0, stress="tea"), ["stress"]),
        (_p(0, love=["time", "words"]), _p(0, love=["words", "time"]), ["love"]),
        (_p(0, flooded=["space"], hopes="x"), _p(0, flooded=["space"]), ["hopes"]),
    ],
)
def test_changed_fields(before, after, expected):
    assert changed_fields(before, after) == expected


def test_versions_history_and_current():
    v1 = _p(0, 0, stress="a walk")
    v2 = _p(0, 5, stress="a walk", joys="rain")
    other = _p(1, 9, hopes="x")
    assert current([v2, other, v1], 0) is v2
    assert current([v1], 1) is None
    assert history([v2, v1, other], 0) == [(v2, ["joys"]), (v1, ["stress"])]
    assert is_empty(None) and is_empty(_p(0)) and not is_empty(v1)


@pytest.mark.parametrize(
    ("guess", "actual", "verdict"),
    [
        ("a long walk", "A long walk", SAME),
        ("a walk outside", "a long walk", NEAR),
        ("tea", "a long walk", NEW),
        ("", "a long walk", NEW),
        ("tea", "", UNKNOWN),
        ("the and of", "a walk", NEW),  # only common words: nothing to match on
    ],
)
def test_compare_text(guess, actual, verdict):
    assert compare_text(guess, actual) == verdict


@pytest.mark.parametrize(
    ("guess", "chosen", "verdict"),
    [
        ("time", ["time"], SAME),
        ("space", ["time", "space"], SAME),
        ("touch", ["time"], NEW),
        ("time", [], UNKNOWN),
        ("", ["time"], NEW),
    ],
)
def test_compare_choice(guess, chosen, verdict):
    assert compare_choice(guess, chosen) == verdict


def test_compare_a_whole_round():
    profile = _p(1, love=["touch", "time"], flooded=["space"], stress="music and a bath")
    guesses = {"love": "time", "flooded": "space", "stress": "a bath", "joys": "cats"}
    calming = {c.id: c.name for c in TEXT.calming}
    names = {"love": WAY_NAMES, "flooded": calming}
    result = compare(profile, guesses, ["love", "flooded", "stress", "joys"], names)
    assert [(c.field, c.verdict) for c in result] == [
        ("love", NEW),  # touch comes first for Ben
        ("flooded", SAME),
        ("stress", NEAR),
        ("joys", UNKNOWN),
    ]
    assert result[0].actual == "touch" and result[0].guess == "time together"
    # The same ids name different things in the two choice fields: each uses its own words.
    assert result[1].actual == result[1].guess == "some space on my own"


def test_loved_hint_names_the_ranking():
    profiles = [_p(1, love=["time", "words", "touch", "help"])]
    hint = loved_hint(profiles, NAMES, 1, TEXT)
    assert hint is not None
    assert "Ben" in hint and "time together, kind words and touch" in hint
    assert loved_hint(profiles, NAMES, 0, TEXT) is None


def test_ritual_hints_fit_each_top_way():
    profiles = [_p(0, love=["touch"]), _p(1, love=["time"]), _p(1, -3, love=["gifts"])]
    names = {"affection": "Affection", "reunion": "Reunion", "walk": "A walk", "date": "Date"}
    hints = ritual_hints(profiles, NAMES, TEXT, names)
    assert len(hints) == 2
    assert "Ana" in hints[0] and "Affection and Reunion" in hints[0]
    assert "Ben" in hints[1] and "A walk and Date" in hints[1]
    assert fitting_rituals(profiles, TEXT) >= {"affection", "walk"}
    assert ritual_hints([], NAMES, TEXT, names) == []


def test_calm_hints_say_what_helps():
    profiles = [_p(0, flooded=["space", "time"], flooded_note="[tea] 🍵"), _p(1)]
    (hint,) = calm_hints(profiles, NAMES, TEXT)
    assert hint.startswith("What helps Ana calm down")
    assert "some space on my own, time before we talk again and [tea] 🍵" in hint
