"""Drive a terminal program inside tmux the way a person would: type, wait, read the screen.

The one terminal driver of the real-terminal tests (after the project's shared tools/tui.py,
standard library + tmux only). A test never sleeps for a fixed time before a key: it waits
for what the key needs. Words on screen (`wait_for`, `wait_gone`) say a screen or step is
there. But a screen's first frame can come before the focus its on_mount asked for, and a
key Textual handles as a binding (Tab, ctrl+e, Enter in a form) travels up through the
widgets' queues, so letters sent right after it can overtake it and land in the box it was
leaving. So before letters or Enter, a test waits for the focus to show where they go: a
text box's edge in the focus colour (`wait_for_focus`), a button or chosen radio drawn as
focused (`wait_for_focused`), or the cursor where a key put it (`wait_for_cursor_after`,
`wait_for_cursor_on`; the cursor alone is no proof of focus, as it stays where it was last
put).
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import time
import uuid

STEP_TIMEOUT = 20.0  # one step on a machine busy with the whole suite; usually well under 1 s


def pause(waited: float) -> None:
    """Between two looks at the screen: 20 ms at first, growing to 100 ms after a third of a
    second (each look starts a tmux client, a few ms of CPU: four tests waiting side by side
    on two cores would otherwise spend a good part of one on looking)."""
    time.sleep(min(0.1, 0.02 + 0.25 * waited))


SGR = re.compile(r"\x1b\[([0-9;:]*)m")


def colours_of(styled_row: str) -> list[tuple[int, int, int] | None]:
    """The foreground colour of each cell of a row read with `capture-pane -e`."""
    cells: list[tuple[int, int, int] | None] = []
    colour: tuple[int, int, int] | None = None
    at = 0
    for match in [*SGR.finditer(styled_row), None]:
        end = match.start() if match else len(styled_row)
        cells += [colour] * len(styled_row[at:end])
        if match is None:
            break
        at = match.end()
        params = [int(p) if p.isdigit() else 0 for p in match.group(1).split(";")]
        k = 0
        while k < len(params):
            if params[k] == 38 and params[k + 1 : k + 2] == [2]:
                colour = (params[k + 2], params[k + 3], params[k + 4])
                k += 5
            elif params[k] == 38:  # 256 colours: not one the app's theme uses
                colour, k = None, k + 3
            else:
                if params[k] in (0, 39):
                    colour = None
                k += 1
    return cells


class Tui:
    def __init__(
        self,
        command: str,
        cols: int = 80,
        rows: int = 24,
        env: dict[str, str] | None = None,
        cwd: str | None = None,
    ):
        self.name = "acc-" + uuid.uuid4().hex[:8]
        envs = " ".join(f"{k}={shlex.quote(v)}" for k, v in (env or {}).items())
        full = (
            f"cd {shlex.quote(cwd or os.getcwd())} && "
            f"env TERM=xterm-256color COLORTERM=truecolor {envs} {command}; "
            "echo __EXITED__ $?; sleep 3600"
        )
        # A private tmux server per program (-L): tests side by side never share one.
        self.tmux = ["tmux", "-L", self.name]
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

    # -- reading ------------------------------------------------------------------------------

    def screen(self) -> str:
        return subprocess.run(
            [*self.tmux, "capture-pane", "-p", "-t", self.name], capture_output=True, text=True
        ).stdout

    def styled_screen(self) -> str:
        """The screen with its colours (SGR sequences), as `capture-pane -e` gives it."""
        return subprocess.run(
            [*self.tmux, "capture-pane", "-e", "-p", "-t", self.name],
            capture_output=True,
            text=True,
        ).stdout

    def edge_colour(self, text: str) -> tuple[int, int, int] | None:
        """The colour (RGB) of the nearest mark left of `text` on the row that shows it, None
        while no row does: for a text box, its left edge, drawn in the theme's focus colour
        while the box has the focus."""
        styled_rows = self.styled_screen().splitlines()
        for plain, styled in zip([SGR.sub("", r) for r in styled_rows], styled_rows, strict=True):
            column = plain.find(text)
            if column == -1:
                continue
            cells = colours_of(styled)
            edge = next((c for c in range(column - 1, -1, -1) if plain[c] != " "), None)
            return cells[edge] if edge is not None and edge < len(cells) else None
        return None

    def wait_for_focus(
        self, text: str, edge: tuple[int, int, int], has: bool = True, timeout: float = STEP_TIMEOUT
    ) -> None:
        """Until the box on the row showing `text` has the focus (its edge in the colour
        `edge`), or with has=False no longer has it. Focus moves after the key that moved
        it (through a message), and the first frame of a screen may be drawn before the
        focus its on_mount asked for: letters sent before this could land elsewhere. (The
        terminal's cursor is no proof where it stays put, as after a box was emptied.)"""
        start = time.monotonic()
        deadline = start + timeout
        while True:
            colour = self.edge_colour(text)
            if colour is not None and (colour == edge) == has:
                return
            if time.monotonic() > deadline:
                state = "has" if has else "still has"
                raise TimeoutError(
                    f"the box of {text!r} {state} no focus after {timeout}s (edge {colour}):\n"
                    + self.screen()
                )
            pause(time.monotonic() - start)

    def shows_focused(self, label: str, highlight: tuple[int, int, int] | None = None) -> bool:
        """The words `label` are drawn as Textual draws what has the focus: in reverse video
        (a focused button), or on the `highlight` background (the focused radio set's
        chosen button, a focused list's highlighted row)."""
        styles = r"((?:\x1b\[[0-9;]*m)+)"
        for match in re.finditer(styles + r" *" + re.escape(label), self.styled_screen()):
            for params in SGR.findall(match.group(1)):
                numbers = params.split(";")
                if "7" in numbers:
                    return True
                if highlight is not None and f"48;2;{';'.join(map(str, highlight))}" in params:
                    return True
        return False

    def wait_for_focused(
        self, label: str, highlight: tuple[int, int, int] | None = None, timeout=STEP_TIMEOUT
    ) -> None:
        """Until `label` shows the focus (see shows_focused): a screen draws its first frame
        before the focus its on_mount asked for, and Enter or Tab sent in between would
        start from the wrong widget."""
        start = time.monotonic()
        deadline = start + timeout
        while not self.shows_focused(label, highlight):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{label!r} is not focused after {timeout}s:\n{self.screen()}")
            pause(time.monotonic() - start)

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

    # -- waiting ------------------------------------------------------------------------------

    def wait_for(self, text: str, timeout: float = STEP_TIMEOUT) -> str:
        """The screen once `text` shows on it (case and all: "Carry on" the button is not
        "carry on" in a sentence behind it); raises TimeoutError."""
        start = time.monotonic()
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() - start > timeout:
                raise TimeoutError(f"{text!r} not on screen after {timeout}s:\n{screen}")
            pause(time.monotonic() - start)

    def wait_gone(self, text: str, timeout: float = STEP_TIMEOUT) -> str:
        """The screen once `text` is no longer on it."""
        start = time.monotonic()
        while True:
            screen = self.screen()
            if text not in screen:
                return screen
            if time.monotonic() - start > timeout:
                raise TimeoutError(f"{text!r} still on screen after {timeout}s:\n{screen}")
            pause(time.monotonic() - start)

    def _wait_cursor(self, on_it, what: str, timeout: float) -> None:
        start = time.monotonic()
        deadline = start + timeout
        while True:
            x, y = self.cursor()
            lines = self.screen().splitlines()  # (two looks: the cursor, then the screen)
            line = lines[y] if y < len(lines) else ""
            if on_it(x, line):
                return
            if time.monotonic() > deadline:
                raise TimeoutError(
                    f"the cursor is not {what} after {timeout}s (at {x},{y}):\n" + "\n".join(lines)
                )
            pause(time.monotonic() - start)

    def wait_for_cursor_after(self, text: str, timeout: float = STEP_TIMEOUT) -> None:
        """Until the cursor sits just after `text`: a box holding the focus with `text` typed
        (or put there as a starter) and the cursor at its end."""
        self._wait_cursor(
            lambda x, line: text in line and line.find(text) + len(text) == x,
            f"after {text!r}",
            timeout,
        )

    def wait_for_cursor_on(self, text: str, timeout: float = STEP_TIMEOUT) -> None:
        """Until the cursor is on the line that shows `text` (a box's placeholder or words)."""
        self._wait_cursor(lambda x, line: text in line, f"on the line of {text!r}", timeout)

    def exit_code(self, timeout: float = STEP_TIMEOUT) -> int:
        """The exit code the shell printed once the program ended."""
        screen = self.wait_for("__EXITED__", timeout=timeout)
        line = next(ln for ln in screen.splitlines() if "__EXITED__" in ln)
        return int(line.split("__EXITED__", 1)[1].split()[0])

    # -- typing -------------------------------------------------------------------------------

    def send(self, *keys: str) -> None:
        """tmux key names (Enter, Tab, Escape, C-c, Up), all in one go: send a run of keys
        together only where nothing between them needs the app to have answered."""
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, *keys], check=True)

    def type(self, text: str) -> None:
        """Letters as they are (tmux send-keys -l), one burst."""
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, "-l", text], check=True)

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
