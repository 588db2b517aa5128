"""Candidate events: one or more per sentence that reports something happening.

One candidate per clause that tells a happening (`clauses.sentence_clauses` says where a
sentence divides): by an event word (`lexicon.EVENT_STEMS`), or, in a clause with none, by a
deed verb (`triggers.deed_word`) done by a named party or on the clause's own date.  Each
candidate has its date (`event_dates.clause_date`, with the rule said), place, actors with
roles and the clause as the supporting quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Optional, Sequence

from ..core.model import Role
from ..core.when import When
from . import lexicon as L
from .clauses import Clause, sentence_clauses
from .dates import FUTURE_RE, DateMention
from .event_dates import clause_date
from .entities import WELL_KNOWN_ACTOR_KEYS, Entity, Mention
from .statements import Statement
from .parse import SPEECH_LEMMAS, clause_status, token_at
from .text import Sentence
from .triggers import TRIGGER_RE as _TRIGGER_RE, deed_word, event_word, own_forces_act, told_as_news, told_at_place

__all__ = ["EventDraft", "draft_events", "sentence_drafts"]

_AFFECT_RE = re.compile(r"\b(?:murder|kill|kidnap|abduct|hold|held|holding|hostage|detain|execut|behead|releas|free|"
                        r"captur|arrest|wound|injur|disappear|missing|imprison|jail|sentenc)\w*", re.I)
_LEAD_RE = re.compile(r"^(?:(?:and|but|also|once|then|meanwhile|however|this follows reports that|there are fears that|"
                      r"it comes as|this comes as)\b[\s,]*)+", re.I)
# "he was being held", "killed him": the pronoun is the one the verb happens to
_PRONOUN_RE = re.compile(r"\b(?:(?:he|she)\s+(?:is|was|were|had|has|may|might|could|would)\s+(?:\w+\s+){0,2}?"
                         r"(?:been|being|be)\b|(?:he|she)\s+(?:is|was)\s+(?:still\s+)?(?:alive|dead|missing|held)"
                         r"|\w+(?:ed|ing)\s+(?:him|her)\b)", re.I)


@dataclass
class EventDraft:
    clause: Clause
    title: str
    when: Optional[When]
    when_rule: str
    date: Optional[DateMention]
    place: str
    participants: list[tuple[str, Role]] = field(default_factory=list)  # (entity id, role)
    statement: Optional[Statement] = None
    quote: str = ""
    status: str = "reported"  # reported | claimed | expected | conditional | denied
    status_why: str = ""
    claimed_by: str = ""


def _shorten(text: str, limit: int = 110) -> str:
    text = " ".join(text.split()).strip(" ,;.")
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,;") + "…"


_DATELINE_RE = re.compile(
    r"^(?:(?:Date of publication|Published(?: on)?|Last updated(?: at| on)?|Updated)\s*:?\s*)?"
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
    r"(?:\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}[./]\d{1,2}[./]\d{4})\s*[-–—:]?\s*")


# "TAL HAMRA, March 5 (Reuters) - ", "BEIRUT (AFP) — ": a wire dateline is no part of a title
_WIRE_RE = re.compile(r"^[A-Z][A-Z .'’\-]{2,40}(?:,\s*[A-Z][A-Za-z .'’\-]{2,30})?(?:\s*,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
                      r"(?:,?\s+\d{4})?|\s*,\s*\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:,?\s+\d{4})?)?\s*(?:\([^)]{2,30}\))?\s*[-–—]+\s+")


def _title(text: str) -> str:
    text = _WIRE_RE.sub("", _DATELINE_RE.sub("", text.strip()))
    text = _LEAD_RE.sub("", text.strip().strip("\"“”")).strip()
    text = text[:1].upper() + text[1:]
    return _shorten(text)


def draft_events(text: str, sentences: Sequence[Sentence], body: Sequence[int], dates: Sequence[DateMention],
                 mentions: Sequence[Mention], entities: Sequence[Entity], statements: Sequence[Statement],
                 published: Optional[When], parsed: Optional[dict] = None, outlet: str = "",
                 clauses_of: Optional[dict[int, list[Clause]]] = None) -> list[EventDraft]:
    """Drafts for the body's sentences; `parsed` (sentence index -> parse) lets the
    parse give roles and say how each clause is put (reported, expected, ...).  With
    `clauses_of` (sentence index -> clauses), the drafts of those clauses alone."""
    parsed = parsed or {}
    by_id = {e.id: e for e in entities}
    actor_mentions = [m for m in mentions if m.entity and by_id.get(m.entity) is not None and by_id[m.entity].actor]
    # a name the report uses for an actor ("faces of Daesh") is not where something happened
    actor_keys = {m.key for m in actor_mentions} | WELL_KNOWN_ACTOR_KEYS
    places = [m for m in mentions if m.kind == "place" and m.key not in actor_keys]
    statement_by_sentence = {s.sentence: s for s in statements}
    drafts: list[EventDraft] = []
    last_person: Optional[str] = None
    date_starts = [d.start for d in dates]  # (dates and mentions are in text order: bisect, not scan)
    mention_starts = [m.start for m in actor_mentions]
    for si in body:
        sentence = sentences[si]
        s_dates = dates[bisect_left(date_starts, sentence.start):bisect_left(date_starts, sentence.end)]
        statement = statement_by_sentence.get(si)
        persons_here: list[str] = []
        doc = parsed.get(si)
        if clauses_of is not None:
            clauses = clauses_of.get(si, [])
        else:
            clauses = sentence_clauses(text, si, sentence, s_dates, doc)
        for clause in clauses:
            c_text = text[clause.start:clause.end]
            c_mentions = actor_mentions[bisect_left(mention_starts, clause.start):bisect_left(mention_starts, clause.end)]
            c_dates = [d for d in s_dates if clause.start <= d.start < clause.end]
            trigger = _trigger(c_text, clause.start - sentence.start, doc)
            in_clause_statement = None
            if statement is not None and (
                    clause.start <= statement.quote_span[0] <= clause.end
                    or clause.cut_from is not None and clause.cut_from <= statement.quote_span[0] <= clause.end
                    or any(m.entity == statement.speaker_entity for m in c_mentions if statement.speaker_entity)):
                in_clause_statement = statement
            if trigger is None or len(c_text.split()) < 4:
                persons_here += [m.entity for m in c_mentions if by_id[m.entity].kind == "person"]
                continue
            trigger_at = clause.start + trigger.start()
            if clause.joined_to is not None:  # a happening told beside another: named and dated by the whole
                whole = actor_mentions[bisect_left(mention_starts, clause.joined_to):bisect_left(
                    mention_starts, clause.dated_to or clause.end)]
                c_dates = c_dates or [d for d in s_dates if clause.joined_to <= d.start < (clause.dated_to or clause.end)]
            if not (c_mentions or clause.joined_to is not None and whole) and not c_dates and not clause.hangs \
                    and not (doc is not None and (
                    told_as_news(doc, trigger_at - sentence.start)
                    or any(clause.start <= p.start < clause.end for p in places)
                    and told_at_place(doc, trigger_at - sentence.start))):
                continue  # no one named, no date: a present perfect says it is news ("rebels have seized ..."), or a
                # past told at a named place ("a bomb exploded in a market in <town>"); a clause of time may hang on
                # its clause's parties ("Ocalan was freed | after being detained")
            # cut from its clause of time, a happening is still dated by the whole ("shelled the town after
            # its troops came under fire on Saturday": Saturday)
            d_end = clause.dated_to or clause.end
            d_start = clause.start if clause.joined_to is None else clause.joined_to
            d_dates = c_dates if clause.dated_to is None else [d for d in s_dates if d_start <= d.start < d_end]
            when, rule, date = clause_date(text, d_start, d_end, d_dates, published, doc, sentence.start,
                                           trigger_at)
            participants = _roles(text, clause, c_mentions, trigger, by_id, in_clause_statement)
            if doc is not None:
                participants = _parse_roles(doc, sentence.start, clause, trigger_at, c_mentions, by_id, participants,
                                            in_clause_statement.speaker_entity if in_clause_statement else None,
                                            _last_group(actor_mentions, bisect_left(mention_starts, clause.start),
                                                        by_id, clause.start))
            if not (c_dates or _TRIGGER_RE.match(trigger.group()) or Role.INITIATOR in [r for _, r in participants]):
                continue  # a deed told by a verb that is no event word: by a named party, or on its own date
            status, status_why = _status(text, clause, trigger_at, doc, sentence.start)
            speaker = in_clause_statement.speaker_entity if in_clause_statement is not None else None
            if speaker and speaker in by_id and by_id[speaker].actor and speaker not in [p for p, _ in participants]:
                participants.insert(0, (speaker, Role.SPOKESPERSON))  # a quotation going on: still them
            if speaker and doc is not None and speaker in by_id and by_id[speaker].kind != "person" \
                    and own_forces_act(doc, trigger_at - sentence.start):
                # "the army said its troops retook the town": the speaker's own forces did it
                participants = [(p, Role.INITIATOR if p == speaker else r) for p, r in participants]
            # "he" / "she" with one person named just before
            if _PRONOUN_RE.search(c_text) and _AFFECT_RE.search(c_text):
                previous = persons_here[-1:] or ([last_person] if last_person else [])
                for pid in previous:
                    if pid not in [p for p, _ in participants]:
                        participants.append((pid, Role.AFFECTED))
            place_m = _where(text, [p for p in places if clause.start <= p.start < clause.end])
            place = _place_text(text, place_m, clause) if place_m else ""
            title = _title(c_text)
            if in_clause_statement is not None and in_clause_statement.direct and c_text.lstrip().startswith(('"', "“")):
                title = _shorten(f"{in_clause_statement.speaker}: {in_clause_statement.quote}")
            claimed_by = ""
            if in_clause_statement is not None:
                if in_clause_statement.denial and status == "reported":
                    status, status_why = "denied", f"{in_clause_statement.speaker} denies it"
                elif status == "reported" and in_clause_statement.speaker and \
                        in_clause_statement.speaker.casefold() != (outlet or "").casefold():
                    status, status_why = "claimed", f"said by {in_clause_statement.speaker}"
                    claimed_by = in_clause_statement.speaker
            drafts.append(EventDraft(clause, title, when, rule, date, place, participants,
                                     in_clause_statement, " ".join(c_text.split()).strip(" ,;"),
                                     status, status_why, claimed_by))
            persons_here += [m.entity for m in c_mentions if by_id[m.entity].kind == "person"]
        if persons_here:
            last_person = persons_here[-1]
    return drafts


def _trigger(c_text: str, offset: int, doc) -> Optional[re.Match]:
    """The clause's event word: with the parse, the first one the clause tells (triggers.py:
    not a name's part, not a description of someone, not an aim); without it, the first one."""
    if doc is None:
        return _TRIGGER_RE.search(c_text)
    found = list(_TRIGGER_RE.finditer(c_text))
    at = event_word(doc, offset, offset + len(c_text), [(offset + m.start(), offset + m.end()) for m in found]) \
        if found else None
    if at is None:  # no event word the clause tells: a deed it tells by its verb (triggers.deed_word)
        deed = deed_word(doc, offset, offset + len(c_text))
        return _WORD_RE.match(c_text, deed[0] - offset) if deed else None
    return next((m for m in found if offset + m.start() == at), None)


