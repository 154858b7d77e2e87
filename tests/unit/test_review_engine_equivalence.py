"""The review's engine changes nothing it finds: every text in tests/golden/review_findings.json
(every labelled sentence, the bench's 2,000-character texts, edge cases and mixed texts) gets
exactly the findings recorded there: kind, offsets, words, title, message and suggestion.

The golden file is written by `python tools/review_golden.py`. When the RULES or the labelled
sentences change on purpose, run it again and read the diff; when only the engine changes, this
test must pass untouched.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REGENERATE = "regenerate with `python tools/review_golden.py` and read the diff"


def _tool():
    spec = importlib.util.spec_from_file_location(
        "review_golden", ROOT / "tools" / "review_golden.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TOOL = _tool()
GOLDEN = json.loads(TOOL.GOLDEN.read_text("utf-8"))["cases"]


def test_the_golden_file_holds_every_text_the_tool_would_review():
    texts = [case["text"] for case in GOLDEN]
    assert texts == TOOL.inputs(), f"the labelled sentences changed: {REGENERATE}"
    assert len(texts) > 900
    assert sum(len(case["findings"]) for case in GOLDEN) > 1000


def test_every_text_gets_exactly_its_recorded_findings():
    wrong = []
    for case in GOLDEN:
        got = TOOL.findings(case["text"])
        if got != case["findings"]:
            wrong.append((case["text"][:80], case["findings"], got))
    shown = "\n".join(f"{text!r}\n  want {want}\n  got  {got}" for text, want, got in wrong[:5])
    assert not wrong, f"{len(wrong)} texts differ ({REGENERATE} if the rules changed):\n{shown}"
