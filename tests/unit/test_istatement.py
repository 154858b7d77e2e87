"""review(), composition, drafts from a complaint, vocabularies and the library: the rules of
the I-statement builder without Textual."""

from __future__ import annotations

from datetime import datetime

import pytest

from closeness_tui import content
from closeness_tui.istatement import (
    KINDS,
    Parts,
    compose,
    compose_long,
    compose_short,
    draft_from_complaint,
    feeling_words,
    feelings_underneath,
    findings_by_part,
    intensity_name,
    is_clause,
    is_warm,
    library,
    make_statement,
    need_words,
    review,
    review_composed,
    search,
    tidy,
)
from closeness_tui.models import Statement

NOW = datetime(2026, 11, 21, 19, 30)


def spans(text: str) -> list[tuple[str, str]]:
    return [(f.kind, text[f.start : f.end]) for f in review(text)]


# -- review --------------------------------------------------------------------------------


def test_offsets_point_at_the_words_in_several_sentences():
    text = "We had a nice day. Then you NEVER called! And you’re so selfish."
    assert spans(text) == [("absolute", "you NEVER"), ("label", "you’re so selfish")]


def test_curly_and_straight_apostrophes_and_quotes_count_the_same():
    for text in ("You’re always late.", "You're always late.", "“You’re always late,” I said."):
        assert [k for k, _ in spans(text)] == ["absolute"]


def test_capitals_do_not_matter():
    assert spans("YOU NEVER LISTEN") == [("absolute", "YOU NEVER")]
    assert spans("i FEEL LIKE you don't care")[0][0] == "thought_as_feeling"


def test_negation_keeps_labels_and_shoulds_away():
    assert review("I don't think you're lazy.") == []
    assert review("I'm not saying you should leave.") == []
    # ... but only inside its own sentence
    assert [f.kind for f in review("I don't think so. You're lazy.")] == ["label"]


def test_a_clean_i_statement_gets_no_findings():
    text = compose_long(
        "lonely",
        "we didn't get time to talk about our day",
        "closeness",
        "sit with me for ten minutes after dinner",
    )
    assert review(text) == []


def test_findings_carry_a_reason_and_a_suggestion_in_plain_words():
    (label,) = review("You're so selfish.")
    assert '"selfish"' in label.message
    assert label.suggestion
    assert label.title == "A label"
    (faux,) = review("I feel abandoned.")
    assert "lonely" in faux.suggestion and "closeness" in faux.suggestion
    assert '"abandoned"' in faux.message


def test_brackets_and_emoji_do_not_confuse_offsets():
    text = "[/] 🌙 you never [b]call[/b] 🙁"
    (finding,) = review(text)
    assert text[finding.start : finding.end] == "you never"


def test_empty_and_huge_texts():
    assert review("") == []
    huge = ("You never listen. " * 1200)[:20_000]
    found = review(huge)
    assert len(found) > 1000 and all(f.kind == "absolute" for f in found)


def test_one_finding_per_kind_for_the_same_words():
    found = review("I'm feeling ignored.")
    assert [f.kind for f in found] == ["faux_feeling"]


# -- composition ---------------------------------------------------------------------------


def test_short_form():
    assert (
        compose_short("lonely", "not getting time to talk", "closeness")
        == "I feel lonely about not getting time to talk, and I need closeness."
    )


@pytest.mark.parametrize(
    ("situation", "clause"),
    [
        ("we ate apart on Tuesday", True),
        ("you looked at your phone", True),
        ("the dishes were in the sink", True),
        ("Ana's mum visited", True),
        ("the joke at the party", False),
        ("not getting time to talk", False),
        ("the money I spent on the car", False),
        ("the weekend plans being made without me", False),
        ("how little time we've had", False),
    ],
)
def test_short_form_says_when_before_a_clause_and_about_before_a_thing(situation, clause):
    word = "when" if clause else "about"
    assert is_clause(situation) is clause
    assert (
        compose_short("sad", situation, "rest")
        == f"I feel sad {word} {situation}, and I need rest."
    )


