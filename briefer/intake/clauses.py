"""Where a sentence divides into the clauses that each may tell a happening of its own.

A sentence is split where it joins two dated happenings ("murdered in 2013, but a report this
week claimed ..."), so that each gets its own date; with the parse, also where it tells a second
happening in a clause of time ("... after starting their offensive") or beside the first with a
subject of its own ("insurgents shelled the airport and peacekeepers returned fire", "..., while
a roadside bomb hit a police vehicle"), so that each is its own proposal (`events.draft_events`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from .dates import DateMention
from .parse import SPEECH_LEMMAS, token_at
from .text import Sentence
from .triggers import CASUALTY, TRIGGER_RE as _TRIGGER_RE, event_word

__all__ = ["Clause", "sentence_clauses"]

# where a sentence may join two happenings, each with its own date: "..., but", "; ", "until", "..., while",
# "..., and X was ...", "..., (two days) after ...", "arrested ... on Monday and released ... on Wednesday"
_SPLIT_RE = re.compile(r",\s+but\s+|;\s+|\s+until\s+|,\s+while\s+|,\s+whereas\s+"
                       r"|,\s+and\s+(?=\w+\s+(?:has|have|had|was|were|is|are)\b)"
                       r"|,\s+(?=(?:(?:a|an|one|two|three|four|five|six|several|a\s+few|\d+)\s+"
                       r"(?:hours?|days?|weeks?|months?|years?)\s+)?(?:after|before)\s)"
                       r"|\s+and\s+(?=(?:then\s+|later\s+)?[a-z]+ed\s)")


@dataclass
class Clause:
    sentence: int
    start: int
    end: int
    cut_from: Optional[int] = None  # a clause of time cut from a clause starting there (`_time_clause`)
    dated_to: Optional[int] = None  # the clause a clause of time was cut from ends there: dated as a whole
    # a clause of time on the parties of the clause it was cut from (a pronoun for subject: "after they seized the
    # airport", or a passive with none: "after being detained"): it needs no party of its own
    hangs: bool = False
    # a happening told beside another with its own subject ("X shelled the town and Y fled"): dated, and found to
    # name someone or a date, by the clause it was cut from (starting there)
    joined_to: Optional[int] = None


def sentence_clauses(text: str, si: int, sentence: Sentence, dates: Sequence[DateMention], doc=None) -> list[Clause]:
    """The clauses of sentence `si` (its `dates` are those inside it; `doc` its parse, or None)."""
    clauses = _dated_parts(text, si, sentence, dates)
    if doc is not None:
        clauses = [c for whole in clauses for c in _time_clause(doc, whole, sentence.start)]
        clauses = [c for whole in clauses for c in _coordinated(doc, whole, sentence.start)]
    return clauses


def _dated_parts(text: str, si: int, sentence: Sentence, dates: Sequence[DateMention]) -> list[Clause]:
    """Split only where both sides carry their own date."""
    cuts = [sentence.start]
    for m in _SPLIT_RE.finditer(text, sentence.start, sentence.end):
        cuts.append(m.start())
    cuts.append(sentence.end)
    pieces = [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]
    merged: list[list[int]] = []
    for a, b in pieces:
        has_date = any(a <= d.start < b for d in dates)
        if merged and not (has_date and merged[-1][2]):
            merged[-1][1] = b
            merged[-1][2] = merged[-1][2] or has_date
        else:
            merged.append([a, b, has_date])
    result = []
    for a, b, _ in merged:
        sep = _SPLIT_RE.match(text, a)
        start = sep.end() if sep else a
        result.append(Clause(si, start, b))
    return result


_TIME_MARKS = {"after", "before", "when", "until"}
_JUST = {"just", "shortly", "soon", "hours", "days", "weeks", "day"}  # "just before", "days after"


def _time_clause(doc, clause: Clause, s0: int) -> list[Clause]:
    """A clause telling a second happening in a clause of time ("the rebels were pushed back
    after starting their new offensive", "a court indicted him just before he arrived in Accra"):
    the two, when each tells a happening of its own (triggers.event_word); else the clause."""
    a, b = clause.start - s0, clause.end - s0
    for t in doc:
        if t.idx < a or t.lower_ not in _TIME_MARKS:
            continue
        if t.idx >= b:
            break
        if t.dep_ == "mark" and t.head.pos_ in ("VERB", "AUX") and t.head.dep_ == "advcl":
            verb = t.head
        elif t.dep_ == "prep" and any(c.dep_ == "pcomp" and c.pos_ == "VERB" for c in t.children):
            verb = next(c for c in t.children if c.dep_ == "pcomp")
        else:
            continue
        cut = doc[t.i - 1].idx if t.i > 0 and doc[t.i - 1].lower_ in _JUST else t.idx
        if t.i > 1 and doc[t.i - 1].lower_ in _JUST and (doc[t.i - 2].like_num or doc[t.i - 2].lower_ in ("a", "an")):
            cut = doc[t.i - 2].idx  # "came | two days after ...", not "came two | days after ..."
        end = max(x.idx + len(x) for x in verb.subtree)
        if cut <= a or end > b:
            continue
        if _told(doc, a, cut) and _told(doc, cut, end):
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            own = all(c.pos_ == "PRON" for c in subjects) and (bool(subjects) or any(
                c.dep_ == "auxpass" for c in verb.children))  # "after they seized ...", "after being detained"
            return [Clause(clause.sentence, clause.start, s0 + cut, dated_to=clause.end),
                    Clause(clause.sentence, s0 + cut, clause.end, cut_from=clause.start, hangs=own)]
    return [clause]


_BESIDE_MARKS = {"while", "whereas"}
_SUBJECT_POS = {"NOUN", "PROPN", "PRON", "NUM"}


def _coordinated(doc, clause: Clause, s0: int) -> list[Clause]:
    """A clause telling two happenings side by side, each with a subject of its own ("insurgents
    fired mortars at the airport and peacekeepers returned fire", "..., while a roadside bomb hit
    a police vehicle"): one clause each, when each tells a deed (`_deed`) and not both the dead and the
    hurt of one happening ("a man was killed and his wife was injured by the gunmen"); the second
    is dated by the whole when it names no date of its own ("clashed on Friday and the president
    ordered troops to the border": Friday).  Two clauses said by one speaker and joined by "and" are
    two such happenings too ("witnesses said that insurgents fired mortars and troops returned fire",
    which the parse may hang both on "said").  A bare "while" is a time ("destroyed the shrines while
    they held the city"), not a second happening."""
    if clause.cut_from is not None or clause.dated_to is not None:
        return [clause]
    a, b = clause.start - s0, clause.end - s0
    for verb in doc:
        if verb.idx < a or verb.pos_ not in ("VERB", "AUX"):
            continue
        if verb.idx >= b:
            break
        if verb.head.pos_ in ("VERB", "AUX") and (verb.dep_ == "conj" or verb.dep_ == "ccomp" and any(
                c.dep_ == "ccomp" and c.i < verb.i for c in verb.head.children)):
            # the "and" before it; its subject is its own, or the words between ("and Eastland troops returned
            # fire", a subject the parse may hang elsewhere), not none ("stormed the town and arrested ...")
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None:
                before = doc[subject.left_edge.i - 1] if subject.left_edge.i > verb.head.i + 1 else None
                mark = before if before is not None and before.lower_ == "and" else None
            else:
                mark = next((t for t in reversed(doc[verb.head.i + 1:verb.i]) if t.lower_ == "and"), None)
                if mark is None or not any(t.pos_ in _SUBJECT_POS and t.dep_ != "expl" for t in doc[mark.i + 1:verb.i]):
                    continue
        elif verb.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in _BESIDE_MARKS
                         and c.i > 0 and doc[c.i - 1].text == ","), None)
        else:
            continue
        if mark is None or mark.idx <= a:
            continue
        cut = mark.idx
        end = max(x.idx + len(x) for x in verb.subtree)
        if end > b:
            continue
        first, second = _told_word(doc, a, cut), _told_word(doc, cut, end)
        if not (_deed(first) and _deed(second)) or _harm(first) and _harm(second):
            continue
        start = s0 + cut
        return [Clause(clause.sentence, clause.start, start, dated_to=clause.end, joined_to=clause.start),
                Clause(clause.sentence, start, clause.end, joined_to=clause.start)]
    return [clause]


def _harm(token) -> bool:
    return token.lemma_.lower() in CASUALTY or token.lower_ in CASUALTY


def _deed(token) -> bool:
    """An event word telling a deed: not a saying, nor a count of the dead or the hurt that no one
    is said to do ("and eight (were) wounded", "15 injured", "five attackers died"), as against "a
    roadside bomb killed three soldiers"."""
    if token is None or token.lemma_.lower() in SPEECH_LEMMAS:
        return False
    if not _harm(token):
        return True
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return any(c.dep_ == "agent" or c.dep_ == "nsubj" and not c.like_num and not any(
        g.dep_ == "nummod" for g in c.children) for v in (verb, token) for c in v.children)


def _told_word(doc, start: int, end: int):
    """The token of the event word doc.text[start:end] tells (triggers.event_word), or None."""
    found = [(m.start(), m.end()) for m in _TRIGGER_RE.finditer(doc.text, start, end)]
    at = event_word(doc, start, end, found) if found else None
    return token_at(doc, at) if at is not None else None


def _told(doc, start: int, end: int) -> bool:
    return _told_word(doc, start, end) is not None
