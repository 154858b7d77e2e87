"""Start-up time: process spawn to Home drawn, with a 10-year data file, as a ratio against a
hello-world Textual app (Header, Static, Footer) measured in the same run.

    python bench/startup.py              # 61 runs of each, alternating
    python bench/startup.py --runs 5 --data bench/out/small

Each run gets its own pseudo-terminal (80x24, as a terminal emulator gives it) and the bench
reads everything the app draws. "Drawn" is the moment the first screen's words reach the
terminal: for closeness, Home's subtitle (so interpreter start, imports, opening the data and
composing and painting Home are all inside); for the hello app, "Hello, world". The bench
then sends SIGTERM (closeness leaves cleanly on it, as when a terminal is closed), and the
time to process end is shown too. Runs alternate (the order flips every round) after one
warm-up each; the figures are medians.

Also shown: when Home is complete, drawn as it stays (its last line, the therapist's note,
reached the terminal; the process is ended only then). The headline stays the first words,
as before; "complete" tells a first frame that Home replaces at once from Home itself.

Also shown: the CPU time each process had used when its first screen reached the terminal
(read from /proc/PID/task/*/schedstat at that moment, all threads; where there is no /proc,
all it used by its end), and how much the ratio of each closeness run to the
hello run beside it varies, to judge how far this machine's noise moves the headline.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import select
import statistics
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE / "out" / "data10"
TARGET = 1.3  # issue 11
COLS, ROWS = 80, 24


def commands(data_dir: Path, source: Path | None = None) -> dict[str, list[str]]:
    script = Path(sys.executable).with_name("closeness")
    if source is None and script.exists():
        closeness = [str(script)]
    else:
        closeness = [sys.executable, "-m", "closeness_tui"]
    return {
        "closeness": [*closeness, "--data-dir", str(data_dir)],
        "hello": [sys.executable, str(HERE / "hello_app.py")],
    }


# Words each app puts on its first screen (pty mode checks that they were drawn).
# (An entry's title: Home shows it whether its entries take two lines or one.)
MARKERS = {"closeness": b"Cards and knowing each other", "hello": b"Hello, world"}
# Words that show once the first screen is drawn as it stays: Home's last line, the
# therapist's note. (Before Home chose one-line entries ahead of its first layout, it first
# drew two-line ones at 80x24 with ten years, the note pushed out of view, then switched:
# the entry's title reached the terminal a frame before Home was complete.)
COMPLETE = {"closeness": b"a couples therapist can help.", "hello": b"Hello, world"}


class Run(NamedTuple):
    drawn: float  # seconds to the first screen's words (inf if they never came)
    ended: float  # seconds to the process's end
    cpu: float  # CPU seconds used when the first screen's words came
    complete: float  # seconds to the words of the screen as it stays (inf if never)
    complete_cpu: float  # CPU seconds used then


def child_env(source: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    if source is not None:  # another checkout of closeness (before/after comparisons)
        env["PYTHONPATH"] = str(source)
        env["PYTHONSAFEPATH"] = "1"  # and not the one in the working directory
    env.setdefault("TERM", "xterm-256color")
    env.setdefault("COLORTERM", "truecolor")
    # PYTHONDONTWRITEBYTECODE (set on some machines) would make a source checkout compile
    # every module on every run; pip byte-compiles an installed app once, at install, so the
    # warm-up run may write bytecode here too.
    for var in (
        "TEXTUAL",
        "TEXTUAL_ANIMATIONS",
        "NO_COLOR",
        "FORCE_COLOR",
        "PYTHONDONTWRITEBYTECODE",
    ):
        env.pop(var, None)
    return env


def cpu_seconds(pid: int) -> float | None:
    """CPU time all threads of `pid` have run so far (Linux schedstat, in ns), or None."""
    total = 0
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return None
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/schedstat") as f:
                total += int(f.read().split()[0])
        except (OSError, ValueError, IndexError):
            continue  # a thread that ended meanwhile
    return total / 1e9


def run_pty(
    cmd: list[str], env: dict[str, str], marker: bytes, complete: bytes | None = None
) -> Run:
    """Run on a fresh pseudo-terminal, reading everything it draws, until `complete` (by
    default `marker`) has reached the terminal too.

    Returns seconds until `marker` reached the terminal, seconds until the process ended,
    CPU seconds the process had used when the marker arrived, and the same two for
    `complete`; a time is inf if its words never showed or the process failed.
    """
    complete = complete or marker
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))

    def controlling_tty() -> None:
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, stdin=slave, stdout=slave, stderr=slave, preexec_fn=controlling_tty
    )
    os.close(slave)
    out = bytearray()
    drawn = done = float("inf")
    cpu_at_drawn = cpu_at_done = None
    while True:
        ready, _, _ = select.select([master], [], [], 30)
        if not ready:
            proc.kill()
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child side closed
            break
        if not chunk:
            break
        out += chunk
        if drawn == float("inf") and marker in out[-len(chunk) - len(marker) :]:
            drawn = time.perf_counter() - t0
            cpu_at_drawn = cpu_seconds(proc.pid)
        if done == float("inf") and complete in out[-len(chunk) - len(complete) :]:
            done = time.perf_counter() - t0
            cpu_at_done = cpu_seconds(proc.pid)
            proc.terminate()  # drawn: that is all we time (closeness leaves cleanly on TERM)
    _, status, usage = os.wait4(proc.pid, 0)
    ended = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    os.close(master)
    # Without /proc: all the CPU it used (a little more than up to the first frame).
    used = usage.ru_utime + usage.ru_stime
    return Run(
        drawn,
        ended,
        cpu_at_drawn if cpu_at_drawn is not None else used,
        done,
        cpu_at_done if cpu_at_done is not None else used,
    )


def measure(
    data_dir: Path, runs: int, source: Path | None = None
) -> dict[str, dict[str, list[float]]]:
    env = child_env(source)
    cmds = commands(data_dir, source)
    times: dict[str, dict[str, list[float]]] = {n: {f: [] for f in Run._fields} for n in cmds}
    failures: list[str] = []

    def once(name: str) -> Run:
        run = run_pty(cmds[name], env, MARKERS[name], COMPLETE[name])
        if run.complete == float("inf"):
            failures.append(name)
        return run

    for name in cmds:  # warm-up: byte-compile, fill the page cache
        once(name)
    names = list(cmds)
    for i in range(runs):
        for name in names if i % 2 == 0 else reversed(names):
            for field, value in once(name)._asdict().items():
                times[name][field].append(value)
    if failures:
        raise SystemExit(f"startup: runs did not draw their first screen: {failures}")
    return times


def ensure_data(data_dir: Path) -> None:
    if not (data_dir / "closeness.json").exists():
        sys.path.insert(0, str(HERE))
        from make_data import make

        print(f"building the 10-year data file in {data_dir} ...", flush=True)
        make(data_dir, 10)


def report(times: dict[str, dict[str, list[float]]]) -> None:
    med = statistics.median
    for name, t in times.items():
        print(
            f"{name:10} drawn: median {med(t['drawn']):.3f} s, min {min(t['drawn']):.3f}, "
            f"max {max(t['drawn']):.3f}; ended {med(t['ended']):.3f} s; "
            f"CPU to drawn {med(t['cpu']):.3f} s (n={len(t['drawn'])})"
        )
    closeness = times["closeness"]
    print(
        f"closeness  complete (Home as it stays, its last line drawn): median "
        f"{med(closeness['complete']):.3f} s; CPU {med(closeness['complete_cpu']):.3f} s; "
        f"/ hello drawn: {med(closeness['complete']) / med(times['hello']['drawn']):.2f}x, "
        f"CPU {med(closeness['complete_cpu']) / med(times['hello']['cpu']):.2f}x"
    )
    c = med(closeness["drawn"])
    h = med(times["hello"]["drawn"])
    ratio = c / h
    verdict = "ok" if ratio <= TARGET else "MISSED"
    load = os.getloadavg()[0]
    cpu_ratio = med(closeness["cpu"]) / med(times["hello"]["cpu"])
    pairs = [a / b for a, b in zip(closeness["drawn"], times["hello"]["drawn"], strict=True)]
    q1, _, q3 = statistics.quantiles(pairs, n=4)
    print(
        f"each closeness run / the hello run beside it: median {med(pairs):.2f}x, "
        f"middle half {q1:.2f}-{q3:.2f}x (this machine's noise)"
    )
    print(
        f"CPU time to first frame: {cpu_ratio:.2f}x; "
        f"pty {COLS}x{ROWS}; {os.cpu_count()} cores; load average {load:.1f}; {verdict}"
    )
    print(
        f"startup: closeness {c:.2f} s vs hello {h:.2f} s median -> {ratio:.2f}x "
        f"(target <= {TARGET}x)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=61, help="timed runs of each app")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="10-year data dir")
    parser.add_argument(
        "--source",
        type=Path,
        help="run closeness from this source checkout instead (to compare versions)",
    )
    args = parser.parse_args(argv)
    ensure_data(args.data)
    report(measure(args.data, args.runs, args.source))
    return 0


if __name__ == "__main__":
    sys.exit(main())
