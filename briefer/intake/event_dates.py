"""The date of one event clause: which of its date expressions dates the happening.

A clause may hold several dates ("killed on Monday, a week after the truce of 3 May"),
one or none; the event takes the one that governs its verb, and says which and why
(the rule the analyst sees in the review).  A day on the verb of saying dates what was said
only when nothing closer does, and never a happening told in the past perfect ("On Tuesday,
the rebels said they had captured the town") or a deed reported after the saying in the simple
past ("On Monday, officials said the Taliban beheaded two boys"): before the saying, on no day the
report gives; unless the day is the report's own ("Also today, police say a bomber attacked ...").
What is said in the present or present perfect, a state the saying shifts back ("said he expected
..."), and a deed told first with its source after it ("..., police said Sunday") keep that day.
Publication is not a date of the event: a clause that gives no date of its own gets none
(`when` None), with a rule that says so and names the publication day; accepting it lands
it as "on or before" that day (`landing.undated_when`).
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Optional, Sequence

from ..core.point import Precision
from ..core.when import When
from .date_words import _WEEKDAY, WEEKDAYS
from .dates import DateMention
from .parse import SPEECH_LEMMAS, token_at
from .triggers import TRIGGER_RE

__all__ = ["clause_date", "plain_day", "undated_rule", "UNDATED_RULES"]

# rules of a clause that gives no date of its own (`telling` lets a later telling date it)
UNDATED_RULES = ("the report gives no date", "told as background", "reported on the day it was said")

# the report's own day: "Also today, police say a bomber attacked ..." tells the happening of that day
_REPORT_DAYS = {"today", "tonight", "this morning", "this afternoon", "this evening"}
_BACKGROUND_RE = re.compile(r"\b(?:had|'d)\s+(?:(?:already|earlier|previously|also|been)\s+)*[a-z]+(?:ed|en|wn|t|ght)\b", re.I)
# "the worst fighting since the battle for Aleppo last year": that date is the yardstick, not the event's
_SUPERLATIVE_RE = re.compile(r"\b(?:(?:most|least)\s+[\w\-]+|(?!(?:protest|arrest|west|request|interest|forest|contest|"
                             r"test|rest|harvest|manifest|suggest)\b)[a-z]+est|worst|first)(?:\s+[\w'’\-]+){0,6}\s+$", re.I)
_REFERENCE_RE = re.compile(r"\b(?:since|than)\s+(?:the\s+|a\s+|an\s+)?(?:[\w\-]+\s+){1,6}$", re.I)


def clause_date(text: str, start: int, end: int, dates: Sequence[DateMention], published: Optional[When],
                doc=None, sentence_start: int = 0, trigger_at: Optional[int] = None
                ) -> tuple[Optional[When], str, Optional[DateMention]]:
    """(when, rule, the date mention used) for the clause text[start:end]; `dates` are its
    date mentions, `doc` the sentence's parse (offsets from `sentence_start`), `trigger_at`
    the offset of the event's word."""
    dated = [d for d in dates if not _yardstick(text, start, d, trigger_at)]
    if doc is not None and trigger_at is not None and dated:
        trigger = token_at(doc, trigger_at - sentence_start)
        if trigger is not None:
            line = _TriggerLine(trigger)
            ranked = [(rank, d.forward, d.start, d) for d in dated
                      if (rank := _governs(doc, d.start - sentence_start, line)) is not None]
            best = min(ranked, key=lambda r: r[:3]) if ranked else None
            date = best[3] if best else None
            told = _said_before(doc, date.start - sentence_start, line) if date is not None and best[0] == 1 else ""
            if told == "past perfect":
                # "On Tuesday, the rebels said they had captured the town": the day is the saying's
                return None, (f"told as background (past perfect), before the day it was said ({date.text}); "
                              f"{undated_rule(published)}"), None
            if told == "past" and date.text.lower() not in _REPORT_DAYS:
                # "On Monday, officials said the Taliban beheaded two boys": reported that day, done before it
                return None, (f"reported on the day it was said ({date.text}), before it, on no day given; "
                              f"{undated_rule(published)}"), None
            if date is not None:
                said = [d for rank, _f, _s, d in ranked if rank == 1 and d is not date]
                return _before_its_telling(_with_its_pair(text, date, dated), said)
            dated = []  # every date of the clause tells of another happening (a relative clause's)
    date = next((d for d in dated if not d.forward), None) or (dated[0] if dated else None)
    if date is not None:
        return _with_its_pair(text, date, dated)
    c_text = text[start:end]
    published_day = _day_text(published)
    if published_day and _BACKGROUND_RE.search(c_text):
        # background told in the past perfect ("had killed"): before the story, on no day it names
        return None, f"told as background (past perfect) with no date of its own; published {published_day}", None
    return None, undated_rule(published), None


