"""Opening: the data is locked, read and checked in full before anything is drawn (a big
file's check-ins and statements just after Home is drawn, on a thread); a bad record leads
to the damaged-file screen and nothing is written; what opening found (files
open to others, a backup not written, a folder of another user) is said."""

from __future__ import annotations

import os
from datetime import UTC, datetime

import msgspec
import pytest
from conftest import build_app, notices, seed_names, wait_until

from closeness_tui.models import Statement
from closeness_tui.screens.home import HomeScreen
from closeness_tui.screens.problems import DamagedScreen
from closeness_tui.store import FolderLock, Store, StoreLocked

WHEN = datetime(2026, 11, 21, 19, 30, tzinfo=UTC)


def _seed_statements(data_dir, n=3):
    seed_names(data_dir)
    with Store.open(data_dir) as store:
        store.put_many(Statement(author=0, created_at=WHEN, text=f"s{i}") for i in range(n))


async def test_home_then_every_record_checked_and_backed_up(data_dir, clock):
    _seed_statements(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.store is not None
        assert len(app.store.all(Statement)) == 3
    backup = msgspec.json.decode((data_dir / "closeness.json.bak").read_bytes())
    assert len(backup["statements"]) == 3


async def test_a_bad_record_shows_the_damaged_screen_and_keeps_the_file(data_dir, clock):
    _seed_statements(data_dir)
    path = data_dir / "closeness.json"
    doc = msgspec.json.decode(path.read_bytes())
    doc["statements"]["2"]["created_at"] = "not a date [/]"
    bad = msgspec.json.encode(doc)
    path.write_bytes(bad)
    (data_dir / "closeness.json.bak").unlink(missing_ok=True)

    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, DamagedScreen)
        assert app.store is None
        # The lock was released with the store: another copy could open the directory.
        FolderLock(data_dir).release()
    assert path.read_bytes() == bad
    assert not (data_dir / "closeness.json.bak").exists()


async def test_a_malformed_content_file_found_after_home_ends_the_app_kindly(
    data_dir, clock, monkeypatch
):
    """Content Home does not need is checked right after Home is drawn; a problem there
    ends the app with the file and key named, never a traceback."""
    from closeness_tui import content

    real_read = content._read

    def broken_read(filename: str) -> str:
        if filename == "needs.toml":
            return "needs = 3\n"
        return real_read(filename)

    content.load.cache_clear()
    monkeypatch.setattr(content, "_read", broken_read)
    seed_names(data_dir)
    app = build_app(data_dir, clock)
    messages = []
    real_exit = app.exit

    def exit_(result=None, return_code=0, message=None):
        messages.append(message)
        real_exit(result, return_code, message)

    app.exit = exit_
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.pause()
        assert app.return_code == 2
        (message,) = messages
        assert message.plain.startswith("closeness could not start: content/needs.toml")
        assert "needs" in message.plain.partition("needs.toml")[2]
    finally:
        content.load.cache_clear()


async def test_damage_then_start_fresh_leaves_nothing_to_go_back_to(data_dir, clock):
    """The damaged-file screen is the first screen (no Home built on the damaged data), and
    starting fresh leads to the welcome alone."""
    from closeness_tui.screens.welcome import WelcomeScreen

    _seed_statements(data_dir)
    path = data_dir / "closeness.json"
    doc = msgspec.json.decode(path.read_bytes())
    doc["statements"]["1"]["text"] = 7
    path.write_bytes(msgspec.json.encode(doc))
    good_backup = (data_dir / "closeness.json.bak").read_bytes()

    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, DamagedScreen)
        assert not app.screen.can_go_back()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DamagedScreen)
        await pilot.click("#fresh")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert not app.screen.can_go_back()
        assert app.store is not None and not app.settings.named
    kept = [p for p in data_dir.iterdir() if p.name.startswith("closeness.damaged-")]
    assert len(kept) == 1 and msgspec.json.decode(kept[0].read_bytes()) == doc
    # The good backup is kept aside too: the fresh file's next start replaces the .bak.
    (backup,) = [p for p in data_dir.iterdir() if p.name.startswith("closeness.backup-kept-")]
    assert backup.read_bytes() == good_backup


# -- big tables checked just after the first frame -----------------------------------------
# (Store.open leaves check-ins and statements to a thread worker when they are over
# LATER_OVER bytes together, as at ten years; here LATER_OVER is 0 so a small file does too.)


async def test_damage_in_a_table_checked_after_home_brings_the_damaged_screen(
    data_dir, clock, monkeypatch
):
    from closeness_tui import store as store_module

    monkeypatch.setattr(store_module, "LATER_OVER", 0)
    _seed_statements(data_dir)
    path = data_dir / "closeness.json"
    doc = msgspec.json.decode(path.read_bytes())
    doc["statements"]["2"]["author"] = 7
    bad = msgspec.json.encode(doc)
    path.write_bytes(bad)
    (data_dir / "closeness.json.bak").unlink(missing_ok=True)

    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, DamagedScreen), "the damage")
        assert isinstance(app.screen_stack[0], HomeScreen)  # Home was drawn first
        assert app.store is None and not app.screen.can_go_back()
        assert "statements" in str(app.screen.query_one("#detail").render())
        FolderLock(data_dir).release()  # the lock went with the store
    assert path.read_bytes() == bad
    assert not (data_dir / "closeness.json.bak").exists()


