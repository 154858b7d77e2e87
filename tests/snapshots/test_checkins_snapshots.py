"""Snapshots of the check-in and journal screens at 80x24. Each docstring says what a
reviewer should see. The fake clock gives the date (Saturday 21 November 2026)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from checkins_seed import HEBREW, TRICKY, seed
from conftest import build_app, seed_names
from textual.widgets import Input, TextArea

from closeness_tui.models import Answer, CheckIn
from closeness_tui.store import Store

SIZE = (80, 24)


def _named(data_dir):
    seed_names(data_dir)
    return data_dir


def _with_last_week(data_dir, clock):
    seed_names(data_dir)
    with Store.open(data_dir) as store:
        store.put(
            CheckIn(
                kind="weekly",
                created_at=clock.now().replace(day=14),
                promises=[
                    Answer(seat=1, prompt="?", text="Cook with me on Tuesday", part="promise"),
                    Answer(seat=0, prompt="?", text="A walk [no phones] " + HEBREW, part="promise"),
                ],
            )
        )


async def _go(pilot, *keys):
    # Home reads ahead for the journal once drawn: let it finish, so the journal is drawn
    # the same way every time (from what Home read, at once).
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    for key in keys:
        await pilot.press(key)
        await pilot.pause()  # the journal's and insights' workers start once drawn
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


BENCH = Path(__file__).resolve().parents[2] / "bench"


class TestCheckinsHub:
    def test_hub(self, snap_compare, data_dir, clock):
        """Check-ins: title and intro, then three entries (n Nightly check-in, g Gratitude
        exchange, w Weekly check-in), each with a one-line blurb and "Not done yet"; the
        footer offers esc Back, n Nightly, g Gratitude, w Weekly."""
        _named(data_dir)

        async def run_before(pilot):
            await _go(pilot, "c")

        assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)


class TestNightly:
    def test_nightly_write(self, snap_compare, data_dir, clock):
        """Nightly check-in, Ana's turn: "Shared timer: 8:00  (ctrl+t pauses)", the intro naming
        Ana and Ben, three questions with Ana's first answer (brackets, emoji) in the first
        box (the third question further down the scroll); the Continue button in view under the
        questions; ctrl+s Continue and ctrl+t Timer in the footer."""
        _named(data_dir)

        async def run_before(pilot):
            await _go(pilot, "c", "n")
            pilot.app.screen.query_one("#answer-0-0", TextArea).text = TRICKY
            await _go(pilot, "ctrl+t")
            pilot.app.clock.advance(120)
            pilot.app.screen._tick()
            await pilot.pause()

        assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)

    def test_nightly_read(self, snap_compare, data_dir, clock):
        """Nightly check-in, Ben reads: "Ben, here is what Ana wrote", a bordered box with
        each question in bold and Ana's words exactly (brackets, Hebrew), then the one-line
        reply box and a Continue button."""
        _named(data_dir)

        async def run_before(pilot):
            await _go(pilot, "c", "n")
            screen = pilot.app.screen
            screen.query_one("#answer-0-0", TextArea).text = TRICKY
            screen.query_one("#answer-0-2", TextArea).text = HEBREW
            await _go(pilot, "ctrl+s")

        assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)


class TestGratitude:
    def test_gratitude_second_writer(self, snap_compare, data_dir, clock):
        """Gratitude exchange, Ben's turn: "Ana, please look away...", the note that Ana has
        written something which stays hidden, the prompt about Ana, an empty box with the
        example placeholder. Ana's words appear nowhere."""
        _named(data_dir)

        async def run_before(pilot):
            await _go(pilot, "c", "g")
            text = "You made tea when I came home tired; you notice me"
            pilot.app.screen.query_one("#thanks-0", TextArea).text = text
            await _go(pilot, "ctrl+s")

        assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)

    def test_gratitude_nudge(self, snap_compare, data_dir, clock):
        """Gratitude exchange, Ana wrote only "thanks for everything": below the box, in
        italics, the gentle nudge "what did they do, and what does it say about them?"."""
        _named(data_dir)

        async def run_before(pilot):
            await _go(pilot, "c", "g")
            pilot.app.screen.query_one("#thanks-0", TextArea).text = "thanks for everything"
            await pilot.pause()

        assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)

    def test_gratitude_reveal(self, snap_compare, data_dir, clock):
        """Gratitude exchange, both wrote: two bordered panels side by side, "Ana appreciated"
        (brackets and emoji as written) and "Ben appreciated" (Hebrew, right to left), then a
        "Back to check-ins" button; a toast says it is kept in the journal."""
        _named(data_dir)

        async def run_before(pilot):
            await _go(pilot, "c", "g")
            pilot.app.screen.query_one("#thanks-0", TextArea).text = TRICKY
            await _go(pilot, "ctrl+s")
            pilot.app.screen.query_one("#thanks-1", TextArea).text = HEBREW + " 💛"
            await _go(pilot, "ctrl+s")

        assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)


