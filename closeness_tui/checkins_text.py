"""The schema of content/checkins.toml: the words of the check-ins, journal and insights."""

import msgspec


class _T(msgspec.Struct, forbid_unknown_fields=True):
    pass


class Activity(_T):
    key: str
    id: str
    title: str
    short: str
    blurb: str


class Hub(_T):
    title: str
    intro: str
    last_time: str
    never: str
    activities: list[Activity]


class Nightly(_T):
    title: str
    intro: str
    timer_minutes: int
    timer_label: str
    timer_running: str
    timer_paused: str
    timer_off: str
    timer_done: str
    questions: list[str]
    placeholder: str
    read_title: str
    reply_label: str
    reply_placeholder: str
    reply_prompt: str
    nothing_written: str
    nothing_at_all: str
    saved: str
    continue_label: str


class Gratitude(_T):
    title: str
    prompt: str
    look_away: str
    placeholder: str
    nudge: str
    vague_words: list[str]
    min_words: int
    hidden: str
    reveal_title: str
    reveal_intro: str
    from_label: str
    empty: str
    saved: str
    continue_label: str
    close_label: str


class Lookback(_T):
    heading: str
    intro: str
    keys: str
    none: str
    kept: str
    partly: str
    not_yet: str
    unmarked: str
    line: str
    fight_line: str


class Part(_T):
    heading: str
    intro: str
    placeholder: str
    label: str


class Issue(_T):
    heading: str
    intro: str
    topic_label: str
    topic_placeholder: str
    talk_label: str
    skip_label: str
    no_topic: str
    linked: str
    not_finished: str
    waiting: str


class Loved(_T):
    heading: str
    question: str
    intro: str
    label: str
    placeholder: str
    carried: str


class Goals(_T):
    heading: str
    intro: str
    from_last_week: str
    shared_label: str
    personal_label: str
    placeholder: str
    support_label: str


class WeeklyDone(_T):
    heading: str
    intro: str
    none: str
    line: str


class Weekly(_T):
    title: str
    step_title: str
    intro: str
    saved: str
    resumed: str
    continue_label: str
    back_hint: str
    finish_label: str
    lookback: Lookback
    appreciations: Part
    went_well: Part
    issue: Issue
    loved: Loved
    goals: Goals
    done: WeeklyDone


class Kinds(_T):
    listening: str
    statement: str
    nightly: str
    gratitude: str
    weekly: str
    ritual: str


class Labels(_T):
    both: str
    summary: str
    rated: str
    got_it: str
    partly: str
    not_quite: str
    more: str
    validation: str
    empathy: str
    closing: str
    statement: str
    feeling: str
    situation: str
    need: str
    request: str
    reply: str
    appreciation: str
    went_well: str
    goal_shared: str
    goal_personal: str
    gratitude: str
    lookback: str
    fight_lookback: str
    kept: str
    not_yet: str
    issue: str
    promise: str
    note: str


class Journal(_T):
    title: str
    empty: str
    no_match: str
    search_placeholder: str
    filter_line: str
    all_kinds: str
    both: str
    unfinished: str
    detail_title: str
    linked_session: str
    loading: str
    searching: str
    kinds: Kinds
    labels: Labels


class Units(_T):
    week: str
    month: str
    quarter: str
    year: str


class Insights(_T):
    title: str
    intro: str
    loading: str
    activity: str
    activity_total: str
    this_week: str
    history: str
    history_total: str
    accuracy: str
    accuracy_value: str
    accuracy_trend: str
    accuracy_none: str
    rituals: str
    rituals_value: str
    rituals_none: str
    promises: str
    promises_value: str
    promises_none: str
    talks: str
    talks_value: str
    talks_tries: str
    talks_none: str
    note: str
    units: Units


class Export(_T):
    title: str
    range: str
    all: str
    exported: str
    empty: str


class CheckinsText(_T):
    hub: Hub
    nightly: Nightly
    gratitude: Gratitude
    weekly: Weekly
    journal: Journal
    insights: Insights
    export: Export


def checkins_text() -> CheckinsText:
    from closeness_tui.content import load

    return load("checkins.toml", CheckinsText)
