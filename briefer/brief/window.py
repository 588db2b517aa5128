"""The window a brief covers, and which of its events are new in it.

A daily brief covers a day (or the 24 hours up to a cut-off); a period summary covers
its period.  The store answers "which events *overlap* the window", which for a day
also brings every open-ended or coarsely dated event ("since 2014", "2019").  A
brief reports as new only the events *dated in* the window at the precision they
have: a time inside it, a day inside it (a day counts in the window that holds its
end, so the brief cut off at 06:00 on the 10th reports the 9th), a month inside a
period of months.  The others merely continue through it: they are background.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Optional, Sequence

from ..core.filter import EventFilter
from ..core.model import Event
from ..core.when import When
from .labels import utc_now
from .settings import BriefSettings

__all__ = ["brief_period", "Window", "window_of", "split_events", "KeyFigures", "key_figures", "minute"]

_DAY = timedelta(days=1)


def minute(moment: datetime) -> When:
    return When.parse(f"{moment:%Y-%m-%dT%H:%M}")


def brief_period(settings: BriefSettings, scope_filter: EventFilter) -> tuple[Optional[When], Optional[When]]:
    """The period the brief covers: the daily template's day (or the 24 h up to the
    cut-off), the period template's start/end, else the scope filter's own dates."""
    if settings.template == "daily":
        if settings.day is not None:
            return settings.day, settings.day
        cutoff = settings.cutoff or utc_now().replace(second=0)
        return minute(cutoff - timedelta(hours=24)), minute(cutoff)
    if settings.start is not None or settings.end is not None:
        return settings.start, settings.end
    return scope_filter.start, scope_filter.end


@dataclass(frozen=True)
class Window:
    """The first and last moment a brief covers (both inclusive)."""

    lo: datetime
    hi: datetime

    @property
    def length(self) -> timedelta:
        return self.hi - self.lo + timedelta(seconds=1)

    def previous(self) -> "Window":
        """The window of the same length just before this one."""
        return Window(self.lo - self.length, self.lo - timedelta(seconds=1))

    def holds(self, event: Event) -> bool:
        """True when the event is dated inside the window at the precision it has."""
        when = event.when
        if when.open_start or when.open_end:
            return False
        a, b = when.earliest, when.latest
        if self.lo <= a and b <= self.hi:
            return True
        # a single day (or a time) that ends in the window: the brief that holds its end reports it
        return not when.interval and b - a < _DAY and self.lo <= b <= self.hi


def window_of(start: Optional[When], end: Optional[When]) -> Optional[Window]:
    """The window between two bounds; None when either end is open (no "new" then)."""
    if start is None or end is None or start.open_start or end.open_end:
        return None
    return Window(start.earliest, end.latest)


def split_events(events: Sequence[Event], window: Optional[Window]) -> tuple[list[Event], list[Event]]:
    """(new, continuing): the events dated in the window, and those that only overlap it.
    Without a window every event is new."""
    if window is None:
        return list(events), []
    new, continuing = [], []
    for event in events:
        (new if window.holds(event) else continuing).append(event)
    return new, continuing


@dataclass
class KeyFigures:
    """What page 1 says in numbers about the new events of the window."""

    new: int
    by_type: list[tuple[str, int]] = field(default_factory=list)
    by_area: list[tuple[str, int]] = field(default_factory=list)
    fatalities: Optional[int] = None  # None when no new event records a number
    previous_new: Optional[int] = None  # the previous window of the same length
    previous_fatalities: Optional[int] = None
    previous_label: str = ""


def _area(event: Event) -> str:
    return (event.place or "").strip() or (event.country or "").strip()


def _fatalities(events: Sequence[Event]) -> Optional[int]:
    known = [e.fatalities for e in events if e.fatalities is not None]
    return sum(known) if known else None


def key_figures(new: Sequence[Event], previous: Optional[Sequence[Event]], previous_label: str) -> KeyFigures:
    types = Counter(e.event_type.strip() or "no type recorded" for e in new)
    areas = Counter(_area(e) or "no place recorded" for e in new)
    return KeyFigures(
        new=len(new), by_type=types.most_common(), by_area=areas.most_common(), fatalities=_fatalities(new),
        previous_new=len(previous) if previous is not None else None,
        previous_fatalities=_fatalities(previous) if previous is not None else None,
        previous_label=previous_label)


def previous_label(window: Window) -> str:
    """"the previous day", "the previous 24 h", "the previous 28 days"."""
    seconds = window.length.total_seconds()
    if seconds == 86400:
        return "the previous day" if window.lo.hour == window.lo.minute == 0 else "the previous 24 h"
    days = round(seconds / 86400)
    return f"the previous {days} days" if days >= 2 else "the previous period"
