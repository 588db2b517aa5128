"""How a brief prints dates and periods: "9 Feb 2019", "4–9 Feb 2019", the DTG "100600Z FEB 19"."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Optional, Sequence

from ..core.model import Event
from ..core.when import MONTH_ABBR, When

__all__ = ["period_label", "events_span_label", "long_day", "utc_now", "stamp", "short_day", "dtg"]


def period_label(start: Optional[When], end: Optional[When]) -> str:
    if start is None and end is None:
        return ""
    if start is not None and end is not None:
        if start.edtf == end.edtf:
            return start.label
        return f"{start.label} – {end.label}"
    if start is not None:
        return f"since {start.label}"
    return f"until {end.label}"  # type: ignore[union-attr]


def events_span_label(events: Sequence[Event]) -> str:
    starts = [e.when for e in events if not e.when.open_start]
    ends = [e.when for e in events if not e.when.open_end]
    if not starts or not ends:
        return "open-ended"
    first = min(starts, key=lambda w: w.earliest)
    last = max(ends, key=lambda w: w.latest)
    a, b = first.earliest, last.latest
    if a.date() == b.date():
        return short_day(a)
    if (a.month, a.day) == (1, 1) and (b.month, b.day) == (12, 31):
        return str(a.year) if a.year == b.year else f"{a.year} – {b.year}"
    return f"{short_day(a)} – {short_day(b)}"


def long_day(moment: datetime) -> str:
    return f"{moment:%A} {moment.day} {moment:%B} {moment.year}"


def short_day(moment: "date | datetime") -> str:
    """9 Feb 2019"""
    return f"{moment.day} {MONTH_ABBR[moment.month - 1]} {moment.year}"


def utc_now() -> datetime:
    """Now, as the workspace keeps times: naive UTC."""
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


def stamp(moment: datetime) -> str:
    return f"{short_day(moment)} {moment:%H:%M}"


def dtg(moment: datetime) -> str:
    """The military date-time group of a UTC moment: 100600Z FEB 19."""
    return f"{moment:%d%H%M}Z {MONTH_ABBR[moment.month - 1].upper()} {moment:%y}"
