"""The Arabic script as the Arabic readers see it: the letters, the folding that lets spellings
meet, the conjunctions and prepositions glued to a word, one alternation of words, and the
calendar's names.  A leaf: it imports nothing of the readers (arabic, arabic_names,
arabic_persons, arabic_events all build on it), so none of them copies it.
"""

from __future__ import annotations

import re
from typing import Iterable

__all__ = ["AR", "NOT_AR_BEFORE", "NOT_AR_AFTER", "GLUED", "MARKS", "fold", "alternation", "marked_alternation", "unmarked",
           "WEEKDAYS", "MONTHS", "DIGITS"]

AR = "\u0621-\u065F\u066E-\u06D3\u0640"  # letters and their marks, not the Arabic comma (U+060C) or digits
NOT_AR_BEFORE = rf"(?<![{AR}])"
NOT_AR_AFTER = rf"(?![{AR}])"
# a conjunction or preposition glued to the next word (و، ف، ب، ل، ك and their pairs)
GLUED = r"(?:و|ف|ب|ل|وب|ول|فب|فل|ك)?"
# the Arabic-Indic digits as ASCII ones ("١٢ آذار ٢٠٢٤"): str.translate(DIGITS)
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})


def fold(text: str) -> str:
    """Same length as text: the spellings that differ only by hamza, alif maqsura or ta marbuta meet
    (أ/إ/آ -> ا, ى -> ي, ة -> ه)."""
    return text.translate(_FOLD)


def alternation(words: Iterable[str]) -> str:
    """One regex alternation of the words, folded, the longest first (so a longer word wins)."""
    return "|".join(sorted({re.escape(fold(w)) for w in words}, key=len, reverse=True))


MARKS = "\u064B-\u0652"  # the short vowels, tanwin, shadda and sukun a report may write on a word
_MARKS_RE = re.compile(f"[{MARKS}]")


def marked_alternation(words: Iterable[str]) -> str:
    """As alternation(), each word also matched with the marks a report writes on some of its letters:
    the passive's vowels ("قُتل", "أُفرج", "اختُطف", "استُهدف"), a shadda ("فجّر", "دمّرت"), a sukun; a
    mark at its end (tanwin: "كمينًا") is the caller's to allow."""
    bare = {_MARKS_RE.sub("", fold(w)) for w in words}
    mark = f"[{MARKS}]{{0,2}}"  # (a shadda carries its vowel: "دُمِّر")
    return "|".join(mark.join(re.escape(c) for c in w) for w in sorted(bare, key=len, reverse=True))


def unmarked(word: str) -> str:
    """The word without its short vowels, tanwin, shadda and sukun."""
    return _MARKS_RE.sub("", word)


# The calendar.  One spelling each: patterns run on folded text, so "الإثنين"/"الاثنين" and
# "أبريل"/"ابريل" meet by fold, not by listing both.
WEEKDAYS = {"الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4, "السبت": 5, "الأحد": 6}
MONTHS = {
    "يناير": 1, "كانون الثاني": 1, "فبراير": 2, "شباط": 2, "مارس": 3, "آذار": 3, "أبريل": 4, "نيسان": 4,
    "مايو": 5, "أيار": 5, "يونيو": 6, "يونيه": 6, "حزيران": 6, "يوليو": 7, "يوليه": 7, "تموز": 7,
    "أغسطس": 8, "آب": 8, "سبتمبر": 9, "أيلول": 9, "أكتوبر": 10,
    "تشرين الأول": 10, "نوفمبر": 11, "تشرين الثاني": 11, "ديسمبر": 12, "كانون الأول": 12,
}
