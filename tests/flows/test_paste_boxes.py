"""Pasting into the app's boxes: cleaned, cut with a notice when too long, never dropped."""

from __future__ import annotations

import pytest
from conftest import notices as notices_given
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual import events
from textual.app import App, ComposeResult

from closeness_tui.screens.text_boxes import LineBox, TextBox
from closeness_tui.text import _allowed


class Boxes(App[None]):
    def compose(self) -> ComposeResult:
        yield LineBox(id="line", max_length=10)
        yield TextBox(id="area", limit=12)


async def paste(app: App[None], selector: str, text: str, pilot) -> None:  # type: ignore[no-untyped-def]
    box = app.screen.query_one(selector)
    box.focus()
    await pilot.pause()
    box.post_message(events.Paste(text))
    await pilot.pause()


def notices(app: App[None]) -> list[str]:
    return [str(n.message) for n in notices_given(app)]


@pytest.mark.parametrize(
    ("pasted", "value", "cut"),
    [
        ("short", "short", False),
        ("one\ntwo", "one two", False),  # lines joined, not the first kept
        ("a\x0bb\x0cc\x85d\x1ce", "abcde", False),  # VT, FF, NEL, FS removed
        ("\x1b[31mred", "[31mred", False),
        ("exactly 10", "exactly 10", False),
        ("far longer than ten", "far longer", True),  # cut, not dropped
    ],
)
async def test_line_box_paste(pasted, value, cut):
    app = Boxes()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await paste(app, "#line", pasted, pilot)
        assert app.screen.query_one("#line", LineBox).value == value
        said = notices(app)
        assert bool(said) == cut
        if cut:
            assert "longer than 10 characters" in said[0]


async def test_line_box_paste_fills_only_the_room_left():
    app = Boxes()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        box = app.screen.query_one("#line", LineBox)
        box.value = "1234567"
        box.cursor_position = 7
        await paste(app, "#line", "abcdef", pilot)
        assert box.value == "1234567abc"
        assert notices(app)


@pytest.mark.parametrize(
    ("pasted", "text", "cut"),
    [
        ("one\ntwo", "one\ntwo", False),
        ("one\r\ntwo\tx", "one\ntwo\tx", False),
        ("a\x0bb\x0cc\x85d", "abcd", False),  # not turned into line breaks
        ("a\x1b]0;title\x07b", "a]0;titleb", False),
        ("0123456789abcdef", "0123456789ab", True),
    ],
)
async def test_text_box_paste(pasted, text, cut):
    app = Boxes()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await paste(app, "#area", pasted, pilot)
        assert app.screen.query_one("#area", TextBox).text == text
        assert bool(notices(app)) == cut


async def test_text_box_paste_replaces_the_selection():
    app = Boxes()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        area = app.screen.query_one("#area", TextBox)
        area.text = "hello world"
        area.select_all()
        await paste(app, "#area", "bye", pilot)
        assert area.text == "bye"
        assert area.cursor_location == (0, 3)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=30))
def test_any_paste_leaves_only_allowed_characters(pasted):
    import asyncio

    async def run() -> tuple[str, str]:
        app = Boxes()
        async with app.run_test(size=(80, 24)) as pilot:
            await paste(app, "#line", pasted, pilot)
            await paste(app, "#area", pasted, pilot)
            return app.screen.query_one("#line", LineBox).value, app.screen.query_one(
                "#area", TextBox
            ).text

    line, area = asyncio.run(run())
    assert len(line) <= 10 and len(area) <= 12
    assert all(_allowed(ch) and ch not in "\n\t" for ch in line)
    assert all(_allowed(ch) for ch in area)


COUPLE = "\U0001f469\u200d\u2764\ufe0f\u200d\U0001f468"  # 👩‍❤️‍👨: woman, ZWJ, heart, VS16, ZWJ, man


@pytest.mark.parametrize("selector", ["#line", "#area"])
async def test_a_couple_emoji_typed_key_by_key_keeps_its_joiners(selector):
    """Textual inserts only str.isprintable() keys; U+200D is not, so the boxes add it."""
    app = Boxes()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        box = app.screen.query_one(selector)
        box.focus()
        await pilot.pause()
        # The keys exactly as Textual's terminal parser makes them from the typed bytes.
        from textual._xterm_parser import XTermParser

        for key in XTermParser().feed(COUPLE):
            app.post_message(key)
            await pilot.pause()
        typed = box.value if isinstance(box, LineBox) else box.text
        assert typed == COUPLE
        assert clean_text(typed) == COUPLE  # the app's own cleaning keeps them too


def clean_text(text: str) -> str:
    from closeness_tui.text import clean

    return clean(text).text
