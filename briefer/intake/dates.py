"""Date expressions in a report, resolved against its publication date.

Reports say "this week", "on Saturday" or "by April"; what they mean depends on when
they were published, and the analyst must be able to see how each was read.  So every
resolved date carries the rule that produced it in plain words.  The rules are
Briefer's own for the relative forms because the general parsers read some of them
the wrong way (dateparser reads "within a week" as a week *ago*); dateparser is used
for the explicit dates people write in too many shapes to list.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from bisect import bisect_right
from typing import Callable, Optional, Sequence

from ..core.point import Precision
from ..core.when import When
from .date_rules import ANCHORED_RE, RULES, _shift, shifted_period
from . import lexicon as L
from .date_words import (_MONTH, AHEAD_RE, FUTURE_RE, MONTHS, RELATIVE_DAY, Tense, _add_months, _day, _number, _pt,
                         _safe_date, format_day, relative_day_shift)
from .parse import is_future_at, token_at

__all__ = ["DateMention", "find_dates", "future_reader", "parse_date_text", "format_day", "anchor_dates", "FUTURE_RE",
           "MONTHS"]


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    when: When
    rule: str
    forward: bool = False  # about the future of the report (an expectation, a deadline)

    @property
    def vague(self) -> bool:
        """"over the past few days", "in the coming weeks": a span with no count, whose length is
        a guess; it may date a clause (roughly) but is not offered as a date expression."""
        return bool(_VAGUE_RE.search(self.text))

    @property
    def duration(self) -> bool:
        """"for the past three years": how long something lasted, which the annotation guideline
        does not code as a date expression ("for 10 months"); it still dates its clause."""
        return bool(_DURATION_RE.match(self.text))


_DURATION_RE = re.compile(r"for\s+the\s+(?:past|last|previous)\s", re.I)
_VAGUE_RE = re.compile(r"\b(?:few|several)\b|\b(?:past|last|previous|coming|next|following|within)\s+"
                       r"(?:hours|days|weeks|months|years|decades)\b", re.I)


def find_dates(text: str, published: Optional[date], start: int = 0, end: Optional[int] = None,
               future_context: Optional[callable] = None) -> list[DateMention]:
    """Every date expression in text[start:end], longest first where they overlap.

    `future_context(offset)` says whether the sentence at an offset speaks of the future,
    which decides whether "on Saturday" is the one before or after publication.
    """
    end = len(text) if end is None else end
    found: list[DateMention] = []
    covered = bytearray(end - start)  # characters a longer date already holds (linear, unlike pairwise checks)
    candidates = []
    for priority, (pattern, handler) in enumerate(RULES):
        for m in pattern.finditer(text, start, end):
            candidates.append((m.start(), -(m.end() - m.start()), priority, m, handler))
    # Longest match first, then the rule listed first.
    candidates.sort(key=lambda c: (c[1], c[2], c[0]))
    for s, neg_len, _priority, m, handler in candidates:
        e = s - neg_len
        if any(covered[s - start:e - start]):
            continue
        said = future_context(s) if future_context else False
        future = said if isinstance(said, Tense) else Tense("future" if said else "")
        try:
            resolved = handler(m, published, future)
        except (ValueError, KeyError):
            resolved = None
        if resolved is None:
            continue
        when, rule, forward = resolved
        forward = bool(forward)
        when, rule = _since(text, s, e, when, rule)
        covered[s - start:e - start] = b"\x01" * (e - s)
        found.append(DateMention(s, e, text[s:e], when, rule, forward))
    found.sort(key=lambda d: d.start)
    return _joined_months(text, found, covered, start, end)


def future_reader(text: str, sentences: Sequence, parsed: dict):
    """The `future_context` of `find_dates` for a report: whether the sentence at an offset
    speaks of the future where a date stands, from the tense of the verb that governs it (the
    parse) or, without one, from the words leading up to it."""
    starts = [s.start for s in sentences]

    future, unknown = Tense("future"), Tense("")

    def future_context(offset: int) -> Tense:
        i = bisect_right(starts, offset) - 1
        if i < 0:
            return unknown
        s = sentences[i]
        if AHEAD_RE.search(text, max(s.start, offset - 80), offset):
            return future
        if i in parsed:  # the tense of the verb that governs the date
            if _past_verb_at(parsed[i], offset - s.start):
                return Tense("past")  # "pledged Friday to carry the fight on": the day of the pledge
            ahead = is_future_at(parsed[i], offset - s.start)
            if ahead is not None:
                return future if ahead else Tense(_tense_at(parsed[i], offset - s.start))
        # Only the words leading up to the date: "said on Friday that it would ..." is past.
        if FUTURE_RE.search(text, max(s.start, offset - 50), offset):
            return future
        # A date opening the sentence governs its verb: "On Tuesday the talks will kick off".
        head = re.sub(r"\b(?:[Oo]n|[Bb]y|[Ss]tarting|[Ff]rom)\s*$", "", text[s.start:offset]).rstrip()
        if not head.strip(" \t\"“'([") or head.endswith((":", "]", ".")):
            after = text[offset:min(s.end, offset + 80)]
            speech = _SPEECH_RE.search(after)
            return future if FUTURE_RE.search(after[:speech.start()] if speech else after) else unknown
        return unknown

    return future_context


def _tense_at(doc, offset: int) -> str:
    """The tense of the verb that governs the word at `offset` when it does not speak of the
    future (see `Tense`): its auxiliaries' or its own."""
    t = token_at(doc, offset)
    for _ in range(6):
        if t is None:
            return ""
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass"):
            auxes = [c for c in t.children if c.dep_ in ("aux", "auxpass") and c.tag_ != "TO"]
            have = [a for a in auxes if a.lemma_.lower() == "have"]
            if have:
                return "past" if have[0].tag_ == "VBD" else "perfect"  # "had taken" / "has taken"
            if any(a.tag_ == "MD" for a in auxes):
                return "present"  # "could begin this week"
            tag = auxes[0].tag_ if auxes else t.tag_  # "was reported": the auxiliary's tense
            return {"VBD": "past", "VBN": "past", "VBZ": "present", "VBP": "present"}.get(tag, "")
        if t.head.i == t.i:
            return ""
        t = t.head
    return ""


