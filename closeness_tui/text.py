"""The one way text a partner typed becomes something the app stores and shows.

- `clean()` runs at the input boundary: drops control characters other than newline and
  tab (ESC, C1, NUL would reach the terminal), bidi override/isolate controls, lone
  surrogates; turns CRLF into LF; NFC-normalises; caps the length and says so kindly.
- `safe()` turns any user text into a Textual `Content` that is shown literally: never
  parsed as markup, so "[/]" cannot crash a widget and "[@click=app.quit]" is just text.
- `safe_template()` mixes app styling with user text: the template is the app's own
  markup; every variable is inserted as plain text.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from textual.content import Content

# Bidi embeddings, overrides and isolates: they can reorder what the other partner reads.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_KEEP = frozenset("\n\t")

NAME_MAX = 40
LINE_MAX = 2_000
TEXT_MAX = 20_000


def _allowed(ch: str) -> bool:
    if ch in _KEEP:
        return True
    if ch in _BIDI_CONTROLS:
        return False
    cat = unicodedata.category(ch)
    # Cc: C0/C1 controls and DEL; Cs: lone surrogates (cannot be saved as UTF-8).
    return cat not in ("Cc", "Cs")


@dataclass(frozen=True)
class Cleaned:
    text: str
    truncated: bool = False
    removed: int = 0

    def message(self, limit: int) -> str | None:
        """A kind note about what cleaning did, or None."""
        if self.truncated:
            return (
                f"That was longer than {limit:,} characters, so only the first {limit:,} "
                "were kept. Nothing else was changed."
            )
        return None


def clean(text: str, limit: int = TEXT_MAX, *, single_line: bool = False) -> Cleaned:
    """Sanitise text typed or pasted by a partner. Never raises on any str."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if single_line:
        text = text.replace("\n", " ").replace("\t", " ")
    kept = "".join(ch for ch in text if _allowed(ch))
    removed = len(text) - len(kept)
    kept = unicodedata.normalize("NFC", kept)
    truncated = len(kept) > limit
    if truncated:
        kept = kept[:limit]
    return Cleaned(kept, truncated, removed)


def clean_name(raw: str) -> str:
    """A partner's name: one line, cleaned and trimmed (length is checked by the caller)."""
    return clean(raw, limit=10 * NAME_MAX, single_line=True).text.strip()


def safe(text: str) -> Content:
    """User text as Content that is displayed exactly as written."""
    return Content(clean(text, limit=len(text) + 1).text if text else "")


def safe_template(template: str, **values: str) -> Content:
    """App markup with $name placeholders; each value is inserted literally."""
    return Content.from_markup(
        template, **{k: clean(v, limit=len(v) + 1).text for k, v in values.items()}
    )
