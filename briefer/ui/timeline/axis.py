"""Ticks for the time axis: the finest calendar unit whose labels fit, at any zoom.

Plain Python (calendar arithmetic on datetimes), measured by a function the caller
passes in, so the rule "labels never overlap" is tested without a display: a unit is
used only when its widest label plus padding fits in its narrowest spacing.  A day is
written as the analyst reads dates everywhere else (`preferences.day_text`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable, Iterator, Optional

from ...core.when import MONTH_ABBR
from ..preferences import day_text

WEEK_START = 0  # the weekday weeks start on (0 Monday, 6 Sunday): the analyst's preference

EPOCH = datetime(1970, 1, 1)
MIN_TS = (datetime(1, 1, 2) - EPOCH).total_seconds()
MAX_TS = (datetime(9999, 12, 30) - EPOCH).total_seconds()
PADDING = 14.0


def to_datetime(ts: float) -> datetime:
    return EPOCH + timedelta(seconds=min(max(ts, MIN_TS), MAX_TS))


def to_ts(moment: datetime) -> float:
    return (moment - EPOCH).total_seconds()


@dataclass(frozen=True)
class Unit:
    name: str
    seconds: float  # shortest length (months: 28 days), for the spacing test
    floor: Callable[[datetime], datetime]
    step: Callable[[datetime], datetime]
    label: Callable[[datetime], str]
    major: Optional[str]  # the unit that gives context in the upper row


def _add_months(d: datetime, n: int) -> datetime:
    m = d.month - 1 + n
    return d.replace(year=d.year + m // 12, month=m % 12 + 1, day=1)


def _years(n: int) -> tuple[Callable[[datetime], datetime], Callable[[datetime], datetime]]:
    def floor(d: datetime) -> datetime:
        return datetime(max(1, d.year - d.year % n), 1, 1)

    def step(d: datetime) -> datetime:
        return datetime(min(9999, d.year + n), 1, 1) if d.year + n <= 9999 else datetime(9999, 12, 31)

    return floor, step


def _hours(n: int):
    return (lambda d: d.replace(hour=d.hour - d.hour % n, minute=0, second=0, microsecond=0),
            lambda d: d + timedelta(hours=n))


UNITS: list[Unit] = [
    Unit("hour", 3600, *_hours(1), lambda d: f"{d:%H:%M}", "day"),
    Unit("3 hours", 3 * 3600, *_hours(3), lambda d: f"{d:%H:%M}", "day"),
    Unit("6 hours", 6 * 3600, *_hours(6), lambda d: f"{d:%H:%M}", "day"),
    Unit("day", 86400, lambda d: d.replace(hour=0, minute=0, second=0, microsecond=0),
         lambda d: d + timedelta(days=1), lambda d: str(d.day), "month"),
    Unit("week", 7 * 86400,
         lambda d: (d - timedelta(days=(d.weekday() - WEEK_START) % 7)).replace(hour=0, minute=0, second=0,
                                                                            microsecond=0),
         lambda d: d + timedelta(days=7), lambda d: day_text(d, year=False), "month"),
    Unit("month", 28 * 86400, lambda d: datetime(d.year, d.month, 1), lambda d: _add_months(d, 1),
         lambda d: MONTH_ABBR[d.month - 1], "year"),
    Unit("quarter", 90 * 86400, lambda d: datetime(d.year, d.month - (d.month - 1) % 3, 1),
         lambda d: _add_months(d, 3), lambda d: f"Q{(d.month - 1) // 3 + 1}", "year"),
    Unit("year", 365 * 86400, *_years(1), lambda d: str(d.year), "decade"),
    Unit("5 years", 5 * 365 * 86400, *_years(5), lambda d: str(d.year), "decade"),
    Unit("decade", 10 * 365 * 86400, *_years(10), lambda d: f"{d.year}s", "century"),
    Unit("50 years", 50 * 365 * 86400, *_years(50), lambda d: str(d.year), "millennium"),
    Unit("century", 100 * 365 * 86400, *_years(100), lambda d: f"{d.year}s", "millennium"),
    Unit("500 years", 500 * 365 * 86400, *_years(500), lambda d: str(d.year), None),
    Unit("millennium", 1000 * 365 * 86400, *_years(1000), lambda d: str(d.year), None),
]
BY_NAME = {u.name: u for u in UNITS}
MAJOR_LABELS: dict[str, Callable[[datetime], str]] = {
    "day": day_text,
    "month": lambda d: f"{MONTH_ABBR[d.month - 1]} {d.year}",
    "year": lambda d: str(d.year),
    "decade": lambda d: f"{d.year}s",
    "century": lambda d: f"{d.year}–{d.year + 99}",  # not "1900s", which reads as a decade
    "millennium": lambda d: str(d.year),
}


def ticks(unit: Unit, t0: float, t1: float, limit: int = 2000) -> Iterator[tuple[float, str]]:
    moment = unit.floor(to_datetime(t0))
    end = to_datetime(t1)
    for _ in range(limit):
        if moment > end:
            return
        yield to_ts(moment), unit.label(moment)
        following = unit.step(moment)
        if following <= moment:
            return
        moment = following


def choose_unit(t0: float, t1: float, width: float, measure: Callable[[str], float]) -> Unit:
    """The finest unit whose labels do not overlap at this zoom."""
    seconds_per_px = max(t1 - t0, 1.0) / max(width, 1.0)
    for unit in UNITS:
        spacing = unit.seconds / seconds_per_px
        if spacing < 24:
            continue
        sample = [label for _, label in ticks(unit, t0, t1, limit=60)]
        widest = max((measure(label) for label in sample), default=0.0)
        if widest + PADDING <= spacing:
            return unit
    return UNITS[-1]


def major_ticks(unit: Unit, t0: float, t1: float) -> list[tuple[float, str]]:
    """Context labels for the upper row (the month above days, the year above months)."""
    if unit.major is None:
        return []
    major, label = BY_NAME[unit.major], MAJOR_LABELS[unit.major]
    result = []
    moment = major.floor(to_datetime(t0))
    end = to_datetime(t1)
    for _ in range(500):
        if moment > end:
            break
        result.append((to_ts(moment), label(moment)))
        following = major.step(moment)
        if following <= moment:
            break
        moment = following
    return result
