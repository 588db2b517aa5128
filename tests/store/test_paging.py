"""A page of results is the same slice of the same order, whichever plan finds it."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from briefer.core.filter import EventFilter
from briefer.core.model import Actor, Event, Participant
from briefer.core.when import When
from briefer.store import query


@pytest.fixture
def busy(workspace):
    rng = random.Random(7)
    actors = [workspace.add_actor(Actor(f"Group {i}")) for i in range(4)]
    shapes = ["day", "day", "day", "month", "year", "interval", "open_end", "open_start"]
    events = []
    for i in range(600):
        day = date(2010, 1, 1) + timedelta(days=rng.randrange(365 * 10))
        shape = rng.choice(shapes)
        when = {"day": lambda: When.day(day), "month": lambda: When.month(day.year, day.month),
                "year": lambda: When.year(day.year),
                "interval": lambda: When.parse(f"{day.isoformat()}/{(day + timedelta(days=rng.randrange(900))).isoformat()}"),
                "open_end": lambda: When.parse(f"{day.isoformat()}/.."),
                "open_start": lambda: When.parse(f"../{day.isoformat()}")}[shape]()
        word = rng.choice(["clash", "raid", "talks"])
        events.append(Event(f"{word} number {i}", when,
                            participants=tuple(Participant(a.uid) for a in rng.sample(actors, rng.randint(0, 2)))))
    workspace.add_events(events)
    return workspace, actors


@pytest.mark.parametrize("scan_above", [0, 10**9])
def test_pages_are_slices_of_the_full_date_order(busy, monkeypatch: pytest.MonkeyPatch, scan_above: int) -> None:
    ws, actors = busy
    monkeypatch.setattr(query, "_SCAN_ABOVE", scan_above)
    monkeypatch.setattr(query, "_DRIVE_UP_TO_IN_RANGE", scan_above)
    filters = [
        EventFilter(),
        EventFilter(start=When.parse("2014"), end=When.parse("2016-06")),
        EventFilter(start=When.parse("2014-03-01")),
        EventFilter(end=When.parse("2012")),
        EventFilter(text="clash"),
        EventFilter(text="raid", start=When.parse("2013"), end=When.parse("2017")),
        EventFilter(actors=(actors[0].uid,), start=When.parse("2015")),
        EventFilter(actors=(actors[0].uid, actors[1].uid), actor_mode="all"),
        EventFilter(actors=(actors[2].uid,), text="talks", start=When.parse("2011"), end=When.parse("2018")),
    ]
    for f in filters:
        everything = [e.uid for e in ws.search_events(f)]
        assert len(everything) == ws.count_events(f)
        for offset in (0, 7, 50, len(everything) - 3, len(everything) + 5):
            page = [e.uid for e in ws.search_events(f, limit=25, offset=max(offset, 0))]
            assert page == everything[max(offset, 0):max(offset, 0) + 25], (f, offset)