def _past_verb_at(doc, offset: int) -> bool:
    """Whether the word at `offset` hangs on a verb in the simple past ("vowed on Monday to
    ...", "announced Tuesday it would ..."): a date there is the day of that act, even when
    the act promises what is to come."""
    t = token_at(doc, offset)
    for _ in range(6):
        if t is None:
            return False
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass"):
            return t.tag_ == "VBD"
        if t.head.i == t.i:
            return False
        t = t.head
    return False


_SPEECH_RE = re.compile(r"\b(?:" + "|".join(sorted(L.SPEECH_VERBS)) + r")\b")


_SINCE_RE = re.compile(r"\bsince\s+$", re.I)
_SINCE_IN_RE = re.compile(r"since\s", re.I)


def _since(text: str, s: int, e: int, when: When, rule: str) -> tuple[When, str]:
    """"since Monday", "since March": from that day (month, year) on, the end open, as "since
    2014" is; the rules that read "since" themselves are left alone, and a span keeps its own
    value ("since late 2014", "since last week": the span is what the words date)."""
    if when.interval or when.start.season is not None:  # "since late 2014": the span is the date told
        return when, rule
    if not (_SINCE_RE.search(text, max(0, s - 8), s) or _SINCE_IN_RE.match(text, s)):
        return when, rule
    return When.since(when.start), f"since {rule}: from then on (the end is open)"


_JOINED_MONTH_RE = re.compile(rf"(?:\s*,)?\s+(?:and|or|to|through|till|until)\s+(?P<m>{_MONTH})(?![\w])(?!\s+\d)"
                              rf"|\s*[-–]\s*(?P<m2>{_MONTH})(?![\w])(?!\s+\d)")


