"""A damaged data file and a second copy of the app, driven through the real app and store."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest
from conftest import build_app, seed_names
from textual.widgets import Button, Static

from closeness_tui.models import Statement
from closeness_tui.screens.home import HomeScreen
from closeness_tui.screens.problems import DamagedScreen, LockedScreen
from closeness_tui.screens.welcome import WelcomeScreen
from closeness_tui.store import BACKUP_FILE, DATA_FILE, Store, StoreDamaged

TRUNCATED = b'{"_meta": {"1": {"app": "closeness", "schema": 1}}, "settings": {"1": {"id'


def files(directory: Path) -> dict[str, bytes]:
    """Every file in the data folder but the lock, with its bytes."""
    return {
        p.name: p.read_bytes()
        for p in sorted(directory.iterdir())
        if p.is_file() and p.name != ".closeness.lock"
    }


def plain(app, selector: str) -> str:
    return app.screen.query_one(selector, Static).visual.plain


def buttons(app) -> list[str]:
    return [b.id for b in app.screen.query(Button)]


def with_backup(data_dir: Path, clock) -> bytes:
    """Ana and Ben's data with one statement, opened twice so the backup exists."""
    seed_names(data_dir)
    with Store.open(data_dir) as store:
        store.put(Statement(author=0, created_at=clock.now(), feeling="hopeful"))
    with Store.open(data_dir):
        pass
    return (data_dir / BACKUP_FILE).read_bytes()


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (b"", "empty"),
        (TRUNCATED, "not readable JSON"),
        (b'["a", "list"]', "does not hold closeness data"),
        (b'{"notes": "mine"}', "not written by closeness"),
        (b'{"_meta": {"1": {"app": "closeness", "schema": 9}}}', "newer closeness"),
    ],
    ids=["empty", "truncated", "list", "foreign", "newer"],
)
async def test_a_damaged_file_is_named_with_its_path_and_left_alone(data_dir, clock, raw, says):
    data_dir.mkdir()
    path = data_dir / DATA_FILE
    path.write_bytes(raw)
    mtime = path.stat().st_mtime_ns
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DamagedScreen)
        assert app.store is None
        assert says in plain(app, "#detail")
        assert plain(app, "#where") == f"The file: {path}"
        assert "Nothing has been changed" in plain(app, "#reassure")
        assert buttons(app) == ["fresh", "quit"]  # no backup yet, so no restore
        assert plain(app, "#backup-note") == "There is no backup yet."
        await pilot.press("escape")  # nowhere to go back to
        await pilot.pause()
        assert isinstance(app.screen, DamagedScreen)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert files(data_dir) == {DATA_FILE: raw}
    assert path.stat().st_mtime_ns == mtime


async def test_quit_button_leaves_the_file_byte_identical(data_dir, clock):
    backup = with_backup(data_dir, clock)
    (data_dir / DATA_FILE).write_bytes(TRUNCATED)
    before = files(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert buttons(app) == ["restore", "fresh", "quit"]
        await pilot.click("#quit")
        await pilot.pause()
    assert files(data_dir) == before
    assert before[BACKUP_FILE] == backup


async def test_restore_the_last_good_backup_leads_home_and_keeps_the_damaged_file(data_dir, clock):
    backup = with_backup(data_dir, clock)
    (data_dir / DATA_FILE).write_bytes(TRUNCATED)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DamagedScreen)
        assert app.screen.focused is app.screen.query_one("#restore")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert plain(app, "#greeting") == "Hello, Ana and Ben"
        (note,) = app._notifications
        assert "Restored the last good backup" in note.message
        assert "closeness.damaged-20261121-193000.json" in note.message
        assert app.store.all(Statement)[0].feeling == "hopeful"
    kept = data_dir / "closeness.damaged-20261121-193000.json"
    assert kept.read_bytes() == TRUNCATED
    assert (data_dir / DATA_FILE).read_bytes() == backup
    with Store.open(data_dir, read_only=True) as store:
        assert store.settings().names == ("Ana", "Ben")


async def test_keep_it_aside_and_start_fresh_leads_to_the_welcome(data_dir, clock):
    data_dir.mkdir()
    (data_dir / DATA_FILE).write_bytes(b"[]")
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.click("#fresh")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert app.store is not None
        (note,) = app._notifications
        assert "Starting fresh" in note.message
        assert "the last backup" not in note.message  # there was none to keep
    kept = data_dir / "closeness.damaged-20261121-193000.json"
    assert kept.read_bytes() == b"[]"
    with Store.open(data_dir, read_only=True) as store:
        assert not store.settings().named
        assert store.all(Statement) == []


async def test_a_damaged_backup_is_not_offered(data_dir, clock):
    with_backup(data_dir, clock)
    (data_dir / BACKUP_FILE).write_bytes(b"")
    (data_dir / DATA_FILE).write_bytes(b"{")
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert buttons(app) == ["fresh", "quit"]
        assert "The backup cannot be used either" in plain(app, "#backup-note")


async def test_a_folder_that_cannot_be_written_offers_only_quit(tmp_path, clock):
    (tmp_path / "file").write_text("a file where the folder should be")
    app = build_app(tmp_path / "file" / "data", clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DamagedScreen)
        assert "cannot write in its data folder" in plain(app, "#detail")
        assert buttons(app) == ["quit"]


