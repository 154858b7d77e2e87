"""The schema of content/app.toml: the words of the app shell (welcome, set-up, home, help)."""

from __future__ import annotations

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
    global_keys: list[list[str]]
    sections: list[HelpSection]


class Damaged(msgspec.Struct, forbid_unknown_fields=True):
    title: str
    reassure: str
    set_aside: str
    restore: str
    quit: str


class Locked(msgspec.Struct, forbid_unknown_fields=True):
    title: str
    body: str


class Settings(msgspec.Struct, forbid_unknown_fields=True):
    title: str
    names_intro: str
    saved: str
    unsaved: str


class AppText(msgspec.Struct, forbid_unknown_fields=True):
    welcome: Welcome
    setup: Setup
    home: Home
    help: Help
    damaged: Damaged
    locked: Locked
    settings: Settings


def app_text() -> AppText:
    from closeness_tui.content import load

    return load("app.toml", AppText)