def test_long_form_with_request_becomes_a_question():
    assert compose_long(
        "worried", "you came home at nine without calling", "reassurance", "text me if late"
    ) == (
        "When you came home at nine without calling, I feel worried, because I need "
        "reassurance. Would you be willing to text me if late?"
    )


@pytest.mark.parametrize(
    ("parts", "short", "long"),
    [
        (Parts("sad"), "I feel sad.", "I feel sad."),
        (
            Parts("sad", need="comfort"),
            "I feel sad, and I need comfort.",
            "I feel sad, because I need comfort.",
        ),
        (
            Parts("sad", situation="the trip was cancelled"),
            "I feel sad when the trip was cancelled.",
            "When the trip was cancelled, I feel sad.",
        ),
        (Parts("", "x", "y", "z"), "", ""),
        (
            Parts("sad", request="hug me"),
            "I feel sad. Would you be willing to hug me?",
            "I feel sad. Would you be willing to hug me?",
        ),
    ],
)
def test_empty_optional_parts_leave_the_punctuation_right(parts, short, long):
    assert compose(parts, "short").text == short
    assert compose(parts, "long").text == long


def test_parts_are_tidied_capitals_words_the_form_says_and_end_punctuation():
    assert compose_long(
        "  I feel Lonely. ",
        "When We didn't talk\nat dinner,",
        "Because I need Connection!",
        "Would you be willing to sit with me?",
    ) == (
        "When we didn't talk at dinner, I feel lonely, because I need connection. "
        "Would you be willing to sit with me?"
    )


def test_the_pronoun_i_gets_its_capital():
    assert tidy("situation", "i came home and i'm sure i said so") == (
        "I came home and I'm sure I said so"
    )
    assert tidy("situation", "the iPad, i.e. my work") == "the iPad, i.e. my work"


def test_names_and_i_keep_their_capitals():
    assert tidy("situation", "Ana's mum visited") == "Ana's mum visited"
    assert tidy("situation", "I came home late") == "I came home late"
    assert tidy("request", "To call me") == "call me"
    assert tidy("feeling", "ALONE") == "ALONE"


def test_spans_map_findings_to_their_parts():
    composed = compose(Parts("hurt", "you never call", "respect", "stop yelling"), "long")
    by_part = findings_by_part(composed, review(composed.text))
    assert by_part["feeling"] == [] and by_part["need"] == []
    assert [f.kind for f in by_part["situation"]] == ["absolute"]
    assert [f.kind for f in by_part["request"]] == ["demand"]
    start, end = composed.spans["situation"]
    assert composed.text[start:end] == "you never call"
    # A judgement word with no situation beside it is coached in the feeling part.
    bare = compose(Parts("ignored", "", "respect"), "long")
    by_part = findings_by_part(bare, review(bare.text))
    assert [f.kind for f in by_part["feeling"]] == ["faux_feeling"]


@pytest.mark.parametrize("form", ["short", "long"])
def test_a_judgement_word_in_the_feeling_part_is_coached_beside_its_situation(form):
    # The Feeling part holds the word meant as the feeling: the builder coaches "ignored"
    # there, with what lies underneath, even though free text "I feel ignored when ..." is
    # left alone.
    composed = compose(Parts("ignored", "you never call", "respect"), form)
    assert review(composed.text) and "faux_feeling" not in {f.kind for f in review(composed.text)}
    found = review_composed(composed)
    by_part = findings_by_part(composed, found)
    assert [f.kind for f in by_part["feeling"]] == ["faux_feeling"]
    assert [f.kind for f in by_part["situation"]] == ["absolute"]
    (faux,) = by_part["feeling"]
    assert composed.text[faux.start : faux.end] == "I feel ignored"
    assert "lonely" in faux.suggestion
    plain = compose(Parts("hurt", "you forgot", "respect"), form)
    assert review_composed(plain) == review(plain.text) == []