async def test_a_second_copy_shows_the_locked_screen_and_writes_nothing(data_dir, clock):
    seed_names(data_dir)
    with Store.open(data_dir) as first:
        first.put(Statement(author=1, created_at=clock.now(), feeling="calm"))
        first.write_backup()  # the opening backup is written after the open
        before = files(data_dir)
        mtimes = {p.name: p.stat().st_mtime_ns for p in data_dir.iterdir()}
        app = build_app(data_dir, clock)
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, LockedScreen)
            assert app.store is None
            assert plain(app, "#where") == f"Data folder: {data_dir}"
            assert "only one copy can change it" in plain(app, "#detail")
            app.action_toggle_dark()  # a theme change would save settings: not from here
            await pilot.pause()
            await pilot.press("escape")
            assert isinstance(app.screen, LockedScreen)
            await pilot.press("enter")  # Quit has the focus
            await pilot.pause()
        assert app.return_code == 0
        assert files(data_dir) == before
        assert {p.name: p.stat().st_mtime_ns for p in data_dir.iterdir()} == mtimes
        first.put(Statement(author=0, created_at=clock.now(), feeling="still mine"))
    with Store.open(data_dir, read_only=True) as store:
        assert sorted(s.feeling for s in store.all(Statement)) == ["calm", "still mine"]


async def test_after_the_first_copy_closes_the_second_opens_normally(data_dir, clock):
    seed_names(data_dir)
    first = Store.open(data_dir)
    first.close()
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


def test_damaged_detail_never_quotes_the_file(data_dir):
    data_dir.mkdir()
    secret = b'{"_meta": {"1": {"app": "closeness", "schema": 1}}, "settings": {"1": '
    secret += b'{"id": "x", "partner_a": 5, "partner_b": "Our secret name"}}}'
    (data_dir / DATA_FILE).write_bytes(secret)
    with pytest.raises(StoreDamaged) as info:
        Store.open(data_dir)
    assert "Our secret name" not in str(info.value)
    assert msgspec.json.decode((data_dir / DATA_FILE).read_bytes())["settings"]


async def test_a_restore_that_fails_says_so_and_changes_nothing(data_dir, clock):
    with_backup(data_dir, clock)
    (data_dir / DATA_FILE).write_bytes(TRUNCATED)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert buttons(app) == ["restore", "fresh", "quit"]
        (data_dir / BACKUP_FILE).write_bytes(b"{}")  # spoiled while the screen was up
        before = files(data_dir)
        await pilot.click("#restore")
        await pilot.pause()
        assert isinstance(app.screen, DamagedScreen)
        (note,) = app._notifications
        assert note.severity == "error" and "That did not work" in note.message
        assert str(data_dir / BACKUP_FILE) in note.message
        assert files(data_dir) == before


async def test_a_first_start_that_cannot_write_does_not_speak_of_a_file(
    data_dir, clock, monkeypatch
):
    """A nearly full disk at the very first start: there is no file, so the screen must not
    say "The file is still where it was"."""
    import errno

    from closeness_tui import store as store_module

    def disk_full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_module, "atomic_write", disk_full)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DamagedScreen)
        assert "No space left on device" in plain(app, "#detail")
        said = plain(app, "#reassure")
        assert "no data file yet" in said and "still where it was" not in said
        assert buttons(app) == ["quit"]
    assert not (data_dir / DATA_FILE).exists()


@pytest.mark.parametrize("twice", ["table", "record"])
async def test_a_key_named_twice_shows_the_damaged_screen_and_nothing_is_written(
    data_dir, clock, twice
):
    """Issue 19: a table (or a record number) twice used to open showing only the last,
    and the next saves lost the first from every file."""
    backup = with_backup(data_dir, clock)
    raw = (data_dir / DATA_FILE).read_bytes()
    doc = msgspec.json.decode(raw)
    first = msgspec.json.encode(doc["statements"]["1"])
    second = msgspec.json.encode({**doc["statements"]["1"], "id": "other", "feeling": "x"})
    head = raw[: raw.index(b'"statements"')]
    if twice == "table":
        body = b'"statements":{"1":' + first + b'},"statements":{"1":' + second + b"}}"
    else:
        body = b'"statements":{"1":' + first + b',"1":' + second + b"}}"
    (data_dir / DATA_FILE).write_bytes(head + body)
    before = files(data_dir)
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DamagedScreen)
        assert "names the same thing twice" in plain(app, "#detail")
        await pilot.click("#quit")
    assert files(data_dir) == before
    assert (data_dir / BACKUP_FILE).read_bytes() == backup


@pytest.mark.parametrize("choice", ["restore", "fresh"])
async def test_a_missing_data_file_beside_a_backup_is_not_a_first_start(data_dir, clock, choice):
    """The data file gone but its .bak there: starting afresh silently would replace the
    good backup at the next start. The damaged-file screen offers both ways instead."""
    backup = with_backup(data_dir, clock)
    (data_dir / DATA_FILE).unlink()
    app = build_app(data_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DamagedScreen)
        assert "missing, though its backup is here" in plain(app, "#detail")
        assert "backup has not been changed" in plain(app, "#reassure")
        assert buttons(app) == ["restore", "fresh", "quit"]
        assert not (data_dir / DATA_FILE).exists()
        await pilot.click(f"#{choice}")
        await pilot.pause()
        await pilot.pause()
        if choice == "restore":
            assert isinstance(app.screen, HomeScreen)
            assert [s.feeling for s in app.store.all(Statement)] == ["hopeful"]
        else:
            assert isinstance(app.screen, WelcomeScreen)
            (kept,) = [p for p in data_dir.iterdir() if p.name.startswith("closeness.backup-")]
            assert kept.read_bytes() == backup
