"""The schema of content/rituals.toml (ritual templates and the ritual screens' words), and
how a ritual's cadence, length and lead are put into those words. No Textual here."""

from string import Template as _Template

import msgspec

from closeness_tui.models import Freq, Lead, MonthNth, Ritual


class RitualTemplate(msgspec.Struct, forbid_unknown_fields=True):
    id: str
    name: str
    why: str
    how: list[str]
    duration: int
    freq: Freq = "weekly"
    weekdays: list[int] = msgspec.field(default_factory=list)
    interval: int = 1
    month_day: int | None = None
    month_nth: MonthNth | None = None
    time: str = ""
    lead: Lead = "both"

    def __post_init__(self) -> None:
        if self.freq not in ("weekly", "monthly"):
            raise ValueError(f"freq must be weekly or monthly, not {self.freq!r}")
        if any(not 0 <= d <= 6 for d in self.weekdays):
            raise ValueError("weekdays are 0 (Monday) to 6 (Sunday)")
        if self.lead not in ("both", "either", "a", "b"):
            raise ValueError(f"lead must be both, either, a or b, not {self.lead!r}")
        if not 1 <= self.duration <= 600:
            raise ValueError("duration is in minutes, 1 to 600")


class Words(msgspec.Struct, forbid_unknown_fields=True):
    day_names: list[str]
    day_short: list[str]
    day_letters: list[str]
    nth: dict[str, str]
    and_: str = msgspec.field(name="and")
    every_day: str
    workdays: str
    weekends: str
    weekly: str
    every_n_weeks: str
    monthly_day: str
    monthly_day_last: str
    monthly_day_short: str
    every_n_months_day: str
    monthly_nth: str
    every_n_months_nth: str
    at_time: str
    any_time: str
    minutes: str
    hours: str
    hours_minutes: str
    lead_both: str
    lead_either: str
    lead_one: str


class Planner(msgspec.Struct, forbid_unknown_fields=True):
    title: str
    intro: str
    hint: str
    week_of: str
    this_week: str
    empty_week: str
    empty: str
    planned: str
    planned_other: str
    guide_reference: str
    guide_own: str
    kept: str
    kept_label: str
    not_yet: str
    streak: str
    streak_one: str
    streak_none: str
    trend: str
    marked_done: str
    marked_skipped: str
    undone: str
    nothing_to_undo: str
    no_occurrence: str
    future: str
    paused_row: str
    ended_row: str
    show_ended: str
    hide_ended: str
    undo_note_question: str
    undo_note_yes: str
    undo_note_no: str
    note_title: str
    note_placeholder: str
    note_save: str
    note_skip: str
    note_cancel: str
    add_button: str
    guide_title: str
    guide_intro: str
    guide_placeholder: str
    guide_bad: str
    guide_save: str
    guide_saved: str
    guide_button: str
    export: str
    export_title: str
    export_intro: str
    export_write: str
    export_done: str
    export_failed: str
    export_empty: str
    export_ours: str
    export_exists: str
    export_replace: str
    export_keep: str


class Editor(msgspec.Struct, forbid_unknown_fields=True):
    title_new: str
    title_edit: str
    name: str
    name_empty: str
    note: str
    note_placeholder: str
    cadence: str
    kind_weekly: str
    kind_month_day: str
    kind_month_nth: str
    days: str
    days_empty: str
    interval: str
    interval_months: str
    interval_bad: str
    month_day: str
    month_day_bad: str
    which: str
    weekday: str
    time: str
    time_bad: str
    duration: str
    duration_bad: str
    lead: str
    start: str
    start_bad: str
    active: str
    save: str
    pause: str
    resume: str
    delete: str
    saved: str
    paused: str
    resumed: str
    delete_question: str
    delete_keep: str
    delete_all: str
    delete_cancel: str
    delete_history_question: str
    removed: str
    unsaved: str


class Picker(msgspec.Struct, forbid_unknown_fields=True):
    title: str
    intro: str
    custom: str
    custom_blurb: str


