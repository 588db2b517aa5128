"""A happening told with a date of its own inside another's sentence is proposed too.

The rules make one event of a clause: its first event word that tells (`triggers.event_word`).
A sentence often tells a second, older happening with its own date in a clause the first does
not split off: a clause on someone ("the commander, who fled the country in 2009, returned on
Monday"), a clause of reference ("the first attack since French troops took the town two weeks
ago"), a noun with its day ("tied to the New Year's Eve attack on a nightclub").  An analyst codes
it as an event of its own.

After the drafts are made, folded and dated, each event word of a parsed body sentence is read
with its own predication (its verb with what hangs on it, without the verb's other clauses: the
clauses joined to it, said by it or adding to it).  When that predication names a date of its own
and the date it gives (`event_dates.clause_date`) is one that no draft has (nor one inside a
draft's span of a week at most, or holding a draft's date in such a span: `telling.same_time`), it is drafted as a
happening of its own (`events.draft_events` on that predication, so its parties, place and how it
is put are read as for any clause); one per such date, the first told.  A date no draft has is
what says it is another happening: a second event word on a day already proposed is most often
the same happening told again.  A word that is part of a date ("March") is no event word here.

(Found by measuring, on the training, dev and retired reports, which event words the rules leave
out: those with a new date of their own are an annotated event about half the time; the others
about one time in ten, too rarely to propose them; `benchmarks/intake_learn_words.py`.)
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Callable, Sequence

from .dates import DateMention
from .clauses import Clause
from .events import EventDraft
from .parse import token_at
from .telling import same_time
from .text import Sentence
from .triggers import TRIGGER_RE

__all__ = ["dated_words"]

# a verb's other clauses: the predication of one of its words stops there
_OTHER_CLAUSES = {"conj", "ccomp", "advcl", "parataxis", "relcl", "cc"}


def _predication(token) -> tuple[int, int]:
    """(start, end) in the sentence's text of the event word's own predication: its verb (itself,
    or the verb the noun hangs on) with what hangs on the verb, less its other clauses."""
    verb = token
    for _ in range(5):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    keep = [verb.i]
    for child in verb.children:
        if child.dep_ in _OTHER_CLAUSES and token not in child.subtree:
            continue
        keep += [t.i for t in child.subtree]
    doc = verb.doc
    first, last = doc[min(keep)], doc[max(keep)]
    return first.idx, last.idx + len(last)


def dated_words(drafts: list[EventDraft], text: str, sentences: Sequence[Sentence], body: Sequence[int],
                dates: Sequence[DateMention], parsed: dict,
                draft: Callable[[dict[int, list[Clause]]], list[EventDraft]]) -> list[EventDraft]:
    """`drafts` and, in text order among them, the happenings told with a date of their own that
    no draft has (see the module); `draft` makes the drafts of given clauses (events.draft_events)."""
    if not parsed:
        return drafts
    date_starts = [d.start for d in dates]
    taken = {(d.clause.start, d.clause.end) for d in drafts}
    clauses_of: dict[int, list[Clause]] = {}
    for si in body:
        doc = parsed.get(si)
        if doc is None:
            continue
        s = sentences[si]
        s_dates = dates[bisect_left(date_starts, s.start):bisect_left(date_starts, s.end)]
        if not s_dates:
            continue
        for m in TRIGGER_RE.finditer(text, s.start, s.end):
            if any(d.start <= m.start() < d.end for d in s_dates):
                continue  # "March 19": a date, not a march
            token = token_at(doc, m.start() - s.start)
            if token is None:
                continue
            a, b = _predication(token)
            span = (s.start + a, s.start + b)
            if span in taken or not any(span[0] <= d.start < span[1] for d in s_dates):
                continue
            taken.add(span)
            clauses_of.setdefault(si, []).append(Clause(si, *span))
    if not clauses_of:
        return drafts
    known = [d.when for d in drafts if d.when is not None]
    added: list[EventDraft] = []
    for extra in draft(clauses_of):
        if extra.when is None or any(same_time(extra.when, w) for w in known):
            continue
        known.append(extra.when)
        added.append(extra)
    return sorted(drafts + added, key=lambda d: d.clause.start) if added else drafts
