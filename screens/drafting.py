"""The one way a screen keeps what is typed into its boxes (see closeness_tui.drafts).

A screen that holds typed text subclasses `DraftingScreen` and says what its words belong
to with `draft_key()`. Then, with nothing more to write:

- every Input and TextArea with an id is kept as a draft a moment after each change;
- the draft is written at once when the screen is covered (help, a dialog, the palette),
  left, or unmounted, and when the app quits or is signalled (`ClosenessApp.flush_drafts`);
- when the screen is mounted again for the same key, the kept words are put back.

Once the words have gone into their own record the screen calls `drop_draft()`.
"""

from __future__ import annotations

from textual import on
from textual.timer import Timer
from textual.widgets import Input, TextArea

from closeness_tui import drafts
from closeness_tui.models import Draft
from closeness_tui.screens.base import ClosenessScreen

DRAFT_DELAY = 0.3  # seconds of quiet typing before the draft is written (every exit flushes it)


class DraftingScreen(ClosenessScreen):
    """A screen whose boxes are kept as a draft, flushed on every way out."""

    def draft_key(self) -> str:
        """What the words on this screen belong to ("" keeps no draft)."""
        return ""

    def draft_fields(self) -> dict[str, str]:
        """Every box on the screen, by id."""
        fields: dict[str, str] = {}
        for box in self.query(Input):
            if box.id:
                fields[box.id] = box.value
        for area in self.query(TextArea):
            if area.id:
                fields[area.id] = area.text
        return fields

    def set_draft_field(self, name: str, text: str) -> None:
        # The cursor goes to the end of the words put back, where a person carries on typing.
        for box in self.query(Input):
            if box.id == name:
                box.value = text
                box.cursor_position = len(text)
                return
        for area in self.query(TextArea):
            if area.id == name:
                area.text = text
                area.move_cursor(area.document.end)
                return

    # -- keeping ----------------------------------------------------------------------------

    _draft_timer: Timer | None = None
    _draft_written: dict[str, str] | None = None  # what the file holds for this key
    _draft_baseline: dict[str, str] | None = None  # the boxes as filled from saved records
    _draft_stopped: bool = False

    def restore_draft(self) -> bool:
        """Put kept words back into the boxes; True when something came back."""
        shown = self.draft_fields()
        self._draft_baseline = dict(shown)
        saved = drafts.load(self.capp.store, self.draft_key())
        self._draft_written = dict(saved) if saved else dict(shown)
        back = drafts.restorable(saved, shown)
        for name, text in back.items():
            self.set_draft_field(name, text)
        return bool(back)

    def flush_draft(self) -> None:
        """Write the draft now (or remove it when the boxes are back as saved)."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        key = self.draft_key()
        if self._draft_stopped or not key or self._draft_baseline is None:
            return
        if not self.is_attached or self.capp.store is None:
            return
        fields = self.draft_fields()
        if set(fields) != set(self._draft_baseline):
            return  # the boxes are already being taken down: what was written stands
        if fields == self._draft_written:
            return
        draft = None
        if fields != self._draft_baseline:
            draft = drafts.make_draft(key, fields, self.capp.clock.now())
        self.before_draft_saved()
        if draft is not None:
            saved = self.capp.save(draft)
        elif self.capp.store.get(Draft, drafts.draft_id(key)) is not None:
            saved = self.capp.delete(Draft, drafts.draft_id(key))
        else:
            saved = True
        if saved:
            self._draft_written = fields

    def before_draft_saved(self) -> None:
        """A hook: make sure what the draft belongs to is saved too (a new check-in)."""

    def drop_draft(self, *, stop: bool = False, key: str | None = None) -> None:
        """The words are kept in their own record now: forget the draft. With `stop`, keep
        no further draft on this screen (it is about to go). `key`: the draft's key as it
        was before the words were taken (taking them may change what the key names)."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        key = self.draft_key() if key is None else key
        if key and self.capp.store is not None:
            if self.capp.store.get(Draft, drafts.draft_id(key)) is not None:
                self.capp.delete(Draft, drafts.draft_id(key))
        if self.is_attached:
            self._draft_baseline = self.draft_fields()
            self._draft_written = dict(self._draft_baseline)
        self._draft_stopped = stop

    # Screens whose other choices (switches, lists) are not kept as a draft still ask before
    # leaving; "leave without saving" then lets the typed words go too, on purpose.
    ASKS_BEFORE_LEAVING = False

    def has_unsaved(self) -> bool:
        """Leaving never loses words here: they are written as a draft first."""
        self.flush_draft()
        return False

    def go_back(self) -> None:
        if self.ASKS_BEFORE_LEAVING and self.has_unsaved():
            self.drop_draft(stop=True)  # they chose to leave without saving
        super().go_back()

    # -- events ------------------------------------------------------------------------------

    def on_mount(self) -> None:
        # Runs after the screen's own on_mount (Textual calls each class's handler, the
        # most derived first), so the boxes hold what was saved before drafts come back.
        self.restore_draft()

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _typed_into_box(self) -> None:
        if self._draft_baseline is None or self._draft_stopped:
            return
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_DELAY, self.flush_draft)

    def on_screen_suspend(self) -> None:
        self.flush_draft()

    def on_unmount(self) -> None:
        self.flush_draft()
