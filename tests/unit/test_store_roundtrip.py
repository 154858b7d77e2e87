"""Any text survives the store exactly: put, close, reopen, get.

Text reaches the store after `text.clean()` at the input boundary, but the store itself
does not depend on that: it keeps any Python str that UTF-8 can hold exactly as given
(control characters, NUL, unnormalised combining marks, bracket soup, RTL, emoji, 20,000
characters). The one thing UTF-8 cannot hold is a lone surrogate ("\\ud800"): `clean()`
removes those at input, and if one slips through anyway the store refuses that record
with a StoreWriteError naming the record kind (never the text) and changes nothing, in
memory or on disk.
"""

from __future__ import annotations

import tempfile
import unicodedata
from datetime import UTC, datetime
from pathlib import Path
from typing import get_args

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from closeness_tui.models import (
    Answer,
    CheckIn,
    CheckInKind,
    ListeningSession,
    PromiseReview,
    Rating,
    Record,
    SessionStatus,
    Statement,
    StatementForm,
    Summary,
    Turn,
)
from closeness_tui.store import DATA_FILE, Store, StoreWriteError
from closeness_tui.text import TEXT_MAX, clean

POSITION_KEYS = {"step", "resume_step", "turn", "summary_kind", "timer"}

NOW = datetime(2026, 11, 21, 19, 30, tzinfo=UTC)

SPECIAL = [
    "",
    "[/]",
    "[@click=app.quit]leave[/]",
    "[b]not bold[/b] [link=x]y[/link] \\[escaped]",
    "I feel [hurt] when {you} <don't> $name ${x}",
    "שלום, אני מרגישה עצובה",
    "أشعر بالوحدة عندما",
    "mixed עברית and English [כן]",
    "👩‍❤️‍👨 🏳️‍🌈 🇮🇱 👍🏽 🫶",
    "e\u0301 (NFD) and \u00e9 (NFC)",
    "\x00\x1b]0;title\x07\x1b[31mred\u202eevil\u2066",
    "line one\nline two\r\n\ttabbed",
    "\ufeff\u200b\u200d zero widths",
    "x" * TEXT_MAX,
    "🌙" * TEXT_MAX,
]

texts = st.one_of(
    st.text(),
    st.text(max_size=2000),
    st.sampled_from(SPECIAL),
    st.text(alphabet=st.sampled_from(list("[]/@=\\\"'{}<>$ ")), max_size=80),
    st.text(alphabet=st.characters(categories=["Lo", "Mn", "So", "Cf", "Zs"]), max_size=80),
    st.builds(
        lambda s, n: (s * n)[:TEXT_MAX], st.text(min_size=1, max_size=8), st.integers(1, 3000)
    ),
)


def statements(text: st.SearchStrategy[str]) -> st.SearchStrategy[Statement]:
    return st.builds(
        Statement,
        author=st.sampled_from([0, 1]),
        created_at=st.just(NOW),
        feeling=text,
        situation=text,
        need=text,
        request=text,
        form=st.sampled_from(get_args(StatementForm)),
        text=text,
        complaint=text,
    )


def checkins(text: st.SearchStrategy[str]) -> st.SearchStrategy[CheckIn]:
    answer = st.builds(Answer, seat=st.sampled_from([0, 1]), prompt=text, text=text, reply=text)
    return st.builds(
        CheckIn,
        kind=st.sampled_from(get_args(CheckInKind)),
        created_at=st.just(NOW),
        answers=st.lists(answer, max_size=3),
        promises=st.lists(answer, max_size=2),
        promise_review=st.dictionaries(text, st.sampled_from(get_args(PromiseReview)), max_size=3),
        listening_id=st.none() | text,
    )


