"""What `closeness web` answers to each request, without a browser or an app process: only
its token's paths exist, only its own page may open the websocket, every answer carries the
locked-down headers, and the page asks for nothing from another host."""

from __future__ import annotations

import asyncio
import re
from urllib.parse import quote, unquote

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

pytest.importorskip("textual_serve", reason="the web extra is not installed")
from aiohttp.test_utils import TestClient, TestServer  # noqa: E402
from yarl import URL  # noqa: E402

from closeness_tui.web import STATIC_FILES, ClosenessServer  # noqa: E402

TOKEN = "t0ken-Abc_123"


@pytest.fixture
async def served(tmp_path):
    server = ClosenessServer(tmp_path / "data", port=0, token=TOKEN, warm_start=False)
    client = TestClient(TestServer(await server._make_app()))
    await client.start_server()
    try:
        yield server, client
    finally:
        await client.close()
        server.sock.close()


def host(server: ClosenessServer) -> dict[str, str]:
    return {"Host": f"127.0.0.1:{server.port}"}


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", f"/{TOKEN}/", 200),
        ("GET", f"/{TOKEN}/static/textual.js", 200),
        ("GET", f"/{TOKEN}/static/xterm.css", 200),
        ("GET", f"/{TOKEN}/static/RobotoMono.ttf", 200),
        ("GET", f"/{TOKEN}/static/page.js", 200),
        ("GET", f"/{TOKEN}/status", 200),
        ("GET", "/", 404),
        ("GET", "/favicon.ico", 404),
        ("GET", f"/{TOKEN}", 404),
        ("GET", f"/{TOKEN}x/", 404),
        ("GET", f"/{TOKEN[:-1]}/", 404),
        ("GET", "/wrong-token/", 404),
        ("GET", f"/{TOKEN}/static/", 404),  # no listing
        ("GET", f"/{TOKEN}/static/js", 404),
        ("GET", f"/{TOKEN}/static/..%2Fweb.py", 404),
        ("GET", f"/{TOKEN}/static/__init__.py", 404),
        ("GET", "/static/js/textual.js", 404),  # stock textual-serve's paths
        ("GET", "/static/", 404),
        ("GET", "/ws", 404),
        ("GET", "/download/abc", 404),
        ("GET", f"/{TOKEN}/download/abc", 404),
        ("POST", f"/{TOKEN}/", 404),
        ("PUT", f"/{TOKEN}/ws", 404),
    ],
)
async def test_paths(served, method, path, status):
    server, client = served
    response = await client.request(method, path, headers=host(server))
    assert response.status == status
    # Every answer, a refusal too, carries the headers.
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["Cache-Control"] == "no-store"
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    if status == 404:
        assert TOKEN not in await response.text()


@pytest.mark.parametrize(
    "host_header",
    ["localhost:{port}", "127.0.0.1", "127.0.0.1:1", "evil.example", "evil.example:{port}"],
)
async def test_other_host_names_are_not_found(served, host_header):
    """A page on another site whose name resolves to 127.0.0.1 (DNS rebinding) gets nothing."""
    server, client = served
    headers = {"Host": host_header.format(port=server.port)}
    response = await client.get(f"/{TOKEN}/", headers=headers)
    assert response.status == 404


async def test_page_loads_only_from_itself(served):
    server, client = served
    response = await client.get(f"/{TOKEN}/", headers=host(server))
    page = await response.text()
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert f"connect-src 'self' ws://127.0.0.1:{server.port}" in csp
    assert f'data-session-websocket-url="ws://127.0.0.1:{server.port}/{TOKEN}/ws"' in page
    # No inline script (the policy would refuse it) and no address of any other host.
    assert re.findall(r"<script(?![^>]*\bsrc=)", page) == []
    assert re.findall(r"(?:https?:)?//(?!127\.0\.0\.1)[\w.-]+", page) == []
    for name in ("page.css", "page.js"):
        body = await (await client.get(f"/{TOKEN}/static/{name}", headers=host(server))).text()
        assert "http" not in body and "//fonts" not in body


def test_static_files_exist():
    for name, (path, _kind) in STATIC_FILES.items():
        assert path.is_file(), name  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "origin",
    [None, "null", "http://localhost:{port}", "http://127.0.0.1:1", "https://evil.example"],
)
async def test_websocket_refuses_other_origins(served, origin):
    server, client = served
    headers = host(server)
    if origin is not None:
        headers["Origin"] = origin.format(port=server.port)
    headers.update({"Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Version": "13"})
    headers["Sec-WebSocket-Key"] = "dGhlIHNhbXBsZSBub25jZQ=="
    response = await client.get(f"/{TOKEN}/ws", headers=headers)
    assert response.status == 403
    assert server.session is None  # no app was started


@pytest.mark.parametrize(("live", "expected"), [(None, False), (False, False), (True, True)])
async def test_status_says_whether_another_tab_has_closeness(served, monkeypatch, live, expected):
    server, client = served

    class Tab:
        pass

    if live is not None:
        tab = Tab()
        tab.live = live
        monkeypatch.setattr(server, "session", tab)
    response = await client.get(f"/{TOKEN}/status", headers=host(server))
    assert response.status == 200
    assert await response.json() == {"open_elsewhere": expected}


async def test_the_browser_launch_address_works_once(served):
    """The browser is started with a one-time address (another user can read a command
    line): it leads to the real one once, then is not found."""
    server, client = served
    launch = server.launch_url()
    assert server.token not in launch
    path = launch.removeprefix(server.origin)
    first = await client.get(path, headers=host(server), allow_redirects=False)
    assert first.status == 303 and first.headers["Location"] == server.url
    again = await client.get(path, headers=host(server), allow_redirects=False)
    assert again.status == 404


async def test_no_launch_address_unless_asked(served):
    server, client = served
    for path in ("/None/", "//"):
        response = await client.get(path, headers=host(server), allow_redirects=False)
        assert response.status == 404


KNOWN = {f"/{TOKEN}/", f"/{TOKEN}/ws", f"/{TOKEN}/status"} | {
    f"/{TOKEN}/static/{name}" for name in STATIC_FILES
}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    paths=st.lists(
        st.one_of(
            st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=0x2FF), max_size=40),
            st.builds(lambda tail: f"{TOKEN}/{tail}", st.text(max_size=20)),
            st.builds(lambda head: f"{head}/", st.text(max_size=50)),
        ),
        min_size=1,
        max_size=8,
    )
)
@example(paths=[f"{TOKEN}/.", f"a/../{TOKEN}/./ws", f"{TOKEN}/%2E."])
def test_any_other_path_is_not_found(tmp_path_factory, paths):
    """Whatever is asked for, only the known addresses answer; nothing else says more than
    "not found" (and a refusal never echoes the token)."""

    async def ask() -> None:
        server = ClosenessServer(
            tmp_path_factory.mktemp("d") / "data", port=0, token=TOKEN, warm_start=False
        )
        client = TestClient(TestServer(await server._make_app()))
        await client.start_server()
        try:
            for raw in paths:
                path = "/" + quote(raw.lstrip("/"), safe="/")  # (not "//host")
                # The client resolves dot segments before sending ("/TOKEN/." asks for
                # "/TOKEN/"), so what the server is asked is the joined address.
                sent = URL("http://127.0.0.1").join(URL(path))
                if {path, unquote(path), sent.path, sent.raw_path} & KNOWN:
                    continue
                response = await client.get(path, headers=host(server), allow_redirects=False)
                assert response.status in (404, 400), path
                assert TOKEN not in await response.text()
        finally:
            await client.close()
            server.sock.close()

    asyncio.run(ask())