_WORD_RE = re.compile(r"\w+")


_PLAN_NOUNS = {"plan", "intention", "intent"}  # "announced plans to send troops": what is to come

# How a clause is put, when there is no parse: words before the trigger.
_COND_RE = re.compile(r"\b(?:if|once|unless|could|may|might|would be able to|in case)\b", re.I)
_DENY_RE = re.compile(r"\b(?:denied|denies|deny|did not|didn't|has not|have not|never|no longer)\b", re.I)


def _status(text: str, clause: Clause, trigger_at: int, doc, sentence_start: int) -> tuple[str, str]:
    """(status, why) of a clause: the parse's reading when there is one (a saying that is the clause's only
    event word takes the status of what is said), else the words leading up to the trigger."""
    if doc is not None:
        a, b = clause.start - sentence_start, clause.end - sentence_start
        status, why = clause_status(doc, a, b, trigger_at - sentence_start)
        verb = token_at(doc, trigger_at - sentence_start)
        if status == "reported" and verb is not None and verb.lemma_.lower() in SPEECH_LEMMAS:
            # the saying is the clause's only event word: what is said is to come ("vowed that the attackers
            # will be caught", "warned that those who refuse would be eliminated", "announced plans to send")
            for c in verb.children:
                if c.dep_ == "ccomp" and a <= c.idx < b:
                    said, said_why = clause_status(doc, a, b, c.idx)
                    if said in ("expected", "conditional"):
                        return said, said_why
                if c.dep_ == "dobj" and c.lemma_.lower() in _PLAN_NOUNS and any(g.dep_ == "acl" for g in c.children):
                    return "expected", f"said of what is to come ('{c.text}')"
        return status, why
    head = text[clause.start:trigger_at + 1]
    if m := _COND_RE.search(head):
        return "conditional", f"put as a condition or a possibility ('{m.group()}')"
    if m := FUTURE_RE.search(head):
        return "expected", f"said of what is to come ('{m.group()}')"
    if m := _DENY_RE.search(head):
        return "denied", f"put as denied or not done ('{m.group()}')"
    return "reported", ""


