"""Synthetic workspaces of realistic shape, for benchmarks.

Dates are skewed over 30 years (recent years denser, with bursts), precisions and
qualifiers mixed as analysts' data are (mostly days, some months and years, some
intervals, a few open ends, some ? and ~), ~300 actors with aliases and affiliations,
~60 graded sources, 1–4 actors and 1–3 citations per event, and titles drawn from a
small vocabulary so that full-text terms have realistic frequencies.  Everything goes
through the store's public bulk path (`Workspace.add_events`), so generating measures
the real thing.

    python benchmarks/generate.py PATH --events N [--seed S]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefer.core.event_types import ACLED_EVENT_TYPES  # noqa: E402
from briefer.core.model import (  # noqa: E402
    Actor, ActorKind, Citation, Confidence, Event, Participant, Role, Source, SourceKind,
)
from briefer.core.when import Point, When  # noqa: E402
from briefer.store import Workspace  # noqa: E402

FIRST_DAY = date(1995, 1, 1)
DAYS = (date(2024, 12, 31) - FIRST_DAY).days
PLACES = [("Baghouz", "Syria"), ("Hajin", "Syria"), ("Raqqa", "Syria"), ("Deir ez-Zor", "Syria"), ("Idlib", "Syria"),
          ("Aleppo", "Syria"), ("Mosul", "Iraq"), ("Tikrit", "Iraq"), ("Ramadi", "Iraq"), ("Kirkuk", "Iraq"),
          ("Sirte", "Libya"), ("Tripoli", "Libya"), ("Gao", "Mali"), ("Mopti", "Mali"), ("Kabul", "Afghanistan"),
          ("Kandahar", "Afghanistan"), ("Aden", "Yemen"), ("Marib", "Yemen"), ("Maiduguri", "Nigeria"),
          ("Mogadishu", "Somalia")]
VERBS = ["attack", "clash", "shelling", "offensive", "ambush", "strike", "protest", "arrests", "raid", "siege",
         "ceasefire", "withdrawal", "evacuation", "negotiations", "bombing", "abduction", "release", "advance"]
NOUNS = ["checkpoint", "convoy", "village", "market", "base", "bridge", "hospital", "camp", "oilfield", "border",
         "crossing", "town", "district", "airport", "prison", "road", "school", "mosque", "port", "hill"]
ADJECTIVES = ["heavy", "renewed", "reported", "alleged", "major", "brief", "deadly", "unconfirmed", "joint", "night"]
TAGS = ["civilians", "humanitarian", "airstrikes", "hostages", "propaganda", "territory", "leadership", "border",
        "protest", "negotiations", "oil", "prisons"]
ROLES = [Role.INITIATOR, Role.TARGET, Role.AFFECTED, Role.MENTIONED, Role.SPOKESPERSON]


def _actors(rng: random.Random, count: int = 300) -> list[Actor]:
    actors: list[Actor] = []
    kinds = [ActorKind.ARMED_GROUP] * 4 + [ActorKind.PERSON] * 3 + [ActorKind.STATE, ActorKind.ORGANISATION]
    for i in range(count):
        kind = kinds[i % len(kinds)]
        name = f"{rng.choice(ADJECTIVES).title()} {rng.choice(NOUNS).title()} {kind.label.title()} {i}"
        aliases = tuple(f"{name.split()[0][:3].upper()}{i}-{k}" for k in range(rng.randint(0, 3)))
        member_of = actors[rng.randrange(len(actors))].uid if actors and rng.random() < 0.2 else None
        actors.append(Actor(name, kind, "", aliases, member_of))
    return actors


def _sources(rng: random.Random, count: int = 60) -> list[Source]:
    kinds = list(SourceKind)
    return [Source(f"Source {i} {rng.choice(NOUNS).title()}", kinds[i % len(kinds)], rng.choice("AABBBCCCDDEF"))
            for i in range(count)]


def _day(rng: random.Random) -> date:
    # recent years denser: a triangular skew towards the end, plus bursts around a few crises
    if rng.random() < 0.25:
        centre = rng.choice((6000, 8500, 9800, 10200))
        offset = int(rng.gauss(centre, 40))
    else:
        offset = int(rng.triangular(0, DAYS, DAYS))
    return FIRST_DAY + timedelta(days=min(max(offset, 0), DAYS))


def _when(rng: random.Random) -> When:
    d = _day(rng)
    r = rng.random()
    q = dict(uncertain=rng.random() < 0.05, approximate=rng.random() < 0.07)
    if r < 0.70:
        return When(Point.of(d.year, d.month, d.day, **q))
    if r < 0.82:
        return When(Point.of(d.year, d.month, **q))
    if r < 0.87:
        return When(Point.of(d.year, **q))
    if r < 0.98:
        end = d + timedelta(days=rng.choice((1, 2, 3, 6, 13, 30, 90)))
        return When.between(Point.of(d.year, d.month, d.day), Point.of(end.year, end.month, end.day))
    if r < 0.99:
        return When.since(Point.of(d.year, d.month))
    return When.before(Point.of(d.year, d.month))


def events(rng: random.Random, n: int, actors: list[Actor], sources: list[Source]) -> Iterator[Event]:
    types = list(ACLED_EVENT_TYPES)
    # a Zipf-like popularity so a few actors and sources appear very often
    actor_weights = [1.0 / (i + 1) ** 0.8 for i in range(len(actors))]
    source_weights = [1.0 / (i + 1) ** 0.7 for i in range(len(sources))]
    for i in range(n):
        place, country = rng.choice(PLACES)
        etype = rng.choice(types)
        picked = {a.uid for a in rng.choices(actors, actor_weights, k=rng.randint(1, 4))}
        cited = {s.uid for s in rng.choices(sources, source_weights, k=rng.randint(1, 3))}
        title = f"{rng.choice(ADJECTIVES).title()} {rng.choice(VERBS)} near {place} {rng.choice(NOUNS)}"
        yield Event(
            title=title, when=_when(rng), place=place, country=country, event_type=etype,
            sub_event_type=rng.choice(ACLED_EVENT_TYPES[etype]),
            summary=f"{rng.choice(ADJECTIVES)} {rng.choice(VERBS)} reported at the {rng.choice(NOUNS)} "
                    f"of {place}; {rng.choice(VERBS)} and {rng.choice(VERBS)} followed.",
            tags=tuple(rng.sample(TAGS, rng.randint(0, 2))), fatalities=rng.choice((None, 0, 0, 1, 2, 5, 12)),
            confidence=rng.choice(list(Confidence)),
            participants=tuple(Participant(uid, rng.choice(ROLES)) for uid in picked),
            citations=tuple(Citation(uid, rng.randint(1, 6), f"{rng.choice(VERBS)} at {place}") for uid in cited),
            external_id=f"synthetic-{i}",
        )


def make_workspace(path: str | os.PathLike[str], events_count: int, seed: int = 1) -> Path:
    """Build a new workspace at `path` with `events_count` synthetic events."""
    rng = random.Random(seed)
    path = Path(path)
    with Workspace.create(path) as ws:
        actors = _actors(rng)
        with ws.transaction():
            for actor in actors:
                ws.add_actor(actor)
            sources = [ws.add_source(s) for s in _sources(rng)]
        ws.add_events(events(rng, events_count, actors, sources))
    return path


def cached_workspace(events_count: int, seed: int = 1) -> Path:
    """A generated workspace kept between runs (in $BRIEFER_BENCH_DIR or /tmp/briefer-bench)."""
    folder = Path(os.environ.get("BRIEFER_BENCH_DIR", "/tmp/briefer-bench"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"synthetic-{events_count}-{seed}.briefer"
    if not path.exists():
        tmp = folder / f".building-{events_count}-{seed}-{os.getpid()}.briefer"
        make_workspace(tmp, events_count, seed)
        for suffix in ("-wal", "-shm"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)
        tmp.replace(path)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    make_workspace(args.path, args.events, args.seed)
    print(f"wrote {args.path} with {args.events} events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
