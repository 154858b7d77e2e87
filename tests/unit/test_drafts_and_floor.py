"""Rules of issue 12 in the core, without Textual: drafts, the floor never passing by
accident, fair time while covered, breaks, the typed position, the big clock digits."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from closeness_tui import bigdigits, drafts
from closeness_tui.clock import FakeClock
from closeness_tui.listening import (
    BREAK_MAX_MINUTES,
    BREAK_MINUTES,
    EARLY_END_SECONDS,
    SETTLE_SECONDS,
    Listening,
    Position,
    break_is_short,
    break_minutes_ok,
    format_wait,
    parse_return,
    position_of,
)
from closeness_tui.models import Draft, ListeningSession

NOW = datetime(2026, 3, 2, 18, 30)


class DictStore:
    def __init__(self) -> None:
        self.records: dict[str, Draft] = {}

    def get(self, record_type, record_id):
        return self.records.get(record_id)


# -- drafts ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "kept"),
    [
        ({"text": "What I heard is"}, True),
        ({"a": "", "b": "  \n"}, False),
        ({"a": "", "b": "x"}, True),
        ({}, False),
    ],
)
def test_a_draft_is_kept_only_when_something_is_written(fields, kept):
    draft = drafts.make_draft("weekly:1", fields, NOW)
    assert (draft is not None) is kept
    if draft is not None:
        assert draft.fields == fields and draft.key == "weekly:1"
        assert draft.id == drafts.draft_id("weekly:1")


def test_the_same_key_always_names_the_same_draft_and_others_do_not():
    assert drafts.draft_id("a") == drafts.draft_id("a") != drafts.draft_id("b")
    with pytest.raises(ValueError):
        drafts.make_draft("", {"x": "y"}, NOW)


def test_load_gives_back_what_was_kept_for_that_key_only():
    store = DictStore()
    draft = drafts.make_draft("listening:s:summary:0", {"text": "you feel [tired] 🌧"}, NOW)
    store.records[draft.id] = draft
    assert drafts.load(store, "listening:s:summary:0") == {"text": "you feel [tired] 🌧"}
    assert drafts.load(store, "listening:s:summary:1") == {}
    assert drafts.load(None, "x") == {}


@pytest.mark.parametrize(
    ("saved", "shown", "back"),
    [
        ({"a": "typed"}, {"a": ""}, {"a": "typed"}),
        ({"a": "same"}, {"a": "same"}, {}),
        ({"gone": "x"}, {"a": ""}, {}),  # a box the screen no longer has
        ({"a": "", "b": "y"}, {"a": "saved", "b": ""}, {"a": "", "b": "y"}),
    ],
)
def test_restoring_puts_back_only_what_differs(saved, shown, back):
    assert drafts.restorable(saved, shown) == back


# -- the floor never passes by accident -------------------------------------------------------


def started(clock: FakeClock, **setup) -> Listening:
    m = Listening.new(clock, ("Ana", "Ben"))
    m.configure(check_readiness=False, **setup)
    m.begin()
    return m


@pytest.mark.parametrize(
    ("waited", "counts"),
    [(0.0, False), (SETTLE_SECONDS / 2, False), (SETTLE_SECONDS, True), (3.0, True)],
)
def test_a_floor_press_counts_only_once_the_step_has_settled(waited, counts):
    clock = FakeClock(start=NOW)
    m = started(clock)
    clock.advance(30)
    m.end_turn()
    m.submit_summary("What I heard is")
    clock.advance(waited)
    assert m.step == "rating" and m.press_counts() is counts


def test_the_swap_press_does_not_also_end_the_next_turn():
    clock = FakeClock(start=NOW)
    m = started(clock, rounds=2, mirroring=False)
    clock.advance(30)
    m.end_turn()
    m.submit_summary("heard")
    clock.advance(1)
    m.rate("got_it")
    clock.advance(1)
    assert m.step == "swap" and m.press_counts()
    m.next_turn()
    clock.advance(0.05)  # the second press of a double Enter
    assert m.step == "speaking" and not m.press_counts() and m.ends_too_soon()


@pytest.mark.parametrize(
    ("spoken", "too_soon"),
    [(0.0, True), (1.0, True), (EARLY_END_SECONDS - 0.1, True), (EARLY_END_SECONDS, False)],
)
def test_ending_a_turn_in_its_first_seconds_needs_a_yes(spoken, too_soon):
    clock = FakeClock(start=NOW)
    m = started(clock)
    clock.advance(spoken)
    assert m.ends_too_soon() is too_soon


def test_steps_that_do_not_pass_the_floor_take_presses_at_once():
    clock = FakeClock(start=NOW)
    m = started(clock)
    clock.advance(30)
    m.end_turn()
    assert m.step == "summary" and m.press_counts()  # typing is never held back


# -- fair time ------------------------------------------------------------------------------


def test_a_covered_turn_does_not_count_time_and_is_not_a_pause():
    clock = FakeClock(start=NOW)
    m = started(clock, turn_minutes=2)
    clock.advance(10)
    m.cover()
    clock.advance(300)  # help is open for five minutes
    assert m.remaining() == pytest.approx(110)
    assert m.position.timer is not None and m.position.timer.remaining == pytest.approx(110)
    m.uncover()
    clock.advance(5)
    assert m.remaining() == pytest.approx(105)
    assert m.turn is not None and m.turn.pauses == 0


def test_covering_a_paused_turn_leaves_it_paused():
    clock = FakeClock(start=NOW)
    m = started(clock)
    m.pause()
    m.cover()
    m.uncover()
    clock.advance(50)
    assert not m.timer.running and m.remaining() == pytest.approx(300)


def test_the_exact_remaining_time_survives_a_reopen():
    clock = FakeClock(start=NOW)
    m = started(clock, turn_minutes=3)
    clock.advance(47.25)
    session = m.sync()
    again = Listening.resume(session, clock)
    assert again.remaining() == pytest.approx(180 - 47.25)
    assert again.step == "speaking" and not again.timer.running


# -- the typed position -----------------------------------------------------------------------


def test_position_round_trips_and_old_records_still_read():
    clock = FakeClock(start=NOW)
    m = started(clock)
    m.finish_early("What I heard is [half]")
    pos = position_of(m.sync())
    assert pos == m.position and pos.step == "closing" and pos.finished_early
    old = ListeningSession(started_at=NOW, state={"step": "summary", "turn": 1, "extra": 3})
    assert position_of(old) == Position(step="summary", turn=1)


def test_stop_turns_keeps_an_unsent_summary_as_unsent():
    clock = FakeClock(start=NOW)
    m = started(clock)
    clock.advance(30)
    m.end_turn()
    m.finish_early("What I heard is you are tired")
    (kept,) = m.session.turns[0].summaries
    assert kept.unsent and kept.text == "What I heard is you are tired" and kept.rating == ""


# -- breaks ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minutes", "ok", "short"),
    [
        (0, False, True),
        (1, True, True),
        (BREAK_MINUTES - 1, True, True),
        (BREAK_MINUTES, True, False),
        (BREAK_MAX_MINUTES, True, False),
        (BREAK_MAX_MINUTES + 1, False, False),
    ],
)
def test_break_minutes(minutes, ok, short):
    assert break_minutes_ok(minutes) is ok
    assert break_is_short(minutes) is short


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("45", NOW + timedelta(minutes=45)),
        ("19:30", datetime(2026, 3, 2, 19, 30)),
        ("18:00", datetime(2026, 3, 3, 18, 0)),  # already past today: tomorrow
        ("tomorrow 19:30", None),  # more than a day away
        ("tomorrow 8.15", datetime(2026, 3, 3, 8, 15)),
        ("Tomorrow  07:05", datetime(2026, 3, 3, 7, 5)),
        ("25:00", None),
        ("1441", None),
        ("soon", None),
        ("", None),
    ],
)
def test_when_to_come_back_as_typed(typed, expected):
    assert parse_return(typed, NOW) == expected


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(0, "0:00"), (59.2, "1:00"), (1199.5, "20:00"), (3599, "59:59"), (86391, "23:59:51")],
)
def test_long_waits_read_as_hours_and_minutes(seconds, shown):
    assert format_wait(seconds) == shown


# -- digits that grow with the window -----------------------------------------------------------


@pytest.mark.parametrize(
    ("width", "height", "scale"), [(76, 3, 1), (116, 15, 5), (56, 3, 1), (200, 60, 8)]
)
def test_clock_scale_fits_the_space(width, height, scale):
    assert bigdigits.fit_scale("+00:00", width, height) == scale
    assert bigdigits.rows_for(scale) <= max(height, 3)


def test_rendered_digits_have_the_promised_size():
    for scale in (1, 3, 5):
        lines = bigdigits.render("12:05", scale)
        assert len(lines) == bigdigits.rows_for(scale)
        assert {len(line) for line in lines} == {bigdigits.width_for("12:05", scale)}
        assert any(ch in "█▀▄" for ch in "".join(lines))
