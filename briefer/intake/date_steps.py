"""Dating a clause that gives no date of its own by the happening it goes on telling.

A report tells its happening in steps: "Monday's bombings took place near X. Witnesses say a
car rammed a convoy ... Later, a second bomber targeted the troops on their way to the scene."
Only the first telling names the day; an analyst codes every step on that day.  One rule, run
after the retellings are folded (`telling`), saying in the event's rule which happening gave the
day: a clause with no date of its own, told in the simple past right after a happening
dated to a day or a night ("overnight") (or a step of one), with no word of its own that sets
it apart (its own vague time, "since", "already", background, "meanwhile", "separately", "in a
separate incident"; a clause of time of its own: "while they held the city"; a retelling folded
into it speaks of its own time), carries that day; told with "also" ("they said troops also shelled Y"), it is another
happening of that day, and its rule says so.  A plain undated clause told in between (a state
in the present: "troops are patrolling the streets") does not end the telling; a background or
set-apart one does ("had shelled the town before", "so far"); not a clause in the simple past
that only holds a past perfect in its relative clause ("was provoked by troops, who had entered
the villages"): the tense of its own verbs decides.  A clause opening with a word that places it
just after the telling before it ("Hours later, a bomb killed 11") takes that day, even the day of
a saying ("The rebels announced on Monday a truce. Hours later, ..."): it counts from the telling.
The present perfect and the present tell states and news as of the report ("have pushed
al-Shabab out of most towns"), not steps.

A lead or another happening told in the present perfect with no date of its own ("rebels say the
army has attacked their camp, killing 20") is not a step: it stays undated even when the report
dates another happening of that kind to its day ("another post was shelled today"), as the
annotation guideline reads (`date` is null when the report gives none;
`benchmarks/intake_undated_corrections.md`) (`event_dates.undated_rule`).

A day said ("officials said Sunday that ...") dates no plain step.  Only with the parse.
"""

from __future__ import annotations

import re
from typing import Sequence

from ..core.point import Precision
from ..core.status import HAPPENED
from .event_dates import UNDATED_RULES, plain_day
from .parse import SPEECH_LEMMAS
from .telling import ELSEWHERE, clause_tokens, said_on
from .triggers import HABITUAL

__all__ = ["date_steps"]

# words that place a clause apart from the day told before it: its own (vague) time, background,
# or another happening
_APART_RE = re.compile(r"\b(?:since|recent(?:ly)?|over\s+the\s+(?:past|last)|in\s+the\s+past|for\s+(?:years|months|"
                       r"weeks|decades|days)|already|ever|earlier|previously|before\s+that|in\s+another|"
                       rf"{ELSEWHERE}|{'|'.join(sorted(HABITUAL))}|periodic(?:ally)?|repeated(?:ly)?|"
                       r"now|currently|so\s+far|until|years?|months?|decades?)\b", re.I)
# "also" after a dated happening: another happening of that day ("They said troops also shelled Y")
_ALSO_RE = re.compile(r"\balso\b(?!\s+(?:known|called|named|referred))", re.I)
_MAIN_DEPS = {"ROOT", "ccomp", "conj", "parataxis"}  # a clause's own verbs (not a relative or a clause of time)


def date_steps(drafts: list, sentences: Sequence, parsed: dict) -> list:
    if not parsed:
        return drafts
    stepped: set[int] = set()  # ids of drafts dated as a step of another
    previous = None
    told = None  # the last draft told on a day of its own, a saying's included: what "hours later" counts from
    for d in drafts:
        if previous is not None and _undated(d) and _told_in_the_past(d, sentences, parsed):
            d.when = previous.when
            if _also_in_the_past(d, sentences, parsed):
                d.when_rule = (f"no date of its own, told with 'also' just after a happening of {previous.when.label} "
                               f"(\u201c{_short(previous.quote)}\u201d): that day")
            else:
                d.when_rule = (f"same happening as \u201c{_short(previous.quote)}\u201d ({previous.when.label}): "
                               f"no date of its own, told as a step of it, so that day")
            stepped.add(id(d))
        elif (link := _link(d, told, sentences)) and _undated(d) and _told_in_the_past(d, sentences, parsed):
            d.when = told.when
            d.when_rule = (f"no date of its own, told '{link}' after \u201c{_short(told.quote)}\u201d "
                           f"({told.when.label}): that day")
            stepped.add(id(d))
        elif not _dates_steps(d, sentences, parsed, stepped):
            told = d if _told_on_a_day(d) else (told if d.when is None else None)
            if _aside_in_the_past_perfect(d, sentences, parsed):
                continue  # "was provoked by troops, who had entered ...": the telling goes on past it
            if d.when is not None or not _undated(d):
                previous = None
            continue
        told = d
        previous = d
    return drafts


def _day_or_night(when) -> bool:
    """A day, or a night or two days told as one span ("overnight", "late Monday and early Tuesday")."""
    if plain_day(when):
        return True
    return (when is not None and when.interval and when.start is not None and when.end is not None
            and not when.approximate and not when.uncertain
            and when.precision is Precision.DAY
            and (when.latest.date() - when.earliest.date()).days <= 1)