def test_a_judgement_word_beside_its_situation_is_a_whole_i_statement():
    # Couples therapists recommend "I felt ignored when I was sharing ..." as the rewrite
    # (tests/data/review_public_heldout*.tsv); bare, the same word is coached.
    assert review("I feel ignored when you're on your phone.") == []
    assert review("I feel overlooked because you haven't heard my side.") == []
    assert [f.kind for f in review("I feel ignored.")] == ["faux_feeling"]
    assert [f.kind for f in review("You make me feel ignored.")] == ["blame", "faux_feeling"]


# -- drafts from a complaint ----------------------------------------------------------------


def test_draft_from_you_never():
    draft = draft_from_complaint("You never listen to me!")
    assert [f.kind for f in draft.findings] == ["absolute"]
    assert draft.situation == "you don't listen to me"
    assert "lonely" in draft.feelings
    assert "to be heard" in draft.needs
    assert draft.note


def test_draft_from_a_faux_feeling_suggests_what_is_underneath():
    draft = draft_from_complaint("I feel ignored. You're on your phone. You're so selfish.")
    assert draft.feelings[:3] == ["lonely", "hurt", "sad"]
    # "You're on your phone." on its own is a you-statement (the fallback, shown as blame).
    assert {f.kind for f in draft.findings} == {"faux_feeling", "blame", "label"}
    # Beside its situation the word is not coached, but what lies underneath is still offered.
    draft = draft_from_complaint("I feel ignored when you’re on your phone. You're so selfish.")
    assert draft.situation == "you're on your phone"
    assert draft.feelings[:3] == ["lonely", "hurt", "sad"]
    assert {f.kind for f in draft.findings} == {"label"}


def test_draft_from_a_bare_label_has_no_situation_but_still_feelings():
    draft = draft_from_complaint("You're so selfish.")
    assert draft.situation == ""
    assert draft.feelings and draft.needs


def test_draft_of_empty_text():
    draft = draft_from_complaint("")
    assert draft.findings == [] and draft.situation == ""


# -- vocabularies ---------------------------------------------------------------------------


def test_feelings_are_grouped_by_family_with_intensity():
    families = {w.group for w in feeling_words()}
    assert {"sad", "scared", "angry", "hurt", "tired", "happy", "calm", "grateful"} <= families
    assert all(1 <= w.intensity <= 3 for w in feeling_words())
    assert intensity_name(3) == "strong"


def test_search_puts_words_starting_with_the_query_first_then_families():
    found = [w.word for w in search(feeling_words(), "lo")]
    assert found[0] == "lonely"
    assert "loved" in found
    sad = search(feeling_words(), "sad")
    assert sad[0].word == "sad" and {w.group for w in sad} == {"sad"}
    assert search(need_words(), "HEARD")[0].word == "to be heard"
    assert len(search(need_words(), "")) == len(need_words())


def test_a_broken_pattern_stops_loading_the_file_with_file_and_key():
    """Patterns are compiled when content/istatement.toml is loaded (at start-up), so a
    broken one is reported by file and key before anyone types."""
    from pathlib import Path

    from closeness_tui.content import ContentError, parse
    from closeness_tui.istatement_content import IStatementText

    good = (Path(__file__).parents[2] / "content" / "istatement.toml").read_text("utf-8")
    target = r"\byour\s+(?:own\s+)?fault\b"
    assert target in good
    bad = good.replace(target, r"\byour\s+(fault")
    with pytest.raises(ContentError, match=r"istatement.toml, key 'rules\[\d+\]\.pattern'"):
        parse("istatement.toml", bad, IStatementText)


def _istatement_toml() -> str:
    from pathlib import Path

    return (Path(__file__).parents[2] / "content" / "istatement.toml").read_text("utf-8")


def test_macros_may_use_macros_but_not_themselves():
    from closeness_tui.content import ContentError, parse
    from closeness_tui.istatement_content import IStatementText

    good = _istatement_toml()
    sarcasm_line = good.split("sarcasm = ", 1)[1].split("\n", 1)[0]
    assert "%you%" in sarcasm_line  # a macro using a macro, and it works:
    assert [f.kind for f in review("How nice of you to finally show up.")] == ["sarcasm"]
    target = r"\byour\s+(?:own\s+)?fault\b"
    assert target in good
    looping = good.replace("[macros]\n", "[macros]\nloop = '(?:a%loop%)'\n", 1)
    looping = looping.replace(target, "%loop%")
    with pytest.raises(ContentError, match=r"key 'rules\[\d+\]\.pattern'.*uses itself"):
        parse("istatement.toml", looping, IStatementText)