def _parse_roles(doc, sentence_start: int, clause: Clause, trigger_at: int, c_mentions: Sequence[Mention],
                 by_id: dict[str, Entity], participants: list[tuple[str, Role]],
                 speaker: Optional[str] = None, last_group: Optional[str] = None) -> list[tuple[str, Role]]:
    """Roles from the parse (roles.py): who acts is the initiator, who undergoes the target,
    people a harm falls on are affected.  The speaker is the spokesperson, and the initiator
    when the clause tells only their saying ("the assembly condemned the plan") or a pronoun
    stands for them ("the army said it killed ...").  "The militants", "the group" stand for
    the armed group named last before the clause (`last_group`).  A name the parse does not
    place keeps the rules' reading (`participants`) when that makes it an initiator (a subject
    the parse missed: "with French troops taking the city"); as a target, only when the parse
    names no actor as target (say "dozens of targets"), and then only the one nearest the
    event word, outside the clause's other happenings; every other name is only mentioned."""
    from .roles import roles_in

    found = roles_in(doc, clause.start - sentence_start, clause.end - sentence_start, trigger_at - sentence_start)
    if found is None:
        return participants

    def inside(m: Mention, spans) -> bool:
        return any(sentence_start + a <= m.start and m.end <= sentence_start + b for a, b in spans)

    rules = dict(participants)
    roles: dict[str, Role] = {}
    near_targets: list[tuple[int, str]] = []  # the rules' target guesses: (distance to the event word, id)
    rule_initiators: list[str] = []
    for m in c_mentions:
        entity = by_id[m.entity]
        if m.modifier:
            role = Role.MENTIONED
        elif inside(m, found.initiators) and (m.entity != speaker or found.speaker_acts):
            role = Role.INITIATOR
        elif inside(m, found.affected) and entity.kind == "person":
            role = Role.AFFECTED
        elif inside(m, found.targets):
            role = Role.TARGET
        elif m.entity == speaker or rules.get(m.entity) == Role.SPOKESPERSON:
            role = Role.SPOKESPERSON
        else:
            role = Role.MENTIONED
            guess = rules.get(m.entity)
            if guess == Role.INITIATOR:
                rule_initiators.append(m.entity)
            elif guess in (Role.TARGET, Role.AFFECTED) and not inside(m, found.elsewhere):
                near_targets.append((abs(m.start - trigger_at), m.entity))
        if m.entity not in roles or _PARSE_RANK[role] > _PARSE_RANK[roles[m.entity]]:
            roles[m.entity] = role
    if speaker and speaker in by_id and found.speaker_acts:
        roles[speaker] = Role.INITIATOR  # "the army said it killed ...", "X claimed responsibility for ..."
    if last_group:
        for kind, span in found.described:
            role = Role.INITIATOR if kind == "initiators" else Role.TARGET
            if role not in roles.values() and not any(inside(m, [span]) for m in c_mentions) and \
                    roles.get(last_group, Role.MENTIONED) == Role.MENTIONED:
                roles[last_group] = role
    for eid in rule_initiators:  # "with French troops taking the city": the rules' reading stands
        if roles[eid] == Role.MENTIONED:
            roles[eid] = Role.INITIATOR
    if speaker and speaker in by_id and by_id[speaker].kind != "person" and found.speaker_undergoes \
            and roles.get(speaker) != Role.INITIATOR:
        roles[speaker] = Role.TARGET  # "Zimbabwe said its troops were surrounded"
    if near_targets and Role.TARGET not in roles.values():
        eid = min(near_targets)[1]
        if roles[eid] == Role.MENTIONED:  # (affected only when the parse reads a harm)
            roles[eid] = Role.AFFECTED if rules[eid] == Role.AFFECTED and found.affected else Role.TARGET
    for eid, role in participants:  # names the rules saw outside the clause's mentions
        roles.setdefault(eid, role)
    return list(roles.items())


