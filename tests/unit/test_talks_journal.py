"""After-a-fight talks and solutions in the journal and the Markdown export: every step's
words, in their names, literally (brackets, emoji, RTL), and searchable."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

import pytest
from checkins_seed import HEBREW, TRICKY
from test_markdown_export import shown

from closeness_tui.journal import AFTER_FIGHT, SOLVE, from_store, kind_labels, markdown_export
from closeness_tui.models import AfterFight, Idea, Reality, Side, Solution, Summary, Try
from closeness_tui.store import Store

NOW = datetime(2026, 11, 21, 19, 30, tzinfo=timezone(timedelta(hours=1)))


def fight() -> AfterFight:
    ana = Side(
        feelings=TRICKY,
        reality=Reality(
            text="I waited an hour.",
            summaries=[
                Summary(text="You were bored.", rating="not_quite"),
                Summary(text="Forgotten.", rating="got_it"),
            ],
            clarifications=["Not bored."],
            makes_sense=HEBREW,
        ),
        triggers=["excluded", "judged"],
        trigger_note="my dad",
        owns="I snapped.",
        differently="Say when I am hurt.",
        apology="Sorry [/]",
        apology_answer="need_time",
    )
    ben = Side(feelings="sad", owns="I went quiet.", regret="raising my voice", differently="Text.")
    return AfterFight(
        started_at=NOW - timedelta(days=1),
        names=["Ana", "Ben"],
        topic="the [b]wait[/b]",
        sides=[ana, ben],
        status="done",
    )


def solution() -> Solution:
    return Solution(
        started_at=NOW,
        names=["Ana", "Ben"],
        problem="We spend weekends apart 😢",
        core=["friends", "quiet"],
        flexible=["how often", "Saturdays"],
        options=[Idea(text=TRICKY, marks=["works", "could"]), Idea(text="alternate", by=1)],
        tries=[
            Try(
                option=0,
                plans=["I plan", "I book"],
                started_on=date(2026, 11, 7),
                review_on=date(2026, 11, 21),
                outcome="adjust",
                note=HEBREW,
            ),
            Try(
                option=0,
                plans=["I plan sooner", "I book"],
                started_on=date(2026, 11, 21),
                review_on=date(2026, 12, 5),
            ),
        ],
        status="trial",
    )


@pytest.fixture
def store_dir(data_dir):
    with Store.open(data_dir) as store:
        settings = store.settings()
        settings.partner_a, settings.partner_b = "Ana", "Ben"
        store.save_settings(settings)
        store.put(fight())
        store.put(solution())
    return data_dir


def test_both_talks_are_journal_entries_with_every_word(store_dir):
    with Store.open(store_dir, read_only=True) as store:
        entries = from_store(store, ("Ana", "Ben"))
    by_kind = {e.kind: e for e in entries}
    f, s = by_kind[AFTER_FIGHT], by_kind[SOLVE]
    said = [(b.who, b.text) for b in f.blocks]
    for expected in [
        ("Ana", TRICKY),
        ("Ben", "You were bored."),
        ("Ana", "Not bored."),
        ("Ben", HEBREW),
        ("Ana", "excluded, judged\nmy dad"),
        ("Ben", "raising my voice"),
        ("Ana", "Say when I am hurt."),
        ("Ben", "I need some time"),
    ]:
        assert expected in said
    assert f.title == "the [b]wait[/b]" and f.finished
    assert f.matches("forgotten") and s.matches("alternate")
    assert ("Ana & Ben", "We spend weekends apart 😢") in [(b.who, b.text) for b in s.blocks]
    assert any(b.text == f"adjusted\n{HEBREW}" for b in s.blocks)
    assert len([b for b in s.blocks if b.label.startswith("Tried from")]) == 2
    assert kind_labels()[AFTER_FIGHT] == "After a fight"


def test_export_holds_both_talks_literally(store_dir):
    with Store.open(store_dir, read_only=True) as store:
        document, count = markdown_export(store, NOW)
    assert count == 2
    assert "After a fight: the \\[b\\]wait\\[/b\\]" in document
    assert "Solve it together" in document
    quotes = [shown(q) for q in re.findall(r"(?:^>.*\n?)+", document, re.M)]
    for text in (TRICKY, HEBREW, "Sorry [/]", "We spend weekends apart 😢", "I plan sooner"):
        assert text in quotes