class TestWeekly:
    def test_weekly_lookback(self, snap_compare, data_dir, clock):
        """Weekly check-in, step 1 of 7 "Last week's promises": the no-blame intro, the key
        hint, two promises ("Ben: Cook with me on Tuesday" marked Kept, "Ana: A walk [no
        phones] ..." Not looked at yet) and a Continue button; the footer fits (esc, ^s, ^q,
        f1) since the look-back shows its own key hint."""
        _with_last_week(data_dir, clock)

        async def run_before(pilot):
            await _go(pilot, "c", "w", "k")

        assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)

    def test_weekly_appreciations(self, snap_compare, data_dir, clock):
        """Weekly check-in, "Appreciations (1 of 6)": the intro, two columns "Ana
        appreciated" and "Ben appreciated" with their boxes (Ana's holds two lines), the
        gentle nudge toward specifics in italics (the first line is short), and a Continue
        button; no review keys in the footer."""
        _named(data_dir)

        async def run_before(pilot):
            await _go(pilot, "c", "w")
            box = pilot.app.screen.query_one("#appreciation-0", TextArea)
            box.text = "You cooked [twice] 🍲\nYou listened when I was upset"

        assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)

    def test_weekly_issue(self, snap_compare, data_dir, clock):
        """Weekly check-in, "One issue, if any (3 of 6)": the intro, the topic box holding
        "Evenings [& phones]" exactly as typed, and three buttons (Talk it through / Solve it /
        No issue this week)."""
        _named(data_dir)

        async def run_before(pilot):
            await _go(pilot, "c", "w", "ctrl+s", "ctrl+s")
            pilot.app.screen.query_one("#issue-topic", Input).value = "Evenings [& phones]"
            await pilot.pause()

        assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)

    def test_weekly_loved(self, snap_compare, data_dir, clock):
        """Weekly check-in, "Feeling loved this coming week (4 of 6)": the question in bold,
        the intro, two columns "Ana, what can Ben do for you?" / "Ben, what can Ana do for
        you?" with boxes and a Continue button."""
        _named(data_dir)

        async def run_before(pilot):
            await _go(pilot, "c", "w", "ctrl+s", "ctrl+s", "ctrl+s")
            pilot.app.screen.query_one("#loved-0", TextArea).text = "Cook with me on Tuesday"

        assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)

    def test_weekly_done(self, snap_compare, data_dir, clock):
        """Weekly check-in, "Your promises for this week (6 of 6)": the intro, then "Ben will
        try: Cook with me on Tuesday" and "Ana will try: A walk [no phones] ..." (Hebrew as
        written), and a Finish button."""
        _named(data_dir)

        async def run_before(pilot):
            await _go(pilot, "c", "w", "ctrl+s", "ctrl+s", "ctrl+s")
            screen = pilot.app.screen
            screen.query_one("#loved-0", TextArea).text = "Cook with me on Tuesday"
            screen.query_one("#loved-1", TextArea).text = "A walk [no phones] " + HEBREW
            await _go(pilot, "ctrl+s", "ctrl+s")

        assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)


