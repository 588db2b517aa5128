"""Rules for the periods news names besides days, weeks and months: seasons ("last summer",
"the spring of 1995"), decades ("the 1990s", "the mid-90's"), the end or start of a year or
month ("by the end of next year"), a day of the month said alone ("on the 15th") and spans
counted forward ("in two weeks", "three months from now").  Each is a pattern and a handler
as in `date_rules`, which lists them among its own."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Optional

from ..core.point import SEASON_NAMES, SEASONS, Point
from ..core.when import When

from .date_words import (_NUM, _YEAR, _add_months, _day, _number, _pt, _safe_date, _span_back, _span_forward,
                         format_day)

Resolved = Optional[tuple[When, str, bool]]

_SEASON = r"(?:spring|summer|autumn|fall|winter)"


def _season_year(season: int, which: str, pub: date, future: bool) -> int:
    """The year of the season meant (a winter is of the year of its December): "last" the latest
    one over before publication, "next" the first one not begun, "this" the one under way or of
    publication's year; with no word, the latest one begun (the next one not over, in a sentence
    about what is to come)."""
    spans = []
    for year in range(pub.year - 2, pub.year + 2):
        start = date(year, SEASONS[season][0], 1)
        spans.append((year, start, _add_months(start, 3) - timedelta(days=1)))
    if which == "last":
        return max(y for y, _s, end in spans if end < pub)
    if which == "next":
        return min(y for y, start, _e in spans if start > pub)
    if which == "this":
        return next((y for y, start, end in spans if start <= pub <= end),
                    pub.year - 1 if season == 24 and pub.month <= 2 else pub.year)
    if future:
        return min(y for y, _s, end in spans if end >= pub)
    return max(y for y, start, _e in spans if start <= pub)


def _season(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    g = m.groupdict()
    season = SEASON_NAMES[next(g[k] for k in ("s", "s2", "s3", "s4") if g.get(k)).lower()]
    name = SEASONS[season][1].lower()
    if g.get("y"):
        year = int(g["y"])
        rule = f"the {name} of {year}"
    elif g.get("rel"):
        if pub is None:
            return None
        year = pub.year + {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
        rule = f"the {name} of {g['rel'].lower()} year ({year})"
    else:
        if pub is None:
            return None
        which = " ".join((g.get("which") or "").lower().split())
        ahead = future and which != "this past"  # "this past winter": the latest one begun
        which = {"coming": "next", "past": "last", "this past": ""}.get(which, which)
        year = _season_year(season, which, pub, ahead)
        said = {"last": "the last", "next": "the next", "this": "this"}.get(which, "the next" if ahead else "the latest")
        rule = f"'{m.group().strip()}': {said} {name} ({year}), counted from publication ({format_day(pub)})"
    forward = pub is not None and date(year, SEASONS[season][0], 1) > pub
    return When.month(year, season), rule, forward


def _decade(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    """"the 1990s", "the early 1980's", "the mid-[19]90's", "the '90s": the years of the decade
    (its first, middle or last few for early, mid, late)."""
    digits = m["dec"]
    start = int(digits) if len(digits) == 4 else (1900 if int(digits) >= 30 else 2000) + int(digits)
    if start % 10:
        return None
    part = (m["part"] or "").lower().rstrip("-")
    first, last = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(part, (0, 9))
    return (When.between(Point.of(start + first), Point.of(start + last)),
            f"'{m.group().strip()}': the years {start + first}–{start + last}", False)


# "since the start of the year": from January, the month a reader places a year's start in; a year's end
# stays the year ("by the end of 2014", a deadline, is annotated 2014)
_YEAR_MONTH = {"start": 1, "beginning": 1}


def _end_of(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    """"by the end of the year", "at the end of next month", "by year's end", "early next
    year": that year (month), the part named said in the rule."""
    if pub is None:
        return None
    g = m.groupdict()
    which = (g.get("which") or "this").lower()
    which = "this" if which == "the" else which
    unit = (g.get("unit") or "year").lower()
    part = (m["part"] or "").lower()
    if unit == "year":
        year = int(g["y"]) if g.get("y") else pub.year + {"this": 0, "last": -1, "next": 1}[which]
        when, label = When.year(year), str(year)
        if part in _YEAR_MONTH:  # "since the start of the year": from January
            when, label = When.month(year, _YEAR_MONTH[part]), f"{year}, its {calendar.month_name[_YEAR_MONTH[part]]}"
        forward = year > pub.year or (year == pub.year and (future or part == "end"))
    else:
        month = _add_months(pub.replace(day=1), {"this": 0, "last": -1, "next": 1}[which])
        when, label = When.month(month.year, month.month), f"{calendar.month_name[month.month]} {month.year}"
        forward = month > pub.replace(day=1) or (month.month == pub.month and (future or part == "end"))
    return when, f"'{m.group().strip()}': the {part} of {label}", forward and which != "last"


