"""Schemas of the I-statement builder's content files (content/istatement.toml,
feelings.toml, needs.toml, practice.toml), and loaders for each. No Textual here."""

import msgspec

from closeness_tui.content import load


class Kind(msgspec.Struct, forbid_unknown_fields=True):
    title: str
    reason: str
    suggestion: str


class Rule(msgspec.Struct, forbid_unknown_fields=True):
    kind: str
    pattern: str
    unless_pleasant: str = ""  # "", "clause", "next", "word", "absolute", "warm"
    unless_negated: bool = False
    unless_preceded_by: list[str] = msgspec.field(default_factory=list)
    unless_followed_by: list[str] = msgspec.field(default_factory=list)
    at_sentence_start: bool = False
    suggestion: str = ""
    title: str = ""  # a more specific title than the kind's own ("A request that could be clearer")
    reason: str = ""  # a more specific reason than the kind's own
    only_with: str = ""  # a pattern that must be found in the same sentence too
    unless_with: str = ""  # skip when this pattern is found in the same sentence
    in_lists: bool = False  # also each further word in a list after the match ("X and Y")
    # A general rule for what the specific ones miss: its finding is kept only in a sentence
    # where no other rule found anything, and only the first such finding of a sentence.
    fallback: bool = False
    # Only when the match is all the text holds, besides spaces, quotes and the marks that end
    # a sentence: a reply that closes the talk ("I'm fine.", "K.") said on its own.
    whole_text: bool = False
    # Only when what comes before it in its sentence names one person: a name, "he", "they",
    # "my mother" (the `person_lead` macro), as in "Henry is aggressive."
    after_person: bool = False


class Faux(msgspec.Struct, forbid_unknown_fields=True):
    words: list[str]
    feelings: list[str]
    needs: list[str]


class Form(msgspec.Struct, forbid_unknown_fields=True):
    title: str
    template: str
    no_situation: str
    no_need: str
    feeling_only: str
    request: str
    clause_template: str = ""
    clause_no_need: str = ""


class SituationClause(msgspec.Struct, forbid_unknown_fields=True):
    subjects: list[str]
    verbs: list[str]
    phrase_starts: list[str]


class Strip(msgspec.Struct, forbid_unknown_fields=True):
    feeling: list[str]
    situation: list[str]
    need: list[str]
    request: list[str]


class Topic(msgspec.Struct, forbid_unknown_fields=True):
    keywords: list[str]
    feelings: list[str]
    needs: list[str]


class Draft(msgspec.Struct, forbid_unknown_fields=True):
    default_feelings: list[str]
    default_needs: list[str]
    warm_feelings: list[str]
    warm_needs: list[str]
    situation_note: str
    rewrites: list[tuple[str, str]]
    topics: list[Topic]


class Screens(msgspec.Struct, forbid_unknown_fields=True):
    hub_title: str
    hub_intro: str
    hub_build: str
    hub_build_blurb: str
    hub_complaint: str
    hub_complaint_blurb: str
    hub_library: str
    hub_library_blurb: str
    hub_practice: str
    hub_practice_blurb: str
    whose: str
    whose_first: str
    vocab_none: str
    feeling_label: str
    feeling_placeholder: str
    feeling_hint: str
    situation_label: str
    situation_placeholder: str
    situation_hint: str
    need_label: str
    need_placeholder: str
    need_hint: str
    request_label: str
    request_placeholder: str
    request_hint: str
    form_label: str
    preview_label: str
    preview_empty: str
    coaching_clean: str
    coaching_keep: str
    suggested_family: str
    save: str
    saved: str
    updated: str
    need_feeling: str
    complaint_title: str
    complaint_intro: str
    complaint_placeholder: str
    complaint_none: str
    complaint_draft: str
    complaint_feelings: str
    underneath_family: str
    complaint_needs: str
    complaint_empty: str
    library_title: str
    library_empty: str
    library_deleted: str
    library_copied: str
    library_confirm_delete: str
    library_keep: str
    library_delete: str
    practice_title: str
    practice_original: str
    practice_placeholder: str
    practice_idea: str
    practice_none_yet: str
    practice_clean: str


class Lists(msgspec.Struct, forbid_unknown_fields=True):
    labels: list[str]
    insults: list[str]
    negation_cues: list[str]
    pleasant_cues: list[str]
    unpleasant_cues: list[str]
    never_pleasant: list[str]
    appreciation_cues: list[str]
    # Warm talk a general rule must leave alone (praise, thanks, care, invitations, empathy
    # guesses): "you look lovely", "you okay?", "you should see the sunset".
    warm_cues: list[str] = msgspec.field(default_factory=list)
    # Phrases that make a sentence warm even beside a negation: "don't worry", "you don't
    # have to", "you never fail to ...".
    warm_phrases: list[str] = msgspec.field(default_factory=list)


class Lowercase(msgspec.Struct, forbid_unknown_fields=True):
    starters: list[str]


class IStatementText(msgspec.Struct, forbid_unknown_fields=True):
    macros: dict[str, str]
    kinds: dict[str, Kind]
    rules: list[Rule]
    lists: Lists
    faux: list[Faux]
    forms: dict[str, Form]
    situation_clause: SituationClause
    strip: Strip
    lowercase: Lowercase
    draft: Draft
    screens: Screens

    def __post_init__(self) -> None:
        # Compile every review pattern now, so a broken one stops the app at start-up with
        # the file and key named (ContentError), not at the first review.
        from closeness_tui import istatement

        istatement.checked_reviewer = (self, istatement.Reviewer(self, feelings()))


class FeelingWord(msgspec.Struct, forbid_unknown_fields=True):
    word: str
    intensity: int  # 1 mild, 2 medium, 3 strong


class FeelingFamily(msgspec.Struct, forbid_unknown_fields=True):
    name: str
    tone: str  # "pleasant" or "unpleasant"
    words: list[FeelingWord]


class Feelings(msgspec.Struct, forbid_unknown_fields=True):
    intensity_names: list[str]
    families: list[FeelingFamily]


class NeedGroup(msgspec.Struct, forbid_unknown_fields=True):
    name: str
    needs: list[str]


class Needs(msgspec.Struct, forbid_unknown_fields=True):
    groups: list[NeedGroup]


class PracticeSentence(msgspec.Struct, forbid_unknown_fields=True):
    text: str
    idea: str


class Practice(msgspec.Struct, forbid_unknown_fields=True):
    intro: str
    sentences: list[PracticeSentence]


def istatement_text() -> IStatementText:
    return load("istatement.toml", IStatementText)


def feelings() -> Feelings:
    return load("feelings.toml", Feelings)


def needs() -> Needs:
    return load("needs.toml", Needs)


def practice() -> Practice:
    return load("practice.toml", Practice)
