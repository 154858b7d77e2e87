"""Build a realistic closeness data file through the real store API.

    python bench/make_data.py --years 10 --out bench/out/data10

For 10 years of use by one couple: about 520 listening sessions (2+ turns, 1-3 summaries of
2-5 sentences each, validation/empathy/closing lines), 3,650 check-ins (nightly answers,
gratitude, weekly with promises), 2,000 I-statements, ~10 rituals and 5,000 ritual marks.
The text mixes plain sentences with emoji, right-to-left script and square brackets, as
partners really type. Seeded, so the same arguments always give the same file.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from closeness_tui.clock import FakeClock
from closeness_tui.listening import Listening
from closeness_tui.models import (
    Answer,
    Break,
    CheckIn,
    ListeningSession,
    Record,
    Ritual,
    RitualMark,
    Statement,
    Summary,
    Turn,
)
from closeness_tui.store import DATA_FILE, Store

END = date(2026, 11, 21)
TZ = timezone(timedelta(hours=1))
NAMES = ("Ana", "Ben")

PER_YEAR = {
    "listening": 52,
    "checkins": 365,
    "statements": 200,
    "ritual_marks": 500,
}

TOPICS = [
    "Who does the dishes on weeknights",
    "Visiting my parents at Christmas",
    "Money for the holiday",
    "Feeling alone when you work late",
    "The phone at dinner",
    "How we talk to each other when we're tired",
    "Your sister's comment at the party",
    "Moving to a bigger flat",
    "Sex and closeness lately",
    "Planning the weekend",
    "When I feel criticised about the kids",
    "The car repair bill",
    "Time with friends vs time together",
    "Bedtime routine for Mila",
    "Saying sorry after the argument on Sunday",
    "Working from home in the same room",
    "[urgent] the school forms",
    "Tidiness 🧹 and what it means to each of us",
    "الحديث عن العطلة",
    "השבוע הקשה בעבודה",
]

SENTENCES = [
    "What I heard is that you felt left on your own when I stayed late at work again.",
    "You said the evenings are the only time you feel we're really together.",
    "It sounds like the mess in the kitchen isn't about the dishes, it's about feeling "
    "that you carry everything.",
    "You'd like us to plan the weekend on Thursday so it doesn't turn into chores.",
    "When I looked at my phone during dinner you felt like you didn't matter.",
    "You're worried about money and you didn't want to bring it up because of last time.",
    "You said you miss the walks we used to take on Sunday mornings.",
    "I heard that you feel tense when my mother calls during dinner.",
    "You want me to ask before I say yes to plans for both of us.",
    "It was hard for you when I laughed at the party; it felt like I was on their side.",
    "You're tired, and you need a quiet hour after work before we talk about anything big.",
    "You felt proud of the garden and wished I'd noticed it.",
    "You'd like a hug when you come home, before we talk about the day.",
    'You said [and I quote] "I just want to feel like a team".',
    "You felt hurt when I said it was 'no big deal' 😔.",
    "The school run every morning leaves you with no time for yourself.",
    "You don't mind doing more at home this month, you just want it to be seen.",
    "Did I get that? Is there more you want me to hear?",
    "You'd like us to try again on Friday, after the kids are asleep 🌙.",
    "شعرت بالوحدة عندما تأخرت في العمل.",
    "אני שומע שאת עייפה וצריכה מנוחה.",
    "You want the budget spreadsheet to be something we look at together, not a test.",
    "You felt rushed this morning and it stayed with you all day.",
    "You'd love a weekend away, just the two of us ❤️, even a short one.",
    "You said that when I sigh, you hear criticism, even if I don't mean it.",
]

VALIDATIONS = [
    "That makes sense to me, because you've been carrying the mornings on your own.",
    "It makes sense you'd feel that way, given how long the week has been.",
    "That makes sense: when I'm on my phone it looks like I've left the room.",
    "I can see why that hurt, you'd been looking forward to it all week.",
    "That makes sense to me because money was tight when you grew up.",
    "It makes sense, since we promised each other Sundays and I broke that.",
]

EMPATHIES = [
    "I imagine you feel lonely and a bit unseen. Is that right?",
    "I imagine you feel worried and tired. Is that right?",
    "I imagine you feel hurt, and maybe scared we're drifting. Is that right?",
    "I imagine you feel frustrated and unappreciated... sorry, hurt. Is that right?",
    "I imagine you feel relieved to have said it 🙂. Is that right?",
    "I imagine you feel sad about it [and angry too?]. Is that right?",
]

MORE = [
    "Also the bins. But that's small.",
    "No, that's it. Thank you for listening.",
    "There's more about my dad, but another time.",
    "Just that I love you, even when I'm cross 💛.",
    "",
]

CLOSINGS = [
    "Thank you for hearing me tonight.",
    "I feel closer than an hour ago.",
    "Can we have a cup of tea together now? ☕",
    "I appreciated that you didn't interrupt, I know it's hard.",
    "Let's talk about the plan tomorrow, I'm done for today.",
    "شكراً لأنك استمعت إلي.",
    "I'll write the dates in the calendar [done].",
]

CHECKIN_PROMPTS = {
    "nightly": [
        "How was your day?",
        "Anything on your mind?",
        "How can I support you tomorrow?",
    ],
    "gratitude": ["One thing you appreciated about me today"],
    "weekly": [
        "What I appreciated this week",
        "What went well between us",
        "Anything we need to talk about",
        "Our plans and goals",
    ],
}

DAY_LINES = [
    "Long day. The meeting ran over and I missed lunch, so I was grumpy on the way home.",
    "Actually good! Finished the report and went for a run at lunch.",
    "Tired. Mila woke up twice and I never really got going.",
    "Work was fine, but I keep thinking about my mum's appointment on Thursday.",
    "Pretty quiet. I read for an hour, which I haven't done in ages 📚.",
    "Stressful: the landlord called about the heating again.",
    "I felt a bit low this afternoon, not sure why. Better now we're on the sofa.",
    "Good, I had lunch with Sam and laughed a lot 😂.",
    "Could you take the school run on Friday? I have the early shift.",
    "A hug when I get home would help more than anything.",
    "Maybe just ask me how the interview went, I'll want to talk about it.",
    "I'd love it if we could eat without phones tomorrow.",
    "Nothing big. The car is making that noise [clunk clunk] again.",
    "יום ארוך, אבל עבר בסדר.",
    "يوم جميل، شكراً على القهوة.",
    "Keep me company while I cook? That would be lovely.",
]

GRATITUDE_LINES = [
    "You made me coffee without me asking ☕ and it made my morning.",
    "Thank you for calling my mum, I know it's not easy for you.",
    "You listened tonight without fixing anything. That meant a lot.",
    "You took the kids out so I could sleep in. Bliss.",
    "The note in my lunchbox 💌. I kept it.",
    "You stayed calm when I was panicking about the train.",
    "شكراً لأنك كنت صبوراً معي اليوم.",
    "You remembered the thing about my friend's wedding [I didn't!].",
]

PROMISES = [
    "Put the phone in the drawer at dinner, every night this week.",
    "Plan Saturday morning together, just us.",
    "Text you at lunch, even just a heart ❤️.",
    "Do bedtime on Tuesday and Thursday so you can go to yoga.",
    "Ask before I invite anyone over.",
    "Go for our Sunday walk, rain or not 🌧️.",
]

FEELINGS = ["hurt", "lonely", "sad", "worried", "frustrated", "tired", "anxious", "overwhelmed"]
SITUATIONS = [
    "the dishes were left in the sink overnight",
    "you looked at your phone while I was telling you about my day",
    "plans were made for Saturday without asking me",
    "you came home two hours later than you said",
    "my birthday dinner was rescheduled [again]",
    "we argued in front of the kids",
    "the bills piled up on the table 📬",
    "you said 'whatever' and left the room",
    "تأخرت ولم ترسل رسالة",
]
NEEDS = ["support", "to be seen", "rest", "connection", "respect", "reliability", "closeness"]
REQUESTS = [
    "tell me when you'll be late",
    "put the phone away at dinner",
    "plan Saturday with me on Thursday evening",
    "help me with the dishes after dinner",
    "give me ten minutes to land when I get home",
]
COMPLAINTS = [
    "You never listen to me.",
    "You always make plans without me!",
    "You make me feel invisible.",
    "You should know by now 🙄.",
    "",
]

RITUALS = [
    ("Morning coffee together", "weekly", [0, 1, 2, 3, 4, 5, 6], "07:15", 15),
    ("Partings", "weekly", [0, 1, 2, 3, 4], "08:00", 2),
    ("Reunion hug and stress-reducing talk", "weekly", [0, 1, 2, 3, 4], "18:30", 20),
    ("Nightly check-in", "weekly", [0, 1, 2, 3, 4, 5, 6], "21:30", 10),
    ("Tech-free dinner 🍝", "weekly", [1, 3, 6], "19:00", 45),
    ("Weekly date", "weekly", [4], "20:00", 120),
    ("Weekly relationship check-in", "weekly", [6], "18:00", 60),
    ("Sunday walk", "weekly", [6], "10:00", 60),
    ("Memory sharing [photos]", "monthly", [5], "20:00", 30),
    ("نزهة المساء", "weekly", [2], "19:30", 30),
]

MARK_NOTES = [
    "",
    "",
    "",
    "Lovely, we laughed a lot.",
    "Short one today, both tired.",
    "Skipped: Ben was away 🧳.",
    "Rain, so we walked to the café instead ☔.",
    "كان رائعاً",
    "[moved to Saturday]",
]


class Gen:
    """Seeded generators for ids, times and text."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def sentences(self, pool: list[str], low: int, high: int) -> str:
        return " ".join(self.rng.choice(pool) for _ in range(self.rng.randint(low, high)))

    def at(self, day: date, hour_low: int = 19, hour_high: int = 22) -> datetime:
        hour = self.rng.randint(hour_low, hour_high)
        return datetime(day.year, day.month, day.day, hour, self.rng.randint(0, 59), tzinfo=TZ)


