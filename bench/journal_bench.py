"""The journal's core with years of records, on the files bench/make_data.py writes (the
records the app itself writes): reading the store, building the index, the search
haystacks, searches as they are typed, the insights, and the first screenful of entries.

    python bench/journal_bench.py                 # 1, 10 and 30 years
    python bench/journal_bench.py --years 10

Pure functions only (no terminal): bench/screens.py times what a couple sees.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
TODAY = date(2026, 11, 21)  # make_data's last day


def timed(fn, repeat: int = 5) -> float:
    """Median milliseconds of `fn()`."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def measure(data: Path) -> dict[str, float]:
    from closeness_tui.insights import figures
    from closeness_tui.journal_index import JournalIndex, Search
    from closeness_tui.models import CheckIn, ListeningSession, Ritual, RitualMark, Statement
    from closeness_tui.store import Store

    out: dict[str, float] = {}
    with Store.open(data, read_only=True) as store:
        store.check_all()
        names = store.settings().names
        types = (ListeningSession, Statement, CheckIn, Ritual, RitualMark)
        out["store.all() x5"] = timed(lambda: [store.all(t) for t in types], 3)
        out["index (rows)"] = timed(lambda: JournalIndex.from_store(store, names), 3)
        index = JournalIndex.from_store(store, names)
        out["search haystacks"] = timed(lambda: JournalIndex(index.rows, names).build_search(), 3)
        index.build_search()
        out["first screenful (12 entries)"] = timed(
            lambda: [JournalIndex(index.rows[:12], names).entry(i) for i in range(12)]
        )
        out["select: everything"] = timed(lambda: index.select())
        out["select: one letter"] = timed(lambda: index.select(query="t"))
        out["select: a rare word"] = timed(lambda: index.select(query="zebra"))

        def typing() -> None:
            search = Search()
            for n in range(1, len("coffee") + 1):
                search.select(index, None, None, "coffee"[:n])

        out["typing 'coffee' (6 keys)"] = timed(typing)
        out["insights"] = timed(lambda: figures(JournalIndex(index.rows, names), TODAY), 3)
        out["entries"] = len(index)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, nargs="+", default=[1, 10, 30])
    parser.add_argument("--data", type=Path, default=HERE / "out")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE))
    from make_data import make

    results = {}
    for years in args.years:
        data = args.data / f"data{years}"
        if not (data / "closeness.json").exists():
            make(data, years)
        results[years] = measure(data)
    names = list(results[args.years[0]])
    print("| ms (median) | " + " | ".join(f"{y} years" for y in args.years) + " |")
    print("|---" * (len(args.years) + 1) + "|")
    for name in names:
        cells = [f"{results[y][name]:.1f}" for y in args.years]
        print(f"| {name} | " + " | ".join(cells) + " |")
    last = args.years[-1]
    r = results[last]
    print(
        f"journal_bench: {last} years, {int(r['entries'])} entries: index "
        f"{r['index (rows)']:.0f} ms, one letter {r['select: one letter']:.1f} ms, "
        f"insights {r['insights']:.0f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