def _last_group(mentions: Sequence[Mention], index: int, by_id: dict[str, Entity], before: int) -> Optional[str]:
    """The armed group named last before `before` (mentions[:index] are before it), not too far back."""
    for m in reversed(mentions[max(0, index - 40):index]):
        if before - m.start > 1500:
            break
        if by_id[m.entity].kind == "armed_group" and not m.modifier:
            return m.entity
    return None


_PARSE_RANK = {Role.MENTIONED: 0, Role.SPOKESPERSON: 1, Role.AFFECTED: 2, Role.TARGET: 3, Role.INITIATOR: 4}


_AT = {"in", "near", "at", "around", "outside", "inside", "into", "across", "on", "of", "to", "towards", "toward"}


def _where(text: str, candidates: list[Mention]) -> Optional[Mention]:
    """The clause's place: one said to be where it happened ("near Deir ez-Zor") before one
    said to be where people came from ("fighters from Tunisia"), else the first."""
    for m in candidates:
        before = text[max(0, m.start - 25):m.start].split()
        words = [w.lower().strip(",;") for w in before[-3:]]
        if words and (words[-1] in _AT or (len(words) > 1 and words[-2] in _AT and words[-1] in L.DIRECTIONS)):
            return m
    return candidates[0] if candidates else None


def _place_text(text: str, place: Mention, clause: Clause) -> str:
    before = text[max(clause.start, place.start - 20):place.start].split()
    if before and before[-1].lower() in L.DIRECTIONS:
        return f"{before[-1]} {place.text}"
    return place.text


