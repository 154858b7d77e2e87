"""The Markdown export: partners' words come out exactly as written (checked by rendering
with markdown-it, a CommonMark parser), and the whole document matches a golden file."""

from __future__ import annotations

import html
import re
import stat
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import msgspec
import pytest
from checkins_seed import HEBREW, TRICKY, seed
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from closeness_tui.cli import main
from closeness_tui.journal import markdown_export, md_escape, md_quote, md_text
from closeness_tui.store import Store

GOLDEN = Path(__file__).parent.parent / "golden" / "journal.md"
NOW = datetime(2026, 11, 21, 19, 30, tzinfo=timezone(timedelta(hours=1)))
MD = MarkdownIt("commonmark").enable(["strikethrough", "table"])


def shown(markdown: str) -> str:
    """What a reader sees: render, turn line breaks back into newlines, drop the tags."""
    out = MD.render(markdown)
    out = out.replace("<br />\n", "\n").replace("</p>\n<p>", "\n\n")
    out = re.sub(r"</?(p|blockquote)>\n?", "", out)
    assert "<" not in out, f"formatting appeared: {out!r}"
    return html.unescape(out).strip("\n")


@pytest.mark.parametrize(
    "text",
    [
        TRICKY,
        HEBREW,
        "# not a heading",
        "## nor this",
        "1. not a list\n2) nor this",
        "- no\n+ list\n* here",
        "---",
        "===",
        "    four spaces are not code",
        "\tnor is a tab",
        "trailing spaces kept   ",
        "\u00a0no-break space first",
        "> not a quote",
        "<b>not bold</b> <!-- nor a comment -->",
        "`not code` ``nor this``",
        "~~not struck~~ | not | a | table |",
        "[a link](https://example.com) ![an image](x.png) <https://example.com>",
        "&amp; &copy; &#32; stay as typed",
        "back\\slash\\",
        "**strong** __strong__ *em* _em_ snake_case_name",
        "first line\nsecond line",
        "a paragraph\n\nanother",
        "emoji 👩‍❤️‍👨 and ZWJ, and عربى too",
    ],
)
def test_partner_text_reads_exactly_as_written(text):
    assert shown(md_text(text)) == text
    assert shown(md_quote(text)) == text


@settings(max_examples=100, deadline=None)
@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Co", "Cn")),
        max_size=60,
    )
)
def test_any_single_line_reads_exactly_as_written(text):
    assert shown(md_escape(text)) == text


def test_escaping_is_plain_backslashes_readers_recognise():
    assert md_escape("I feel [hurt] *so*") == r"I feel \[hurt\] \*so\*"
    assert md_escape("1. tea") == r"1\. tea"
    assert md_escape("  # x") == "&#32;&#32;\\# x"
    assert md_escape("a.b-c+d#e") == "a.b-c+d#e"  # only where they would mean something


def test_golden_journal(data_dir):
    """The whole document from fixed records; run with UPDATE_GOLDEN=1 to rewrite it."""
    seed(data_dir)
    with Store.open(data_dir, read_only=True) as store:
        document, count = markdown_export(store, NOW)
    assert count == 7
    import os

    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(document, encoding="utf-8")
    assert document == GOLDEN.read_text(encoding="utf-8")
    assert TRICKY not in document  # escaped ...
    assert TRICKY in shown(document.split("How was your day?", 1)[1].split("**Ben**", 1)[0])


def test_date_range_picks_only_those_days(data_dir):
    seed(data_dir)
    with Store.open(data_dir, read_only=True) as store:
        document, count = markdown_export(store, NOW, date(2026, 11, 12), date(2026, 11, 13))
    assert count == 3
    assert "From 2026-11-12 to 2026-11-13" in document
    assert "## Thursday 2026-11-12" in document and "## Friday 2026-11-13" in document
    assert "Listening session" not in document and "2026-11-15" not in document
    with Store.open(data_dir, read_only=True) as store:
        empty, none = markdown_export(store, NOW, date(2026, 12, 1), date(2026, 12, 2))
    assert none == 0 and "Nothing in this period." in empty


def test_cli_writes_markdown_privately_and_json_still_works(data_dir, tmp_path, capsys):
    seed(data_dir)
    before = (data_dir / "closeness.json").read_bytes()
    out = tmp_path / "journal.md"
    with pytest.raises(SystemExit) as done:
        main(
            [
                "--data-dir",
                str(data_dir),
                "export",
                "--markdown",
                str(out),
                "--json",
                str(tmp_path / "b.json"),
            ]
        )
    assert done.value.code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "b.json").stat().st_mode) == 0o600
    text = out.read_text("utf-8")
    assert text.startswith("# Our journal: Ana & Ben\n")
    assert HEBREW in text and "💛" in text
    backup = msgspec.json.decode((tmp_path / "b.json").read_bytes())
    assert len(backup["checkins"]) == 4
    assert (data_dir / "closeness.json").read_bytes() == before  # opened read-only
    assert "7 entries" in capsys.readouterr().out


def test_cli_range_and_kind_errors(data_dir, tmp_path, capsys):
    seed(data_dir)
    out = tmp_path / "week.md"
    with pytest.raises(SystemExit) as done:
        main(
            [
                "--data-dir",
                str(data_dir),
                "export",
                "--markdown",
                str(out),
                "--from",
                "2026-11-12",
                "--to",
                "2026-11-13",
            ]
        )
    assert done.value.code == 0
    assert "From 2026-11-12 to 2026-11-13" in out.read_text("utf-8")
    with pytest.raises(SystemExit) as done:
        main(
            [
                "--data-dir",
                str(data_dir),
                "export",
                "--markdown",
                str(out),
                "--from",
                "2026-11-14",
                "--to",
                "2026-11-12",
            ]
        )
    assert done.value.code == 2
    with pytest.raises(SystemExit) as done:
        main(["--data-dir", str(data_dir), "export", "--json", str(out), "--from", "2026-11-14"])
    assert done.value.code == 2
    with pytest.raises(SystemExit) as done:
        main(["--data-dir", str(data_dir), "export", "--markdown", str(out), "--from", "last week"])
    assert done.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
