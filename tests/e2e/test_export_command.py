"""`closeness export --json FILE`, run as the installed command on a real data folder."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import msgspec
import pytest

from closeness_tui.models import (
    Answer,
    CheckIn,
    ListeningSession,
    Record,
    Ritual,
    RitualMark,
    Settings,
    Statement,
    Summary,
    Turn,
)
from closeness_tui.store import BACKUP_FILE, DATA_FILE, LOCK_FILE, SCHEMA_VERSION, TABLES, Store

CLOSENESS = Path(sys.executable).parent / "closeness"
NOW = datetime(2026, 11, 21, 19, 30, tzinfo=UTC)
SECRET = "שלום 🌙 the thing I never said [/]"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    assert CLOSENESS.exists(), f"install the package first: {CLOSENESS} is missing"
    return subprocess.run(
        [str(CLOSENESS), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def seed(data_dir: Path) -> list[Record]:
    ritual = Ritual(name="Sunday walk", weekdays=[6], start=date(2026, 11, 22))
    records: list[Record] = [
        Statement(author=0, created_at=NOW, feeling="unseen", text=SECRET),
        Statement(author=1, created_at=NOW, feeling="hopeful", request="walk with me"),
        ListeningSession(
            started_at=NOW,
            names=["Ana", "Ben"],
            turns=[Turn(speaker=0, summaries=[Summary(text="You felt alone", rating="got_it")])],
        ),
        CheckIn(kind="gratitude", created_at=NOW, answers=[Answer(seat=1, prompt="?", text="tea")]),
        ritual,
        RitualMark(ritual_id=ritual.id, occurrence=date(2026, 11, 22)),
    ]
    with Store.open(data_dir) as store:
        store.save_settings(Settings(partner_a="Ana", partner_b="Ben"))
        store.put_many(records)
        records.append(store.settings())
    return records


def check_export(out: Path, records: list[Record]) -> None:
    raw = out.read_bytes()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert raw.startswith(b'{\n  "app": "closeness"')  # indented for a person to read
    assert SECRET.encode() in raw  # readable UTF-8, not \\u escapes
    doc = msgspec.json.decode(raw)
    assert doc["schema"] == SCHEMA_VERSION and doc["exported_at"]
    assert set(TABLES) <= set(doc)
    for rec in records:
        assert msgspec.to_builtins(rec) in doc[rec.TABLE]
    assert sum(len(doc[t]) for t in TABLES) == len(records)


def test_export_writes_every_record_as_private_readable_json(tmp_path):
    data_dir = tmp_path / "data"
    records = seed(data_dir)
    out = tmp_path / "backup.json"
    done = run("--data-dir", str(data_dir), "export", "--json", str(out))
    assert done.returncode == 0, done.stderr
    assert f"Wrote everything to {out}" in done.stdout
    check_export(out, records)
    assert SECRET not in done.stdout + done.stderr


def test_export_reads_the_folder_from_the_environment_and_replaces_an_old_file(tmp_path):
    data_dir = tmp_path / "data"
    records = seed(data_dir)
    out = tmp_path / "backup.json"
    out.write_text("last week's")
    out.chmod(0o644)
    env = {"CLOSENESS_DATA_DIR": str(data_dir)}
    done = run("export", "--json", str(out), "--force", env=env)
    assert done.returncode == 0, done.stderr
    check_export(out, records)


@pytest.mark.parametrize("kind", ["--json", "--markdown", "--ics"])
def test_an_existing_file_is_kept_without_force(tmp_path, kind):
    data_dir = tmp_path / "data"
    seed(data_dir)
    out = tmp_path / "kept.txt"
    out.write_text("last week's")
    done = run("--data-dir", str(data_dir), "export", kind, str(out))
    assert done.returncode == 1
    assert f"{out} already exists, so nothing was written. Add --force" in done.stderr
    assert out.read_text() == "last week's"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "kept.txt"]


def test_one_existing_file_means_nothing_is_written(tmp_path):
    data_dir = tmp_path / "data"
    seed(data_dir)
    (tmp_path / "old.md").write_text("old")
    done = run(
        "--data-dir", str(data_dir), "export", "--json", str(tmp_path / "new.json"),
        "--markdown", str(tmp_path / "old.md"),
    )  # fmt: skip
    assert done.returncode == 1
    assert not (tmp_path / "new.json").exists()
    assert (tmp_path / "old.md").read_text() == "old"


def test_export_works_while_the_app_holds_the_data_and_changes_nothing(tmp_path):
    data_dir = tmp_path / "data"
    records = seed(data_dir)
    out = tmp_path / "while-open.json"
    with Store.open(data_dir) as app_store:  # what a running app holds
        app_store.write_backup()  # the open's own backup, written after the open
        before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in data_dir.iterdir()}
        done = run("--data-dir", str(data_dir), "export", "--json", str(out))
        assert done.returncode == 0, done.stderr
        after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in data_dir.iterdir()}
        assert after == before
        app_store.put(Statement(author=0, created_at=NOW, feeling="still writable"))
    check_export(out, records)


@pytest.mark.parametrize(
    "raw",
    [b"", b'{"_meta": {"1": {"app": "closeness", "sche', b"[]"],
    ids=["empty", "truncated", "wrong-shape"],
)
def test_a_damaged_data_file_gives_a_kind_message_and_exit_1(tmp_path, raw):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / DATA_FILE).write_bytes(raw)
    out = tmp_path / "backup.json"
    done = run("--data-dir", str(data_dir), "export", "--json", str(out))
    assert done.returncode == 1
    assert "needs attention, so nothing was written" in done.stderr
    assert str(data_dir / DATA_FILE) in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()
    assert (data_dir / DATA_FILE).read_bytes() == raw
    assert sorted(p.name for p in data_dir.iterdir()) == [DATA_FILE]


def test_no_format_given_is_exit_2(tmp_path):
    data_dir = tmp_path / "data"
    seed(data_dir)
    done = run("--data-dir", str(data_dir), "export")
    assert done.returncode == 2
    assert "say what to write, for example --json backup.json" in done.stderr


def test_no_data_yet_is_exit_1_and_creates_nothing(tmp_path):
    done = run("--data-dir", str(tmp_path / "none"), "export", "--json", str(tmp_path / "x.json"))
    assert done.returncode == 1
    assert "there is no closeness data" in done.stderr
    assert not (tmp_path / "none").exists() and not (tmp_path / "x.json").exists()


@pytest.mark.parametrize("name", [DATA_FILE, BACKUP_FILE, LOCK_FILE, ".closeness.json.spare"])
def test_export_refuses_to_overwrite_the_data_itself(tmp_path, name):
    data_dir = tmp_path / "data"
    seed(data_dir)
    with Store.open(data_dir):  # makes the backup
        pass
    before = (data_dir / DATA_FILE).read_bytes()
    done = run("--data-dir", str(data_dir), "export", "--json", str(data_dir / name))
    assert done.returncode == 2
    assert "choose another file name" in done.stderr
    assert (data_dir / DATA_FILE).read_bytes() == before
    Store.open(data_dir).close()


def test_a_file_that_cannot_be_written_is_exit_1(tmp_path):
    data_dir = tmp_path / "data"
    seed(data_dir)
    out = tmp_path / "no-such-folder" / "backup.json"
    done = run("--data-dir", str(data_dir), "export", "--json", str(out), "--force")
    assert done.returncode == 1
    assert f"could not write the file {out}: the folder {out.parent} does not exist" in (
        done.stderr
    )
    assert "Traceback" not in done.stderr
    assert ".tmp" not in done.stderr and "Errno" not in done.stderr


def test_a_symlink_to_the_data_file_is_refused(tmp_path):
    data_dir = tmp_path / "data"
    seed(data_dir)
    before = (data_dir / DATA_FILE).read_bytes()
    link = tmp_path / "calendar.ics"
    link.symlink_to(data_dir / DATA_FILE)
    done = run("--data-dir", str(data_dir), "export", "--ics", str(link), "--force")
    assert done.returncode == 2
    assert f"{link} is where closeness keeps your data" in done.stderr
    assert (data_dir / DATA_FILE).read_bytes() == before


def test_a_read_only_folder_is_exit_1_in_plain_words(tmp_path):
    data_dir = tmp_path / "data"
    seed(data_dir)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    immutable = os.geteuid() == 0
    if immutable and subprocess.run(["chattr", "+i", str(locked)]).returncode != 0:
        pytest.skip("running as root without chattr: a read-only folder cannot be made")
    try:
        out = locked / "backup.json"
        done = run("--data-dir", str(data_dir), "export", "--json", str(out))
        assert done.returncode == 1
        assert f"could not write the file {out}: closeness may not write in {locked}" in (
            done.stderr
        )
        assert ".tmp" not in done.stderr and "Errno" not in done.stderr
        assert list(locked.iterdir()) == []
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(locked)], check=True)
        locked.chmod(0o700)


def test_nothing_to_export_says_so_and_writes_nothing(tmp_path):
    data_dir = tmp_path / "data"
    with Store.open(data_dir) as store:
        store.save_settings(Settings(partner_a="Ana", partner_b="Ben"))
    ics, md = tmp_path / "r.ics", tmp_path / "j.md"
    done = run("--data-dir", str(data_dir), "export", "--ics", str(ics))
    assert done.returncode == 1
    assert f"there are no active rituals to export yet, so {ics} was not written" in done.stderr
    done = run("--data-dir", str(data_dir), "export", "--markdown", str(md))
    assert done.returncode == 1
    assert f"the journal has no entries yet, so {md} was not written" in done.stderr
    assert not ics.exists() and not md.exists()


def test_an_empty_journal_range_writes_nothing(tmp_path):
    data_dir = tmp_path / "data"
    seed(data_dir)
    md = tmp_path / "j.md"
    done = run(
        "--data-dir", str(data_dir), "export", "--markdown", str(md),
        "--from", "2001-01-01", "--to", "2001-12-31",
    )  # fmt: skip
    assert done.returncode == 1
    assert "the journal has no entries in those dates" in done.stderr
    assert not md.exists()
    done = run("--data-dir", str(data_dir), "export", "--markdown", str(md))
    assert done.returncode == 0, done.stderr
    assert "Wrote your journal (" in done.stdout and md.exists()