def _days(years: int) -> list[date]:
    start = END - timedelta(days=365 * years - 1)
    return [start + timedelta(days=i) for i in range(365 * years)]


def listening_sessions(g: Gen, days: list[date], count: int) -> Iterator[ListeningSession]:
    step = len(days) / count
    for i in range(count):
        day = days[int(i * step)]
        started = g.at(day)
        rounds = g.rng.choice([1, 1, 1, 2])
        turn_seconds = g.rng.choice([120, 180, 300, 300, 600, 900])
        first = g.rng.randint(0, 1)
        turns = []
        t = started
        for n in range(2 * rounds):
            summaries = []
            for _ in range(g.rng.randint(1, 3)):
                t += timedelta(seconds=g.rng.randint(30, 240))
                summaries.append(
                    Summary(
                        text=g.sentences(SENTENCES, 2, 5),
                        rating=g.rng.choice(["got_it", "partly", "not_quite", "got_it"]),
                        clarification_seconds=round(g.rng.uniform(0, 90), 1),
                        at=t,
                    )
                )
            summaries[-1].rating = "got_it"
            turns.append(
                Turn(
                    speaker=(first + n) % 2,
                    round=n // 2 + 1,
                    planned_seconds=float(turn_seconds),
                    actual_seconds=round(turn_seconds * g.rng.uniform(0.6, 1.2), 1),
                    pauses=g.rng.randint(0, 2),
                    added_seconds=g.rng.choice([0.0, 0.0, 60.0, 120.0]),
                    summaries=summaries,
                    more=g.rng.choice(MORE),
                    validation=g.rng.choice(VALIDATIONS),
                    empathy=g.rng.choice(EMPATHIES),
                )
            )
        breaks = []
        if g.rng.random() < 0.1:
            b_start = started + timedelta(minutes=g.rng.randint(5, 20))
            breaks.append(
                Break(
                    started_at=b_start,
                    return_at=b_start + timedelta(minutes=20),
                    ended_at=b_start + timedelta(minutes=g.rng.randint(20, 40)),
                    called_by=g.rng.randint(0, 1),
                )
            )
        session = ListeningSession(
            id=g.uid(),
            started_at=started,
            updated_at=t,
            topic=g.rng.choice(TOPICS),
            names=list(NAMES),
            first_speaker=first,
            turn_seconds=turn_seconds,
            rounds=rounds,
            readiness={"time_ok": True, "not_hungry": True, "not_angry": g.rng.random() > 0.2},
            turns=turns,
            closing=[g.rng.choice(CLOSINGS), g.rng.choice(CLOSINGS)],
            breaks=breaks,
            status="done",
            finished_at=t,
        )
        yield _finished(session, t)


