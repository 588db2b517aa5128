"""The words of English date expressions and the arithmetic of their days: month and
weekday names, numbers said in words, spans counted back or forward from a day.  Shared by
the rules (`date_rules.py`) and the reader (`dates.py`)."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Optional

from dateutil.easter import easter  # Easter Sunday (Gregorian) of a year

from ..core.point import Point
from ..core.when import When


MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "a few": 3,
           "several": 3, "24": 1, "a dozen": 12}

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = r"(?:\d{1,3}|a couple of|a few|a dozen|several|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_UNIT = r"(?:hours?|days?|weeks?|months?|years?|decades?)"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"

FUTURE_RE = re.compile(r"\b(?:will|shall|is due|are due|due to|plans? to|planned|planning|going to|to be completed|"
                       r"expects?|expected|upcoming|scheduled)\b", re.I)
# "ahead of May 28 elections", "in the run-up to the 5 June vote", "ahead of the nation's presidential
# election in August": a date in what is awaited is of what is to come
AHEAD_RE = re.compile(r"\b(?:ahead of|in the run-up to|in the lead-up to|in the build-up to)\s+(?:the\s+|next\s+|this\s+)?"
                      r"(?:[\w'’-]+\s+){0,5}?(?:(?:in|on|of|set\s+for|scheduled\s+for)\s+)?$", re.I)


class Tense(str):
    """How the verb that governs a date places it: "future", "past" (a simple past, or a participle
    with no 'have': "reported this week"), "perfect" ("has marred the talks this week"), "present"
    ("marks the end of Ramadan this week", "could begin this week") or "" when not known.  True
    only for the future, so a rule that asks only whether its sentence speaks of what is to come
    reads it as it read a bool."""

    __slots__ = ()

    def __bool__(self) -> bool:
        return self == "future"


# "today", "this morning", "yesterday", "last night", "tomorrow": a day counted from another one (publication,
# or the day of the remarks a quotation holds it in: `dates`), by `relative_day_shift` days
RELATIVE_DAY = r"today|tonight|this morning|this afternoon|this evening|yesterday|last night|tomorrow"


def relative_day_shift(words: str) -> int:
    """How many days a `RELATIVE_DAY` word moves from the day it counts from: -1, 0 or 1."""
    words = " ".join(words.lower().split())
    return -1 if "yesterday" in words or "last night" in words else 1 if "tomorrow" in words else 0


def format_day(day: date) -> str:
    return f"{day.day} {calendar.month_abbr[day.month]} {day.year}"


def _pt(d: date) -> Point:
    return Point.of(d.year, d.month, d.day)


def _day(d: date, **q: bool) -> When:
    return When.day(d, **q)


def _month_when(year: int, month: int) -> When:
    return When.month(year, month)


def _add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


_PLURAL_DEFAULT = {"hours": 24, "days": 7, "weeks": 4, "months": 3, "years": 2, "decades": 2}


def _number(text: Optional[str], unit: str = "") -> int:
    """How many units a phrase counts; "the coming days" without a number is taken as a few."""
    if not text:
        return _PLURAL_DEFAULT.get(unit.lower(), 1)
    text = text.lower().strip()
    if text.isdigit():
        return int(text)
    return NUMBERS.get(text, 1)


def _span_back(pub: date, n: int, unit: str) -> date:
    unit = unit.rstrip("s")
    if unit == "hour":  # "two hours ago": the day of publication; "the past 48 hours": two days back
        return pub - timedelta(days=n // 24)
    if unit == "day":
        return pub - timedelta(days=n)
    if unit == "week":
        return pub - timedelta(weeks=n)
    if unit == "month":
        return _add_months(pub, -n)
    if unit == "decade":
        n *= 10
    try:
        return pub.replace(year=pub.year - n)
    except ValueError:
        return pub.replace(year=pub.year - n, day=28)


def _span_forward(pub: date, n: int, unit: str) -> date:
    unit = unit.rstrip("s")
    if unit == "hour":
        return pub + timedelta(days=max(1, (n + 23) // 24))
    if unit == "day":
        return pub + timedelta(days=n)
    if unit == "week":
        return pub + timedelta(weeks=n)
    if unit == "month":
        return _add_months(pub, n)
    if unit == "decade":
        n *= 10
    try:
        return pub.replace(year=pub.year + n)
    except ValueError:
        return pub.replace(year=pub.year + n, day=28)


def _safe_date(year: int, month: int, day: int) -> Optional[date]:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# -- feasts ----------------------------------------------------------------------
_FEASTS = {"christmas": (12, 25), "new year": (1, 1)}


def feast_day(words: str, year: int) -> date:
    """The day of a feast named in `words` ("Christmas Eve", "Easter Monday", "Good Friday") in `year`."""
    if "easter" in words or "good friday" in words:
        return easter(year) - timedelta(days=2 if "friday" in words else 0) + timedelta(days=1 if "monday" in words else 0)
    month, day = _FEASTS["christmas" if "christmas" in words else "new year"]
    if "eve" in words:
        month, day = (12, 24) if month == 12 else (12, 31)
    return date(year, month, day)
