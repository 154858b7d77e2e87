"""A cache of what the app's content files parse to, so a start reads small JSON files
instead of parsing TOML again (Python's TOML parser takes ~3 ms a file, ~15 ms for the
files the first screen needs).

One JSON file per content file in the user cache folder (`CLOSENESS_CACHE_DIR` overrides
it), named for the content file and a hash of its exact text: an edited or upgraded content
file simply misses and is parsed again. It holds only the app's own words, never anything a
partner typed. Anything wrong with the cache (missing, unreadable, damaged, a folder that
cannot be written) only means parsing the TOML as before; it never stops the app.
No Textual here.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from pathlib import Path
from typing import Any

import msgspec

from closeness_tui.storage import atomic_write

ENV_CACHE_DIR = "CLOSENESS_CACHE_DIR"
DIR_MODE = 0o700
# Part of every key: a new Python (whose TOML parser could differ) starts afresh.
_PYTHON = f"py{sys.version_info[0]}{sys.version_info[1]}"
_decoder = msgspec.json.Decoder(dict)


def cache_dir() -> Path:
    env = os.environ.get(ENV_CACHE_DIR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("closeness", appauthor=False)) / "content"


def _key(filename: str, text: str) -> str:
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
    return f"{filename}.{_PYTHON}.{digest}.json"


def get(filename: str, text: str) -> dict[str, Any] | None:
    """What `text` parsed to last time, or None."""
    try:
        data = (cache_dir() / _key(filename, text)).read_bytes()
        return _decoder.decode(data)
    except (OSError, ValueError, msgspec.DecodeError):
        return None


def put(filename: str, text: str, parsed: dict[str, Any]) -> None:
    """Keep `parsed` for next time, if it survives JSON unchanged (TOML dates do not, so a
    file with dates is just not cached). Older entries for the same file are removed."""
    try:
        data = msgspec.json.encode(parsed)
        if _decoder.decode(data) != parsed:
            return
    except (TypeError, ValueError, msgspec.EncodeError, msgspec.DecodeError):
        return
    folder = cache_dir()
    name = _key(filename, text)
    with contextlib.suppress(OSError):
        folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        atomic_write(folder / name, data, durable=False)  # (mkstemp: 0600) a cache: no fsync
        for old in folder.glob(f"{filename}.*.json"):
            if old.name != name:
                with contextlib.suppress(OSError):
                    old.unlink()
