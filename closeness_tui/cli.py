"""Command line: `closeness` opens the app; `closeness export --json FILE` writes a backup;
`closeness export --markdown FILE [--from DATE --to DATE]` writes the journal to read;
`closeness export --ics FILE` writes the active rituals as a calendar file;
`closeness web [--port N] [--no-browser]` opens it in a browser tab on this computer."""

from __future__ import annotations

import argparse
import gc
import io
import os
import sys
import traceback
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from closeness_tui import __version__
from closeness_tui.store import CRASH_FILE

if TYPE_CHECKING:
    from closeness_tui.exports import ExportRefused
    from closeness_tui.store import Store

ENV_DATA_DIR = "CLOSENESS_DATA_DIR"
# Said on a crash. Here, not in content/: it must work when the content could not be read.
CRASH_MESSAGE = (
    "closeness stopped because of a fault in closeness itself, not anything you did.\n"
    "Everything you confirmed is saved in {data_dir}.\n"
    "Start closeness again to go on. {more}"
)
CRASH_MORE_ASK = (
    "(To help fix it, start it with --crash-report: the details are then kept in a private "
    "file there.)"
)
CRASH_MORE_KEPT = "The details are in {path} (private to you; it may quote your words)."


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
    parser.add_argument(
        "--crash-report",
        action="store_true",
        help=f"if closeness ever stops with a fault, keep the details in {CRASH_FILE} in the "
        "data folder (private to you; it may quote your words) for a bug report",
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
    export.add_argument(
        "--force",
        action="store_true",
        help="replace a file that already exists (without it, an existing file is kept)",
    )
    web = sub.add_parser(
        "web",
        help="open closeness in a browser tab on this computer (needs closeness[web])",
        description="Serve closeness to a browser on this computer only (127.0.0.1), at an "
        "address with a new secret part each time; opens your default browser.",
    )
    web.add_argument("--port", type=int, default=0, help="the port to use (default: any free one)")
    web.add_argument(
        "--no-browser", action="store_true", help="print the address without opening a browser"
    )
    web.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,  # (so that `closeness --data-dir DIR web` keeps DIR)
        help="where your data lives, as for closeness itself",
    )
    return parser


def run_web(args: argparse.Namespace, data_dir: Path) -> int:
    try:
        from closeness_tui.web import serve
    except ImportError:
        print(
            "closeness web needs the browser extra: pip install 'closeness[web]'",
            file=sys.stderr,
        )
        return 2
    return serve(data_dir, port=args.port, browser=not args.no_browser)


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date; please write it as YYYY-MM-DD, for example 2026-11-21"
        ) from None


def everything(store: Store, now: datetime) -> dict[str, object]:
    """Every record, one list per kind, with the app, data version and time of export."""
    import msgspec

    from closeness_tui.models import TABLES
    from closeness_tui.store import APP_NAME, SCHEMA_VERSION

    out: dict[str, object] = {
        "app": APP_NAME,
        "schema": SCHEMA_VERSION,
        "exported_at": now.isoformat(timespec="seconds"),
    }
    for name, record_type in TABLES.items():
        out[name] = msgspec.to_builtins(store.all(record_type))
    return out


def json_document(payload: dict[str, object]) -> bytes:
    """Everything, indented so a person can read it (the `closeness export --json` file)."""
    import msgspec

    return msgspec.json.format(msgspec.json.encode(payload), indent=2)


def markdown_document(
    store: object, now: datetime, start: date | None, end: date | None
) -> tuple[bytes, int]:
    """The journal (or a date range) as Markdown, and how many entries it holds."""
    from closeness_tui.journal import markdown_export

    document, count = markdown_export(store, now, start, end)
    return document.encode("utf-8"), count


def rituals_ics(store: Store, now: datetime) -> bytes | None:
    """Active rituals as an .ics calendar, or None when there are none to put in it."""
    from closeness_tui.models import Ritual
    from closeness_tui.rituals_ics import exportable, to_ics
    from closeness_tui.ritualtext import ritual_text

    rituals = store.all(Ritual)
    if not exportable(rituals):
        return None
    return to_ics(rituals, ritual_text(), store.settings().names, now)


def _say(message: str) -> None:
    print(f"closeness export: {message}", file=sys.stderr)


