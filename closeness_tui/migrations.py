"""Schema migrations: each turns a version-n file (plain JSON) into a version n+1 file.

The store runs them at open, on a file that passed its duplicate-key check, then checks
the result as it checks any file. A migration is a pure function over the plain document;
an error in one leaves the file on disk as it was (the store says which versions failed).
No Textual, no TinyDB.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from closeness_tui.goal_prompts import fill_goal_prompts

META_TABLE = "_meta"  # {"1": {"app": "closeness", "schema": n}}
SCHEMA_VERSION = 2  # 1 -> 2 fills the partners' names into goal prompts

Migration = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: dict[int, Migration] = {1: fill_goal_prompts}  # 2: personal goals name their partner


def migrate(
    data: dict[str, Any],
    version: int,
    *,
    registry: dict[int, Migration] | None = None,
    target: int | None = None,
) -> dict[str, Any]:
    """Apply migrations version -> version+1 ... -> target (default: SCHEMA_VERSION); KeyError
    names a missing step. Each step's version is recorded in `_meta`."""
    registry = MIGRATIONS if registry is None else registry
    target = SCHEMA_VERSION if target is None else target
    while version < target:
        step = registry.get(version)
        if step is None:
            raise KeyError(f"no migration from data version {version} to {version + 1}")
        data = step(data)
        version += 1
        data.setdefault(META_TABLE, {}).setdefault("1", {})["schema"] = version
    return data
