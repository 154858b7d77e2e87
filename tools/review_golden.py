"""Write tests/golden/review_findings.json: what review() finds in every labelled sentence, in
the bench's 2,000-character texts, and in mixed texts built from the sentences.

tests/unit/test_review_engine_equivalence.py replays these texts and expects the very same
findings, so a change to the review's ENGINE (how the rules are run) can be shown to change
nothing. A change to the RULES (content/istatement.toml) or to the sentences (tests/data/)
changes the findings on purpose: then regenerate the file and read its diff.

    python tools/review_golden.py           # regenerate
    python tools/review_golden.py --check   # exit 1 when the file is out of date
"""

from __future__ import annotations

import importlib.util
import json
import random
import sys
from pathlib import Path

from closeness_tui.istatement import review

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
GOLDEN = ROOT / "tests" / "golden" / "review_findings.json"
MIXED_TEXTS = 150
SEED = 16

# Texts that exercise the engine's edges rather than the rules: case, curly quotes, characters
# whose lower case is longer, empty and spaced-out text, sentence ends of every sort.
EDGES = (
    "",
    "   ",
    "\n\n",
    "YOU NEVER LISTEN TO ME AND YOU'RE SO SELFISH!",
    "You\u2019re so lazy. I feel \u201cignored\u201d \u2014 you always do this.",
    "\u0130stanbul was lovely; you never call me though.",
    "Stra\u00dfe. You make me feel awful\u2026 \u0130 feel like you don't care.",
    "you never listen!!!you always interrupt???you're so rude\n\nstop it",
    "Thanks a lot for nothing. Must be nice to sleep in. Oh great, another mess.",
    "I feel disrespected, manipulated and used. You ignored me, again and again.",
    "Bob, please just stop interrupting me. If you don't call, I'm leaving.",
    "self-centred, self centred, selfcentred: you're all three",
    "\U0001f600 you never \U0001f600 always you \u202e never you",
)


def _load_bench():
    spec = importlib.util.spec_from_file_location(
        "review_quality", ROOT / "bench" / "review_quality.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sentences() -> list[str]:
    """Every sentence of tests/data's review files, in file order."""
    out: list[str] = []
    for path in (DATA / "review_cases.txt", DATA / "review_heldout.txt"):
        for line in path.read_text("utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                out.append(line.partition(" | ")[2])
    for path in sorted(DATA.glob("review_public_*.tsv")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                out.append(line.split("\t")[2])
    return out


def mixed(pool: list[str], count: int = MIXED_TEXTS) -> list[str]:
    """Several sentences to a text, joined and cased in varied ways (seeded: the same each run)."""
    rng = random.Random(SEED)
    joins = (" ", "\n", "  ", ", and ", "; ", " \u2014 ", "...", "! ")
    texts = []
    for _ in range(count):
        parts = rng.sample(pool, rng.randint(2, 12))
        text = rng.choice(joins).join(parts)
        roll = rng.random()
        if roll < 0.1:
            text = text.upper()
        elif roll < 0.2:
            text = text.replace("'", "\u2019")
        texts.append(text)
    return texts


def inputs() -> list[str]:
    bench = _load_bench()
    pool = sentences()
    return [*pool, bench.long_text(), bench.typical_text(), *EDGES, *mixed(pool)]


def findings(text: str) -> list[list[object]]:
    """Each finding as [kind, start, end, words, title, message, suggestion]."""
    return [
        [f.kind, f.start, f.end, text[f.start : f.end], f.title, f.message, f.suggestion]
        for f in review(text)
    ]


def golden() -> dict[str, object]:
    return {
        "about": "review() on every text; regenerate with: python tools/review_golden.py",
        "cases": [{"text": t, "findings": findings(t)} for t in inputs()],
    }


def main() -> int:
    fresh = json.dumps(golden(), ensure_ascii=False, indent=1) + "\n"
    if "--check" in sys.argv[1:]:
        same = GOLDEN.exists() and GOLDEN.read_text("utf-8") == fresh
        print("up to date" if same else f"{GOLDEN.relative_to(ROOT)} is out of date")
        return 0 if same else 1
    GOLDEN.write_text(fresh, "utf-8")
    print(f"wrote {GOLDEN.relative_to(ROOT)} ({len(fresh):,} characters)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
