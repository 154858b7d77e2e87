"""Shared steps for the real-terminal tests: find the installed command, start it in tmux,
complete the first run, wait for a process to end."""

from __future__ import annotations

import os
import shlex
import shutil
import sys
import time
from pathlib import Path

import pytest
from tui import Tui

needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

START_TIMEOUT = 60.0  # a cold start on a busy CI machine; usually about a second
STEP_TIMEOUT = 20.0


def installed_closeness() -> Path:
    """The `closeness` command installed beside this Python (the venv the tests run in)."""
    command = Path(sys.executable).parent / "closeness"
    assert command.exists(), f"the closeness command is not installed at {command}"
    return command


def start(data_dir: Path, pid_file: Path | None = None, cols: int = 80, rows: int = 24) -> Tui:
    """Run the installed closeness in a fresh tmux at cols x rows. With pid_file, the
    process id is written there first (the shell then execs closeness, keeping the id)."""
    run = f"{shlex.quote(str(installed_closeness()))} --data-dir {shlex.quote(str(data_dir))}"
    if pid_file is not None:
        inner = f"echo $$ > {shlex.quote(str(pid_file))}; exec {run}"
        run = f"sh -c {shlex.quote(inner)}"
    # COLUMNS / LINES, when the test run has them, would win over the pane's own size.
    size = {"COLUMNS": str(cols), "LINES": str(rows)}
    return Tui(run, cols=cols, rows=rows, env=size, cwd=str(data_dir.parent))


def complete_first_run(tui: Tui, first: str = "Ana", second: str = "Ben") -> None:
    """Welcome -> names -> Home, the way a person would do it."""
    tui.wait_for("Welcome to closeness", timeout=START_TIMEOUT)
    tui.wait_for("Let's begin", timeout=STEP_TIMEOUT)
    tui.send("Enter")
    tui.wait_for("Who is here today?", timeout=STEP_TIMEOUT)
    tui.type(first)
    tui.send("Enter")  # on to the second name
    tui.wait_for(first, timeout=STEP_TIMEOUT)
    time.sleep(0.3)
    tui.type(second)
    tui.send("Enter")  # save both
    tui.wait_for(f"Hello, {first} and {second}", timeout=STEP_TIMEOUT)


def exit_code(tui: Tui, timeout: float = STEP_TIMEOUT) -> int:
    """The exit code the shell printed once the program ended."""
    tui.wait_for("__EXITED__", timeout=timeout)
    line = next(ln for ln in tui.screen().splitlines() if "__EXITED__" in ln)
    return int(line.split("__EXITED__", 1)[1].split()[0])


def alive(pid: int) -> bool:
    """True while the process runs (a zombie no one has reaped yet counts as ended)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    state = next((ln for ln in status.splitlines() if ln.startswith("State:")), "")
    return "Z" not in state.split(":", 1)[1][:3] if state else True


def wait_until_gone(pid: int, timeout: float = STEP_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not alive(pid):
            return
        time.sleep(0.05)
    raise AssertionError(f"process {pid} still running after {timeout}s")


def wait_for_cursor_at(tui: Tui, text: str, timeout: float = STEP_TIMEOUT) -> None:
    """Wait until the terminal's cursor sits on the first letter of `text` on screen: an empty
    text box holding the focus puts it where its placeholder starts. Steady under load, where
    a fixed pause before typing is sometimes too short and the letters go elsewhere."""
    deadline = time.monotonic() + timeout
    while True:
        x, y = tui.cursor()
        lines = tui.screen().splitlines()
        if y < len(lines) and lines[y].find(text) == x:
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"the cursor is not at {text!r} after {timeout}s (at {x},{y})")
        time.sleep(0.05)
