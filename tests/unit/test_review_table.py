"""The review against a labelled table of sentences (tests/data/review_cases.txt).

Every kind, many clean sentences, and hard near-misses; the decisions on the hard ones are
written at the top of the data file. bench/review_quality.py prints precision and recall
per kind from the same table.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from closeness_tui.istatement import KINDS, review

CASES_FILE = Path(__file__).resolve().parent.parent / "data" / "review_cases.txt"


def _cases() -> list[tuple[frozenset[str], str]]:
    cases = []
    for line in CASES_FILE.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kinds, _, sentence = line.partition(" | ")
        cases.append((frozenset(k.strip() for k in kinds.split(",")) - {"clean"}, sentence))
    return cases


CASES = _cases()


def test_the_table_is_big_and_covers_every_kind():
    assert len(CASES) >= 100
    clean = [s for kinds, s in CASES if not kinds]
    assert len(clean) >= 40
    for kind in KINDS:
        assert sum(kind in kinds for kinds, _ in CASES) >= 10, kind
    for kinds, _ in CASES:
        assert kinds <= set(KINDS)


@pytest.mark.parametrize(("kinds", "sentence"), CASES, ids=[s[:48] for _, s in CASES])
def test_review_finds_exactly_the_labelled_kinds(kinds, sentence):
    found = review(sentence)
    assert {f.kind for f in found} == kinds
    for f in found:
        assert 0 <= f.start < f.end <= len(sentence)
        assert sentence[f.start : f.end].strip() == sentence[f.start : f.end]
