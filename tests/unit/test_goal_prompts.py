"""The $name prompts stored in weekly personal-goal answers: filled when saved, and the data
migration that fills those already stored."""

from __future__ import annotations

import copy

import pytest

from closeness_tui.goal_prompts import fill_goal_prompts, with_name


def doc(answers, names=("Ana", "Ben")):
    return {
        "_meta": {"1": {"app": "closeness", "schema": 1}},
        "settings": {"1": {"partner_a": names[0], "partner_b": names[1]}},
        "checkins": {"c1": {"kind": "weekly", "answers": answers}},
    }


def goal(seat, prompt="$name's personal goals", part="goal_personal", text="run"):
    return {"seat": seat, "prompt": prompt, "part": part, "text": text}


P = "$name's personal goals"
AB = ("Ana", "Ben")
CASES = [
    # (case, answers, names, expected prompts)
    (
        "seat 0 and 1",
        [goal(0), goal(1)],
        ("Ana", "Ben"),
        ["Ana's personal goals", "Ben's personal goals"],
    ),
    (
        "a name like a template stays literal",
        [goal(1)],
        ("Ana", "$x [b]"),
        ["$x [b]'s personal goals"],
    ),
    (
        "already filled stays",
        [goal(0, "Ana's personal goals")],
        ("Ana", "Ben"),
        ["Ana's personal goals"],
    ),
    (
        "other parts untouched",
        [goal(0, part="goal_shared")],
        ("Ana", "Ben"),
        ["$name's personal goals"],
    ),
    ("no names yet: untouched", [goal(0)], ("", ""), ["$name's personal goals"]),
    ("an odd seat: untouched", [goal(2)], ("Ana", "Ben"), ["$name's personal goals"]),
]


@pytest.mark.parametrize(
    "answers,names,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_fill_goal_prompts(answers, names, expected):
    before = doc(answers, names)
    after = fill_goal_prompts(copy.deepcopy(before))
    got = after["checkins"]["c1"]["answers"]
    assert [a["prompt"] for a in got] == expected
    assert [a["text"] for a in got] == [a["text"] for a in answers]  # what they wrote stays


def test_fill_goal_prompts_survives_odd_shapes():
    odd = {"settings": {}, "checkins": {"x": "not a record", "y": {"answers": [None, 3]}}}
    assert fill_goal_prompts(copy.deepcopy(odd)) == odd
    named = {"settings": {"1": {"partner_a": "A", "partner_b": "B"}}}
    for checkins in ([1], {"y": {"answers": [None, 3, {"part": "goal_personal"}]}}, "x"):
        assert fill_goal_prompts(copy.deepcopy(named | {"checkins": checkins})) == named | {
            "checkins": checkins
        }
    assert fill_goal_prompts({"settings": [1]}) == {"settings": [1]}
    assert fill_goal_prompts({}) == {}


def test_the_store_migrates_version_1_files():
    from closeness_tui import store as store_mod

    migrated = store_mod.migrate(doc([goal(1)]), 1)
    assert migrated["checkins"]["c1"]["answers"][0]["prompt"] == "Ben's personal goals"
    assert migrated["_meta"]["1"]["schema"] == store_mod.SCHEMA_VERSION == 2


def test_with_name():
    assert with_name("$name's personal goals", "Ana", "Ben", seat=0) == "Ana's personal goals"
    assert with_name("$name's personal goals", "$other", "B", seat=0) == "$other's personal goals"
    assert with_name("How $name can support $other", "A", "B", seat=1) == "How B can support A"
