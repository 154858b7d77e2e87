"""The suite's own guards (tests/conftest.py): snapshot pictures are rewritten only when
asked for twice, the real-terminal tests share one worker and the browser tests another,
and `-n auto` runs two workers per core."""

from __future__ import annotations

import pytest
from conftest import (
    UPDATE_SNAPSHOTS,
    pytest_collection_modifyitems,
    pytest_configure,
    pytest_xdist_auto_num_workers,
)


class Config:
    def __init__(self, update: bool) -> None:
        self.update = update

    def getoption(self, name: str, default: object = None) -> object:
        return self.update if name == "update_snapshots" else default


@pytest.mark.parametrize(
    ("update", "env", "refused"),
    [
        (False, None, False),
        (False, "1", False),
        (True, None, True),
        (True, "0", True),
        (True, "yes", True),
        (True, "1", False),
    ],
)
def test_snapshot_update_needs_the_env_var(monkeypatch, update, env, refused):
    if env is None:
        monkeypatch.delenv(UPDATE_SNAPSHOTS, raising=False)
    else:
        monkeypatch.setenv(UPDATE_SNAPSHOTS, env)
    if refused:
        with pytest.raises(pytest.UsageError, match=UPDATE_SNAPSHOTS):
            pytest_configure(Config(update))
    else:
        pytest_configure(Config(update))


class Item:
    def __init__(self, path: str, *markers: str) -> None:
        self.path = path
        self.markers = [getattr(pytest.mark, name).mark for name in markers]

    def get_closest_marker(self, name: str):
        return next((m for m in self.markers if m.name == name), None)

    def add_marker(self, marker) -> None:
        self.markers.append(marker.mark)


def group_of(item: Item) -> str | None:
    group = item.get_closest_marker("xdist_group")
    return None if group is None else group.args[0]


def test_terminal_tests_share_one_worker_and_browser_tests_another():
    drafts_1 = Item("tests/e2e/test_drafts_terminal.py", "e2e")
    drafts_2 = Item("tests/e2e/test_drafts_terminal.py", "e2e")
    web = Item("tests/e2e/test_web_browser.py", "e2e")
    server = Item("tests/e2e/test_web_server.py", "e2e")
    listening = Item("tests/e2e/test_listening_terminal.py", "e2e")
    pilot = Item("tests/flows/test_first_run.py")
    pytest_collection_modifyitems([drafts_1, drafts_2, web, server, listening, pilot])
    assert group_of(drafts_1) == group_of(drafts_2) == group_of(listening) == "terminal"
    assert group_of(web) == group_of(server) == "browser"
    assert group_of(pilot) is None


@pytest.mark.parametrize(("cores", "workers"), [(None, 2), (1, 2), (2, 4), (8, 16)])
def test_auto_runs_two_workers_per_core(monkeypatch, cores, workers):
    monkeypatch.setattr("os.cpu_count", lambda: cores)
    assert pytest_xdist_auto_num_workers(None) == workers
