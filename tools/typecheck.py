"""Type-check closeness with mypy, as it is installed: `screens/` is the package
`closeness_tui.screens` (pyproject's package-dir), which mypy cannot map by itself.

So mypy runs on a throwaway tree of symlinks laid out as installed (closeness_tui/ with
screens/ inside it), with pyproject's [tool.mypy] settings, and its report names the files
as they are in the checkout. usage: python tools/typecheck.py [extra mypy arguments]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAPPING = {
    "closeness_tui": ROOT / "closeness_tui",
    "closeness_tui/screens": ROOT / "screens",
    "closeness_tui/_content": ROOT / "content",
}


def lay_out(tree: Path) -> None:
    """closeness_tui/* and screens/* linked into tree/closeness_tui and .../screens."""
    for target, source in MAPPING.items():
        folder = tree / target
        folder.mkdir(parents=True, exist_ok=True)
        for path in source.glob("*.py"):
            (folder / path.name).symlink_to(path)


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory(prefix="closeness-mypy-") as tmp:
        tree = Path(tmp)
        lay_out(tree)
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "mypy",
                "--config-file",
                str(ROOT / "pyproject.toml"),
                "--cache-dir",
                str(ROOT / ".mypy_cache"),
                "-p",
                "closeness_tui",
                *argv,
            ],
            cwd=tree,
            capture_output=True,
            text=True,
        )
    # Report paths as they are in the checkout.
    report = done.stdout.replace("closeness_tui/screens/", "screens/")
    sys.stdout.write(report)
    sys.stderr.write(done.stderr)
    return done.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
