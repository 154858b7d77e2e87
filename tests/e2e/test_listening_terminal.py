"""The installed `closeness` in a real terminal (tmux, 80x24): start a listening session, see
the big countdown with both names, take a break, quit, start again and carry on."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from conftest import seed_names

CLOSENESS = Path(sys.executable).parent / "closeness"

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux"),
]


class Terminal:
    def __init__(self, command: str) -> None:
        self.name = "cl-" + uuid.uuid4().hex[:8]
        self.tmux = ["tmux", "-L", self.name]
        subprocess.run(
            [
                *self.tmux,
                "new-session",
                "-d",
                "-x",
                "80",
                "-y",
                "24",
                "env",
                "TERM=xterm-256color",
                "bash",
                "-c",
                f"{command}; echo __EXITED__; sleep 60",
            ],
            check=True,
        )

    def screen(self) -> str:
        return subprocess.run(
            [*self.tmux, "capture-pane", "-p"], capture_output=True, text=True
        ).stdout

    def wait_for(self, text: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} not shown; the screen was:\n{self.screen()}")

    def send(self, *keys: str) -> None:
        subprocess.run([*self.tmux, "send-keys", *keys], check=True)

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True)


def test_session_break_and_carry_on_in_a_real_terminal(tmp_path):
    assert CLOSENESS.exists(), f"install the package first: {CLOSENESS} is missing"
    data = tmp_path / "data"
    seed_names(data, "Ana", "Ben")
    command = f"{CLOSENESS} --data-dir {data}"
    term = Terminal(command)
    try:
        term.wait_for("Hello, Ana and Ben")
        term.send("l")
        term.wait_for("Who speaks first?")
        term.send("C-s")
        term.wait_for("Is now a good time for both of you?")
        term.send("C-s")
        screen = term.wait_for("Ana speaks")
        assert "Ben listens" in screen and "Ana, you have the floor" in screen
        assert any("┏━" in line and "┓" in line for line in screen.splitlines())  # big digits
        term.send("C-t")
        term.wait_for("Taking a break")
        term.send("Escape")
        term.wait_for("A listening session is waiting for you: Ana speaking")
        term.send("C-q")
        term.wait_for("__EXITED__")
    finally:
        term.close()

    term = Terminal(command)
    try:
        term.wait_for("A listening session is waiting for you")
        term.send("l")
        term.wait_for("Carry on")
        term.send("Enter")
        term.wait_for("You stopped at: Ana speaking")
        term.send("C-r")
        term.wait_for("Ana speaks")
        screen = term.wait_for("Paused. Press space")
        assert "Taking a break" not in screen
        for line in screen.splitlines():
            assert len(line) <= 80
    finally:
        term.close()
