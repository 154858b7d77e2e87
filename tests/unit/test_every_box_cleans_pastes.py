"""Every box a partner types into is a LineBox or a TextBox (screens/text_boxes.py), so every
paste is cleaned and cut with a notice: no screen builds Textual's Input or TextArea itself,
or subclasses them directly."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SCREENS = Path(__file__).resolve().parents[2] / "screens"
STOCK = {"Input", "TextArea"}


def _stock_uses(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name in STOCK:
                found.append(f"{path.name}:{node.lineno} builds {name}")
        elif isinstance(node, ast.ClassDef):
            for base in node.bases:
                if isinstance(base, ast.Name) and base.id in STOCK:
                    found.append(f"{path.name}:{node.lineno} subclasses {base.id}")
    return found


@pytest.mark.parametrize(
    "path",
    sorted(p for p in SCREENS.glob("*.py") if p.name != "text_boxes.py"),
    ids=lambda p: p.name,
)
def test_screens_use_the_cleaning_boxes(path):
    assert _stock_uses(path) == []


def test_the_check_would_see_a_stock_box(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from textual.widgets import Input, TextArea\n"
        "class Mine(Input):\n    pass\n"
        "def compose():\n    yield TextArea(id='x')\n"
    )
    assert _stock_uses(sample) == ["sample.py:2 subclasses Input", "sample.py:5 builds TextArea"]
