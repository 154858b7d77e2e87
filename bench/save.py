"""Save latency: one durable save with the 10-year data file, beside stock TinyDB.

    python bench/save.py               # 200 saves of each kind, interleaved
    python bench/save.py --saves 50

Each timed save is one call that returns only when the data is on disk (fsync included):
- closeness: `store.put()` of a new check-in, and of an update to an existing one (the
  whole file is written over the previous version's file (the spare), fsynced, swapped
  with the data file's name in one atomic step and the directory fsynced: see
  closeness_tui/storage.py);
- stock: TinyDB(path) with its default JSONStorage on a copy of the same file,
  `table.insert(doc)` and `table.update(doc, doc_ids=[...])` (which re-read and re-write the
  file in place, with fsync).
Kinds are interleaved so both see the same disk and machine load. It also times the parts
of one closeness save (encoding; writing the same bytes durably by swapping with the spare,
and by the plain recipe: a new temp file, fsync, `os.replace`) to show where time goes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

import msgspec
from tinydb import TinyDB

from closeness_tui.models import CheckIn
from closeness_tui.storage import atomic_write, drop_spare, swapping_write
from closeness_tui.store import DATA_FILE, Store

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE / "out" / "data10"
WORK = HERE / "out" / "save-work"
TARGET_MS = 12.0

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=200, help="timed saves of each kind")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="10-year data dir")
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
    fresh = new_checkins(2 * n + 1)
    times: dict[str, list[float]] = {
        "closeness insert": [],
        "closeness update": [],
        "stock insert": [],
        "stock update": [],
    }
    store = Store.open(ours_dir)
    stock = TinyDB(stock_dir / "db.json")  # stock JSONStorage, as TinyDB ships it
    try:
        t0 = time.perf_counter()
        store.put(fresh[0])  # first save: decodes the check-ins table once
        first_save = time.perf_counter() - t0
        if store._backup_thread is not None:  # let the start-up backup copy finish first
            store._backup_thread.join()
        existing = store.all(CheckIn)[:n]
        stock_table = stock.table(CheckIn.TABLE)
        stock_ids = {doc["id"]: doc_id for doc_id, doc in stock.storage.read()["checkins"].items()}
        for i in range(n):
            new = fresh[1 + i]
            t = time.perf_counter()
            store.put(new)
            times["closeness insert"].append(time.perf_counter() - t)

            t = time.perf_counter()
            stock_table.insert(msgspec.to_builtins(fresh[1 + n + i]))
            times["stock insert"].append(time.perf_counter() - t)

            rec = existing[i % len(existing)]
            rec.answers[0].reply = f"Thank you ({i})"
            t = time.perf_counter()
            store.put(rec)
            times["closeness update"].append(time.perf_counter() - t)

            t = time.perf_counter()
            stock_table.update(msgspec.to_builtins(rec), doc_ids=[int(stock_ids[rec.id])])
            times["stock update"].append(time.perf_counter() - t)

        # Where one closeness save goes: encoding, then writing the same bytes durably.
        tables = store._storage.read()
        parts: dict[str, list[float]] = {
            "encode": [],
            "write over spare + swap": [],
            "new temp + os.replace": [],
        }
        encoded = getattr(tables, "encoded", None)  # absent in older versions (--source)
        for _ in range(min(n, 50) if encoded else 0):
            t = time.perf_counter()
            pieces = encoded()
            parts["encode"].append(time.perf_counter() - t)
            t = time.perf_counter()
            swapping_write(ours_dir / "parts.json", pieces)
            parts["write over spare + swap"].append(time.perf_counter() - t)
            t = time.perf_counter()
            atomic_write(ours_dir / "plain.json", pieces)
            parts["new temp + os.replace"].append(time.perf_counter() - t)
        t = time.perf_counter()
        full = msgspec.json.encode(dict(tables.items()))
        full_encode = time.perf_counter() - t
    finally:
        store.close()
        stock.close()

    # Both ended with the same records: check nothing was lost on either side.
    with Store.open(ours_dir, read_only=True) as check:
        ours_count = check.count(CheckIn)
    stock_count = len(TinyDB(stock_dir / "db.json").table(CheckIn.TABLE))
    if parts["encode"]:
        os.unlink(ours_dir / "parts.json")
        os.unlink(ours_dir / "plain.json")
        drop_spare(ours_dir / "parts.json")

    print(
        f"data: {size / 1e6:.1f} MB file ({args.data}); {os.cpu_count()} cores; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    print(f"check-ins after the run: closeness {ours_count}, stock {stock_count}")
    print(f"first save after open (decodes the check-ins table): {first_save * 1000:.1f} ms")
    for name, values in times.items():
        print(line(name, values))
    for name, values in parts.items():
        if values:
            print(line("  " + name, values))
    print(
        f"  (encoding everything from scratch with msgspec: {full_encode * 1000:.1f} ms, "
        f"{len(full) / 1e6:.1f} MB)"
    )
    ours = times["closeness insert"] + times["closeness update"]
    theirs = times["stock insert"] + times["stock update"]
    ours_ms = [v * 1000 for v in ours]
    theirs_ms = [v * 1000 for v in theirs]
    verdict = "ok" if pct(ours_ms, 95) <= TARGET_MS else "MISSED"
    print(f"target p95 <= {TARGET_MS:.0f} ms: {verdict}")
    print(
        f"save: closeness p50 {pct(ours_ms, 50):.1f} ms p95 {pct(ours_ms, 95):.1f} ms vs "
        f"stock TinyDB p50 {pct(theirs_ms, 50):.1f} ms p95 {pct(theirs_ms, 95):.1f} ms "
        f"({size / 1e6:.1f} MB file, fsync included; target p95 <= {TARGET_MS:.0f} ms)"
    )
    shutil.rmtree(WORK, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
