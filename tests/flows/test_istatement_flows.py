"""The I-statement builder end to end, through the real store on disk: building, starting
from a complaint, saving, editing, copying, deleting, practising, and partner text with
brackets and emoji shown exactly."""

from __future__ import annotations

from datetime import datetime

from conftest import notices
from textual.widgets import Input, OptionList, RadioButton, Static, TextArea

from closeness_tui.istatement import review
from closeness_tui.models import Statement
from closeness_tui.screens.dialogs import ConfirmDialog
from closeness_tui.screens.istatement import IStatementScreen
from closeness_tui.screens.statement_builder import StatementBuilderScreen
from closeness_tui.screens.statement_complaint import ComplaintScreen
from closeness_tui.screens.statement_library import LibraryScreen
from closeness_tui.screens.statement_practice import PracticeScreen
from closeness_tui.store import Store


def saved(data_dir) -> list[Statement]:
    with Store.open(data_dir, read_only=True) as store:
        return store.all(Statement)


def plain(screen, selector: str) -> str:
    return screen.query_one(selector, Static).visual.plain


def messages(app) -> list[str]:
    return [n.message for n in notices(app)]


async def type_into(pilot, selector: str, text: str) -> None:
    pilot.app.screen.query_one(selector).focus()
    await pilot.pause()
    await pilot.press(*text)


async def test_home_i_opens_the_hub_and_b_the_builder(named_app):
    async with named_app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(named_app.screen, IStatementScreen)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(named_app.screen, StatementBuilderScreen)


async def test_build_a_statement_key_by_key_and_save_it(named_app, data_dir):
    async with named_app.run_test(size=(80, 24), notifications=True) as pilot:
        named_app.push_screen(StatementBuilderScreen())
        await pilot.pause()
        screen = named_app.screen
        # Saving before choosing whose words they are asks, kindly, and keeps everything.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any("Whose words" in m for m in messages(named_app))
        await pilot.press("right", "enter")  # the radio set has focus: choose Ben
        await pilot.pause()
        assert screen.query_one("#seat-1", RadioButton).value
        await type_into(pilot, "#feeling", "lonely")
        assert plain(screen, "#preview") == "I feel lonely."
        await type_into(pilot, "#situation", "we ate dinner apart on Tuesday")
        await type_into(pilot, "#need", "closeness")
        await type_into(pilot, "#request", "eat with me on Friday")
        assert plain(screen, "#preview") == (
            "I feel lonely when we ate dinner apart on Tuesday, and I need closeness. "
            "Would you be willing to eat with me on Friday?"
        )
        await pilot.press("ctrl+l")  # the long form
        await pilot.pause()
        expected = (
            "When we ate dinner apart on Tuesday, I feel lonely, because I need closeness. "
            "Would you be willing to eat with me on Friday?"
        )
        assert plain(screen, "#preview") == expected
        assert "Nothing to coach" in plain(screen, "#coaching")
        assert screen.has_unsaved()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Saved to Ben's statements." in messages(named_app)
        assert not screen.has_unsaved()
    (st,) = saved(data_dir)
    assert (st.author, st.form, st.text) == (1, "long", expected)
    assert (st.feeling, st.need, st.request) == ("lonely", "closeness", "eat with me on Friday")
    assert st.created_at.date().isoformat() == "2026-11-21"


async def test_coaching_shows_findings_per_part_and_on_the_preview(named_app):
    async with named_app.run_test(size=(80, 24), notifications=True) as pilot:
        named_app.push_screen(StatementBuilderScreen(author=0))
        await pilot.pause()
        screen = named_app.screen
        await type_into(pilot, "#feeling", "ignored")
        await type_into(pilot, "#situation", "you never call")
        coaching = plain(screen, "#coaching")
        assert "A judgement dressed as a feeling" in coaching
        assert "Always / never" in coaching and "“you never”" in coaching
        assert "lonely" in plain(screen, "#feeling-hint")
        assert "Always / never" in plain(screen, "#situation-hint")
        preview = screen.query_one("#preview", Static).visual
        text = preview.plain
        underlined = {text[s.start : s.end] for s in preview.spans}
        assert {"I feel ignored", "you never"} <= underlined
        # It coaches, never blocks: the words can be kept and saved as they are.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Saved to Ana's statements." in messages(named_app)


