"""Command line: `closeness` opens the app; `closeness export --json FILE` writes a backup;
`closeness export --markdown FILE [--from DATE --to DATE]` writes the journal to read;
`closeness export --ics FILE` writes the active rituals as a calendar file."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from datetime import date, datetime
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
        "--markdown", metavar="FILE", help="your journal, as a readable Markdown document"
    )
    export.add_argument(
        "--ics",
        metavar="FILE",
        help="your active rituals as a calendar file (.ics) for any calendar app",
    )
    export.add_argument(
        "--from",
        dest="start",
        metavar="DATE",
        type=_day,
        help="with --markdown: start on this day (YYYY-MM-DD)",
    )
    export.add_argument(
        "--to",
        dest="end",
        metavar="DATE",
        type=_day,
        help="with --markdown: end on this day (YYYY-MM-DD)",
    )
    return parser


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date; please write it as YYYY-MM-DD, for example 2026-11-21"
        ) from None


def write_markdown(
    out: Path, store: object, now: datetime, start: date | None, end: date | None
) -> int:
    """Write the journal (or a date range) as Markdown, privately (0600). Returns entries."""
    from closeness_tui.journal import markdown_export
    from closeness_tui.storage import FILE_MODE, atomic_write

    document, count = markdown_export(store, now, start, end)
    out = Path(out).expanduser()
    atomic_write(out, document.encode("utf-8"))
    out.chmod(FILE_MODE)
    return count


def write_rituals_ics(store: Store, path: Path, now: datetime) -> Path:
    """Active rituals as an .ics file (0600), read from an open (read-only) store."""
    from closeness_tui.models import Ritual
    from closeness_tui.rituals_ics import to_ics, write_ics
    from closeness_tui.ritualtext import ritual_text

    data = to_ics(store.all(Ritual), ritual_text(), store.settings().names, now)
    return write_ics(path, data)


def run_export(args: argparse.Namespace, data_dir: Path) -> int:
    """Write everything to a file. Exit 0 when written, 1 when the data cannot be read or
    the file cannot be written, 2 when the command is incomplete. Reads without the lock,
    so it works while the app is open; it never changes the data folder."""
    from closeness_tui.clock import SystemClock
    from closeness_tui.store import BACKUP_FILE, DATA_FILE, Store, StoreDamaged, write_export

    targets = {k: getattr(args, k, None) for k in ("json", "markdown", "ics")}
    if not any(targets.values()):
        print(
            "closeness export: say what to write, for example --json backup.json "
            "or --markdown journal.md or --ics rituals.ics",
            file=sys.stderr,
        )
        return 2
    outputs = {k: Path(v).expanduser() for k, v in targets.items() if v}
    ours = {(data_dir / name).resolve() for name in (DATA_FILE, BACKUP_FILE)}
    for out in outputs.values():
        if out.resolve() in ours:
            print(
                f"closeness export: {out} is where closeness keeps your data; "
                "please choose another file name.",
                file=sys.stderr,
            )
            return 2
    start, end = getattr(args, "start", None), getattr(args, "end", None)
    if (start or end) and "markdown" not in outputs:
        print("closeness export: --from and --to go with --markdown", file=sys.stderr)
        return 2
    if start and end and start > end:
        print("closeness export: --from is after --to; please swap them", file=sys.stderr)
        return 2
    try:
        store = Store.open(data_dir, read_only=True)
    except StoreDamaged as exc:
        if exc.problem == "missing":
            print(
                f"closeness export: there is no closeness data in {data_dir} yet.", file=sys.stderr
            )
        else:
            print(
                f"closeness export: the data file needs attention, so nothing was written.\n"
                f"  {exc.detail}\n  The file: {exc.path}\n"
                "  Start closeness to keep it aside or restore the last good backup.",
                file=sys.stderr,
            )
        return 1
    now = SystemClock().now()
    try:
        if "json" in outputs:
            write_export(outputs["json"], store.export(now))
            print(f"Wrote everything to {outputs['json']} (readable JSON, private to you).")
        if "markdown" in outputs:
            count = write_markdown(outputs["markdown"], store, now, start, end)
            print(
                f"Wrote your journal ({count} entries) to {outputs['markdown']} "
                "(Markdown, private to you)."
            )
        if "ics" in outputs:
            out = write_rituals_ics(store, outputs["ics"], now)
            print(f"Wrote your rituals to {out} (a calendar file, private to you).")
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
    from closeness_tui.store import Store

    Store.prefetch(data_dir)  # read on another core while Textual loads
    from closeness_tui.content import FIRST_SCREEN_FILES, ContentError, validate_all

    try:
        validate_all(only=FIRST_SCREEN_FILES)  # the rest once the first screen is drawn
    except ContentError as exc:
        print(f"closeness could not start: {exc}", file=sys.stderr)
        sys.exit(2)

    from closeness_tui.app import make_app

    app = make_app(data_dir)
    app.resume_gc_after_first_frame = True
    app.run()
    sys.exit(app.return_code or 0)
