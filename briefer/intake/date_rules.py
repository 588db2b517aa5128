"""The rules that read English date expressions: each is a pattern and a handler that
resolves a match against the publication date (and whether its sentence speaks of the
future), saying in plain words how it was read.  `dates.find_dates` applies them."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Optional

from ..core.point import Precision
from ..core.when import Point, When

from .date_periods import RULES as PERIOD_RULES, _ago, _past_n, _within

from .date_words import (_MONTH, _NUM, _ORD, _UNIT, _WEEKDAY, _YEAR, MONTHS, WEEKDAYS, _add_months, _day,
                         RELATIVE_DAY, _month_when, _number, _pt, _safe_date, feast_day, format_day,
                         relative_day_shift)

# The rules.  Each is (pattern, handler, flags); a handler gets the match, the
# publication date (or None) and whether the sentence speaks of the future, and
# returns (When, rule) or None when it cannot resolve.

Resolved = Optional[tuple[When, str, bool]]


def _explicit_dmy(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    day = _safe_date(int(m["y"]), MONTHS[m["m"].lower().rstrip(".")], int(m["d"]))
    return (_day(day), "a full date written out", False) if day else None


def _numeric(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if m["sep"] == ".":
        day, rule = _safe_date(y, b, a), "a numeric date, day.month.year"
    else:
        day, rule = _safe_date(y, a, b), "a numeric date, month/day/year"
        if day is None:
            day, rule = _safe_date(y, b, a), "a numeric date, day/month/year"
    return (_day(day), rule, False) if day else None


def _iso(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    day = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return (_day(day), "an ISO date", False) if day else None


def _day_month(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    if pub is None:
        return None
    month = MONTHS[m["m"].lower().rstrip(".")]
    day = _safe_date(pub.year, month, int(m["d"]))
    if day is None:
        return None
    if not future and day > pub + timedelta(days=7):
        day = _safe_date(pub.year - 1, month, int(m["d"])) or day
        rule = f"day and month without a year: the last one before publication ({format_day(pub)})"
    elif future and day < pub - timedelta(days=7):
        day = _safe_date(pub.year + 1, month, int(m["d"])) or day
        rule = f"day and month without a year: the next one after publication ({format_day(pub)})"
    else:
        rule = f"day and month without a year: the year of publication ({pub.year})"
    return _day(day), rule, day > pub


def _day_range(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    """"March 3-5", "3-5 March", "March 3-5, 2014": the days from the first to the last."""
    a, b = int(m["d"]), int(m["d2"])
    if b <= a:
        return None
    if m["y"]:
        first = _safe_date(int(m["y"]), MONTHS[m["m"].lower().rstrip(".")], a)
        rule = "a span of days written out"
        forward = False
    else:
        resolved = _day_month(m, pub, future)
        if resolved is None:
            return None
        first, rule, forward = resolved[0].earliest.date(), resolved[1], resolved[2]
    last = _safe_date(first.year, first.month, b) if first else None
    if first is None or last is None:
        return None
    return When.between(_pt(first), _pt(last)), f"days {a} to {b}: {rule}", forward


def _feast(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    """"Christmas Day", "on New Year's Eve", "Easter Sunday", "Good Friday": the last one on or
    before publication, or the next one in a sentence about what is to come."""
    if pub is None:
        return None
    words = m.group().lower()
    when = feast_day(words, pub.year)
    if future and when < pub:
        when = feast_day(words, pub.year + 1)
    elif not future and when > pub:
        when = feast_day(words, pub.year - 1)
    which = "next" if future else "last"
    return _day(when), f"'{m.group().strip()}': the {which} one {'after' if future else 'on or before'} publication", when > pub


def _month_year(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    year, month = int(m["y"]), MONTHS[m["m"].lower().rstrip(".")]
    prep = (m["prep"] or "").lower().strip()
    point = Point.of(year, month)
    if prep in ("by", "until", "till", "before"):
        return When.before(point), f"'{prep} {calendar.month_name[month]} {year}': no later than that month", True
    if prep in ("since", "from"):
        return When.since(point), f"'{prep} {calendar.month_name[month]} {year}': from that month on", False
    if prep == "early":
        return When.between(Point.of(year, month, 1), Point.of(year, month, 10)), "early in the month: days 1–10", False
    if prep == "late":
        last = calendar.monthrange(year, month)[1]
        return When.between(Point.of(year, month, 20), Point.of(year, month, last)), "late in the month: from day 20", False
    return When.of(point), "a month and year", False


def _month_relative_year(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    """"since June last year": the month of the year before (this, after) publication."""
    if pub is None:
        return None
    year = pub.year + {"last": -1, "this": 0, "next": 1}[m["rel"]]
    when, rule, forward = _month_year(_Fields(m, y=str(year)), pub, future)
    which = {"last": "the year before", "this": "the year of", "next": "the year after"}[m["rel"]]
    month = calendar.month_name[MONTHS[m["m"].lower().rstrip(".")]]
    return when, (f"'{m['m']} {m['rel']} year': {month} {year}, {which} publication ({format_day(pub)}); "
                  + rule.split(": ", 1)[-1]), forward


class _Fields:
    """A match's named groups, some replaced (to reuse a resolver written for another pattern)."""

    def __init__(self, m: re.Match, **values: str) -> None:
        self._m, self._values = m, values

    def __getitem__(self, name: str):
        return self._values[name] if name in self._values else self._m[name]

    def group(self, *which):
        return self._m.group(*which)


