"""Shared steps for the browser tests: start the installed `closeness web`, read its URL,
drive Debian's chromium with playwright (no browser download), and read the screen's text
from the websocket frames the page receives."""

from __future__ import annotations

import codecs
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

CHROMIUM = os.environ.get("CLOSENESS_CHROMIUM", "/usr/bin/chromium")
# The flags a closed network needs (no background connections, no first-run work).
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
START_TIMEOUT = 60.0  # a cold start on a busy CI machine; usually a few seconds
STEP_TIMEOUT = 20.0
URL_RE = re.compile(r"http://127\.0\.0\.1:(\d+)/([A-Za-z0-9_-]+)/")
# Escape sequences: CSI, OSC (ended by BEL or ST), and two-byte escapes.
ANSI_RE = re.compile(r"\x1b\[[0-9;?<>=!]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]")

needs_chromium = pytest.mark.skipif(
    not (os.path.exists(CHROMIUM) or shutil.which("chromium")),
    reason=f"chromium is not installed at {CHROMIUM} (CI installs Debian's chromium)",
)


def installed_closeness() -> Path:
    command = Path(sys.executable).parent / "closeness"
    assert command.exists(), f"the closeness command is not installed at {command}"
    return command


@dataclass
class WebServer:
    """A running `closeness web --no-browser`, and what it printed."""

    process: subprocess.Popen[str]
    url: str = ""
    output: list[str] = field(default_factory=list)
    _ready: threading.Event = field(default_factory=threading.Event)

    @property
    def port(self) -> int:
        return int(urlsplit(self.url).port or 0)

    @property
    def token(self) -> str:
        return urlsplit(self.url).path.strip("/")

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/{self.token}/ws"

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line)
            found = URL_RE.search(line)
            if found and not self.url:
                self.url = found.group(0)
                self._ready.set()
        self._ready.set()

    def app_pids(self) -> list[int]:
        """The app processes this server started (its children running web_child)."""
        return children_running(self.process.pid, "closeness_tui.web_child")