def _undated(d) -> bool:
    """A told happening the report gives no date for, nothing setting it apart from the day before."""
    return (d.when is None and d.date is None and d.status in HAPPENED
            and (d.when_rule or "").startswith(UNDATED_RULES[0]) and not _APART_RE.search(_first_telling(d.quote)))


def _first_telling(quote: str) -> str:
    """The draft's own words: a folded retelling's are quoted after " … " (`telling`) and tell
    their own time ("… that had vowed since last month to ..."), not this clause's."""
    return quote.split(" \u2026 ")[0]


def _dates_steps(d, sentences: Sequence, parsed: dict, stepped: set[int]) -> bool:
    """A draft whose day may date the steps told after it: a plain past day of its own (not the
    day something was said about it), or one it took as a step itself."""
    if d.status not in HAPPENED or not _day_or_night(d.when):
        return False
    if id(d) in stepped:
        return True
    return d.date is not None and not d.date.forward and not said_on(d, sentences, parsed)


def _tokens(d, sentences: Sequence, parsed: dict) -> list:
    """The draft's clause in its sentence's parse; [] without a parse."""
    doc = parsed.get(d.clause.sentence)
    if doc is None:
        return []
    s0 = sentences[d.clause.sentence].start
    return clause_tokens(doc, d.clause.start - s0, d.clause.end - s0)


def _own_verbs(d, sentences: Sequence, parsed: dict) -> list:
    """The clause's own verbs: its main ones, or the top one of a clause cut from its sentence
    ("hours after a truck drove over a mine"); not a verb of saying."""
    tokens = _tokens(d, sentences, parsed)
    inside = {t.i for t in tokens}
    return [t for t in tokens if t.pos_ == "VERB" and (t.dep_ in _MAIN_DEPS or t.head.i not in inside)
            and t.lemma_.lower() not in SPEECH_LEMMAS]


def _told_in_the_past(d, sentences: Sequence, parsed: dict) -> bool:
    """The clause tells its happening in the simple past ("a car rammed", "was destroyed"), with
    no clause of time of its own ("destroyed the shrines while they held the city")."""
    if any(t.lower_ == "while" and t.dep_ in ("mark", "advmod") and t.head.dep_ == "advcl"
           for t in _tokens(d, sentences, parsed)):
        return False
    past = False
    for t in _own_verbs(d, sentences, parsed):
        aux = [c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")]
        if t.tag_ in ("VBZ", "VBP") or any(a in ("has", "have", "'s", "'ve", "is", "are", "am") for a in aux):
            return False
        if t.tag_ == "VBD" or t.tag_ == "VBN" and any(a in ("was", "were") for a in aux):
            past = True
    return past


# a clause opening with a word that places it just after the telling before it ("Hours later, a bomb ...")
_LINK_RE = re.compile(r"(?:(?:hours|minutes|moments)\s+later|later|(?:shortly|soon|moments|minutes)\s+after(?:wards?)?)"
                      r"(?=\s*,|\s+(?:the|a|an|however)\b)", re.I)


def _link(d, told, sentences: Sequence) -> str:
    """"The rebels announced a truce on Monday. Hours later, a bomb killed 11": the words that tie
    the draft to the day told just before it (in its sentence or the two before), or ""."""
    if told is None or d.clause.sentence - told.clause.sentence > 2:
        return ""
    m = _LINK_RE.match(_first_telling(d.quote))
    return m.group() if m else ""


def _told_on_a_day(d) -> bool:
    """A draft told with a plain day of its own, said or not ("announced on Monday a truce")."""
    return d.status in HAPPENED and d.date is not None and not d.date.forward and _day_or_night(d.when)


def _aside_in_the_past_perfect(d, sentences: Sequence, parsed: dict) -> bool:
    """A clause set aside as background only for a past perfect in its relative clause or aside
    ("The onslaught was provoked by troops, who had entered rebel areas"): its own verbs tell no
    earlier time, so the telling goes on past it; one whose own verb is in the past perfect
    ("Tensions had been rising for months") goes back in time and ends it."""
    if d.when is not None or not (d.when_rule or "").startswith(UNDATED_RULES[1]):
        return False
    verbs = _own_verbs(d, sentences, parsed)
    return bool(verbs) and not any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for v in verbs for c in v.children)


def _also_in_the_past(d, sentences: Sequence, parsed: dict) -> bool:
    """"They said troops also shelled Y": "also" on a verb in the simple past of the clause."""
    if not _ALSO_RE.search(_first_telling(d.quote)):
        return False
    return any(t.lower_ == "also" and t.dep_ == "advmod" and t.head.tag_ == "VBD"
               for t in _tokens(d, sentences, parsed))


def _short(quote: str, words: int = 8) -> str:
    w = quote.split()
    return " ".join(w[:words]) + (" …" if len(w) > words else "")