def test_a_broken_draft_rewrite_is_reported_at_load_with_file_and_key():
    from closeness_tui.content import ContentError, parse
    from closeness_tui.istatement_content import IStatementText

    good = _istatement_toml()
    target = r"\s*\bbecause\s+of\s+you\b"
    assert target in good.split("rewrites = [", 1)[1]
    head, tail = good.split("rewrites = [", 1)
    bad = head + "rewrites = [" + tail.replace(target, target + "(", 1)
    with pytest.raises(ContentError, match=r"istatement.toml, key 'draft\.rewrites\[\d+\]'"):
        parse("istatement.toml", bad, IStatementText)


def test_every_content_file_is_registered_and_valid():
    for name in ("istatement.toml", "feelings.toml", "needs.toml", "practice.toml"):
        assert name in content.REGISTRY
    content.validate_all()


# -- the library ----------------------------------------------------------------------------


def test_make_statement_and_edit_it():
    st = make_statement(
        1,
        Parts("lonely", "we ate apart", "closeness"),
        "short",
        NOW,
        complaint="You never eat with me",
    )
    assert st.author == 1 and st.text == "I feel lonely when we ate apart, and I need closeness."
    assert st.complaint == "You never eat with me" and st.updated_at is None
    later = datetime(2026, 11, 22, 9, 0)
    same = make_statement(1, Parts("sad", "we ate apart", "closeness"), "long", later, existing=st)
    assert same is st and st.id == same.id and st.updated_at == later
    assert st.text == "When we ate apart, I feel sad, because I need closeness."


def test_library_is_per_partner_newest_first():
    old = Statement(author=0, created_at=datetime(2026, 1, 1), text="old")
    new = Statement(author=0, created_at=datetime(2026, 2, 1), text="new")
    edited = Statement(
        author=0, created_at=datetime(2025, 1, 1), updated_at=datetime(2026, 3, 1), text="edited"
    )
    other = Statement(author=1, created_at=datetime(2026, 5, 1), text="theirs")
    assert [s.text for s in library([old, new, edited, other], 0)] == ["edited", "new", "old"]
    assert len(library([old, other])) == 2


# -- any text ---------------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

WORDY = st.text(
    alphabet=st.sampled_from(list("you never feel like I'm lazy [/] ’“” 🌙 ש\n.!?,İß")),
    max_size=200,
)


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.text(max_size=300), WORDY))
def test_review_never_fails_and_offsets_stay_inside_any_text(text):
    for f in review(text):
        assert 0 <= f.start < f.end <= len(text)
        assert f.message and f.suggestion


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80), st.text(max_size=80), st.text(max_size=80))
def test_compose_never_fails_and_spans_hold_the_tidied_parts(feeling, situation, need, request):
    for form in ("short", "long"):
        composed = compose(Parts(feeling, situation, need, request), form)
        for name, (start, end) in composed.spans.items():
            assert composed.text[start:end] == tidy(
                name, getattr(Parts(feeling, situation, need, request), name)
            )


# -- issue 16: titles, lists, drafts that read well -----------------------------------------


def test_sarcasm_is_titled_as_sarcasm_and_requests_as_requests():
    (f,) = review("Thanks a lot for nothing.")
    assert (f.kind, f.title) == ("sarcasm", "Sarcasm")
    assert "sarcasm" in KINDS
    (f,) = review("Would you be willing to stop yelling?")
    assert (f.kind, f.title) == ("demand", "A request that could be clearer")
    assert "what you don't want" in f.message
    (f,) = review("If you don't come, we're done.")
    assert f.title == "An ultimatum"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("I feel disrespected and manipulated.", ["I feel disrespected", "manipulated"]),
        ("I feel ignored, used and betrayed.", ["I feel ignored", "used", "betrayed"]),
        ("I feel hurt, used and betrayed.", ["I feel hurt, used", "betrayed"]),
        ("It makes me feel dismissed and unimportant.", ["makes me feel dismissed", "unimportant"]),
        ("I feel sad and lonely.", []),
        ("I feel ignored and sad.", ["I feel ignored"]),
    ],
)
def test_every_judgement_word_in_a_list_is_found(text, words):
    found = [text[f.start : f.end] for f in review(text) if f.kind == "faux_feeling"]
    assert found == words


