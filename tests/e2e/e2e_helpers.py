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
from tui import STEP_TIMEOUT, Tui

needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

START_TIMEOUT = 60.0  # a cold start on a busy CI machine; usually about a second
NAME_PLACEHOLDER = "A name or nickname"  # shown in each empty name box of the first run
BOX_TOP = "▔▔▔▔"  # a text box's (or a list's) top edge, beside its left edge's first mark

__all__ = ["STEP_TIMEOUT", "START_TIMEOUT", "Tui", "needs_tmux"]


def _focus_edge() -> tuple[int, int, int]:
    """The colour a focused text box's edge is drawn in: `$border` of the app's default
    theme (a first start has no theme chosen), its primary colour, which is also the
    background of a focused radio set's chosen button or a focused list's highlight."""
    from textual.color import Color
    from textual.theme import BUILTIN_THEMES

    from closeness_tui.app import DARK_THEME

    colour = Color.parse(BUILTIN_THEMES[DARK_THEME].to_color_system().generate()["border"])
    return colour.r, colour.g, colour.b


FOCUS_EDGE = _focus_edge()


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
    """Welcome -> names -> Home, the way a person would do it: each name typed once its box
    shows the focus (Enter in the first box moves the focus through a message, and letters
    sent at once would overtake it)."""
    tui.wait_for("Welcome to closeness", timeout=START_TIMEOUT)
    tui.wait_for("Let's begin")
    tui.send("Enter")
    tui.wait_for("Who is here today?")
    tui.wait_for_focus(NAME_PLACEHOLDER, FOCUS_EDGE)  # the first box (both are empty)
    tui.type(first)
    tui.send("Enter")  # on to the second name
    tui.wait_for(first)
    tui.wait_for_focus(NAME_PLACEHOLDER, FOCUS_EDGE)  # the only empty box left: the second
    tui.type(second)
    tui.send("Enter")  # save both
    tui.wait_for(f"Hello, {first} and {second}")


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
