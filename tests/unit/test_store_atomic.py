"""A writer killed at any instant leaves a whole file holding everything it acknowledged.

A child process opens the real store and loops: insert a statement, now and then replace
an earlier one with a higher version number, now and then delete one. It prints a line
only after the store call returned (the record is fsynced and renamed into place). The
parent SIGKILLs it at random moments - while importing, while opening, mid-write - 50
times in all (two lanes of 25 side by side, each on its own data directory that keeps
growing), and after every kill checks that:

- the file parses (parse_document on the raw bytes, and Store.open);
- every acknowledged insert is there, every acknowledged replacement is there at its
  acknowledged version or the one in flight after it, every acknowledged delete is gone;
- temp files left by a killed write never stand in for the data file, and a writable open
  (which now holds the lock: the kernel released the dead child's) clears them.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from closeness_tui.models import Statement
from closeness_tui.store import DATA_FILE, Store, parse_document

KILLS = 50

CHILD = textwrap.dedent(
    """
    import random, sys
    from datetime import datetime, timezone
    from closeness_tui.models import Statement
    from closeness_tui.store import Store

    directory, run, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    store = Store.open(directory)
    print("ready", flush=True)
    mine = {}  # id -> record, this run's live records
    n = 0
    while True:
        n += 1
        roll = rng.random()
        if mine and roll < 0.15:
            rec = mine[rng.choice(list(mine))]
            version = int(rec.need) + 1
            rec.need = str(version)
            print(f"? {rec.id} {version}", flush=True)
            store.put(rec)
            print(f"U {rec.id} {version}", flush=True)
        elif mine and roll < 0.22:
            rid = rng.choice(list(mine))
            print(f"? {rid} del", flush=True)
            store.delete(Statement, rid)
            del mine[rid]
            print(f"D {rid}", flush=True)
        else:
            rec = Statement(
                author=n % 2,
                created_at=datetime(2026, 11, 21, 19, 30, tzinfo=timezone.utc),
                feeling=f"run {run} step {n}",
                need="0",
                text="words [/] שלום 🌙 " * rng.randint(1, 40),
            )
            print(f"? {rec.id} new", flush=True)
            store.put(rec)
            mine[rec.id] = rec
            print(f"P {rec.id}", flush=True)
    """
)


class Ledger:
    """What the children acknowledged, across all runs."""

    def __init__(self) -> None:
        self.version: dict[str, int] = {}  # live id -> acknowledged version
        self.deleted: set[str] = set()
        self.acked = 0

    def read(self, out: bytes) -> tuple[str, str] | None:
        """Apply acknowledged lines; return the operation in flight at the kill, if any."""
        in_flight = None
        for line in out.decode().splitlines(keepends=True):
            if not line.endswith("\n"):  # cut off mid-line by the kill
                break
            kind, *rest = line.split()
            if kind == "?":
                in_flight = (rest[0], rest[1])
                continue
            in_flight = None
            if kind == "P":
                self.version[rest[0]] = 0
            elif kind == "U":
                self.version[rest[0]] = int(rest[1])
            elif kind == "D":
                del self.version[rest[0]]
                self.deleted.add(rest[0])
            else:
                continue
            self.acked += 1
        return in_flight

    def settle(self, in_flight: tuple[str, str] | None, stored: dict[str, int]) -> None:
        """The operation cut short by the kill either landed whole or not at all: record
        which, so the next runs are checked against what the file now holds."""
        if in_flight is None:
            return
        rid, what = in_flight
        if what == "del":
            if rid not in stored:
                del self.version[rid]
                self.deleted.add(rid)
        elif rid in stored:
            self.version[rid] = stored[rid]


def _check(directory: Path, ledger: Ledger, in_flight: tuple[str, str] | None) -> None:
    path = directory / DATA_FILE
    if not path.exists():  # killed before the very first file was in place
        assert not ledger.version and not ledger.deleted
        return
    parse_document(path.read_bytes(), path)  # raises StoreDamaged if not whole
    with Store.open(directory, read_only=True) as store:
        stored = {s.id: int(s.need) for s in store.all(Statement)}
    for rid, version in ledger.version.items():
        if in_flight is not None and in_flight == (rid, "del"):
            continue  # the kill came while deleting it: gone or not, both are whole
        assert rid in stored, f"acknowledged record {rid} is missing"
        assert stored[rid] in (version, version + 1), (rid, stored[rid], version)
        if stored[rid] == version + 1:
            assert in_flight == (rid, str(version + 1))
    for rid in ledger.deleted:
        assert rid not in stored, f"acknowledged delete of {rid} came back"
    unexpected = set(stored) - set(ledger.version)
    if in_flight is not None and in_flight[1] == "new":
        unexpected.discard(in_flight[0])
    assert not unexpected, f"records nobody acknowledged: {unexpected}"
    ledger.settle(in_flight, stored)


def _lane(lane: int, directory: Path, script: Path, kills: int, seed: int) -> dict[str, int]:
    """Start, kill and check `kills` writers one after another on one data folder."""
    rng = random.Random(seed * 2 + lane)
    ledger = Ledger()
    mid_operation = 0
    for run in range(kills):
        child = subprocess.Popen(
            [sys.executable, str(script), str(directory), str(run), str(rng.randrange(1 << 30))],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            # Unbuffered: readline() must not swallow lines that communicate() (which reads
            # the raw pipe) would then never see.
            bufsize=0,
        )
        try:
            if run % 5 == 4:
                # Now and then strike early: during start-up, open, the backup or the
                # very first write.
                time.sleep(rng.uniform(0.0, 0.4))
            else:
                ready = child.stdout.readline()
                assert ready == b"ready\n", child.stderr.read().decode()[-2000:]
                time.sleep(rng.uniform(0.0, 0.25))
            child.send_signal(signal.SIGKILL)
            out, err = child.communicate(timeout=30)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        assert child.returncode == -signal.SIGKILL, (seed, lane, err.decode()[-2000:])
        in_flight = ledger.read(out)
        mid_operation += in_flight is not None
        try:
            _check(directory, ledger, in_flight)
        except AssertionError as exc:
            tail = out.decode(errors="replace").splitlines()[-3:]
            raise AssertionError(
                f"seed {seed}, lane {lane}, run {run}, last lines {tail}: {exc}"
            ) from None

    # Temp files from killed writes are harmless; a writable open (lock free again) clears
    # them and finds every acknowledged record.
    strays = list(directory.glob(".*.tmp"))
    (directory / f".{DATA_FILE}.planted.tmp").write_bytes(b'{"_meta": {"1": {"app": "clos')
    with Store.open(directory) as store:
        stored = {s.id for s in store.all(Statement)}
        assert set(ledger.version) <= stored
    assert not list(directory.glob(f".{DATA_FILE}.*.tmp")), strays
    return {"acked": ledger.acked, "mid_operation": mid_operation, "strays": len(strays)}


def test_sigkill_at_random_moments_never_loses_an_acknowledged_record(tmp_path: Path) -> None:
    """50 kills in all: two lanes of 25 side by side (one per core), each on its own folder."""
    seed = int(os.environ.get("CLOSENESS_KILL_SEED", random.randrange(1 << 30)))
    script = tmp_path / "writer.py"
    script.write_text(CHILD)
    lanes = 2
    started = time.monotonic()
    with ThreadPoolExecutor(lanes) as pool:
        futures = [
            pool.submit(_lane, lane, tmp_path / f"data-{lane}", script, KILLS // lanes, seed)
            for lane in range(lanes)
        ]
        results = [f.result() for f in futures]
    elapsed = time.monotonic() - started
    totals = {k: sum(r[k] for r in results) for k in results[0]}
    for result in results:
        assert result["acked"] > KILLS // lanes, (seed, results)  # the children really wrote
    print(
        f"seed {seed}: {KILLS} kills, {totals['acked']} acknowledged operations, "
        f"{totals['mid_operation']} kills mid-operation, {totals['strays']} stray temp files, "
        f"{elapsed:.1f} s"
    )