def _yardstick(text: str, start: int, date: DateMention, trigger_at: Optional[int]) -> bool:
    """"the worst fighting since the battle for Aleppo last year": the date of the happening
    the event is measured against, not the event's; unless that happening is the event itself
    ("tension has risen since the rebels' defeat last week", told of the defeat)."""
    ref = _REFERENCE_RE.search(text, max(start, date.start - 60), date.start)
    if ref is None and date.text[:6].lower() == "since " and _SUPERLATIVE_RE.search(text, max(start, date.start - 60),
                                                                                     date.start):
        return True  # "the largest offensive since July": July is the yardstick
    return ref is not None and not (trigger_at is not None and ref.start() < trigger_at < date.start)


def undated_rule(published: Optional[When]) -> str:
    """The rule of a clause that gives no date of its own (it is not dated by publication);
    its words open with one of `UNDATED_RULES`.  The Arabic reader says the same."""
    if published is None:
        return "the report gives no date, and no publication date: set one"
    return f"the report gives no date; published {published.label}"


_WEEKDAY_RE = re.compile(rf"(?:(?:on|last|late|early)\s+)?(?P<w>{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?", re.I)


def plain_day(when: Optional[When]) -> bool:
    """A single calendar day, neither approximate nor uncertain (no time of day)."""
    return (when is not None and not when.interval and when.precision is Precision.DAY
            and not when.approximate and not when.uncertain)


def _before_its_telling(found: tuple, said: Sequence[DateMention]) -> tuple:
    """"On Monday, officials said rebels had shelled the camp on Tuesday": a weekday in what was
    said on a day is the last such day on or before that day, not before publication."""
    when, rule, date = found
    weekday = _WEEKDAY_RE.fullmatch(date.text) if date is not None else None
    if weekday is None or date.forward or not plain_day(when):
        return found
    told = next((d for d in said if not d.forward and plain_day(d.when)), None)
    if told is None or when.earliest <= told.when.earliest:
        return found
    told_day = told.when.earliest.date()
    name = weekday["w"].capitalize()
    day = told_day - timedelta(days=(told_day.weekday() - WEEKDAYS[name.lower()]) % 7)
    return (When.day(day), f"{date.text}: the last {name} on or before the day it was told ({told.text}, "
            f"{told.when.label})", date)


_PAIR_RE = re.compile(r"\s*(?:,\s*)?(?:and|through|to|until|till|-|–|—)\s*$", re.I)


def _with_its_pair(text: str, date: DateMention, dates: Sequence[DateMention]
                   ) -> tuple[Optional[When], str, Optional[DateMention]]:
    """The date, or the days from it to the one joined to it ("on Monday and Tuesday",
    "from 3 to 5 May" as two days): the happening spans both."""
    later = next((d for d in dates if d.start >= date.end and _PAIR_RE.fullmatch(text[date.end:d.start])), None)
    if (later is not None and date.when.is_point and later.when.is_point and not date.forward and not later.forward
            and date.when.start.season is None and later.when.start.season is None):
        first, last = sorted((date.when, later.when), key=lambda w: w.earliest)
        if first.precision == last.precision and first.earliest < last.earliest:
            return (When.between(first, last), f"{date.text} and {later.text}: from {first.label} to {last.label} "
                    f"({date.rule}; {later.rule})", date)
    return date.when, f"{date.text}: {date.rule}", date


def _day_text(published: Optional[When]) -> str:
    """"21 May 2013" (a day), "May 2013" (only the month known), "" (none)."""
    return published.label if published is not None else ""


# -- which happening a date tells of, from the parse ------------------------------------
# clauses of their own: a relative clause ("areas seized last year"), a participle on a noun
# ("the fourth massacre reported this week"), a reported or subject clause, an aside
_OWN_CLAUSE = {"relcl", "acl", "ccomp", "csubj", "csubjpass", "parataxis", "advcl"}
# verbs that only place the happening they hang on in time ("the attack, which began on Monday")
_LIGHT_VERBS = {"begin", "start", "happen", "occur", "continue", "end", "last", "erupt"}


def _verb_over(t):
    """The verb a word hangs on (the word itself when it is one), or None."""
    for _ in range(40):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass"):
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _own_clause(verb) -> bool:
    """A verb heading a clause that tells its own happening: a relative or past participle clause,
    a reported clause, or an adverbial one with its own subject or conjunction ("after they
    fled in October"); a bare participle ("..., killing 68") goes on telling the same one, and so
    does a present participle on a noun ("people attending mass Sunday morning")."""
    if verb.lemma_.lower() in _LIGHT_VERBS or (verb.lemma_.lower() == "take"
                                               and any(c.lower_ == "place" for c in verb.children)):
        return False
    if verb.dep_ == "advcl":
        return any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children)
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return False  # "killed six people attending mass Sunday morning": the scene of the happening, at its time
    return verb.dep_ in _OWN_CLAUSE


def _aim(verb) -> bool:
    """An infinitive of aim ("launched an offensive to retake the town on Sunday"): hung on the
    happening's own line, it tells no happening of its own, so a date at its end is the happening's."""
    return verb.dep_ in ("acl", "advcl") and verb.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _on_line(word, line) -> bool:
    """The word is on the happening's line, or what a verb on it is done to or by ("launched an
    offensive": the offensive)."""
    return word.i in line.over or (word.dep_ in ("dobj", "nsubj", "nsubjpass") and word.head.i in line.over)