def children_running(parent: int, marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == parent and marker in cmdline:
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def wait_until(predicate, timeout: float = STEP_TIMEOUT, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


@contextmanager
def web_server(data_dir: Path, *extra: str, browser: str | None = None) -> Iterator[WebServer]:
    """`closeness web --no-browser --data-dir DIR`, its URL read from its output. With
    `browser`, without --no-browser and with that command as $BROWSER."""
    command = [str(installed_closeness()), "web", "--data-dir", str(data_dir), *extra]
    env = dict(os.environ)
    if browser is None:
        command.insert(2, "--no-browser")
    else:
        env["BROWSER"] = browser
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        env=env,
    )
    server = WebServer(process)
    threading.Thread(target=server._read, daemon=True).start()
    try:
        assert server._ready.wait(START_TIMEOUT), "closeness web printed no address"
        assert server.url, f"closeness web printed no address: {''.join(server.output)!r}"
        yield server
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(STEP_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def screen_text(frames: list[bytes]) -> str:
    """What the app wrote to the page, its escape sequences removed (text stays in order
    within each run Textual writes, which is enough to find a line's words)."""
    text = b"".join(frames).decode("utf-8", "replace")
    return ANSI_RE.sub("", text)


TOKEN_RE = re.compile(
    r"\x1b\[(?P<params>[0-9;?<>=!]*)[ -/]*(?P<final>[@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"
    r"|\x1b[@-_]|(?P<text>[^\x1b]+)"
)


UNFINISHED_RE = re.compile(r"\x1b(?:\[[0-9;?<>=!]*[ -/]*|\][^\x07\x1b]*)?")


class Screen:
    """Enough of a terminal to place what Textual writes (it moves the cursor with CSI
    row;col H before each run of text), fed frame by frame as they arrive."""

    def __init__(self, cols: int, rows: int) -> None:
        self.size = (cols, rows)
        self.grid = [[" "] * cols for _ in range(rows)]
        self.row = self.col = 0
        self.fed = 0  # frames read so far
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")  # a character may
        self._rest = ""  # be cut at a frame's end, and so may an escape sequence

    def feed(self, frames: list[bytes]) -> None:
        text = self._rest + self._decoder.decode(b"".join(frames[self.fed :]))
        self.fed = len(frames)
        cut = text.rfind("\x1b")
        if cut != -1 and UNFINISHED_RE.fullmatch(text, cut):  # read it with the next frame
            text, self._rest = text[:cut], text[cut:]
        else:
            self._rest = ""
        cols, rows = self.size
        for token in TOKEN_RE.finditer(text):
            if token.group("final") == "H":
                numbers = [
                    int(n) if n.isdigit() else 1 for n in (token.group("params") or "").split(";")
                ]
                self.row, self.col = (numbers + [1, 1])[0] - 1, (numbers[1:] + [1])[0] - 1
            elif token.group("text"):
                for char in token.group("text"):
                    if char in "\r\n":
                        self.col = 0 if char == "\r" else self.col
                        self.row += char == "\n"
                        continue
                    if 0 <= self.row < rows and 0 <= self.col < cols:
                        self.grid[self.row][self.col] = char
                    self.col += 1

    def rows(self) -> list[str]:
        return ["".join(line) for line in self.grid]


def screen_rows(frames: list[bytes], cols: int, rows: int) -> list[str]:
    """The screen as rows of text, from all the frames so far."""
    screen = Screen(cols, rows)
    screen.feed(frames)
    return screen.rows()


class BrowserTab:
    """One playwright page on the server's URL, recording every request and every frame."""

    def __init__(self, page) -> None:
        self.page = page
        self.frames: list[bytes] = []
        self.requests: list[str] = []
        self.websockets: list[str] = []
        self.console: list[str] = []
        self.resized: tuple[int, int] | None = None
        self._screen: Screen | None = None
        self._text: tuple[int, bytes | None, str] = (0, None, "")
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", lambda message: self.console.append(message.text))
        page.on("websocket", self._on_websocket)

    def _on_websocket(self, websocket) -> None:
        self.websockets.append(websocket.url)
        websocket.on("framereceived", self._on_frame)
        websocket.on("framesent", self._on_sent)

    def _on_sent(self, payload) -> None:
        if isinstance(payload, str) and payload.startswith('["resize"'):
            size = json.loads(payload)[1]
            self.resized = (int(size["width"]), int(size["height"]))

    def _on_frame(self, payload) -> None:
        if isinstance(payload, bytes):
            self.frames.append(payload)

    def text(self) -> str:
        """Everything the app wrote, its escapes removed (worked out again only when a frame
        came in: a wait looks many times a second over a long session)."""
        count, last, text = self._text
        if count != len(self.frames) or not self.frames or self.frames[-1] is not last:
            last = self.frames[-1] if self.frames else None
            self._text = (len(self.frames), last, screen_text(self.frames))
        return self._text[2]

    def wait_for(self, words: str, timeout: float = STEP_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.shows(words):
                return
            self.page.wait_for_timeout(50)
        screen = "\n".join(self.rows()) if self.websockets else self.text()[-1500:]
        raise AssertionError(f"{words!r} not on the page after {timeout}s:\n{screen}")

    def rows(self) -> list[str]:
        return screen_rows(self.frames, *self.size())

    def rows_now(self) -> list[str]:
        """The screen as it is now, read incrementally (cheap to poll over a long session)."""
        size = self.size()
        if self._screen is None or self._screen.size != size or self._screen.fed > len(self.frames):
            self._screen = Screen(*size)  # new, resized, or the frames were cleared
        self._screen.feed(self.frames)
        return self._screen.rows()

    def on_screen(self, words: str) -> bool:
        return any(words in row for row in self.rows_now())

    def wait_now(self, words: str, timeout: float = STEP_TIMEOUT) -> None:
        """Until `words` are on the screen as it is now (not merely drawn once, earlier: a
        footer key or a title from the screen before would match too soon)."""
        try:
            self.wait_until(
                lambda: self.on_screen(words), what=f"{words!r} on the screen", timeout=timeout
            )
        except AssertionError as exc:
            raise AssertionError(f"{exc}:\n" + "\n".join(self.rows_now())) from None

    def wait_gone(self, words: str, timeout: float = STEP_TIMEOUT) -> None:
        self.wait_until(lambda: not self.on_screen(words), what=f"{words!r} to go", timeout=timeout)

    def shows(self, words: str) -> bool:
        """The words were written in one run, or are on one row of the screen as it is
        now (Textual may redraw part of a line)."""
        if words in self.text():
            return True
        return bool(self.websockets) and self.on_screen(words)

    def wait_until(self, predicate, what: str, timeout: float = STEP_TIMEOUT) -> None:
        """As wait_until, letting playwright deliver the page's events meanwhile."""
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout}s waiting for {what}")
            self.page.wait_for_timeout(50)

    def wait_first_frame(self, timeout: float = START_TIMEOUT) -> None:
        self.page.wait_for_selector("body.-first-byte", timeout=timeout * 1000)

    def size(self) -> tuple[int, int]:
        """The terminal's columns and rows: the page's last resize (once its font has
        loaded, the page may fit more rows than it first asked for), else what it asked."""
        if self.resized is not None:
            return self.resized
        query = parse_qs(urlsplit(self.websockets[-1]).query)
        return int(query["width"][0]), int(query["height"][0])

    def click_words(self, words: str) -> None:
        """Click the middle of `words` where they are on the screen (e.g. a footer key)."""
        cols, rows = self.size()
        try:
            self.wait_until(
                lambda: any(words in line for line in screen_rows(self.frames, cols, rows)),
                what=f"{words!r} on the screen",
            )
        except AssertionError as exc:
            screen = "\n".join(screen_rows(self.frames, cols, rows))
            raise AssertionError(f"{exc}:\n{screen}") from None
        lines = screen_rows(self.frames, cols, rows)
        row = next(i for i, line in enumerate(lines) if words in line)
        col = lines[row].index(words) + len(words) // 2
        box = self.page.locator(".xterm-screen").bounding_box()
        assert box is not None
        self.page.mouse.click(
            box["x"] + (col + 0.5) * box["width"] / cols,
            box["y"] + (row + 0.5) * box["height"] / rows,
        )

    def focus(self) -> None:
        self.page.locator(".xterm-helper-textarea").focus()

    def type(self, text: str) -> None:
        self.focus()
        self.page.keyboard.type(text, delay=20)

    def press(self, key: str) -> None:
        self.focus()
        self.page.keyboard.press(key)


def complete_first_run(tab: BrowserTab, first: str = "Ana", second: str = "Ben") -> None:
    """Welcome -> names -> Home, typed into the browser the way a person would."""
    tab.wait_for("Welcome to closeness", timeout=START_TIMEOUT)
    tab.wait_for("Let's begin")
    tab.press("Enter")
    tab.wait_for("Who is here today?")
    tab.type(first)
    tab.press("Enter")  # on to the second name
    tab.page.wait_for_timeout(300)
    tab.type(second)
    tab.press("Enter")  # save both
    tab.wait_for(f"Hello, {first} and {second}")


@contextmanager
def chromium() -> Iterator[object]:
    """Debian's chromium through playwright, offline, with a fresh profile."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()
