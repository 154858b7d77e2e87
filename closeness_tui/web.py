"""`closeness web`: closeness in a browser tab on this laptop, served by textual-serve.

textual-serve (an optional dependency: `pip install 'closeness[web]'`) is subclassed, not
forked: its Server and AppService speak the protocol between the page and the app process;
this module adds what stock textual-serve lacks for private words:

- it listens on 127.0.0.1 only, and every path carries a fresh random token
  (`http://127.0.0.1:PORT/TOKEN/`); any other path, and any other Host header, answers 404;
  the browser is started with a one-time address instead (a command line is visible to
  other users), which leads to the real one once;
- the websocket accepts only its own page's Origin (403 otherwise, and 403 without one);
- a fixed list of files instead of a static folder (no directory listing), our own page
  (no inline script, the bundled font, nothing from another host), and on every answer a
  Content-Security-Policy allowing only itself, `Referrer-Policy: no-referrer` and
  `Cache-Control: no-store`;
- one app for one couple: while a tab is connected, another tab gets no app (its websocket
  is refused) and a kind message saying closeness is open in another tab;
- the app is started without a shell, through `closeness_tui.web_child`, which ends it
  (SIGTERM) when this server disappears, even by SIGKILL; closing a tab sends the app SIGHUP
  (as closing a terminal would) and stopping the server sends SIGTERM, so the app leaves
  through its own signal handling, saving what it holds, and frees the data lock.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
import os
import secrets
import signal
import socket
import sys
import threading
import webbrowser
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from closeness_tui.web_warm import Sink, WarmApp

HOST = "127.0.0.1"
APP_EXIT_GRACE = 8.0  # seconds an app may take to leave after its signal (its own watchdog: 5)
LIVE_GRACE = 2.0  # seconds a new tab waits for an open one to close (a reload's old page)
STOPPING_WAIT = 10.0  # seconds a new tab waits for the previous tab's app to finish leaving

log = logging.getLogger("closeness.web")

_SERVE_DIR = resources.files("textual_serve") / "static"
_PAGE_DIR = resources.files("closeness_tui") / "web_page"

# Every file the page may load, by the name it has under /TOKEN/static/: nothing else is served.
STATIC_FILES: dict[str, tuple[object, str]] = {
    "textual.js": (_SERVE_DIR / "js" / "textual.js", "text/javascript"),
    "xterm.css": (_SERVE_DIR / "css" / "xterm.css", "text/css"),
    "RobotoMono.ttf": (_SERVE_DIR / "fonts" / "RobotoMono-VariableFont_wght.ttf", "font/ttf"),
    "RobotoMono-Italic.ttf": (
        _SERVE_DIR / "fonts" / "RobotoMono-Italic-VariableFont_wght.ttf",
        "font/ttf",
    ),
    "page.css": (_PAGE_DIR / "page.css", "text/css"),
    "page.js": (_PAGE_DIR / "page.js", "text/javascript"),
}


def security_headers(origin: str) -> dict[str, str]:
    """What every answer carries: only this server may be loaded or connected to."""
    ws_origin = "ws" + origin.removeprefix("http")
    csp = "; ".join(
        [
            "default-src 'none'",
            "script-src 'self'",
            # xterm.js sizes its rows with inline style attributes and one <style> element.
            "style-src 'self' 'unsafe-inline'",
            "font-src 'self'",
            "img-src 'self' data:",
            f"connect-src 'self' {ws_origin}",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        ]
    )
    return {
        "Content-Security-Policy": csp,
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
    }


def app_command(data_dir: Path) -> list[str]:
    """The app process for one tab: this Python, no shell, the data folder as given."""
    return [sys.executable, "-m", "closeness_tui.web_child", "--data-dir", str(data_dir)]


class ClosenessAppService(AppService):
    """One app process, started without a shell and ended by a signal, never by a quit
    message: the app's own SIGHUP/SIGTERM handling saves what it holds and frees the lock."""

    def __init__(self, argv: list[str], **kwargs: object) -> None:
        super().__init__(" ".join(argv), **kwargs)  # type: ignore[arg-type]
        self.argv = argv

    async def _open_app_process(self, width: int = 80, height: int = 24):
        environment = self._build_environment(width=width, height=height)
        environment["CLOSENESS_WEB_PARENT"] = str(os.getpid())
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=environment,
            start_new_session=True,  # ctrl+c in the server's terminal reaches only the server
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    @property
    def pid(self) -> int | None:
        return None if self._process is None else self._process.pid

    async def stop(self, sig: signal.Signals = signal.SIGHUP) -> None:
        """Signal the app and wait for it to leave. SIGKILL only if it is still there after
        its own watchdog should have ended it."""
        process, task = self._process, self._task
        if process is None:
            return
        if process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                process.send_signal(sig)
        try:
            await asyncio.wait_for(process.wait(), APP_EXIT_GRACE)
        except TimeoutError:
            log.warning("the app did not leave after %s; ending it", sig.name)
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()
        if task is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(task, 2.0)
            self._task = None


