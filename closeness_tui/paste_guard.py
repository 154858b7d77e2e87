"""Keeps a bracketed paste whole on its way from the terminal to Textual's parser. No Textual.

A terminal wraps pasted text in ESC[200~ ... ESC[201~. Textual 8.2.8's parser leaves the
paste at the first ESC byte inside it and turns what follows into key presses (a pasted
ESC could quit the app or press ctrl+s). `PasteGuard.feed` sits between the decoder and
the parser: inside a paste it removes every ESC that does not start the end marker, so the
parser sees one paste from start to end whatever it holds. Outside a paste it passes the
bytes through untouched (so the Esc key and every key sequence behave as before).

Chunks arrive as the terminal sends them, so a marker can be split between two reads: the
guard remembers the tail of a possible start marker, and holds back (at most five
characters of) a possible end marker until the next read tells what it was.
"""

from __future__ import annotations

ESC = "\x1b"
PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"


def _prefix_tail(text: str, marker: str) -> int:
    """Length of the longest end of `text` that is a proper beginning of `marker`."""
    for size in range(min(len(marker) - 1, len(text)), 0, -1):
        if marker.startswith(text[-size:]):
            return size
    return 0


class PasteGuard:
    """Stateful filter over decoded terminal input; `feed` returns what the parser gets."""

    def __init__(self) -> None:
        self.in_paste = False
        self._seen = ""  # outside a paste: an already-passed tail that may begin PASTE_START
        self._held = ""  # inside a paste: a tail that may begin PASTE_END, not yet passed on

    def feed(self, data: str) -> str:
        out: list[str] = []
        while data:
            if self.in_paste:
                held, self._held = self._held, ""
                data = self._paste_part(held + data, out)
            else:
                data = self._key_part(data, out)
        return "".join(out)

    def _key_part(self, data: str, out: list[str]) -> str:
        """Pass keys through; return what follows a paste start (the paste), or ""."""
        seen = self._seen + data
        at = seen.find(PASTE_START)
        if at < 0:
            out.append(data)
            self._seen = seen[len(seen) - _prefix_tail(seen, PASTE_START) :]
            return ""
        end = at + len(PASTE_START) - len(self._seen)  # the marker's end, in `data`
        out.append(data[:end])
        self._seen = ""
        self.in_paste = True
        return data[end:]

    def _paste_part(self, data: str, out: list[str]) -> str:
        """Pass pasted text without ESC; return what follows the paste's end, or ""."""
        at = data.find(PASTE_END)
        if at >= 0:
            out.append(data[:at].replace(ESC, ""))
            out.append(PASTE_END)
            self.in_paste = False
            self._held = ""
            return data[at + len(PASTE_END) :]
        keep = _prefix_tail(data, PASTE_END)
        out.append(data[: len(data) - keep].replace(ESC, ""))
        self._held = data[len(data) - keep :]
        return ""