def _finished(session: ListeningSession, at: datetime) -> ListeningSession:
    """The session as the app saves it when the closing lines are in: the machine's own
    `sync()` writes its state (step "done", the last turn, no timer), so Past sessions and
    the journal read it as they read a real one."""
    machine = Listening(session, FakeClock(start=at))
    machine.step = "done"
    machine.turn_index = max(0, len(session.turns) - 1)
    return machine.sync()


def checkins(g: Gen, days: list[date], count: int) -> Iterator[CheckIn]:
    step = len(days) / count
    for i in range(count):
        day = days[int(i * step)]
        if day.weekday() == 6 and g.rng.random() < 0.9:
            kind = "weekly"
        elif g.rng.random() < 0.25:
            kind = "gratitude"
        else:
            kind = "nightly"
        lines = GRATITUDE_LINES if kind == "gratitude" else DAY_LINES
        answers = [
            Answer(
                seat=seat,
                prompt=prompt,
                text=g.sentences(lines, 1, 3),
                reply=g.rng.choice(["", "Thank you ❤️", "I'll do that.", "Me too."]),
            )
            for prompt in CHECKIN_PROMPTS[kind]
            for seat in (0, 1)
        ]
        promises = []
        review: dict[str, str] = {}
        if kind == "weekly":
            promises = [
                Answer(seat=seat, prompt="What can I do to make you feel loved this week?")
                for seat in (0, 1)
            ]
            for p in promises:
                p.text = g.rng.choice(PROMISES)
            review = {"0": g.rng.choice(["kept", "partly", "not_yet"]), "1": "kept"}
        yield CheckIn(
            id=g.uid(),
            kind=kind,
            created_at=g.at(day, 20, 23),
            answers=answers,
            promises=promises,
            promise_review=review,
        )


