"""Cards, questions of the day, profiles and guessing games in the journal, the Markdown
export and the JSON export: words exactly as written, and a question answered by only one
partner shows no words until both have answered."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

from checkins_seed import HEBREW, TRICKY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from closeness_tui.cards_journal import KINDS, entries, from_store
from closeness_tui.cli import everything
from closeness_tui.journal import KINDS as JOURNAL_KINDS
from closeness_tui.journal import filter_entries, kind_labels, markdown_export
from closeness_tui.models import CardPlay, DailyQuestion, GuessRound, Profile, Settings
from closeness_tui.store import Store
from closeness_tui.text import clean, safe

TZ = timezone(timedelta(hours=1))
AT = datetime(2026, 11, 20, 21, 0, tzinfo=TZ)
NAMES = ("Ana", "Ben")


def _records():
    return dict(
        plays=[
            CardPlay(
                card_id="open:1",
                deck="open",
                question="What was the best ten minutes of your day?",
                asker=0,
                played_at=AT,
                notes=[TRICKY, ""],
            ),
            CardPlay(card_id="open:2", deck="open", question="Q2", asker=1, played_at=AT),
            CardPlay(  # a pass with no notes: nothing to keep in the journal
                card_id="open:3",
                deck="open",
                question="Q3",
                asker=0,
                played_at=AT,
                outcome="passed",
            ),
        ],
        questions=[
            DailyQuestion(
                day=date(2026, 11, 20),
                card_id="x",
                question="Q?",
                answers=[HEBREW, TRICKY],
                updated_at=AT,
            ),
            DailyQuestion(
                day=date(2026, 11, 21),
                card_id="y",
                question="Today?",
                answers=["only mine so far", ""],
            ),
        ],
        profiles=[Profile(seat=1, saved_at=AT, love=["touch"], stress="music [loud]")],
        guesses=[GuessRound(guesser=0, played_at=AT, profile_id="p", guesses={"stress": "tea"})],
    )


def test_entries_show_words_literally_and_hide_half_answers():
    made = entries(NAMES, **_records())
    by_kind = {k: [e for e in made if e.kind == k] for k in KINDS}
    assert len(by_kind["card"]) == 2
    note = next(b for e in by_kind["card"] for b in e.blocks if b.label == "A note")
    assert (note.who, note.text) == ("Ana", TRICKY)
    done, half = sorted(by_kind["question"], key=lambda e: e.at)
    assert [b.text for b in done.blocks] == ["Q?", HEBREW, TRICKY] and done.finished
    assert [b.text for b in half.blocks] == ["Today?"] and not half.finished
    assert not any("only mine" in b.text for e in made for b in e.blocks)
    (profile,) = by_kind["profile"]
    assert profile.seats == frozenset({1}) and profile.title == "Ben"
    assert ("touch", "music [loud]") == tuple(b.text for b in profile.blocks)
    (guess,) = by_kind["guess"]
    assert guess.title == "Ana guessed" and guess.blocks[0].text == "tea"
    assert "What helps Ben when stressed?" in guess.blocks[0].label
    # They are kinds of the journal: filtered and named like the rest.
    assert set(KINDS) <= set(JOURNAL_KINDS)
    assert kind_labels()["card"] == "Conversation card"
    assert filter_entries(made, kind="guess", query="tea") == [guess]


def test_markdown_and_json_exports_hold_them(tmp_path):
    data = tmp_path / "data"
    records = _records()
    with Store.open(data) as store:
        store.save_settings(Settings(partner_a="Ana", partner_b="Ben"))
        for group in records.values():
            store.put_many(group)
        document, count = markdown_export(store, AT + timedelta(days=1))
        exported = everything(store, AT)
        assert len(from_store(store, NAMES)) == 6
    assert count == 6
    assert "Conversation card" in document and "Question of the day" in document
    assert "What was the best ten minutes of your day?" in document
    assert "only mine so far" not in document  # hidden until both have answered
    assert "\\[hurt\\]" in document  # the note, escaped so it reads as written
    back = json.loads(json.dumps(exported))
    assert len(back["card_plays"]) == 3 and back["card_plays"][0]["notes"][0] == TRICKY
    assert back["daily_questions"][0]["answers"] == [HEBREW, TRICKY]
    assert back["profiles"][0]["love"] == ["touch"] and len(back["guess_rounds"]) == 1


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(note=st.text(max_size=80), answer=st.text(max_size=80))
def test_any_words_round_trip_and_show_literally(tmp_path, note, answer):
    """Whatever a partner types (cleaned at input as the screens do) is kept exactly, and
    shows as exactly that text in the journal's entry and on screen."""
    note, answer = clean(note).text, clean(answer).text
    play = CardPlay(card_id="c", deck="d", question="Q", asker=1, played_at=AT, notes=["", note])
    q = DailyQuestion(day=AT.date(), card_id="c", question="Q", answers=[answer, note or "x"])
    with Store.open(tmp_path / "h") as store:
        store.put_many([play, q])
        back_play, back_q = store.get(CardPlay, play.id), store.get(DailyQuestion, q.id)
    assert back_play.notes == ["", note] and back_q.answers == [answer, note or "x"]
    made = entries(NAMES, plays=[back_play], questions=[back_q])
    for entry in made:
        for block in entry.blocks:
            assert safe(block.text).plain == block.text