def _roles(text: str, clause: Clause, c_mentions: Sequence[Mention], trigger: re.Match,
           by_id: dict[str, Entity], statement: Optional[Statement]) -> list[tuple[str, Role]]:
    trigger_pos = clause.start + trigger.start()
    result: dict[str, Role] = {}
    affect = _AFFECT_RE.search(text, clause.start, clause.end)
    speaker_ends = [m.end for m in c_mentions if statement is not None and statement.speaker_entity == m.entity]
    for m in c_mentions:
        entity = by_id[m.entity]
        if statement is not None and statement.speaker_entity == m.entity:
            role = Role.SPOKESPERSON
        elif m.modifier or any(end <= m.start and _APPOSITION_RE.match(text[end:m.start]) for end in speaker_ends):
            # "Mustafa Bali, head of the SDF media office, told Reuters": who the speaker is, not a party
            role = Role.MENTIONED
        elif re.search(r"\bbetween\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}$", text[max(clause.start, m.start - 40):m.start]):
            role = Role.INITIATOR  # "fighting between the SDF and IS": the first side; the other is the target
        elif re.search(r"\bbetween\s+(?:the\s+)?(?:[\w\-]+\s+){0,5}and\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}$",
                       text[max(clause.start, m.start - 80):m.start]):
            role = Role.TARGET
        elif re.search(r"\bby\s+(?:the\s+)?(?:\w+[\s-]+){0,2}$", text[max(clause.start, m.start - 30):m.start]) \
                and m.start - trigger_pos < 60 and m.start > trigger_pos:
            role = Role.INITIATOR
        elif entity.kind == "person" and affect is not None and (
                m.start > affect.start() or re.search(r"\b(?:is|was|were|are|been|be)\b", text[m.end:affect.start()] or "")):
            role = Role.AFFECTED
        elif m.start < trigger_pos and _PASSIVE_RE.search(text[m.end:trigger_pos]) \
                and not re.search(r"[.;:]", text[m.end:trigger_pos]):
            role = Role.TARGET  # "100 fighters were killed by the army": the subject suffered it
        elif _is_subject(text, m, clause):
            role = Role.INITIATOR
        elif m.start < trigger_pos:
            role = Role.INITIATOR
        else:
            role = Role.TARGET
        previous = result.get(m.entity)
        if previous is None or _RANK[role] > _RANK[previous]:
            result[m.entity] = role
    return list(result.items())


