"""What a brief holds once read from the store, and what building it reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Optional, Sequence, Union

from ..core.filter import EventFilter
from ..core.model import Actor, Document, Event, Source
from ..core.period import Period
from ..core.when import When
from .settings import BriefError, BriefSettings
from .window import KeyFigures, Window

__all__ = ["BriefCancelled", "BriefData", "BriefResult", "Scope"]

Scope = Union[EventFilter, Sequence[str], None]


class BriefCancelled(BriefError):
    """The user cancelled the build; nothing was written."""


@dataclass
class BriefData:
    """Everything a brief shows, read from the store in one go."""

    settings: BriefSettings
    events: list[Event]  # new, then continuing: the order of their numbers E1, E2...
    actors: dict[str, Actor]
    sources: dict[str, Source]
    documents: dict[str, Document]
    period_start: Optional[When]
    period_end: Optional[When]
    scope_label: str
    workspace_name: str
    number: int
    generated: datetime
    new: list[Event] = field(default_factory=list)
    continuing: list[Event] = field(default_factory=list)
    window: Optional[Window] = None
    figures: Optional[KeyFigures] = None
    periods: list[Period] = field(default_factory=list)  # the workspace's periods (eras), in date order

    @property
    def cutoff(self) -> Optional[datetime]:
        """The end of the window covered (None for an open-ended period)."""
        s = self.settings
        if s.cutoff is not None:
            return s.cutoff
        return self.window.hi if self.window is not None else None

    @property
    def covers_day(self) -> date:
        """The day the brief is for: its day, its cut-off's day, else the day it was made."""
        cutoff = self.cutoff
        return (cutoff or self.generated).date()


@dataclass
class BriefResult:
    path: Path
    pages: int
    events: int
    actors: int
    sources: int
    references: int
    has_toc: bool
    seconds: float
    number: int = 0
    warnings: list[str] = field(default_factory=list)
    new: int = 0
    continuing: int = 0
    day: Optional[date] = None
    cutoff: Optional[datetime] = None
    bluf_carried_from: str = ""  # "brief No. 3 of 9 Feb 2019" when the bottom line was not written for it

    def to_json(self) -> dict:
        return {"path": str(self.path), "number": self.number, "pages": self.pages, "events": self.events,
                "new": self.new, "continuing": self.continuing, "actors": self.actors,
                "sources": self.sources, "references": self.references, "toc": self.has_toc,
                "seconds": round(self.seconds, 3), "bluf_carried_from": self.bluf_carried_from or None,
                "warnings": self.warnings}
