"""One end of a fuzzy date: a `Point` (a day, month, year, decade... maybe qualified
as uncertain or approximate), its `Precision`, and the calendar words both it and `When`
read and write (month names, EDTF seasons).  `When` (when.py) is one point or an interval
of two; the rest of Briefer sees only `When`.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from functools import cached_property
from typing import Optional

from .errors import DateNotTaken, WhenError

__all__ = ["Point", "Precision", "MIN_DATETIME", "MAX_DATETIME", "MONTH_ABBR", "MONTH_NAMES", "SEASONS",
           "SEASON_NAMES", "to_timestamp", "from_timestamp"]

MIN_DATETIME = datetime(1, 1, 1)
MAX_DATETIME = datetime(9999, 12, 31, 23, 59, 59)
_EPOCH = datetime(1970, 1, 1)

MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = {
    name.lower(): i
    for i in range(1, 13)
    for name in (calendar.month_name[i], calendar.month_abbr[i], MONTH_ABBR[i - 1] + ".")
}
MONTH_NAMES["sept"] = 9
# EDTF level 1 seasons (month 21-24), as the northern hemisphere has them: first month, name
SEASONS = {21: (3, "Spring"), 22: (6, "Summer"), 23: (9, "Autumn"), 24: (12, "Winter")}
SEASON_NAMES = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}


class Precision(Enum):
    """How much of a point in time is known, coarsest first."""

    MILLENNIUM = 0
    CENTURY = 1
    DECADE = 2
    YEAR = 3
    MONTH = 4
    DAY = 5
    MINUTE = 6


_POINT_RE = re.compile(
    r"^(?P<year>\d{4}|\d{3}X|\d{2}XX|\dXXX)"
    r"(?:-(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX))?)?"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?(?:Z| ?(?P<offset>[+-]\d{2}(?::?\d{2})?))?)?"
    r"(?P<qualifier>[?~%])?$"
)


def to_timestamp(moment: datetime) -> int:
    """Seconds since 1970-01-01 UTC; how the store keeps bounds."""
    return (moment - _EPOCH) // timedelta(seconds=1)


def from_timestamp(seconds: int) -> datetime:
    return _EPOCH + timedelta(seconds=seconds)


@dataclass(frozen=True)
class Point:
    """One end of a `When`: a date known to some precision, maybe qualified.

    `year` is four characters where trailing digits may be ``X`` (``201X``);
    `month` and `day` are two characters or ``XX`` (unspecified) or None (not given).
    """

    year: str
    month: Optional[str] = None
    day: Optional[str] = None
    time: Optional[str] = None  # "HH:MM", UTC
    uncertain: bool = False
    approximate: bool = False

    # -- construction -------------------------------------------------------------
    @classmethod
    def of(
        cls,
        year: int,
        month: int | None = None,
        day: int | None = None,
        *,
        time: str | None = None,
        uncertain: bool = False,
        approximate: bool = False,
    ) -> "Point":
        point = cls(
            f"{year:04d}",
            None if month is None else f"{month:02d}",
            None if day is None else f"{day:02d}",
            time,
            uncertain,
            approximate,
        )
        point._validate(str(point))
        return point

    @classmethod
    def parse(cls, text: str) -> "Point":
        match = _POINT_RE.match(text)
        if not match:
            raise WhenError(_explain_bad_point(text))
        g = match.groupdict()
        time = None
        if g["hour"] is not None:
            if g["day"] is None or "X" in (g["day"] + g["month"] + g["year"]):
                raise WhenError(f"'{text}': a time of day needs a full date (YYYY-MM-DDThh:mm)")
            if g["second"] not in (None, "00"):
                raise WhenError(f"'{text}': Briefer keeps times to the minute; drop the seconds")
            time = f"{g['hour']}:{g['minute']}"
            if g["qualifier"]:
                raise DateNotTaken(f"'{text}': a date with a time of day cannot be qualified with ?, ~ or %")
        q = g["qualifier"]
        point = cls(
            g["year"],
            g["month"],
            g["day"],
            time,
            uncertain=q in ("?", "%"),
            approximate=q in ("~", "%"),
        )
        point._validate(text)
        return point.in_utc(g["offset"], text) if g["offset"] else point

    def in_utc(self, offset: str, text: str) -> "Point":
        """This time of day, told at a UTC offset ("+03:00", "+0300", "+03", "-05:30"), as the
        same instant in UTC, which Briefer keeps: 14:00+03:00 is 11:00Z (the day may change)."""
        m = re.fullmatch(r"([+-])(\d{2}):?(\d{2})?", offset)
        hours, minutes = int(m.group(2)), int(m.group(3) or 0)
        if minutes > 59 or hours * 60 + minutes > (14 * 60 if m.group(1) == "+" else 12 * 60):
            raise DateNotTaken(f"'{text}': {offset} is not a UTC offset (they run from -12:00 to +14:00)")
        shift = timedelta(hours=hours, minutes=minutes) * (1 if m.group(1) == "+" else -1)
        hour, minute = (int(x) for x in self.time.split(":"))
        try:
            moment = datetime(int(self.year), int(self.month), int(self.day), hour, minute) - shift
        except (OverflowError, ValueError):
            raise DateNotTaken(f"'{text}': at UTC offset {offset}, that falls outside the years 0001 to 9999") from None
        return Point.of(moment.year, moment.month, moment.day, time=f"{moment:%H:%M}")

    @property
    def season(self) -> Optional[int]:
        """21-24 for an EDTF season (spring, summer, autumn, winter), else None."""
        return int(self.month) if self.month is not None and self.month.isdigit() and int(self.month) > 12 else None

    def _validate(self, text: str) -> None:
        if self.season is not None:
            if self.season not in SEASONS:
                raise WhenError(f"'{text}': month {self.month} is out of range (01–12, or 21–24 for a season)")
            if self.day is not None or "X" in self.year:
                raise WhenError(f"'{text}': a season has a known year and no day")
        elif self.month is not None and self.month != "XX":
            if not 1 <= int(self.month) <= 12:
                raise WhenError(f"'{text}': month {self.month} is out of range (01–12)")
            if "X" in self.year and self.day is not None:
                raise WhenError(f"'{text}': a day needs a known year")
        if self.day is not None and self.day != "XX":
            if self.month == "XX":
                raise WhenError(f"'{text}': a day needs a known month")
            last = calendar.monthrange(int(self.year), int(self.month))[1]
            if not 1 <= int(self.day) <= last:
                raise DateNotTaken(
                    f"'{text}': {MONTH_ABBR[int(self.month) - 1]} {self.year} has no day {int(self.day)}"
                )
        if self.year == "0000":
            raise WhenError(f"'{text}': Briefer handles years 0001 to 9999")
        if self.time is not None:
            hour, minute = (int(x) for x in self.time.split(":"))
            if hour > 23 or minute > 59:
                raise WhenError(f"'{text}': {self.time} is not a time of day (00:00–23:59)")

    # -- what is known ------------------------------------------------------------
    @cached_property
    def precision(self) -> Precision:
        if self.time is not None:
            return Precision.MINUTE
        if self.day is not None and self.day != "XX":
            return Precision.DAY
        if self.month is not None and self.month != "XX":
            return Precision.MONTH
        xs = self.year.count("X")
        return (Precision.YEAR, Precision.DECADE, Precision.CENTURY, Precision.MILLENNIUM)[xs]

    @cached_property
    def earliest(self) -> datetime:
        year = int(self.year.replace("X", "0"))
        if year == 0:
            year = 1
        if self.precision.value <= Precision.YEAR.value:
            return datetime(year, 1, 1)
        if self.season is not None:
            return datetime(year, SEASONS[self.season][0], 1)
        if self.precision is Precision.MONTH:
            return datetime(year, int(self.month), 1)
        hour, minute = (0, 0) if self.time is None else (int(x) for x in self.time.split(":"))
        return datetime(year, int(self.month), int(self.day), hour, minute)

    @cached_property
    def latest(self) -> datetime:
        year = int(self.year.replace("X", "9"))
        p = self.precision
        if p.value <= Precision.YEAR.value:
            return datetime(year, 12, 31, 23, 59, 59)
        if self.season is not None:  # three months from its first (winter runs into the next year)
            last = SEASONS[self.season][0] + 2
            year, month = (year + 1, last - 12) if last > 12 else (year, last)
            return datetime(year, month, calendar.monthrange(year, month)[1], 23, 59, 59)
        month = int(self.month)
        if p is Precision.MONTH:
            return datetime(year, month, calendar.monthrange(year, month)[1], 23, 59, 59)
        if p is Precision.DAY:
            return datetime(year, month, int(self.day), 23, 59, 59)
        return self.earliest + timedelta(seconds=59)

    # -- text ---------------------------------------------------------------------
    def __str__(self) -> str:
        text = self.year
        if self.month is not None:
            text += f"-{self.month}"
            if self.day is not None:
                text += f"-{self.day}"
        if self.time is not None:
            return f"{text}T{self.time}:00Z"
        if self.uncertain and self.approximate:
            text += "%"
        elif self.uncertain:
            text += "?"
        elif self.approximate:
            text += "~"
        return text

    def plain_label(self) -> str:
        """The label without qualifiers ("9 Feb 2019", "Feb 2019", "2010s")."""
        p = self.precision
        if p is Precision.MINUTE:
            return f"{self._day_label()} {self.time} UTC"
        if p is Precision.DAY:
            return self._day_label()
        if self.season is not None:
            return f"{SEASONS[self.season][1]} {self.year}"
        if p is Precision.MONTH:
            label = f"{MONTH_ABBR[int(self.month) - 1]} {self.year}"
            return label + (", day unknown" if self.day == "XX" else "")
        if p is Precision.YEAR:
            return self.year + (", month unknown" if self.month == "XX" else "")
        if p is Precision.DECADE:
            return self.year.replace("X", "0") + "s"
        if p is Precision.CENTURY:
            return self.year.replace("X", "0") + "s"
        return f"{self.year.replace('X', '0')}–{self.year.replace('X', '9')}"

    def _day_label(self) -> str:
        return f"{int(self.day)} {MONTH_ABBR[int(self.month) - 1]} {self.year}"

    def label(self) -> str:
        text = self.plain_label()
        if self.approximate:
            text = "c. " + text
        if self.uncertain:
            text += "?"
        return text

    @property
    def qualified(self) -> bool:
        return self.uncertain or self.approximate


def _explain_bad_point(text: str) -> str:
    if not text:
        return "an interval end is empty; use '..' for an open end"
    m = re.match(r"^(\d{1,4})-(\d{1,2})(?:-(\d{1,2}))?", text)
    if m and (len(m.group(1)) != 4 or len(m.group(2)) != 2 or (m.group(3) and len(m.group(3)) != 2)):
        return f"'{text}': write the year with four digits and month and day with two (e.g. 2019-02-09)"
    m = re.match(r"^\d{4}-(\d{2})$", text)
    if m:
        return f"'{text}': month {m.group(1)} is out of range (01–12)"
    if re.match(r"^\d{4}-\d{2}-\d{2}T", text):
        return f"'{text}': write a time as 2019-02-09T14:30:00Z or 2019-02-09 14:30"
    return f"'{text}' is not a date: write 2019-02-09, 2019-02, 2019, 201X, 2013~ or 2019-02-04/2019-02-09"
