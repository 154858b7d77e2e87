"""Command line: `closeness` opens the app; `closeness export --json FILE` writes a backup;
`closeness export --ics FILE` writes the rituals as a calendar file."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from closeness_tui import __version__

if TYPE_CHECKING:
    from closeness_tui.store import Store

ENV_DATA_DIR = "CLOSENESS_DATA_DIR"


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("closeness", appauthor=False))


def resolve_data_dir(option: str | None) -> Path:
    if option:
        return Path(option).expanduser()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    return default_data_dir()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="closeness",
        description=(
            "A quiet place for two partners at one laptop: take turns to speak and listen, "
            "find words your partner can hear, keep small rituals. Everything stays on this "
            "computer."
        ),
    )
    parser.add_argument("--version", action="version", version=f"closeness {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"where your data lives (default: ${ENV_DATA_DIR}, else {default_data_dir()})",
    )
    sub = parser.add_subparsers(dest="command")
    export = sub.add_parser("export", help="write your data to a file (a full, readable backup)")
    export.add_argument("--json", metavar="FILE", help="everything, as readable JSON")
    export.add_argument(
        "--ics",
        metavar="FILE",
        help="your active rituals as a calendar file (.ics) for any calendar app",
    )
    return parser


def run_export(args: argparse.Namespace, data_dir: Path) -> int:
    from closeness_tui.clock import SystemClock
    from closeness_tui.store import Store, StoreDamaged, write_export

    targets = {k: getattr(args, k, None) for k in ("json", "ics")}
    if not any(targets.values()):
        print(
            "closeness export: say what to write, for example --json backup.json "
            "or --ics rituals.ics",
            file=sys.stderr,
        )
        return 2
    try:
        store = Store.open(data_dir, read_only=True)
    except StoreDamaged as exc:
        print(f"closeness export: {exc.path}: {exc.detail}", file=sys.stderr)
        return 1
    now = SystemClock().now()
    try:
        if targets["json"]:
            out = Path(targets["json"]).expanduser()
            write_export(out, store.export(now))
            print(f"Wrote everything to {out} (readable JSON, private to you).")
        if targets["ics"]:
            out = write_rituals_ics(store, Path(targets["ics"]), now)
            print(f"Wrote your rituals to {out} (a calendar file, private to you).")
    except OSError as exc:
        print(f"closeness export: could not write the file: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    return 0


def write_rituals_ics(store: Store, path: Path, now: datetime) -> Path:
    """Active rituals as an .ics file (0600), read from an open (read-only) store."""
    from closeness_tui.models import Ritual
    from closeness_tui.rituals_ics import to_ics, write_ics
    from closeness_tui.ritualtext import ritual_text

    data = to_ics(store.all(Ritual), ritual_text(), store.settings().names, now)
    return write_ics(path, data)


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    data_dir = resolve_data_dir(args.data_dir)
    if args.command == "export":
        sys.exit(run_export(args, data_dir))

    from closeness_tui.content import ContentError, validate_all

    try:
        validate_all()
    except ContentError as exc:
        print(f"closeness could not start: {exc}", file=sys.stderr)
        sys.exit(2)

    from closeness_tui.app import make_app

    app = make_app(data_dir)
    app.run()
    sys.exit(app.return_code or 0)
