"""The installed `closeness web` as other programs on this laptop meet it: a wrong token is
not found, a websocket from any other origin (or none) is refused, and however the server
is stopped (a signal, even SIGKILL) or a tab closed, its app ends and frees the data lock."""

from __future__ import annotations

import asyncio
import os
import signal
import urllib.error
import urllib.request

import aiohttp
import pytest
from web_helpers import START_TIMEOUT, STEP_TIMEOUT, alive, screen_text, wait_until, web_server

from closeness_tui.store import Store, StoreLocked

pytestmark = pytest.mark.e2e


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=STEP_TIMEOUT) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def lock_is_free(data_dir) -> bool:
    try:
        Store.open(data_dir).close()
    except StoreLocked:
        return False
    return True


async def ws_status(url: str, origin: str | None) -> int:
    async with aiohttp.ClientSession() as session:
        try:
            async with session.ws_connect(url, origin=origin) as ws:
                await ws.close()
                return 101
        except aiohttp.WSServerHandshakeError as exc:
            return exc.status


async def open_app(url: str, origin: str, until: str) -> tuple[aiohttp.ClientSession, object]:
    """A tab's websocket (the right Origin), read until the app shows `until`."""
    session = aiohttp.ClientSession()
    ws = await session.ws_connect(url + "?width=80&height=24", origin=origin)
    frames: list[bytes] = []
    loop = asyncio.get_running_loop()
    deadline = loop.time() + START_TIMEOUT
    while until not in screen_text(frames):
        message = await asyncio.wait_for(ws.receive(), max(0.1, deadline - loop.time()))
        if message.type == aiohttp.WSMsgType.BINARY:
            frames.append(message.data)
        elif message.type != aiohttp.WSMsgType.TEXT:
            raise AssertionError(f"the websocket ended before {until!r}: {message.type}")
    return session, ws


def test_wrong_token_and_other_paths_are_not_found(tmp_path):
    with web_server(tmp_path / "data") as server:
        assert status_of(server.url) == 200
        base = server.origin
        for path in ["/", "/static/", "/static/js/textual.js", f"/{server.token[:-1]}/", "/x/"]:
            assert status_of(base + path) == 404, path
        assert status_of(f"{server.url}static/") == 404  # no listing


def test_a_fresh_token_each_run(tmp_path):
    with web_server(tmp_path / "data") as first:
        url = first.url
    with web_server(tmp_path / "data") as second:
        assert second.url != url
        assert status_of(url.replace(str(first.port), str(second.port))) == 404


@pytest.mark.parametrize(
    "origin", [None, "http://127.0.0.1:1", "http://localhost:{port}", "https://evil.example"]
)
def test_websocket_refuses_a_foreign_origin_or_none(tmp_path, origin):
    with web_server(tmp_path / "data") as server:
        foreign = None if origin is None else origin.format(port=server.port)
        assert asyncio.run(ws_status(server.ws_url, foreign)) == 403
        assert server.app_pids() == []
        assert asyncio.run(ws_status(server.ws_url, server.origin)) == 101  # its own page


@pytest.mark.parametrize(
    "sig",
    [signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGKILL],
    ids=["SIGTERM", "SIGINT", "SIGHUP", "SIGKILL"],
)
def test_stopping_the_server_ends_its_app_and_frees_the_lock(tmp_path, sig):
    data_dir = tmp_path / "data"
    with web_server(data_dir) as server:

        async def connect_and_stop() -> list[int]:
            session, ws = await open_app(server.ws_url, server.origin, "Welcome to closeness")
            try:
                pids = server.app_pids()
                assert len(pids) == 1 and not lock_is_free(data_dir)
                os.kill(server.process.pid, sig)
                await asyncio.to_thread(server.process.wait, STEP_TIMEOUT)
                return pids
            finally:
                await session.close()

        (app_pid,) = asyncio.run(connect_and_stop())
        wait_until(lambda: not alive(app_pid), what="the app to end")
        wait_until(lambda: lock_is_free(data_dir), what="the lock to be free")
        if sig != signal.SIGKILL:  # the server waited for its app, and says which signal
            assert server.process.returncode in (0, 128 + int(sig), -int(sig))


def test_closing_the_tab_ends_its_app_with_sighup(tmp_path):
    """The socket closes: the app is signalled (SIGHUP, as a closed terminal would send) and
    leaves through its own handling, freeing the lock; the server waits for the next tab."""
    data_dir = tmp_path / "data"
    with web_server(data_dir) as server:

        async def connect_and_close() -> int:
            session, ws = await open_app(server.ws_url, server.origin, "Welcome to closeness")
            (pid,) = server.app_pids()
            await ws.close()
            await session.close()
            return pid

        pid = asyncio.run(connect_and_close())
        wait_until(lambda: not alive(pid), what="the app to end with its tab")
        wait_until(lambda: lock_is_free(data_dir), what="the lock to be free")
        assert server.process.poll() is None  # the server stays for the next tab
        assert asyncio.run(ws_status(server.ws_url, server.origin)) == 101


def test_the_browser_is_started_without_the_secret_address(tmp_path):
    """`closeness web` opens the default browser ($BROWSER here) at a one-time address:
    anyone reading the browser's command line learns nothing that still works."""
    opened = tmp_path / "opened"
    fake_browser = tmp_path / "browser.sh"
    fake_browser.write_text(f'#!/bin/sh\nprintf %s "$1" > {opened}\n')
    fake_browser.chmod(0o700)
    with web_server(tmp_path / "data", browser=f"{fake_browser} %s") as server:
        wait_until(opened.exists, what="the browser to be started")
        launch = opened.read_text()
        assert launch.startswith(server.origin + "/") and server.token not in launch
        with urllib.request.urlopen(launch, timeout=STEP_TIMEOUT) as response:
            assert response.url == server.url  # led to the real address
        assert status_of(launch) == 404  # once only