class Detail(msgspec.Struct, forbid_unknown_fields=True):
    how: str
    cadence: str
    length: str
    lead: str
    since: str
    status_paused: str
    status_ended: str
    restored: str
    follow: str
    streak: str
    recent: str
    trend: str
    no_notes: str
    next: str
    none_next: str


class Today(msgspec.Struct, forbid_unknown_fields=True):
    title: str
    none: str
    hint: str


class RitualText(msgspec.Struct, forbid_unknown_fields=True):
    templates: list[RitualTemplate]
    words: Words
    planner: Planner
    editor: Editor
    picker: Picker
    detail: Detail
    today: Today

    def __post_init__(self) -> None:
        ids = [t.id for t in self.templates]
        if len(ids) != len(set(ids)):
            raise ValueError("template ids must be unique")

    def template(self, template_id: str) -> RitualTemplate | None:
        for t in self.templates:
            if t.id == template_id:
                return t
        return None


def ritual_text() -> RitualText:
    from closeness_tui.content import load

    return load("rituals.toml", RitualText)


def fill(template: str, **values: object) -> str:
    """App words with $placeholders filled (plain text; show it with safe())."""
    return _Template(template).safe_substitute({k: str(v) for k, v in values.items()})


# -- describing a ritual ---------------------------------------------------------------------


def _join(items: list[str], and_: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {and_} {items[-1]}"


def days_words(days: list[int], words: Words) -> str:
    return _join([words.day_names[d] for d in sorted(set(days))], words.and_)


def cadence_words(ritual: Ritual, words: Words) -> str:
    """'Every weekday (Monday to Friday)', 'Every 2 weeks on Saturday', 'The first Saturday
    of every month', ..."""
    n = max(1, ritual.interval or 1)
    if ritual.freq == "monthly":
        if ritual.month_nth:
            day = words.day_names[(ritual.weekdays or [5])[0]]
            nth = words.nth.get(str(ritual.month_nth), str(ritual.month_nth))
            text = words.monthly_nth if n == 1 else words.every_n_months_nth
            return fill(text, nth=nth, day=day, n=n)
        day_of_month = ritual.month_day or 1
        if n > 1:
            return fill(words.every_n_months_day, n=n, day=day_of_month)
        if day_of_month >= 31:
            return words.monthly_day_last
        if day_of_month >= 29:
            return fill(words.monthly_day_short, day=day_of_month)
        return fill(words.monthly_day, day=day_of_month)
    days = sorted(set(ritual.weekdays)) or [ritual.start.weekday()]
    if n > 1:
        return fill(words.every_n_weeks, n=n, days=days_words(days, words))
    if days == list(range(7)):
        return words.every_day
    if days == [0, 1, 2, 3, 4]:
        return words.workdays
    if days == [5, 6]:
        return words.weekends
    return fill(words.weekly, days=days_words(days, words))


def when_words(ritual: Ritual, words: Words) -> str:
    """Cadence and time: 'Every day, at 21:30'."""
    base = cadence_words(ritual, words)
    if ritual.time_of_day:
        return f"{base}, {fill(words.at_time, time=ritual.time_of_day)}"
    return f"{base}, {words.any_time}"


def minutes_words(minutes: int, words: Words) -> str:
    h, m = divmod(max(0, int(minutes)), 60)
    if h and m:
        return fill(words.hours_minutes, h=h, m=m)
    if h:
        return fill(words.hours, h=h)
    return fill(words.minutes, n=m)


def lead_words(lead: str, names: tuple[str, str], words: Words) -> str:
    """Who leads, in words; a partner by name (the name is user text: show with safe())."""
    if lead == "a":
        return fill(words.lead_one, name=names[0])
    if lead == "b":
        return fill(words.lead_one, name=names[1])
    if lead == "either":
        return words.lead_either
    return words.lead_both


def share_words(share: float | None, not_yet: str) -> str:
    return not_yet if share is None else f"{round(share * 100)}%"
