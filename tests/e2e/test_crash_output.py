"""A crash, if one still happens, prints a short kind message with the data folder's path and
no traceback, no local variables and no word a partner typed (issue 19). The details go
nowhere, or with --crash-report to a private file in the data folder.

The real command's `main` runs on a real pseudo-terminal; the fault is planted by the test
(Home's mount raises while a partner's words are in a local variable), never in the app."""

from __future__ import annotations

import os
import select
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from closeness_tui.models import Settings
from closeness_tui.store import CRASH_FILE, Store

SECRET = "the words only Ana and Ben know"

RUN = textwrap.dedent(
    """
    import sys
    from closeness_tui.screens.home import HomeScreen

    WORDS = sys.argv[1]

    def on_mount(self):
        topic = WORDS  # a partner's words, in a local variable of the failing frame
        raise RuntimeError("planted fault")

    HomeScreen.on_mount = on_mount
    from closeness_tui.cli import main

    sys.argv = ["closeness", *sys.argv[2:]]
    main()
    """
)


def run_on_a_terminal(args: list[str], timeout: float = 60.0) -> tuple[int, str]:
    master, slave = os.openpty()
    env = {**os.environ, "TERM": "xterm-256color"}
    proc = subprocess.Popen(
        [sys.executable, "-c", RUN, SECRET, *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    out = bytearray()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 1)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        elif proc.poll() is not None:
            break
    else:
        proc.kill()
    code = proc.wait(timeout=10)
    os.close(master)
    return code, out.decode("utf-8", "replace")


def _named(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.save_settings(Settings(partner_a="Ana", partner_b="Ben"))


@pytest.mark.parametrize("report", [False, True], ids=["no-report", "crash-report"])
def test_a_crash_prints_a_kind_message_and_no_private_words(tmp_path: Path, report: bool) -> None:
    data_dir = tmp_path / "data"
    _named(data_dir)
    args = ["--data-dir", str(data_dir)] + (["--crash-report"] if report else [])
    code, out = run_on_a_terminal(args)
    assert code == 1
    assert "closeness stopped because of a fault in closeness itself" in out
    assert str(data_dir) in out.replace("\r\n", "").replace("\n", "")
    assert SECRET not in out
    assert "Traceback" not in out and "planted fault" not in out and "locals" not in out
    crash_file = data_dir / CRASH_FILE
    if report:
        assert crash_file.exists()
        assert stat.S_IMODE(crash_file.stat().st_mode) == 0o600
        assert "planted fault" in crash_file.read_text()
        assert CRASH_FILE in out.replace("\r\n", "").replace("\n", "")
    else:
        assert not crash_file.exists()
        assert "--crash-report" in out
    with Store.open(data_dir, read_only=True) as store:  # nothing lost
        assert store.settings().names == ("Ana", "Ben")
