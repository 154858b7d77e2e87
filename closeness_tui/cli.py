"""Command line: `closeness` opens the app; `closeness export --json FILE` writes a backup."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

from closeness_tui import __version__

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
    return parser


def run_export(args: argparse.Namespace, data_dir: Path) -> int:
    from closeness_tui.clock import SystemClock
    from closeness_tui.store import Store, StoreDamaged, write_export

    targets = {k: getattr(args, k, None) for k in ("json",)}
    if not any(targets.values()):
        print(
            "closeness export: say what to write, for example --json backup.json", file=sys.stderr
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
    except OSError as exc:
        print(f"closeness export: could not write the file: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    return 0


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    data_dir = resolve_data_dir(args.data_dir)
    if args.command == "export":
        sys.exit(run_export(args, data_dir))

    # Start-up allocates a great deal and frees little, so cyclic GC passes are wasted time
    # there (~50 ms); the app turns GC back on once its first frame is drawn.
    gc.disable()
    from closeness_tui.content import ContentError, validate_all

    try:
        validate_all()
    except ContentError as exc:
        print(f"closeness could not start: {exc}", file=sys.stderr)
        sys.exit(2)

    from closeness_tui.app import make_app

    app = make_app(data_dir)
    app.resume_gc_after_first_frame = True
    app.run()
    sys.exit(app.return_code or 0)
