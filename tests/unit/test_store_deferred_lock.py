"""Opening without waiting for the lock (Store.open(defer_lock=True), the app's first open):
the file is read first and the lock taken after; the store is used only if the file is still
byte for byte what was read, and nothing is written before the lock is held."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import UTC, datetime

import pytest

from closeness_tui import prefetch
from closeness_tui import store as store_mod
from closeness_tui.models import Settings, Statement
from closeness_tui.store import (
    BACKUP_FILE,
    DATA_FILE,
    Store,
    StoreChanged,
    StoreDamaged,
    StoreLocked,
    StoreWriteError,
)

NOW = datetime(2026, 11, 21, 19, 30, tzinfo=UTC)


def _seed(data_dir, *feelings: str) -> None:
    with Store.open(data_dir) as store:
        store.save_settings(Settings(partner_a="Ana", partner_b="Ben"))
        store.put_many(Statement(author=0, created_at=NOW, feeling=f) for f in feelings)


def _open_pending(data_dir) -> Store:
    store = Store.open(data_dir, defer_checks=True, defer_lock=True)
    assert store.lock_pending
    return store


def _settled(other: Store) -> Store:
    """`other`, once the backup it takes on opening is written (in the background)."""
    if other._backup_thread is not None:
        other._backup_thread.join()
    return other


def _snapshot(data_dir) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(data_dir.iterdir()) if p.is_file()}


def test_it_reads_before_the_lock_and_confirming_takes_it(data_dir):
    _seed(data_dir, "calm")
    store = _open_pending(data_dir)
    assert store.settings().names == ("Ana", "Ben")
    assert [s.feeling for s in store.all(Statement)] == ["calm"]
    Store.open(data_dir).close()  # nobody holds the lock yet
    store.confirm_lock()
    assert not store.lock_pending
    with pytest.raises(StoreLocked):
        Store.open(data_dir)
    store.confirm_lock()  # a second time changes nothing
    store.close()
    Store.open(data_dir).close()


@pytest.mark.parametrize("first", ["confirm", "write"])
def test_another_copy_open_is_found_before_anything_is_written(data_dir, first):
    _seed(data_dir, "calm")
    store = _open_pending(data_dir)
    with Store.open(data_dir) as other:
        _settled(other)
        before = _snapshot(data_dir)
        with pytest.raises(StoreLocked):
            if first == "confirm":
                store.confirm_lock()
            else:  # a first write confirms the lock itself
                store.put(Statement(author=1, created_at=NOW, feeling="mine"))
        with pytest.raises(StoreWriteError):  # and the store stays closed
            store.put(Statement(author=1, created_at=NOW, feeling="mine"))
        store.close()
        assert _snapshot(data_dir) == before
        other.put(Statement(author=0, created_at=NOW, feeling="still theirs"))


def test_a_save_by_another_copy_between_the_read_and_the_lock_is_caught(data_dir):
    _seed(data_dir, "calm")
    store = _open_pending(data_dir)
    with Store.open(data_dir) as other:  # started, saved and closed meanwhile
        other.put(Statement(author=1, created_at=NOW, feeling="theirs"))
    after_other = (data_dir / DATA_FILE).read_bytes()
    with pytest.raises(StoreChanged):
        store.confirm_lock()
    with pytest.raises(StoreWriteError):
        store.put(Statement(author=0, created_at=NOW, feeling="stale"))
    store.close()
    assert (data_dir / DATA_FILE).read_bytes() == after_other
    with Store.open(data_dir) as again:  # the lock was let go; opening again sees both
        assert sorted(s.feeling for s in again.all(Statement)) == ["calm", "theirs"]


def test_the_first_write_takes_the_lock_first(data_dir):
    _seed(data_dir, "calm")
    store = _open_pending(data_dir)
    store.put(Statement(author=1, created_at=NOW, feeling="new"))
    assert not store.lock_pending
    with pytest.raises(StoreLocked):
        Store.open(data_dir)
    store.close()
    with Store.open(data_dir) as again:
        assert sorted(s.feeling for s in again.all(Statement)) == ["calm", "new"]


def test_no_backup_is_written_before_the_lock(data_dir):
    _seed(data_dir, "calm")
    (data_dir / BACKUP_FILE).unlink(missing_ok=True)
    store = _open_pending(data_dir)
    store.check_all()
    assert not (data_dir / BACKUP_FILE).exists()
    store.confirm_lock()
    store.close()  # (waits for the backup it started)
    assert (data_dir / BACKUP_FILE).read_bytes() == (data_dir / DATA_FILE).read_bytes()


def test_a_missing_file_is_created_under_the_lock(data_dir):
    store = Store.open(data_dir, defer_checks=True, defer_lock=True)
    assert not store.lock_pending
    assert (data_dir / DATA_FILE).exists()
    with pytest.raises(StoreLocked):
        Store.open(data_dir)
    store.close()


def test_a_damaged_file_is_judged_under_the_lock(data_dir):
    _seed(data_dir)
    (data_dir / DATA_FILE).write_bytes(b'{"_meta": {"1": ')
    with pytest.raises(StoreDamaged) as info:
        Store.open(data_dir, defer_checks=True, defer_lock=True)
    assert info.value.problem == "not_json"
    with store_mod._holding_lock(data_dir), pytest.raises(StoreLocked):  # judged locked
        Store.open(data_dir, defer_checks=True, defer_lock=True)


def test_reading_for_the_first_screen_does_not_load_the_lock_library(data_dir):
    _seed(data_dir, "calm")
    script = textwrap.dedent(
        """
        import sys
        from closeness_tui.store import Store
        store = Store.open(sys.argv[1], defer_checks=True, defer_lock=True)
        print("filelock" in sys.modules)
        store.confirm_lock()
        print("filelock" in sys.modules)
        store.close()
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(data_dir)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]


