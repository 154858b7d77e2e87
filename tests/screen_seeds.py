"""Screens with the most they can show at once, seeded through the real store: Home with
today's rituals and a solution whose review is due (its waiting line), and both partners'
profiles with what helps each calm down (a break's calm hints)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from conftest import TODAY, seed_names

from closeness_tui.models import Idea, Profile, Ritual, Solution, Try
from closeness_tui.store import Store

RITUALS = [
    ("Morning coffee together", "07:30"),
    ("Gratitude exchange", None),
    ("A walk after dinner, phones left at home", "19:00"),
    ("Nightly check-in, before sleep", "21:30"),
]


def seed_full_home(data_dir, *, rituals: int = 4, review_due: bool = True) -> None:
    seed_names(data_dir)
    start = TODAY - timedelta(weeks=2)
    with Store.open(data_dir) as store:
        for n, (name, at) in enumerate(RITUALS[:rituals]):
            store.put(
                Ritual(
                    name=name,
                    weekdays=list(range(7)),
                    time_of_day=at,
                    start=start,
                    created_at=datetime(2026, 11, 7, 9, n, tzinfo=UTC),
                )
            )
        if review_due:
            store.put(
                Solution(
                    started_at=datetime(2026, 11, 1, 18, tzinfo=UTC),
                    names=["Ana", "Ben"],
                    problem="We spend our weekends apart.",
                    options=[
                        Idea(text="Saturday with friends, Sunday for us", marks=["works"] * 2)
                    ],
                    tries=[
                        Try(
                            option=0,
                            started_on=TODAY - timedelta(days=15),
                            review_on=TODAY - timedelta(days=1),
                        )
                    ],
                    status="trial",
                    state={"step": "waiting"},
                )
            )


def both_profiles(data_dir, clock) -> None:
    """Both partners' profiles: Ana calms with space and a walk, Ben with breathing and a hug."""
    with Store.open(data_dir) as store:
        store.put(
            Profile(
                seat=1,
                saved_at=clock.now(),
                love=["touch", "time", "words", "help", "gifts"],
                flooded=["calming", "touch"],
            )
        )
        store.put(
            Profile(
                seat=0,
                saved_at=clock.now(),
                love=["time", "words"],
                flooded=["space"],
                flooded_note="a walk [alone] 🌙",
            )
        )
