"""The shape of the code, checked on every import statement (module level or inside a
function), read from the source with ast:

- the core (closeness_tui/*.py but the shell modules below) never imports Textual or the
  screens: every rule can be tested, and used, without a terminal;
- screens never import TinyDB, nor the store's internals (its lock, its file writing, or a
  private name of closeness_tui.store): they read and save through the app and typed records;
- in the package, only the persistence modules know TinyDB.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORE_DIR = ROOT / "closeness_tui"
SCREENS_DIR = ROOT / "screens"

# The app shell: where Textual meets the core (kept as small as it can be).
SHELL = {
    "__init__",  # finds screens/ and content/ from a source checkout
    "__main__",
    "app",  # the App
    "cli",  # starts the App
    "commands",  # the command palette's Provider
    "registry",  # screen names -> Screen classes
    "terminal_driver",  # Textual's Linux driver, mended for invalid UTF-8 and pastes
    "text",  # safe(): user text -> textual Content, the one way it reaches a widget
}
# The only modules that know TinyDB.
PERSISTENCE = {"store"}
STORE_INTERNALS = ("closeness_tui.storage", "closeness_tui.prefetch", "closeness_tui.parse_cache")
STORE_DISK_NAMES = {"FolderLock", "atomic_write", "parse_document"}  # the store's own business


def imports(path: Path, package: str) -> list[tuple[str, list[str], int]]:
    """(module, imported names, line) for every import in the file, relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, [], node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, module] if module else base)
            found.append((module, [alias.name for alias in node.names], node.lineno))
    return found


def _within(module: str, top: str) -> bool:
    return module == top or module.startswith(top + ".")


def core_modules() -> list[Path]:
    return sorted(p for p in CORE_DIR.glob("*.py") if p.stem not in SHELL)


def screen_modules() -> list[Path]:
    return sorted(SCREENS_DIR.glob("*.py"))


def test_the_lists_name_real_modules() -> None:
    present = {p.stem for p in CORE_DIR.glob("*.py")}
    assert SHELL <= present
    assert "store" in present
    assert len(core_modules()) >= 10 and len(screen_modules()) >= 20


@pytest.mark.parametrize("path", core_modules(), ids=lambda p: p.name)
def test_the_core_never_imports_textual_or_screens(path: Path) -> None:
    bad = [
        (module, line)
        for module, _names, line in imports(path, "closeness_tui")
        if _within(module, "textual") or _within(module, "closeness_tui.screens")
    ]
    assert bad == []


@pytest.mark.parametrize("path", screen_modules(), ids=lambda p: p.name)
def test_screens_never_touch_tinydb_or_the_store_internals(path: Path) -> None:
    bad = []
    for module, names, line in imports(path, "closeness_tui.screens"):
        if _within(module, "tinydb") or any(_within(module, m) for m in STORE_INTERNALS):
            bad.append((module, line))
        elif module == "closeness_tui.store" and any(
            n.startswith("_") or n in STORE_DISK_NAMES for n in names
        ):
            bad.append((module, line))
        elif module == "closeness_tui" and {"storage", "prefetch", "parse_cache"} & set(names):
            bad.append((module, line))
    assert bad == []


@pytest.mark.parametrize(
    "path", sorted(p for p in CORE_DIR.glob("*.py") if p.stem not in PERSISTENCE), ids=str
)
def test_only_the_persistence_modules_know_tinydb(path: Path) -> None:
    assert [
        (module, line)
        for module, _names, line in imports(path, "closeness_tui")
        if _within(module, "tinydb")
    ] == []


@pytest.mark.parametrize(
    ("source", "package", "expected"),
    [
        ("import textual", "closeness_tui", ["textual"]),
        ("from textual.widgets import Static", "closeness_tui", ["textual.widgets"]),
        ("def f():\n    from textual import on\n", "closeness_tui", ["textual"]),
        ("from . import store", "closeness_tui", ["closeness_tui"]),
        ("from .base import X", "closeness_tui.screens", ["closeness_tui.screens.base"]),
        ("from ..store import Store", "closeness_tui.screens", ["closeness_tui.store"]),
    ],
)
def test_imports_are_all_found(tmp_path: Path, source: str, package: str, expected) -> None:
    path = tmp_path / "m.py"
    path.write_text(source, encoding="utf-8")
    assert [module for module, _names, _line in imports(path, package)] == expected
