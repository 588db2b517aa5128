"""Reading Arabic reports: dates, the common actors, attributed statements, events.

Arabic news is written verb first ("قصفت طائرات التحالف ...": bombed the coalition's
planes ...), glues conjunctions and prepositions to the next word (و، ب، ل، ف) and
counts time from the day of publication ("أمس" yesterday, "الأسبوع الماضي" last week,
"منذ ثلاثة أيام" three days ago, weekday names).  These rules cover what a wire
report needs: the dates, the actors the press names most (states, armies, armed
groups, agencies: lexicon.ARABIC_ACTORS, with their English names, so that they are
the workspace's actors when it knows them), who said what ("قال"، "أفاد"، "وفقا لـ"),
and one event per clause that tells something happening.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import Optional, Sequence

from ..core.when import Point, When, WhenError
from . import arabic_lexicon as AL
from . import lexicon as L
from .arabic_names import arabic_mentions, name_at, resolve_head
from .arabic_persons import title_at
from .arabic_text import AR, GLUED, NOT_AR_AFTER, NOT_AR_BEFORE, alternation, fold
from .arabic_text import MONTHS as _MONTHS, WEEKDAYS as _WEEKDAYS
from .dates import DateMention, format_day
from .names import Entity, Mention
from .statements import Statement
from .text import Sentence

__all__ = ["is_arabic", "arabic_dates", "arabic_mentions", "arabic_statements", "month_number", "future_verb_in"]

_LETTERS = re.compile(f"[{AR}]")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def is_arabic(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(1 for c in letters if _LETTERS.match(c)) > 0.5 * len(letters)


# -- dates ---------------------------------------------------------------------------------
# Dates are matched on the folded text (arabic_text.fold): one spelling of each word is enough.
_NUMBERS = {"يوم": 1, "يومين": 2, "يومان": 2, "ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "أربع": 4, "خمسة": 5, "خمس": 5,
            "ستة": 6, "ست": 6, "سبعة": 7, "سبع": 7, "ثمانية": 8, "ثماني": 8, "تسعة": 9, "تسع": 9, "عشرة": 10,
            "عشر": 10, "أسبوع": 1, "أسبوعين": 2, "شهر": 1, "شهرين": 2, "عام": 1, "عامين": 2, "سنة": 1, "سنتين": 2}
_UNIT_DAYS = {"يوم": 1, "أيام": 1, "يومين": 1, "يومان": 1, "ساعة": 0, "ساعات": 0, "أسبوع": 7, "أسابيع": 7,
              "أسبوعين": 7}
_MONTH_RE = alternation(_MONTHS)
_WEEKDAY_RE = alternation(_WEEKDAYS)
_NUM_WORD = alternation(_NUMBERS)

_ORDINALS = {"الأول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6, "السابع": 7,
             "الثامن": 8, "التاسع": 9, "العاشر": 10, "الحادي عشر": 11, "الثاني عشر": 12, "الثالث عشر": 13,
             "الرابع عشر": 14, "الخامس عشر": 15, "السادس عشر": 16, "السابع عشر": 17, "الثامن عشر": 18,
             "التاسع عشر": 19, "العشرين": 20, "الحادي والعشرين": 21, "الثاني والعشرين": 22, "الثالث والعشرين": 23,
             "الرابع والعشرين": 24, "الخامس والعشرين": 25, "السادس والعشرين": 26, "السابع والعشرين": 27,
             "الثامن والعشرين": 28, "التاسع والعشرين": 29, "الثلاثين": 30, "الحادي والثلاثين": 31}
_ORDINAL_RE = alternation(_ORDINALS)
# the same month in the other calendar's name: "نوفمبر/ تشرين الثاني", "أيار (مايو)"
_PAIR = rf"(?:\s*(?:/|\()\s*(?:{_MONTH_RE})\s*\)?)?"
_PART_OF_DAY = r"(?:(?:فجر|صباح|مساء|ظهر|عصر|ليلة|ليل|منتصف\s+ليل)\s+)?"
_DATE_RULES = [
    ("full", re.compile(rf"{NOT_AR_BEFORE}{GLUED}(?P<d>\d{{1,2}})\s+(?:من\s+)?(?P<m>{_MONTH_RE}){_PAIR}\s+(?:عام\s+|سنة\s+)?(?P<y>(?:19|20)\d\d)")),
    ("month_year", re.compile(rf"{NOT_AR_BEFORE}(?:في\s+|(?P<since>منذ)\s+)?{GLUED}(?:شهر\s+)?(?P<m>{_MONTH_RE}){_PAIR}\s+(?:عام\s+|سنة\s+|من\s+العام\s+)?(?P<y>(?:19|20)\d\d)")),
    ("day_month", re.compile(rf"{NOT_AR_BEFORE}{GLUED}(?P<d>\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?(?P<m>{_MONTH_RE}){_PAIR}(?:\s+(?:الماضي|الفائت|المنصرم)(?![{AR}]))?{NOT_AR_AFTER}")),
    # "فجر الاثنين 12 نوفمبر", "اليوم الأحد 17 سبتمبر": the weekday and the day are one expression
    ("day_month", re.compile(rf"{NOT_AR_BEFORE}{_PART_OF_DAY}(?:(?:يوم\s+)?(?:اليوم|أمس|امس)\s+)?{GLUED}(?:يوم\s+)?(?:{_WEEKDAY_RE})\s*[،,]?\s*(?P<d>\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?(?P<m>{_MONTH_RE}){_PAIR}{NOT_AR_AFTER}")),
    # "أبريل الماضي", "في مارس", "منذ أبريل الماضي": a month without its year
    ("month", re.compile(rf"{NOT_AR_BEFORE}(?:(?P<since>منذ)\s+|(?:في|خلال|حتى|مطلع|أواخر|أوائل|منتصف)\s+)?{GLUED}(?:شهر\s+)?(?P<m>{_MONTH_RE}){_PAIR}(?:\s+(?P<w>الماضي|المقبل|القادم|الجاري|الحالي))?{NOT_AR_AFTER}")),
    # "الخامس من يوليو 2013", "في الخامس عشر من الشهر الجاري": a day by its ordinal
    # "من 14 إلى 16 فبراير", "من 20 حتى 29 يونيو الجاري": the days from one to the other
    ("day_range", re.compile(rf"{NOT_AR_BEFORE}(?:من\s+|بين\s+)?(?P<d1>\d{{1,2}})\s*(?:إلى|حتى|و|-|–)\s*(?P<d>\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?(?P<m>{_MONTH_RE}){_PAIR}(?:\s+(?:عام\s+|سنة\s+)?(?P<y>(?:19|20)\d\d))?(?:\s+(?:الماضي|الفائت|المنصرم|الجاري|الحالي))?{NOT_AR_AFTER}")),
    # "في 15 من الشهر الجاري": a day of the month named by its relation to publication
    ("ordinal", re.compile(rf"{NOT_AR_BEFORE}(?:في\s+)?(?P<dn>\d{{1,2}})\s+من\s+(?P<rel>الشهر\s+(?:الجاري|الحالي|الماضي|المنصرم|المقبل)|هذا\s+الشهر){NOT_AR_AFTER}")),
    ("ordinal", re.compile(rf"{NOT_AR_BEFORE}(?:في\s+)?(?P<o>{_ORDINAL_RE})(?:\s+و(?P<o2>{_ORDINAL_RE}))?\s+من\s+(?:شهر\s+)?(?:(?P<m>{_MONTH_RE}){_PAIR}(?:\s+(?:عام\s+|سنة\s+)?(?P<y>(?:19|20)\d\d))?|(?P<rel>الشهر\s+(?:الجاري|الحالي|الماضي|المنصرم|المقبل)|هذا\s+الشهر)){NOT_AR_AFTER}")),
    ("since_year", re.compile(rf"{NOT_AR_BEFORE}(?P<prep>منذ|عام|سنة|في\s+عام|خلال\s+عام|العام|لعام|للعام|في\s+العام|خلال\s+العام|منذ\s+عام|منذ\s+العام){NOT_AR_AFTER}\s*(?P<y>(?:19|20)\d\d)")),
    # "ثورة 2011", "انتخابات 2012", "2012م": a year named as time
    ("since_year", re.compile(rf"(?:(?<=ثورة )|(?<=انتخابات )|(?<=حرب )|(?<=أحداث )|(?<=مطلع )|(?<=أواخر )|(?<=منتصف )|(?<=بداية )|(?<=نهاية )|(?<=حتى )|(?<=قبل )|(?<=بعد )|(?<= في )|(?<=^في )|(?<=بحلول )|(?<= من )|(?<= إلى )|(?<=خلال ))(?P<y>(?:19|20)\d\d)(?!\d)|(?<!\d)(?P<y2>(?:19|20)\d\d)م{NOT_AR_AFTER}")),
    ("ago", re.compile(rf"{NOT_AR_BEFORE}(?P<prep>قبل|منذ){NOT_AR_AFTER}\s+(?:(?:نحو|حوالي|قرابة|زهاء)\s+)?(?:(?P<n>\d{{1,3}}|{_NUM_WORD})\s+)?(?P<unit>ساعات|ساعة|أيام|يومين|يومان|يوم|أسابيع|أسبوعين|أسبوع|أشهر|شهرين|شهر|أعوام|عامين|عام|سنوات|سنتين|سنة){NOT_AR_AFTER}(?:\s+(?P<vague>عدة|قليلة))?")),
    # "في الثمانينات", "تسعينيات القرن الماضي": a decade of the last century
    ("decade", re.compile(rf"{NOT_AR_BEFORE}(?:في\s+)?{GLUED}(?:ال)?(?P<dec>ستين|سبعين|ثمانين|تسعين)(?:ات|يات){NOT_AR_AFTER}(?!\s+(?:من\s+)?(?:العمر|عمره|عمرها))")),
    # "مطلع العام", "أواخر العام الماضي": the first or last months of a year
    ("year_part", re.compile(rf"{NOT_AR_BEFORE}(?:في\s+)?(?P<part>مطلع|بداية|أوائل|أواخر|نهاية)\s+(?:العام|السنة)(?:\s+(?P<w>الماضي|الماضية|الجاري|الحالي|الحالية|المقبل|المقبلة))?{NOT_AR_AFTER}")),
    ("numeric", re.compile(r"(?<![\d/.-])(?P<d>\d{1,2})[/.-](?P<mo>\d{1,2})[/.-](?P<y>(?:19|20)\d\d)(?![\d/.-])")),
    # "2013/4/7": the year first
    ("numeric", re.compile(r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)[/.-](?P<mo>\d{1,2})[/.-](?P<d>\d{1,2})(?![\d/.-])")),
    ("after_tomorrow", re.compile(rf"{NOT_AR_BEFORE}بعد\s+(?:غد|الغد){NOT_AR_AFTER}")),
    ("day_before_yesterday", re.compile(rf"{NOT_AR_BEFORE}{GLUED}(?:أول\s+(?:من\s+)?أمس|أمس\s+الأول){NOT_AR_AFTER}(?:\s*\(?\s*(?:{_WEEKDAY_RE})\s*\)?)?")),
    # "ليل السبت - الأحد", "ليلة الجمعة على السبت": the night from the first day into the second
    ("night", re.compile(rf"{NOT_AR_BEFORE}(?:ليل|ليلة)\s+(?P<w1>{_WEEKDAY_RE})\s*(?:-|–|/|على|إلى)\s*(?P<w>{_WEEKDAY_RE}){NOT_AR_AFTER}")),
    ("overnight", re.compile(rf"{NOT_AR_BEFORE}(?:خلال\s+)?(?:ساعات\s+الليل|(?:ال)?ليلة\s+الماضية|(?:ليل|ليلة)\s+أمس){NOT_AR_AFTER}")),
    # "أمس الثلاثاء", "اليوم (السبت)", "فجر اليوم الأحد": the day and its weekday are one expression
    ("yesterday", re.compile(rf"{NOT_AR_BEFORE}{_PART_OF_DAY}{GLUED}(?:يوم\s+)?(?:أمس|البارحة){NOT_AR_AFTER}(?:\s*\(?\s*(?:{_WEEKDAY_RE})\s*\)?)?")),
    ("today", re.compile(rf"{NOT_AR_BEFORE}{_PART_OF_DAY}{GLUED}(?:اليوم|الليلة){NOT_AR_AFTER}(?!\s+(?:التالي|السابق|العالمي|الوطني|الدولي|الأول|الثاني|الثالث))(?:\s*\(?\s*(?:{_WEEKDAY_RE})\s*\)?)?")),
    ("tomorrow", re.compile(rf"{NOT_AR_BEFORE}{_PART_OF_DAY}{GLUED}(?:يوم\s+)?(?:غدا|غداً|غدًا|الغد){NOT_AR_AFTER}")),
    ("last_week", re.compile(rf"{NOT_AR_BEFORE}{GLUED}الأسبوع\s+(?P<w>الماضي|الفائت|المنصرم|الجاري|الحالي|المقبل|القادم){NOT_AR_AFTER}")),
    # "مطلع الشهر", "أواخر الشهر الماضي": a part of a month, the month itself
    ("last_month", re.compile(rf"{NOT_AR_BEFORE}(?:في\s+)?(?:مطلع|بداية|أوائل|منتصف|أواخر|نهاية)\s+الشهر(?:\s+(?P<w>الماضي|الفائت|المنصرم|الجاري|الحالي|المقبل|القادم))?{NOT_AR_AFTER}")),
    ("last_month", re.compile(rf"{NOT_AR_BEFORE}{GLUED}(?:الشهر)\s+(?P<w>الماضي|الفائت|المنصرم|الجاري|الحالي|المقبل|القادم){NOT_AR_AFTER}")),
    ("last_year", re.compile(rf"{NOT_AR_BEFORE}{GLUED}(?:العام|السنة)\s+(?P<w>الماضي|الماضية|الفائت|المنصرم|الجاري|الحالي|الحالية|المقبل|المقبلة|القادم){NOT_AR_AFTER}")),
    ("last_year", re.compile(rf"{NOT_AR_BEFORE}(?P<w>هذا|هذه)\s+(?:العام|السنة){NOT_AR_AFTER}")),
    ("last_month", re.compile(rf"{NOT_AR_BEFORE}(?:في\s+وقت\s+سابق\s+من\s+)?(?P<w>هذا)\s+الشهر{NOT_AR_AFTER}")),
    ("last_week", re.compile(rf"{NOT_AR_BEFORE}(?:في\s+وقت\s+سابق\s+من\s+)?(?P<w>هذا)\s+الأسبوع{NOT_AR_AFTER}")),
    ("weekday", re.compile(rf"{NOT_AR_BEFORE}{_PART_OF_DAY}(?:{GLUED}يوم\s+)?{GLUED}(?P<w>{_WEEKDAY_RE})(?:\s+(?P<which>الماضي|الماضية|المقبل|المقبلة|القادم|القادمة))?{NOT_AR_AFTER}")),
]


_DATE_RULES = [(kind, re.compile(fold(rule.pattern))) for kind, rule in _DATE_RULES]  # matched on folded text
# the folded spelling of every word the rules resolve -> the spelling the tables and _resolve use
_CANON = {fold(w): w for w in (*_MONTHS, *_WEEKDAYS, *_NUMBERS, *_UNIT_DAYS, *_ORDINALS, "أسابيع", "أشهر", "أعوام",
                               "أوائل", "أيام", "الحالية", "القادمة", "الماضية", "المقبلة", "بداية", "سنوات")}


def month_number(word: str) -> Optional[int]:
    """1-12 for an Arabic month name (either calendar), else None."""
    return _MONTHS.get(_CANON.get(fold(word.strip()), word.strip()))


def _number(word: Optional[str]) -> int:
    if not word:
        return 1
    word = word.translate(_DIGITS)
    return int(word) if word.isdigit() else _NUMBERS.get(word, 1)


def _resolve(kind: str, m: re.Match, pub: Optional[date]) -> Optional[tuple[When, str, bool]]:
    g = {k: _CANON.get(v, v) if v else v for k, v in m.groupdict().items()}
    if kind == "numeric":
        try:
            return When.day(date(int(g["y"]), int(g["mo"]), int(g["d"]))), "a numeric date (day and month by the order written)", False
        except ValueError:
            return None
    if kind == "since_year" and g.get("y2"):
        return When.year(int(g["y2"].translate(_DIGITS))), "the year named", False
    if kind == "day_range":
        month = _MONTHS[g["m"]]
        if g.get("y"):
            year = int(g["y"].translate(_DIGITS))
        elif pub is not None:
            year = pub.year if month <= pub.month else pub.year - 1
        else:
            return None
        try:
            first, last = (date(year, month, int(g[k].translate(_DIGITS))) for k in ("d1", "d"))
        except ValueError:
            return None
        if last <= first:
            return None
        return When.between(When.day(first), When.day(last)), "the days from one to the other", False
    if kind == "ordinal":
        day_n = int(g["dn"].translate(_DIGITS)) if g.get("dn") else _ORDINALS[g["o"]]
        if g.get("m"):
            month = _MONTHS[g["m"]]
            if g.get("y"):
                year = int(g["y"].translate(_DIGITS))
            elif pub is not None:
                year = pub.year if month <= pub.month else pub.year - 1
            else:
                return None
        elif pub is not None:
            shift = 1 if re.search("المقبل", g["rel"]) else -1 if re.search("الماضي|المنصرم", g["rel"]) else 0
            year, month = pub.year, pub.month + shift
            year, month = (year - 1, 12) if month == 0 else (year + 1, 1) if month == 13 else (year, month)
        else:
            return None
        try:
            first = When.day(date(year, month, day_n))
            if g.get("o2"):  # "الرابع والخامس من مايو": the two days
                return When.between(first, When.day(date(year, month, _ORDINALS[g["o2"]]))), \
                    "two days by their ordinals", False
            return first, ("a day of the month named beside it" if g.get("dn") else
                           "a day by its ordinal (\u0627\u0644\u062e\u0627\u0645\u0633 \u0645\u0646 ...)"), False
        except (ValueError, WhenError):
            return None
    if kind in ("full", "month_year", "day_month", "since_year") and g.get("y"):
        y = int(g["y"].translate(_DIGITS))
        if kind == "full":
            try:
                day = date(y, _MONTHS[g["m"]], int(g["d"].translate(_DIGITS)))
            except ValueError:
                return None
            return When.day(day), "a full date", False
        if kind == "month_year":
            if g.get("since"):  # "منذ أيلول / سبتمبر 2012": since that month, the end open
                return When.since(Point.of(y, _MONTHS[g["m"]])), f"'منذ': since that month (the end is open)", False
            return When.of(Point.of(y, _MONTHS[g["m"]])), "a month and year", False
        if g.get("prep") == "منذ":
            return When.since(Point.of(y)), f"'منذ {y}': since that year (the end is open)", False
        return When.year(y), "the year named", False
    if pub is None:
        return None
    if kind == "day_month":
        month = _MONTHS[g["m"]]
        year = pub.year if month <= pub.month else pub.year - 1
        try:
            return When.day(date(year, month, int(g["d"].translate(_DIGITS)))), \
                f"day and month without a year: the last one on or before publication ({format_day(pub)})", False
        except ValueError:
            return None
    rel = f"counted from publication ({format_day(pub)})"
    if kind == "month":
        month = _MONTHS[g["m"]]
        ahead = g.get("w") in ("المقبل", "القادم")
        if ahead:
            year = pub.year if month > pub.month else pub.year + 1
        elif g.get("w") == "الماضي":
            year = pub.year if month < pub.month else pub.year - 1
        else:
            year = pub.year if month <= pub.month else pub.year - 1
        when = When.of(Point.of(year, month))
        if g.get("since"):
            return When.since(Point.of(year, month)), f"'منذ': since that month (the end is open); {rel}", False
        return when, f"a month without its year: the {'next' if ahead else 'last'} one from publication ({format_day(pub)})", ahead
    if kind == "decade":
        start = 1900 + {"ستين": 60, "سبعين": 70, "ثمانين": 80, "تسعين": 90}[g["dec"]]
        return When.between(When.year(start), When.year(start + 9)), "a decade of the last century", False
    if kind == "year_part":
        y = pub.year + (-1 if g.get("w") in ("الماضي", "الماضية") else 1 if g.get("w") in ("المقبل", "المقبلة") else 0)
        first = g["part"] in ("مطلع", "بداية", "أوائل")
        return When.between(When.month(y, 1 if first else 10), When.month(y, 3 if first else 12)), \
            ("the first" if first else "the last") + f" months of the year: {rel}", y > pub.year
    if kind == "after_tomorrow":
        return When.day(pub + timedelta(days=2)), f"'بعد غد' (the day after tomorrow): {rel}", True
    if kind == "overnight":
        return When.between(When.day(pub - timedelta(days=1)), When.day(pub)), f"the night before publication: {rel}", False
    if kind == "yesterday":
        return When.day(pub - timedelta(days=1)), f"'أمس' (yesterday): {rel}", False
    if kind == "day_before_yesterday":
        return When.day(pub - timedelta(days=2)), f"'أول أمس' (the day before yesterday): {rel}", False
    if kind == "today":
        return When.day(pub), "'اليوم' (today): the day of publication", False
    if kind == "tomorrow":
        return When.day(pub + timedelta(days=1)), f"'غدا' (tomorrow): {rel}", True
    ahead = g.get("w") in ("المقبل", "المقبلة", "القادم")
    current = g.get("w") in ("الجاري", "الحالي", "الحالية", "هذا", "هذه") or not g.get("w")  # "مطلع الشهر": this one
    if kind == "last_week":
        if current:
            return When.between(When.day(pub - timedelta(days=6)), When.day(pub)), f"this week: {rel}", False
        start = pub + timedelta(days=1) if ahead else pub - timedelta(days=7 + pub.weekday())
        return When.between(When.day(start), When.day(start + timedelta(days=6))), \
            ("next week" if ahead else "last week") + f": {rel}", ahead
    if kind == "last_month":
        y, mth = pub.year, pub.month + (1 if ahead else 0 if current else -1)
        if mth == 0:
            y, mth = y - 1, 12
        if mth == 13:
            y, mth = y + 1, 1
        return When.of(Point.of(y, mth)), ("next" if ahead else "this" if current else "last") + f" month: {rel}", ahead
    if kind == "last_year":
        y = pub.year + (1 if ahead else 0 if current else -1)
        return When.year(y), ("next" if ahead else "this" if current else "last") + f" year: {rel}", ahead
    if kind == "night":
        back = (pub.weekday() - _WEEKDAYS[g["w"]]) % 7
        day = pub - timedelta(days=back)
        return When.between(When.day(day - timedelta(days=1)), When.day(day)), \
            f"the night into the last {g['w']} on or before publication ({format_day(pub)})", False
    if kind == "weekday":
        target = _WEEKDAYS[g["w"]]
        if g.get("which") in ("المقبل", "القادم", "المقبلة", "القادمة"):
            day = pub + timedelta(days=(target - pub.weekday()) % 7 or 7)
            return When.day(day), f"the next {g['w']} after publication ({format_day(pub)})", True
        back = (pub.weekday() - target) % 7
        if g.get("which") in ("الماضي", "الماضية") and back == 0:
            back = 7
        return When.day(pub - timedelta(days=back)), f"the last {g['w']} on or before publication ({format_day(pub)})", False
    if kind == "ago":
        if (g.get("n") is None and g["unit"] in ("ساعات", "أيام", "أسابيع", "أشهر", "أعوام", "سنوات")) or g.get("vague"):
            return None  # "منذ سنوات", "قبل أشهر عدة": vague spans are not dates
        n, unit = _number(g.get("n")), g["unit"]
        if g.get("n") is None and unit in ("يومين", "يومان", "أسبوعين"):
            n = 2  # the dual: "قبل يومين" is two days
        if unit in _UNIT_DAYS:
            days = n * _UNIT_DAYS[unit]
            day = pub - timedelta(days=days)
            if days <= 2 and g.get("prep") != "قبل":  # "منذ يومين": the last two days; "قبل يومين": that day
                return When.between(When.day(day), When.day(pub)), f"within the last {n} {unit}: {rel}", False
            return When.day(day, approximate=True), f"{n} {unit} ago: {rel}", False
        if unit in ("شهر", "شهرين", "أشهر"):
            n = 2 if unit == "شهرين" else n
            y, mth = pub.year, pub.month - n
            while mth <= 0:
                y, mth = y - 1, mth + 12
            if g.get("prep") == "منذ":  # "منذ سبعة أشهر": for seven months, since then
                return When.since(Point.of(y, mth, approximate=True)), f"for {n} months, since then: {rel}", False
            return When.of(Point.of(y, mth, approximate=True)), f"{n} months ago: {rel}", False
        n = 2 if unit in ("عامين", "سنتين") else n
        return When.of(Point.of(pub.year - n, approximate=True)), f"{n} years ago: {rel}", False
    return None


_NOT_MONTHS = {"أب", "اب", "إب"}
_FORWARD_KINDS = {"day_month", "ordinal", "month", "weekday"}


def _next_weekday(pub: date, target: int) -> tuple[When, str, bool]:
    """"سيزور ... الأحد": the next such day from publication on (the day itself when it is that day:
    then it is today, not what is to come)."""
    ahead = (target - pub.weekday()) % 7
    return When.day(pub + timedelta(days=ahead)), "", ahead > 0
# a future verb (س + the imperfect: "ستعقد", "سيبدأ"), "سوف", "من المقرر": the clause speaks of what is to come
_FUTURE_WORD = re.compile(rf"{NOT_AR_BEFORE}[وف]?(?:س[يتن][{AR}]{{3,}}|(?:سوف|المقرر|يعتزم|تعتزم|المرتقب){NOT_AR_AFTER})")
# words that open with the same letters and are no verb in the future
_NOT_FUTURE = {fold(w) for w in ("سيطرة", "سيطرت", "سيارة", "سيارات", "سنوات", "سياسة", "سياسي", "سياسية", "ستين",
                                  "سيناء", "سيدة", "سيدات", "ستار", "سينما", "سيول", "سنوية", "سنوي", "ستون")}
_CLAUSE_END = re.compile(r"[.،؛:]")


def future_verb_in(folded: str, start: int, end: int) -> bool:
    """A verb in the future ("ستعقد", "وسيبدأ", "سوف", "من المقرر") between start and end."""
    return any((w[1:] if w[0] in "وف" else w) not in _NOT_FUTURE
               for w in (m.group() for m in _FUTURE_WORD.finditer(folded, start, end)))


def _future_before(folded: str, at: int) -> bool:
    """A future verb shortly before `at` in the same clause (no stop or comma between)."""
    lo = max(0, at - 70)
    cut = [m.end() for m in _CLAUSE_END.finditer(folded, lo, at)]
    return future_verb_in(folded, cut[-1] if cut else lo, at)


_DAY_KINDS = {"yesterday", "day_before_yesterday", "today", "tomorrow", "after_tomorrow", "weekday", "overnight", "night",
              "last_week", "ago"}


def arabic_dates(text: str, pub: Optional[date], start: int = 0,
                 month: Optional[tuple[int, int]] = None) -> list[DateMention]:
    """The date expressions of an Arabic text, resolved against the day of publication; when the
    report gives only its month, days counted from it ("أمس", "الأحد") are that month, no finer."""
    only_month = pub is None and month is not None
    if only_month:
        pub = date(month[0], month[1], 1)
    covered = bytearray(len(text))
    folded = fold(text)
    candidates = []
    for priority, (kind, pattern) in enumerate(_DATE_RULES):
        for m in pattern.finditer(folded, start):
            candidates.append((-(m.end() - m.start()), priority, m.start(), kind, m))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    found = []
    weekdays: dict[int, Optional[int]] = {}  # a weekday mention's start -> the weekday it names
    for _n, _p, s, kind, m in candidates:
        if any(covered[s:m.end()]):
            continue
        if kind == "month" and text[m.start("m"):m.end("m")] in _NOT_MONTHS:
            continue  # "أب" (father) folds to the month "آب": only the month's own spelling is the month
        resolved = _resolve(kind, m, pub)
        if resolved is not None and kind in _FORWARD_KINDS and not m.groupdict().get("y") and pub is not None \
                and not m.groupdict().get("which" if kind == "weekday" else "w") and not m.groupdict().get("rel") and not only_month \
                and _future_before(folded, s):
            # "ستعقد الندوة في الثالث من يونيو": a month named in a future clause is the next one
            ahead = _resolve(kind, m, pub + timedelta(days=364)) if kind != "weekday" else \
                _next_weekday(pub, _WEEKDAYS[_CANON.get(m.group("w"), m.group("w"))])
            if ahead is not None:
                resolved = (ahead[0], f"said of what is to come: the next one after publication ({format_day(pub)})",
                            ahead[2] if kind == "weekday" else True)
        if resolved is None:
            continue
        if only_month and kind in _DAY_KINDS and resolved[0].precision.value >= 5:  # a day, or days
            resolved = (When.of(Point.of(pub.year, pub.month, approximate=True)),
                        f"the report gives only its month ({pub.year}-{pub.month:02d}): a day counted from it "
                        "is somewhere in that month", resolved[2])
        end = s + len(m.group().rstrip())
        covered[s:end] = b"\x01" * (end - s)
        when, rule, forward = resolved
        found.append(DateMention(s, end, text[s:end], when, rule, forward))
        weekdays[s] = _WEEKDAYS.get(_CANON.get(m.groupdict().get("w") or "", "")) if kind == "weekday" else None
    found.sort(key=lambda d: d.start)
    for i, (a, b) in enumerate(zip(found, found[1:])):
        # "الأربعاء الماضي (10 أبريل)": the weekday is the day written beside it, when that day is one
        wd = weekdays.get(a.start)
        if wd is not None and _BESIDE.fullmatch(text, a.end, b.start) and b.when.is_point and \
                b.when.precision.value >= 5 and b.when.earliest.weekday() == wd and a.when != b.when:
            found[i] = replace(a, when=b.when, rule=f"the weekday of the date written beside it ({b.text})")
    return found


_BESIDE = re.compile(r"\s*[(،,]?\s*")


# -- statements ------------------------------------------------------------------------------
_SAY_RE = re.compile(
    rf"{NOT_AR_BEFORE}(?:و|ف)?(?P<verb>قال|قالت|قالوا|أفاد|أفادت|افاد|افادت|ذكر|ذكرت|أعلن|أعلنت|اعلن|اعلنت|أعلنوا|أكد|أكدت|اكد|اكدت|"
    rf"أكدوا|صرح|صرحت|أوضح|أوضحت|أشار|أشارت|اشار|اشارت|أضاف|أضافت|اضاف|اضافت|نفى|نفت|زعم|زعمت|ادعى|ادعت|لفت|لفتت|"
    rf"أورد|أوردت|بث|بثت|نشر|نشرت|تحدث|تحدثت|اتهم|اتهمت|حذر|حذرت|دعا|دعت|طالب|طالبت|أدان|أدانت|وصف|وصفت|أحصى|أحصت|"
    rf"وثق|وثقت|كشف|كشفت|يقول|تقول|شدد|شددت|اعتبر|اعتبرت|أبلغ|أبلغت|تابع|تابعت|إعلان|تصريح|تأكيد|أعرب|أعربت|رحب|رحبت|حث|حثت|ناشد|ناشدت|أشاد|أشادت|هدد|هددت|انتقد|انتقدت|أبدى|أبدت|"
    rf"رأى|رأت|أبلغ|قالا|اشترط|اشترطت|يؤكد|تؤكد|يشير|تشير|يعلن|تعلن|يتهم|تتهم|يحذر|تحذر|يطالب|تطالب|يدعو|تدعو|"
    rf"ينفي|تنفي|يرى|ترى|يرفض|ترفض|استطرد|استطردت|أردف|أردفت|أجاب|أجابت|اعترف|اعترفت|نعى|نعت|تعهد|تعهدت|"
    rf"توقع|توقعت|رجح|رجحت){NOT_AR_AFTER}")
# "نقلت وسائل إعلام عن جيش الاحتلال القول": the words are the army's, carried by the media
_RELAY_RE = re.compile(rf"{NOT_AR_BEFORE}(?:و|ف)?(?:نقل|نقلت)\s+(?P<ch>[^،.]{{0,40}}?)\s*عن\s+")
_ACCORDING_RE = re.compile(rf"{NOT_AR_BEFORE}(?:و)?(?:وفقا|وفقاً|وفقًا|طبقا|طبقاً|بحسب|حسب|نقلا|نقلاً|وفق)\s*"
                           rf"(?:لـ|ل|عن|(?:ل)?ما\s+(?:ذكره|ذكرته|أفاد\s+به|أفادت\s+به|(?:أفاد|ذكر|قال|أعلن|أكد|أحصى|أحصت|نقل|أورد|أشار)"
                           rf"(?:ته|ت|ه)?{NOT_AR_AFTER}))?\s*")
_DENY = {"نفى", "نفت"}
_CHANNEL_RE = re.compile(rf"{NOT_AR_BEFORE}(?:ل|في|عبر|على|(?:رد[اا]?\s+على\s+|جوابا\s+على\s+)?سؤال\s+(?:من\s+)?)\s*(?P<ch>(?:وكالة|قناة|صحيفة|بيان|تلفزيون|موقع|حساب|تغريدة|"
                         rf"تلغرام|تليغرام|تويتر|فيسبوك|منصة|مؤتمر صحفي|تصريحات|تصريح|إذاعة|اذاعة|مقابلة|حوار|"
                         rf"تسجيل|شريط|رسالة|صفحته|صفحتها)(?:\s+(?!(?:إن|أن|ان|بأن|في|على|عن|من|إلى|الى|مع)"
                         rf"{NOT_AR_AFTER})[{AR}]+){{0,2}})")
_BEFORE_PERSON = re.compile(rf"[{AR}\s]*")  # words only: no comma, colon or quotation on the way
_DAY_WORDS = re.compile(rf"(?:يوم\s+)?(?:اليوم|امس)(?:\s+(?:{_WEEKDAY_RE}))?\s")
_SPOKESMAN_RE = re.compile(r"(?:ال)?(?:متحدث|متحدثة|ناطق|ناطقة)\s+(?:الرسمي\s+|الرسمية\s+)?(?:باسم|بإسم)\s+")
_SPOKESPERSON_NAMED = re.compile(rf"(?:ال)?(?:متحدث|متحدثة|ناطق|ناطقة)\s+(?:الرسمي\s+)?(?:باسم|بإسم)\s+(?P<org>ال[{AR}]+)\s+"
                           rf"(?P<name>(?:[{AR}]+\s+){{1,3}}?[{AR}]+)(?=\s*[،,]?\s*(?:إن|أن|ان|بأن)\b|\s*[،,:])")
_TRAILING_CHANNEL = re.compile(rf"\s+(?:ل|لـ)\s*(?P<ch>(?:وكالة|قناة|صحيفة|موقع)\s+[{AR}]+(?:\s+[{AR}]+)?|ل[{AR}]+)$")


def arabic_statements(text: str, sentences: Sequence[Sentence], body: Sequence[int], mentions: Sequence[Mention],
                      entities: Sequence[Entity], outlet: str) -> list[Statement]:
    """Who said what: "قال X إن ...", "وفقا لـ X", "X قال", "نقلت Y عن X القول"; the speaker as the
    report names them (linked to the actor it stands for), and the channel ("في بيان", "للجزيرة")."""
    by_id = {e.id: e for e in entities}
    folded = fold(text)
    ends = [m.end for m in mentions]  # mentions come in the order of their starts and do not overlap
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    out: list[Statement] = []
    last: Optional[Statement] = None
    for si in body:
        s = sentences[si]
        ments = by_sentence.get(si, [])
        found = None
        relay = _RELAY_RE.search(text, s.start, s.end)
        acc = _ACCORDING_RE.search(text, s.start, s.end)
        say = _SAY_RE.search(text, s.start, s.end)
        if relay is not None:
            name, eid, end = _speaker(text, folded, mentions, ments, by_id, relay.end(), s.end, ends=ends)
            if name:
                channel = relay.group("ch").strip()
                # the words after the speaker, or before the relay when it closes the sentence
                # ("... حسبما نقلت الوكالة عن بيان للمجلس")
                q0, q1 = (end, s.end) if text[end:s.end].strip(" .،\"«»") else (s.start, relay.start())
                found = _statement(text, si, s, name, eid, by_id, outlet, q0, q1, "نقل",
                                   f"'{relay.group().strip()} {name}'", channel=channel)
        if found is None and acc is not None:
            name, eid, end = _speaker(text, folded, mentions, ments, by_id, acc.end(), s.end, ends=ends)
            carrier = by_id.get(eid or "")
            if name and carrier is not None and carrier.source and not carrier.actor and say is not None \
                    and say.start() < acc.start():
                # "قالت مصادر أمنية ... وفق ما نقلت وكالة الأنباء الفرنسية": the agency carried their words
                said, said_eid, said_end = _speaker(text, folded, mentions, ments, by_id, say.end(), acc.start(), ends=ends)
                if said:
                    found = _statement(text, si, s, said, said_eid, by_id, outlet, said_end, acc.start(),
                                       say.group("verb"), f"'{say.group().strip()} {said}'", channel=name)
            if name and found is None:
                rest_a, rest_b = (s.start, acc.start()) if acc.start() - s.start > 10 else (end, s.end)
                found = _statement(text, si, s, name, eid, by_id, outlet, rest_a, rest_b, "وفقا لـ",
                                   f"'{acc.group().strip()} {name}'")
        if found is None and say is not None:
            # verb first: the speaker follows ("قال المرصد ..."), or precedes ("المرصد قال")
            name, eid, end = _speaker(text, folded, mentions, ments, by_id, say.end(), s.end, ends=ends)
            if not name:
                before = [m for m in ments if m.end <= say.start() and say.start() - m.end <= 3]
                if before:
                    name, eid, _end = _speaker(text, folded, mentions, ments, by_id, before[-1].start, s.end, ends=ends)
                    end = say.end()
                elif re.match(r"\s*(?:فيها|فيه|خلالها|خلاله)(?![\u0621-\u064A])", text[say.end():say.end() + 8]) and \
                        any(m.end <= say.start() and m.entity in by_id and by_id[m.entity].actor for m in ments):
                    # "ألقت X كلمة صرحت فيها بأن ...": the words are in X's speech, X speaks
                    told = [m for m in ments if m.end <= say.start() and m.entity in by_id and by_id[m.entity].actor]
                    who = ([m for m in told if m.kind == "person"] or told)[-1]  # a person before a body
                    name, eid, end = _named(who, by_id), who.entity, say.end()
                elif last is not None and say.start() - s.start <= 12 and \
                        re.match(r"\s*(?:إن|أن|ان|إنه|أنه|إنها|أنها|:|،)", text[say.end():say.end() + 8]):
                    name, eid, end = last.speaker, last.speaker_entity, say.end()  # "وأضاف" with no name: still them
            if name:
                found = _statement(text, si, s, name, eid, by_id, outlet, end, s.end, say.group("verb"),
                                   f"'{say.group().strip()} {name}'", denial=say.group("verb") in _DENY)
        if found is not None:
            out.append(found)
            last = found
        # a second speaker named in the same sentence: "..., غداة إعلان موسكو أن قواتها ..."
        after = found.span[0] if found is not None else s.start
        for more in _SAY_RE.finditer(text, max(after, (say.end() if say is not None else s.start)), s.end):
            who = next((m for m in ments if (0 <= m.start - more.end() <= 3 or 0 <= more.start() - m.end <= 2)
                        and m.entity in by_id and by_id[m.entity].kind == "person"
                        or 0 <= m.start - more.end() <= 3 and m.entity in by_id), None)
            if who is not None and (found is None or who.entity != found.speaker_entity):
                extra = _statement(text, si, s, _surface(who), who.entity, by_id, outlet, who.end, s.end,
                                   more.group("verb"), f"'{more.group().strip()} {_surface(who)}'")
                if extra is not None:
                    out.append(extra)
                break
    return out


_DEF_WORD = re.compile(rf"ال[{AR}]+")
_HEAD_WORD = re.compile(rf"(?:لل|ال)(?P<w>[{AR}]{{3,}}){NOT_AR_AFTER}")
# the spokesperson's own name after the body they speak for; a speaker described in a few words
_SPOKESPERSON_NAME = re.compile(rf"\s+((?:[{AR}]+\s+){{1,3}}?[{AR}]+)(?=\s*[،,]?\s*(?:إن|أن|ان|بأن|في\s)|\s*[،,:])")
_SPEAKER_WORDS = re.compile(rf"\s*((?:[{AR}]+\s+){{0,3}}?[{AR}]+)(?=\s+(?:إن|أن|ان|بأن|في\s+بيان|لوكالة)|\s*[،:.])")
_TOLD = re.compile(rf"(?<![{AR}])(?:لل|ل)(?P<ch>[{AR}]{{3,}})")  # "للجزيرة": told to an outlet


def _speaker(text: str, folded: str, mentions: Sequence[Mention], ments: Sequence[Mention], by_id: dict[str, Entity],
             pos: int, end: int, ends: Optional[Sequence[int]] = None) -> tuple[str, Optional[str], int]:
    """(the speaker as the report names them, the entity, where the name ends) at pos, or ("", None, pos)."""
    lead = re.match(r"\s*", text[pos:end])
    at = pos + (lead.end() if lead else 0)
    who = next((m for m in ments if at - 1 <= m.start <= at + 3 and m.entity in by_id), None)
    if who is not None:
        return _named(who, by_id), who.entity, who.end
    said_in = _STATEMENT_OF.match(text, at)
    if said_in is not None:  # "وأشار بيان منظمة ...": the body, in its statement (_statement reads the channel)
        who = next((m for m in ments if said_in.end() - 1 <= m.start <= said_in.end() + 3 and m.entity in by_id), None)
        if who is not None:
            return f"{said_in.group(1)} {_named(who, by_id)}", who.entity, who.end
        head = _HEAD_WORD.match(folded, said_in.end(), end)  # "بيان للمجلس", "بيان الوزارة": the body named before
        if head is not None:
            eid = resolve_head("ال" + head.group("w"), mentions, [m.end for m in mentions] if ends is None else ends,
                               pos, by_id)
            if eid is not None:
                return f"{said_in.group(1)} {_surface(next(m for m in mentions if m.entity == eid))}", eid, head.end()
    # "أعلن اليوم الإثنين لوران فابيوس", "وقالت ممثلة الأمم المتحدة في جنوب السودان هيلدا جونسون": a day
    # or a title between the verb and the person
    person = next((m for m in ments if at < m.start <= at + 90 and m.kind == "person" and m.entity in by_id), None)
    if person is not None and _BEFORE_PERSON.fullmatch(folded, at, person.start) and \
            (_DAY_WORDS.match(folded, at) or title_at(folded, at)):
        return _named(person, by_id), person.entity, person.end
    sp = _SPOKESMAN_RE.match(text, at, min(end, at + 160))
    if sp is not None:  # "المتحدث باسم وزارة الخارجية هونغ لي": the spokesperson by name, else the body
        org_at = sp.end()
        org = next((m for m in ments if org_at - 1 <= m.start <= org_at + 3 and m.entity in by_id), None)
        named = name_at(text, folded, org_at, end) if org is None else None
        org_end = org.end if org is not None else named[0] if named is not None else \
            (_DEF_WORD.match(text, org_at, end) and _DEF_WORD.match(text, org_at, end).end())
        if org_end:
            person = _SPOKESPERSON_NAME.match(text[org_end:min(end, org_end + 60)])
            if person is not None and len(person.group(1).split()) >= 2:
                return person.group(1), None, org_end + person.end()
            if org is not None:
                return _surface(org), org.entity, org_end
    sp2 = _SPOKESPERSON_NAMED.match(text, at, min(end, at + 120))
    if sp2 is not None:  # "المتحدث باسم الشبكة أحمد النور": the spokesperson by name
        return sp2.group("name"), None, sp2.end()
    org = name_at(text, folded, at, end)
    if org is not None:
        return org[1], None, org[0]
    words = _SPEAKER_WORDS.match(text[pos:min(end, pos + 80)])
    if words is None:
        return "", None, pos
    phrase = words.group(1).strip()
    first = phrase.split()[0]
    if first.startswith("ال") and len(phrase.split()) == 1:
        eid = resolve_head(first, mentions, [m.end for m in mentions] if ends is None else ends, pos, by_id)  # "المرصد", "الشبكة": named earlier
        if eid is not None:
            return _surface(next(m for m in mentions if m.entity == eid)), eid, pos + words.end()
    if not any(w in phrase for w in L.ARABIC_SPEAKER_NOUNS):
        return "", None, pos
    ch = _TRAILING_CHANNEL.search(phrase)
    if ch is not None and len(phrase[:ch.start()].split()) >= 1:
        phrase = phrase[:ch.start()]
    return phrase, None, pos + words.end()


def _named(m: Mention, by_id: dict[str, Entity]) -> str:
    """A person by their full name ("وقالت روسيف": ديلما روسيف), anyone else as the report names them."""
    e = by_id.get(m.entity or "")
    return e.name if e is not None and e.kind == "person" and not e.known_actor else _surface(m)


def _surface(m: Mention) -> str:
    return " ".join(m.text.split())


_STATEMENT_OF = re.compile(r"(بيان|تقرير)\s+(?=\S)")


def _statement(text: str, si: int, s: Sentence, name: str, eid: Optional[str], by_id: dict[str, Entity],
               outlet: str, q0: int, q1: int, verb: str, how: str, denial: bool = False,
               channel: str = "") -> Optional[Statement]:
    said_in = _STATEMENT_OF.match(name)
    if said_in is not None:  # "وأشار بيان اتحاد الكتاب": the union speaks, in a statement
        name, channel = name[said_in.end():], channel or said_in.group(1)
    raw = text[q0:q1]
    lead = re.match(r"^[\s،,:]*(?:(?:إن|أن|ان|بأن|إنّ|أنّ)\s+)?", raw)
    q0 += lead.end() if lead else 0
    quote = text[q0:q1].strip(" .،\"«»")
    if not quote:
        return None
    q0 = text.index(quote, q0)
    if not channel:
        ch = _CHANNEL_RE.search(text, s.start, s.end)
        if ch is not None:
            channel = ch.group("ch")
        else:
            told = _TOLD.search(text[max(s.start, q0 - 30):q0])
            if told is not None and fold("ال" + told.group("ch")) in _SOURCE_NAMES:
                channel = "ال" + told.group("ch")
    e = by_id.get(eid or "")
    src_name, src_id = (e.name, eid) if e is not None and e.source else (outlet, None)
    return Statement(si, name, eid, src_name, src_id, quote, (q0, q0 + len(quote)), s.span, verb, how,
                     channel=channel, denial=denial)


_SOURCE_NAMES = {fold(k) for k, v in AL.ACTORS.items() if v[1] == "source"}