def _joined_months(text: str, found: list[DateMention], covered: bytearray, start: int, end: int) -> list[DateMention]:
    """"in January and February", "from March to May": the second month, which has no word
    of its own to place it, is of the first one's year (or the next, when it comes before it
    in the calendar)."""
    added: list[DateMention] = []
    for d in found:
        if not re.fullmatch(r"\d{4}-\d{2}", d.when.edtf) or not re.search(rf"{_MONTH}$", d.text):
            continue
        m = _JOINED_MONTH_RE.match(text, d.end, end)
        if m is None:
            continue
        group = "m" if m["m"] else "m2"
        a, b = m.start(group), m.end(group)
        if any(covered[a - start:b - start]):
            continue
        first = d.when.earliest.date()
        month = MONTHS[m[group].lower().rstrip(".")]
        year = first.year if month >= first.month else first.year + 1
        covered[a - start:b - start] = b"\x01" * (b - a)
        added.append(DateMention(a, b, text[a:b], When.month(year, month),
                                 f"'{text[a:b]}' joined to '{d.text}': {calendar.month_name[month]} {year}", d.forward))
    return sorted(found + added, key=lambda d: d.start) if added else found


_NUMERIC_RE = re.compile(r"^\s*(\d{1,2})([./])(\d{1,2})\2(\d{4})\s*$")


