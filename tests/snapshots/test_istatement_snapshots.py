"""Snapshots of the I-statement screens at 80x24. Each docstring says what to look for."""

from __future__ import annotations

from datetime import datetime

from conftest import build_app, seed_names
from textual.widgets import Input, RadioButton, TextArea

from closeness_tui.models import Statement
from closeness_tui.store import Store

SIZE = (80, 24)


def test_hub(snap_compare, data_dir, clock):
    """The I-statements hub: a short intro and four entries (b build, c complaint, l saved,
    p practice), each title with a one-line blurb; nothing clipped."""
    seed_names(data_dir)

    async def run_before(pilot):
        await pilot.press("i")
        await pilot.pause()

    assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)


def test_builder_with_findings(snap_compare, data_dir, clock):
    """The builder for Ana with feeling "ignored", situation "you never call me", need
    "respect": the preview on the right reads "I feel ignored when you never call me, and I
    need respect." with "I feel ignored" and "you never" underlined; below it the coaching
    lists "A judgement dressed as a feeling" (suggesting lonely, hurt or sad) and "Always /
    never"; the hints under Feeling and Situation show the same kinds."""
    seed_names(data_dir)

    async def run_before(pilot):
        await pilot.press("i", "b")
        await pilot.pause()
        screen = pilot.app.screen
        screen.query_one("#seat-0", RadioButton).value = True
        screen.query_one("#feeling", Input).value = "ignored"
        screen.query_one("#situation", Input).value = "you never call me"
        screen.query_one("#need", Input).value = "respect"
        await pilot.pause()

    assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)


def test_builder_feeling_list(snap_compare, data_dir, clock):
    """The builder with "lo" typed as the feeling: the list under it shows matching words
    grouped by family (sad: lonely; loving: loved, loving) with their intensity (medium,
    strong); the preview reads "I feel lo." with nothing to coach."""
    seed_names(data_dir)

    async def run_before(pilot):
        await pilot.press("i", "b")
        await pilot.pause()
        pilot.app.screen.query_one("#feeling", Input).focus()
        await pilot.press("l", "o")
        await pilot.pause()

    assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)


def test_builder_feelings_underneath_a_judgement(snap_compare, data_dir, clock):
    """The builder with "ignored" typed as the feeling: the list under it starts with the group
    'underneath "ignored"' offering lonely, hurt and sad; the preview reads "I feel ignored."
    with "I feel ignored" underlined, and the hint under Feeling names the same feelings."""
    seed_names(data_dir)

    async def run_before(pilot):
        await pilot.press("i", "b")
        await pilot.pause()
        pilot.app.screen.query_one("#feeling", Input).focus()
        await pilot.press(*"ignored")
        await pilot.pause()

    assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)


def test_complaint_view(snap_compare, data_dir, clock):
    """Start from a complaint with "You never listen to me! You're so selfish [really]."
    typed: the box below repeats it with "You never" and "You're so selfish" underlined (the
    brackets shown as typed); feelings and needs that may be underneath; the Build a draft
    button; then the two findings explained."""
    seed_names(data_dir)

    async def run_before(pilot):
        await pilot.press("i", "c")
        await pilot.pause()
        pilot.app.screen.query_one(TextArea).insert(
            "You never listen to me! You're so selfish [really]."
        )
        await pilot.pause()

    assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)


def test_library(snap_compare, data_dir, clock):
    """Saved statements with Ana's tab open: two statements, newest first, each with its date
    in muted text above the sentence; the second has brackets and emoji shown exactly
    ("[b]hurt[/b] 🌙"). Ben's tab is beside Ana's."""
    seed_names(data_dir)
    with Store.open(data_dir) as store:
        store.put(
            Statement(
                author=0,
                created_at=datetime(2026, 11, 20, 21, 15),
                form="long",
                text="When we didn't talk at dinner, I feel lonely, because I need closeness. "
                "Would you be willing to sit with me after dinner?",
            )
        )
        store.put(
            Statement(
                author=0,
                created_at=datetime(2026, 11, 18, 8, 5),
                text="I feel [b]hurt[/b] 🌙 about the joke at the party, and I need respect.",
            )
        )

    async def run_before(pilot):
        await pilot.press("i", "l")
        await pilot.pause()

    assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)


def test_practice(snap_compare, data_dir, clock):
    """Practice with the first example "You never listen to me." ("You never" underlined)
    and a rewrite typed below it, "I felt lonely when you looked at your phone tonight.",
    which gets "No blaming words found"."""
    seed_names(data_dir)

    async def run_before(pilot):
        await pilot.press("i", "p")
        await pilot.pause()
        pilot.app.screen.query_one(TextArea).insert(
            "I felt lonely when you looked at your phone tonight."
        )
        await pilot.pause()

    assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)


def test_builder_from_a_complaint_large(snap_compare, data_dir, clock):
    """The builder at 120x36, opened from the complaint "You never listen to me!": the
    situation box holds the first guess "you don't listen to me", the feeling list shows the
    "suggested" group first (lonely, unheard, sad, hurt, frustrated) then the sad family; on
    the right the preview is waiting for a feeling, and below it the note asks for one moment a
    camera would have seen, above the complaint with "You never" underlined."""
    seed_names(data_dir)

    async def run_before(pilot):
        await pilot.press("i", "c")
        await pilot.pause()
        pilot.app.screen.query_one(TextArea).insert("You never listen to me!")
        await pilot.press("ctrl+b")
        await pilot.pause()
        pilot.app.screen.query_one("#feeling", Input).focus()
        await pilot.pause()

    assert snap_compare(build_app(data_dir, clock), terminal_size=(120, 36), run_before=run_before)
