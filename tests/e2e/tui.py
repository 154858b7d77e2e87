"""Drive a terminal program inside tmux the way a person would: type, wait, read the screen.

Copied from the project's shared tools (shared/tools/tui.py) so the tests do not depend on
where that folder sits. Standard library + tmux only. Added here: `display()` (reads a tmux
format such as "#{alternate_on}", to check the terminal was given back) and `cursor()`.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import time
import uuid


class Tui:
    def __init__(
        self,
        command: str,
        cols: int = 100,
        rows: int = 32,
        env: dict | None = None,
        cwd: str | None = None,
    ):
        self.name = "acc-" + uuid.uuid4().hex[:8]
        envs = " ".join(f"{k}={shlex.quote(v)}" for k, v in (env or {}).items())
        full = (
            f"cd {shlex.quote(cwd or os.getcwd())} && "
            f"env TERM=xterm-256color COLORTERM=truecolor {envs} {command}; "
            "echo __EXITED__ $?; sleep 3600"
        )
        self.tmux = [
            "tmux",
            "-L",
            self.name,
        ]  # a private server per program: no races with other sessions
        for attempt in range(5):
            r = subprocess.run(
                [
                    *self.tmux,
                    "new-session",
                    "-d",
                    "-s",
                    self.name,
                    "-x",
                    str(cols),
                    "-y",
                    str(rows),
                    "bash",
                    "-c",
                    full,
                ],
                capture_output=True,
                text=True,
            )
            if r.returncode == 0:
                break
            time.sleep(0.2 * (attempt + 1))
        else:
            raise RuntimeError(f"tmux would not start: {r.stderr.strip()}")
        self.started = time.monotonic()

    def screen(self) -> str:
        return subprocess.run(
            [*self.tmux, "capture-pane", "-p", "-t", self.name], capture_output=True, text=True
        ).stdout

    def wait_for(self, text: str, timeout: float = 10.0, interval: float = 0.01) -> float:
        """Seconds since start when `text` (case-insensitive) first shows; raises TimeoutError."""
        deadline = time.monotonic() + timeout
        low = text.lower()
        while time.monotonic() < deadline:
            if low in self.screen().lower():
                return time.monotonic() - self.started
            time.sleep(interval)
        raise TimeoutError(f"{text!r} not on screen after {timeout}s; screen was:\n{self.screen()}")

    def send(self, *keys: str) -> None:
        """tmux key names (Enter, Tab, Escape, C-c, Up) or literal text via type()."""
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, *keys], check=True)

    def type(self, text: str) -> None:
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, "-l", text], check=True)

    def display(self, fmt: str) -> str:
        """A tmux format for the pane, e.g. "#{alternate_on}" (1 while a full-screen app
        holds the terminal)."""
        return subprocess.run(
            [*self.tmux, "display-message", "-p", "-t", self.name, fmt],
            capture_output=True,
            text=True,
        ).stdout.strip()

    def cursor(self) -> tuple[int, int]:
        """Where the terminal's cursor is (x, y): Textual puts it in the focused text box."""
        x, y = self.display("#{cursor_x} #{cursor_y}").split()
        return int(x), int(y)

    def exited(self) -> bool:
        return "__EXITED__" in self.screen()

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
