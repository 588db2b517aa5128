"""When an Arabic event happened, by its clause: which of the clause's dates is the happening's (not a
yardstick "منذ", not the morrow "غداة", not the day a fighting party said it), the day counted from the
clause before ("في اليوم نفسه", "قبل ذلك بيومين"), and which days the story moves to.  Split from
arabic_events (which drafts the proposals) along that seam; every function looks at one clause.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Optional, Sequence

from ..core.when import When
from .arabic import DAY_COUNT, days_counted
from .arabic_text import NOT_AR_AFTER, NOT_AR_BEFORE
from .dates import DateMention
from .names import Entity
from .statements import Statement

__all__ = ["carries", "now", "not_its_day", "said_on", "fighting_party", "counted_from", "clause_date"]

_RECENT = 7  # days: an undated clause takes the day of the clause before when it is this close to publication


def carries(when: When, published: Optional[When]) -> bool:
    """A date the story moves to and the next undated clause takes: a day, or a night or two days
    ("خلال ساعات الليل"), within _RECENT days of publication."""
    if published is None or when.open_start or when.open_end or when.precision.value < 5:
        return False
    return (when.latest - when.earliest).days <= 2 and abs((when.earliest - published.earliest).days) <= _RECENT

# "في أول اختراق من نوعه منذ أبريل", "الهجوم الأعنف منذ 2019", "للمرة الأولى منذ": the date after an
# elative or "first" is the yardstick the happening is measured by, not its day
# ("أكثر من 200 قتيل منذ أكتوبر" counts since then: "أكثر"/"أقل" only with the article)
_ELATIVE = re.compile(rf"{NOT_AR_BEFORE}[وفبل]?(?:(?:ال)?(?:اول|اولي|اكبر|اعنف|اسوا|اعلي|ادني|اخطر|اشد|اطول|اوسع|اضخم|ابرز|"
                      rf"اهم|اسرع|ادمي)|الاكثر|الاقل){NOT_AR_AFTER}(?:\s+[^\s.،]+){{0,4}}\s+$")


def now(d: DateMention, published: Optional[When]) -> bool:
    """A date that is the period the report is written in ("هذا العام", "هذا الشهر"), not a day."""
    w = d.when
    return published is not None and w.precision.value < 5 and not w.open_start and not w.open_end and \
        w.earliest <= published.earliest <= w.latest


def not_its_day(folded: str, d: DateMention) -> bool:
    """A date in the clause that is not the happening's: a "منذ" span measuring a superlative or a first
    ("أول ... منذ أبريل"), or "غداة" (the day of what it names, the day before the clause's own)."""
    if folded.startswith("غداه", d.start):
        return True
    return folded.startswith("منذ", d.start) and _ELATIVE.search(folded, max(0, d.start - 50), d.start) is not None


# what may stand between the saying and its day: "أعلن الجيش في بيان اليوم", "قالت الحركة، مساء أمس،"
_SAID_IN = re.compile(r"[\s،,]*(?:(?:في|عبر)\s+(?:بيان|تصريح|تصريحات|مؤتمر|رساله|تغريده)(?:\s+[^\s.،]+){0,2}?\s*[،,]?\s*)?")


def said_on(folded: str, st: Optional[Statement], d: DateMention, at: int) -> bool:
    """Is the date on the saying of what the event word at `at` tells: that word in what is said, the
    date in the statement's words outside it, or opening it ("أعلنت القوات، مساء أمس، استعادة ...": the
    quote runs from the day on)?"""
    if st is None or not st.span[0] <= d.start < st.span[1] or not st.quote_span[0] <= at < st.quote_span[1]:
        return False
    q0, q1 = st.quote_span
    return not q0 <= d.start < q1 or _SAID_IN.fullmatch(folded, q0, d.start) is not None


def fighting_party(st: Optional[Statement], by_id: dict[str, Entity]) -> bool:
    """A party that fights (an army, a force, an armed group, their spokesmen): what it claims of the
    fighting was done before it said so.  (A state or a ministry announcing a finding, "أعلنت اليابان
    أول حالات إصابة", tells the act of that day.)"""
    e = by_id.get(st.speaker_entity or "") if st is not None else None
    if e is not None:
        return e.kind == "armed_group"
    return st is not None and _FIGHTERS.search(st.speaker) is not None


_FIGHTERS = re.compile(r"الجيش|عسكري|القوات|قوات|التنظيم|الحركه|الحركة|الجماعه|الجماعة|الجبهه|الجبهة|الفصائل|الكتائب|المسلحين")


# a day counted from the day the story is at: "في اليوم نفسه" (that same day), "في اليوم التالي" (the next),
# "قبل ذلك بيومين" (two days before that), "بعد ذلك بثلاثة أيام"
_COUNTED = re.compile(rf"{NOT_AR_BEFORE}[وف]?(?:(?:في\s+)?(?:(?P<same>(?:ال)?يوم\s+(?:نفسه|ذاته)|نفس\s+اليوم)|اليوم\s+(?P<step>التالي|السابق))"
                      rf"|(?P<dir>قبل|بعد)\s+ذلك\s+ب{DAY_COUNT}){NOT_AR_AFTER}")


def counted_from(text: str, folded: str, c0: int, c1: int, carried: DateMention) -> Optional[DateMention]:
    """The day a clause counts from the day of the clause before it, or None."""
    m = _COUNTED.search(folded, c0, c1)
    w = carried.when
    if m is None or not w.is_point or w.precision.value < 5:
        return None
    if m.group("same"):
        days = 0
    elif m.group("step"):
        days = 1 if m.group("step") == "التالي" else -1
    else:
        days = days_counted(m)
        if days is None:
            return None  # "قبل ذلك بأيام": some days before, no day
        days = days if m.group("dir") == "بعد" else -days
    return DateMention(m.start(), m.end(), text[m.start():m.end()], When.day(w.earliest.date() + timedelta(days=days)),
                       f"counted from the day of the clause before ({carried.text})")


def clause_date(c_dates: Sequence[DateMention], at: int, ahead: bool = False) -> Optional[DateMention]:
    """The date that governs the happening: a past one before a forward one, a day or a month before
    an open span ("منذ 2011" says how long, not when), then the nearest to the trigger word."""
    if not c_dates:
        return None
    best = min(c_dates, key=lambda d: (d.forward != ahead, d.when.open_end or d.when.open_start, abs(d.start - at)))
    if not _YEAR_IN.search(best.text) and not best.forward:
        # "ليل السبت - الأحد في 7 أبريل 2013": the date written out says the day the weekday points at
        full = [d for d in c_dates if _YEAR_IN.search(d.text) and d.when.is_point and not best.when.open_end
                and abs((d.when.earliest - best.when.latest).days) <= 1]
        if full:
            return full[0]
    return best


_YEAR_IN = re.compile(r"(?:19|20)\d\d")
