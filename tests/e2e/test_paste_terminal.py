"""Bracketed pastes through a real terminal (tmux `paste-buffer -p`) into the installed app:
invalid UTF-8, an ESC byte mid-paste, VT/FF/NEL and an over-long paste, each into the ritual
name box (80 characters), then saved and read back from disk."""

from __future__ import annotations

import subprocess
import time

import pytest
from conftest import seed_names
from e2e_helpers import FOCUS_EDGE, START_TIMEOUT, STEP_TIMEOUT, needs_tmux, start
from tui import Tui

from closeness_tui.models import Ritual
from closeness_tui.screens.ritual_edit import NAME_MAX
from closeness_tui.store import Store

pytestmark = [pytest.mark.e2e, needs_tmux]


def paste(tui: Tui, data: bytes) -> None:
    """Paste raw bytes as the terminal would: wrapped in ESC[200~ ... ESC[201~."""
    subprocess.run([*tui.tmux, "load-buffer", "-b", "p", "-"], input=data, check=True)
    subprocess.run(
        [*tui.tmux, "paste-buffer", "-p", "-r", "-d", "-b", "p", "-t", tui.name], check=True
    )


def name_line(tui: Tui) -> str:
    screen = tui.screen()
    line = next((ln for ln in screen.splitlines() if ln.strip().split(" ")[0] == "Name"), None)
    assert line is not None, f"the ritual form is gone; screen:\n{screen}"
    return line


def pasted_name(tui: Tui, data: bytes, shows: str) -> str:
    """Empty the name box, paste, and wait until the box shows `shows`."""
    # One key empties the box (ctrl+u: everything left of the cursor). Backspaces, one per
    # letter, could still be arriving after the box showed empty and eat the paste's last
    # letter. A person waits to see the box empty; so does the test.
    tui.send("End", "C-u")
    deadline = time.monotonic() + STEP_TIMEOUT
    while name_line(tui).strip() != "Name" and time.monotonic() < deadline:
        time.sleep(0.05)
    paste(tui, data)
    deadline = time.monotonic() + STEP_TIMEOUT
    while time.monotonic() < deadline:
        if shows in name_line(tui):
            return name_line(tui)
        time.sleep(0.05)
    raise AssertionError(f"{shows!r} not in the name box; screen:\n{tui.screen()}")


def open_new_ritual(tui: Tui) -> None:
    tui.wait_for("Hello, Ana and Ben", timeout=START_TIMEOUT)
    tui.send("r")
    tui.wait_for("Week of", timeout=STEP_TIMEOUT)
    tui.send("a")
    tui.wait_for("Choose a ritual", timeout=STEP_TIMEOUT)
    tui.send("Enter")
    tui.wait_for("^s Save", timeout=STEP_TIMEOUT)
    # The name box takes the focus just after the form's first frame, and puts the cursor in
    # its row as it does: the keys that empty it must not come sooner.
    tui.wait_for_cursor_on("  Name  ")


def test_pastes_in_a_real_terminal_are_text_cut_kindly_and_saved(tmp_path):
    data_dir = tmp_path / "data"
    seed_names(data_dir)
    tui = start(data_dir)
    try:
        open_new_ritual(tui)
        # One Latin-1 byte used to end the app (UnicodeDecodeError in Textual's driver).
        assert "caf\ufffd ok" in pasted_name(tui, b"caf\xe9 ok", "ok")
        # ESC then ctrl+q inside a paste used to become key presses and quit the app;
        # ESC [ 2 0 1 ~ only ends the paste when tmux sends it, never from inside.
        assert "a[31mb c" in pasted_name(tui, b"a\x1b[31mb\x1b\x11 c", "b c")
        assert not tui.exited() and "A new ritual" in tui.screen()
        # Vertical tab, form feed and next-line are removed, not turned into breaks.
        assert "vtffnel" in pasted_name(tui, b"vt\x0bff\x0cnel\xc2\x85", "nel")
        # Longer than the box's 80 characters: cut with the box's notice, not dropped.
        long = "Sunday walk by the river " * 5
        line = pasted_name(tui, long.encode(), "Sunday walk")
        tui.wait_for(f"longer than {NAME_MAX} characters", timeout=STEP_TIMEOUT)
        assert line.endswith(long[:NAME_MAX][-30:])  # the box scrolls to the paste's end
        tui.send("C-s")
        tui.wait_for("Week of", timeout=STEP_TIMEOUT)
        tui.send("C-q")
        tui.wait_for("__EXITED__ 0", timeout=STEP_TIMEOUT)
    finally:
        tui.close()
    with Store.open(data_dir, read_only=True) as store:
        names = [r.name for r in store.all(Ritual)]
    assert names == [long[:NAME_MAX].strip()]


def test_a_multi_line_paste_keeps_its_lines_and_loses_its_controls(tmp_path):
    """The complaint box (a TextArea): newlines stay lines; VT, FF and NEL vanish instead of
    becoming lines; ESC + ctrl+q inside the paste neither quits nor loses the words after."""
    data_dir = tmp_path / "data"
    seed_names(data_dir)
    tui = start(data_dir)
    try:
        tui.wait_for("Hello, Ana and Ben", timeout=START_TIMEOUT)
        tui.send("i")
        tui.wait_for("Start from a complaint", timeout=STEP_TIMEOUT)
        tui.send("c")
        tui.wait_for("For example:", timeout=STEP_TIMEOUT)
        tui.wait_for_focus("For example: You never", FOCUS_EDGE)  # the paste goes to the focus
        paste(tui, b"line one\nline\x0btwo\x0c\xc2\x85 end\x1b\x11 still here")
        tui.wait_for("linetwo end still here", timeout=STEP_TIMEOUT)
        lines = [ln.strip("▊▎│ ") for ln in tui.screen().splitlines()]
        assert "line one" in lines and "linetwo end still here" in lines
        assert not tui.exited()
        tui.send("C-q")
        tui.wait_for("__EXITED__", timeout=STEP_TIMEOUT)
    finally:
        tui.close()
