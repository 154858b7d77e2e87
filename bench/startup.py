"""Start-up time: process spawn to Home drawn, with a 10-year data file, as a ratio against a
hello-world Textual app (Header, Static, Footer) measured in the same run.

    python bench/startup.py                  # 15 runs each, in a real terminal (tmux)
    python bench/startup.py --terminal pty   # without tmux: each run gets its own pty

Both apps exit by themselves right after their first frame is painted: closeness when
CLOSENESS_BENCH_EXIT_ON_HOME=1 and Home is mounted and refreshed (screens/home.py), the
hello app after its first refresh (bench/hello_app.py). A run is timed from just before the
process is spawned to its exit, so it includes interpreter start, imports, opening and
validating the data, composing and painting, and shutting down. Runs alternate (the order
flips every round) after one warm-up each; the figures are medians.
In pty mode the bench also checks that the screen text reached the terminal.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE / "out" / "data10"
TARGET = 1.25
COLS, ROWS = 80, 24


def commands(data_dir: Path) -> dict[str, list[str]]:
    script = Path(sys.executable).with_name("closeness")
    closeness = [str(script)] if script.exists() else [sys.executable, "-m", "closeness_tui"]
    return {
        "closeness": [*closeness, "--data-dir", str(data_dir)],
        "hello": [sys.executable, str(HERE / "hello_app.py")],
    }


# Words each app puts on its first screen (pty mode checks that they were drawn).
MARKERS = {"closeness": b"What would you like to do together?", "hello": b"Hello, world"}


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["CLOSENESS_BENCH_EXIT_ON_HOME"] = "1"
    env.setdefault("TERM", "xterm-256color")
    env.setdefault("COLORTERM", "truecolor")
    for var in ("TEXTUAL", "TEXTUAL_ANIMATIONS", "NO_COLOR", "FORCE_COLOR"):
        env.pop(var, None)
    return env


def run_inherit(cmd: list[str], env: dict[str, str]) -> tuple[float, bool]:
    """Run in the terminal this process sits in (the tmux pane)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env)
    code = proc.wait()
    return time.perf_counter() - t0, code == 0


def run_pty(cmd: list[str], env: dict[str, str], marker: bytes) -> tuple[float, bool]:
    """Run on a fresh pseudo-terminal, reading everything it draws."""
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
    code = proc.wait()
    elapsed = time.perf_counter() - t0
    os.close(master)
    return elapsed, code == 0 and marker in out


def measure(data_dir: Path, runs: int, mode: str) -> dict[str, list[float]]:
    env = child_env()
    cmds = commands(data_dir)
    times: dict[str, list[float]] = {name: [] for name in cmds}
    failures: list[str] = []

    def once(name: str) -> float:
        if mode == "pty":
            elapsed, ok = run_pty(cmds[name], env, MARKERS[name])
        else:
            elapsed, ok = run_inherit(cmds[name], env)
        if not ok:
            failures.append(name)
        return elapsed

    for name in cmds:  # warm-up: byte-compile, fill the page cache
        once(name)
    names = list(cmds)
    for i in range(runs):
        for name in names if i % 2 == 0 else reversed(names):
            times[name].append(once(name))
    if failures:
        raise SystemExit(f"startup: runs did not reach their first screen: {failures}")
    return times


def measure_in_tmux(data_dir: Path, runs: int) -> dict[str, list[float]]:
    """Run the measuring loop inside a tmux pane (a real terminal) and collect its results."""
    server = "bench-" + uuid.uuid4().hex[:8]
    tmux = ["tmux", "-L", server]
    with tempfile.TemporaryDirectory() as tmp:
        result = Path(tmp) / "result.json"
        log = Path(tmp) / "inner.log"
        inner = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--inner",
            str(result),
            "--data",
            str(data_dir),
            "--runs",
            str(runs),
        ]
        shell = " ".join(map(_quote, inner)) + f" 2>{_quote(str(log))}"
        subprocess.run(
            [*tmux, "new-session", "-d", "-s", server, "-x", str(COLS), "-y", str(ROWS)]
            + ["env", "TERM=xterm-256color", "COLORTERM=truecolor", "bash", "-c", shell],
            check=True,
        )
        try:
            deadline = time.monotonic() + 60 + runs * 2 * 15
            while not result.exists():
                if time.monotonic() > deadline:
                    raise SystemExit("startup: the tmux run did not finish in time")
                alive = subprocess.run([*tmux, "has-session", "-t", server], capture_output=True)
                if alive.returncode != 0 and not result.exists():
                    detail = log.read_text() if log.exists() else ""
                    raise SystemExit(f"startup: the tmux run failed\n{detail}")
                time.sleep(0.2)
            time.sleep(0.1)
            return json.loads(result.read_text())
        finally:
            subprocess.run([*tmux, "kill-server"], capture_output=True)


def _quote(s: str) -> str:
    import shlex

    return shlex.quote(s)


def ensure_data(data_dir: Path) -> None:
    if not (data_dir / "closeness.json").exists():
        sys.path.insert(0, str(HERE))
        from make_data import make

        print(f"building the 10-year data file in {data_dir} ...", flush=True)
        make(data_dir, 10)


def report(times: dict[str, list[float]], mode: str) -> None:
    for name, values in times.items():
        print(
            f"{name:10} median {statistics.median(values):.3f} s  "
            f"min {min(values):.3f}  max {max(values):.3f}  (n={len(values)})"
        )
    c = statistics.median(times["closeness"])
    h = statistics.median(times["hello"])
    ratio = c / h
    verdict = "ok" if ratio <= TARGET else "MISSED"
    print(f"terminal: {mode}, {COLS}x{ROWS}; {os.cpu_count()} cores; {verdict}")
    print(
        f"startup: closeness {c:.2f} s vs hello {h:.2f} s median -> {ratio:.2f}x "
        f"(target <= {TARGET}x)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs of each app")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="10-year data dir")
    parser.add_argument(
        "--terminal",
        choices=["tmux", "pty"],
        default="tmux" if shutil.which("tmux") else "pty",
    )
    parser.add_argument("--inner", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.inner:  # inside the tmux pane
        signal.signal(signal.SIGHUP, signal.SIG_DFL)
        times = measure(args.data, args.runs, "inherit")
        tmp = args.inner.with_suffix(".part")
        tmp.write_text(json.dumps(times))
        os.replace(tmp, args.inner)
        return 0

    ensure_data(args.data)
    if args.terminal == "tmux":
        times = measure_in_tmux(args.data, args.runs)
    else:
        times = measure(args.data, args.runs, "pty")
    report(times, args.terminal)
    return 0


if __name__ == "__main__":
    sys.exit(main())
