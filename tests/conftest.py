"""Shared fixtures: every test gets its own data directory, a fake clock and a calm app
(no cursor blink, no animation, no user theme or colour settings leaking in)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from closeness_tui.app import ClosenessApp, make_app
from closeness_tui.clock import FakeClock
from closeness_tui.store import Store

TODAY = date(2026, 11, 21)  # a Saturday

for _var in ("NO_COLOR", "TEXTUAL_THEME", "TEXTUAL_ANIMATIONS", "FORCE_COLOR", "TEXTUAL"):
    os.environ.pop(_var, None)


def _no_blink(widget_cls: type) -> None:
    original = widget_cls.__init__

    def __init__(self, *args, **kwargs):  # noqa: N807
        original(self, *args, **kwargs)
        self.cursor_blink = False

    widget_cls.__init__ = __init__


_no_blink(Input)
_no_blink(TextArea)

UPDATE_SNAPSHOTS = "CLOSENESS_UPDATE_SNAPSHOTS"


def pytest_configure(config: pytest.Config) -> None:
    """Refuse to rewrite the snapshot pictures by accident: --snapshot-update replaces every
    picture the run compares, so it must be asked for twice (and the report looked at)."""
    if (
        config.getoption("update_snapshots", default=False)
        and os.environ.get(UPDATE_SNAPSHOTS) != "1"
    ):
        raise pytest.UsageError(
            f"--snapshot-update rewrites the reference pictures. Look at snapshot_report.html "
            f"first, then run only the snapshot tests your change meant to alter, with "
            f"{UPDATE_SNAPSHOTS}=1 set."
        )


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto` starts two workers per core. The real-terminal and browser tests spend most of
    their time waiting on another process's output, so while they wait a second worker per
    core keeps the Pilot and unit tests going."""
    return 2 * (os.cpu_count() or 1)


# The xdist group of each e2e file (--dist loadgroup runs a group's tests one after another on
# one worker, the groups side by side). The tmux tests are split in three groups of about the
# same length (60-90 s of test time under the whole suite's load); every tmux test runs on a
# tmux server of its own (-L) and waits on what the screen shows, never on a fixed time, so
# three at once do not disturb each other. The chromium tests form one group: one browser
# at a time. None: no group, the tests go to any worker like a unit test (the web server's
# HTTP and websocket checks start no browser and no terminal).
E2E_GROUPS: dict[str, str | None] = {
    "test_drafts_terminal": "terminal-1",
    "test_rituals_terminal": "terminal-1",
    "test_journal_terminal": "terminal-1",
    "test_istatement_terminal": "terminal-2",
    "test_solve_terminal": "terminal-2",
    "test_repair_terminal": "terminal-2",
    "test_installed_command": "terminal-3",
    "test_paste_terminal": "terminal-3",
    "test_listening_terminal": "terminal-3",
    "test_checkins_terminal": "terminal-3",
    "test_cards_terminal": "terminal-3",
    "test_web_browser": "browser",
    "test_web_server": None,
}
NEW_E2E_GROUP = "terminal-1"  # an e2e file not listed yet: with the others, one at a time


def e2e_group(item: pytest.Item) -> str | None:
    """The xdist group of an e2e test (see E2E_GROUPS)."""
    return E2E_GROUPS.get(Path(str(item.path)).stem, NEW_E2E_GROUP)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Real-terminal (tmux) and browser tests run in their xdist groups (--dist loadgroup),
    side by side with each other and with the Pilot and unit tests on the other workers."""
    for item in items:
        if item.get_closest_marker("e2e") is None:
            continue
        group = e2e_group(item)
        if group is not None:
            item.add_marker(pytest.mark.xdist_group(group))


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory, monkeypatch):
    """Keep the user's real data dir out of every test."""
    monkeypatch.setenv("CLOSENESS_DATA_DIR", str(tmp_path_factory.mktemp("default-data")))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 21, 19, 30).astimezone())


def build_app(data_dir: Path, clock: FakeClock | None = None) -> ClosenessApp:
    app = make_app(data_dir, clock or FakeClock(datetime(2026, 11, 21, 19, 30).astimezone()))
    app.animation_level = "none"
    return app


def seed_names(data_dir: Path, a: str = "Ana", b: str = "Ben") -> None:
    with Store.open(data_dir) as store:
        settings = store.settings()
        settings.partner_a, settings.partner_b = a, b
        store.save_settings(settings)


@pytest.fixture
def app(data_dir: Path, clock: FakeClock) -> ClosenessApp:
    """A fresh app on an empty data dir (first run)."""
    return build_app(data_dir, clock)


@pytest.fixture
def named_app(data_dir: Path, clock: FakeClock) -> ClosenessApp:
    """An app whose partners are already named: it opens on Home."""
    seed_names(data_dir)
    return build_app(data_dir, clock)


WAIT_LIMIT = 10.0  # seconds of real time; a loaded CI machine, far beyond a normal wait


async def wait_until(pilot: Pilot, condition: Callable[[], object], what: str = "") -> None:
    """Pause until `condition()` is true: for a check after a key whose work goes through
    several messages (or a worker), where one `pilot.pause()` is enough on an idle machine
    but not always under load. Fails after WAIT_LIMIT seconds, saying what it waited for."""
    deadline = time.monotonic() + WAIT_LIMIT
    await pilot.pause()
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still waiting after {WAIT_LIMIT}s for {what or condition}")
        await pilot.pause(0.02)


@dataclass(frozen=True)
class Said:
    """One notice the app gave, as asked for (a toast may already have timed out)."""

    message: str
    severity: str
    title: str


@pytest.fixture(autouse=True)
def _notices_kept(monkeypatch):
    """Every notice is also kept in a list for the test: a toast times out in real time,
    so under load it may be gone before the test looks (the notice was still given)."""
    original = App.notify

    def notify(self, message, *, title="", severity="information", **kwargs):
        self.__dict__.setdefault("_notices_said", []).append(
            Said(str(message), str(severity), str(title))
        )
        return original(self, message, title=title, severity=severity, **kwargs)

    monkeypatch.setattr(App, "notify", notify)


def notices(app: App) -> list[Said]:
    """The notices the app gave so far, oldest first."""
    return list(app.__dict__.get("_notices_said", []))
