"""Opening fast: the app draws Home, then checks every record at once; a bad record still
leads to the damaged-file screen and nothing is written."""

from __future__ import annotations

from datetime import UTC, datetime

import msgspec
import pytest
from conftest import build_app, seed_names

from closeness_tui.models import Statement
from closeness_tui.screens.home import HomeScreen
from closeness_tui.screens.problems import DamagedScreen
from closeness_tui.store import Store, StoreLocked

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
        assert app.store is not None and not app.store._unchecked
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
        with Store.open(data_dir, defer_checks=True) as other:
            assert other.settings().names == ("Ana", "Ben")
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


async def test_damage_found_after_home_then_start_fresh_leaves_nothing_to_go_back_to(
    data_dir, clock
):
    """The app opened on Home; the damaged-file screen takes Home's place (no way back to a
    Home built on the damaged data), and starting fresh leads to the welcome alone."""
    from closeness_tui.screens.welcome import WelcomeScreen

    _seed_statements(data_dir)
    path = data_dir / "closeness.json"
    doc = msgspec.json.decode(path.read_bytes())
    doc["statements"]["1"]["text"] = 7
    path.write_bytes(msgspec.json.encode(doc))

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


# -- the lock, taken right after Home is drawn (Store.open(defer_lock=True)) ----------------


async def test_home_is_drawn_then_the_lock_is_taken(data_dir, clock):
    seed_names(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.store is not None and not app.store.lock_pending
        with pytest.raises(StoreLocked):
            Store.open(data_dir)
    Store.open(data_dir).close()  # and let go on quitting


async def test_a_save_by_another_copy_while_this_one_starts_shows_home_anew(
    data_dir, clock, monkeypatch
):
    """Another copy saved (new names) and closed between this copy's first read and its
    lock: Home is built again from the file as it is now, and nothing stale is written."""
    seed_names(data_dir)
    real_confirm = Store.confirm_lock
    calls = []

    def another_copy_saves_first(store: Store) -> None:
        if not calls:
            calls.append(1)
            seed_names(data_dir, "Cleo", "Dev")
        real_confirm(store)

    monkeypatch.setattr(Store, "confirm_lock", another_copy_saves_first)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(3):
            await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not app.screen.can_go_back()
        assert app.settings.names == ("Cleo", "Dev")
        assert "Cleo" in str(app.screen.query_one("#greeting").render())
        assert app.store is not None and not app.store.lock_pending
        assert app.save(Statement(author=0, created_at=WHEN, text="after"))
    with Store.open(data_dir) as store:
        assert store.settings().names == ("Cleo", "Dev")
        assert [s.text for s in store.all(Statement)] == ["after"]


async def test_a_save_before_the_lock_takes_it_first(data_dir, clock, monkeypatch):
    """A key typed ahead may save before the first frame's Ready: the save takes the lock
    (and checks every record) first."""
    from closeness_tui.app import ClosenessApp

    seed_names(data_dir)
    monkeypatch.setattr(ClosenessApp, "on_ready", lambda self: None)  # (it takes the lock)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.store is not None and app.store.lock_pending
        assert app.save(Statement(author=1, created_at=WHEN, text="typed ahead"))
        assert not app.store.lock_pending and not app.store._unchecked
        with pytest.raises(StoreLocked):
            Store.open(data_dir)
    with Store.open(data_dir) as store:
        assert [s.text for s in store.all(Statement)] == ["typed ahead"]


async def test_a_save_before_the_lock_with_another_copy_open_shows_the_locked_screen(
    data_dir, clock, monkeypatch
):
    from closeness_tui.app import ClosenessApp
    from closeness_tui.screens.problems import LockedScreen

    seed_names(data_dir)
    monkeypatch.setattr(ClosenessApp, "on_ready", lambda self: None)  # (it takes the lock)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        with Store.open(data_dir) as other:
            if other._backup_thread is not None:
                other._backup_thread.join()
            before = (data_dir / "closeness.json").read_bytes()
            assert not app.save(Statement(author=1, created_at=WHEN, text="not from here"))
            await pilot.pause()
            assert isinstance(app.screen, LockedScreen)
            assert app.store is None
            assert (data_dir / "closeness.json").read_bytes() == before
