"""Fixed records for journal, export and snapshot tests: a couple's fortnight, with words
that try hard to become markup (brackets, asterisks, a live-action tag), emoji and Hebrew."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from closeness_tui.models import (
    BOTH,
    Answer,
    CheckIn,
    ListeningSession,
    Ritual,
    RitualMark,
    Statement,
    Summary,
    Turn,
)
from closeness_tui.store import Store

TZ = timezone(timedelta(hours=1))
TRICKY = "I felt [hurt] *and* _alone_ [/] [@click=app.quit]x[/] 🌙"
HEBREW = "תודה שהקשבת לי הערב"


def at(day: int, hour: int = 20, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=TZ)


def records() -> list:
    ritual = Ritual(
        id="r-nightly",
        name="Nightly check-in [us]",
        template="nightly",
        weekdays=[0, 1, 2, 3, 4, 5, 6],
        start=date(2026, 11, 1),
    )
    session = ListeningSession(
        id="l-1",
        started_at=at(10, 19, 30),
        topic="Evenings & *phones*",
        names=["Ana", "Ben"],
        status="done",
        turns=[
            Turn(
                speaker=0,
                summaries=[Summary(text="You miss our evenings.", rating="got_it")],
                validation="It makes sense you miss them.",
            ),
            Turn(
                speaker=1,
                summaries=[
                    Summary(text="You need quiet first.", rating="partly"),
                    Summary(text="You need ten quiet minutes, then talk.", rating="got_it"),
                ],
            ),
        ],
        closing=["Thank you.", HEBREW],
    )
    statement = Statement(
        id="s-1",
        author=1,
        created_at=at(11, 21, 15),
        text="I feel tense when the dishes wait; I need us to share it. Would you help?",
    )
    nightly = CheckIn(
        id="c-nightly",
        kind="nightly",
        created_at=at(12, 22, 5),
        answers=[
            Answer(seat=0, prompt="How was your day?", text=TRICKY, part="answer"),
            Answer(seat=1, prompt="A line back", text=HEBREW, part="reply"),
            Answer(seat=1, prompt="How can I support you?", text="1. tea\n- a hug", part="answer"),
        ],
    )
    gratitude = CheckIn(
        id="c-gratitude",
        kind="gratitude",
        created_at=at(13, 21, 0),
        answers=[
            Answer(seat=0, prompt="?", text="You fixed the bike # for me", part="gratitude"),
            Answer(seat=1, prompt="?", text="You called my mum 💛", part="gratitude"),
        ],
    )
    weekly_1 = CheckIn(
        id="c-weekly-1",
        kind="weekly",
        created_at=at(8, 18, 0),
        answers=[
            Answer(seat=0, prompt="Appreciations", text="You planned Sunday", part="appreciation"),
            Answer(seat=BOTH, prompt="Shared goals", text="Save for the trip", part="goal_shared"),
        ],
        promises=[
            Answer(seat=0, prompt="loved?", text="Cook together on Tuesday", part="promise"),
            Answer(seat=1, prompt="loved?", text="A walk without phones", part="promise"),
        ],
    )
    weekly_2 = CheckIn(
        id="c-weekly-2",
        kind="weekly",
        created_at=at(15, 18, 0),
        reviewed_id="c-weekly-1",
        promise_review={"0": "kept", "1": "partly"},
        issue="Evenings & *phones*",
        listening_id="l-1",
        promises=[Answer(seat=1, prompt="loved?", text="Breakfast in bed", part="promise")],
    )
    marks = [
        RitualMark(
            id="m-1", ritual_id="r-nightly", occurrence=date(2026, 11, 12), at=at(12, 22, 6)
        ),
        RitualMark(
            id="m-2", ritual_id="r-nightly", occurrence=date(2026, 11, 13), status="skipped"
        ),
    ]
    return [ritual, session, statement, nightly, gratitude, weekly_1, weekly_2, *marks]


def seed(data_dir: Path, a: str = "Ana", b: str = "Ben") -> None:
    with Store.open(data_dir) as store:
        settings = store.settings()
        settings.partner_a, settings.partner_b = a, b
        store.save_settings(settings)
        store.put_many(records())
