"""`closeness web` on the command line, and the app process's watch on its server."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from closeness_tui.cli import build_parser, main


@pytest.mark.parametrize(
    ("argv", "data_dir", "port", "no_browser"),
    [
        (["web"], None, 0, False),
        (["web", "--port", "8123", "--no-browser"], None, 8123, True),
        (["web", "--data-dir", "B"], "B", 0, False),
        (["--data-dir", "A", "web"], "A", 0, False),
        (["--data-dir", "A", "web", "--data-dir", "B"], "B", 0, False),
    ],
)
def test_web_arguments(argv, data_dir, port, no_browser):
    args = build_parser().parse_args(argv)
    assert (args.command, args.data_dir, args.port, args.no_browser) == (
        "web",
        data_dir,
        port,
        no_browser,
    )


def test_no_option_to_listen_elsewhere():
    with pytest.raises(SystemExit):
        build_parser().parse_args(["web", "--host", "0.0.0.0"])


def test_without_the_web_extra_it_says_what_to_install(monkeypatch, capsys, tmp_path):
    monkeypatch.setitem(sys.modules, "closeness_tui.web", None)  # as if not installed
    with pytest.raises(SystemExit) as exit_info:
        main(["web", "--no-browser", "--data-dir", str(tmp_path)])
    assert exit_info.value.code == 2
    assert "pip install 'closeness[web]'" in capsys.readouterr().err


WATCH = """
import signal, sys, time
from closeness_tui.web_child import watch_parent
signal.signal(signal.SIGTERM, lambda *_: sys.exit(42))
watch_parent({expected}, every=0.05)
time.sleep(1.0)
sys.exit(0)
"""


@pytest.mark.parametrize(
    ("expected", "code"),
    [("os.getppid()", 0), ("1 if os.getppid() != 1 else 2", 42)],
    ids=["parent-there", "parent-gone"],
)
def test_the_app_is_signalled_when_its_server_is_gone(expected, code):
    """Where the kernel cannot be asked (not Linux), a watcher thread sends SIGTERM once the
    parent is not the server any more; the app's own handler then leaves cleanly."""
    script = "import os\n" + WATCH.format(expected=expected)
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=Path(__file__).parent, timeout=30, check=False
    )
    assert result.returncode == code