def _dates_its_noun(verb) -> bool:
    """A participle on a noun that names a happening ("a cease-fire signed in May", "the
    offensive launched last year"): the date is that happening's; not when the participle
    only says it was told ("the fourth massacre reported this week")."""
    if verb.lemma_.lower() in SPEECH_LEMMAS or verb.tag_ not in ("VBN", "VBD"):
        return False
    if verb.dep_ in ("acl", "relcl"):  # "a truce signed in May", "airstrikes it launched on Monday"
        return bool(TRIGGER_RE.match(verb.head.text))
    # the same read as a clause of its own ("violating a cease-fire signed in May" parsed as
    # "a cease-fire [that] signed"): no "that", no auxiliary, not hung on a verb of saying,
    # and its subject names a happening
    return (verb.dep_ == "ccomp" and verb.head.lemma_.lower() not in SPEECH_LEMMAS
            and not any(c.dep_ in ("mark", "aux", "auxpass", "dobj") for c in verb.children)
            and any(c.dep_ == "nsubj" and TRIGGER_RE.match(c.text) for c in verb.children))


_TIME_MARKS = {"after", "when", "as", "while", "before", "until", "once"}


def _same_time(verb) -> bool:
    """"called in the strikes after they came under attack on Saturday": a clause of time
    places the happening it hangs on about its own date."""
    # ("when" is often parsed as an adverb of the clause, not its mark)
    return verb.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in _TIME_MARKS
                                        for c in verb.children)


class _TriggerLine:
    """The trigger word's line up the parse, made once per trigger (not once per date): the
    words above it, its verb and the words from it up to that verb."""

    def __init__(self, trigger) -> None:
        self.trigger = trigger
        self.over = {trigger.i}
        t = trigger
        for _ in range(40):
            if t.head.i == t.i:
                break
            t = t.head
            self.over.add(t.i)
        self.verb = _verb_over(trigger)
        self.below_verb = {u.i for u in _path(trigger, self.verb)} if self.verb is not None else set()


def _governs(doc, offset: int, line: _TriggerLine) -> Optional[int]:
    """How closely the date at `offset` dates the happening the trigger word tells: 0 when it
    hangs on the trigger or its verb ("attacked the base on Friday", "Friday's attack"), 1 when
    on a verb above it ("said on Friday that its troops had ...", "moved in on Friday to
    retake ..."), None when it sits in a clause of its own that tells another happening
    ("killed dozens, the fourth massacre reported this week")."""
    token = token_at(doc, offset)
    if token is None:
        return 1
    t = token
    worse = 0
    for _ in range(40):
        if t.i in line.over:
            break
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass") and _own_clause(t) \
                and not (_aim(t) and _on_line(t.head, line)):
            if not (_dates_its_noun(t) or _same_time(t)):
                return None
            worse = 2  # "violating a cease-fire signed three months ago": the date of that happening
        if t.head.i == t.i:
            return max(1, worse)
        t = t.head
    else:
        return max(1, worse)
    if worse:
        return worse
    if t.i == line.trigger.i or line.verb is None or t.i == line.verb.i:
        return 0
    # met the trigger's line below its verb (a noun or preposition between them) or above it
    return 0 if t.i in line.below_verb else 1


def _said_before(doc, offset: int, line: _TriggerLine) -> str:
    """"past perfect" or "past" when the date hangs on a verb of saying above the event's verb,
    and that verb tells a happening before the saying ("said on Monday that they had captured",
    "On Monday, officials said the Taliban beheaded"): the day is not the happening's; else ""."""
    verb = line.verb
    if verb is None or verb.lemma_.lower() in SPEECH_LEMMAS:
        return ""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"had", "'d"}:
        tense = "past perfect"
    elif (verb.tag_ == "VBD" and not aux or verb.tag_ == "VBN" and aux and aux <= {"was", "were"}) \
            and verb.lemma_.lower() not in ("be", "have") \
            and not any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        # a deed in the simple past; not the present or present perfect (a state or news as of the saying),
        # nor a state shifted back by the saying ("said he expected them to be defeated": he expects)
        tense = "past"
    else:
        return ""
    token = token_at(doc, offset)
    for _ in range(3):
        if token is None:
            return ""
        if token.pos_ in ("VERB", "AUX"):
            # (in the simple past only when the saying comes first: "X was killed, police said Monday"
            # puts the day after the telling, as of a fresh happening)
            return tense if (token.lemma_.lower() in SPEECH_LEMMAS and token.i in line.over and token.i != verb.i
                             and (tense == "past perfect" or token.i < verb.i)) else ""
        if token.head.i == token.i:
            return ""
        token = token.head
    return ""


def _path(start, end) -> list:
    out, t = [], start
    for _ in range(40):
        out.append(t)
        if t.i == end.i or t.head.i == t.i:
            break
        t = t.head
    return out