def sessions(text: st.SearchStrategy[str]) -> st.SearchStrategy[ListeningSession]:
    rating = st.sampled_from(get_args(Rating))
    summary = st.builds(Summary, text=text, rating=rating, at=st.just(NOW))
    turn = st.builds(
        Turn,
        speaker=st.sampled_from([0, 1]),
        summaries=st.lists(summary, max_size=2),
        more=text,
        validation=text,
        empathy=text,
    )
    return st.builds(
        ListeningSession,
        started_at=st.just(NOW),
        topic=text,
        names=st.lists(text, max_size=2),
        readiness=st.none() | st.dictionaries(text, st.booleans(), max_size=2),
        turns=st.lists(turn, max_size=2),
        closing=st.lists(text, min_size=2, max_size=2),
        status=st.sampled_from(get_args(SessionStatus)),
        # (the keys of the machine's position are checked against its vocabulary)
        state=st.dictionaries(
            text.filter(lambda k: k not in POSITION_KEYS),
            text | st.integers() | st.booleans(),
            max_size=3,
        ),
        draft=text,
        speaker_note=text,
    )


def records(text: st.SearchStrategy[str]) -> st.SearchStrategy[Record]:
    return st.one_of(statements(text), checkins(text), sessions(text))


def _put_close_reopen(recs: list[Record]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp) / "data"
        with Store.open(directory) as store:
            for rec in recs:
                store.put(rec)
        with Store.open(directory) as store:
            for rec in recs:
                assert store.get(type(rec), rec.id) == rec
            for kind in {type(r) for r in recs}:
                assert store.all(kind) == [r for r in recs if type(r) is kind]


ROUND_TRIP = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@ROUND_TRIP
@given(st.lists(records(texts), min_size=1, max_size=4))
def test_any_text_survives_put_close_reopen_exactly(recs):
    _put_close_reopen(recs)


cleaned = texts.map(lambda t: clean(t).text)


@ROUND_TRIP
@given(st.lists(records(cleaned), min_size=1, max_size=4))
def test_cleaned_input_survives_put_close_reopen_exactly(recs):
    _put_close_reopen(recs)


def test_every_special_string_in_every_statement_field_round_trips():
    recs = [
        Statement(
            author=0,
            created_at=NOW,
            feeling=s,
            situation=s,
            need=s,
            request=s,
            text=s,
            complaint=s,
        )
        for s in SPECIAL
    ]
    _put_close_reopen(recs)


# -- lone surrogates -----------------------------------------------------------------------

surrogates = st.text(alphabet=st.characters(categories=["Cs"]), min_size=1, max_size=3)


@settings(max_examples=30, deadline=None)
@given(before=texts, bad=surrogates, after=texts)
def test_clean_removes_lone_surrogates_so_input_always_saves(before, bad, after):
    typed = before + bad + after
    kept = clean(typed).text
    assert not any(unicodedata.category(ch) == "Cs" for ch in kept)
    kept.encode("utf-8")  # what the store writes
    _put_close_reopen([Statement(author=0, created_at=NOW, text=kept)])


@pytest.mark.parametrize(
    "make",
    [
        lambda bad: Statement(author=0, created_at=NOW, feeling=bad),
        lambda bad: CheckIn(
            kind="nightly", created_at=NOW, answers=[Answer(seat=1, prompt="p", reply=bad)]
        ),  # noqa: E501
        lambda bad: ListeningSession(
            started_at=NOW, turns=[Turn(speaker=0, summaries=[Summary(text=bad)])]
        ),  # noqa: E501
        lambda bad: ListeningSession(started_at=NOW, state={bad: "key"}),
    ],
    ids=["statement", "checkin-reply", "summary", "dict-key"],
)
def test_a_lone_surrogate_that_slips_through_is_refused_and_nothing_changes(tmp_path, make):
    directory = tmp_path / "data"
    private = "words only we two know"
    with Store.open(directory) as store:
        kept = Statement(author=1, created_at=NOW, text=private)
        store.put(kept)
        before = (directory / DATA_FILE).read_bytes()
        bad = make(f"{private} \ud83d broken")
        with pytest.raises(StoreWriteError) as info:
            store.put(bad)
        assert "lone surrogate" in str(info.value)
        assert private not in str(info.value)
        with pytest.raises(StoreWriteError):
            store.put_many([Statement(author=0, created_at=NOW), bad])
        assert (directory / DATA_FILE).read_bytes() == before
        assert store.get(type(bad), bad.id) is None
        assert store.all(Statement) == [kept]
        store.put(Statement(author=0, created_at=NOW, text="after"))  # still saving
    with Store.open(directory, read_only=True) as store:
        assert sorted(s.text for s in store.all(Statement)) == ["after", private]
