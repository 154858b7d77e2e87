"""Which screens exist. Home lists an entry (from content/app.toml) only when its screen is
registered here, so Home never offers a placeholder. Feature work adds one line each.

Values are "module:Class" strings, imported when first opened (keeps start-up fast).
"""

from __future__ import annotations

import importlib

from textual.screen import Screen

SCREENS: dict[str, str] = {
    "home": "closeness_tui.screens.home:HomeScreen",
    "settings": "closeness_tui.screens.settings:SettingsScreen",
    "help": "closeness_tui.screens.help:HelpScreen",
    "welcome": "closeness_tui.screens.welcome:WelcomeScreen",
    "setup": "closeness_tui.screens.setup:SetupScreen",
    "checkins": "closeness_tui.screens.checkins:CheckinsScreen",
    "nightly": "closeness_tui.screens.nightly:NightlyScreen",
    "gratitude": "closeness_tui.screens.gratitude:GratitudeScreen",
    "weekly": "closeness_tui.screens.weekly:WeeklyScreen",
    "journal": "closeness_tui.screens.journal:JournalScreen",
    "journal_entry": "closeness_tui.screens.journal_entry:JournalEntryScreen",
    "insights": "closeness_tui.screens.insights:InsightsScreen",
}


def screen_class(name: str) -> type[Screen]:
    module, _, cls = SCREENS[name].partition(":")
    return getattr(importlib.import_module(module), cls)


def is_registered(name: str) -> bool:
    return name in SCREENS
