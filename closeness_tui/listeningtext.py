"""The schema of content/listening.toml: every word of the listening session."""

import msgspec


class SetupText(msgspec.Struct, forbid_unknown_fields=True):
    title: str
    intro: str
    topic_label: str
    topic_placeholder: str
    first_label: str
    turn_label: str
    custom_label: str
    custom_placeholder: str
    rounds_label: str
    readiness_label: str
    mirroring_label: str
    note_label: str
    note_none: str
    begin: str
    bad_custom: str
    resume_question: str
    resume_yes: str
    resume_no: str
    next_hint: str
    home_waiting: str
    signal_label: str
    signal_placeholder: str


class ReadinessText(msgspec.Struct, forbid_unknown_fields=True):
    title: str
    intro: str
    good_time: str
    halt_intro: str
    hungry: str
    angry: str
    lonely: str
    tired: str
    halt_note: str
    begin: str
    not_now: str
    skip: str


class RolesText(msgspec.Struct, forbid_unknown_fields=True):
    speaker_title: str
    speaker: list[str]
    listener_title: str
    listener: list[str]


class TurnText(msgspec.Struct, forbid_unknown_fields=True):
    banner: str
    topic: str
    note_title: str
    main_title: str
    more_title: str
    clarify_title: str
    clarify_hint: str
    running: str
    paused: str
    warning: str
    time_up: str
    next_hint: str
    clarify_next: str
    warning_seconds: int
    early_question: str
    early_yes: str
    early_no: str
    not_quite_gentle: str
    moved_on_gentle: str


class SummaryText(msgspec.Struct, forbid_unknown_fields=True):
    title: str
    again_title: str
    more_title: str
    hint: str
    starters_title: str
    starters: list[str]
    empty: str
    submit: str


class RatingText(msgspec.Struct, forbid_unknown_fields=True):
    title: str
    heard: str
    got_it: str
    partly: str
    not_quite: str
    hint: str
    move_on: str
    moved_on_hint: str


class MoreText(msgspec.Struct, forbid_unknown_fields=True):
    title: str
    body: str
    yes: str
    no: str


class ValidationText(msgspec.Struct, forbid_unknown_fields=True):
    title: str
    hint: str
    starter: str


class EmpathyText(msgspec.Struct, forbid_unknown_fields=True):
    title: str
    hint: str
    starter: str


class SwapText(msgspec.Struct, forbid_unknown_fields=True):
    title: str
    body: str
    round_line: str
    next: str
    hint: str


class ClosingText(msgspec.Struct, forbid_unknown_fields=True):
    title: str
    intro: str
    line_label: str
    placeholder: str
    finish: str
    done: str
    early: str


class BreakText(msgspec.Struct, forbid_unknown_fields=True):
    title: str
    intro: str
    not_now_intro: str
    return_label: str
    return_at: str
    return_now: str
    bad_minutes: str
    short_note: str
    breathe_in: str
    breathe_out: str
    breathe_in_seconds: int
    breathe_out_seconds: int
    resume: str
    leave: str
    leave_note: str
    where: str
    signal: str


class StepsText(msgspec.Struct, forbid_unknown_fields=True):
    readiness: str
    speaking: str
    summary: str
    rating: str
    clarify: str
    more: str
    validation: str
    empathy: str
    swap: str
    closing: str
    break_: str = msgspec.field(name="break")
    done: str
    break_until: str


class LeaveText(msgspec.Struct, forbid_unknown_fields=True):
    question: str
    yes: str
    no: str
    finish_question: str
    finish_question_unsent: str
    unsent_kept: str
    finish_yes: str
    finish_no: str


class HistoryText(msgspec.Struct, forbid_unknown_fields=True):
    title: str
    intro: str
    empty: str
    untitled: str
    status_done: str
    status_on_break: str
    status_active: str
    status_stopped: str


class DetailText(msgspec.Struct, forbid_unknown_fields=True):
    title: str
    when: str
    topic: str
    readiness: str
    readiness_skipped: str
    turn_heading: str
    times: str
    summary_heading: str
    unsent: str
    summary_again_heading: str
    summary_more_heading: str
    rating: str
    clarified: str
    more_yes: str
    more_no: str
    good_time_yes: str
    good_time_no: str
    halt_none: str
    halt_some: str
    validation: str
    empathy: str
    closing: str
    breaks: str
    break_line: str
    break_ended: str
    finished_early: str
    note: str
    delete: str
    delete_question: str
    delete_yes: str
    delete_no: str
    deleted: str
    ratings: dict[str, str]


class ListeningText(msgspec.Struct, forbid_unknown_fields=True):
    setup: SetupText
    readiness: ReadinessText
    roles: RolesText
    turn: TurnText
    summary: SummaryText
    rating: RatingText
    more: MoreText
    validation: ValidationText
    empathy: EmpathyText
    swap: SwapText
    closing: ClosingText
    break_: BreakText = msgspec.field(name="break")
    steps: StepsText
    leave: LeaveText
    history: HistoryText
    detail: DetailText


def listening_text() -> ListeningText:
    from closeness_tui.content import load

    return load("listening.toml", ListeningText)
