"""Drafts: words typed into a screen's boxes, kept until they become part of their own
record (a summary sent, a check-in step kept, a ritual saved). No Textual here.

A draft is named by a `key` that says which screen and which subject it belongs to
("weekly:<check-in id>", "listening:<session id>:summary:2", "ritual:new"), so the same
screen opened again for the same subject gets its words back. Its record id is derived from
the key, so saving a draft again replaces it. A draft whose boxes are all empty is removed
rather than kept. Screens go through `closeness_tui.screens.drafting`; the store is used
only through its public put/get/delete.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Protocol

from closeness_tui.models import Draft

_NAMESPACE = uuid.UUID("6f1d2b7e-4c1a-4d0e-9a51-3c2f8e6b0d17")


class DraftStore(Protocol):
    def get(self, record_type: type[Draft], record_id: str) -> Draft | None: ...


def draft_id(key: str) -> str:
    """The record id of a key's draft (the same key always gives the same id)."""
    return str(uuid.uuid5(_NAMESPACE, key))


def is_blank(fields: Mapping[str, str]) -> bool:
    return not any(value.strip() for value in fields.values())


def make_draft(key: str, fields: Mapping[str, str], now: datetime) -> Draft | None:
    """The record to save for these boxes, or None when there is nothing worth keeping
    (the caller then removes any earlier draft)."""
    if not key:
        raise ValueError("a draft needs a key")
    if is_blank(fields):
        return None
    return Draft(id=draft_id(key), key=key, fields=dict(fields), updated_at=now)


def load(store: DraftStore | None, key: str) -> dict[str, str]:
    """The boxes kept for `key` (empty when there is no draft)."""
    if store is None or not key:
        return {}
    draft = store.get(Draft, draft_id(key))
    if draft is None or draft.key != key:
        return {}
    return dict(draft.fields)


def restorable(saved: Mapping[str, str], shown: Mapping[str, str]) -> dict[str, str]:
    """The kept boxes that differ from what the screen shows now and that it still has:
    what restoring should put back (empty when nothing would change)."""
    return {name: text for name, text in saved.items() if name in shown and shown[name] != text}
