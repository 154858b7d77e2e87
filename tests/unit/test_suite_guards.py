"""The suite's own guards (tests/conftest.py): snapshot pictures are rewritten only when
asked for twice, and the real-terminal tests share one worker."""

from __future__ import annotations

import pytest
from conftest import UPDATE_SNAPSHOTS, pytest_collection_modifyitems, pytest_configure


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
    def __init__(self, *markers: str) -> None:
        self.markers = [getattr(pytest.mark, name).mark for name in markers]

    def get_closest_marker(self, name: str):
        return next((m for m in self.markers if m.name == name), None)

    def add_marker(self, marker) -> None:
        self.markers.append(marker.mark)


def test_terminal_tests_share_one_worker():
    terminal, pilot = Item("e2e"), Item()
    pytest_collection_modifyitems([terminal, pilot])
    group = terminal.get_closest_marker("xdist_group")
    assert group is not None and group.args == ("terminal",)
    assert pilot.get_closest_marker("xdist_group") is None
