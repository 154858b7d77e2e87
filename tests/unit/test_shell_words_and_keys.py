"""The shell's words and keys, checked without running the app: Home entries fit their
layout, keys do not clash, every Binding explains itself, the README screenshot is current."""

from __future__ import annotations

import inspect
from pathlib import Path

from textual.binding import Binding

import closeness_tui.screens.dialogs as dialogs
from closeness_tui.app import ClosenessApp
from closeness_tui.apptext import app_text
from closeness_tui.registry import SCREENS, screen_class
from closeness_tui.screens.base import ClosenessScreen
from closeness_tui.screens.home import BLURB_MAX, HomeScreen

REPO = Path(__file__).resolve().parents[2]
APP_KEYS = {"f1", "question_mark", "ctrl+q", "ctrl+p", "ctrl+c", "escape"}


def test_home_entries_fit_one_line_each_and_have_unique_single_keys():
    entries = app_text().home.entries
    assert [e.screen for e in entries][-1] == "settings"
    keys = [e.key for e in entries]
    assert len(set(keys)) == len(keys)
    for entry in entries:
        assert len(entry.key) == 1 and entry.key.islower(), entry
        assert entry.key not in {"q"} | APP_KEYS  # q quits from Home
        assert len(entry.blurb) <= BLURB_MAX, (entry.screen, len(entry.blurb))
        assert len(entry.title) <= 30, entry.title


def test_every_registered_screen_has_a_help_section():
    topics = {s.screen for s in app_text().help.sections}
    for name in SCREENS:
        cls = screen_class(name)
        assert getattr(cls, "HELP_TOPIC", None) in topics, name


def _our_bindings():
    classes = [ClosenessApp, *[screen_class(n) for n in SCREENS]]
    classes += [c for _, c in inspect.getmembers(dialogs, inspect.isclass)]
    for cls in classes:
        for klass in cls.__mro__:
            if klass.__module__.startswith("closeness_tui"):
                for binding in klass.__dict__.get("BINDINGS", []):
                    yield klass.__name__, binding


def test_every_binding_has_an_id_and_a_tooltip():
    seen = list(_our_bindings())
    assert len(seen) >= 8
    for owner, binding in seen:
        assert isinstance(binding, Binding), (owner, binding)
        assert binding.id, (owner, binding.key)
        assert binding.tooltip and not binding.tooltip[0].islower(), (owner, binding.key)
        assert binding.description, (owner, binding.key)


def test_home_entry_keys_have_ids_and_tooltips():
    for binding in HomeScreen.help_bindings():
        assert binding.id and binding.tooltip and binding.description


def test_help_explains_back_once_not_per_screen():
    (shared_back,) = ClosenessScreen.BINDINGS
    for name in SCREENS:
        cls = screen_class(name)
        if issubclass(cls, ClosenessScreen):
            assert shared_back not in cls.help_bindings(), name
    global_keys = [k for k, _ in app_text().help.global_keys]
    assert "esc" in global_keys and any("F1" in k for k in global_keys)


def test_readme_screenshot_is_the_home_snapshot():
    shot = REPO / "docs" / "screenshot-home.svg"
    snapshot = REPO / "tests/snapshots/__snapshots__/test_shell_screens/test_home.svg"
    assert shot.read_bytes() == snapshot.read_bytes()
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "docs/screenshot-home.svg" in readme