async def test_a_screen_opened_before_the_check_finished_sees_every_record(
    data_dir, clock, monkeypatch
):
    """The worker is held back until the statement library is open: the screen's read of a
    table not yet checked checks it then and there (the worker then finds it done)."""
    import threading

    from textual.widgets import OptionList

    from closeness_tui import store as store_module
    from closeness_tui.registry import screen_class

    monkeypatch.setattr(store_module, "LATER_OVER", 0)
    _seed_statements(data_dir, n=5)
    (data_dir / "closeness.json.bak").unlink()
    go_on = threading.Event()
    real_check = Store.check

    def held_check(store):
        if threading.current_thread() is not threading.main_thread():
            assert go_on.wait(10)
        return real_check(store)

    monkeypatch.setattr(Store, "check", held_check)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert not (data_dir / "closeness.json.bak").exists()  # the worker waits
        await app.push_screen(screen_class("statement_library")())
        await pilot.pause()
        assert app.screen.query_one("#list-0", OptionList).option_count == 5
        go_on.set()
        await wait_until(pilot, lambda: (data_dir / "closeness.json.bak").exists(), "the .bak")
        assert isinstance(app.screen, screen_class("statement_library"))
    backup = msgspec.json.decode((data_dir / "closeness.json.bak").read_bytes())
    assert len(backup["statements"]) == 5


# -- one open, before anything is drawn -------------------------------------------------


async def test_the_lock_is_held_from_before_home_is_drawn(data_dir, clock, monkeypatch):
    """No state of "drawn but not yet locked": Home is composed with the store open and
    locked, and a second copy is refused at once."""
    seed_names(data_dir)
    seen = []
    real_compose = HomeScreen.compose

    def compose(screen):
        with pytest.raises(StoreLocked):
            Store.open(data_dir)
        seen.append(screen.app.store)
        yield from real_compose(screen)

    monkeypatch.setattr(HomeScreen, "compose", compose)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert seen and seen[0] is app.store is not None
    Store.open(data_dir).close()  # and let go on quitting


async def test_a_second_copy_shows_the_locked_screen_and_writes_nothing(data_dir, clock):
    from closeness_tui.screens.problems import LockedScreen

    seed_names(data_dir)
    with Store.open(data_dir) as other:
        other.write_backup()
        before = sorted((p.name, p.read_bytes()) for p in data_dir.iterdir() if p.is_file())
        app = build_app(data_dir, clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, LockedScreen)
            assert app.store is None
        after = sorted((p.name, p.read_bytes()) for p in data_dir.iterdir() if p.is_file())
        assert after == before


# -- what opening has to say ------------------------------------------------------------


async def test_data_open_to_others_is_made_private_and_the_couple_is_told(data_dir, clock):
    seed_names(data_dir)
    data_dir.chmod(0o777)
    (data_dir / "closeness.json").chmod(0o666)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.pause()
        said = [str(n.message) for n in notices(app)]
        assert any("could be read by other people" in m for m in said), said
        assert any("the data folder (drwxrwxrwx)" in m for m in said), said
        assert any("closeness.json (-rw-rw-rw-)" in m for m in said), said
    assert data_dir.stat().st_mode & 0o777 == 0o700
    assert (data_dir / "closeness.json").stat().st_mode & 0o777 == 0o600


async def test_a_backup_that_could_not_be_written_is_said(data_dir, clock, monkeypatch):
    """A nearly full disk: the data opened, the .bak could not be written: say so."""
    import errno

    from closeness_tui import store as store_module

    seed_names(data_dir)
    real_write = store_module.atomic_write

    def full_for_the_backup(path, data):
        if path.name == "closeness.json.bak":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(path, data)

    monkeypatch.setattr(store_module, "atomic_write", full_for_the_backup)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        # The .bak is written on a thread started after the first frame: wait for its word.
        await wait_until(
            pilot,
            lambda: any("backup copy could not be written" in n.message for n in notices(app)),
            "the notice that the backup could not be written",
        )
        said = [str(n.message) for n in notices(app)]
        assert any("No space left on device" in m for m in said), said
        assert isinstance(app.screen, HomeScreen)


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a folder to another user needs root")
async def test_a_data_folder_of_another_user_gets_a_clear_message(data_dir, clock):
    seed_names(data_dir)
    before = (data_dir / "closeness.json").read_bytes()
    os.chown(data_dir, 4242, -1)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DamagedScreen)
        detail = str(app.screen.query_one("#detail").render())
        assert "belongs to another user" in detail
        assert "Operation not permitted" not in detail
        assert not app.screen.query("#fresh") and not app.screen.query("#restore")
    assert (data_dir / "closeness.json").read_bytes() == before
