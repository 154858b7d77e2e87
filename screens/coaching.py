"""How review findings are shown: the text with findings underlined, and the list of findings
with a plain-words reason and a suggestion. Built as Content from plain text and spans, never
from markup strings with a partner's words inside."""

from __future__ import annotations

from textual.content import Content

from closeness_tui.istatement import Finding, review
from closeness_tui.istatement_content import istatement_text
from closeness_tui.text import clean

UNDERLINE = "underline bold $text-warning"
TITLE = "bold $text-warning"


def cleaned(text: str) -> str:
    return clean(text, limit=len(text) + 1).text if text else ""


def marked(text: str, findings: list[Finding] | None = None) -> tuple[Content, list[Finding]]:
    """The text exactly as written, with each finding underlined; and the findings (those
    given, when they were found in this very text, or the review's)."""
    given, text = text, cleaned(text)
    if findings is None or text != given:
        findings = review(text)
    content = Content(text)
    for f in findings:
        content = content.stylize(UNDERLINE, f.start, f.end)
    return content, findings


def finding_lines(text: str, findings: list[Finding], *, clean_note: str = "") -> Content:
    """Each finding: its kind, the words, why it may land hard, and what could be said."""
    if not findings:
        return Content(clean_note)
    blocks = []
    for f in findings:
        words = text[f.start : f.end]
        blocks.append(
            Content.assemble(
                ("▸ ", TITLE),
                (f.title, TITLE),
                ": “",
                (words, "italic"),
                "”\n",
                f.message,
                "\n",
                ("Perhaps: ", "bold"),
                f.suggestion,
                "\n",
            )
        )
    keep = istatement_text().screens.coaching_keep
    return Content("\n").join([*blocks, Content.styled(keep, "italic $text-muted")])


def part_hint(findings: list[Finding], default: str) -> Content:
    """One line under a part: the first finding touching it, or the part's own hint."""
    if not findings:
        return Content.styled(default, "$text-muted")
    f = findings[0]
    return Content.assemble((f.title + ": ", TITLE), f.suggestion)