def run_export(args: argparse.Namespace, data_dir: Path) -> int:
    """Write what was asked to files. Exit 0 when everything asked was written; 1 when
    something was not (the data cannot be read, a file exists and --force was not given:
    then nothing at all is written, a file cannot be written, or there is nothing of that
    kind to export); 2 when the
    command is incomplete or names the data folder's own files. Reads without the lock, so
    it works while the app is open; it never changes the data folder."""
    from closeness_tui.clock import SystemClock
    from closeness_tui.exports import ExportRefused, check_target, write_file
    from closeness_tui.store import Store, StoreDamaged

    targets = {k: getattr(args, k, None) for k in ("json", "markdown", "ics")}
    if not any(targets.values()):
        _say(
            "say what to write, for example --json backup.json "
            "or --markdown journal.md or --ics rituals.ics"
        )
        return 2
    shown = {k: v for k, v in targets.items() if v}
    force = bool(getattr(args, "force", False))
    start, end = getattr(args, "start", None), getattr(args, "end", None)
    if (start or end) and "markdown" not in shown:
        _say("--from and --to go with --markdown")
        return 2
    if start and end and start > end:
        _say("--from is after --to; please swap them")
        return 2
    refused: list[tuple[ExportRefused, str]] = []
    for given in shown.values():
        try:
            check_target(Path(given), data_dir, shown=given, force=force)
        except ExportRefused as exc:
            if exc.kind == "ours":
                _say(exc.message)
                return 2
            refused.append((exc, given))
    if refused:  # nothing is written: one command, one outcome
        for refusal, given in refused:
            _say(_refusal(refusal, given))
        return 1
    try:
        store = Store.open(data_dir, read_only=True)
    except StoreDamaged as exc:
        if exc.problem == "missing":
            _say(f"there is no closeness data in {data_dir} yet.")
        else:
            _say(
                f"the data file needs attention, so nothing was written.\n"
                f"  {exc.detail}\n  The file: {exc.path}\n"
                "  Start closeness to keep it aside or restore the last good backup."
            )
        return 1
    now = SystemClock().now()
    written = 0
    try:
        for kind, given in shown.items():
            data, said = _document(kind, given, store, now, start, end)
            if data is None:
                _say(said)
                continue
            try:
                write_file(Path(given), data, shown=given, force=force)
            except ExportRefused as exc:
                _say(_refusal(exc, given))
                continue
            written += 1
            print(said)
    finally:
        store.close()
    return 0 if written == len(shown) else 1


def _refusal(exc: ExportRefused, given: str) -> str:
    if exc.kind == "failed":
        return f"could not write the file {given}: {exc.message}"
    return exc.message + (" Add --force to replace it." if exc.kind == "exists" else "")


def _document(
    kind: str, given: str, store: Store, now: datetime, start: date | None, end: date | None
) -> tuple[bytes | None, str]:
    """What to write for `kind`, and what to say once it is written (or why it is not)."""
    if kind == "json":
        done = f"Wrote everything to {given} (readable JSON, private to you)."
        return json_document(everything(store, now)), done
    if kind == "markdown":
        data, count = markdown_document(store, now, start, end)
        if not count:
            when = " in those dates" if start or end else " yet"
            return None, f"the journal has no entries{when}, so {given} was not written."
        return data, f"Wrote your journal ({count} entries) to {given} (Markdown, private to you)."
    ics = rituals_ics(store, now)
    if ics is None:
        return None, f"there are no active rituals to export yet, so {given} was not written."
    return ics, f"Wrote your rituals to {given} (a calendar file, private to you)."


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    data_dir = resolve_data_dir(args.data_dir)
    if args.command == "export":
        sys.exit(run_export(args, data_dir))
    if args.command == "web":
        sys.exit(run_web(args, data_dir))
    try:
        code = run_app(data_dir, args.crash_report)
    except Exception:  # a fault outside the app's own loop (its own faults come back as text)
        code = crashed(data_dir, args.crash_report, traceback.format_exc())
    sys.exit(code)


def run_app(data_dir: Path, crash_report: bool) -> int:
    # Start-up allocates a great deal and frees little, so cyclic GC passes are wasted time
    # there; the app turns GC back on once its first frame is drawn.
    gc.disable()
    from closeness_tui.content import FIRST_SCREEN_FILES, ContentError, validate_all

    try:
        validate_all(only=FIRST_SCREEN_FILES)  # the rest once the first screen is drawn
    except ContentError as exc:
        print(f"closeness could not start: {exc}", file=sys.stderr)
        return 2

    from rich.console import Console

    from closeness_tui.app import make_app

    app = make_app(data_dir)
    app.resume_gc_after_first_frame = True
    # Textual prints a crash's traceback with its local variables (a partner's words) to
    # `error_console` when the app ends: it goes here instead, and a kind message is printed.
    faults = io.StringIO()
    app.error_console = Console(file=faults, width=100, color_system=None)
    app.run()
    if faults.getvalue():
        return crashed(data_dir, crash_report, faults.getvalue())
    return app.return_code or 0


def crashed(data_dir: Path, crash_report: bool, details: str) -> int:
    """Say kindly that closeness stopped (the folder's path, no words of theirs); keep the
    details only if asked, in a private file in the data folder. Returns the exit code."""
    more = CRASH_MORE_ASK
    if crash_report:
        from closeness_tui.store import atomic_write

        path = data_dir / CRASH_FILE
        try:
            atomic_write(path, details.encode("utf-8", "replace"))
            more = CRASH_MORE_KEPT.format(path=path)
        except OSError:
            more = ""
    print(CRASH_MESSAGE.format(data_dir=data_dir, more=more).rstrip(), file=sys.stderr)
    return 1