class TestJournal:
    def test_journal(self, snap_compare, data_dir, clock):
        """Journal: "Showing everything, both of you", the search box, then the newest
        entries (Weekly check-in with "Evenings & *phones*", Gratitude exchange, Ritual kept,
        Nightly check-in with the bracket text) with date and time; k Kind, p Partner,
        / Search, i Insights in the footer."""
        seed(data_dir)

        async def run_before(pilot):
            await _go(pilot, "j")

        assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)

    def test_journal_filtered(self, snap_compare, data_dir, clock):
        """Journal filtered to gratitude and Ben: "Showing Gratitude exchange, Ben" and one
        entry (Fri 13 Nov 21:00), first words "You fixed the bike # for me"."""
        seed(data_dir)

        async def run_before(pilot):
            await _go(pilot, "j", "k", "k", "k", "k", "p", "p")

        assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)

    def test_journal_entry(self, snap_compare, data_dir, clock):
        """A nightly check-in opened from the journal: "Nightly check-in  Thursday 12
        November 2026, 22:05", then each block (who · question) with the words exactly as
        written: brackets and the [@click] tag as plain text, Hebrew, "1. tea / - a hug"."""
        seed(data_dir)

        async def run_before(pilot):
            await _go(pilot, "j")
            await _go(pilot, "down", "down", "down", "enter")

        assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)

    def test_insights(self, snap_compare, data_dir, clock, monkeypatch):
        """Insights: the "a mirror, never a score" intro; one bar per week for the last 12
        weeks (two bars near the end) named "31 Aug … this week", "5 in these 12 weeks";
        listening accuracy one bar per week (dots where there was no listening), "50% of 2
        summaries · listening sessions: 1 · since 31 Aug 2026"; rituals kept in the last 28
        days (dates named) "1 of 2 times (50%)"; promises "1 kept, 1 partly, 0 not yet,
        since 15 Nov 2026"; "After a fight, and solving it together" with "No talks after a
        fight and no solutions tried yet."; the view scrolls for the closing note."""
        from closeness_tui import journal

        monkeypatch.setattr(journal, "ritual_planner", lambda: None)  # marked days only
        seed(data_dir)

        async def run_before(pilot):
            await _go(pilot, "j", "i")

        assert snap_compare(build_app(data_dir, clock), terminal_size=SIZE, run_before=run_before)


class TestTenYears:
    def test_insights_ten_years(self, snap_compare, tmp_path, clock):
        """Insights over 10 years from bench/make_data.py: the last 12 weeks one bar a week
        ("31 Aug … this week", "94 in these 12 weeks"); "Sessions and check-ins since 24 Nov
        2016, one bar per quarter": 41 bars named "Q4 2016" and "Q4 2026" under the first and
        last, "4170 since 24 Nov 2016"; listening accuracy one bar per quarter (not one per
        session: no wall of full blocks), "66% of 1290 summaries · listening sessions: 520 ·
        since 24 Nov 2016"; rituals kept in the last 28 days with both dates named."""
        sys.path.insert(0, str(BENCH))
        try:
            from make_data import make
        finally:
            sys.path.remove(str(BENCH))
        make(tmp_path / "data10", 10)

        async def run_before(pilot):
            await _go(pilot, "j", "i")

        app = build_app(tmp_path / "data10", clock)
        assert snap_compare(app, terminal_size=SIZE, run_before=run_before)

    def test_insights_ten_years_light(self, snap_compare, tmp_path, clock):
        """The same 10-year Insights in the light theme: bars in the accent colour and the
        period names in muted grey, both readable on the light background."""
        from closeness_tui.app import LIGHT_THEME

        sys.path.insert(0, str(BENCH))
        try:
            from make_data import make
        finally:
            sys.path.remove(str(BENCH))
        make(tmp_path / "data10", 10)

        async def run_before(pilot):
            pilot.app.theme = LIGHT_THEME
            await _go(pilot, "j", "i")

        app = build_app(tmp_path / "data10", clock)
        assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


class TestLarger:
    def test_journal_large(self, snap_compare, data_dir, clock):
        """Journal at 120x36: the filter line, the search box and all seven entries with
        their first words in one list, nothing cut off."""
        seed(data_dir)

        async def run_before(pilot):
            await _go(pilot, "j")

        app = build_app(data_dir, clock)
        assert snap_compare(app, terminal_size=(120, 36), run_before=run_before)

    def test_weekly_lookback_large(self, snap_compare, data_dir, clock):
        """Weekly look-back at 120x36: the two promises with their statuses (Kept, Not
        looked at yet), the Continue button, everything on one screen."""
        _with_last_week(data_dir, clock)

        async def run_before(pilot):
            await _go(pilot, "c", "w", "k")

        app = build_app(data_dir, clock)
        assert snap_compare(app, terminal_size=(120, 36), run_before=run_before)


def test_snapshot_data_is_fixed():
    """The snapshots rely on the seeded records' dates, not on a real today."""
    from checkins_seed import records

    days = sorted({r.created_at.date() for r in records() if isinstance(r, CheckIn)})
    assert days[0] == date(2026, 11, 8) and days[-1] == date(2026, 11, 15)