# -- the read made on another core while the app's libraries load (closeness_tui.prefetch) --


def test_a_prefetched_read_is_handed_out_once(tmp_path):
    path = tmp_path / "file.json"
    path.write_bytes(b'{"a": "[/]"}')
    prefetch.start(path)
    prefetch.start(path)  # asked twice: still one read
    assert prefetch.take(path) == b'{"a": "[/]"}'
    assert prefetch.take(path) is None
    assert prefetch.take(tmp_path / "never asked") is None
    prefetch.start(tmp_path / "missing.json")
    assert prefetch.take(tmp_path / "missing.json") is None


def test_opening_uses_the_prefetched_read(data_dir, monkeypatch):
    _seed(data_dir, "calm")
    Store.prefetch(data_dir)  # (its thread reads with open(), not Path.read_bytes)
    real_read_bytes = type(data_dir).read_bytes
    reads = []

    def counting_read_bytes(self):
        reads.append(self.name)
        return real_read_bytes(self)

    monkeypatch.setattr(type(data_dir), "read_bytes", counting_read_bytes)
    store = Store.open(data_dir, defer_checks=True, defer_lock=True)
    assert reads == []  # the data came from the read made in the background
    assert [s.feeling for s in store.all(Statement)] == ["calm"]
    store.confirm_lock()
    assert reads == [DATA_FILE]  # and was proved against a read under the lock
    store.close()


def test_a_prefetched_read_gone_stale_before_the_lock_is_caught(data_dir):
    _seed(data_dir, "calm")
    Store.prefetch(data_dir)  # read now ...
    prefetch._reads[str(data_dir / DATA_FILE)].join()
    with Store.open(data_dir) as other:  # ... another copy saves before this one opens
        other.put(Statement(author=1, created_at=NOW, feeling="theirs"))
    store = Store.open(data_dir, defer_checks=True, defer_lock=True)
    assert [s.feeling for s in store.all(Statement)] == ["calm"]  # the stale read
    with pytest.raises(StoreChanged):
        store.confirm_lock()
    store.close()


def test_the_command_reads_ahead_the_file_the_app_then_opens(data_dir, monkeypatch):
    """`closeness` starts the read before loading the app, and the app's open takes it (the
    same path on both sides), so no read is left behind."""
    import gc

    from closeness_tui import app as app_module
    from closeness_tui import cli

    _seed(data_dir, "calm")
    seen = []

    class OpensLikeTheApp:
        return_code = 0
        resume_gc_after_first_frame = False

        def run(self) -> None:
            seen.append(list(prefetch._reads))
            Store.open(data_dir, defer_checks=True, defer_lock=True).close()
            seen.append(list(prefetch._reads))

    monkeypatch.setattr(app_module, "make_app", lambda directory: OpensLikeTheApp())
    try:
        with pytest.raises(SystemExit) as done:
            cli.main(["--data-dir", str(data_dir)])
    finally:
        gc.enable()  # (main pauses GC until the app's first frame)
    assert done.value.code == 0
    assert seen == [[str(data_dir / DATA_FILE)], []]
