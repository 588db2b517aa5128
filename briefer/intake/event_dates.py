"""The date of one event clause: which of its date expressions dates the happening.

A clause may hold several dates ("killed on Monday, a week after the truce of 3 May"),
one or none; the event takes the one that governs its verb, and says which and why
(the rule the analyst sees in the review).  Publication is not a date of the event:
a clause that gives no date of its own gets none (`when` None), with a rule that says so
and names the publication day; accepting it lands it as "on or before" that day
(`landing.undated_when`).
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from ..core.when import When
from .dates import DateMention

__all__ = ["clause_date", "UNDATED_RULES"]

# rules of a clause that gives no date of its own (`telling` lets a later telling date it)
UNDATED_RULES = ("the report gives no date", "told as background")

_BACKGROUND_RE = re.compile(r"\b(?:had|'d)\s+(?:(?:already|earlier|previously|also|been)\s+)*[a-z]+(?:ed|en|wn|t|ght)\b", re.I)
# "the worst fighting since the battle for Aleppo last year": that date is the yardstick, not the event's
_REFERENCE_RE = re.compile(r"\b(?:since|than)\s+(?:the\s+|a\s+|an\s+)?(?:[\w\-]+\s+){1,6}$", re.I)


def clause_date(text: str, start: int, end: int, dates: Sequence[DateMention], published: Optional[When],
                doc=None, sentence_start: int = 0, trigger_at: Optional[int] = None
                ) -> tuple[Optional[When], str, Optional[DateMention]]:
    """(when, rule, the date mention used) for the clause text[start:end]; `dates` are its
    date mentions, `doc` the sentence's parse (offsets from `sentence_start`), `trigger_at`
    the offset of the event's word."""
    dated = [d for d in dates if not _REFERENCE_RE.search(text, max(start, d.start - 60), d.start)]
    date = next((d for d in dated if not d.forward), None) or (dated[0] if dated else None)
    if date is not None:
        return date.when, f"{date.text}: {date.rule}", date
    c_text = text[start:end]
    published_day = _day_text(published)
    if published_day and _BACKGROUND_RE.search(c_text):
        # background told in the past perfect ("had killed"): before the story, on no day it names
        return None, f"told as background (past perfect) with no date of its own; published {published_day}", None
    if published_day:
        return None, f"the report gives no date; published {published_day}", None
    return None, "the report gives no date, and no publication date: set one", None


def _day_text(published: Optional[When]) -> str:
    """"21 May 2013" (a day), "May 2013" (only the month known), "" (none)."""
    return published.label if published is not None else ""