async def test_feeling_and_need_picked_from_the_lists(named_app):
    async with named_app.run_test(size=(80, 24), notifications=True) as pilot:
        named_app.push_screen(StatementBuilderScreen(author=0))
        await pilot.pause()
        screen = named_app.screen
        await type_into(pilot, "#feeling", "wor")
        vocab = screen.query_one("#feeling-vocab", OptionList)
        assert vocab.display
        await pilot.press("tab")
        await pilot.pause()
        assert named_app.focused is vocab
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one("#feeling", Input).value == "worried"
        assert named_app.focused is screen.query_one("#situation", Input)
        assert not vocab.display
        await type_into(pilot, "#need", "heard")
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert screen.query_one("#need", Input).value == "to be heard"
        assert plain(screen, "#preview") == "I feel worried, and I need to be heard."


async def test_a_judgement_typed_as_a_feeling_offers_the_feelings_underneath(named_app):
    """ "ignored" is no word of the list, so the list offers lonely, hurt and sad right there,
    and picking one replaces it."""
    async with named_app.run_test(size=(80, 24), notifications=True) as pilot:
        named_app.push_screen(StatementBuilderScreen(author=0))
        await pilot.pause()
        screen = named_app.screen
        await type_into(pilot, "#feeling", "ignored")
        vocab = screen.query_one("#feeling-vocab", OptionList)
        shown = [str(vocab.get_option_at_index(i).prompt) for i in range(vocab.option_count)]
        assert shown[:4] == ['underneath "ignored"', "  lonely  ", "  hurt  ", "  sad  "]
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert screen.query_one("#feeling", Input).value == "lonely"
        assert plain(screen, "#preview") == "I feel lonely."


async def test_a_request_in_the_negative_is_coached_beside_the_request(named_app):
    async with named_app.run_test(size=(80, 24), notifications=True) as pilot:
        named_app.push_screen(StatementBuilderScreen(author=0))
        await pilot.pause()
        screen = named_app.screen
        await type_into(pilot, "#feeling", "scared")
        await type_into(pilot, "#request", "stop yelling")
        hint = plain(screen, "#request-hint")
        assert hint.startswith("A request that could be clearer: Ask for the thing you'd like")
        screen.query_one("#request", Input).value = ""
        await type_into(pilot, "#request", "speak softly when we disagree")
        assert "Asked as a question" in plain(screen, "#request-hint")
        assert "Nothing to coach here" in plain(screen, "#coaching")


async def test_from_you_never_to_a_saved_i_statement(named_app, data_dir):
    """The whole way a partner would go: a "you never" sentence to words they would say."""
    async with named_app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("i", "c")
        await pilot.pause()
        screen = named_app.screen
        assert isinstance(screen, ComplaintScreen)
        screen.query_one("#complaint", TextArea).insert("You never listen to me!\nNever.")
        await pilot.pause()
        marked = screen.query_one("#marked", Static).visual
        assert [marked.plain[s.start : s.end] for s in marked.spans] == ["You never"]
        assert "lonely" in plain(screen, "#underneath")
        await pilot.press("ctrl+b")
        await pilot.pause()
        builder = named_app.screen
        assert isinstance(builder, StatementBuilderScreen)
        assert builder.query_one("#situation", Input).value == "you don't listen to me"
        assert builder.form == "long"
        # The suggested feelings come first in the list.
        await type_into(pilot, "#feeling", "")
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert builder.query_one("#feeling", Input).value == "lonely"
        builder.query_one(
            "#situation", Input
        ).value = "I was telling you about my day and you looked at your phone"
        await type_into(pilot, "#need", "to be heard")
        await type_into(pilot, "#request", "put the phone away while we talk after dinner")
        builder.query_one("#seat-0", RadioButton).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
    (st,) = saved(data_dir)
    assert st.text == (
        "When I was telling you about my day and you looked at your phone, I feel lonely, "
        "because I need to be heard. Would you be willing to put the phone away while we "
        "talk after dinner?"
    )
    assert review(st.text) == []
    assert st.complaint == "You never listen to me!\nNever."
    assert st.author == 0