def statements(g: Gen, days: list[date], count: int) -> Iterator[Statement]:
    step = len(days) / count
    for i in range(count):
        day = days[int(i * step)]
        feeling, situation = g.rng.choice(FEELINGS), g.rng.choice(SITUATIONS)
        need, request = g.rng.choice(NEEDS), g.rng.choice(REQUESTS)
        form = g.rng.choice(["short", "long"])
        if form == "short":
            text = f"I feel {feeling} about how {situation}, and I need {need}."
        else:
            text = (
                f"When {situation}, I feel {feeling}, because I need {need}. "
                f"Would you be willing to {request}?"
            )
        created = g.at(day, 8, 23)
        yield Statement(
            id=g.uid(),
            author=g.rng.randint(0, 1),
            created_at=created,
            updated_at=created + timedelta(minutes=g.rng.randint(1, 15)),
            feeling=feeling,
            situation=situation,
            need=need,
            request=request if form == "long" else "",
            form=form,
            text=text,
            complaint=g.rng.choice(COMPLAINTS),
        )


def rituals(g: Gen, days: list[date]) -> list[Ritual]:
    out = []
    for name, freq, weekdays, time_of_day, minutes in RITUALS:
        start = days[g.rng.randint(0, min(60, len(days) - 1))]
        out.append(
            Ritual(
                id=g.uid(),
                name=name,
                note=g.rng.choice(["", "No phones 📵.", "Whoever is home first starts."]),
                freq=freq,
                weekdays=weekdays,
                month_nth=1 if freq == "monthly" else None,
                time_of_day=time_of_day,
                duration_minutes=minutes,
                lead=g.rng.choice(["either", "both", "a", "b"]),
                start=start,
                created_at=g.at(start, 9, 21),
            )
        )
    return out


def ritual_marks(g: Gen, days: list[date], all_rituals: list[Ritual], count: int) -> list[Record]:
    seen: set[tuple[str, date]] = set()
    out: list[Record] = []
    while len(out) < count:
        ritual = g.rng.choice(all_rituals)
        day = g.rng.choice(days)
        if day < ritual.start or (ritual.id, day) in seen:
            continue
        seen.add((ritual.id, day))
        out.append(
            RitualMark(
                id=g.uid(),
                ritual_id=ritual.id,
                occurrence=day,
                status="done" if g.rng.random() < 0.85 else "skipped",
                note=g.rng.choice(MARK_NOTES),
                at=g.at(day, 7, 22),
            )
        )
    out.sort(key=lambda m: m.occurrence)  # type: ignore[attr-defined]
    return out


def build(years: int, seed: int = 2026) -> list[Record]:
    g = Gen(seed)
    days = _days(years)
    records: list[Record] = []
    records += listening_sessions(g, days, PER_YEAR["listening"] * years)
    records += checkins(g, days, PER_YEAR["checkins"] * years)
    records += statements(g, days, PER_YEAR["statements"] * years)
    all_rituals = rituals(g, days)
    records += all_rituals
    records += ritual_marks(g, days, all_rituals, PER_YEAR["ritual_marks"] * years)
    return records


def make(out: Path, years: int, seed: int = 2026) -> Path:
    """Write a fresh data file for `years` of use into directory `out`; return its path."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for name in (DATA_FILE, f"{DATA_FILE}.bak"):
        (out / name).unlink(missing_ok=True)
    records = build(years, seed)
    with Store.open(out) as store:
        settings = store.settings()
        settings.partner_a, settings.partner_b = NAMES
        store.save_settings(settings)
        store.put_many(records)
    return out / DATA_FILE


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10, help="years of use (default 10)")
    parser.add_argument("--out", type=Path, required=True, help="data directory to (re)create")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    if args.years < 1:
        parser.error("--years must be at least 1")
    t0 = time.perf_counter()
    path = make(args.out, args.years, args.seed)
    elapsed = time.perf_counter() - t0
    from closeness_tui.models import TABLES

    with Store.open(args.out, read_only=True) as store:
        counts = {name: store.count(rt) for name, rt in TABLES.items()}
    for name, n in counts.items():
        print(f"{name:14} {n:6d}")
    size = path.stat().st_size
    total = sum(counts.values())
    print(
        f"make_data: {args.years} years, {total} records, {size / 1e6:.2f} MB "
        f"in {path} ({elapsed:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
