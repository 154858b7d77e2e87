"""A cache of what the app's content files parse to, so a start reads small JSON files
instead of parsing TOML again (Python's TOML parser takes ~3 ms a file, ~15 ms for the
files the first screen needs).

One JSON file per content file in the user cache folder (`CLOSENESS_CACHE_DIR` overrides
it), holding the file's exact text beside what it parsed to: an entry counts only while the
content file still says exactly that, so an edited or upgraded file simply misses and is
parsed again. (Comparing the text itself is exact, and cheaper at start-up than hashing it:
hashlib loads OpenSSL.) It holds only the app's own words, never anything a
partner typed. Anything wrong with the cache (missing, unreadable, damaged, a folder that
cannot be written) only means parsing the TOML as before; it never stops the app.
No Textual here.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Any

import msgspec

from closeness_tui.storage import atomic_write

ENV_CACHE_DIR = "CLOSENESS_CACHE_DIR"
DIR_MODE = 0o700
# Part of every entry's name: a new Python (whose TOML parser could differ) starts afresh.
_PYTHON = f"py{sys.version_info[0]}{sys.version_info[1]}"
_decoder = msgspec.json.Decoder(dict)


class _Entry(msgspec.Struct):
    source: str  # the content file's exact text
    parsed: dict[str, Any]


_entry_decoder = msgspec.json.Decoder(_Entry)


def cache_dir() -> Path:
    env = os.environ.get(ENV_CACHE_DIR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("closeness", appauthor=False)) / "content"


def entry_name(filename: str) -> str:
    return f"{filename}.{_PYTHON}.json"


def get(filename: str, text: str) -> dict[str, Any] | None:
    """What `text` parsed to last time, or None (no entry, or one for other text)."""
    try:
        entry = _entry_decoder.decode((cache_dir() / entry_name(filename)).read_bytes())
    except (OSError, ValueError, msgspec.DecodeError):
        return None
    return entry.parsed if entry.source == text else None


def put(filename: str, text: str, parsed: dict[str, Any]) -> None:
    """Keep `parsed` for next time, if it survives JSON unchanged (TOML dates do not, so a
    file with dates is just not cached). Entries for the same file under other names (an
    older Python, an older kind of entry) are removed."""
    try:
        if _decoder.decode(msgspec.json.encode(parsed)) != parsed:
            return
        data = msgspec.json.encode(_Entry(source=text, parsed=parsed))
    except (TypeError, ValueError, msgspec.EncodeError, msgspec.DecodeError):
        return
    folder = cache_dir()
    name = entry_name(filename)
    with contextlib.suppress(OSError):
        folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        atomic_write(folder / name, data, durable=False)  # (mkstemp: 0600) a cache: no fsync
        for old in folder.glob(f"{filename}.*.json"):
            if old.name != name:
                with contextlib.suppress(OSError):
                    old.unlink()
