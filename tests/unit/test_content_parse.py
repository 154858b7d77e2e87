"""The content loader's TOML parsing (rtoml): every shipped file reads as the standard
library reads it, and a malformed file is an error naming the file, not a traceback."""

from __future__ import annotations

import tomllib

import msgspec
import pytest

from closeness_tui.content import CONTENT_DIR, REGISTRY, ContentError, parse


@pytest.mark.parametrize("filename", sorted(REGISTRY))
def test_every_content_file_reads_as_tomllib_reads_it(filename: str) -> None:
    """The parser swap changes no word: same tables, strings, arrays and numbers."""
    from closeness_tui.content import _toml

    text = (CONTENT_DIR / filename).read_text("utf-8")
    assert _toml(filename, text) == tomllib.loads(text)


class Small(msgspec.Struct):
    title: str
    lines: list[str]
    count: int = 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('title = "Hi"\nlines = ["a", "b"]\n', Small("Hi", ["a", "b"])),
        ('title = "[b]x[/]"\nlines = []\ncount = 3\n', Small("[b]x[/]", [], 3)),
        (
            "title = '''two\nlines'''\nlines = [\"é\", \"نزهة\"]\n",
            Small("two\nlines", ["é", "نزهة"]),
        ),
    ],
    ids=["plain", "brackets-kept", "multiline-and-scripts"],
)
def test_good_text_parses_to_its_schema(text: str, expected: Small) -> None:
    assert parse("small.toml", text, Small) == expected


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ('title = "Hi"\nlines = [1,\nb=', "content/small.toml: not valid TOML"),
        ('title = "Hi"\ntitle = "again"\nlines = []\n', "content/small.toml: not valid TOML"),
        ('title = "unclosed\nlines = []\n', "content/small.toml: not valid TOML"),
        ('title = "Hi"\nlines = "not a list"\n', "content/small.toml, key 'lines'"),
        ('lines = ["a"]\n', "content/small.toml: Object missing required field `title`"),
    ],
    ids=["cut-short", "key-twice", "unclosed-string", "wrong-type", "missing-key"],
)
def test_malformed_text_is_an_error_naming_the_file(text: str, says: str) -> None:
    with pytest.raises(ContentError) as caught:
        parse("small.toml", text, Small)
    assert str(caught.value).startswith(says)
