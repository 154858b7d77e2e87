"""The weekly check-in: the guided agenda records promises; a week later (fake clock, the
app restarted on the same data) it opens with last week's promises to look back on."""

from __future__ import annotations

from datetime import date

from checkins_seed import HEBREW, TRICKY
from conftest import build_app, notices, seed_names
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static, TextArea

from closeness_tui.models import BOTH, CheckIn, Ritual, RitualMark
from closeness_tui.screens.checkins import CheckinsScreen
from closeness_tui.screens.weekly import WeeklyScreen
from closeness_tui.store import Store

WEEK = 7 * 24 * 3600


async def _next(pilot, times: int = 1) -> None:
    for _ in range(times):
        await pilot.press("ctrl+s")
        await pilot.pause()


async def _open_weekly(pilot) -> WeeklyScreen:
    await pilot.press("c")
    await pilot.pause()
    await pilot.press("w")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, WeeklyScreen)
    return screen


def _title(screen) -> str:
    return screen.query_one("#weekly-title", Static).visual.plain


async def _first_week(app) -> None:
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await _open_weekly(pilot)
        assert _title(screen) == "Weekly check-in · Appreciations (1 of 6)"
        screen.query_one("#appreciation-0", TextArea).text = "You cooked [twice]\n\nYou listened"
        await pilot.pause()
        nudge = screen.query_one("#appreciation-nudge", Static)
        assert "what does it say about them" in nudge.visual.plain  # "You listened" is short
        screen.query_one("#appreciation-1", TextArea).text = TRICKY
        await _next(pilot)
        assert "What went well" in _title(screen)
        screen.query_one("#went_well-1", TextArea).text = "Sunday walk 🌧"
        await _next(pilot)
        # One issue: named, not talked through now; the topic is kept.
        assert "One issue" in _title(screen)
        assert screen.query_one("#issue-topic", Input).has_focus
        await pilot.press(*"phones", "enter")
        assert screen.query_one("#talk").has_focus
        await _next(pilot)
        assert "Feeling loved" in _title(screen)
        screen.query_one("#loved-0", TextArea).text = "Cook with me on Tuesday"
        screen.query_one("#loved-1", TextArea).text = (
            "A walk without phones\nBreakfast [in bed] " + HEBREW
        )
        await _next(pilot)
        assert "Goals" in _title(screen)
        screen.query_one("#goal-shared", TextArea).text = "Save for the trip"
        screen.query_one("#goal-personal-1", TextArea).text = "Run 5k"
        await _next(pilot)
        assert "Your promises" in _title(screen)
        listed = screen.query_one("#promise-list", Static).visual.plain
        assert listed.splitlines() == [
            "For Ana, Ben will: Cook with me on Tuesday",
            "For Ben, Ana will: A walk without phones",
            "For Ben, Ana will: Breakfast [in bed] " + HEBREW,
        ]
        await _next(pilot)
        assert isinstance(app.screen, CheckinsScreen)
        assert any("weekly check-in is kept" in n.message for n in notices(app))


