"""The boxes a partner types into: one place where pasted text is cleaned and cut kindly.

Textual's own boxes take a paste as it comes: `Input` keeps only the text before the first
line break (and counts vertical tab, form feed and U+0085 as breaks) and drops the whole
paste when it is longer than `max_length`; `TextArea` turns those same characters into new
lines. `LineBox` and `TextBox` clean every paste with `text.clean()` first (control
characters other than newline and tab are removed; a line box joins lines with spaces), then
cut it to the room left in the box and say so with the box's notice, so nothing pasted is
silently dropped.

Typed keys: Textual inserts a key only when `str.isprintable()` says so, and the joiners that
build a couple emoji (U+200D ZERO WIDTH JOINER, U+200C non-joiner; category Cf) are not
"printable" to Python, so Input and TextArea dropped them and a couple emoji typed key by
key arrived as separate emoji. Both boxes insert those joiners themselves; clean() keeps them.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input, TextArea

from closeness_tui.text import TEXT_MAX, Cleaned, clean

_NO_CUT = 1 << 62  # the box cuts, not clean()
JOINERS = frozenset("\u200d\u200c")  # typed, but not isprintable(): Textual would drop them


def _fit(raw: str, room: int, limit: int, *, single_line: bool) -> tuple[str, str | None]:
    """The cleaned paste cut to `room` characters, and the notice to show if it was cut."""
    whole = clean(raw, _NO_CUT, single_line=single_line).text
    text = whole[: max(room, 0)]
    if len(text) == len(whole):
        return text, None
    return text, Cleaned(text, truncated=True).message(limit)


class LineBox(Input):
    """A one-line box: a paste is cleaned, its lines joined with spaces, and cut to
    `max_length` (if set) with a kind notice instead of being dropped."""

    def on_key(self, event: events.Key) -> None:
        if event.character in JOINERS:
            event.stop()
            event.prevent_default()
            if not self.max_length or len(self.value) < self.max_length:
                self.insert_text_at_cursor(event.character)

    def on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # Input's own handler would keep one line, or drop it all
        event.stop()
        start, end = sorted(self.selection)
        limit = self.max_length or TEXT_MAX
        room = limit - (len(self.value) - (end - start))
        text, notice = _fit(event.text, room, limit, single_line=True)
        if text:
            self.replace(text, start, end)
        if notice:
            self.notify(notice, timeout=8, markup=False)


class TextBox(TextArea):
    """A box for longer words: a paste is cleaned (line breaks and tabs kept) and cut to
    `limit` characters in all with a kind notice."""

    def __init__(self, *args: object, limit: int = TEXT_MAX, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.limit = limit

    def on_resize(self, event: events.Resize) -> None:
        """Paint the new wrap. TextArea re-wraps its lines when its width changes (a page's
        scroll bar coming or going changes it by two columns) but repaints only when the number
        of lines changes too; otherwise the box kept showing the old wrap, a word shown twice
        or cut, until something else redrew it."""
        self.refresh()

    def on_key(self, event: events.Key) -> None:
        if event.character in JOINERS and not self.read_only:
            event.stop()
            event.prevent_default()
            if len(self.text) < self.limit:
                result = self.replace(event.character, *self.selection)
                self.move_cursor(result.end_location)

    def on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # TextArea's own handler would keep VT, FF and NEL as breaks
        event.stop()
        if self.read_only:
            return
        start, end = self.selection
        chosen = len(self.get_text_range(*sorted((start, end))))
        room = self.limit - (len(self.text) - chosen)
        text, notice = _fit(event.text, room, self.limit, single_line=False)
        if text:
            result = self.replace(text, start, end, maintain_selection_offset=False)
            self.move_cursor(result.end_location)
        if notice:
            self.notify(notice, timeout=8, markup=False)
