"""A warm start for `closeness web`: the app process for a tab is started as soon as its
page is asked for, so that the app starts while the browser loads the page's scripts and
font, instead of after. What the app draws meanwhile is kept in order and handed to the
tab's websocket when it connects; an app no tab came for is ended after a while."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from aiohttp import web

if TYPE_CHECKING:
    from closeness_tui.web import ClosenessAppService

WARM_TTL = 30.0  # seconds a warm app waits for its tab before it is ended (SIGHUP)


class Sink:
    """Where the app's output goes: kept in order until a websocket is attached, then sent
    there (what was kept first)."""

    def __init__(self) -> None:
        self._kept: list[tuple[bool, bytes | str]] = []
        self._target: web.WebSocketResponse | None = None
        self._lock = asyncio.Lock()
        self.closed = False  # the app ended before a tab came

    async def write_bytes(self, data: bytes) -> None:
        await self._write(True, data)

    async def write_str(self, data: str) -> None:
        await self._write(False, data)

    async def _write(self, binary: bool, data: bytes | str) -> None:
        async with self._lock:
            if self._target is None:
                self._kept.append((binary, data))
            else:
                await _send(self._target, binary, data)

    async def close(self) -> None:
        async with self._lock:
            if self._target is None:
                self.closed = True
            else:
                await self._target.close()

    async def attach(self, websocket: web.WebSocketResponse) -> None:
        async with self._lock:
            for binary, data in self._kept:
                await _send(websocket, binary, data)
            self._kept.clear()
            self._target = websocket


async def _send(websocket: web.WebSocketResponse, binary: bool, data: bytes | str) -> None:
    with contextlib.suppress(ConnectionError):
        if binary:
            await websocket.send_bytes(data)  # type: ignore[arg-type]
        else:
            await websocket.send_str(data)  # type: ignore[arg-type]


class WarmApp:
    """An app started for a page, waiting for that page's websocket."""

    def __init__(
        self, service: ClosenessAppService, sink: Sink, expire: Callable[[], Awaitable[None]]
    ) -> None:
        self.service = service
        self.sink = sink
        self._timer = asyncio.get_running_loop().call_later(
            WARM_TTL, lambda: asyncio.ensure_future(expire())
        )

    @property
    def usable(self) -> bool:
        process = self.service._process
        return not self.sink.closed and process is not None and process.returncode is None

    def claim(self) -> None:
        self._timer.cancel()