def _part_of(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    """"late last year", "early this month": the year (month) itself; the part is a guess a
    reader does not narrow ("since late last year" is from that year on)."""
    if pub is None:
        return None
    which, unit = m["which"].lower(), m["unit"].lower()
    shift = {"this": 0, "last": -1, "next": 1}[which]
    if unit == "year":
        when, label = When.year(pub.year + shift), str(pub.year + shift)
    else:
        month = _add_months(pub.replace(day=1), shift)
        when, label = When.month(month.year, month.month), f"{calendar.month_name[month.month]} {month.year}"
    return when, f"'{m.group().strip()}': {label}, counted from publication ({format_day(pub)})", shift > 0


def _month_day(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    """"on the 15th": a day of the month of publication, or of the month before when that day
    is still to come (the month after in a sentence about the future)."""
    if pub is None:
        return None
    n = int(m["d"])
    day = _safe_date(pub.year, pub.month, n)
    if future and (day is None or day < pub):
        nxt = _add_months(pub.replace(day=1), 1)
        day, rule = _safe_date(nxt.year, nxt.month, n), "the next such day after publication"
    elif not future and (day is None or day > pub):
        prev = _add_months(pub.replace(day=1), -1)
        day, rule = _safe_date(prev.year, prev.month, n), "the last such day before publication"
    else:
        rule = "a day of the month of publication"
    if day is None:
        return None
    return _day(day), f"'{m.group().strip()}': {rule} ({format_day(pub)})", day > pub


def _in_n(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    """"will meet again in two weeks", "three months from now": counted forward from
    publication; "in two weeks" only in a sentence about what is to come or in the present
    ("Ramadan begins in two weeks"; in the past it is a duration: "captured in two weeks")."""
    g = m.groupdict()
    now = bool(g.get("now2"))
    if pub is None or not (future or now or future == "present"):  # "Ramadan begins in two weeks"
        return None
    n = _number(g["n2"] if now else g["n"], g["unit2"] if now else g["unit"])
    unit = (g["unit2"] if now else g["unit"]).lower()
    end = _span_forward(pub, n, unit)
    if unit.startswith(("year", "decade")):
        when = When.year(end.year)
    elif unit.startswith("month"):
        when = When.month(end.year, end.month)
    else:
        when = _day(end)
    return when, f"'{m.group().strip()}': counted forward from publication ({format_day(pub)})", True


def _year_end(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    """"by year's end", "by next year's end": the year (as "by the end of the year")."""
    if pub is None:
        return None
    g = m.groupdict()
    which = (g.get("which") or "this").lower()
    year = pub.year + {"this": 0, "last": -1, "next": 1}[which]
    if (g.get("unit") or "year").lower() == "month":
        month = _add_months(pub.replace(day=1), {"this": 0, "last": -1, "next": 1}[which])
        return (When.month(month.year, month.month), f"'{m.group().strip()}': the end of "
                f"{calendar.month_name[month.month]} {month.year}", which != "last")
    return When.year(year), f"'{m.group().strip()}': the end of {year}", which != "last"


def _past_n(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    if pub is None:
        return None
    n = _number(m["n"], m["unit"])
    unit = m["unit"].lower()
    direction = m["dir"].lower()
    text = m.group().strip()
    if direction in ("coming", "next", "following"):
        end = _span_forward(pub, n, unit)
        return When.between(_pt(pub), _pt(end)), f"'{text}': from publication ({format_day(pub)}) forward", True
    start = _span_back(pub, n, unit)
    # "the past two days": the day before publication and publication day, as a reader counts days
    inclusive = unit.startswith("day") and n > 1
    if inclusive:
        start += timedelta(days=1)
    return (When.between(_pt(start), _pt(pub)),
            f"'{text}': the {n} {unit.rstrip('s')}{'s' if n != 1 else ''} up to publication"
            f"{', publication day counted' if inclusive else ''} ({format_day(start)} – {format_day(pub)})", False)


def _within(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    if pub is None:
        return None
    n = _number(m["n"], m["unit"])
    unit = m["unit"].lower()
    end = _span_forward(pub, n, unit)
    return (When.between(_pt(pub), _pt(end)),
            f"'{m.group().strip()}': forward from publication, {format_day(pub)} – {format_day(end)} "
            "(an expectation, not something that happened)", True)


_MORE_THAN_RE = re.compile(r"\b(?:over|more\s+than)\s+$", re.I)  # "over a year ago": not the month a year back


def _between_ago(m: re.Match, pub: date, unit: str, far: date, near: date) -> Resolved:
    """"three or four months ago", "two or three years ago": the months (years, days) from the
    farther count back to the nearer one."""
    if unit.startswith(("year", "decade")):
        first, last = Point.of(far.year), Point.of(near.year)
    elif unit.startswith("month"):
        first, last = Point.of(far.year, far.month), Point.of(near.year, near.month)
    else:
        first, last = _pt(far), _pt(near)
    return (When.between(first, last), f"'{m.group().strip()}': counted back from publication ({format_day(pub)}), "
            f"from the farther count to the nearer", False)


def _ago(m: re.Match, pub: Optional[date], future: bool) -> Resolved:
    if pub is None:
        return None
    n = _number(m["n"])
    unit = m["unit"].lower()
    day = _span_back(pub, n, unit)
    if m["n0"] and _number(m["n0"]) < n:  # "three or four months ago": from the farther to the nearer
        return _between_ago(m, pub, unit, day, _span_back(pub, _number(m["n0"]), unit))
    if unit.startswith("year") and n == 1 and _MORE_THAN_RE.search(m.string, max(0, m.start() - 10), m.start()):
        return When.year(day.year), f"'{m.group().strip()}', and more: the year before publication", False
    if unit.startswith("year") and n == 1:  # "a year ago": about that month of the year before
        return (When.month(day.year, day.month, approximate=True),
                f"'{m.group().strip()}': counted back from publication, about {calendar.month_name[day.month]} {day.year}",
                False)
    if unit.startswith(("year", "decade")):
        return When.year(day.year, approximate=True), f"'{m.group().strip()}': counted back from publication, about {day.year}", False
    if unit.startswith("month"):
        return When.month(day.year, day.month, approximate=True), f"'{m.group().strip()}': counted back from publication", False
    return _day(day, approximate=unit.startswith("week")), f"'{m.group().strip()}': counted back from publication ({format_day(pub)})", False


_I = re.I
_WORD_START = re.compile(r"\b\w")


class _FromCore:
    """A rule's pattern found from its core word: a scan for the core (which opens with a
    letter or digit, fast), then the whole pattern tried from the starts of the few words
    before it, farthest first (the longest match).  The same matches as `finditer` for
    patterns whose optional words stand before the core, at a fraction of the cost on long
    texts (a pattern opening with optional words is tried at every word of the text)."""

    def __init__(self, core: str, pattern: re.Pattern, back: int = 40) -> None:
        self.core, self.pattern, self.back = re.compile(core, pattern.flags), pattern, back

    def finditer(self, text: str, start: int = 0, end: Optional[int] = None):
        end = len(text) if end is None else end
        done = start
        for c in self.core.finditer(text, start, end):
            if c.start() < done:
                continue
            for w in _WORD_START.finditer(text, max(done, c.start() - self.back), c.start() + 1):
                m = self.pattern.match(text, w.start(), end)
                if m is not None and m.end() >= c.end():
                    done = m.end()
                    yield m
                    break


_SEASON_RE = re.compile(
    rf"\b(?:(?:in|during|by|since)\s+)?(?:the\s+)?(?P<s>{_SEASON})\s+(?:of\s+)?(?P<y>{_YEAR})\b"
    rf"|\b(?P<s2>{_SEASON})\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b"
    rf"|\b(?:(?:in|during|over|since|by)\s+)?(?:(?:early|late)\s+)?(?P<which>this\s+past|last|this|next|coming|past)\s+"
    rf"(?P<s3>{_SEASON})\b(?!\s+(?:of\s+)?(?:\d|last|this|next))(?!-)"
    # "in the spring", "during the winter", "by early summer"; not "the fall of the town"
    rf"|\b(?:in|during|over|since|by|until|through|throughout)\s+(?:the\s+)?(?:(?:early|late)\s+)?"
    rf"(?P<s4>{_SEASON})\b(?!\s+(?:of|in|to)\b)(?!-)", _I)

RULES: list[tuple[object, object]] = [
    (_FromCore(_SEASON, _SEASON_RE), _season),
    (_FromCore(r"\d0['’]?s\b", re.compile(r"\b(?:(?:in|during|since|by|of)\s+)?the\s+(?:(?P<part>early|mid|late)[\s-]+)?"
                                           r"(?:\[?19\]?|['’])?(?P<dec>(?:1[89]|20)\d0|\d0)['’]?s\b", _I)), _decade),
    (_FromCore(r"(?:end|beginning|start|middle|turn)\s+of\s",
               re.compile(r"\b(?:(?:by|at|before|until|toward|towards|around|near)\s+)?(?:the\s+)?"
                          r"(?P<part>end|beginning|start|middle|turn)\s+of\s+(?:(?P<which>the|this|last|next)\s+(?P<unit>year|month)\b"
                          rf"|(?P<y>{_YEAR})\b(?!\s*[-–/]\s*\d))", _I)), _end_of),
    # "late last year", "early this month", "mid-next year": the year (month) a reader can place
    (_FromCore(r"(?:last|this|next)\s+(?:year|month)\b",
               re.compile(r"\b(?P<part>early|late|mid)[\s-]+(?P<which>last|this|next)\s+(?P<unit>year|month)\b", _I)),
     _part_of),
    (_FromCore(r"(?:year|month)['’]s\s+end",
               re.compile(r"\b(?:(?:by|at|before|until|toward|towards|around|near)\s+)?(?P<which>this|next|last)\s+"
                          r"(?P<unit>year|month)['’]s\s+(?P<part>end)\b|\bby\s+year['’]s\s+end\b", _I)), _year_end),
    # "on the 15th", "since the 3rd," "on the 15th of this month": not "the 15th century", "the 3rd Brigade"
    (_FromCore(r"\d(?:st|nd|rd|th)\b",
               re.compile(r"\b(?:[Oo]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Bb]efore)\s+the\s+(?P<d>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b"
                          r"(?:\s+of\s+(?:this|the)\s+month\b|(?=\s*(?:[,.;:)\]]|$)|\s+(?:and|or|when|as|at|in|near|after|"
                          r"before|but|while|to|through|until)\b))")), _month_day),
    (_FromCore(r"(?:day|week|month|year)s?\b",
               re.compile(rf"\bin\s+(?P<n>{_NUM})[\s-]+(?P<unit>days?|weeks?|months?|years?)(?:['’]s?)?(?:\s+time)?\b(?P<now>)"
                          r"(?!\s+(?:of|after|before|since|ago|later|earlier|old)\b)(?!-)"
                          rf"|\b(?P<n2>{_NUM})[\s-]+(?P<unit2>days?|weeks?|months?|years?)\s+(?P<now2>from\s+now)\b", _I)), _in_n),
]
