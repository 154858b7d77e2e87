"""Snapshots of the app shell: welcome, names, Home, help, Settings and the leave question."""

from __future__ import annotations

from conftest import build_app, seed_names

from closeness_tui.app import LIGHT_THEME


def first_run_app(data_dir, clock):
    return build_app(data_dir, clock)


def named_app(data_dir, clock, a="Ana", b="Ben"):
    seed_names(data_dir, a, b)
    return build_app(data_dir, clock)


def test_welcome(snap_compare, data_dir, clock):
    """The first screen: a bordered card, "Welcome to closeness", four short paragraphs
    (together, private, at your own pace) and a "Let's begin" button, all inside 80x24 with
    the footer (ctrl+q Quit, f1 Help) below. No Back key: there is nothing behind it."""
    assert snap_compare(first_run_app(data_dir, clock), terminal_size=(80, 24))


def test_setup_empty(snap_compare, data_dir, clock):
    """Names, empty: "Who is here today?", a line on why the names are asked, two labelled
    boxes with a grey placeholder, the first one focused, and Continue. Footer: esc Back
    (to the welcome), ctrl+s Continue."""

    async def run_before(pilot):
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(
        first_run_app(data_dir, clock), terminal_size=(80, 24), run_before=run_before
    )


def test_setup_names_the_same(snap_compare, data_dir, clock):
    """Names "Sam" and "sam": a red, kind note under the second box ("The two names are the
    same. Perhaps add an initial...") wrapped inside the card; the second box has the focus.
    Nothing is cut off; Continue is still visible."""

    async def run_before(pilot):
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"Sam", "tab", *"sam", "ctrl+s")
        await pilot.pause()

    assert snap_compare(
        first_run_app(data_dir, clock), terminal_size=(80, 24), run_before=run_before
    )


def test_home(snap_compare, data_dir, clock):
    """Home for Ana and Ben: "Hello, Ana and Ben", then (in the subtitle's place) "Question
    of the day (d): ..." on one line (cut with an ellipsis), right above a rounded box with
    seven entries (key in accent colour, bold title, dim one-line blurb): l Listening
    session, i I-statement builder, r Rituals, c Check-ins, k Cards and knowing each other,
    j Journal, s Settings; the first is highlighted. Below, the gentle italic note about a
    couples therapist. All fits at 80x24 with no scrollbar; the footer holds ctrl+q Quit and
    f1 Help only."""
    assert snap_compare(named_app(data_dir, clock), terminal_size=(80, 24))


def test_home_large_light(snap_compare, data_dir, clock):
    """The same Home at 120x40 in the light theme: the column (at most 84 wide) is centred
    both ways, greeting in a readable dark amber, blurbs dim grey, highlight readable."""

    async def run_before(pilot):
        pilot.app.theme = LIGHT_THEME
        await pilot.pause()

    assert snap_compare(named_app(data_dir, clock), terminal_size=(120, 40), run_before=run_before)


def test_help_from_home(snap_compare, data_dir, clock):
    """Help opened with ? on Home: the header reads "closeness — Help"; an intro line; then
    the Home section first, marked "(You are here)" with an accent bar on its left, listing
    every entry key (l, i, r, c, k, j, s), q and d, each explanation wrapping beside its key.
    Other screens follow below; a scrollbar shows there is more."""

    async def run_before(pilot):
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(named_app(data_dir, clock), terminal_size=(80, 24), run_before=run_before)


def test_help_large(snap_compare, data_dir, clock):
    """Help at 120x40, opened with F1 from Settings: the Settings section is first and
    marked "(You are here)" with ctrl+s Save; then Home and the rest, in two neat columns
    of keys and explanations."""

    async def run_before(pilot):
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(named_app(data_dir, clock), terminal_size=(120, 40), run_before=run_before)


def test_settings(snap_compare, data_dir, clock):
    """Settings for Ana and Ben: header "closeness — Settings", the two names in their boxes
    (the first focused), a switch for the light theme (off), one for the soft bell (on) and
    one for the question of the day on Home (on), each with its label; the week's first day
    and Save are below the fold (the column scrolls). Footer: esc Back, ctrl+s Save, ctrl+q
    Quit, f1 Help."""

    async def run_before(pilot):
        await pilot.press("s")
        await pilot.pause()

    assert snap_compare(named_app(data_dir, clock), terminal_size=(80, 24), run_before=run_before)


def test_settings_leave_question(snap_compare, data_dir, clock):
    """Settings after typing "bel" after Ana and pressing Escape: a centred dialog over the
    dimmed screen asks "You have changes that are not saved yet. Leave without saving
    them?" with "Stay" (focused, the safe choice) and "Leave without saving"."""

    async def run_before(pilot):
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("end", *"bel", "escape")
        await pilot.pause()

    assert snap_compare(named_app(data_dir, clock), terminal_size=(80, 24), run_before=run_before)


def test_home_with_markup_names(snap_compare, data_dir, clock):
    """Names that look like markup are shown exactly as typed: "Hello, [/] and
    [@click=app.quit]x[/]" in the greeting, nothing bold, nothing a link; the entries below
    as on any Home."""
    assert snap_compare(
        named_app(data_dir, clock, "[/]", "[@click=app.quit]x[/]"), terminal_size=(80, 24)
    )
