"""What the analyst is looking at: one filter shared by table, timeline, briefs and CLI."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal, Optional

from .when import When

__all__ = ["EventFilter"]


@dataclass(frozen=True)
class EventFilter:
    """A conjunction of conditions; an empty filter matches every event.

    `start`/`end` keep events whose fuzzy bounds overlap [start.earliest, end.latest].
    Actors and sources are uids; `actor_mode` says whether an event needs any or all
    of the actors.  `min_reliability` keeps events cited by at least one source graded
    at that letter or better (A is best).  `uids`, when set, limits to a selection.
    """

    start: Optional[When] = None
    end: Optional[When] = None
    actors: tuple[str, ...] = ()
    actor_mode: Literal["any", "all"] = "any"
    sources: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    min_reliability: Optional[str] = None
    text: str = ""
    uids: Optional[tuple[str, ...]] = field(default=None)

    @property
    def is_empty(self) -> bool:
        return self == EventFilter()

    def with_(self, **changes: object) -> "EventFilter":
        return replace(self, **changes)