def parse_date_text(text: str) -> Optional[date]:
    """A publication date written alone ("09 February, 2019", "5/2/2017", "2019-02-09T10:00",
    "Sat, 9 Feb 2019 10:00:00 +0000"); None when the text is not only a date."""
    text = (text or "").strip()
    if not text or len(text) > 60 or not re.search(r"\d", text):
        return None
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.+\-Z]*)?$", text)
    if m:
        return _safe_date(int(m[1]), int(m[2]), int(m[3]))
    m = _NUMERIC_RE.match(text)
    if m:
        a, b, y = int(m[1]), int(m[3]), int(m[4])
        if m[2] == ".":
            return _safe_date(y, b, a)
        return _safe_date(y, a, b) or _safe_date(y, b, a)
    words = re.sub(r"[^\w\s]", " ", text).split()
    if not any(w.lower().rstrip(".") in MONTHS for w in words) and not re.search(r"\d{4}", text):
        return None
    if len([w for w in words if not (w.isdigit() or w.lower() in MONTHS or w.lower()[:3] in WEEKDAY_ABBR
                                     or re.fullmatch(r"\d+(?:st|nd|rd|th)|\d\d:\d\d.*|[+-]?\d{4}|gmt|utc|at|on|of", w.lower()))]) > 0:
        return None
    import dateparser  # imported late: it takes a while to load and is rarely needed

    parsed = dateparser.parse(text, languages=["en"], settings={
        "DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False})
    if isinstance(parsed, datetime):
        return parsed.date()
    return None


WEEKDAY_ABBR = {d.lower()[:3] for d in calendar.day_name}


_WEEK_OF_RE = re.compile(r"earlier\s+(?:in\s+the|that)\s+week", re.I)


def anchor_dates(text: str, found: list[DateMention], starts: Sequence[int], published: Optional[date],
                 in_body: Optional[Callable[[int], bool]] = None) -> list[DateMention]:
    """Count "the previous day", "two weeks earlier" from the day the story told just
    before (in the same sentence or the two before it), not from publication: the
    previous day of a Monday event is Sunday.  "Two years later", "the following month"
    count from the day, month or year told just before ("in 1998 ... a year later": 1999).
    A happening told as coming some days after another (", a day after a bomb hit ...", "The
    shelling came two days after talks broke down") dates that other from the day told before it in
    its sentence or the one before; "later that day" after a night ("Overnight on Wednesday")
    is the day the night ends.  `starts` are the sentences' offsets; `in_body(offset)` says whether
    an offset is of the report's text (not of its header)."""
    found = _quoted_days(text, found, starts, published)
    out: list[DateMention] = []
    last_day: Optional[tuple[int, date, str]] = None  # (sentence, day, its text)
    last_point: Optional[tuple[int, DateMention]] = None  # the last day, month or year told
    found_starts = [f.start for f in found]  # (sorted: one look-up per match, linear in the report)
    pending = [m for m in _CAME_AFTER_RE.finditer(text)
               if ((k := bisect_right(found_starts, m.start("text")) - 1) < 0 or found[k].end <= m.start("text"))
               and (in_body is None or in_body(m.start()))]
    pending.reverse()  # popped from the end, first match first
    told_at: set[int] = set()

    def came_after(before: int) -> None:
        """The "came a day after ..." told before offset `before`, counted from the day told just before."""
        while pending and pending[-1].start("text") < before:
            m = pending.pop()
            si = bisect_right(starts, m.start()) - 1
            if m.start("text") in told_at:
                continue
            if last_day is not None and 0 <= si - last_day[0] <= 1:
                counted = _counted_from(m, last_day[1], last_day[2], "the day told just before it", published)
            elif published is not None and (last_day is None or si - last_day[0] > 1):
                # no day told in its sentence or the one before: the clause is of the report's day ("The
                # violence goes on, four months after the king took power")
                counted = _counted_from(m, published, "publication", "no earlier day in the text", published)
            else:
                counted = None
            if counted is not None:
                out.append(counted)

    for i, d in enumerate(found):
        came_after(d.start)
        si = bisect_right(starts, d.start) - 1
        m = ANCHORED_RE.fullmatch(d.text)
        if m is None and last_day is not None and last_day[0] == si and _WEEK_OF_RE.fullmatch(d.text):
            # "the revelation Friday that he spoke earlier in the week": Monday of that week to that day
            monday = last_day[1] - timedelta(days=last_day[1].weekday())
            d = DateMention(d.start, d.end, d.text, When.between(_pt(monday), _pt(last_day[1])),
                            f"'{d.text}': the days from Monday of the week of {last_day[2]} to that day "
                            f"({format_day(monday)} – {format_day(last_day[1])})", False)
        if m is not None:
            days = _shift(m)
            if days is not None and last_day is not None and si - last_day[0] <= 2:
                day = last_day[1] + timedelta(days=days)
                d = DateMention(d.start, d.end, d.text, _day(day),
                                f"'{d.text}': counted from {last_day[2]} ({format_day(last_day[1])}), the day told "
                                "just before", days > 0 and (published is None or day > published))
            elif days is None and last_point is not None and si - last_point[0] <= 2:
                anchor = last_point[1]
                when = shifted_period(m, anchor.when)
                if when is not None:
                    d = DateMention(d.start, d.end, d.text, when,
                                    f"'{d.text}': counted from '{anchor.text}' ({anchor.when.label}), the date told "
                                    "just before", published is not None and when.earliest.date() > published)
        if not d.forward and not d.when.interval:
            last_point = (si, d)
            if d.when.is_point:
                last_day = (si, d.when.earliest.date(), f"'{d.text}'")
        elif not d.forward and "overnight" in d.text.lower() and d.when.end is not None:
            last_day = (si, d.when.latest.date(), f"'{d.text}'")  # "later that day" after a night: its morning's day
        out.append(d)
        told = _told_after(text, d, found[i + 1] if i + 1 < len(found) else None, published)
        if told is not None:
            out.append(told)
            told_at.add(told.start)
    came_after(len(text) + 1)
    return out


_SAID_DAY_RE = re.compile(RELATIVE_DAY, re.I)


def _inside_quote(text: str, start: int, offset: int) -> bool:
    """Whether `offset` stands inside a quotation opened after `start` (straight or curly marks)."""
    before = text[start:offset]
    return before.count("\"") % 2 == 1 or before.count("“") > before.count("”")


def _quoted_days(text: str, found: list[DateMention], starts: Sequence[int], published: Optional[date]
                 ) -> list[DateMention]:
    """"'We shelled them this morning,' the commander said Sunday": a day word inside a quotation
    counts from the day of the remarks told outside it in the same sentence, not from
    publication (the guideline's held-out choices: "today" in a quotation is the day it was said)."""
    out = list(found)
    by_sentence: dict[int, list[int]] = {}
    for i, d in enumerate(found):
        by_sentence.setdefault(bisect_right(starts, d.start) - 1, []).append(i)
    for si, members in by_sentence.items():
        first = starts[si] if si >= 0 else 0
        told = [found[i] for i in members if not _inside_quote(text, first, found[i].start) and not found[i].forward
                and found[i].when.is_point and found[i].when.precision is Precision.DAY
                and not _SAID_DAY_RE.fullmatch(found[i].text)]
        if len(told) != 1:
            continue  # no day of the remarks, or more than one to choose from
        said = told[0].when.earliest.date()
        for i in members:
            d = found[i]
            word = _SAID_DAY_RE.fullmatch(d.text)
            if word is None or not _inside_quote(text, first, d.start):
                continue
            day = said + timedelta(days=relative_day_shift(d.text))
            out[i] = DateMention(d.start, d.end, d.text, _day(day),
                                 f"'{d.text}' inside a quotation: counted from the day of the remarks, "
                                 f"'{told[0].text}' ({format_day(said)})", published is not None and day > published)
    return out


# "entered the town Monday, a day after they seized the airport": what follows is that far from the day
_AFTER_WORDS = (r"(?P<text>(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                r"\d{1,2})[\s-]+(?P<unit>days?|weeks?|months?|years?)\s+(?:to\s+the\s+day\s+)?(?P<way>after|before))"
                r"(?=\s+[\w'’])")
