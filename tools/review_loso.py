r"""Leave-one-set-out figures for the review's tuned changes (issue 16, fourth round).

Each change tuned on a public set is listed below with the set it was read from, as the text
it replaced in content/istatement.toml and the text it put there. For each public set, this
undoes the changes read from THAT set (keeping those from every other set) and measures the
set: what the review would have scored had that set been held out. Changes written from the
craft or the labelled set alone belong to no set and stay in.

    python tools/review_loso.py
"""

from __future__ import annotations

import io
import sys
from contextlib import redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import review_quality as rq  # noqa: E402

from closeness_tui import istatement  # noqa: E402
from closeness_tui.content import parse  # noqa: E402
from closeness_tui.istatement_content import IStatementText, feelings  # noqa: E402

# (set read from, text without the change, text with it)
TUNED: list[tuple[str, str, str]] = [
    (
        "4",  # "Sometimes, you don't listen to me in a way ..." (a softened complaint)
        "|%danger%'''",
        "|%danger%|\\b(?:sometimes|at\\s+times|occasionally|once\\s+in\\s+a\\s+while)"
        "\\s*,?\\s+%you%\\b'''",
    ),
    (
        "5",  # "You're right, I didn't think about centerpieces."
        '"we won",',
        '"we won", "you\'re right", "you are right", "you were right",',
    ),
    (
        "7",  # "You haven't left work before 7:00 once this week." (a plain statement)
        "(?!\\s+(?:[a-z]+ly\\s+)?%past%\\b",
        "(?!\\s+(?:(?:have|haven't|has|hasn't|had|hadn't)\\s+)?(?:[a-z]+ly\\s+)?%past%\\b",
    ),
]


def sets() -> list[tuple[str, Path]]:
    found = [("dev", rq.PUBLIC_DEV)]
    found += [(str(n), rq.held_out_path(n)) for n in range(1, 11)]
    return found


def figures(reviewer: istatement.Reviewer, path: Path) -> tuple[float, float, float]:
    saved = istatement.review
    istatement.review = reviewer.review
    rq.review = reviewer.review
    try:
        with redirect_stdout(io.StringIO()):
            return rq.report_public(path.name, rq.load_public(path))
    finally:
        istatement.review = saved
        rq.review = saved


def without(text: str, name: str) -> str:
    for from_set, before, after in TUNED:
        if from_set != name:
            continue
        if after in text:
            text = text.replace(after, before, 1)
        else:
            raise SystemExit(f"set {name}'s change is not in the content any more")
    return text


def main() -> int:
    source = (ROOT / "content" / "istatement.toml").read_text("utf-8")
    vocabulary = feelings()
    pooled = [0, 0, 0, 0]
    for name, path in sets():
        text = without(source, name)
        reviewer = istatement.Reviewer(parse("istatement.toml", text, IStatementText), vocabulary)
        rows = rq.load_public(path)
        bad = sum(label == "bad" for label, *_ in rows)
        good = len(rows) - bad
        flagged, left, f1 = figures(reviewer, path)
        pooled[0] += round(flagged * bad)
        pooled[1] += bad
        pooled[2] += round(left * good)
        pooled[3] += good
        held = "its own changes undone" if any(s == name for s, *_ in TUNED) else "none read"
        print(f"set {name:>3} ({held}): {flagged:.0%} / {left:.0%} / micro-F1 {f1:.2f}")
    print(
        f"pooled: {pooled[0]}/{pooled[1]} ({pooled[0] / pooled[1]:.1%}) what-not-to-say get a "
        f"finding, {pooled[2]}/{pooled[3]} ({pooled[2] / pooled[3]:.1%}) rewrites get none"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
