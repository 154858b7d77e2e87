"""The schema of content/app.toml: the words of the app shell (welcome, set-up, home, help)."""

from typing import Annotated

import msgspec


class Welcome(msgspec.Struct, forbid_unknown_fields=True):
    title: str
    lines: list[str]
    begin: str


class Setup(msgspec.Struct, forbid_unknown_fields=True):
    title: str
    intro: str
    first_label: str
    second_label: str
    placeholder: str
    continue_label: str
    empty: str
    too_long: str
    same: str


class HomeEntry(msgspec.Struct, forbid_unknown_fields=True):
    key: str
    screen: str
    title: str
    blurb: str


class Home(msgspec.Struct, forbid_unknown_fields=True):
    greeting: str
    subtitle: str
    entries: list[HomeEntry]
    therapist_note: str


class HelpSection(msgspec.Struct, forbid_unknown_fields=True):
    screen: str
    title: str
    about: str


class Help(msgspec.Struct, forbid_unknown_fields=True):
    title: str
    intro: str
    typing_note: str
    here: str
    everywhere: str
    global_keys: list[list[str]]
    sections: list[HelpSection]


class Damaged(msgspec.Struct, forbid_unknown_fields=True):
    title: str
    reassure: str
    reassure_no_file: str  # when there is no data file yet (a first start that could not write)
    reassure_lost: str  # no data file, but a backup
    set_aside: str
    set_aside_means: str  # $data, $backup: the file names each would be kept under
    set_aside_means_no_backup: str  # $data
    set_aside_means_lost: str  # $backup
    restore: str
    restore_means: str  # $data
    quit: str
    kept: str  # after "keep it aside": $data, $backup
    kept_no_backup: str  # $data
    kept_lost: str  # $backup
    restored: str  # $data
    restored_lost: str


class Opening(msgspec.Struct, forbid_unknown_fields=True):
    """What the couple is told once the data is open, when something needed saying."""

    repaired: str  # $what: the folder and files that were open to others
    backup_failed: str  # $reason


class Locked(msgspec.Struct, forbid_unknown_fields=True):
    title: str
    body: str


class Settings(msgspec.Struct, forbid_unknown_fields=True):
    title: str
    names_intro: str
    light_theme: str
    bell: str
    week_starts_on: str
    question_of_the_day: str
    weekdays: Annotated[list[str], msgspec.Meta(min_length=7, max_length=7)]  # Monday first
    save: str
    saved: str
    unsaved: str
    nothing_to_save: str


class Leaving(msgspec.Struct, forbid_unknown_fields=True):
    """Questions asked before typed words would be lost."""

    screen: str
    quit: str
    leave_yes: str
    quit_yes: str
    stay: str


class Palette(msgspec.Struct, forbid_unknown_fields=True):
    """Command palette entries: [title, help] each."""

    home: tuple[str, str]
    help: tuple[str, str]
    theme: tuple[str, str]
    quit: tuple[str, str]
    on_screen: str  # an action of another screen: "$screen: $action"


class AppText(msgspec.Struct, forbid_unknown_fields=True):
    welcome: Welcome
    setup: Setup
    home: Home
    help: Help
    damaged: Damaged
    locked: Locked
    opening: Opening
    settings: Settings
    leaving: Leaving
    palette: Palette


def app_text() -> AppText:
    from closeness_tui.content import load

    return load("app.toml", AppText)
