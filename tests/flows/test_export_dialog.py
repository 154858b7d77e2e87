"""The in-app calendar export: never over the data file, asks before replacing a file,
says in plain words why a file could not be written, and writes nothing when empty."""

from __future__ import annotations

from conftest import notices
from test_rituals_flow import add_from_template, open_planner
from textual.widgets import Button, Input

from closeness_tui.screens.dialogs import ConfirmDialog
from closeness_tui.screens.ritual_widgets import ExportDialog
from closeness_tui.screens.rituals import RitualsScreen
from closeness_tui.store import DATA_FILE


async def export_to(pilot, path: str) -> None:  # type: ignore[no-untyped-def]
    app = pilot.app
    app.screen.query_one("#ritual-export-button", Button).press()
    await pilot.pause()
    assert isinstance(app.screen, ExportDialog)
    app.screen.query_one("#export-path", Input).value = path
    await pilot.press("enter")
    await pilot.pause()


def said(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(str(n.message) for n in notices(app))


async def test_an_existing_file_is_replaced_only_when_the_couple_says_so(named_app, tmp_path):
    app = named_app
    target = tmp_path / "calendar.ics"
    target.write_text("last year's calendar")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_planner(pilot)
        await add_from_template(pilot, "date")
        await export_to(pilot, str(target))
        assert isinstance(app.screen, ConfirmDialog)
        assert str(target) in app.screen.message.plain
        await pilot.click("#no")  # Keep it
        await pilot.pause()
        assert isinstance(app.screen, RitualsScreen)
        assert target.read_text() == "last year's calendar"
        await export_to(pilot, str(target))
        await pilot.click("#yes")  # Replace it
        await pilot.pause()
        assert isinstance(app.screen, RitualsScreen)
        assert f"Saved your rituals to {target}" in said(app)
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")


async def test_the_data_file_is_never_a_target(named_app, data_dir, tmp_path):
    app = named_app
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_planner(pilot)
        await add_from_template(pilot, "date")
        before = (data_dir / DATA_FILE).read_bytes()
        for path in (data_dir / DATA_FILE, data_dir / "sub" / ".." / DATA_FILE):
            await export_to(pilot, str(path))
            assert isinstance(app.screen, RitualsScreen)  # no "replace it?" either
            assert f"{path} is where closeness keeps your own data" in said(app)
        assert (data_dir / DATA_FILE).read_bytes() == before
        link = tmp_path / "innocent.ics"
        link.symlink_to(data_dir / DATA_FILE)
        await export_to(pilot, str(link))
        assert f"{link} is where closeness keeps your own data" in said(app)
        assert (data_dir / DATA_FILE).read_bytes() == before


async def test_a_missing_folder_is_named_in_plain_words(named_app, tmp_path):
    app = named_app
    target = tmp_path / "nowhere" / "calendar.ics"
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_planner(pilot)
        await add_from_template(pilot, "date")
        await export_to(pilot, str(target))
        words = said(app)
        assert f"the folder {target.parent} does not exist" in words
        assert ".tmp" not in words and "Errno" not in words
    assert not target.parent.exists()


async def test_no_active_rituals_writes_nothing(named_app, tmp_path):
    app = named_app
    target = tmp_path / "calendar.ics"
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_planner(pilot)
        await export_to(pilot, str(target))
        assert "no active rituals to export yet, so no file was written" in said(app)
    assert not target.exists()
