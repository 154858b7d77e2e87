"""How fast the journal is with years of use: builds a store with ~10 years of records
(nightly check-ins most days, weekly check-ins, listening sessions, statements, ritual
marks), then times the timeline, a search, the insights and the Markdown export.

Run: python bench/journal_bench.py   (prints figures; the headline is the last line)
"""

from __future__ import annotations

import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from closeness_tui.journal import filter_entries, from_store, insights, markdown_export
from closeness_tui.models import (
    Answer,
    CheckIn,
    ListeningSession,
    Ritual,
    RitualMark,
    Statement,
    Summary,
    Turn,
)
from closeness_tui.store import Store

TZ = UTC
START = datetime(2016, 11, 21, 21, 0, tzinfo=TZ)
DAYS = 3650


def build(data_dir: Path) -> int:
    records: list = [Ritual(id="r", name="Nightly", template="nightly", start=START.date())]
    for d in range(DAYS):
        at = START + timedelta(days=d)
        if d % 7 != 3:
            records.append(
                CheckIn(
                    kind="nightly",
                    created_at=at,
                    answers=[
                        Answer(seat=d % 2, prompt="How was your day?", text=f"Day {d} [ok] 🌙"),
                        Answer(seat=1 - d % 2, prompt="reply", text="תודה", part="reply"),
                    ],
                )
            )
            records.append(RitualMark(ritual_id="r", occurrence=at.date(), at=at))
        if d % 7 == 6:
            records.append(
                CheckIn(
                    kind="weekly",
                    created_at=at,
                    promises=[Answer(seat=0, prompt="?", text=f"Promise {d}", part="promise")],
                    promise_review={"0": "kept"},
                )
            )
        if d % 10 == 0:
            records.append(
                ListeningSession(
                    started_at=at,
                    topic=f"Topic {d}",
                    status="done",
                    turns=[Turn(speaker=0, summaries=[Summary(text="heard", rating="got_it")])],
                )
            )
            records.append(Statement(author=d % 2, created_at=at, text=f"I feel {d}"))
    with Store.open(data_dir) as store:
        settings = store.settings()
        settings.partner_a, settings.partner_b = "Ana", "Ben"
        store.save_settings(settings)
        store.put_many(records)
    return len(records)


def timed(label: str, fn, repeat: int = 3):
    best = float("inf")
    result = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    print(f"{label:<38} {best * 1000:8.1f} ms")
    return result, best


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        count = build(data_dir)
        size = (data_dir / "closeness.json").stat().st_size
        print(f"records: {count:,}  file: {size / 1e6:.1f} MB")
        store, _ = timed("open store (read-only)", lambda: Store.open(data_dir, read_only=True), 1)
        entries, t_timeline = timed(
            "timeline of everything", lambda: from_store(store, ("Ana", "Ben"))
        )
        timed(
            "search 'promise 36' in all entries",
            lambda: filter_entries(entries, query="promise 36"),
        )
        timed("filter: nightly, Ben", lambda: filter_entries(entries, kind="nightly", seat=1))
        timed("insights (12 weeks)", lambda: insights(store, entries, date(2026, 11, 21)))
        now = datetime(2026, 11, 21, 21, 0, tzinfo=TZ)
        (doc, _), t_md = timed("Markdown export, everything", lambda: markdown_export(store, now))
        timed(
            "Markdown export, one month",
            lambda: markdown_export(store, now, date(2026, 10, 1), date(2026, 10, 31)),
        )
        store.close()
        print(f"markdown size: {len(doc) / 1e6:.1f} MB, entries: {len(entries):,}")
        print(
            f"HEADLINE: journal of {len(entries):,} entries: timeline {t_timeline * 1000:.0f} ms, "
            f"full Markdown export {t_md * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
