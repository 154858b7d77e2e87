"""The cache of parsed content: a start reads what each content file parsed to last time,
the file's exact text decides whether an entry counts, and nothing wrong with the cache ever
changes what the app shows or stops it."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import msgspec
import pytest

from closeness_tui import content, parse_cache
from closeness_tui.apptext import AppText
from closeness_tui.content import CONTENT_DIR, REGISTRY, ContentError, parse, schema_for


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache" / "content"
    monkeypatch.setenv(parse_cache.ENV_CACHE_DIR, str(folder))
    return folder


def _app_toml() -> str:
    return (CONTENT_DIR / "app.toml").read_text("utf-8")


def test_a_parsed_file_is_kept_privately_and_read_back_the_same(cache):
    text = _app_toml()
    first = parse("app.toml", text, AppText)
    (entry,) = cache.iterdir()
    assert entry.name == parse_cache.entry_name("app.toml")
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert parse_cache.get("app.toml", text) is not None
    assert parse("app.toml", text, AppText) == first


def test_the_second_parse_does_not_read_toml(cache, monkeypatch):
    text = _app_toml()
    expected = parse("app.toml", text, AppText)

    def no_toml(filename, text):
        raise AssertionError("TOML parsed again although the cache had it")

    monkeypatch.setattr(content, "_toml", no_toml)
    assert parse("app.toml", text, AppText) == expected


def test_every_content_file_reads_back_from_the_cache_as_it_parses(cache, monkeypatch):
    for filename in REGISTRY:
        text = (CONTENT_DIR / filename).read_text("utf-8")
        schema = schema_for(filename)
        fresh = parse(filename, text, schema)
        assert parse_cache.get(filename, text) is not None, filename
        assert parse(filename, text, schema) == fresh, filename


def test_an_edited_file_misses_and_its_old_entry_goes(cache):
    text = _app_toml()
    parse("app.toml", text, AppText)
    edited = text.replace("What would you like to do together?", "What shall we do?")
    assert edited != text
    assert parse_cache.get("app.toml", edited) is None
    result = parse("app.toml", edited, AppText)
    assert result.home.subtitle == "What shall we do?"
    assert [p.name for p in cache.iterdir()] == [parse_cache.entry_name("app.toml")]
    assert parse_cache.get("app.toml", text) is None  # the entry now holds the edited text


@pytest.mark.parametrize(
    "damage", [b"", b"{not json", b"[1, 2]", b'{"home": 3}', b"\xff\xfe", b'{"a": "[/]"}']
)
def test_a_damaged_entry_is_ignored_and_the_file_decides(cache, damage):
    text = _app_toml()
    expected = parse("app.toml", text, AppText)
    (cache / parse_cache.entry_name("app.toml")).write_bytes(damage)
    assert parse("app.toml", text, AppText) == expected
    # and the entry is good again afterwards
    assert msgspec.convert(parse_cache.get("app.toml", text), AppText) == expected


def test_a_broken_file_is_still_an_error_naming_file_and_key(cache):
    text = _app_toml()
    parse("app.toml", text, AppText)
    broken = text.replace('subtitle = "', "subtitle = 3 #", 1)
    with pytest.raises(ContentError) as caught:
        parse("app.toml", broken, AppText)
    assert "content/app.toml" in str(caught.value) and "subtitle" in caught.value.key
    assert parse_cache.get("app.toml", broken) is None  # what failed is never kept
    with pytest.raises(ContentError, match="not valid TOML"):
        parse("app.toml", "[home\n", AppText)


def test_dates_do_not_survive_json_so_such_a_file_is_not_cached(cache):
    parse_cache.put("x.toml", "when = 2026-11-21", {"when": __import__("datetime").date.today()})
    assert not cache.exists() or not any(cache.iterdir())


def test_a_cache_path_that_is_a_file_changes_nothing(cache):
    cache.parent.mkdir(parents=True)
    cache.write_text("not a folder")
    text = _app_toml()
    assert parse("app.toml", text, AppText).home.subtitle
    assert cache.read_text() == "not a folder"


def test_an_entry_is_named_for_the_file_and_the_python_and_holds_the_exact_text(cache):
    name = parse_cache.entry_name("app.toml")
    assert f"py{sys.version_info[0]}{sys.version_info[1]}" in name
    assert name != parse_cache.entry_name("rituals.toml")
    parse_cache.put("app.toml", "a = 1", {"a": 1})
    assert parse_cache.get("app.toml", "a = 1") == {"a": 1}
    for other in ("a = 1 ", "a = 2", "a = 1\r\n", "A = 1"):
        assert parse_cache.get("app.toml", other) is None, other
    assert parse_cache.get("rituals.toml", "a = 1") is None


def test_entries_of_the_older_hashed_kind_are_removed(cache):
    cache.mkdir(parents=True)
    old = cache / f"app.toml.py{sys.version_info[0]}{sys.version_info[1]}.0123abcd.json"
    old.write_bytes(b'{"home": {}}')
    parse("app.toml", _app_toml(), AppText)
    assert [p.name for p in cache.iterdir()] == [parse_cache.entry_name("app.toml")]


def test_without_the_variable_the_cache_lives_in_the_user_cache_folder(monkeypatch):
    monkeypatch.delenv(parse_cache.ENV_CACHE_DIR, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere/cache")
    if sys.platform.startswith("linux"):
        assert parse_cache.cache_dir() == Path("/somewhere/cache/closeness/content")
    else:
        assert parse_cache.cache_dir().parts[-2:] == ("closeness", "content")
