"""The I-statement builder: whose words, a feeling, the moment, the need, an optional request;
a live preview in the short or long form, coached as they type. It coaches, never blocks."""

from __future__ import annotations

from string import Template

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.events import DescendantBlur, DescendantFocus
from textual.widget import Widget
from textual.widgets import (
    Button,
    Footer,
    Header,
    Input,
    Label,
    OptionList,
    RadioButton,
    RadioSet,
    Static,
)
from textual.widgets.option_list import Option

from closeness_tui.istatement import (
    PARTS,
    ComplaintDraft,
    Finding,
    Parts,
    compose,
    feeling_words,
    feelings_underneath,
    findings_by_part,
    intensity_name,
    make_statement,
    need_words,
    review_composed,
    search,
    tidy,
)
from closeness_tui.istatement_content import istatement_text
from closeness_tui.models import Statement, StatementForm
from closeness_tui.screens.coaching import finding_lines, marked, part_hint
from closeness_tui.screens.drafting import DraftingScreen
from closeness_tui.screens.text_boxes import LineBox
from closeness_tui.text import LINE_MAX, clean

VOCAB_PARTS = ("feeling", "need")


class VocabInput(LineBox):
    """The feeling and need boxes: Tab or Down goes straight into the word list below (shown
    at once, so a quick Tab never skips past it); Tab again moves on."""

    BINDINGS = [
        Binding(
            "tab",
            "to_list",
            "Word list",
            id="to-list",
            show=False,
            tooltip="Go to the list of words under this box",
        ),
        Binding(
            "down",
            "to_list",
            "Word list",
            id="to-list-down",
            show=False,
            tooltip="Go to the list of words under this box",
        ),
    ]

    def action_to_list(self) -> None:
        vocab = self.screen.query_one(f"#{self.id}-vocab", OptionList)
        if vocab.option_count and any(not o.disabled for o in vocab.options):
            vocab.display = True
            self.screen.set_focus(vocab)  # at once: the next key already goes to the list
        else:
            self.screen.focus_next()


