"""The warm start's parts: what the app draws before its tab connects reaches the tab whole
and in order; an app no tab came for is ended."""

from __future__ import annotations

import asyncio

import pytest

pytest.importorskip("textual_serve", reason="the web extra is not installed")
from closeness_tui import web_warm  # noqa: E402
from closeness_tui.web_warm import Sink, WarmApp  # noqa: E402


class FakeSocket:
    def __init__(self) -> None:
        self.sent: list[bytes | str] = []
        self.closed = False

    async def send_bytes(self, data: bytes) -> None:
        await asyncio.sleep(0)  # let other writers try to cut in
        self.sent.append(data)

    async def send_str(self, data: str) -> None:
        self.sent.append(data)

    async def close(self) -> None:
        self.closed = True


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ([], [b"a"]),
        ([b"a", "meta", b"b"], []),
        ([b"a", b"b"], [b"c", "meta", b"d"]),
    ],
)
async def test_output_reaches_the_tab_in_order(before, after):
    sink, socket = Sink(), FakeSocket()

    async def write(item: bytes | str) -> None:
        if isinstance(item, bytes):
            await sink.write_bytes(item)
        else:
            await sink.write_str(item)

    for item in before:
        await write(item)
    assert socket.sent == []
    # Writes racing the attach still land after everything kept.
    await asyncio.gather(sink.attach(socket), *(write(item) for item in after))
    assert socket.sent == before + after


async def test_an_app_that_ends_before_its_tab_is_not_used():
    sink = Sink()
    await sink.close()
    assert sink.closed


async def test_closing_after_attach_closes_the_tab():
    sink, socket = Sink(), FakeSocket()
    await sink.attach(socket)
    await sink.close()
    assert socket.closed and not sink.closed


async def test_a_warm_app_no_tab_came_for_is_ended(monkeypatch):
    monkeypatch.setattr(web_warm, "WARM_TTL", 0.05)
    ended = asyncio.Event()

    async def expire() -> None:
        ended.set()

    WarmApp(object(), Sink(), expire)  # type: ignore[arg-type]
    await asyncio.wait_for(ended.wait(), 2)


async def test_a_claimed_warm_app_is_kept(monkeypatch):
    monkeypatch.setattr(web_warm, "WARM_TTL", 0.05)
    ended = asyncio.Event()

    async def expire() -> None:
        ended.set()

    WarmApp(object(), Sink(), expire).claim()  # type: ignore[arg-type]
    await asyncio.sleep(0.2)
    assert not ended.is_set()
