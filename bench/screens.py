"""Looking back at years together: key press to screen drawn, in a real terminal.

    python bench/screens.py                       # 1, 10 and 30 years, 5 rounds each
    python bench/screens.py --years 10 --rounds 3
    python bench/screens.py --source /work/main   # another checkout (before/after)

The installed `closeness` runs on its own pseudo-terminal (80x24), on a copy of a data file
from bench/make_data.py; the bench presses keys as a person would and reads everything the
app writes to the terminal. A wait ends when the words that only the new screen shows reach
the terminal (the newest entry's day for the journal, the first match for a
search, "in these 12 weeks" for Insights, and so on).

Each round, from Home: Settings (the baseline), the journal, the first letter typed in its
search, clearing the search (ctrl+u: Esc clears it too now, but on main Esc left the
journal), Insights, Esc back to the journal, the ritual planner, the session setup, Past
sessions (ctrl+o from the setup). Each wait
is shown as a ratio to opening Settings in the same round; the figures are medians over the
rounds. The journal's first open in a process is shown on its own ("journal, first"):
later opens reuse what it built until something is saved. Home reads ahead what the journal
and Insights need once it is drawn (in a worker), so "journal, at start" is the journal
asked for the moment Home appears, before that is done (one per run, as a ratio to
Settings asked for the moment Home appears in a process of its own: both wait on what
start-up still does after its first frame).

RSS (resident memory, from /proc/PID/status) is read at Home once it is quiet (what it read
ahead included),
then after the rounds with the journal open, and with Insights open over it; "peak" is
VmHWM at the end.

ESCDELAY=10 is set for the app: Textual waits ESCDELAY ms (100 by default) after an Esc
byte to tell a lone Esc from the start of a key sequence; that wait is the terminal's, not
the app's, and would sit on top of every "back" figure alike.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
COLS, ROWS = 80, 24
HOME = (
    b"What would you like to do together?",
    b"Take turns to speak and to listen",
    b"Cards and knowing each other",
)  # older main, main before one-line entries, now (Home's entries are one line each when
# today's rituals would not fit below them at 80x24)
SETTINGS = b"Your names, as the screens will say them."
INSIGHTS = (b"in these 12 weeks", b"in total")  # this checkout's words, and main's before it
RITUALS = b"Weekly follow-through"
SETUP = b"A listening session"
ESC = b"\x1b"
WAITS = (
    "journal, at start",
    "journal, first",
    "journal",
    "search letter",
    "clear search",
    "insights",
    "back from insights",
    "ritual planner",
    "session setup",
    "past sessions",
)


class Terminal:
    """One app process on a pseudo-terminal: send keys, wait for words on screen."""

    def __init__(self, cmd: list[str], env: dict[str, str]) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))

        def controlling_tty() -> None:
            os.setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.proc = subprocess.Popen(
            cmd, env=env, stdin=slave, stdout=slave, stderr=slave, preexec_fn=controlling_tty
        )
        os.close(slave)
        self.master = master
        self.out = bytearray()

    def _read(self, timeout: float) -> bytes:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return b""
        try:
            return os.read(self.master, 65536)
        except OSError:
            return b""

    settle = 0.4  # seconds without output that count as "the app is done drawing"

    def quiet(self, seconds: float | None = None, limit: float = 60.0) -> None:
        """Read until the app has drawn nothing for `seconds`."""
        end = time.perf_counter() + limit
        while time.perf_counter() < end:
            if not self._read(self.settle if seconds is None else seconds):
                break
        self.out.clear()

    def press(
        self, keys: bytes, *markers: bytes, settle: bool = True, timeout: float = 60.0
    ) -> float:
        """Send `keys` (once the app is quiet); seconds until one of `markers` is drawn."""
        if settle:
            self.quiet()
        t0 = time.perf_counter()
        if keys:
            os.write(self.master, keys)
        while time.perf_counter() - t0 < timeout:
            self.out += self._read(0.5)
            if any(m in self.out for m in markers):
                return time.perf_counter() - t0
        raise TimeoutError(f"{markers!r} not drawn within {timeout}s")

    def rss(self) -> tuple[float, float]:
        """(VmRSS, VmHWM) in MiB."""
        fields = {}
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            fields[key] = value
        return (int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024)

    def close(self) -> None:
        os.write(self.master, b"\x11")  # ctrl+q
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.master)


def markers(data_dir: Path) -> dict[str, bytes]:
    """The words each screen draws first, read from the data as the app reads it. Rows are
    found by their day ("Sat 21 Nov"), which this checkout and main both draw."""
    from closeness_tui import journal
    from closeness_tui.journal_index import JournalIndex
    from closeness_tui.listening import newest_first
    from closeness_tui.models import ListeningSession
    from closeness_tui.store import Store

    with Store.open(data_dir, read_only=True) as store:
        names = store.settings().names
        index = JournalIndex.from_store(store, names)
        entries = journal.from_store(store, names)  # main's search, over every label too
        sessions = newest_first(store.all(ListeningSession))

    def day(moment) -> bytes:
        return moment.strftime("%a %d %b").encode()

    newest = day(index.rows[0].at)
    for letter in "qzxjkvwygfbpm":
        found = index.select(query=letter)
        old = journal.filter_entries(entries, query=letter)
        if found and old and old[0].record_id == index.rows[found[0]].record_id:
            if day(old[0].at) != newest:
                break
    else:
        raise SystemExit("no letter finds a first entry on another day")
    return {
        "journal": newest,
        "letter": letter.encode(),
        "search": day(old[0].at),
        "history": sessions[0].started_at.strftime("%a %d %b %Y, %H:%M").encode(),
    }


def round_(term: Terminal, mark: dict[str, bytes], first: bool) -> dict[str, float]:
    t: dict[str, float] = {}
    t["settings"] = term.press(b"s", SETTINGS)
    term.press(ESC, *HOME)
    t["journal, first" if first else "journal"] = term.press(b"j", mark["journal"])
    term.press(b"/", b"")  # focus the search box (not timed)
    t["search letter"] = term.press(mark["letter"], mark["search"])
    # ctrl+u empties the search box here and on main alike (where Esc left the journal).
    t["clear search"] = term.press(b"\x15", mark["journal"])
    term.press(b"\r", b"")  # from the search box to the list (not timed)
    t["insights"] = term.press(b"i", *INSIGHTS)
    t["back from insights"] = term.press(ESC, mark["journal"])
    term.press(ESC, *HOME)
    t["ritual planner"] = term.press(b"r", RITUALS)
    term.press(ESC, *HOME)
    # The session setup offers the speaker's own I-statements (years of them, once): timed,
    # and waited for, so its work is not counted in Past sessions.
    t["session setup"] = term.press(b"l", SETUP)
    t["past sessions"] = term.press(b"\x0f", mark["history"])  # ctrl+o
    term.press(ESC, b"")
    term.press(ESC, *HOME)
    return t


def settings_at_start(data: Path, env: dict[str, str], cmd: list[str]) -> float:
    """Settings asked for the moment Home appears, in a process of its own: the baseline
    for "journal, at start" (both wait on what start-up still does after Home is drawn)."""
    term = Terminal([*cmd, "--data-dir", str(data)], env)
    try:
        term.press(b"", *HOME, settle=False)
        return term.press(b"s", SETTINGS, settle=False)
    finally:
        term.close()


def run(data: Path, rounds: int, env: dict[str, str], cmd: list[str]) -> dict[str, object]:
    work = Path(tempfile.mkdtemp(prefix="closeness-screens-"))
    try:
        shutil.copytree(data, work / "data")
        mark = markers(work / "data")
        baseline_at_start = settings_at_start(work / "data", env, cmd)
        term = Terminal([*cmd, "--data-dir", str(work / "data")], env)
        try:
            term.press(b"", *HOME, settle=False)
            first_rss = term.rss()[0]  # Home drawn, before it reads ahead
            # The journal asked for as Home appears, while Home still reads ahead.
            at_start = term.press(b"j", mark["journal"], settle=False)
            term.press(ESC, *HOME)
            term.quiet(1.0)  # the check of the whole file after the first frame
            home_rss = term.rss()[0]
            results = []
            for n in range(rounds):
                try:
                    results.append(round_(term, mark, first=not results))
                except TimeoutError as exc:  # said, and that round left out; back to Home
                    print(f"round {n + 1}: {exc}", file=sys.stderr, flush=True)
                    for _ in range(4):
                        term.press(ESC, b"")
                    term.press(b"s", SETTINGS)  # Home, drawn again: this round is over
                    term.press(ESC, *HOME)
            results[0]["journal, at start"] = at_start
            results[0]["settings, at start"] = baseline_at_start
            term.press(b"j", mark["journal"])
            journal_rss = term.rss()[0]
            term.press(b"i", *INSIGHTS)
            insights_rss = term.rss()[0]
            peak = term.rss()[1]
        finally:
            term.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {
        "results": results,
        "rss": {
            "first": first_rss,
            "home": home_rss,
            "journal": journal_rss,
            "insights": insights_rss,
            "peak": peak,
        },
    }


def ratios(results: list[dict[str, float]]) -> dict[str, tuple[float, float]]:
    """Per wait: (median seconds, median ratio to Settings in the same round)."""
    out = {"settings": (statistics.median(r["settings"] for r in results), 1.0)}
    for name in ("settings, at start", *WAITS):
        rows = [r for r in results if name in r]
        base = "settings, at start" if name.endswith(", at start") else "settings"
        if rows:
            out[name] = (
                statistics.median(r[name] for r in rows),
                statistics.median(r[name] / r[base] for r in rows),
            )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, nargs="+", default=[1, 10, 30])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--data", type=Path, default=HERE / "out", help="where data<N> go")
    parser.add_argument("--source", type=Path, help="run the app from this checkout instead")
    parser.add_argument(
        "--settle",
        type=float,
        default=0.4,
        help="seconds without output before the next key (main's journal loaded twice: 3)",
    )
    args = parser.parse_args(argv)
    drop = ("NO_COLOR", "TEXTUAL", "TEXTUAL_ANIMATIONS", "CLOSENESS_BENCH_EXIT_ON_HOME")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env |= {"TERM": "xterm-256color", "COLORTERM": "truecolor", "ESCDELAY": "10"}
    if args.source is not None:
        env |= {"PYTHONPATH": str(args.source), "PYTHONSAFEPATH": "1"}
        cmd = [sys.executable, "-m", "closeness_tui"]
    else:
        cmd = [str(Path(sys.executable).with_name("closeness"))]
    sys.path.insert(0, str(HERE))
    from make_data import make

    table: dict[int, dict[str, tuple[float, float]]] = {}
    memory: dict[int, dict[str, float]] = {}
    for years in args.years:
        data = args.data / f"data{years}"
        if not (data / "closeness.json").exists():
            make(data, years)
        Terminal.settle = args.settle
        got = run(data, args.rounds, env, cmd)
        table[years] = ratios(got["results"])  # type: ignore[arg-type]
        memory[years] = got["rss"]  # type: ignore[assignment]
        print(f"{years} years:", table[years], memory[years], flush=True)
    head = "| wait | " + " | ".join(f"{y} year{'s' * (y > 1)}" for y in args.years) + " |"
    print(f"{date.today()}: {args.rounds} rounds, medians; seconds (ratio to Settings)")
    print(head)
    print("|---" * (len(args.years) + 1) + "|")
    for name in ("settings", "settings, at start", *WAITS):
        cells = [
            f"{table[y][name][0]:.3f} s ({table[y][name][1]:.2f}x)" if name in table[y] else "-"
            for y in args.years
        ]
        print(f"| {name} | " + " | ".join(cells) + " |")
    for label, key in (
        ("RSS, Home's first frame", "first"),
        ("RSS at Home", "home"),
        ("RSS, journal open", "journal"),
        ("RSS, insights open", "insights"),
        ("RSS peak", "peak"),
    ):
        print(f"| {label} | " + " | ".join(f"{memory[y][key]:.0f} MiB" for y in args.years) + " |")
    if len(args.years) > 1 and 10 in table and 30 in table:
        # In seconds, and as ratios to Settings (which takes out a machine busier in one
        # run than in the other).
        print("30 years against 10, per wait (seconds; ratio to Settings):")
        for name in WAITS:
            if name in table[10] and name in table[30]:
                seconds = table[30][name][0] / table[10][name][0]
                ratio = table[30][name][1] / table[10][name][1]
                print(f"  {name}: {seconds:.2f}x; {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