class StatementBuilderScreen(DraftingScreen):
    CSS_PATH = "statement_builder.tcss"
    HELP_TOPIC = "statement_builder"
    BINDINGS = [
        Binding(
            "ctrl+s",
            "save",
            "Save",
            id="save-statement",
            tooltip="Keep this statement with the name of whoever's words they are",
        ),
        Binding(
            "ctrl+l",
            "toggle_form",
            "Short / long",
            id="toggle-form",
            tooltip="Switch between the short and the long form of the sentence",
        ),
    ]

    def __init__(
        self,
        statement: Statement | None = None,
        *,
        draft: ComplaintDraft | None = None,
        complaint: str = "",
        author: int | None = None,
    ) -> None:
        super().__init__()
        self.statement = statement
        self.complaint = statement.complaint if statement else complaint
        self.suggested: dict[str, list[str]] = {"feeling": [], "need": []}
        self._showing: dict[str, tuple[str, tuple[object, ...]]] = {}
        self.initial = Parts()
        self.initial_form: StatementForm = "short"
        self.initial_author = author
        if statement is not None:
            self.initial = Parts(
                statement.feeling, statement.situation, statement.need, statement.request
            )
            self.initial_form = statement.form
            self.initial_author = statement.author
        elif draft is not None:
            self.initial = Parts(situation=draft.situation)
            self.initial_form = "long"
            self.suggested = {"feeling": list(draft.feelings), "need": list(draft.needs)}
        self.note = draft.note if draft is not None and statement is None else ""
        self._vocab_words: dict[str, dict[str, str]] = {"feeling": {}, "need": {}}
        self._saved = (self.initial_author, self.initial, self.initial_form)
        self._warned: set[str] = set()

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        words = istatement_text().screens
        names = self.capp.settings.names
        yield Header()
        with Horizontal(id="columns"):
            with Vertical(id="form-side"):
                with VerticalScroll(id="form-column"):
                    yield Label(Content(words.whose), classes="part-label")
                    with RadioSet(id="whose", compact=True):
                        for seat in (0, 1):
                            yield RadioButton(
                                Content(names[seat]),
                                value=self.initial_author == seat,
                                id=f"seat-{seat}",
                            )
                    for part in PARTS:
                        yield Label(Content(getattr(words, f"{part}_label")), classes="part-label")
                        box = VocabInput if part in VOCAB_PARTS else Input
                        yield box(
                            getattr(self.initial, part),
                            placeholder=getattr(words, f"{part}_placeholder"),
                            id=part,
                            compact=True,
                        )
                        yield Static(
                            Content.styled(getattr(words, f"{part}_hint"), "$text-muted"),
                            id=f"{part}-hint",
                            classes="hint",
                        )
                        if part in VOCAB_PARTS:
                            yield OptionList(id=f"{part}-vocab", classes="vocab", compact=True)
                    yield Label(Content(words.form_label), classes="part-label")
                    forms = istatement_text().forms
                    with RadioSet(id="form", compact=True):
                        for name in ("short", "long"):
                            yield RadioButton(
                                Content(forms[name].title),
                                value=self.initial_form == name,
                                id=f"form-{name}",
                            )
                with Horizontal(id="save-row"):  # outside the scroll: always in view at 80x24
                    yield Button(Content(words.save), id="save", variant="primary", compact=True)
            with VerticalScroll(id="result-column"):
                preview = Static(id="preview")
                preview.border_title = words.preview_label
                yield preview
                yield Static(id="coaching")
                if self.note:
                    complaint, _ = marked(self.complaint)
                    yield Static(
                        Content.assemble((self.note, "italic $text-muted"), "\n\n", complaint),
                        id="draft-note",
                    )
        yield Footer()

    ASKS_BEFORE_LEAVING = True

    def draft_key(self) -> str:
        return f"statement:{self.statement.id if self.statement else 'new'}"

    def on_mount(self) -> None:
        self.sub_title = istatement_text().screens.hub_build
        for part in VOCAB_PARTS:
            self._fill_vocab(part)
        self.refresh_preview()
        first = "feeling" if self.initial_author is not None else None
        if first:
            self.query_one("#feeling", Input).focus()
        else:
            self.query_one("#whose", RadioSet).focus()

    # -- state -----------------------------------------------------------------------------

    def parts(self) -> Parts:
        values = {
            p: clean(self.query_one(f"#{p}", Input).value, LINE_MAX, single_line=True).text
            for p in PARTS
        }
        return Parts(**values)

    @property
    def form(self) -> StatementForm:
        return "long" if self.query_one("#form-long", RadioButton).value else "short"

    @property
    def author(self) -> int | None:
        index = self.query_one("#whose", RadioSet).pressed_index
        return index if index in (0, 1) else None

    def has_unsaved(self) -> bool:
        return (self.author, self.parts(), self.form) != self._saved

    # -- live preview and coaching ---------------------------------------------------------

    def refresh_preview(self) -> None:
        words = istatement_text().screens
        composed = compose(self.parts(), self.form)
        if not composed.text:
            self._show("preview", Content.styled(words.preview_empty, "$text-muted"))
            self._show("coaching", Content(""))
            by_part: dict[str, list[Finding]] = {p: [] for p in PARTS}
        else:
            content, findings = marked(composed.text, review_composed(composed))
            self._show("preview", content)
            self._show(
                "coaching",
                finding_lines(composed.text, findings, clean_note=words.coaching_clean),
            )
            by_part = findings_by_part(composed, findings)
        for part in PARTS:
            self._show(f"{part}-hint", part_hint(by_part[part], getattr(words, f"{part}_hint")))

    def _show(self, static_id: str, content: Content) -> None:
        """Update a line only when what it shows changed (words or styles): this runs on
        every key typed, and each update draws that line again."""
        looks = (content.plain, tuple(content.spans))
        if self._showing.get(static_id) != looks:
            self._showing[static_id] = looks
            self.query_one(f"#{static_id}", Static).update(content)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        cleaned = clean(event.value, LINE_MAX, single_line=True)
        if cleaned.truncated and event.input.id not in self._warned:
            self._warned.add(event.input.id or "")
            self.notify(cleaned.message(LINE_MAX) or "", timeout=8, markup=False)
        if event.input.id in VOCAB_PARTS:
            self._fill_vocab(event.input.id)
        self.refresh_preview()

    @on(RadioSet.Changed)
    def _radio(self, event: RadioSet.Changed) -> None:
        event.stop()
        self.refresh_preview()

    # -- vocabularies ----------------------------------------------------------------------

    def _fill_vocab(self, part: str) -> None:
        words = istatement_text().screens
        query = self.query_one(f"#{part}", Input).value
        vocabulary = feeling_words() if part == "feeling" else need_words()
        found = search(vocabulary, query)
        groups: dict[str, list[tuple[str, int]]] = {}
        under = feelings_underneath(query) if part == "feeling" else None
        if under is not None:  # a judgement typed as a feeling: offer what may lie underneath
            title = Template(words.underneath_family).safe_substitute(word=under[0])
            groups[title] = [(w, 0) for w in under[1]]
        suggested = [w for w in self.suggested[part] if query.strip().lower() in w.lower()]
        if suggested:
            groups[words.suggested_family] = [(w, 0) for w in suggested]
        for w in found:
            groups.setdefault(w.group, []).append((w.word, w.intensity))
        options: list[Option] = []
        ids: dict[str, str] = {}
        for group, members in groups.items():
            options.append(Option(Content.styled(group, "bold $accent"), disabled=True))
            for word, intensity in members:
                oid = f"{part}-{len(ids)}"
                ids[oid] = word
                label = Content.assemble(
                    "  ", word, ("  " + intensity_name(intensity), "$text-muted")
                )
                options.append(Option(label, id=oid))
        if not ids:
            options.append(Option(Content.styled(words.vocab_none, "$text-muted"), disabled=True))
        self._vocab_words[part] = ids
        vocab = self.query_one(f"#{part}-vocab", OptionList)
        vocab.set_options(options)
        if ids:
            vocab.highlighted = next(i for i, o in enumerate(options) if not o.disabled)

    @on(OptionList.OptionSelected, ".vocab")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        part = "feeling" if event.option_list.id == "feeling-vocab" else "need"
        word = self._vocab_words[part].get(event.option.id or "")
        if word is None:
            return
        field = self.query_one(f"#{part}", Input)
        field.value = word
        field.cursor_position = len(word)
        nxt = "situation" if part == "feeling" else "request"
        self.set_focus(self.query_one(f"#{nxt}", Input))

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        self._show_vocab()

    def on_descendant_blur(self, event: DescendantBlur) -> None:
        self.call_after_refresh(self._show_vocab)

    def _show_vocab(self) -> None:
        """A part's list shows while its box or the list itself has focus."""
        focused: Widget | None = self.focused
        focused_id = focused.id if focused is not None else ""
        for part in VOCAB_PARTS:
            shown = focused_id in (part, f"{part}-vocab")
            # Set directly (not by a class), so a Tab pressed at once already finds the list.
            self.query_one(f"#{part}-vocab", OptionList).display = shown

    # -- actions ---------------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()

    def action_toggle_form(self) -> None:
        other = "short" if self.form == "long" else "long"
        self.query_one(f"#form-{other}", RadioButton).value = True

    def action_save(self) -> None:
        words = istatement_text().screens
        author = self.author
        if author is None:
            self.notify(words.whose_first, timeout=5)
            self.query_one("#whose", RadioSet).focus()
            return
        parts = self.parts()
        if not tidy("feeling", parts.feeling):
            self.notify(words.need_feeling, timeout=5)
            self.query_one("#feeling", Input).focus()
            return
        editing = self.statement is not None
        record = make_statement(
            author,
            parts,
            self.form,
            self.capp.clock.now(),
            complaint=self.complaint,
            existing=self.statement,
        )
        if not self.capp.save(record):
            return
        self.drop_draft()
        self.statement = record
        self._saved = (author, parts, self.form)
        name = self.capp.settings.name(author)
        message = words.updated if editing else Template(words.saved).safe_substitute(name=name)
        self.notify(message, timeout=4, markup=False)