async def test_library_edit_copy_and_delete_from_disk(named_app, data_dir):
    async with named_app.run_test(size=(80, 24), notifications=True) as pilot:
        first = Statement(
            author=0,
            created_at=datetime(2026, 11, 20, 18, 0),
            feeling="tired",
            situation="the dishes were in the sink",
            need="help",
            form="short",
            text="I feel tired when the dishes were in the sink, and I need help.",
        )
        named_app.save(first)
        await pilot.press("i", "l")
        await pilot.pause()
        screen = named_app.screen
        assert isinstance(screen, LibraryScreen)
        option = screen.query_one("#list-0", OptionList).get_option_at_index(0)
        assert option.prompt.plain == "Fri 20 Nov 2026, 18:00\n" + first.text
        assert screen.query_one("#empty-1", Static).display
        await pilot.press("right")  # Ben's statements, then back to Ana's
        await pilot.pause()
        assert screen.seat == 1
        await pilot.press("left")
        await pilot.pause()
        assert screen.seat == 0
        await pilot.press("c")
        await pilot.pause()
        assert named_app.clipboard == first.text
        assert any("Copied" in m for m in messages(named_app))
        await pilot.press("e")
        await pilot.pause()
        builder = named_app.screen
        assert isinstance(builder, StatementBuilderScreen)
        assert builder.query_one("#feeling", Input).value == "tired"
        builder.query_one("#feeling", Input).value = "worn out"
        await pilot.press("ctrl+s", "escape")
        await pilot.pause()
        assert named_app.screen is screen
        option = screen.query_one("#list-0", OptionList).get_option_at_index(0)
        assert "I feel worn out when the dishes" in option.prompt.plain
        (st,) = saved(data_dir)
        assert st.id == first.id and st.feeling == "worn out" and st.updated_at is not None
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(named_app.screen, ConfirmDialog)
        await pilot.press("escape")  # keep it
        await pilot.pause()
        assert len(saved(data_dir)) == 1
        await pilot.press("d")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert named_app.screen is screen
        assert screen.query_one("#empty-0", Static).display
    assert saved(data_dir) == []


