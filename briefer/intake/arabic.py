"""Reading Arabic reports: is a text Arabic, and its dates.

Arabic news is written verb first ("قصفت طائرات التحالف ...": bombed the coalition's
planes ...), glues conjunctions and prepositions to the next word (و، ب، ل، ف) and
counts time from the day of publication ("أمس" yesterday, "الأسبوع الماضي" last week,
"منذ ثلاثة أيام" three days ago, weekday names).  The other Arabic readers: the actors
(arabic_names, arabic_persons), who said what (arabic_statements: "قال"، "أفاد"، "وفقا لـ")
and one event per clause that tells something happening (arabic_events); the script they
share is arabic_text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from datetime import date, timedelta
from typing import Optional

from ..core.when import Point, When, WhenError
from .arabic_persons import given_name_at
from .arabic_text import AR, GLUED, NOT_AR_AFTER, NOT_AR_BEFORE, alternation, fold
from .arabic_text import DIGITS as _DIGITS
from .arabic_text import MONTHS as _MONTHS, WEEKDAYS as _WEEKDAYS
from .dates import DateMention, format_day

__all__ = ["is_arabic", "arabic_dates", "month_number", "future_verb_in"]

_LETTERS = re.compile(f"[{AR}]")


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
# the same month in the other calendar's name: "نوفمبر/ تشرين الثاني", "أيار (مايو)", "مارس آذار" (a wire's
# house style: the two names side by side)
_PAIR = rf"(?:\s*(?:/|\()\s*(?:{_MONTH_RE})\s*\)?|\s+(?:{_MONTH_RE}){NOT_AR_AFTER})?"
# where a date opens: after a space, or after و/ف glued to it ("ومنذ 7 أكتوبر", "وفي 3 مايو")
_OPENS = rf"(?:{NOT_AR_BEFORE}|(?<={NOT_AR_BEFORE}[وف]))"
# "منذ 7 أكتوبر", "منذ السابع من الشهر الماضي": since that day, the end open
_SINCE = r"(?:(?P<since>منذ)\s+)?"
# "الـ10 من مارس", "في الـ 15 من الشهر الجاري": a day's number written with the article
_DAY_ART = rf"{GLUED}(?:الـ\s?|ال)?"
_PART_OF_DAY = r"(?:(?:فجر|صباح|مساء|ظهر|عصر|ليلة|ليل|منتصف\s+ليل)\s+)?"
_DATE_RULES = [
    ("full", re.compile(rf"{_OPENS}{_SINCE}{_DAY_ART}(?P<d>\d{{1,2}})\s+(?:من\s+)?(?P<m>{_MONTH_RE}){_PAIR}\s+(?:عام\s+|سنة\s+)?(?P<y>(?:19|20)\d\d)")),
    # "منتصف أبريل 2023", "منذ أواخر مارس 2011": a part of a month is that month (of the year written)
    ("month_year", re.compile(rf"{_OPENS}(?:في\s+|(?P<since>منذ)\s+)?(?:(?:مطلع|بداية|أوائل|منتصف|أواخر|نهاية)\s+)?{GLUED}(?:شهر\s+)?(?P<m>{_MONTH_RE}){_PAIR}\s+(?:عام\s+|سنة\s+|من\s+العام\s+)?(?P<y>(?:19|20)\d\d)")),
    ("day_month", re.compile(rf"{_OPENS}{_SINCE}{_DAY_ART}(?P<d>\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?(?P<m>{_MONTH_RE}){_PAIR}(?:\s+(?:الماضي|الفائت|المنصرم|الجاري|الحالي)(?![{AR}]))?{NOT_AR_AFTER}")),
    # "فجر الاثنين 12 نوفمبر", "اليوم الأحد 17 سبتمبر": the weekday and the day are one expression
    ("day_month", re.compile(rf"{NOT_AR_BEFORE}{_PART_OF_DAY}(?:(?:يوم\s+)?(?:اليوم|أمس)\s+)?{GLUED}(?:يوم\s+)?(?:{_WEEKDAY_RE})\s*[،,]?\s*(?P<d>\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?(?P<m>{_MONTH_RE}){_PAIR}{NOT_AR_AFTER}")),
    # "أبريل الماضي", "في مارس", "منذ أبريل الماضي": a month without its year
    ("month", re.compile(rf"{NOT_AR_BEFORE}(?:(?P<since>منذ)\s+|(?:في|خلال|حتى|مطلع|أواخر|أوائل|منتصف)\s+)?{GLUED}(?:شهر\s+)?(?P<m>{_MONTH_RE}){_PAIR}(?:\s+(?P<w>الماضي|المقبل|القادم|الجاري|الحالي))?{NOT_AR_AFTER}")),
    # "آب / أغسطس من العام الماضي", "في مارس من السنة المقبلة": a month of the year named by its relation
    ("month_of_year", re.compile(rf"{NOT_AR_BEFORE}(?:في\s+|خلال\s+)?{GLUED}(?:شهر\s+)?(?P<m>{_MONTH_RE}){_PAIR}\s+من\s+(?:العام|السنة)\s+(?P<yw>الماضي|الماضية|الفائت|المنصرم|الجاري|الجارية|الحالي|الحالية|المقبل|المقبلة|القادم){NOT_AR_AFTER}")),
    # "شهري مايو ويونيو الماضيين": two months together
    ("two_months", re.compile(rf"{NOT_AR_BEFORE}(?:في\s+|خلال\s+)?(?:شهري\s+)?(?P<m1>{_MONTH_RE})\s+و\s*(?P<m>{_MONTH_RE})(?:\s+(?P<w>الماضيين|الماضي|المقبلين|المقبل|القادمين))?{NOT_AR_AFTER}")),
    # "الخامس من يوليو 2013", "في الخامس عشر من الشهر الجاري": a day by its ordinal
    # "من 14 إلى 16 فبراير", "من 20 حتى 29 يونيو الجاري": the days from one to the other
    ("day_range", re.compile(rf"{NOT_AR_BEFORE}(?:من\s+|بين\s+)?(?P<d1>\d{{1,2}})\s*(?:إلى|حتى|و|-|–)\s*(?P<d>\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?(?P<m>{_MONTH_RE}){_PAIR}(?:\s+(?:عام\s+|سنة\s+)?(?P<y>(?:19|20)\d\d))?(?:\s+(?:الماضي|الفائت|المنصرم|الجاري|الحالي))?{NOT_AR_AFTER}")),
    # "في 15 من الشهر الجاري": a day of the month named by its relation to publication
    ("ordinal", re.compile(rf"{_OPENS}(?:في\s+|{_SINCE})?{_DAY_ART}(?P<dn>\d{{1,2}})\s+من\s+(?P<rel>الشهر\s+(?:الجاري|الحالي|الماضي|المنصرم|المقبل)|هذا\s+الشهر){NOT_AR_AFTER}")),
    ("ordinal", re.compile(rf"{_OPENS}(?:في\s+|{_SINCE})?(?P<o>{_ORDINAL_RE})(?:\s+و(?P<o2>{_ORDINAL_RE}))?\s+من\s+(?:شهر\s+)?(?:(?P<m>{_MONTH_RE}){_PAIR}(?:\s+(?:عام\s+|سنة\s+)?(?P<y>(?:19|20)\d\d))?(?:\s+(?:الماضي|الفائت|المنصرم|الجاري|الحالي)(?![{AR}]))?|(?P<rel>الشهر\s+(?:الجاري|الحالي|الماضي|المنصرم|المقبل)|هذا\s+الشهر)){NOT_AR_AFTER}")),
    ("since_year", re.compile(rf"{NOT_AR_BEFORE}(?P<prep>منذ|عام|سنة|في\s+عام|خلال\s+عام|العام|لعام|للعام|في\s+العام|خلال\s+العام|منذ\s+عام|منذ\s+العام){NOT_AR_AFTER}\s*(?P<y>(?:19|20)\d\d)")),
    # "ثورة 2011", "انتخابات 2012", "2012م": a year named as time
    ("since_year", re.compile(rf"(?:(?<=ثورة )|(?<=انتخابات )|(?<=حرب )|(?<=أحداث )|(?<=مطلع )|(?<=أواخر )|(?<=منتصف )|(?<=بداية )|(?<=نهاية )|(?<=حتى )|(?<=قبل )|(?<=بعد )|(?<= في )|(?<=^في )|(?<=بحلول )|(?<= من )|(?<= إلى )|(?<=خلال )|(?<=موسم )|(?<=صيف )|(?<=شتاء )|(?<=ربيع )|(?<=خريف ))(?P<y>(?:19|20)\d\d)(?!\d)|(?<!\d)(?P<y2>(?:19|20)\d\d)م{NOT_AR_AFTER}")),
    ("ago", re.compile(rf"{NOT_AR_BEFORE}(?P<prep>قبل|منذ){NOT_AR_AFTER}\s+(?:(?:نحو|حوالي|قرابة|زهاء)\s+)?(?:(?P<n>\d{{1,3}}|{_NUM_WORD})\s+)?(?P<unit>ساعات|ساعة|أيام|يومين|يومان|يوم|أسابيع|أسبوعين|أسبوع|أشهر|شهرين|شهر|أعوام|عامين|عام|سنوات|سنتين|سنة){NOT_AR_AFTER}(?:\s+(?P<vague>عدة|قليلة))?")),
    # "في الثمانينات", "تسعينيات القرن الماضي": a decade of the last century
    ("decade", re.compile(rf"{NOT_AR_BEFORE}(?:في\s+)?{GLUED}(?:ال)?(?P<dec>ستين|سبعين|ثمانين|تسعين)(?:ات|يات){NOT_AR_AFTER}(?!\s+(?:من\s+)?(?:العمر|عمره|عمرها))")),
    # "مطلع العام", "أواخر العام الماضي": the first or last months of a year
    # "قبل نهاية العام الجاري", "بحلول نهاية العام": a deadline within the year: the year itself
    ("year_part", re.compile(rf"{NOT_AR_BEFORE}(?:في\s+|(?P<by>قبل|بحلول)\s+)?(?P<part>مطلع|بداية|أوائل|أواخر|نهاية)\s+(?:العام|السنة)(?:\s+(?P<w>الماضي|الماضية|الجاري|الجارية|الحالي|الحالية|المقبل|المقبلة))?{NOT_AR_AFTER}")),
    ("numeric", re.compile(r"(?<![\d/.-])(?P<d>\d{1,2})[/.-](?P<mo>\d{1,2})[/.-](?P<y>(?:19|20)\d\d)(?![\d/.-])")),
    # "2013/4/7": the year first
    ("numeric", re.compile(r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)[/.-](?P<mo>\d{1,2})[/.-](?P<d>\d{1,2})(?![\d/.-])")),
    ("after_tomorrow", re.compile(rf"{NOT_AR_BEFORE}بعد\s+(?:غد|الغد){NOT_AR_AFTER}")),
    ("day_before_yesterday", re.compile(rf"{NOT_AR_BEFORE}{GLUED}(?:أول\s+(?:من\s+)?أمس|أمس\s+الأول){NOT_AR_AFTER}(?:\s*\(?\s*(?P<wd>{_WEEKDAY_RE})\s*\)?)?")),
    # "ليل السبت - الأحد", "ليلة الجمعة على السبت", "ليل الإثنين الثلاثاء": the night from the first day into the second
    ("night", re.compile(rf"{NOT_AR_BEFORE}(?:ليل|ليلة)\s+(?P<w1>{_WEEKDAY_RE})(?:\s*(?:-|–|/|على|إلى)\s*|\s+)(?P<w>{_WEEKDAY_RE}){NOT_AR_AFTER}")),
    ("overnight", re.compile(rf"{NOT_AR_BEFORE}(?:خلال\s+)?(?:ساعات\s+الليل|(?:ال)?ليلة\s+الماضية|(?:ليل|ليلة)\s+أمس){NOT_AR_AFTER}")),
    # "أمس الثلاثاء", "اليوم (السبت)", "فجر اليوم الأحد": the day and its weekday are one expression
    ("yesterday", re.compile(rf"{NOT_AR_BEFORE}{_PART_OF_DAY}{GLUED}(?:يوم\s+)?(?:أمس|البارحة){NOT_AR_AFTER}(?:\s*\(?\s*(?P<wd>{_WEEKDAY_RE})\s*\)?)?")),
    # ("في اليوم نفسه", "نفس اليوم", "اليوم التالي": a day counted from the clause before, not today)
    ("today", re.compile(rf"(?<!نفس ){NOT_AR_BEFORE}{_PART_OF_DAY}{GLUED}(?:اليوم|الليلة){NOT_AR_AFTER}(?!\s+(?:التالي|السابق|نفسه|ذاته|نفسها|ذاتها|العالمي|الوطني|الدولي|الأول|الثاني|الثالث))(?:\s*\(?\s*(?P<wd>{_WEEKDAY_RE})\s*\)?)?")),
    ("tomorrow", re.compile(rf"{NOT_AR_BEFORE}{_PART_OF_DAY}{GLUED}(?:يوم\s+)?(?:غدا|غداً|غدًا|الغد){NOT_AR_AFTER}")),
    ("last_week", re.compile(rf"{NOT_AR_BEFORE}{GLUED}الأسبوع\s+(?P<w>الماضي|الفائت|المنصرم|الجاري|الحالي|المقبل|القادم){NOT_AR_AFTER}")),
    # "مطلع الشهر", "أواخر الشهر الماضي": a part of a month, the month itself
    ("last_month", re.compile(rf"{NOT_AR_BEFORE}(?:في\s+)?(?:مطلع|بداية|أوائل|منتصف|أواخر|نهاية)\s+الشهر(?:\s+(?P<w>الماضي|الفائت|المنصرم|الجاري|الحالي|المقبل|القادم))?{NOT_AR_AFTER}")),
    ("last_month", re.compile(rf"{NOT_AR_BEFORE}{GLUED}(?:الشهر)\s+(?P<w>الماضي|الفائت|المنصرم|الجاري|الحالي|المقبل|القادم){NOT_AR_AFTER}")),
    ("last_year", re.compile(rf"{NOT_AR_BEFORE}{GLUED}(?:العام|السنة)\s+(?P<w>الماضي|الماضية|الفائت|المنصرم|الجاري|الجارية|الحالي|الحالية|المقبل|المقبلة|القادم){NOT_AR_AFTER}")),
    # "خلال السنتين الماضيتين", "العامين الماضيين": the two years up to publication
    ("past_two_years", re.compile(rf"{NOT_AR_BEFORE}(?:خلال\s+|في\s+)?{GLUED}(?:السنتين|العامين)\s+(?:الماضيتين|الماضيين|الأخيرتين|الأخيرين){NOT_AR_AFTER}")),
    ("last_year", re.compile(rf"{NOT_AR_BEFORE}(?P<w>هذا|هذه)\s+(?:العام|السنة){NOT_AR_AFTER}")),
    ("last_month", re.compile(rf"{NOT_AR_BEFORE}(?:في\s+وقت\s+سابق\s+من\s+)?(?P<w>هذا)\s+الشهر{NOT_AR_AFTER}")),
    # "في وقت سابق من (هذا) الأسبوع" (earlier this week): the calendar week of publication, as in English
    ("last_week", re.compile(rf"{_OPENS}(?:(?P<earlier>في\s+وقت\s+سابق\s+من\s+)(?:هذا\s+)?|(?P<w>هذا)\s+)الأسبوع{NOT_AR_AFTER}")),
    ("weekday", re.compile(rf"{NOT_AR_BEFORE}{_PART_OF_DAY}(?:{GLUED}يوم\s+)?{GLUED}(?P<w>{_WEEKDAY_RE})(?:\s+(?P<which>الماضي|الماضية|الفائت|الفائتة|المنصرم|المنصرمة|المقبل|المقبلة|القادم|القادمة))?{NOT_AR_AFTER}")),
]


_DATE_RULES = [(kind, re.compile(fold(rule.pattern))) for kind, rule in _DATE_RULES]  # matched on folded text
# the folded spelling of every word the rules resolve -> the spelling the tables and _resolve use
_CANON = {fold(w): w for w in (*_MONTHS, *_WEEKDAYS, *_NUMBERS, *_UNIT_DAYS, *_ORDINALS, "أسابيع", "أشهر", "أعوام",
                               "أوائل", "أيام", "الحالية", "الجارية", "القادمة", "الماضية", "المقبلة", "بداية", "سنوات")}


def month_number(word: str) -> Optional[int]:
    """1-12 for an Arabic month name (either calendar), else None."""
    return _MONTHS.get(_CANON.get(fold(word.strip()), word.strip()))


def _number(word: Optional[str]) -> int:
    if not word:
        return 1
    word = word.translate(_DIGITS)
    return int(word) if word.isdigit() else _NUMBERS.get(word, 1)


def _year_of(month: int, written: Optional[str], pub: Optional[date]) -> Optional[int]:
    """The year of a month: the one written, else the last such month on or before publication."""
    if written:
        return int(written.translate(_DIGITS))
    if pub is None:
        return None
    return pub.year if month <= pub.month else pub.year - 1


def _since_day(day: date, g: dict) -> Optional[tuple[When, str, bool]]:
    """"منذ 7 أكتوبر": from that day on, the end open (how long something has gone on, not when)."""
    if not g.get("since"):
        return None
    return When.since(Point.of(day.year, day.month, day.day)), "'منذ': since that day (the end is open)", False


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
        year = _year_of(month, g.get("y"), pub)
        if year is None:
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
            year = _year_of(month, g.get("y"), pub)
            if year is None:
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
            rule = "a day of the month named beside it" if g.get("dn") else \
                "a day by its ordinal (\u0627\u0644\u062e\u0627\u0645\u0633 \u0645\u0646 ...)"
            return _since_day(first.earliest, g) or (first, rule, False)
        except (ValueError, WhenError):
            return None
    if kind in ("full", "month_year", "day_month", "since_year") and g.get("y"):
        y = int(g["y"].translate(_DIGITS))
        if kind == "full":
            try:
                day = date(y, _MONTHS[g["m"]], int(g["d"].translate(_DIGITS)))
            except ValueError:
                return None
            return _since_day(day, g) or (When.day(day), "a full date", False)
        if kind == "month_year":
            if g.get("since"):  # "منذ أيلول / سبتمبر 2012": since that month, the end open
                return When.since(Point.of(y, _MONTHS[g["m"]])), "'منذ': since that month (the end is open)", False
            return When.of(Point.of(y, _MONTHS[g["m"]])), "a month and year", False
        if g.get("prep") == "منذ":
            return When.since(Point.of(y)), f"'منذ {y}': since that year (the end is open)", False
        return When.year(y), "the year named", False
    if pub is None:
        return None
    if kind == "day_month":
        month = _MONTHS[g["m"]]
        year = _year_of(month, None, pub)
        try:
            day = date(year, month, int(g["d"].translate(_DIGITS)))
        except ValueError:
            return None
        return _since_day(day, g) or (When.day(day), f"day and month without a year: the last one on or before "
                                                     f"publication ({format_day(pub)})", False)
    rel = f"counted from publication ({format_day(pub)})"
    if kind == "month":
        month = _MONTHS[g["m"]]
        ahead = g.get("w") in ("المقبل", "القادم")
        if ahead:
            year = pub.year if month > pub.month else pub.year + 1
        elif g.get("w") == "الماضي":
            year = pub.year if month < pub.month else pub.year - 1
        else:
            year = _year_of(month, None, pub)
        when = When.of(Point.of(year, month))
        if g.get("since"):
            return When.since(Point.of(year, month)), f"'منذ': since that month (the end is open); {rel}", False
        return when, f"a month without its year: the {'next' if ahead else 'last'} one from publication ({format_day(pub)})", ahead
    if kind == "month_of_year":
        shift = -1 if g["yw"] in ("الماضي", "الماضية", "الفائت", "المنصرم") else \
            1 if g["yw"] in ("المقبل", "المقبلة", "القادم") else 0
        ahead = shift > 0
        return When.of(Point.of(pub.year + shift, _MONTHS[g["m"]])), \
            f"a month of the {'last' if shift < 0 else 'next' if ahead else 'this'} year: {rel}", ahead
    if kind == "two_months":
        first, last = _MONTHS[g["m1"]], _MONTHS[g["m"]]
        ahead = g.get("w") in ("المقبلين", "المقبل", "القادمين")
        year = (pub.year if last > pub.month else pub.year + 1) if ahead else _year_of(last, None, pub)
        if first > last:  # "ديسمبر ويناير": the first in the year before
            return None
        return When.between(When.month(year, first), When.month(year, last)), \
            f"two months together: the {'next' if ahead else 'last'} ones from publication ({format_day(pub)})", ahead
    if kind == "past_two_years":
        return When.between(When.month(pub.year - 2, pub.month), When.month(pub.year, pub.month)), \
            f"the two years up to publication: {rel}", False
    if kind == "decade":
        start = 1900 + {"ستين": 60, "سبعين": 70, "ثمانين": 80, "تسعين": 90}[g["dec"]]
        return When.between(When.year(start), When.year(start + 9)), "a decade of the last century", False
    if kind == "year_part":
        y = pub.year + (-1 if g.get("w") in ("الماضي", "الماضية") else 1 if g.get("w") in ("المقبل", "المقبلة") else 0)
        first = g["part"] in ("مطلع", "بداية", "أوائل")
        if g.get("by") and not first:
            return When.year(y), f"by the end of the year: within that year; {rel}", y >= pub.year
        return When.between(When.month(y, 1 if first else 10), When.month(y, 3 if first else 12)), \
            ("the first" if first else "the last") + f" months of the year: {rel}", y > pub.year
    if kind == "after_tomorrow":
        return When.day(pub + timedelta(days=2)), f"'بعد غد' (the day after tomorrow): {rel}", True
    if kind == "overnight":
        return When.between(When.day(pub - timedelta(days=1)), When.day(pub)), f"the night before publication: {rel}", False
    if kind in ("yesterday", "day_before_yesterday", "today"):
        back, said = {"yesterday": (1, "'أمس' (yesterday)"), "day_before_yesterday": (2, "'أول أمس' (the day before yesterday)"),
                      "today": (0, "'اليوم' (today)")}[kind]
        day = pub - timedelta(days=back)
        if g.get("wd") and _WEEKDAYS[g["wd"]] != day.weekday():
            # "اليوم السبت" in a report dated Sunday: the weekday written is the day meant (the date given
            # is a day later than the writing); the last such day on or before publication
            day = pub - timedelta(days=(pub.weekday() - _WEEKDAYS[g["wd"]]) % 7)
            return When.day(day), f"{said} {g['wd']}: the weekday written is the day meant, the last one on or " \
                                  f"before publication ({format_day(pub)})", False
        return When.day(day), f"{said}: {rel}" if back else f"{said}: the day of publication", False
    if kind == "tomorrow":
        return When.day(pub + timedelta(days=1)), f"'غدا' (tomorrow): {rel}", True
    ahead = g.get("w") in ("المقبل", "المقبلة", "القادم")
    current = g.get("w") in ("الجاري", "الجارية", "الحالي", "الحالية", "هذا", "هذه") or not g.get("w")  # "مطلع الشهر": this one
    if kind == "last_week":
        if g.get("earlier"):
            monday = pub - timedelta(days=pub.weekday())
            return When.between(When.day(monday), When.day(monday + timedelta(days=6))), \
                f"earlier this week: the Monday–Sunday week of publication; {rel}", False
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
        if (_WEEKDAYS[g["w"]] - _WEEKDAYS[g["w1"]]) % 7 != 1:
            return None  # two days that do not follow each other are no night
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
        if g.get("which") in ("الماضي", "الماضية", "الفائت", "الفائتة", "المنصرم", "المنصرمة") and back == 0:
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
# (the verb "سيطر", took control, in each person and its noun with a pronoun: "سيطروا على المدينة" is done)
_NOT_FUTURE = {fold(w) for w in ("سيطرة", "سيطرت", "سيطر", "سيطروا", "سيطرا", "سيطرتا", "سيطرته", "سيطرتها", "سيطرتهم",
                                  "سيارة", "سيارات", "سنوات", "سياسة", "سياسي", "سياسية", "ستين",
                                  "سيناء", "سيدة", "سيدات", "ستار", "سينما", "سيول", "سنوية", "سنوي", "ستون")}
_CLAUSE_END = re.compile(r"[.،؛:]")


def future_verb_in(folded: str, start: int, end: int) -> bool:
    """A verb in the future ("ستعقد", "وسيبدأ", "سوف", "من المقرر") between start and end."""
    return any((m.group()[1:] if m.group()[0] in "وف" else m.group()) not in _NOT_FUTURE
               and not (m.group()[0] == "س" and m.group()[1] in "يتن" and given_name_at(folded, m.start(), m.end()))
               for m in _FUTURE_WORD.finditer(folded, start, end))


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
    return _days_after(text, folded, start, _morrows(text, folded, start, found), pub)


_BESIDE = re.compile(r"\s*[(،,]?\s*")
# "قتل 11 مدنيا الإثنين ... غداة إعلان موسكو ...": the sentence's day is the morrow of what غداة names
_MORROW = re.compile(rf"{NOT_AR_BEFORE}[وف]?(?P<w>غداه){NOT_AR_AFTER}")
_SENTENCE_END = re.compile(r"[.!?؟\n]")


def _morrows(text: str, folded: str, start: int, found: list[DateMention]) -> list[DateMention]:
    """Each "غداة" (on the morrow of) in a sentence with a day of its own: the day before that day is
    when what it names happened."""
    days = sorted((d for d in found if d.when.is_point and d.when.precision.value >= 5 and not d.forward),
                  key=lambda d: d.start)
    if not days:
        return found
    day_starts = [d.start for d in days]  # (one look-up per "غداة", and 400 characters each way: linear)
    extra = []
    for m in _MORROW.finditer(folded, start):
        stop = [e.end() for e in _SENTENCE_END.finditer(folded, max(0, m.start() - 400), m.start())]
        lo = stop[-1] if stop else max(0, m.start() - 400)
        end = _SENTENCE_END.search(folded, m.end(), m.end() + 400)
        hi = end.start() if end is not None else min(len(folded), m.end() + 400)
        near = days[bisect_left(day_starts, lo):bisect_left(day_starts, hi)]
        if not near:
            continue
        day = min(near, key=lambda d: abs(d.start - m.start()))
        s, e = m.start("w"), m.end("w")
        extra.append(DateMention(s, e, text[s:e], When.day(day.when.earliest.date() - timedelta(days=1)),
                                 f"'غداة' (on the morrow of): the day before the sentence's day ({day.text})"))
    return sorted(found + extra, key=lambda d: d.start) if extra else found


# "تأتي العملية بعد يومين من هجوم ...", "بعد ثلاثة أيام على اغتيال ...", "بعد أسبوع من": what is named came
# that many days before the sentence's day (publication's when the sentence has none); "بعد أيام من" is vague
# a count of days as written ("ثلاثة أيام", "يومين", "أسبوع", "أيام" alone: some days), folded; see days_counted
DAY_COUNT = fold(rf"(?:(?P<n>\d{{1,2}}|{_NUM_WORD})\s+)?(?P<unit>يومين|يومان|أيام|يوم|أسبوعين|أسبوع)")
_DAYS_AFTER = re.compile(fold(rf"{_OPENS}بعد\s+{DAY_COUNT}(?=\s+(?:فقط\s+)?(?:من|على){NOT_AR_AFTER})"))


def days_counted(m: re.Match) -> Optional[int]:
    """How many days a match of DAY_COUNT says ("ثلاثة أيام" 3, "يومين" 2, "أسبوع" 7); None for "أيام" alone."""
    unit = _CANON.get(m.group("unit"), m.group("unit"))
    n = _number(_CANON.get(m.group("n") or "", m.group("n"))) if m.group("n") else None
    if n is None:
        if unit == "أيام":
            return None  # "بعد أيام من": some days, no date
        n = 2 if unit in ("يومين", "يومان", "أسبوعين") else 1
    return n * (7 if unit in ("أسبوع", "أسبوعين") else 1)


def _days_after(text: str, folded: str, start: int, found: list[DateMention], pub: Optional[date]) -> list[DateMention]:
    """Each "بعد <n> أيام من <X>": X's day, counted back from the day of its sentence."""
    days = sorted((d for d in found if d.when.is_point and d.when.precision.value >= 5 and not d.forward),
                  key=lambda d: d.start)
    day_starts = [d.start for d in days]
    extra = []
    for m in _DAYS_AFTER.finditer(folded, start):
        n = days_counted(m)
        if n is None:
            continue  # "بعد أيام من": some days, no date
        stop = [e.end() for e in _SENTENCE_END.finditer(folded, max(0, m.start() - 400), m.start())]
        lo = stop[-1] if stop else max(0, m.start() - 400)
        end = _SENTENCE_END.search(folded, m.end(), m.end() + 400)
        hi = end.start() if end is not None else min(len(folded), m.end() + 400)
        near = days[bisect_left(day_starts, lo):bisect_left(day_starts, hi)]
        if near:
            day = min(near, key=lambda d: abs(d.start - m.start()))
            anchor, said = day.when.earliest.date(), f"the sentence's day ({day.text})"
        elif pub is not None:
            anchor, said = pub, f"publication ({format_day(pub)})"
        else:
            continue
        s0, e0 = m.start(), m.end()
        extra.append(DateMention(s0, e0, text[s0:e0], When.day(anchor - timedelta(days=n)),
                                 f"'{text[s0:e0]}' (after {n} days): {n} days before {said}"))
    return sorted(found + extra, key=lambda d: d.start) if extra else found
