"""Save latency: one durable save with the 10-year data file, against the floor.

    python bench/save.py               # 200 saves of each kind, interleaved
    python bench/save.py --saves 50

Each timed save is one call that returns only when the data is on disk (fsync included):
- closeness: `store.put()` of a new check-in, and of an update to an existing one;
- floor: the same bytes written by the bare recipe (a temp file in the folder, fsync,
  `os.replace`, fsync the folder), the least any durable atomic save of this file costs;
- stock: TinyDB(path) with its default JSONStorage on a copy of the same file,
  `table.insert(doc)` and `table.update(doc, doc_ids=[...])` (which rewrite the file in
  place: not atomic, shown for scale).
Kinds are interleaved so all see the same disk and machine load. The headline is the ratio
p50 closeness / p50 floor (target <= 1.5).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import msgspec
from tinydb import TinyDB

from closeness_tui.models import CheckIn
from closeness_tui.store import DATA_FILE, Store

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE / "out" / "data10"
WORK = HERE / "out" / "save-work"
TARGET_RATIO = 1.5

sys.path.insert(0, str(HERE))
from make_data import Gen, checkins, make  # noqa: E402


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def line(name: str, values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return (
        f"{name:28} p50 {pct(ms, 50):7.1f} ms  p95 {pct(ms, 95):7.1f} ms  "
        f"max {max(ms):7.1f} ms  (n={len(ms)})"
    )


def new_checkins(n: int) -> list[CheckIn]:
    g = Gen(seed=7)
    from make_data import _days

    return list(checkins(g, _days(1), n))


def floor_write(path: Path, data: bytes) -> None:
    """The bare durable atomic write, with nothing of closeness in it."""
    fd, tmp = tempfile.mkstemp(dir=path.parent)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=200, help="timed saves of each kind")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="10-year data dir")
    parser.add_argument("--stock", type=int, default=20, help="stock TinyDB saves (slow)")
    args = parser.parse_args(argv)

    if not (args.data / DATA_FILE).exists():
        print(f"building the 10-year data file in {args.data} ...", flush=True)
        make(args.data, 10)
    shutil.rmtree(WORK, ignore_errors=True)
    ours_dir, stock_dir = WORK / "closeness", WORK / "stock"
    ours_dir.mkdir(parents=True)
    stock_dir.mkdir(parents=True)
    shutil.copy2(args.data / DATA_FILE, ours_dir / DATA_FILE)
    shutil.copy2(args.data / DATA_FILE, stock_dir / "db.json")
    size = (ours_dir / DATA_FILE).stat().st_size

    n = args.saves
    fresh = new_checkins(2 * n)
    times: dict[str, list[float]] = {
        "closeness insert": [],
        "closeness update": [],
        "floor": [],
        "stock insert": [],
        "stock update": [],
    }
    store = Store.open(ours_dir)
    store.write_backup()  # the opening backup (the app writes it on a thread): not timed
    stock = TinyDB(stock_dir / "db.json")  # stock JSONStorage, as TinyDB ships it
    floor_file = ours_dir / "floor.json"
    try:
        existing = store.all(CheckIn)[:n]
        stock_table = stock.table(CheckIn.TABLE)
        stock_ids = {doc["id"]: doc_id for doc_id, doc in stock.storage.read()["checkins"].items()}
        for i in range(n):
            t = time.perf_counter()
            store.put(fresh[i])
            times["closeness insert"].append(time.perf_counter() - t)
            same_bytes = (ours_dir / DATA_FILE).read_bytes()
            t = time.perf_counter()
            floor_write(floor_file, same_bytes)
            times["floor"].append(time.perf_counter() - t)

            rec = existing[i % len(existing)]
            rec.answers[0].reply = f"Thank you ({i})"
            t = time.perf_counter()
            store.put(rec)
            times["closeness update"].append(time.perf_counter() - t)
            same_bytes = (ours_dir / DATA_FILE).read_bytes()
            t = time.perf_counter()
            floor_write(floor_file, same_bytes)
            times["floor"].append(time.perf_counter() - t)

            if i < args.stock:
                t = time.perf_counter()
                stock_table.insert(msgspec.to_builtins(fresh[n + i]))
                times["stock insert"].append(time.perf_counter() - t)
                t = time.perf_counter()
                stock_table.update(msgspec.to_builtins(rec), doc_ids=[int(stock_ids[rec.id])])
                times["stock update"].append(time.perf_counter() - t)
    finally:
        store.close()
        stock.close()

    with Store.open(ours_dir, read_only=True) as check:  # nothing lost
        ours_count = check.count(CheckIn)
    print(
        f"data: {size / 1e6:.1f} MB file ({args.data}); {os.cpu_count()} cores; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    print(f"check-ins after the run: closeness {ours_count}")
    for name, values in times.items():
        if values:
            print(line(name, values))
    ours_ms = [v * 1000 for v in times["closeness insert"] + times["closeness update"]]
    floor_ms = [v * 1000 for v in times["floor"]]
    ratio = pct(ours_ms, 50) / pct(floor_ms, 50)
    verdict = "ok" if ratio <= TARGET_RATIO else "MISSED"
    print(
        f"save: closeness p50 {pct(ours_ms, 50):.1f} ms p95 {pct(ours_ms, 95):.1f} ms; "
        f"floor p50 {pct(floor_ms, 50):.1f} ms p95 {pct(floor_ms, 95):.1f} ms; "
        f"p50 closeness / p50 floor {ratio:.2f}x (target <= {TARGET_RATIO}x): {verdict}"
    )
    shutil.rmtree(WORK, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
