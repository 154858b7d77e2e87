"""The suite's own guards (tests/conftest.py): snapshot pictures are rewritten only when
asked for twice, the real-terminal and browser tests run in their xdist groups,
and `-n auto` runs two workers per core."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import (
    E2E_GROUPS,
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


def test_e2e_tests_run_in_their_groups_and_others_in_none():
    drafts_1 = Item("tests/e2e/test_drafts_terminal.py", "e2e")
    drafts_2 = Item("tests/e2e/test_drafts_terminal.py", "e2e")
    solve = Item("tests/e2e/test_solve_terminal.py", "e2e")
    listening = Item("tests/e2e/test_listening_terminal.py", "e2e")
    web = Item("tests/e2e/test_web_browser.py", "e2e")
    server = Item("tests/e2e/test_web_server.py", "e2e")
    new = Item("tests/e2e/test_something_new_terminal.py", "e2e")
    pilot = Item("tests/flows/test_first_run.py")
    pytest_collection_modifyitems([drafts_1, drafts_2, solve, listening, web, server, new, pilot])
    assert group_of(drafts_1) == group_of(drafts_2) == group_of(new) == "terminal-1"
    assert group_of(solve) == "terminal-2"
    assert group_of(listening) == "terminal-3"
    assert group_of(web) == "browser"
    assert group_of(server) is None  # HTTP only: any worker
    assert group_of(pilot) is None


def test_the_groups_name_only_e2e_files_that_exist():
    """A file renamed but not in the table would fall into the default group unnoticed."""
    here = Path(__file__).resolve().parents[1] / "e2e"
    assert set(E2E_GROUPS) <= {p.stem for p in here.glob("test_*.py")}


@pytest.mark.parametrize(("cores", "workers"), [(None, 2), (1, 2), (2, 4), (8, 16)])
def test_auto_runs_two_workers_per_core(monkeypatch, cores, workers):
    monkeypatch.setattr("os.cpu_count", lambda: cores)
    assert pytest_xdist_auto_num_workers(None) == workers
