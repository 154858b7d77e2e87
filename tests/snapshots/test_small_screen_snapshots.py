"""Snapshots at 80x24 of the screens that had something below the fold (issue 13): each
docstring says what a reviewer should see. All in view, no scroll bar."""

from __future__ import annotations

from conftest import build_app, seed_names
from screen_seeds import both_profiles, seed_full_home
from textual.widgets import Input

SIZE = (80, 24)


async def _go(pilot, *keys):
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


def test_home_with_rituals_and_a_review_due(snap_compare, data_dir, clock):
    """Home with the most to show: "Hello, Ana and Ben"; the bold warning line 'Review due:
    "We spend our weekends apart." (since Fri 06 Nov)'; the question of the day; the eight
    entries on one line each (key and title, no blurbs) in the rounded box, the first
    highlighted; "Today's rituals" with four rows (Gratitude exchange, then 07:30, 19:00
    and 21:30 ones, each with ○); and the therapist's note on the last line above the
    footer. No scroll bar."""
    seed_full_home(data_dir)
    assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE)


def test_home_with_a_review_due_only(snap_compare, data_dir, clock):
    """Home with the waiting line only: the review-due line under the greeting, the eight
    one-line entries, and the therapist's note in view; no rituals block, no scroll bar."""
    seed_full_home(data_dir, rituals=0)
    assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE)


def test_settings_with_a_note_under_a_name(snap_compare, data_dir, clock):
    """Settings with both names "Ana": the kind red note under the second name box, the
    form scrolled as needed, and the compact Save on its own row right above the footer."""
    seed_names(data_dir)

    async def run_before(pilot):
        await _go(pilot, "s")
        pilot.app.screen.query_one("#second-name", Input).value = "Ana"
        await _go(pilot, "ctrl+s")

    assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)


def test_after_a_fight_break_with_both_calm_hints(snap_compare, data_dir, clock):
    """A break in an after-a-fight talk with both profiles: title, intro, the big 20:00
    countdown, the return time, the breathing cue, the one-row minutes box beside its label,
    where they stopped, what helps Ana and Ben calm down (Ana's "[alone] 🌙" shown
    literally), and both buttons, one row each, wholly in view; "We're ready: carry on"
    focused."""
    seed_names(data_dir)
    both_profiles(data_dir, clock)

    async def run_before(pilot):
        await _go(pilot, "w", "f")
        pilot.app.screen.query_one("#topic", Input).value = "The dishes"
        await _go(pilot, "ctrl+s", "ctrl+s", "ctrl+t")
        await pilot.pause()

    assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)
