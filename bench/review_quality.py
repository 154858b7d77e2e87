r"""How well the I-statement review does on the labelled sentences, and how fast it is.

Reads tests/data/review_cases.txt (kinds | sentence) and the public sentences collected from
therapists' and NVC trainers' pages (tests/data/review_public_dev.tsv, the set the rules were
tuned on; review_public_heldout1.tsv, held out for a first measurement and tuned on after it;
review_public_heldout2.tsv to 13, the same: each one's untuned figures are in its header and
in the titles below; each was tuned on after it was measured), runs
review() on each sentence and prints per-kind precision and recall (a sentence counts once
per kind), micro-F1, the share of "what not to say" examples that get any finding and of
recommended rewrites that get none, the cases it gets wrong, and the median time to review a
2,000-character text. Headline last.

    python bench/review_quality.py            # everything
    python bench/review_quality.py --dev      # only the sets one may tune on
    python bench/review_quality.py --speed    # only the time to review 2,000 characters
    python bench/review_quality.py --speed --instructions   # and a count that load cannot move

Timing on a shared machine: the CPU time per review (this thread's, so waiting for a core does
not count) is printed beside the CPU time of a fixed baseline measured in the same runs,
interleaved (re.findall(r"\w+") over the same text), and their ratio: when the machine is busy
both slow down together, so the ratio moves much less than either. With --instructions (needs
valgrind) the instructions executed per review and per baseline are counted under callgrind,
which no load can change (about a minute).
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from closeness_tui.istatement import KINDS, review, reviewer

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
CASES = DATA / "review_cases.txt"
HELD_OUT = DATA / "review_heldout.txt"
PUBLIC_DEV = DATA / "review_public_dev.tsv"
# Each public held-out set's figures when first measured, untuned (NOT_TUNED_ON: never tuned on).
UNTUNED = {
    1: "80%/95%/0.86",
    2: "64%/86%/0.72",
    3: "39%/78%/0.51",
    4: "50%/85%/0.58",
    5: "68%/84%/0.71",
    6: "36%/95%/0.48",
    7: "79%/100%/0.82",
    8: "37%/100%/0.54",
    9: "39%/100%/0.56",
    10: "57%/89%/0.72",
    11: "55%/94%/0.60; 68%/94%/0.64 with the fallbacks",
    12: "45%/100%/0.59",
    13: "62%/82%/0.64",
    14: "54%/100%/0.60",
}

NOT_TUNED_ON: set[int] = {14}  # the others were read for a rule after their one untuned figure


def held_out_path(n: int) -> Path:
    return DATA / f"review_public_heldout{n}.tsv"


def load_cases(path: Path = CASES) -> list[tuple[frozenset[str], str]]:
    cases = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kinds, _, sentence = line.partition(" | ")
        labels = frozenset(k.strip() for k in kinds.split(",")) - {"clean"}
        cases.append((labels, sentence))
    return cases


def load_public(path: Path) -> list[tuple[str, frozenset[str], str, str]]:
    """(label, kinds, sentence, source) rows; label is "bad" (what not to say) or "good"."""
    rows = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, kinds, sentence, source = line.split("\t")
        rows.append((label, frozenset(kinds.split(",")) - {"clean"}, sentence, source))
    return rows


def score(cases):
    tp = dict.fromkeys(KINDS, 0)
    fp = dict.fromkeys(KINDS, 0)
    fn = dict.fromkeys(KINDS, 0)
    wrong = []
    for labels, sentence in cases:
        got = frozenset(f.kind for f in review(sentence))
        for kind in KINDS:
            if kind in got and kind in labels:
                tp[kind] += 1
            elif kind in got:
                fp[kind] += 1
            elif kind in labels:
                fn[kind] += 1
        if got != labels:
            wrong.append((sentence, sorted(labels), sorted(got)))
    return tp, fp, fn, wrong


def long_text() -> str:
    base = (
        "When we didn't get time to talk last night, I felt lonely, because I need closeness. "
        "You never listen to me and you're so selfish! I feel like you don't care. "
        "I feel ignored; you should have called, or else. Would you be willing to sit with me? "
    )
    return (base * (2000 // len(base) + 1))[:2000]


_WORDS = re.compile(r"\w+")


def baseline(text: str) -> object:
    """Fixed work to compare the review with: every word of the text, found by `re`."""
    return _WORDS.findall(text)


def forget() -> None:
    """Make the next review a first one: nothing remembered of words, runs or messages."""
    r = reviewer()
    r.index.forget()
    r._said.clear()


def timings_ms(text: str, runs: int = 300) -> dict[str, list[float]]:
    """Milliseconds per review: wall clock, CPU (this thread), and the baseline's CPU time in
    the same runs, interleaved; "cold" is the CPU time of a review that remembers nothing of
    earlier ones (a pasted text), the others reviews of a text seen before (as when typing).
    On a busy machine the wall clock includes time spent waiting for a core; the CPU figures
    show the work itself, and their ratio what load cannot."""
    review(text)  # compile once, outside the timing
    times: dict[str, list[float]] = {"wall": [], "cpu": [], "baseline": [], "cold": []}
    for _ in range(runs):
        forget()
        c0 = time.thread_time()
        review(text)
        times["cold"].append((time.thread_time() - c0) * 1000)
        t0, c0 = time.perf_counter(), time.thread_time()
        review(text)
        times["wall"].append((time.perf_counter() - t0) * 1000)
        times["cpu"].append((time.thread_time() - c0) * 1000)
        c0 = time.thread_time()
        baseline(text)
        times["baseline"].append((time.thread_time() - c0) * 1000)
    return times


COUNTED = 20  # reviews per instruction count


def _count_child() -> None:
    """Run under callgrind by instructions(): each measured stretch is dumped on its own."""
    pid = str(os.getpid())

    def callgrind(*args: str) -> None:
        subprocess.run(["callgrind_control", *args, pid], capture_output=True, check=False)

    texts = {"dense": long_text(), "typical": typical_text()}
    for text in texts.values():
        review(text)
        baseline(text)
    callgrind("--instr=on")
    callgrind("--dump=nothing")  # what the dump request itself costs
    for name, text in texts.items():
        for label, work in (("review", review), ("baseline", baseline)):
            for _ in range(COUNTED):
                work(text)
            callgrind(f"--dump={name}-{label}")
    callgrind("--instr=off")


def instructions() -> dict[str, float] | None:
    """Instructions per call ("dense-review", "dense-baseline", ...), counted by valgrind's
    callgrind; None when valgrind is not installed."""
    if not (shutil.which("valgrind") and shutil.which("callgrind_control")):
        return None
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--instr-atstart=no",
                f"--callgrind-out-file={out}",
                sys.executable,
                __file__,
                "--count-child",
            ],
            capture_output=True,
            check=True,
        )
        counts = {}
        for dump in sorted(Path(folder).glob("callgrind.out.*"), key=lambda p: int(p.suffix[1:])):
            text = dump.read_text()
            what = re.search(r"^desc: Trigger: dump (.+)$", text, re.M)
            total = re.search(r"^totals: (\d+)$", text, re.M)
            if what and total:
                counts[what.group(1)] = int(total.group(1))
    if "nothing" not in counts or len(counts) < 5:
        return None
    overhead = counts.pop("nothing")
    return {name: (total - overhead) / COUNTED for name, total in counts.items()}


def report(title: str, cases) -> float:
    """Print precision and recall per kind; return the lowest of them."""
    tp, fp, fn, wrong = score(cases)
    return _print_table(title, cases, tp, fp, fn, wrong)[0]


def micro_f1(tp, fp, fn) -> float:
    t, f_p, f_n = sum(tp.values()), sum(fp.values()), sum(fn.values())
    return 2 * t / (2 * t + f_p + f_n) if t else 0.0


def report_public(title: str, rows) -> tuple[float, float, float]:
    """Per-kind table, then: share of bad sentences with a finding, of good ones with none,
    and micro-F1 over kinds."""
    cases = [(kinds, sentence) for _, kinds, sentence, _ in rows]
    tp, fp, fn, wrong = score(cases)
    _print_table(title, cases, tp, fp, fn, wrong)
    bad = [s for label, _, s, _ in rows if label == "bad"]
    good = [s for label, _, s, _ in rows if label == "good"]
    flagged = sum(1 for s in bad if review(s))
    left = sum(1 for s in good if not review(s))
    f1 = micro_f1(tp, fp, fn)
    sources = len({src for *_, src in rows})
    print(
        f"  {len(rows)} sentences from {sources} sources: {flagged}/{len(bad)} what-not-to-say "
        f"get a finding ({flagged / len(bad):.0%}), {left}/{len(good)} rewrites get none "
        f"({left / len(good):.0%}), micro-F1 {f1:.2f}\n"
    )
    return flagged / len(bad), left / len(good), f1


def _print_table(title, cases, tp, fp, fn, wrong) -> tuple[float]:
    clean = sum(1 for labels, _ in cases if not labels)
    print(f"{title}: {len(cases)} labelled sentences ({clean} clean)")
    print(f"{'kind':<20}{'precision':>10}{'recall':>8}{'tp':>5}{'fp':>5}{'fn':>5}")
    worst = 1.0
    for kind in KINDS:
        p = tp[kind] / (tp[kind] + fp[kind]) if tp[kind] + fp[kind] else 1.0
        r = tp[kind] / (tp[kind] + fn[kind]) if tp[kind] + fn[kind] else 1.0
        worst = min(worst, p, r)
        print(f"{kind:<20}{p:>10.2f}{r:>8.2f}{tp[kind]:>5}{fp[kind]:>5}{fn[kind]:>5}")
    for sentence, want, got in wrong:
        print(f"  miss: {sentence!r} labelled {want or ['clean']}, found {got or ['clean']}")
    print(f"  {len(cases) - len(wrong)}/{len(cases)} sentences exactly right\n")
    return (worst,)


def typical_text() -> str:
    """Mostly calm words with a complaint or two: what a partner is likelier to write."""
    base = (
        "When we didn't get time to talk last night, I felt lonely, because I need closeness. "
        "I know work has been hard for you this month and I want to help where I can. "
        "Would you be willing to sit with me for ten minutes after dinner? You never ask. "
    )
    return (base * (2000 // len(base) + 1))[:2000]


def varied_text() -> str:
    """2,000 characters of different sentences (the labelled set's, in order): no sentence
    repeats, so a first review of it has nothing to remember from one sentence to the next."""
    return " ".join(sentence for _, sentence in load_cases(CASES))[:2000]


def speed(count: bool) -> dict[str, float]:
    """Print the time to review each 2,000-character text; return the median CPU ms."""
    figures = {}
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {os.cpu_count()} cores, load average {load:.1f} while measuring")
    for name, text in (
        ("dense", long_text()),
        ("typical", typical_text()),
        ("varied", varied_text()),
    ):
        times = timings_ms(text)
        wall, cpu = times["wall"], times["cpu"]
        base = statistics.median(times["baseline"])
        figures[name] = statistics.median(cpu)
        print(
            f"review of a {len(text):,}-character {name} text ({len(review(text))} findings), "
            f"{len(wall)} runs: median CPU time {figures[name]:.2f} ms (fastest "
            f"{min(cpu):.2f} ms); wall clock median {statistics.median(wall):.2f} ms, slowest "
            f"{max(wall):.2f} ms; baseline (every word found by re) median CPU {base:.3f} ms: "
            f"the review takes {figures[name] / base:.1f}x the baseline; a first review of it "
            f"(nothing remembered) {statistics.median(times['cold']):.2f} ms"
        )
    if count:
        counted = instructions()
        if counted is None:
            print("instructions: valgrind (callgrind) is not installed, not counted")
        for name in ("dense", "typical") if counted else ():
            work, base = counted[f"{name}-review"], counted[f"{name}-baseline"]
            print(
                f"instructions per review of the {name} text: {work / 1e6:.2f} million "
                f"(baseline {base / 1e6:.2f} million: {work / base:.1f}x), counted by callgrind"
            )
    return figures


def main() -> int:
    args = sys.argv[1:]
    if "--count-child" in args:
        _count_child()
        return 0
    if "--speed" in args:
        figures = speed("--instructions" in args)
        print(
            f"HEADLINE: median CPU time per review of 2,000 chars {figures['dense']:.2f} ms "
            f"dense, {figures['typical']:.2f} ms typical (target < 5 ms)"
        )
        return 0
    dev_only = "--dev" in args
    worst = report("Labelled set (tests/data/review_cases.txt)", load_cases(CASES))
    public = [
        ("development", report_public("Public development set (tuned on)", load_public(PUBLIC_DEV)))
    ]

    def held_out(n: int) -> tuple[str, tuple[float, float, float]]:
        since = "not tuned on" if n in NOT_TUNED_ON else "tuned on since"
        title = f"Public held-out set {n} ({UNTUNED[n]} untuned; {since})"
        return f"held-out {n} ({since})", report_public(title, load_public(held_out_path(n)))

    public += [held_out(n) for n in (1, 2, 3)]
    if dev_only:
        return 0
    held = report("Held-out set (not used for tuning)", load_cases(HELD_OUT))
    public += [held_out(n) for n in range(4, max(UNTUNED) + 1)]
    figures = speed("--instructions" in args)
    print(
        f"HEADLINE: lowest per-kind precision/recall {worst:.2f} labelled, {held:.2f} held-out "
        f"(target >= 0.90); median CPU time per review of 2,000 chars {figures['dense']:.2f} ms "
        f"dense, {figures['typical']:.2f} ms typical (target < 5 ms)"
    )
    for name, (bad, good, f1) in public:
        print(
            f"HEADLINE public {name}: {bad:.0%} of what-not-to-say get a finding (target >= 90%), "
            f"{good:.0%} of rewrites get none (target >= 97%), micro-F1 {f1:.2f} (target >= 0.85)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