async def test_weekly_checkin_records_promises_and_looks_back_a_week_later(data_dir, clock):
    seed_names(data_dir)
    with Store.open(data_dir) as store:
        store.put(
            Ritual(
                id="w",
                name="Our hour",
                template="weekly_checkin",
                start=date(2026, 11, 1),
                weekdays=[5, 6],
            )
        )
    await _first_week(build_app(data_dir, clock))
    with Store.open(data_dir, read_only=True) as store:
        (first,) = store.all(CheckIn)
        marks = store.all(RitualMark)
    assert first.kind == "weekly" and first.status == "done" and first.issue == "phones"
    assert [(a.seat, a.part, a.text) for a in first.answers] == [
        (0, "appreciation", "You cooked [twice]"),
        (0, "appreciation", "You listened"),
        (1, "appreciation", TRICKY),
        (1, "went_well", "Sunday walk 🌧"),
        (BOTH, "goal_shared", "Save for the trip"),
        (1, "goal_personal", "Run 5k"),
    ]
    assert first.answers[-1].prompt == "Ben's personal goals"  # the name, not "$name"
    assert [(p.seat, p.text) for p in first.promises] == [
        (1, "Cook with me on Tuesday"),
        (0, "A walk without phones"),
        (0, "Breakfast [in bed] " + HEBREW),
    ]
    assert first.promises[0].prompt == "What can I do to make you feel loved this coming week?"
    assert [(m.ritual_id, m.occurrence) for m in marks] == [("w", date(2026, 11, 21))]

    # A week later, on the same data: the check-in opens with the look-back.
    clock.advance(WEEK)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await _open_weekly(pilot)
        assert _title(screen) == "Weekly check-in · Last week's promises (1 of 7)"
        promises = screen.query_one("#promises", OptionList)
        assert promises.has_focus and promises.option_count == 3
        first_line = promises.get_option_at_index(0).prompt.plain
        assert first_line.startswith("For Ana, Ben will: Cook with me on Tuesday")
        assert "Not looked at yet" in first_line
        assert "Breakfast [in bed] " + HEBREW in promises.get_option_at_index(2).prompt.plain
        # A mark stays on its promise (moving on is the arrow keys' job): k twice is still
        # one promise kept, never the next one overwritten.
        await pilot.press("k", "k", "down", "p", "down", "n")
        await pilot.pause()
        statuses = [
            promises.get_option_at_index(i).prompt.plain.splitlines()[-1].strip() for i in range(3)
        ]
        assert statuses == ["Kept", "Partly", "Not yet"]
        # Enter on a promise changes its status round: not yet -> kept.
        promises.highlighted = 2
        await pilot.press("enter")
        await pilot.press("enter")
        await pilot.press("enter")
        await pilot.pause()
        assert promises.get_option_at_index(2).prompt.plain.splitlines()[-1].strip() == "Not yet"
        await _next(pilot)
        assert "Appreciations (2 of 7)" in _title(screen)
        # Stop here: the step is saved, so leaving asks nothing.
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CheckinsScreen)
    with Store.open(data_dir, read_only=True) as store:
        second = next(c for c in store.all(CheckIn) if c.id != first.id)
    assert second.status == "active" and second.step == "appreciations"
    assert second.reviewed_id == first.id
    assert second.promise_review == {"0": "kept", "1": "partly", "2": "not_yet"}

    # Restarted again: the unfinished check-in is picked up where it was left, and last
    # week's goals are there to look at again.
    clock.advance(3600)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await _open_weekly(pilot)
        assert any("where you left off" in n.message for n in notices(app))
        assert "Appreciations (2 of 7)" in _title(screen)
        assert screen.query_one("#goal-shared", TextArea).text == "Save for the trip"
        assert screen.query_one("#goal-personal-1", TextArea).text == "Run 5k"
        await _next(pilot, 6)
        assert isinstance(app.screen, CheckinsScreen)
    with Store.open(data_dir, read_only=True) as store:
        second = store.get(CheckIn, second.id)
        marks = store.all(RitualMark)
    assert second.status == "done" and second.promise_review["2"] == "not_yet"
    assert [a.text for a in second.answers if a.part == "goal_shared"] == ["Save for the trip"]
    assert sorted(m.occurrence for m in marks) == [date(2026, 11, 21), date(2026, 11, 28)]


async def test_issue_launches_listening_and_comes_back(named_app, data_dir, monkeypatch):
    """The contract with the listening session, with a stand-in flow: pushed with the topic,
    it pops back and calls on_done(session_id); the check-in keeps the session's id."""
    calls = []

    class StandIn(Screen[None]):
        pass

    def start_listening(app, *, topic, on_done, **link):
        calls.append(topic)
        app.push_screen(StandIn(), lambda _: on_done("session-42"))

    # The weekly screen imports start_listening when the partners ask for it, so patching the
    # real module's attribute works whatever was imported before.
    import closeness_tui.screens.listening_setup as listening_setup

    monkeypatch.setattr(listening_setup, "start_listening", start_listening)
    app = named_app
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await _open_weekly(pilot)
        await _next(pilot, 2)
        # No topic yet: a gentle word instead of an empty session.
        await pilot.click("#talk")
        await pilot.pause()
        assert "name the issue" in screen.query_one("#issue-note", Static).visual.plain
        screen.query_one("#issue-topic", Input).value = "Evenings [& phones]"
        # A Button ignores clicks while it shows its pressed look (0.2 s): wait that out.
        await pilot.pause(0.3)
        await pilot.click("#talk")
        await pilot.pause()
        await pilot.pause()
        assert calls == ["Evenings [& phones]"]
        assert isinstance(app.screen, StandIn)
        app.screen.dismiss()
        for _ in range(3):  # the pop and the callback run on the app's loop
            await pilot.pause()
        assert app.screen is screen
        assert "Feeling loved" in _title(screen)
        assert "kept with this check-in" in screen.query_one("#issue-note", Static).visual.plain
    with Store.open(data_dir, read_only=True) as store:
        (checkin,) = store.all(CheckIn)
    assert checkin.listening_id == "session-42" and checkin.issue == "Evenings [& phones]"
    assert checkin.step == "loved"


async def test_issue_opens_the_real_listening_session_with_the_topic(named_app):
    app = named_app
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await _open_weekly(pilot)
        await _next(pilot, 2)
        screen.query_one("#issue-topic", Input).value = "How we share the evenings"
        await pilot.click("#talk")
        await pilot.pause()
        assert app.screen is not screen
        shown = [w.value for w in app.screen.query(Input)] + [
            w.text for w in app.screen.query(TextArea)
        ]
        shown += [w.visual.plain for w in app.screen.query(Static) if hasattr(w.visual, "plain")]
        assert any("How we share the evenings" in s for s in shown)
