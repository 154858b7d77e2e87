"""Loads and validates the app's own words from content/*.toml.

Each content file has a schema (a msgspec Struct) named in REGISTRY. `load()` decodes and
validates one file; `validate_all()` checks every registered file at start-up (those the first
screen needs before it is drawn, the rest right after), so a malformed file stops the app
with an error naming the file and the key, not a traceback.

Every file is parsed (rtoml: TOML 1.0 in Rust, about a tenth of tomllib's time, which was
~15 ms of CPU before the first frame) and checked at every start; no cache. No Textual here.
"""

from __future__ import annotations

import importlib
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import msgspec
import rtoml

import closeness_tui._content as _content_package

T = TypeVar("T")

# file name -> "module:Struct" that describes it. Feature modules add their files here.
REGISTRY: dict[str, str] = {
    "app.toml": "closeness_tui.apptext:AppText",
    "rituals.toml": "closeness_tui.ritualtext:RitualText",
    "istatement.toml": "closeness_tui.istatement_content:IStatementText",
    "feelings.toml": "closeness_tui.istatement_content:Feelings",
    "needs.toml": "closeness_tui.istatement_content:Needs",
    "practice.toml": "closeness_tui.istatement_content:Practice",
    "listening.toml": "closeness_tui.listeningtext:ListeningText",
    "checkins.toml": "closeness_tui.checkins_text:CheckinsText",
    "cards.toml": "closeness_tui.cards_text:CardsText",
    "profiles.toml": "closeness_tui.profiles_text:ProfilesText",
    "repair.toml": "closeness_tui.repairtext:RepairText",
    "solve.toml": "closeness_tui.solvetext:SolveText",
}


class ContentError(Exception):
    def __init__(self, filename: str, key: str, problem: str) -> None:
        where = f"content/{filename}" + (f", key {key!r}" if key else "")
        super().__init__(f"{where}: {problem}")
        self.filename = filename
        self.key = key
        self.problem = problem


CONTENT_DIR = Path(_content_package.__file__).parent


def _read(filename: str) -> str:
    try:
        return (CONTENT_DIR / filename).read_text("utf-8")
    except FileNotFoundError:
        raise ContentError(filename, "", "the file is missing") from None
    except UnicodeDecodeError:
        raise ContentError(filename, "", "the file is not UTF-8 text") from None


def _toml(filename: str, text: str) -> dict[str, Any]:
    try:
        return rtoml.loads(text)
    except rtoml.TomlParsingError as exc:
        raise ContentError(filename, "", f"not valid TOML ({exc})") from None


def parse(filename: str, text: str, schema: type[T]) -> T:
    """Validate TOML text against `schema`; errors name the file and the key."""
    raw = _toml(filename, text)
    try:
        result = msgspec.convert(raw, schema)
    except msgspec.ValidationError as exc:
        message = str(exc)
        key = ""
        if " - at `$" in message:
            message, _, path = message.partition(" - at `$")
            key = path.rstrip("`").lstrip(".")
        raise ContentError(filename, key, message) from None
    return result


@cache
def load(filename: str, schema: type[T]) -> T:
    return parse(filename, _read(filename), schema)


def schema_for(filename: str) -> type:
    module, _, name = REGISTRY[filename].partition(":")
    return getattr(importlib.import_module(module), name)


# What the first screens (welcome, set-up, Home) show: checked before the app starts. The
# rest is checked as soon as the first screen is drawn (ClosenessApp._finish_opening): the
# I-statement rules alone take ~50 ms (their patterns are compiled to check them).
FIRST_SCREEN_FILES = ("app.toml", "rituals.toml", "listening.toml")


def validate_all(only: tuple[str, ...] | None = None) -> None:
    """Load every registered content file (or those in `only`); raise ContentError at the
    first problem."""
    for filename in REGISTRY if only is None else only:
        load(filename, schema_for(filename))
