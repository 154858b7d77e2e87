"""Every rule in a screen's .tcss is rooted in the screen type that loads it.

Textual loads a screen's CSS_PATH for the whole app, with no scope: `#setup { width: 64 }` in one
screen's file restyles every `#setup` from then on. So each top-level selector must start with the
type of a screen (or dialog) whose CSS_PATH names the file, a subclass of one, or a widget class
defined beside it. Styles shared by many screens belong in closeness_tui/app.tcss or a widget's
DEFAULT_CSS, never in a screen's file.
"""

from __future__ import annotations

import ast
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

SCREENS = Path(__file__).resolve().parents[2] / "screens"


@dataclass(frozen=True)
class ClassInfo:
    module: Path
    bases: tuple[str, ...]
    css_paths: tuple[str, ...]


def _base_name(node: ast.expr) -> str:
    if isinstance(node, ast.Subscript):
        node = node.value
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def _css_paths(node: ast.ClassDef) -> tuple[str, ...]:
    for statement in node.body:
        if isinstance(statement, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "CSS_PATH" for target in statement.targets
        ):
            value = ast.literal_eval(statement.value)
            return (value,) if isinstance(value, str) else tuple(value)
    return ()


@functools.cache
def screen_classes() -> dict[str, ClassInfo]:
    """Every class in screens/, read once per run (parsing every module for each of the
    stylesheets cost about a minute of CPU)."""
    found: dict[str, ClassInfo] = {}
    for module in sorted(SCREENS.glob("*.py")):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases = tuple(_base_name(base) for base in node.bases)
                found[node.name] = ClassInfo(module, bases, _css_paths(node))
    return found


def allowed_roots(tcss: str, classes: dict[str, ClassInfo]) -> set[str]:
    """The owners of a stylesheet (classes whose CSS_PATH names it), their subclasses and the
    classes defined in the owners' modules."""
    owners = {name for name, info in classes.items() if tcss in info.css_paths}
    allowed = set(owners)
    grew = True
    while grew:
        subclasses = {n for n, info in classes.items() if set(info.bases) & allowed}
        grew = not subclasses <= allowed
        allowed |= subclasses
    owner_modules = {classes[name].module for name in owners}
    allowed |= {name for name, info in classes.items() if info.module in owner_modules}
    return allowed


def top_level_selectors(css: str) -> list[str]:
    """Each comma-separated selector that opens a top-level rule."""
    text = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    selectors: list[str] = []
    depth, buffer = 0, ""
    for char in text:
        if char == "{":
            if depth == 0:
                selectors += [s.strip() for s in buffer.split(",") if s.strip()]
            depth += 1
            buffer = ""
        elif char == "}":
            depth -= 1
            buffer = ""
        elif depth == 0:
            buffer += char
    return selectors


def unscoped(css: str, allowed: set[str]) -> list[str]:
    bad = []
    for selector in top_level_selectors(css):
        first = re.match(r"[A-Za-z_][\w-]*", selector)
        if not (first and first.group(0) in allowed):
            bad.append(selector)
    return bad


STYLESHEETS = sorted(SCREENS.glob("*.tcss"))


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda p: p.name)
def test_every_rule_is_rooted_in_its_own_screen(path: Path) -> None:
    classes = screen_classes()
    allowed = allowed_roots(path.name, classes)
    assert allowed, f"{path.name}: no screen's CSS_PATH names this file"
    assert unscoped(path.read_text(encoding="utf-8"), allowed) == []


@pytest.mark.parametrize(
    ("css", "allowed", "expected"),
    [
        ("HomeScreen #note { height: auto; }", {"HomeScreen"}, []),
        ("#note { height: auto; }", {"HomeScreen"}, ["#note"]),
        (".role { width: 1fr; }", {"TurnScreen"}, [".role"]),
        ("HomeScreen #a, #b { }", {"HomeScreen"}, ["#b"]),
        ("TurnScreen.-paused #clock { }", {"TurnScreen"}, []),
        # Rooted in the project's base type: every screen would match, so it is not scoped.
        ("ClosenessScreen #note { }", {"HomeScreen"}, ["ClosenessScreen #note"]),
        ("Input { }", {"HomeScreen"}, ["Input"]),
        ("/* #note { } */ HomeScreen { &#x { } }", {"HomeScreen"}, []),
        ("HomeScreen {\n  #inner { }\n}\n#outer { }", {"HomeScreen"}, ["#outer"]),
    ],
)
def test_the_check_itself(css: str, allowed: set[str], expected: list[str]) -> None:
    assert unscoped(css, allowed) == expected


def test_allowed_roots_follow_subclasses() -> None:
    classes = screen_classes()
    allowed = allowed_roots("listening.tcss", classes)
    assert {"StepScreen", "TurnScreen", "ReflectScreen", "BreakScreen"} <= allowed
    assert "HomeScreen" not in allowed
    assert "ClosenessScreen" not in allowed