def test_each_word_of_a_list_names_its_own_feelings_underneath():
    text = "I feel betrayed and smothered."
    second = [f for f in review(text) if f.kind == "faux_feeling"][1]
    assert '"smothered"' in second.message and "independence" in second.suggestion


@pytest.mark.parametrize(
    "text",
    [
        "I feel abused.",
        "I was abused and I feel scared.",
        "I felt abused by him for years.",
        "You abused me.",
        "You're hurting me.",
        "You're scaring me.",
        "You hurt me last night and I'm frightened.",
        "You threatened me.",
        "You bullied me into signing it.",
    ],
)
def test_words_that_may_tell_of_abuse_or_danger_are_never_coached(text):
    # Someone may be telling of real abuse or danger: these are never called judgements,
    # blame or anything else to rephrase.
    assert review(text) == []


@pytest.mark.parametrize(
    ("complaint", "situation"),
    [
        ("I feel upset when you don't help with the dishes.", "you don't help with the dishes"),
        ("You're so lazy; you never clean up.", "you don't clean up"),
        ("When you came home late, I felt scared.", "you came home late"),
        ("You make me feel small when you joke about my job.", "you joke about my job"),
        ("As usual, you forgot to take the trash out.", "you forgot to take the trash out"),
        ("I'm angry because you lied to me.", "you lied to me"),
        ("I feel disrespected and manipulated when you decide.", "you decide"),
        ("Why can't you ever put the lid back on?", ""),
        ("You're a lousy parent.", ""),
    ],
)
def test_a_draft_situation_is_the_moment_without_feelings_labels_or_absolutes(complaint, situation):
    draft = draft_from_complaint(complaint)
    assert draft.situation == situation
    for form in ("short", "long"):
        text = compose(Parts("hurt", draft.situation, "respect"), form).text
        assert text.lower().count("when") <= 1, text
        assert not [f for f in review(text) if f.kind == "label"], text


def test_the_long_form_links_a_thing_with_when_i_think_about():
    assert compose_long("sad", "the joke at the party", "respect") == (
        "When I think about the joke at the party, I feel sad, because I need respect."
    )
    assert compose_long("sad", "we ate apart", "") == "When we ate apart, I feel sad."


@pytest.mark.parametrize(
    ("text", "warm"),
    [
        ("You always make the best coffee.", True),
        ("Thank you for helping with the dishes.", True),
        ("I love our walks.", True),
        ("You never listen to me.", False),
        ("I was late for work.", False),
        ("", False),
    ],
)
def test_warm_sentences_are_told_apart(text, warm):
    assert is_warm(text) is warm


def test_the_feelings_suggested_for_a_warm_sentence_are_warm():
    draft = draft_from_complaint("Thank you for helping with the dishes, you always do.")
    pleasant = {w.word for w in feeling_words() if w.tone == "pleasant"}
    assert draft.feelings and set(draft.feelings) <= pleasant
    assert draft.situation == "your helping with the dishes"


@pytest.mark.parametrize(
    ("typed", "underneath"),
    [
        ("ignored", ("ignored", ["lonely", "hurt", "sad"])),
        ("I feel so used", ("used", ["angry", "hurt", "tired"])),
        ("Taken for granted", ("taken for granted", ["hurt", "sad", "lonely"])),
        ("sad", None),
        ("", None),
        ("abused", None),
    ],
)
def test_a_judgement_typed_as_a_feeling_has_feelings_underneath(typed, underneath):
    assert feelings_underneath(typed) == underneath