def _month_alone(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    if pub is None:
        return None
    prep = m["prep"].lower()
    month = MONTHS[m["m"].lower().rstrip(".")]
    name = calendar.month_name[month]
    if prep in ("by", "until", "till", "before") or future:
        year = pub.year if month >= pub.month else pub.year + 1
        rule = f"'{prep} {name}' without a year: the next {name} on or after publication ({format_day(pub)})"
        forward = True
    else:
        year = pub.year if month <= pub.month else pub.year - 1
        rule = f"'{prep} {name}' without a year: the last {name} on or before publication ({format_day(pub)})"
        forward = False
    point = Point.of(year, month)
    if prep in ("by", "until", "till", "before"):
        return When.before(point), rule + "; no later than that month", True
    if prep in ("since", "from"):
        return When.since(point), rule + "; from that month on", False
    return When.of(point), rule, forward


def _month_bare(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    """"September was the deadliest month", "the July offensive": as "in September"."""
    resolved = _month_alone(_Fields(m, prep="in"), pub, future)
    if resolved is None:
        return None
    return resolved[0], resolved[1].replace("'in ", "'", 1), resolved[2]


def _month_marked(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    """"last January", "next March", "this May", "mid-June", "during April": a month named
    with a word that places it; "last" the latest before the month of publication, "next" the
    first after it, "this" the one of the year of publication, the others as "in April"."""
    if pub is None:
        return None
    word = " ".join(m["prep"].lower().split())
    month = MONTHS[m["m"].lower().rstrip(".")]
    name = calendar.month_name[month]
    if word.endswith("half of"):  # "the first half of July": days 1-15, "the second half": 16 to the end
        when = _month_alone(_Fields(m, prep="in"), pub, future)
        if when is None:
            return None
        first = when[0].earliest.date()
        last = calendar.monthrange(first.year, first.month)[1]
        days = (1, 15) if "first" in word else (16, last)
        return (When.between(_pt(first.replace(day=days[0])), _pt(first.replace(day=days[1]))),
                f"'{m.group().strip()}': days {days[0]}–{days[1]} of {name} {first.year}", when[2])
    if word == "last":
        year = pub.year if month < pub.month else pub.year - 1
        return When.month(year, month), f"'last {name}': the last {name} before the month of publication", False
    if word == "next":
        year = pub.year if month > pub.month else pub.year + 1
        return When.month(year, month), f"'next {name}': the first {name} after the month of publication", True
    if word == "this":
        return (When.month(pub.year, month), f"'this {name}': {name} of the year of publication ({pub.year})",
                month > pub.month)
    return _month_alone(_Fields(m, prep="in"), pub, future)


def _weekend(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    """"over the weekend", "last weekend", "next weekend": a Saturday and the Sunday after it."""
    if pub is None:
        return None
    which = (m["which"] or "").lower()
    if which in ("next", "coming") or (future and which != "last"):
        saturday = pub + timedelta(days=(5 - pub.weekday()) % 7)
        if which == "next" and saturday == pub:
            saturday += timedelta(days=7)
        rule = f"'{m.group().strip()}': the first weekend on or after publication ({format_day(pub)})"
        return When.between(_pt(saturday), _pt(saturday + timedelta(days=1))), rule, True
    saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
    if which == "last" and pub.weekday() >= 5:
        saturday -= timedelta(days=7)  # said on a weekend: the one before it
    rule = f"'{m.group().strip()}': the last weekend on or before publication ({format_day(pub)})"
    return When.between(_pt(saturday), _pt(saturday + timedelta(days=1))), rule, False


def _two_days_off(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    if pub is None:
        return None
    if "before" in m.group().lower():
        return _day(pub - timedelta(days=2)), f"'{m.group()}': two days before publication ({format_day(pub)})", False
    return _day(pub + timedelta(days=2)), f"'{m.group()}': two days after publication ({format_day(pub)})", True


def _year_range(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    g = m.groupdict()
    a = int(g["a"])
    b = int(g["b"]) if g.get("b") else a // 100 * 100 + int(g["b2"])  # "1998-99": the same century
    if b < a:
        return None
    return When.between(Point.of(a), Point.of(b)), f"years {a} to {b}", False


def _year_prep(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    year = int(m["y"])
    prep = " ".join(m["prep"].lower().split())
    prep = prep[3:] if prep in ("in early", "in late") else prep  # "in late 2016" as "late 2016"
    if prep in ("since", "from"):
        return When.since(Point.of(year)), f"'{prep} {year}': from that year on (the end is open)", False
    if prep in ("by", "until", "till", "before"):
        return When.before(Point.of(year)), f"'{prep} {year}': no later than that year", True
    if prep == "early":
        return When.between(Point.of(year, 1), Point.of(year, 4)), "early in the year: January to April", False
    if prep == "late":
        return When.between(Point.of(year, 9), Point.of(year, 12)), "late in the year: September to December", False
    if prep in ("mid", "mid-"):
        return When.between(Point.of(year, 5), Point.of(year, 8)), "the middle of the year: May to August", False
    return When.year(year), f"'{m.group().strip()}': the year named", False


# "some 2000 kilometers", "more than 1500 people": a count, not a year
_COUNT_BEFORE_RE = re.compile(r"\b(?:about|some|around|nearly|almost|approximately|roughly|than|least|estimated|up\s+to)\s+$", re.I)
_COUNT_AFTER_RE = re.compile(r"\s+(?:km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|people|persons|troops|soldiers|fighters|"
                             r"civilians|refugees|men|women|children|dollars|tons|tonnes|members|police(?:men)?|rebels|"
                             r"militants|homes|houses|families|prisoners|hostages|casualties|deaths|dead|victims)\b", re.I)


def _bare_year(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    year = int(m["y"])
    if pub is not None and year > pub.year + 10:
        return None
    text = m.string
    if _COUNT_BEFORE_RE.search(text, max(0, m.start() - 20), m.start()) or _COUNT_AFTER_RE.match(text, m.end()):
        return None
    return When.year(year), "a year named on its own", False


def _relative_day(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    if pub is None:
        return None
    shift = relative_day_shift(m.group())
    if shift < 0:
        return _day(pub - timedelta(days=1)), f"'{m.group()}': the day before publication ({format_day(pub)})", False
    if shift > 0:
        return _day(pub + timedelta(days=1)), f"'{m.group()}': the day after publication ({format_day(pub)})", True
    return _day(pub), f"'{m.group()}': the day of publication", False


def _weekday(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    if pub is None:
        return None
    name = m["w"].capitalize()
    target = WEEKDAYS[m["w"].lower()]
    which = (m["which"] or "").lower().strip()
    if which == "next" or (future and which != "last"):
        ahead = (target - pub.weekday()) % 7 or (7 if which == "next" else 0)
        day = pub + timedelta(days=ahead)
        rule = f"'{m.group().strip()}': the first {name} on or after publication ({format_day(pub)}), the sentence speaks of what is to come"
        return _day(day), rule, True
    back = (pub.weekday() - target) % 7
    if which == "last" and back == 0:
        back = 7
    day = pub - timedelta(days=back)
    rule = f"'{m.group().strip()}': the last {name} on or before publication ({format_day(pub)})"
    return _day(day), rule, False


def _calendar_week(day: date, rule: str, forward: bool) -> Resolved:
    """The Monday–Sunday week that holds `day`: the week a reader means by "this week", "last
    week", "earlier this week" (never a count of seven days back from publication)."""
    monday = day - timedelta(days=day.weekday())
    sunday = monday + timedelta(days=6)
    return When.between(_pt(monday), _pt(sunday)), f"{rule} ({format_day(monday)} – {format_day(sunday)})", forward


def _this_unit(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    if pub is None:
        return None
    which, unit = " ".join(m["which"].lower().split()), m["unit"].lower()
    earlier, later = bool(m["earlier"]) and m["earlier"].lower() == "earlier", bool(m["earlier"]) and m["earlier"].lower() == "later"
    text = m.group().strip()
    if which in ("this past", "this last") and unit == "week":
        # "this past week": the week just lived, the one that holds the day before publication
        return _calendar_week(pub - timedelta(days=1), f"'{text}': the calendar week (Monday–Sunday) that holds "
                                                      "the day before publication", False)
    if which in ("this past", "this last"):
        which = "last"  # "this past month": the month before
    if which == "this":
        if unit == "week":
            if earlier:  # "earlier this week", "earlier in the week": the whole calendar week of the days
                # before publication (on a Monday, the week before it), as the guideline codes it
                return _calendar_week(pub - timedelta(days=1), f"'{text}': the calendar week (Monday–Sunday) of the "
                                                               "days before publication", False)
            if later:
                return (When.between(Point.of(pub.year, pub.month, pub.day), _pt(pub + timedelta(days=6))),
                        f"'{text}': the 7 days from publication ({format_day(pub)})", True)
            monday = pub - timedelta(days=pub.weekday())
            if future:  # "talks resume this week": what is left of the week
                return (When.between(_pt(pub), _pt(monday + timedelta(days=6))),
                        f"'{text}': the rest of the week of publication ({format_day(pub)} – "
                        f"{format_day(monday + timedelta(days=6))}), the sentence speaks of what is to come", True)
            if future in ("present", "perfect"):  # "the holiday ends this week", "has marred the talks this week"
                return _calendar_week(pub, f"'{text}': the calendar week (Monday–Sunday) of publication, the "
                                           "clause is not in the past", False)
            start = pub - timedelta(days=6)  # "clashes erupted this week": over by publication
            return (When.between(_pt(start), _pt(pub)),
                    f"'{text}': the 7 days up to publication ({format_day(start)} – {format_day(pub)})", False)
        if unit == "month":
            if earlier:  # as "earlier this year", "earlier this week": the whole calendar unit
                return _month_when(pub.year, pub.month), f"'{text}': the month of publication, before it", False
            return _month_when(pub.year, pub.month), f"'{text}': the month of publication", later
        if unit == "year":
            if earlier:  # a reader places it in that year, not in a span of days
                return When.year(pub.year), f"'{text}': the year of publication, before it ({format_day(pub)})", False
            return When.year(pub.year), f"'{text}': the year of publication", later
    if which in ("last", "past", "previous"):
        if unit == "week":  # on a Sunday too: the week before the one that Sunday ends
            return _calendar_week(pub - timedelta(days=pub.weekday() + 7),
                                  f"'{text}': the calendar week (Monday–Sunday) before the week of publication", False)
        if unit == "month":
            prev = _add_months(pub.replace(day=1), -1)
            return _month_when(prev.year, prev.month), f"'{text}': the calendar month before publication ({format_day(pub)})", False
        if unit == "year":
            return When.year(pub.year - 1), f"'{text}': the year before publication", False
    if which == "next":
        if unit == "week":
            start = pub + timedelta(days=7 - pub.weekday())
            return When.between(_pt(start), _pt(start + timedelta(days=6))), f"'{text}': the calendar week after publication", True
        if unit == "month":
            nxt = _add_months(pub.replace(day=1), 1)
            return _month_when(nxt.year, nxt.month), f"'{text}': the calendar month after publication", True
        if unit == "year":
            return When.year(pub.year + 1), f"'{text}': the year after publication", True
    return None


def _in_the_unit(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    """"earlier in the week": the week (month, year) of publication, as "earlier this week"
    (`anchor_dates` counts it from a day told before it in its sentence)."""
    return _this_unit(_Fields(m, which="this"), pub, future)


def _overnight(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    """"overnight": from the evening before to the morning of the day told (see `anchor_dates`);
    with no day told before, the night before publication."""
    if pub is None:
        return None
    return (When.between(_pt(pub - timedelta(days=1)), _pt(pub)),
            f"'{m.group().strip()}': the night before publication ({format_day(pub)})", False)


def _night_between(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    """"the night of Saturday to Sunday", "overnight Saturday to Sunday": the two days, the
    morning's day placed as a weekday is (the latest one, the next in a sentence about what is to come)."""
    if (WEEKDAYS[m["w"].lower()] + 1) % 7 != WEEKDAYS[m["w2"].lower()]:
        return None  # not a night: "from Saturday to Tuesday"
    resolved = _weekday(_Fields(m, w=m["w2"], which=""), pub, future)
    if resolved is None:
        return None
    morning = resolved[0].earliest.date()
    return (When.between(_pt(morning - timedelta(days=1)), _pt(morning)),
            f"'{m.group().strip()}': the night from {m['w'].capitalize()} to {m['w2'].capitalize()}, the two days; "
            + resolved[1].split(": ", 1)[-1], resolved[2])


def _overnight_day(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    """"overnight Saturday", "overnight into Sunday": from the evening before that day to its morning."""
    resolved = _weekday(_Fields(m, which=""), pub, future)
    if resolved is None:
        return None
    day = resolved[0].earliest.date()
    return (When.between(_pt(day - timedelta(days=1)), _pt(day)),
            f"'{m.group().strip()}': the night before {m['w'].capitalize()} ({format_day(day)}); "
            + resolved[1].split(": ", 1)[-1], resolved[2])


_I = re.I
_SHIFT_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7}


def _shift(m: re.Match) -> Optional[int]:
    """Days an anchored expression moves from its anchor: "the previous day" -1, "two weeks
    later" +14; None for months and years (a month is not a fixed count of days)."""
    if m["dir3"] or m["same4"] or m["dir5"]:
        return None
    if m["same"] or m["same2"] or m["same3"]:
        return 0
    direction = m["dir"] or m["dir2"]
    if direction:
        return -1 if direction.lower() in ("previous", "before") else 1
    unit = m["unit"].lower()
    sign = -1 if (m["way"] or m["way2"]).lower() in ("earlier", "before") else 1
    if unit.startswith("hour"):  # "two hours later": the same day; "48 hours later": two days on
        return sign * (_number(m["n"].lower(), unit) // 24)
    if unit not in _SHIFT_UNITS:
        return None
    return sign * _number(m["n"].lower()) * _SHIFT_UNITS[unit]


def _anchored(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    """"the previous day", "two weeks earlier": counted from the day of the story told
    before (see `anchor_dates`); with none, from publication, and said so."""
    if pub is None or _said_of_another(m):
        return None
    rule = f"'{m.group()}': counted from publication ({format_day(pub)}), no earlier day in the text"
    if m["dir3"] or m["same4"] or m["dir5"]:
        when = shifted_period(m, _day(pub))
        ahead = (m["dir3"] or m["dir5"] or "").lower() in ("following", "after")
        return (when, rule, ahead) if when is not None else None
    days = _shift(m)
    if days is None:
        n = _number(m["n"].lower())
        back = (m["way"] or m["way2"]).lower() in ("earlier", "before")
        if m["unit"].lower().startswith("month"):
            point = _add_months(pub, -n if back else n)
            return When.of(Point.of(point.year, point.month)), rule, not back
        return When.year(pub.year - n if back else pub.year + n), rule, not back
    return _day(pub + timedelta(days=days)), rule, days > 0


# "... two days later the ministry said": a subject right after "later" is not the date's ("Two
# years later the rebels ..." opening a sentence is)
_SUBJECT_AFTER_RE = re.compile(r"\s+(?:(?:the|a|an|his|her|its|their|he|she|it|they|we)\b|\d|(?-i:[A-Z]))", re.I)
# a sentence's start, maybe with a word that only measures the span ("Just 18 months earlier they ...")
_OPENS_RE = re.compile(r"(?:^|[.!?:][\"”’]?\s+|\n)(?:(?:Just|Only|Barely|Some|About|Nearly|Almost|Exactly)\s+)?$")


def _said_of_another(m: re.Match) -> bool:
    if not m["way"] or not _SUBJECT_AFTER_RE.match(m.string, m.end()):
        return False
    return m.start() > 0 and not _OPENS_RE.search(m.string, max(0, m.start() - 12), m.start())


def shifted_period(m: re.Match, anchor: When) -> Optional[When]:
    """"two years later", "a month earlier", "the following year", "the previous week" counted
    from `anchor` (a day, month or year told before): the year (month, calendar week) that far
    from it; None when the anchor is too coarse ("a month later" than a year)."""
    if m["dir3"]:
        unit, n = m["unit3"].lower(), (-1 if m["dir3"].lower() in ("previous", "preceding") else 1)
    elif m["same4"]:  # "that year", "later that month": the one of the date told before
        unit, n = m["unit4"].lower(), 0
    elif m["dir5"]:  # "the year before", "the month after"
        unit, n = m["unit5"].lower(), (-1 if m["dir5"].lower() == "before" else 1)
    elif m["unit"] and (m["way"] or m["way2"]):
        unit = m["unit"].lower().rstrip("s")
        n = _number(m["n"].lower()) * (-1 if (m["way"] or m["way2"]).lower() in ("earlier", "before") else 1)
    else:
        return None
    first = anchor.earliest.date()
    precision = anchor.precision
    if unit == "year":
        return When.year(first.year + n)
    if unit == "month" and precision in (Precision.MONTH, Precision.DAY) and anchor.start.season is None:
        moved = _add_months(first.replace(day=1), n)
        return When.month(moved.year, moved.month)
    if unit == "week" and not m["unit"] and precision is Precision.DAY:
        monday = first - timedelta(days=first.weekday()) + timedelta(weeks=n)
        return When.between(_pt(monday), _pt(monday + timedelta(days=6)))
    return None


ANCHORED_RE = re.compile(
    r"\b(?:on\s+)?the\s+(?P<same>same)\s+day\b(?!\s+as\b)"
    r"|\b(?P<same2>earlier|later)\s+(?:in\s+the|that)\s+day\b"
    r"|\b(?:on\s+)?(?P<same3>that)\s+(?:same\s+)?(?:day|night|morning|afternoon|evening)\b"
    r"|\bthe\s+(?P<dir>previous|following|next)\s+(?:day|morning|afternoon|evening|night)\b"
    r"|\bthe\s+(?:day|night|evening)\s+(?P<dir2>before|after)\b(?!\s+(?:the|a|an|his|her|its|their)\b)"
    r"|\bthe\s+(?P<dir3>previous|following|preceding)\s+(?P<unit3>week|month|year)\b"
    r"|\b(?:(?:earlier|later)\s+)?(?P<same4>that|the\s+same)\s+(?P<unit4>week|month|year)\b(?!\s+(?:as|of)\b)"
    r"|\bthe\s+(?P<unit5>week|month|year)\s+(?P<dir5>before|after)\b(?!\s+(?:the|a|an|his|her|its|their|last|next)\b)"
    rf"|\b(?P<n>{_NUM})[\s-]+(?P<unit>hours?|days?|weeks?|months?|years?)\s+(?:(?P<way>earlier|later)\b"
    # "before" / "after" with an object ("two weeks before elections") count from that, not from the day told
    r"|(?P<way2>before|after)\b(?=\s*(?:[,.;:)\]\"”]|$)|\s+(?:and|but|when|as|while)\b))", re.I)


# "the March 23 Movement", "the 14 March alliance", "April 6 Youth Movement": a group named after a day
_NOT_A_NAME = (r"(?!\s+(?:(?:Youth|Revolutionary|Student)\s+)?(?i:movement|alliance|coalition|brigades?|group|front|party|"
               r"forces|camp|bloc)\b)")

RULES: list[tuple[re.Pattern, object]] = [
    (re.compile(rf"\b(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})\b"), _explicit_dmy),
    (re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}}){_ORD},?\s+(?P<y>{_YEAR})\b"), _explicit_dmy),
    (re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"), _iso),
    (re.compile(r"\b(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})\b"), _numeric),
    (re.compile(rf"\b(?P<a>{_YEAR})\s*(?:–|-|to|until|till|through)\s*(?P<b>{_YEAR})\b"), _year_range),
    (re.compile(rf"\b(?P<a>{_YEAR})\s*[-–/]\s*(?P<b2>\d\d)\b(?![\d.,/\-]\d)"), _year_range),  # "1998-99"
    (re.compile(rf"\bbetween\s+(?P<a>{_YEAR})\s+and\s+(?P<b>{_YEAR})\b"), _year_range),
    (re.compile(rf"(?:\b(?P<prep>[Ii]n|[Bb]y|[Ss]ince|[Ff]rom|[Uu]ntil|[Tt]ill|[Bb]efore|[Ee]arly|[Ll]ate)\s+)?(?P<m>{_MONTH}),?\s+(?:of\s+)?(?P<y>{_YEAR})\b"), _month_year),
    (re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}}){_ORD}(?:\s*[-–]\s*|\s+(?:to|through|until|till)\s+)(?P<d2>\d{{1,2}}){_ORD}(?![\d:])"
                rf"(?:,?\s+(?P<y>{_YEAR})\b)?"), _day_range),
    (re.compile(rf"\b(?P<d>\d{{1,2}}){_ORD}(?:\s*[-–]\s*|\s+(?:to|through|until|till)\s+)(?P<d2>\d{{1,2}}){_ORD}\s+(?P<m>{_MONTH})(?![\w])"
                rf"(?:,?\s+(?P<y>{_YEAR})\b)?"), _day_range),
    (re.compile(r"\b(?:Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s(?:\s+(?:Day|Eve))?|Easter(?:\s+(?:Sunday|Monday|Day))?"
                r"|Good\s+Friday)\b"), _feast),
    (re.compile(rf"\b(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<m>{_MONTH})(?![\w]){_NOT_A_NAME}"), _day_month),
    (re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}}){_ORD}(?![\d:]){_NOT_A_NAME}"), _day_month),
    (re.compile(rf"(?:\b(?P<prep>[Ii]n|[Bb]y|[Ss]ince|[Ff]rom|[Uu]ntil|[Tt]ill|[Bb]efore|[Ee]arly|[Ll]ate)\s+)?"
                rf"(?P<m>{_MONTH})\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b"), _month_relative_year),
    # not "since February 1 when ...": the day told with the month is the date
    (re.compile(rf"\b(?P<prep>[Ii]n|[Bb]y|[Ss]ince|[Ff]rom|[Uu]ntil|[Tt]ill|[Bb]efore|[Ee]arly|[Ll]ate)\s+(?P<m>{_MONTH})(?![\w])"
                r"(?!\s+(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?:\s*[,.;:)]|\s+(?:when|and|as|after|before|until|to)\b|$))"),
     _month_alone),
    # a month named on its own ("September was the deadliest month", "the July offensive"); not "May"
    # (the verb), a month before a day or a name ("March 23 Movement", "Black September" aside)
    (re.compile(r"(?<![\w.\-])(?<!Black )(?<!\d )(?P<m>January|February|March|April|June|July|August|September|October|"
                rf"November|December)(?![\w\-])(?!\s+(?:\d|[A-Z]))(?![’']s?\s+[A-Z]){_NOT_A_NAME}"), _month_bare),
    (re.compile(rf"\b(?P<prep>(?i:last|next|this|during|throughout|through|in\s+mid|mid|in\s+early|in\s+late))"
                rf"(?:\s+|-)(?P<m>{_MONTH})(?![\w])(?!\s+(?:of\s+)?(?:last|this|next)\s+year)"), _month_marked),
    (re.compile(rf"\b(?P<prep>(?i:(?:the\s+)?(?:end|beginning|start|middle|(?:first|second|third|last)\s+(?:half|week|days)))"
                rf"\s+of)\s+(?P<m>{_MONTH})(?![\w])(?!\s+\d)"), _month_marked),
    (re.compile(r"\b(?:(?:over|during|at|on|for)\s+)?(?:(?P<which>last|next|this|coming|past)\s+|the\s+)(?:past\s+)?weekend\b", _I),
     _weekend),
    (re.compile(r"\bthe\s+day\s+(?:before\s+yesterday|after\s+tomorrow)\b", _I), _two_days_off),
    (re.compile(rf"\b(?P<prep>in|by|since|from|until|till|before|during|of|early|late|mid-?|in early|in late)\s*(?P<y>{_YEAR})\b(?!\s*[-–]\s*\d)", _I), _year_prep),
    (re.compile(rf"\b(?:{RELATIVE_DAY})\b", _I), _relative_day),
    # not a newspaper's name ("the Sunday Times") nor a day named after a past event ("Bloody Sunday")
    (re.compile(rf"(?<!Bloody )(?<!Black )\b(?:(?P<which>(?i:last|next|this|on|(?:early|late)(?:\s+on)?))\s+)?(?P<w>{_WEEKDAY})"
                r"(?:\s+(?:morning|afternoon|evening|night))?\b(?!\s+(?:Times|Telegraph|Express|Mirror|Post|Herald|"
                r"Observer|Tribune|Nation|Standard|Mail|Independent|Monitor|Vision|Star)\b)"), _weekday),
    (ANCHORED_RE, _anchored),
    (re.compile(r"\b(?:(?P<earlier>earlier|later)\s+)?(?P<which>this\s+past|this\s+last|this|last|past|previous|next)\s+(?P<unit>week|month|year)\b", _I), _this_unit),
    (re.compile(r"\b(?P<earlier>earlier|later)\s+(?:in\s+the|that)\s+(?P<unit>week|month|year)\b(?P<which>)", _I), _in_the_unit),
    (re.compile(rf"\b(?i:(?:the\s+)?night\s+(?:of\s+|from\s+)?|(?:late\s+)?overnight\s+(?:from\s+)?)(?P<w>{_WEEKDAY})\s+"
                rf"(?i:to|into|and)\s+(?P<w2>{_WEEKDAY})\b"), _night_between),
    # "Overnight on Wednesday" opening a sentence too; the day's name keeps its capital
    (re.compile(rf"\b(?i:(?:late\s+)?overnight\s+(?:on\s+|into\s+|to\s+)?)(?P<w>{_WEEKDAY})\b"), _overnight_day),
    (re.compile(r"\b(?:late\s+)?overnight\b", _I), _overnight),
    # not "the last 12 days of September", nor "the last month's election" (the calendar month before)
    (re.compile(rf"\b(?:(?:over|in|during|for|within)\s+)?the\s+(?P<dir>past|last|previous|coming|next|following)\s+(?:(?P<n>{_NUM})[\s-]+)?(?P<unit>{_UNIT})\b"
                r"(?!\s+of\b)(?!['’]s\b)", _I), _past_n),
    # not "within three hours of entering the city": counted from that, not from publication
    (re.compile(rf"\bwithin\s+(?:the\s+next\s+)?(?P<n>{_NUM})?[\s-]*(?P<unit>{_UNIT})\b(?!\s+of\b)", _I), _within),
    (re.compile(rf"\b(?:(?P<n0>{_NUM})\s+or\s+)?(?P<n>{_NUM})[\s\-]+(?P<unit>{_UNIT})\s+ago\b", _I), _ago),
    *PERIOD_RULES,  # seasons, decades, the end of a year, "on the 15th", "in two weeks"
    (re.compile(rf"(?<![\d.,/\-])\b(?P<y>{_YEAR})\b(?![\d.,/\-]\d)"), _bare_year),
]
