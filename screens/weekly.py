"""The weekly relationship check-in: a guided agenda, saved step by step.

Last week's promises (looked back on without blame) -> appreciations -> what went well ->
one issue, if any (a listening session on it, returning here) -> "What can I do to make
you feel loved this coming week?" (the answers become promises) -> goals -> done.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import (
    Button,
    ContentSwitcher,
    Footer,
    Header,
    Input,
    Label,
    OptionList,
    Static,
    TextArea,
)
from textual.widgets.option_list import Option

from closeness_tui.checkins import (
    APPRECIATION,
    GOAL_PERSONAL,
    GOAL_SHARED,
    GOAL_SUPPORT,
    KEPT,
    NOT_YET,
    PARTLY,
    WEEKLY,
    WENT_WELL,
    answers_from_lines,
    asked_text,
    carried_promises,
    cycle_status,
    goals_to_review,
    joined,
    lines,
    linked_session,
    lookback,
    needs_nudge,
    next_step,
    previous_step,
    previous_weekly,
    promises_from,
    replace_part,
    weekly_steps,
)
from closeness_tui.checkins_text import checkins_text
from closeness_tui.fight_promises import FightPromise
from closeness_tui.goal_prompts import with_name
from closeness_tui.listening import is_unfinished
from closeness_tui.models import BOTH, CheckIn, ListeningSession, PromiseReview
from closeness_tui.screens.checkin_saving import finish, save_step
from closeness_tui.screens.drafting import DraftingScreen
from closeness_tui.screens.profile_hints import loved_hint
from closeness_tui.screens.text_boxes import LineBox, TextBox
from closeness_tui.screens.weekly_solve import (
    fight_promises,
    open_solve,
    solve_button,
    solve_due,
)
from closeness_tui.text import LINE_MAX, TEXT_MAX, clean, safe_template

TWO_COLUMN_PARTS = {"appreciations": APPRECIATION, "went_well": WENT_WELL}


class WeeklyScreen(DraftingScreen):
    CSS_PATH = "weekly.tcss"
    HELP_TOPIC = "weekly"
    BINDINGS = [
        Binding(
            "ctrl+s",
            "next",
            "Continue",
            id="weekly-next",
            tooltip="Keep this step and go on (every step is saved)",
        ),
        Binding(
            "ctrl+s",
            "finish",
            "Finish",
            id="weekly-finish",
            tooltip="Keep the whole check-in (the footer says what the button says)",
        ),
        Binding(
            "ctrl+b",
            "step_back",
            "Step back",
            id="weekly-back-step",
            tooltip="Go back one step (what is written here is kept)",
        ),
        Binding(
            "k",
            "review('kept')",
            "Kept",
            id="review-kept",
            tooltip="Mark a promise kept",
            show=False,  # the look-back shows its own key hint
        ),
        Binding(
            "p",
            "review('partly')",
            "Partly",
            id="review-partly",
            tooltip="Mark a promise partly kept",
            show=False,
        ),
        Binding(
            "n",
            "review('not_yet')",
            "Not yet",
            id="review-not-yet",
            tooltip="Mark a promise not kept yet (it can carry on)",
            show=False,
        ),
    ]

    def __init__(self, checkin: CheckIn | None = None) -> None:
        super().__init__()
        self.resumed = checkin is not None
        self.checkin = checkin
        self.previous: CheckIn | None = None
        self.steps: list[str] = []
        self.step = ""
        self.review: dict[str, PromiseReview] = {}
        self.fight_promises: list[FightPromise] = []

    # -- layout ------------------------------------------------------------------------------

    def _prepare(self) -> None:
        store = self.capp.store
        if self.checkin is None:
            self.checkin = CheckIn(kind=WEEKLY, created_at=self.capp.clock.now(), status="active")
        everything = store.all(CheckIn) if store else []
        self.previous = previous_weekly(everything, self.checkin.created_at, self.checkin.id)
        self.fight_promises = fight_promises(self.capp, everything, self.checkin)
        has_promises = bool(self.previous and self.previous.promises) or bool(self.fight_promises)
        self.steps = weekly_steps(has_promises)
        self.step = self.checkin.step if self.checkin.step in self.steps else self.steps[0]
        self.review = dict(self.checkin.promise_review)

    def compose(self) -> ComposeResult:
        self._prepare()
        text = checkins_text().weekly
        names = self.capp.settings.names
        yield Header()
        yield Static(id="weekly-title", classes="title")
        yield Static(
            Content.assemble(text.intro, " ", text.back_hint), id="weekly-intro", classes="muted"
        )
        with ContentSwitcher(initial=self.step, id="agenda"):
            if "lookback" in self.steps:
                with VerticalScroll(id="lookback", classes="step"):
                    yield Static(Content(text.lookback.intro), classes="intro")
                    yield Static(Content(text.lookback.keys), classes="muted")
                    yield OptionList(id="promises")
                    yield self._next_button("lookback")
            for step, part in TWO_COLUMN_PARTS.items():
                words = getattr(text, step)
                with VerticalScroll(id=step, classes="step"):
                    yield Static(Content(words.intro), classes="intro")
                    with Horizontal(classes="columns"):
                        for seat in (0, 1):
                            with Vertical(classes="column"):
                                yield Label(safe_template(words.label, name=names[seat]))
                                yield TextBox(id=f"{part}-{seat}", placeholder=words.placeholder)
                    if part == APPRECIATION:
                        yield Static(id="appreciation-nudge", classes="gentle")
                    yield self._next_button(step)
            with VerticalScroll(id="issue", classes="step"):
                yield Static(Content(text.issue.intro), classes="intro")
                yield Label(Content(text.issue.topic_label))
                yield LineBox(
                    id="issue-topic", placeholder=text.issue.topic_placeholder, max_length=LINE_MAX
                )
                with Horizontal(classes="buttons"):
                    yield Button(Content(text.issue.talk_label), id="talk", variant="primary")
                    yield from solve_button()
                    yield Button(Content(text.issue.skip_label), id="skip")
                yield Static(id="issue-note", classes="gentle")
                yield from solve_due(self.capp)
            with VerticalScroll(id="loved", classes="step"):
                yield Static(Content(text.loved.question), classes="question")
                yield Static(Content(text.loved.intro), classes="intro")
                with Horizontal(classes="columns"):
                    for seat in (0, 1):
                        with Vertical(classes="column"):
                            yield Label(
                                safe_template(
                                    text.loved.label, name=names[seat], other=names[1 - seat]
                                )
                            )
                            yield loved_hint(self.capp, seat)  # their ranking (profiles)
                            yield TextBox(id=f"loved-{seat}", placeholder=text.loved.placeholder)
                yield Static(id="loved-carried", classes="gentle")
                yield self._next_button("loved")
            with VerticalScroll(id="goals", classes="step"):
                yield Static(Content(text.goals.intro), classes="intro", id="goals-intro")
                yield Label(Content(text.goals.shared_label))
                yield TextBox(id="goal-shared", placeholder=text.goals.placeholder)
                with Horizontal(classes="columns"):
                    for seat in (0, 1):
                        with Vertical(classes="column"):
                            yield Label(safe_template(text.goals.personal_label, name=names[seat]))
                            yield TextBox(
                                id=f"goal-personal-{seat}", placeholder=text.goals.placeholder
                            )
                with Horizontal(classes="columns"):
                    for seat in (0, 1):
                        with Vertical(classes="column"):
                            yield Label(
                                safe_template(
                                    text.goals.support_label,
                                    name=names[seat],
                                    other=names[1 - seat],
                                )
                            )
                            yield TextBox(
                                id=f"goal-support-{seat}", placeholder=text.goals.placeholder
                            )
                yield self._next_button("goals")
            with VerticalScroll(id="done", classes="step"):
                yield Static(Content(text.done.intro), classes="intro")
                yield Static(id="promise-list")
                yield Button(Content(text.finish_label), id="finish", variant="primary")
        yield Footer()

    @staticmethod
    def _next_button(step: str) -> Button:
        label = checkins_text().weekly.continue_label
        return Button(Content(label), id=f"next-{step}", classes="next", variant="primary")

    def draft_key(self) -> str:
        return f"weekly:{self.checkin.id}" if self.checkin is not None else ""

    def before_draft_saved(self) -> None:
        """Words typed into a weekly nobody has saved yet: save the weekly too, so that it
        is offered again (with its draft) after a restart."""
        c = self.checkin
        if c is not None and self.capp.store is not None:
            if self.capp.store.get(CheckIn, c.id) is None:
                save_step(self.capp, c, self.step)

    def on_mount(self) -> None:
        self._fill()
        self._relink()
        if self.resumed:
            self.notify(checkins_text().weekly.resumed, timeout=4)
        self._show()

    def _fill(self) -> None:
        """Put what is already saved (or last week's goals, to review) into the boxes."""
        c = self.checkin
        assert c is not None
        for part in TWO_COLUMN_PARTS.values():
            for seat in (0, 1):
                self.query_one(f"#{part}-{seat}", TextArea).text = joined(c.answers, seat, part)
        self.query_one("#issue-topic", Input).value = c.issue
        for seat in (0, 1):
            self.query_one(f"#loved-{seat}", TextArea).text = asked_text(c.promises, seat)
        has_goals = any(a.part in (GOAL_SHARED, GOAL_PERSONAL) for a in c.answers)
        if has_goals or c.step == "done":
            goals = {
                (GOAL_SHARED, BOTH): joined(c.answers, BOTH, GOAL_SHARED),
                (GOAL_PERSONAL, 0): joined(c.answers, 0, GOAL_PERSONAL),
                (GOAL_PERSONAL, 1): joined(c.answers, 1, GOAL_PERSONAL),
                (GOAL_SUPPORT, 0): joined(c.answers, 0, GOAL_SUPPORT),
                (GOAL_SUPPORT, 1): joined(c.answers, 1, GOAL_SUPPORT),
            }
        else:
            goals = goals_to_review(self.previous)
            if any(goals.values()):
                words = checkins_text().weekly.goals
                intro = self.query_one("#goals-intro", Static)
                intro.update(Content(f"{words.intro} {words.from_last_week}"))
        self.query_one("#goal-shared", TextArea).text = goals.get((GOAL_SHARED, BOTH), "")
        for seat in (0, 1):
            box = self.query_one(f"#goal-personal-{seat}", TextArea)
            box.text = goals.get((GOAL_PERSONAL, seat), "")
            support = self.query_one(f"#goal-support-{seat}", TextArea)
            support.text = goals.get((GOAL_SUPPORT, seat), "")
        if "lookback" in self.steps:
            self._fill_lookback()

    def _fill_lookback(self, keep: int | None = None) -> None:
        words = checkins_text().weekly.lookback
        names = self.capp.settings.names
        status_words: dict[str, str] = {
            KEPT: words.kept,
            PARTLY: words.partly,
            NOT_YET: words.not_yet,
        }
        options = []
        for item in lookback(self.previous, self.review):
            line = safe_template(
                words.line, name=names[item.seat], asker=names[1 - item.seat], promise=item.text
            )
            status = status_words.get(item.status, words.unmarked)
            style = "bold $success" if item.status else "dim"
            options.append(
                Option(Content.assemble(line, "\n  ", (status, style)), id=str(item.index))
            )
        for fight in self.fight_promises:  # after a fight: "one thing I will do differently"
            line = safe_template(
                words.fight_line,
                name=names[fight.seat],
                day=fight.day.strftime("%a %d %b"),
                promise=fight.text,
            )
            status = self.review.get(fight.key, "")
            style = "bold $success" if status else "dim"
            label = status_words.get(status, words.unmarked)
            options.append(Option(Content.assemble(line, "\n  ", (label, style)), id=fight.key))
        promises = self.query_one("#promises", OptionList)
        promises.set_options(options)
        if options:
            promises.highlighted = keep if keep is not None else 0

    def _show(self) -> None:
        text = checkins_text().weekly
        headings = {
            "lookback": text.lookback.heading,
            "appreciations": text.appreciations.heading,
            "went_well": text.went_well.heading,
            "issue": text.issue.heading,
            "loved": text.loved.heading,
            "goals": text.goals.heading,
            "done": text.done.heading,
        }
        n = self.steps.index(self.step) + 1
        title = Content.from_markup(
            text.step_title,
            title=text.title,
            heading=headings[self.step],
            n=str(n),
            total=str(len(self.steps)),
        )
        self.query_one("#weekly-title", Static).update(title)
        if self.step == "done":
            self._fill_done()
        if self.step == "loved":
            self._carry_promises()
        self.query_one("#weekly-intro").display = self.step == self.steps[0]
        self.query_one("#agenda", ContentSwitcher).current = self.step
        self.refresh_bindings()
        focus = {
            "lookback": "#promises",
            "appreciations": f"#{APPRECIATION}-0",
            "went_well": f"#{WENT_WELL}-0",
            "issue": "#issue-topic",
            "loved": "#loved-0",
            "goals": "#goal-shared",
            "done": "#finish",
        }[self.step]
        self.query_one(focus).focus()

    def _carry_promises(self) -> None:
        """Promises not yet kept last week come back, pre-filled and editable, unless this
        week's answers are already written."""
        c = self.checkin
        note = self.query_one("#loved-carried", Static)
        boxes = [self.query_one(f"#loved-{seat}", TextArea) for seat in (0, 1)]
        if c is None or c.promises or any(box.text.strip() for box in boxes):
            return
        carried = carried_promises(self.previous, self.review)
        for seat, text in carried.items():
            boxes[seat].text = text
        note.update(Content(checkins_text().weekly.loved.carried) if carried else Content(""))

    def _fill_done(self) -> None:
        words = checkins_text().weekly.done
        names = self.capp.settings.names
        promises = self.checkin.promises if self.checkin else []
        if not promises:
            content = Content(words.none)
        else:
            content = Content("\n").join(
                safe_template(
                    words.line, name=names[p.seat], asker=names[1 - p.seat], promise=p.text
                )
                for p in promises
            )
        self.query_one("#promise-list", Static).update(content)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """A gentle nudge toward specifics when an appreciation is vague."""
        if not (event.text_area.id or "").startswith(f"{APPRECIATION}-"):
            return
        words = checkins_text().gratitude
        vague = any(
            needs_nudge(line, words.vague_words, words.min_words)
            for seat in (0, 1)
            for line in lines(self.query_one(f"#{APPRECIATION}-{seat}", TextArea).text)
        )
        self.query_one("#appreciation-nudge", Static).update(
            Content(words.nudge) if vague else Content("")
        )

    # -- the look-back -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "review":
            return self.step == "lookback"
        if action == "step_back":
            return previous_step(self.steps, self.step) is not None
        if action == "next":
            return self.step != "done"
        if action == "finish":
            return self.step == "done"
        return True

    def action_review(self, status: PromiseReview) -> None:
        """Mark the highlighted promise. The highlight stays where it is (moving it is the
        arrow keys' job), so a mark never lands on, or overwrites, another promise."""
        promises = self.query_one("#promises", OptionList)
        option = promises.highlighted_option
        if option is None or option.id is None:
            return
        self.review[option.id] = status
        self._fill_lookback(keep=promises.highlighted)
        self._keep_marks()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.review[event.option.id] = cycle_status(self.review.get(event.option.id, ""))
            self._fill_lookback(keep=event.option_index)
            self._keep_marks()

    def _keep_marks(self) -> None:
        """Marks are saved as they are made: there are no unsaved marks to ask about."""
        c = self.checkin
        if c is None or (self.previous is None and not self.fight_promises):
            return
        c.promise_review = dict(self.review)
        c.reviewed_id = self.previous.id if self.previous is not None else None
        save_step(self.capp, c, self.step)

    # -- going on ----------------------------------------------------------------------------

    def _text(self, selector: str) -> str:
        result = clean(self.query_one(selector, TextArea).text)
        if result.truncated:
            self.notify(result.message(TEXT_MAX) or "", timeout=8)
        return result.text

    def _topic(self) -> str:
        raw = self.query_one("#issue-topic", Input).value
        return clean(raw, LINE_MAX, single_line=True).text.strip()

    def _collect(self) -> None:
        """Put this step's words into the check-in."""
        text = checkins_text().weekly
        c = self.checkin
        assert c is not None
        if self.step == "lookback":
            c.promise_review = dict(self.review)
            c.reviewed_id = self.previous.id if self.previous is not None else None
        elif self.step in TWO_COLUMN_PARTS:
            part = TWO_COLUMN_PARTS[self.step]
            prompt = getattr(text, self.step).heading
            new = []
            for seat in (0, 1):
                new += answers_from_lines(seat, part, prompt, self._text(f"#{part}-{seat}"))
            c.answers = replace_part(c.answers, part, new)
        elif self.step == "issue":
            c.issue = self._topic()
        elif self.step == "loved":
            asked = {seat: self._text(f"#loved-{seat}") for seat in (0, 1)}
            c.promises = promises_from(asked, text.loved.question)
        elif self.step == "goals":
            shared = answers_from_lines(
                BOTH, GOAL_SHARED, text.goals.shared_label, self._text("#goal-shared")
            )
            personal = []
            support = []
            for seat in (0, 1):
                personal += answers_from_lines(
                    seat,
                    GOAL_PERSONAL,
                    with_name(text.goals.personal_label, *self.capp.settings.names, seat=seat),
                    self._text(f"#goal-personal-{seat}"),
                )
                support += answers_from_lines(
                    seat,
                    GOAL_SUPPORT,
                    with_name(text.goals.support_label, *self.capp.settings.names, seat=seat),
                    self._text(f"#goal-support-{seat}"),
                )
            answers = replace_part(c.answers, GOAL_SHARED, shared)
            answers = replace_part(answers, GOAL_PERSONAL, personal)
            c.answers = replace_part(answers, GOAL_SUPPORT, support)

    def _advance(self, to: str | None = None) -> None:
        c = self.checkin
        assert c is not None
        following = to or next_step(self.steps, self.step)
        if not save_step(self.capp, c, following):
            return
        self.drop_draft()  # this step's words are in the check-in now
        self.step = following
        self._show()

    def action_step_back(self) -> None:
        """Back one step; what is written on this one is kept first."""
        before = previous_step(self.steps, self.step)
        if before is None:
            return
        if self.step != "done":
            self._collect()
        self._advance(to=before)

    def action_finish(self) -> None:
        if self.step == "done":
            self._finish()

    def action_next(self) -> None:
        if self.step == "done":
            self._finish()
            return
        self._collect()
        self._advance()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        button = event.button.id or ""
        if button.startswith("next-"):
            self.action_next()
        elif button == "finish":
            self._finish()
        elif button == "skip":
            self.query_one("#issue-topic", Input).value = ""
            self.action_next()
        elif button == "talk":
            self._talk()
        elif button == "solve":
            self._solve()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#talk", Button).focus()

    def _note(self, words: str) -> None:
        self.query_one("#issue-note", Static).update(Content(words))

    def _linked(self) -> ListeningSession | None:
        store = self.capp.store
        if self.checkin is None or store is None:
            return None
        return linked_session(self.checkin, store.all(ListeningSession))

    def _relink(self) -> None:
        """After a restart: the session on the issue, finished or waiting, found again."""
        words = checkins_text().weekly.issue
        session = self._linked()
        c = self.checkin
        if session is None or c is None:
            return
        if session.status == "done":
            if c.listening_id != session.id:
                c.listening_id = session.id
                save_step(self.capp, c, c.step or self.step)
            self._note(words.linked)
        elif is_unfinished(session):
            self._note(words.waiting)

    def _talk(self) -> None:
        words = checkins_text().weekly.issue
        topic = self._topic()
        if not topic:
            self._note(words.no_topic)
            return
        assert self.checkin is not None
        self.checkin.issue = topic
        if not save_step(self.capp, self.checkin, "issue"):
            return
        from closeness_tui.screens.listening_setup import start_listening

        waiting = self._linked()
        if waiting is not None and is_unfinished(waiting):
            start_listening(self.app, on_done=self.listening_done, resume=waiting)
            return
        start_listening(
            self.app, topic=topic, on_done=self.listening_done, checkin_id=self.checkin.id
        )

    def _solve(self) -> None:
        """Solve the issue together (once both feel understood): saved first, then opened."""
        assert self.checkin is not None
        self.checkin.issue = self._topic()
        if not save_step(self.capp, self.checkin, "issue"):
            return
        open_solve(self.app, self.checkin)

    def listening_done(self, session_id: str | None) -> None:
        """Called by the listening flow when it returns here."""
        words = checkins_text().weekly.issue
        if not session_id:
            self._note(words.not_finished)
            return
        assert self.checkin is not None
        self.checkin.listening_id = session_id
        self._note(words.linked)
        self.notify(words.linked, timeout=4)
        self._collect()
        self._advance()

    def _finish(self) -> None:
        assert self.checkin is not None
        if finish(self.capp, self.checkin):
            self.drop_draft(stop=True)
            self.notify(checkins_text().weekly.saved, timeout=4)
            self.dismiss()
