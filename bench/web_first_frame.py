"""First frame in the browser, as a ratio to the terminal start measured in the same run.

    python bench/web_first_frame.py                      # 5 runs of each, alternating
    python bench/web_first_frame.py --runs 9
    python bench/web_first_frame.py --screenshot docs/screenshot-web-home.png

Terminal: `closeness` on a fresh pseudo-terminal, spawn to Home's words drawn (as in
bench/startup.py, whose measuring it reuses). Browser: `closeness web --no-browser` is started
once; then, in Debian's chromium (playwright, headless), each run opens a new tab at its
address and times how long until Home's words arrive in the page's websocket frames: what a
partner waits after the tab opens (page, scripts, font, websocket, app process, Home). The
server's own start (spawn to address printed) is shown too. Same data folder (two names, no
history) for both; figures are medians. With --screenshot, Home is then drawn in a 1000x620
tab and saved as a PNG (the README's picture).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests" / "e2e"))

from startup import MARKERS, child_env, commands, run_pty  # noqa: E402
from web_helpers import CHROMIUM, CHROMIUM_FLAGS, URL_RE, screen_text  # noqa: E402

HOME = MARKERS["closeness"].decode()


def seed(data_dir: Path) -> None:
    from closeness_tui.store import Store

    with Store.open(data_dir) as store:
        settings = store.settings()
        settings.partner_a, settings.partner_b = "Ana", "Ben"
        store.save_settings(settings)


def start_server(data_dir: Path, env: dict[str, str]) -> tuple[subprocess.Popen[str], str, float]:
    command = Path(sys.executable).with_name("closeness")
    t0 = time.perf_counter()
    server = subprocess.Popen(
        [str(command), "web", "--no-browser", "--data-dir", str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    assert server.stdout is not None
    for line in server.stdout:
        found = URL_RE.search(line)
        if found:
            return server, found.group(0), time.perf_counter() - t0
    raise SystemExit(f"closeness web printed no address (exit {server.wait()})")


def tab_to_home(browser, url: str, screenshot: Path | None = None) -> float:
    """Seconds from opening a new tab at `url` until Home's words reach it."""
    page = browser.new_page(viewport={"width": 1000, "height": 620})
    frames: list[bytes] = []
    page.on(
        "websocket",
        lambda ws: ws.on(
            "framereceived", lambda data: frames.append(data) if isinstance(data, bytes) else None
        ),
    )
    t0 = time.perf_counter()
    page.goto(url, wait_until="commit")
    while HOME not in screen_text(frames):
        if time.perf_counter() - t0 > 60:
            raise SystemExit("the browser never showed Home")
        page.wait_for_timeout(5)
    drawn = time.perf_counter() - t0
    if screenshot is not None:
        page.locator(".xterm-helper-textarea").focus()  # as after a click: keys in the footer
        page.wait_for_timeout(1500)  # the fade-in, and the font settled
        page.screenshot(path=str(screenshot))
    page.close(run_before_unload=False)
    return drawn


def wait_free(server_pid: int) -> None:
    """The previous tab's app has left (one tab at a time)."""
    from web_helpers import children_running

    deadline = time.monotonic() + 20
    while children_running(server_pid, "closeness_tui.web_child"):
        if time.monotonic() > deadline:
            raise SystemExit("the previous tab's app did not leave")
        time.sleep(0.02)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--screenshot", type=Path, help="also save Home in the browser here")
    args = parser.parse_args(argv)
    if not os.path.exists(CHROMIUM):
        raise SystemExit(f"chromium is not installed at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    data_dir = Path(tempfile.mkdtemp(prefix="closeness-webbench-")) / "data"
    seed(data_dir)
    env = child_env()  # CLOSENESS_BENCH_EXIT_ON_HOME=1: each terminal app leaves at Home
    terminal_cmd = commands(data_dir)["closeness"]
    terminal: list[float] = []
    browser_times: list[float] = []
    # The browser's apps stay until their tab closes (as a couple's would): an app that left
    # by itself at Home would leave before a warm-started tab could attach to it.
    web_env = {k: v for k, v in env.items() if k != "CLOSENESS_BENCH_EXIT_ON_HOME"}
    server, url, server_start = start_server(data_dir, web_env)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            run_pty(terminal_cmd, env, MARKERS["closeness"])  # warm-up, both ways
            tab_to_home(browser, url)
            for i in range(args.runs):
                order = ("terminal", "browser") if i % 2 == 0 else ("browser", "terminal")
                for way in order:
                    wait_free(server.pid)
                    if way == "terminal":
                        terminal.append(run_pty(terminal_cmd, env, MARKERS["closeness"])[0])
                    else:
                        browser_times.append(tab_to_home(browser, url))
            browser.close()
    finally:
        server.terminate()
        server.wait(20)
    term, web = statistics.median(terminal), statistics.median(browser_times)
    print(f"runs: {args.runs} of each, alternating; data: two names, no history")
    print(f"terminal: spawn to Home drawn           median {term * 1000:7.0f} ms")
    print(f"browser:  new tab to Home drawn         median {web * 1000:7.0f} ms")
    print(f"ratio browser / terminal: {web / term:.2f}")
    print(f"(closeness web: spawn to address printed {server_start * 1000:.0f} ms, once)")
    print("terminal runs ms:", " ".join(f"{t * 1000:.0f}" for t in terminal))
    print("browser runs ms: ", " ".join(f"{t * 1000:.0f}" for t in browser_times))
    if args.screenshot:
        server, url, _ = start_server(data_dir, web_env)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
                tab_to_home(browser, url, screenshot=args.screenshot)
                browser.close()
        finally:
            server.terminate()
            server.wait(20)
        print(f"saved {args.screenshot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
