"""The one helper for partner text: cleaned at input, shown literally everywhere."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.widgets import Static

from closeness_tui.text import TEXT_MAX, clean, safe, safe_template

BRACKETS = [
    "[/]",
    "I feel [hurt]",
    "[@click=app.quit]x[/]",
    "[ @click=app.quit]x[/]",
    "[B]loud[/B]",
    "[red on white]x",
    "[link=https://example.com]x[/link]",
    "\\[escaped]",
    "[[]]",
    "$a [b]$b[/b]",
]


@pytest.mark.parametrize("text", BRACKETS)
def test_safe_shows_bracketed_text_literally(text):
    content = safe(text)
    assert content.plain == text
    assert not content.spans  # no style, no action link


@pytest.mark.parametrize("text", BRACKETS)
def test_safe_template_inserts_values_literally(text):
    content = safe_template("[b]$who[/b] said: $said", who="[/]Ana", said=text)
    assert content.plain == f"[/]Ana said: {text}"
    # only the app's own bold, over the name
    assert [(s.start, s.end) for s in content.spans] == [(0, len("[/]Ana"))]


@pytest.mark.parametrize("text", BRACKETS)
def test_static_renders_safe_text_without_crashing(text):
    static = Static(safe(text))
    rendered = static.visual  # building the visual parses markup for plain str
    assert text in rendered.plain


def test_clean_drops_terminal_controls_and_bidi_overrides():
    raw = "hi\x1b]0;pwned\x07 there\x00\x9b\u202eevil\u2066x\u2069\r\nnext\tcol"
    out = clean(raw)
    assert out.text == "hi]0;pwned thereevilx\nnext\tcol"
    assert out.removed == 7  # ESC, BEL, NUL, CSI(C1), RLO, LRI, PDI (CR folded into LF)


def test_clean_keeps_emoji_rtl_and_nfc_normalises():
    assert clean("שלום 🌙 مرحبا").text == "שלום 🌙 مرحبا"
    assert clean("e\u0301").text == "\u00e9"


def test_clean_caps_length_with_a_kind_message():
    out = clean("x" * (TEXT_MAX + 10))
    assert len(out.text) == TEXT_MAX and out.truncated
    assert "only the first" in out.message(TEXT_MAX)
    assert clean("short").message(TEXT_MAX) is None


def test_clean_single_line_folds_newlines():
    assert clean("a\nb\tc", single_line=True).text == "a b c"


def test_clean_removes_lone_surrogates():
    assert clean("a\ud800b").text == "ab"


@given(st.text())
def test_clean_is_idempotent_and_never_raises(text):
    once = clean(text).text
    assert clean(once).text == once


@given(st.text(alphabet=st.sampled_from("[]/@=$ab\\ 🌙ש\n"), max_size=40))
def test_safe_round_trips_bracket_soup(text):
    assert safe(text).plain == clean(text).text
    assert Static(safe(text)).visual.plain == clean(text).text  # never raises MarkupError
