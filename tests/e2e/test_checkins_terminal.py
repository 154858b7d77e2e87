"""A new couple, in a real terminal (tmux, 80x24, the installed `closeness` command): a
gratitude exchange, then the journal shows it, then the Markdown export holds it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from conftest import seed_names

pytestmark = pytest.mark.e2e

COMMAND = Path(sys.executable).with_name("closeness")


class Terminal:
    def __init__(self, command: str) -> None:
        self.server = ["tmux", "-L", f"closeness-{uuid.uuid4().hex[:8]}"]
        subprocess.run(
            [*self.server, "new-session", "-d", "-x", "80", "-y", "24", command], check=True
        )

    def screen(self) -> str:
        out = subprocess.run([*self.server, "capture-pane", "-p"], capture_output=True, text=True)
        return out.stdout

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never showed; the screen was:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        subprocess.run([*self.server, "send-keys", *keys], check=True)

    def type(self, text: str) -> None:
        subprocess.run([*self.server, "send-keys", "-l", text], check=True)

    def close(self) -> None:
        subprocess.run([*self.server, "kill-server"], capture_output=True)


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
@pytest.mark.skipif(not COMMAND.exists(), reason="needs the installed closeness command")
def test_gratitude_exchange_then_journal_then_export(data_dir, tmp_path):
    seed_names(data_dir, "Ana", "Ben")
    term = Terminal(f"{COMMAND} --data-dir {data_dir}")
    try:
        term.wait_for("Cards and knowing each other")
        term.keys("c")
        term.wait_for("Gratitude exchange")
        term.keys("g")
        term.wait_for("Ben, please look away")
        term.type("You made tea [twice] when I came home tired")
        term.keys("C-s")
        screen = term.wait_for("Ana, please look away")
        assert "You made tea" not in screen
        term.type("You laughed at my joke, and it made me feel seen")
        term.keys("C-s")
        term.wait_for("What you appreciated today")
        screen = term.wait_for("Ben appreciated")
        assert "You made tea [twice]" in screen  # the panel wraps the rest
        term.keys("Enter")
        term.wait_for("Last time:")
        term.keys("Escape")
        term.wait_for("Cards and knowing each other")
        term.keys("j")
        screen = term.wait_for("Gratitude exchange")
        assert "You made tea [twice]" in screen
        term.keys("C-q")
        deadline = time.monotonic() + 10
        while "Gratitude" in term.screen() and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        term.close()
    out = tmp_path / "journal.md"
    done = subprocess.run(
        [str(COMMAND), "--data-dir", str(data_dir), "export", "--markdown", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    text = out.read_text("utf-8")
    assert "> You made tea \\[twice\\] when I came home tired" in text
    assert "> You laughed at my joke, and it made me feel seen" in text