async def test_reuse_a_saved_statement_after_reopening_the_app(data_dir, clock):
    from conftest import build_app, seed_names

    seed_names(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.push_screen(StatementBuilderScreen(author=1))
        await pilot.pause()
        await type_into(pilot, "#feeling", "hopeful")
        await pilot.press("ctrl+s")
        await pilot.pause()
    again = build_app(data_dir, clock)
    async with again.run_test(size=(80, 24), notifications=True) as pilot:
        again.push_screen(LibraryScreen(seat=1))
        await pilot.pause()
        screen = again.screen
        option = screen.query_one("#list-1", OptionList).get_option_at_index(0)
        assert option.prompt.plain.endswith("I feel hopeful.")
        await pilot.press("enter")
        await pilot.pause()
        assert again.screen.query_one("#feeling", Input).value == "hopeful"
        assert not again.screen.has_unsaved()


async def test_brackets_and_emoji_are_shown_and_saved_exactly(named_app, data_dir):
    async with named_app.run_test(size=(80, 24), notifications=True) as pilot:
        named_app.push_screen(StatementBuilderScreen(author=0))
        await pilot.pause()
        screen = named_app.screen
        screen.query_one("#feeling", Input).value = "[b]hurt[/b] 🌙"
        screen.query_one("#situation", Input).value = 'you said "[@click=app.quit]x[/]" 🙃'
        screen.query_one("#need", Input).value = "[/] ❤️ שלום"
        await pilot.pause()
        expected = (
            'I feel [b]hurt[/b] 🌙 when you said "[@click=app.quit]x[/]" 🙃, and I need [/] ❤️ שלום.'
        )
        assert plain(screen, "#preview") == expected
        await pilot.press("ctrl+s")
        await pilot.pause()
        named_app.push_screen(LibraryScreen())
        await pilot.pause()
        option = named_app.screen.query_one("#list-0", OptionList).get_option_at_index(0)
        assert option.prompt.plain.endswith(expected)
    (st,) = saved(data_dir)
    assert st.text == expected and st.feeling == "[b]hurt[/b] 🌙"


async def test_leaving_with_unsaved_words_asks_first(named_app):
    async with named_app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("i", "b")
        await pilot.pause()
        await type_into(pilot, "#feeling", "sad")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(named_app.screen, ConfirmDialog)
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert isinstance(named_app.screen, StatementBuilderScreen)
        assert named_app.screen.query_one("#feeling", Input).value == "sad"


async def test_practice_coaches_the_rewrite(named_app):
    async with named_app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("i", "p")
        await pilot.pause()
        screen = named_app.screen
        assert isinstance(screen, PracticeScreen)
        original = screen.query_one("#original", Static).visual
        assert original.plain == "You never listen to me."
        assert original.spans
        assert "Type your version" in plain(screen, "#practice-coaching")
        await pilot.press(*"You always look at your phone")
        await pilot.pause()
        assert "Always / never" in plain(screen, "#practice-coaching")
        screen.query_one(
            "#rewrite", TextArea
        ).text = "I felt lonely at dinner; I need time with you."
        await pilot.pause()
        assert "No blaming words" in plain(screen, "#practice-coaching")
        assert not screen.query_one("#idea", Static).display
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert screen.query_one("#idea", Static).display
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert plain(screen, "#original") == "You always leave your dishes for me to clean up."
        assert screen.query_one("#rewrite", TextArea).text == ""


async def test_huge_pastes_are_reviewed_and_a_kind_note_says_what_was_kept(named_app, data_dir):
    async with named_app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("i", "c")
        await pilot.pause()
        screen = named_app.screen
        screen.query_one("#complaint", TextArea).insert("You never call. [/] 🌙 " * 1200)
        await pilot.pause()
        assert "Always / never" in plain(screen, "#complaint-findings")
        assert any("only the first 20,000" in m for m in messages(named_app))
        await pilot.press("ctrl+b")
        await pilot.pause()
        builder = named_app.screen
        assert isinstance(builder, StatementBuilderScreen)
        builder.query_one("#seat-0", RadioButton).value = True
        builder.query_one("#feeling", Input).value = "tired " * 500
        await pilot.pause()
        assert any("only the first 2,000" in m for m in messages(named_app))
        await pilot.press("ctrl+s")
        await pilot.pause()
    (st,) = saved(data_dir)
    assert len(st.feeling) == 2000 and st.text.startswith("When you don't call, I feel tired")
    assert len(st.complaint) == 20_000


async def test_tab_from_the_need_list_reaches_the_request_and_save_stays_last(named_app, data_dir):
    """Keys a person presses in a real terminal: Tab into the need's list, Tab again, then type.
    The request box gets the words (a Save row docked inside the scrolling form once sorted
    before the boxes below it in the focus order, and took them), and Save is still in view."""
    async with named_app.run_test(size=(80, 24), notifications=True) as pilot:
        named_app.push_screen(StatementBuilderScreen(author=0))
        await pilot.pause()
        builder = named_app.screen
        await pilot.press(*"worried", "tab", "tab", *"an evening", "tab")
        await pilot.pause()
        assert named_app.focused is builder.query_one("#need", Input)
        await pilot.press(*"to be heard", "tab")
        await pilot.pause()
        assert named_app.focused is builder.query_one("#need-vocab", OptionList)
        await pilot.press("tab", *"walk with me")
        await pilot.pause()
        assert builder.query_one("#request", Input).value == "walk with me"
        order = [w.id for w in builder.focus_chain]
        assert order.index("request") < order.index("form") < order.index("save")
        save = builder.query_one("#save")
        assert named_app.screen.region.contains_region(save.region)
        await pilot.press("tab", "tab")  # the form's radios, then Save
        assert named_app.focused is save
        await pilot.press("enter")
        await pilot.pause()
    (st,) = saved(data_dir)
    assert st.request == "walk with me"
    assert st.need == "to be heard"
