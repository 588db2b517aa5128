"""Fuzzy dates: what an analyst knows of *when* something happened.

Reports rarely give exact dates ("2013", "February 2019", "before April"), so every
date in Briefer is a `When`: an immutable value whose text form is EDTF (ISO 8601-2,
levels 0 and 1).  The rest of the program only sees this type: its bounds (for
sorting, filtering and drawing), its precision and qualifiers (for drawing honestly)
and its label (for people).  Parsing is Briefer's own: the `edtf` library parses one
value in ~7 ms (pyparsing), far too slow for a store that re-reads thousands of dates
per screen, so it is used instead as the test oracle (tests/core/test_when.py checks
that it accepts everything Briefer writes).  Anything unsupported is refused with a
message that says why.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property, lru_cache
from typing import Optional

from .errors import DateNotTaken, WhenError
from .point import (  # noqa: F401 - Point, Precision and the bounds are When's vocabulary: imported from here
    MAX_DATETIME, MIN_DATETIME, MONTH_ABBR, MONTH_NAMES, SEASON_NAMES, SEASONS, Point, Precision, from_timestamp,
    to_timestamp,
)

__all__ = ["When", "Point", "Precision", "WhenError", "MIN_DATETIME", "MAX_DATETIME"]


@dataclass(frozen=True)
class When:
    """When something happened, as far as anyone knows.

    A single `Point`, or an interval of two points where either end may be open
    (``../2019-04`` "on or before Apr 2019", ``2014/..`` "on or after 2014": an open
    interval includes its known end).
    """

    start: Optional[Point]
    end: Optional[Point] = None
    interval: bool = False

    def __post_init__(self) -> None:
        if not self.interval:
            if self.start is None or self.end is not None:
                raise WhenError("a single date needs exactly one point")
            return
        if self.start is None and self.end is None:
            raise WhenError("an interval needs at least one known end ('../..' says nothing)")
        for p in (self.start, self.end):
            # EDTF level 1 allows neither in an interval's ends.
            if p is not None and p.time is not None:
                raise WhenError(f"'{p}': an interval's ends are dates; a time of day cannot be used in an interval")
            if p is not None and "X" in str(p):
                raise WhenError(f"'{p}': an interval's ends cannot have unspecified digits (X)")
            if p is not None and p.season is not None:
                raise WhenError(f"'{p}': an interval's ends are days, months or years, not seasons")
        if self.start is not None and self.end is not None and self.start.earliest > self.end.latest:
            raise WhenError(f"'{self.edtf}': the interval ends before it starts")

    # -- construction -------------------------------------------------------------
    @classmethod
    def parse(cls, text: str) -> "When":
        """Parse EDTF text; raise `WhenError` saying what is wrong.

        Also accepts a space instead of ``T`` before a time, so "2019-02-09 14:30" works.
        Values are immutable, so parses are cached: the store re-reads the same texts often.
        """
        if isinstance(text, str):
            return _parse_cached(text)
        return cls._parse(text)

    @classmethod
    def _parse(cls, text: str) -> "When":
        if text is None or not str(text).strip():
            raise WhenError("no date given: write one like 2019-02-09, 2019-02, 2013~ or 2019-02-04/2019-02-09")
        text = str(text).strip()
        if "/" in text:
            left, _, right = text.partition("/")
            if "/" in right:
                if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{2,4}", text):  # 9/2/2019: 9 Feb or Sep 2?
                    raise WhenError(f"'{text}' could be read two ways (day/month or month/day): write "
                                    "2019-02-09 or 9 Feb 2019")
                raise WhenError(f"'{text}': an interval has one '/'")
            start = None if left == ".." else Point.parse(left)
            end = None if right == ".." else Point.parse(right)
            when = cls(start, end, True)
        else:
            when = cls(Point.parse(text))
        return when

    @classmethod
    def parse_friendly(cls, text: str) -> "When":
        """EDTF or the forms people type and Briefer prints ("9 Feb 2019", "c. 2013",
        "4–9 Feb 2019", "on or before Apr 2019", "on or after 2014").

        Open ends, as an analyst means them:

        - "on or before", "by", "until", "up to" include the date named (``../2019-04``);
          "on or after", "since", "from", "starting" too (``2014/..``).
        - "before" and "after" are strict: they end (start) one unit of the date's own
          precision away: "before 10 Mar 2021" is ``../2021-03-09`` ("on or before 9 Mar 2021"),
          "before 1 Mar 2020" ``../2020-02-29``, "before Apr 2019" ``../2019-03``, "before Jan 2019"
          ``../2018-12``, "before 2019" ``../2018``; "after 2014" is ``2015/..``.
        - A qualified date ("before c. 2013", "after 2019?") has no clean unit before or after
          it ("c. 2012" is not what was said), so it keeps the inclusive reading; the label says
          so ("on or before c. 2013").  Seasons, decades and other unspecified digits, and times
          of day cannot be an open end at all (EDTF level 1) and are refused, with every word.
        - There is nothing before year 1 or after 9999: "before 2 Jan 0001" works, "before 0001"
          is refused.
        """
        try:
            return cls.parse(text)
        except WhenError as edtf_error:
            if isinstance(edtf_error, DateNotTaken):
                raise  # read as EDTF, but it cannot be taken (30 Feb, an offset out of range)
            try:
                return _parse_friendly(str(text).strip())
            except WhenError as friendly_error:
                if isinstance(friendly_error, DateNotTaken):  # understood, but it cannot be taken
                    raise friendly_error from None
                if re.match(r"^[\d\-X/.?~%T: ]+$", str(text).strip()):
                    raise edtf_error from None
                raise WhenError(
                    f"'{text}' is not a date Briefer understands: write 2019-02-09, Feb 2019, "
                    "c. 2013, 4–9 Feb 2019, on or before Apr 2019 or on or after 2014"
                ) from None

    @classmethod
    def of(cls, point: Point) -> "When":
        return cls(point)

    @classmethod
    def day(cls, value: date, **qualifiers: bool) -> "When":
        return cls(Point.of(value.year, value.month, value.day, **qualifiers))

    @classmethod
    def month(cls, year: int, month: int, **qualifiers: bool) -> "When":
        return cls(Point.of(year, month, **qualifiers))

    @classmethod
    def year(cls, year: int, **qualifiers: bool) -> "When":
        return cls(Point.of(year, **qualifiers))

    @classmethod
    def between(cls, start: "When | Point", end: "When | Point") -> "When":
        return cls(_as_point(start), _as_point(end), True)

    @classmethod
    def before(cls, end: "When | Point") -> "When":
        return cls(None, _as_point(end), True)

    @classmethod
    def since(cls, start: "When | Point") -> "When":
        return cls(_as_point(start), None, True)

    # -- what is known ------------------------------------------------------------
    @property
    def edtf(self) -> str:
        if not self.interval:
            return str(self.start)
        left = ".." if self.start is None else str(self.start)
        right = ".." if self.end is None else str(self.end)
        return f"{left}/{right}"

    def __str__(self) -> str:
        return self.edtf

    @property
    def open_start(self) -> bool:
        return self.interval and self.start is None

    @property
    def open_end(self) -> bool:
        return self.interval and self.end is None

    @cached_property
    def earliest(self) -> datetime:
        """The first moment it may have happened (an open start is `MIN_DATETIME`)."""
        return MIN_DATETIME if self.start is None else self.start.earliest

    @cached_property
    def latest(self) -> datetime:
        """The last moment it may have happened (an open end is `MAX_DATETIME`)."""
        if not self.interval:
            return self.start.latest
        return MAX_DATETIME if self.end is None else self.end.latest

    @cached_property
    def earliest_ts(self) -> int:
        return to_timestamp(self.earliest)

    @cached_property
    def latest_ts(self) -> int:
        return to_timestamp(self.latest)

    @cached_property
    def precision(self) -> Precision:
        """The coarsest precision of the known ends; intervals drawn as bars read this."""
        points = [p for p in (self.start, self.end) if p is not None]
        return min((p.precision for p in points), key=lambda p: p.value)

    @property
    def is_point(self) -> bool:
        """True when it can be drawn as a point: a single day or a time of day."""
        return not self.interval and self.precision.value >= Precision.DAY.value

    @property
    def uncertain(self) -> bool:
        return any(p is not None and p.uncertain for p in (self.start, self.end))

    @property
    def approximate(self) -> bool:
        return any(p is not None and p.approximate for p in (self.start, self.end))

    @property
    def sort_key(self) -> tuple[datetime, datetime, str]:
        return (self.earliest, self.latest, self.edtf)

    def __lt__(self, other: "When") -> bool:
        return self.sort_key < other.sort_key

    @property
    def label(self) -> str:
        """How a person reads it: "9 Feb 2019", "c. 2013", "4–9 Feb 2019", "on or after 2014".

        The one place an open interval is worded: ``../2021-03-10`` includes that day, so it
        is "on or before 10 Mar 2021" (plain "before" would leave the day out)."""
        if not self.interval:
            return self.start.label()
        if self.start is None:
            return f"on or before {self.end.label()}"
        if self.end is None:
            return f"on or after {self.start.label()}"
        return _interval_label(self.start, self.end)

    def overlaps(self, earliest: datetime, latest: datetime) -> bool:
        return self.earliest <= latest and self.latest >= earliest


@lru_cache(maxsize=65536)
def _parse_cached(text: str) -> When:
    return When._parse(text)


def _as_point(value: "When | Point") -> Point:
    if isinstance(value, Point):
        return value
    if value.interval:
        raise WhenError(f"'{value.edtf}' is an interval, not a point")
    return value.start


def _interval_label(a: Point, b: Point) -> str:
    if str(a) == str(b):  # "2019-03-05/2019-03-05" is that day, not "5–5 Mar 2019"
        return a.label()
    same_qual = not (a.qualified or b.qualified)
    pa, pb = a.precision, b.precision
    if same_qual and pa is pb is Precision.DAY and a.year == b.year:
        if a.month == b.month:
            return f"{int(a.day)}–{int(b.day)} {MONTH_ABBR[int(a.month) - 1]} {a.year}"
        return f"{int(a.day)} {MONTH_ABBR[int(a.month) - 1]} – {b.label()}"
    if same_qual and pa is pb is Precision.MONTH and a.year == b.year and a.day is None and b.day is None:
        return f"{MONTH_ABBR[int(a.month) - 1]}–{MONTH_ABBR[int(b.month) - 1]} {a.year}"
    if same_qual and pa is pb is Precision.YEAR and a.month is None and b.month is None:
        return f"{a.year}–{b.year}"
    return f"{a.label()} – {b.label()}"


# -- friendly forms --------------------------------------------------------------
_DASHES = re.compile(r"\s*[–—]\s*|\s+-\s+|\s+to\s+|\s+until\s+")


_PART_OF = re.compile(r"^(early|mid|late)[- ](.+)$", re.I)
_QUARTER = re.compile(r"^(?:Q([1-4])|([1-4])Q)[ -]?(\d{4})$", re.I)
_SEASON = re.compile(r"^(spring|summer|autumn|fall|winter)[ -]?(\d{4})$", re.I)
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_MONTH_RANGE = re.compile(r"^([A-Za-z]+\.?)-([A-Za-z]+\.? \d{4})$")  # "Feb-Mar 2019"


def _thirds(point: Point) -> list[tuple[Point, Point]]:
    """Early, mid and late parts of a month (days 1-10, 11-20, 21-end) or of a year (Jan-Apr,
    May-Aug, Sep-Dec)."""
    y = int(point.year)
    if point.precision is Precision.MONTH and point.season is None:
        m = int(point.month)
        last = calendar.monthrange(y, m)[1]
        return [(Point.of(y, m, a), Point.of(y, m, b)) for a, b in ((1, 10), (11, 20), (21, last))]
    if point.precision is Precision.YEAR and point.month is None:
        return [(Point.of(y, a), Point.of(y, b)) for a, b in ((1, 4), (5, 8), (9, 12))]
    raise DateNotTaken(f"'{point.label()}': early, mid and late go with a month or a year (early Feb 2019, late 2019)")


def _parse_period_words(t: str) -> Optional[When]:
    """The forms analysts write for parts of the calendar: "early/mid/late Feb 2019", "Q1 2019",
    "spring 2019" (an EDTF season), "09.02.2019" (day first), "Feb-Mar 2019"."""
    m = _PART_OF.match(t)
    if m:
        if _SEASON.match(m.group(2)):
            raise DateNotTaken(f"'{t}': early, mid and late go with a month or a year (early Feb 2019, late 2019)")
        start, end = _thirds(_friendly_point(m.group(2)))[("early", "mid", "late").index(m.group(1).lower())]
        return When(start, end, True)
    m = _QUARTER.match(t)
    if m:
        quarter, year = int(m.group(1) or m.group(2)), int(m.group(3))
        return When(Point.of(year, 3 * quarter - 2), Point.of(year, 3 * quarter), True)
    m = _SEASON.match(t)
    if m:
        return When(Point.of(int(m.group(2)), SEASON_NAMES[m.group(1).lower()]))
    m = _DOTTED.match(t)
    if m:
        return When(Point.of(int(m.group(3)), int(m.group(2)), int(m.group(1))))
    m = _MONTH_RANGE.match(t)
    if m and m.group(1).lower().rstrip(".") in MONTH_NAMES:
        return _friendly_range(m.group(1), m.group(2))
    return None


def _parse_friendly(text: str) -> When:
    t = re.sub(r"\s+", " ", text.strip())
    low = t.lower()
    words = _parse_period_words(t)
    if words is not None:
        return words
    for prefix in ("on or before ", "before ", "by ", "until ", "up to "):
        if low.startswith(prefix):
            end = _open_end(_friendly_point(t[len(prefix):]), t)
            return When.before(_next_unit(end, -1, t) if prefix == "before " else end)
    for prefix in ("on or after ", "since ", "from ", "after ", "starting "):
        if low.startswith(prefix):
            rest = t[len(prefix):]
            if not _DASHES.search(rest):
                start = _open_end(_friendly_point(rest), t)
                return When.since(_next_unit(start, 1, t) if prefix == "after " else start)
            t = rest
            break
    m = re.match(r"^between (.+) and (.+)$", t, re.I)
    if m:
        return _friendly_range(m.group(1), m.group(2))
    parts = _DASHES.split(t)
    if len(parts) == 2:
        return _friendly_range(*parts)
    m = re.match(r"^(\d{1,2})-(\d{1,2}) (.+)$", t)  # "4-9 Feb 2019"
    if m:
        return _friendly_range(m.group(1), f"{m.group(2)} {m.group(3)}")
    return When(_friendly_point(t))


def _open_end(point: Point, text: str) -> Point:
    """`point` as the known end of "before …" / "after …", or a message saying why it cannot be."""
    if point.time is not None or point.season is not None or "X" in str(point):
        raise DateNotTaken(f"'{text}': an open end is a day, a month or a year (before 9 Feb 2019, by Apr 2019, after 2014), "
                        f"not {point.label()}")
    return point


def _next_unit(point: Point, step: int, text: str) -> Point:
    """The day, month or year just after (`step` 1) or before (-1) `point`, at its precision:
    what strict "after" and "before" start or end at.  A qualified point has no clean unit
    beside it and is returned as it is (the inclusive reading)."""
    if point.qualified:
        return point
    edge = DateNotTaken(f"'{text}': Briefer's calendar has nothing {'after' if step > 0 else 'before'} {point.label()} "
                     "(it runs from year 0001 to 9999)")
    year = int(point.year)
    if point.day is not None:
        try:
            moment = date(year, int(point.month), int(point.day)) + timedelta(days=step)
        except OverflowError:  # datetime's calendar and Briefer's both run from 0001 to 9999
            raise edge from None
        return Point.of(moment.year, moment.month, moment.day)
    if point.month is not None:
        beside_year, month = divmod(year * 12 + int(point.month) - 1 + step, 12)
        beside = (beside_year, month + 1)
    else:
        beside = (year + step,)
    if not 1 <= beside[0] <= 9999:
        raise edge
    return Point.of(*beside)


def _friendly_range(left: str, right: str) -> When:
    end = _friendly_point(right)
    try:
        start = _friendly_point(left)
    except WhenError:
        # "4–9 Feb 2019", "4 Feb – 9 Mar 2019", "Feb–Apr 2019": borrow what the left lacks.
        tail = right.strip().split(" ")
        start = None
        for keep in (1, 2):
            try:
                start = _friendly_point(f"{left.strip()} {' '.join(tail[-keep:])}")
                break
            except WhenError:
                continue
        if start is None:
            raise
    return When(start, end, True)


def _friendly_point(text: str) -> Point:
    t = text.strip().rstrip(",")
    approximate = uncertain = False
    m = re.match(r"^(c\.|ca\.|circa|about|around|approx\.?|approximately|~)\s*(.+)$", t, re.I)
    if m:
        approximate, t = True, m.group(2)
    if t.endswith("?"):
        uncertain, t = True, t[:-1].strip()
    if t.endswith("~"):
        approximate, t = True, t[:-1].strip()
    q = dict(uncertain=uncertain, approximate=approximate)
    try:
        point = Point.parse(t)
    except WhenError:
        pass
    else:
        if point.time is not None and (uncertain or approximate):
            raise DateNotTaken(f"'{text}': a time of day cannot be qualified")
        return Point(point.year, point.month, point.day, point.time, uncertain or point.uncertain,
                     approximate or point.approximate)
    if re.fullmatch(r"\d{3}0s", t):
        return Point(t[:3] + "X", **q)
    words = t.replace(",", " ").split()
    time = offset = None
    glued = re.fullmatch(r"(\d{1,2}:\d{2})([+-]\d{2}(?::?\d{2})?)", words[-1]) if words else None
    if glued:  # "14:00+03:00"
        words[-1:] = glued.groups()
    if len(words) > 1 and re.fullmatch(r"[+-]\d{2}(?::?\d{2})?", words[-1]) and ":" in words[-2]:
        offset = words.pop()  # "14:00 +03:00": a time told at a UTC offset
    if words and re.fullmatch(r"\d{1,2}:\d{2}", words[-1]):
        time = words.pop()
    elif len(words) > 1 and words[-1].upper() == "UTC" and re.fullmatch(r"\d{1,2}:\d{2}", words[-2]):
        time = words[-2]
        words = words[:-2]
    if time is not None:
        if q["uncertain"] or q["approximate"]:
            raise DateNotTaken(f"'{text}': a time of day cannot be qualified")
        h, mnt = time.split(":")
        time = f"{int(h):02d}:{mnt}"
    year = month = day = None
    for word in words:
        lw = word.lower().rstrip(".")
        if lw in MONTH_NAMES or lw + "." in MONTH_NAMES:
            if month is not None:
                raise WhenError(f"'{text}': two months")
            month = MONTH_NAMES.get(lw) or MONTH_NAMES[lw + "."]
        elif re.fullmatch(r"\d{4}", word):
            if year is not None:
                raise WhenError(f"'{text}': two years")
            year = int(word)
        elif re.fullmatch(r"\d{1,2}(st|nd|rd|th)?", lw):
            if day is not None:
                raise WhenError(f"'{text}': two days")
            day = int(re.match(r"\d+", lw).group())
        else:
            raise WhenError(f"'{text}': '{word}' is not part of a date")
    if year is None:
        raise WhenError(f"'{text}': no year")
    if day is not None and month is None:
        raise WhenError(f"'{text}': a day needs a month")
    if time is not None and day is None:
        raise WhenError(f"'{text}': a time of day needs a full date")
    point = Point.of(year, month, day, time=time, **q)
    return point.in_utc(offset, text) if offset else point