@dataclass
class Session:
    """The one tab that is connected, and its app."""

    service: ClosenessAppService
    socket: web.WebSocketResponse
    stopped: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def live(self) -> bool:
        return not self.socket.closed and not self.stopped.is_set()


class ClosenessServer(Server):
    """textual-serve's Server, locked down for one couple on one laptop."""

    def __init__(
        self, data_dir: Path, port: int = 0, token: str | None = None, warm_start: bool = True
    ) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((HOST, port))  # OSError if the port is taken: the caller says so
        port = self.sock.getsockname()[1]
        super().__init__("closeness", host=HOST, port=port, title="closeness")
        self.data_dir = Path(data_dir)
        self.token = token or secrets.token_urlsafe(32)
        self.origin = f"http://{HOST}:{port}"
        self.url = f"{self.origin}/{self.token}/"
        self.headers = security_headers(self.origin)
        self.session: Session | None = None
        self._launch_code: str | None = None
        self.stop_signal: signal.Signals | None = None
        self._stop = asyncio.Event()
        self.warm_start = warm_start
        self._warm: WarmApp | None = None

    # -- the web application -------------------------------------------------------------

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._guard])
        prefix = f"/{self.token}"
        app.add_routes(
            [
                web.get(f"{prefix}/", self.handle_index),
                web.get(f"{prefix}/ws", self.handle_websocket),
                web.get(f"{prefix}/status", self.handle_status),
                web.get(f"{prefix}/static/{{name}}", self.handle_static),
            ]
        )
        app.on_response_prepare.append(self._add_headers)
        return app

    @web.middleware
    async def _guard(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        """Anything not addressed to this server by its token is not found."""
        first = request.path.split("/", 2)[1] if request.path.count("/") >= 2 else ""
        right_token = secrets.compare_digest(first.encode(), self.token.encode())
        right_host = request.headers.get("Host", "") == f"{HOST}:{self.port}"
        if right_host and request.method == "GET" and self._launch_code is not None:
            if request.path == f"/{first}/" and secrets.compare_digest(
                first.encode(), self._launch_code.encode()
            ):
                self._launch_code = None  # once only
                raise web.HTTPSeeOther(self.url)
        if not (right_token and right_host) or request.method != "GET":
            raise web.HTTPNotFound(text="Not found.")
        return await handler(request)

    def launch_url(self) -> str:
        """A one-time address for the browser to be started with. A browser's command line
        can be read by other users of this computer (`ps`), so it never carries the token:
        this address leads to the real one once, and is not found afterwards."""
        self._launch_code = secrets.token_urlsafe(32)
        return f"{self.origin}/{self._launch_code}/"

    async def _add_headers(self, request: web.Request, response: web.StreamResponse) -> None:
        response.headers.update(self.headers)

    async def handle_static(self, request: web.Request) -> web.StreamResponse:
        entry = STATIC_FILES.get(request.match_info["name"])
        if entry is None:
            raise web.HTTPNotFound(text="Not found.")
        path, content_type = entry
        body = path.read_bytes()  # type: ignore[attr-defined]
        return web.Response(body=body, content_type=content_type)

    async def handle_index(self, request: web.Request) -> web.Response:
        page = (_PAGE_DIR / "index.html").read_text("utf-8")
        values = {
            "static": f"/{self.token}/static/",
            "websocket": f"ws://{HOST}:{self.port}/{self.token}/ws",
            "font_size": str(max(8, min(48, to_int(request.query.get("fontsize", "16"), 16)))),
        }
        for key, value in values.items():
            page = page.replace("{{" + key + "}}", html.escape(value, quote=True))
        if self.warm_start and self.session is None and self._warm is None:
            await self._start_warm()
        return web.Response(text=page, content_type="text/html")

    def _new_service(
        self,
        write_bytes: Callable[[bytes], Awaitable[None]],
        write_str: Callable[[str], Awaitable[None]],
        close: Callable[[], Awaitable[object]],
    ) -> ClosenessAppService:
        return ClosenessAppService(
            app_command(self.data_dir),
            write_bytes=write_bytes,
            write_str=write_str,
            close=close,
            download_manager=self.download_manager,
        )

    async def _start_warm(self) -> None:
        """Start the app while the page loads (see web_warm); its tab attaches to it."""
        sink = Sink()
        service = self._new_service(sink.write_bytes, sink.write_str, sink.close)
        await service.start(80, 24)  # the tab sends its own size when it connects
        self._warm = warm = WarmApp(service, sink, lambda: self._expire(warm))

    async def _expire(self, warm: WarmApp) -> None:
        if self._warm is warm:
            self._warm = None
            await warm.service.stop()

    async def handle_status(self, request: web.Request) -> web.Response:
        """For a tab whose websocket was refused: is another tab using closeness?"""
        session = self.session
        return web.json_response({"open_elsewhere": session is not None and session.live})

    async def _settle_previous(self) -> None:
        """A reloaded tab connects again while its old page may still be leaving, and a
        closed tab's app may still be saving: give the old socket a moment to close and its
        app time to finish leaving, before deciding whether this tab may have an app."""
        session = self.session
        if session is None:
            return
        loop = asyncio.get_running_loop()
        deadline = loop.time() + LIVE_GRACE
        while session.live and loop.time() < deadline:
            await asyncio.sleep(0.05)
        if not session.live:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(session.stopped.wait(), STOPPING_WAIT)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if request.headers.get("Origin") != self.origin:
            raise web.HTTPForbidden(text="Forbidden.")
        await self._settle_previous()
        if self.session is not None:
            raise web.HTTPConflict(text="closeness is already open in another tab.")
        websocket = web.WebSocketResponse(heartbeat=15)
        width = max(20, min(500, to_int(request.query.get("width", "80"), 80)))
        height = max(5, min(300, to_int(request.query.get("height", "24"), 24)))
        warm, self._warm = self._warm, None
        if warm is not None and warm.usable:
            warm.claim()
            service = warm.service
        else:
            if warm is not None:
                warm.claim()
                await warm.service.stop()
            warm = None
            service = self._new_service(websocket.send_bytes, websocket.send_str, websocket.close)
        session = self.session = Session(service, websocket)
        try:
            await websocket.prepare(request)
            if warm is not None:
                await warm.sink.attach(websocket)
                await service.set_terminal_size(width, height)
            else:
                await service.start(width, height)
            await self._process_messages(websocket, service)
        except (asyncio.CancelledError, ConnectionError):
            pass
        except Exception:  # noqa: BLE001 - the tab is gone either way; never log its words
            log.error("the connection to the tab ended unexpectedly")
        finally:
            await asyncio.shield(self._end(session, self.stop_signal or signal.SIGHUP))
        return websocket

    async def _end(self, session: Session, sig: signal.Signals) -> None:
        try:
            await session.service.stop(sig)
            with contextlib.suppress(Exception):
                await session.socket.close()
        finally:
            session.stopped.set()
            if self.session is session:
                self.session = None

    # -- running -------------------------------------------------------------------------

    def request_exit(self, sig: signal.Signals = signal.SIGTERM) -> None:
        self.stop_signal = sig
        self._stop.set()

    async def run(self, on_ready: Callable[[], None] | None = None) -> int:
        """Serve until a signal; then end the app (SIGTERM) and wait for it. Returns the
        exit code: 0, or 128 + the signal."""
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, self.request_exit, sig)
        runner = web.AppRunner(await self._make_app(), access_log=None, handle_signals=False)
        await runner.setup()
        site = web.SockSite(runner, self.sock, shutdown_timeout=2.0)
        await site.start()
        if on_ready is not None:
            on_ready()
        try:
            await self._stop.wait()
        finally:
            session, warm = self.session, self._warm
            if session is not None:
                await self._end(session, signal.SIGTERM)
            if warm is not None:
                self._warm = None
                warm.claim()
                await warm.service.stop(signal.SIGTERM)
            await runner.cleanup()
        return 0 if self.stop_signal in (None, signal.SIGINT) else 128 + int(self.stop_signal)


def open_browser(url: str) -> None:
    """Open the default browser without holding up the server (a console browser may block)."""
    threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()


def serve(data_dir: Path, port: int = 0, browser: bool = True) -> int:
    """`closeness web`: serve closeness on 127.0.0.1, print the URL, open the browser."""
    try:
        server = ClosenessServer(data_dir, port)
    except OSError as exc:
        print(f"closeness web: could not listen on {HOST}:{port}: {exc.strerror}", file=sys.stderr)
        return 1

    def ready() -> None:
        print(
            f"closeness is ready in your browser at:\n\n    {server.url}\n\n"
            "This address is new each time and works only on this computer. Keep this window "
            "open while you use closeness; press ctrl+c here to stop it (what you typed is "
            "saved first).",
            flush=True,
        )
        if browser:
            open_browser(server.launch_url())

    logging.basicConfig(level=logging.WARNING, format="closeness web: %(message)s")
    try:
        return asyncio.run(server.run(ready))
    except KeyboardInterrupt:
        return 130