_PASSIVE_RE = re.compile(r"\b(?:was|were|is|are|been|being|be|got|gets|get)\s+(?:\w+ly\s+)?$", re.I)

_APPOSITION_RE = re.compile(r"^\s*,\s*(?:(?:a|an|the)\s+)?(?:[\w\-]+\s+){0,3}(?:of|for|at|with|from)\s+(?:the\s+|a\s+)?$")

_SUBJECT_AFTER_RE = re.compile(
    r"^(?:['’]s\s+)?(?:[a-z\-]+\s+){0,2}?(?:will|would|has|have|had|is|are|was|were|could|can|may|might|must|shall|"
    r"did|does|do|said|says|continued?|began|begins|launched|controlled|controls|seized|took|killed|captured|"
    r"attacked|opened|renewed|claimed|announced|pushed|advanced|retreated|withdrew|fired|shelled|struck)\b")
_NOT_SUBJECT_BEFORE_RE = re.compile(r"\b(?:of|by|on|against|to|from|with|in|at|into|for|between|among|toward|towards|"
                                    r"than|and|near)\s+(?:the\s+|a\s+)?(?:[\w\-]+\s+)?$", re.I)


def _is_subject(text: str, m: Mention, clause: Clause) -> bool:
    """"the SDF will begin", "IS sleeper cells could", "US withdrawal": the actor acts."""
    after = text[m.end:min(clause.end, m.end + 60)]
    before = text[max(clause.start, m.start - 30):m.start]
    if _NOT_SUBJECT_BEFORE_RE.search(before):
        return bool(_TRIGGER_RE.match(after.lstrip())) and not re.search(r"\b(?:against|on|of)\s+\S*\s*$", before)
    if _TRIGGER_RE.match(after.lstrip()):
        return True
    return bool(_SUBJECT_AFTER_RE.match(after.lstrip()))


_RANK = {Role.MENTIONED: 0, Role.TARGET: 1, Role.AFFECTED: 2, Role.INITIATOR: 3, Role.SPOKESPERSON: 4}


def sentence_drafts(text: str, sentences: Sequence[Sentence], body: Sequence[int], mentions: Sequence[Mention],
                    entities: Sequence[Entity], published: Optional[When], headline: str) -> list[EventDraft]:
    """For a report the rules cannot read (not English): each body sentence naming a known
    actor becomes a draft to edit, the first titled by the headline; the actors are only
    "mentioned", the date is the publication's.  With no such sentence, the lead sentence."""
    by_id = {e.id: e for e in entities}
    named: dict[int, list[str]] = {}
    for m in mentions:
        entity = by_id.get(m.entity) if m.entity else None
        if entity is not None and entity.actor and m.sentence in body:
            named.setdefault(m.sentence, [])
            if entity.id not in named[m.sentence]:
                named[m.sentence].append(entity.id)
    chosen = [si for si in body if si in named] or [si for si in body if sentences[si].text.strip()][:1]
    if published is not None:
        when, rule = published, "a sentence the rules cannot read: the day of publication"
    else:
        when, rule = None, "a sentence the rules cannot read, and no publication date: set one"
    drafts: list[EventDraft] = []
    for n, si in enumerate(chosen):
        sentence = sentences[si]
        start = sentence.start + (len(sentence.text) - len(sentence.text.lstrip()))
        end = sentence.start + len(sentence.text.rstrip())
        quote = " ".join(text[start:end].split())
        if not quote:
            continue
        title = _shorten(headline) if n == 0 and headline else _shorten(quote)
        participants = [(eid, Role.MENTIONED) for eid in named.get(si, [])]
        drafts.append(EventDraft(Clause(si, start, end), title, when, rule, None, "", participants, None, quote))
    return drafts