_TOLD_AFTER_RE = re.compile(r"\s*,\s*" + _AFTER_WORDS, re.I)
# "..., a day after another bomber struck", "The shooting came a day after calls for restraint", "This happened
# two days after the army retook the base": the happening named after it is that far before the day told
# "..., just two weeks before elections": a span measured by "just" or "only" is counted from a day too
_CAME_AFTER_RE = re.compile(r"(?:,|\b(?:came|comes|happened|occurred|followed|just|only|barely))\s+(?:just\s+|only\s+)?"
                            + _AFTER_WORDS, re.I)


def _told_after(text: str, d: DateMention, following: Optional[DateMention], published: Optional[date]
                ) -> Optional[DateMention]:
    """"Monday, a day after they seized the airport", "on Friday, a year to the day after the
    launch of the air war": the happening told after the comma is that far before (after) the
    day just named."""
    m = _TOLD_AFTER_RE.match(text, d.end)
    if m is None or d.forward or not d.when.is_point or d.when.precision is not Precision.DAY \
            or (following is not None and following.start < m.end()):
        return None
    return _counted_from(m, d.when.earliest.date(), f"'{d.text}'", f"the day it is told {m['way'].lower()}",
                         published)


def _counted_from(m: re.Match, day: date, day_text: str, what: str, published: Optional[date]
                  ) -> Optional[DateMention]:
    """The happening named after "<n> days after" in `m`, counted from `day` (`day_text` says which)."""
    n = _number(m["n"].lower())
    sign = -1 if m["way"].lower() == "after" else 1
    unit = m["unit"].lower().rstrip("s")
    if unit == "month":  # "four months after": the month that far (a month is no fixed count of days)
        moved = _add_months(day.replace(day=1), sign * n)
        words = m["text"]
        return DateMention(m.start("text"), m.end("text"), words, When.month(moved.year, moved.month),
                           f"'{words}': counted from {day_text} ({format_day(day)}), {what}",
                           published is not None and moved > published.replace(day=1))
    if unit == "year":
        moved = _safe_date(day.year + sign * n, day.month, day.day)
        if moved is None:
            return None
    else:
        moved = day + timedelta(days=sign * n * (7 if unit == "week" else 1))
    words = m["text"]
    return DateMention(m.start("text"), m.end("text"), words, _day(moved),
                       f"'{words}': counted from {day_text} ({format_day(day)}), {what}",
                       published is not None and moved > published)
