"""Generic speakers resolved to the actor they stand for.

A report names its speaker once and then calls it by its kind: "the Observatory", "the
group", "the military", "the ministry"; or by the document it issued: "the statement
said", "the AMISOM statement said"; or misspells a name it gave before ("Samarsinghe" for
"Prasad Samarasinghe").  The statement then belongs to that actor, not to a speaker
named "The group".  Rules on the report's own names, with or without the parse:

* "the <noun>" (or "a <...> <noun>") speaking, where an actor named earlier in the report
  has that noun in its name ("Syrian Observatory for Human Rights" for "the
  Observatory", "Sri Lankan military" for "the military") or, for "the group" and "the
  organisation", where the last actor quoted before is such a body: that actor;
* "the statement" / "the <name> statement": the one whose statement the report quoted
  just before, or the actor named in those words;
* "a spokesman for the House": the body named before whose name holds those words;
* one word that is not a name of the report but spells the surname of a person it
  named (one letter or two apart): that person.

A generic speaker no earlier actor fits ("officials", "witnesses", "residents") stays
as the report words it.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from rapidfuzz import fuzz

from .names import Entity, Mention
from .statements import Statement
from .text import fold

__all__ = ["resolve_speakers"]

_HEADS = {"observatory", "group", "ministry", "army", "military", "council", "committee", "coalition", "mission",
          "movement", "government", "police", "agency", "organisation", "organization", "office", "command",
          "forces", "monitor", "front", "party", "brigade", "militia", "navy", "union", "alliance", "court",
          "parliament", "assembly", "department", "authority", "commission", "force", "network", "centre",
          "center", "league", "statement"}
_ANY_BODY = {"group", "organisation", "organization"}  # "the group": the body quoted just before
_KINDS = {"organisation", "armed_group", "state"}
_OFFICE = r"(?:spokes(?:man|woman|person)|commander|head|chief|leader|director|representative)"
_FOR_RE = re.compile(rf"^(?:\w+\s+){{0,2}}{_OFFICE}\s+(?:for|of|at)\s+(.+)$", re.I)
# "the ministry's spokesman", "the army's commander": the body the office speaks for
_OFFICE_AFTER_RE = re.compile(rf"(?:\w+\s+)?(\w+)\s+{_OFFICE}", re.I)  # "a ministry spokesman"
_OFFICE_OF_RE = re.compile(rf"^(.+?)['’]s?\s+(?:\w+\s+)?{_OFFICE}$", re.I)
_LEAD_RE = re.compile(r"^(?:the|a|an|this|that|its|their)\s+", re.I)


def _head(words: str) -> str:
    tokens = [w for w in re.findall(r"[\w'’\-]+", words)]
    return fold(tokens[-1]) if tokens else ""


def resolve_speakers(statements: Sequence[Statement], entities: Sequence[Entity],
                     mentions: Sequence[Mention]) -> None:
    """Give each generic statement the actor it stands for (in place)."""
    by_id = {e.id: e for e in entities}
    first_seen = {}
    for m in mentions:
        if m.entity and m.entity not in first_seen:
            first_seen[m.entity] = m.start
    actors = sorted((e for e in entities if e.actor and e.id in first_seen), key=lambda e: first_seen[e.id])
    persons = [e for e in actors if e.kind == "person"]
    last_body: Optional[Statement] = None
    last_statement_by: Optional[Statement] = None
    last_person: Optional[Statement] = None
    for st in statements:
        if st.speaker_entity is None and st.speaker:
            found = _resolve(st, actors, persons, first_seen, by_id, last_body, last_statement_by)
            if found is None and last_person is not None and st.sentence - last_person.sentence <= 2 \
                    and _THE_OFFICE_RE.fullmatch(" ".join(st.speaker.split())):
                found = by_id.get(last_person.speaker_entity or "")  # "X said ... The official also accused"
            if found is not None:
                st.rule = f"{st.rule}; '{st.speaker}' is {found.name}, named before in the report"
                st.speaker, st.speaker_entity = found.name, found.id
        entity = by_id.get(st.speaker_entity or "")
        if entity is not None and entity.kind in _KINDS:
            last_body = st
        if entity is not None and entity.kind == "person":
            last_person = st
        if st.speaker_entity is not None and ("statement" in (st.channel or "").lower() or "statement" in st.rule):
            last_statement_by = st
    _same_unnamed(statements)


def _same_unnamed(statements: Sequence[Statement]) -> None:
    """"A senior police officer ... told VOA"; then "The officer says": one unnamed speaker, told
    as the report introduced them."""
    introduced: dict[str, str] = {}
    for st in statements:
        if st.speaker_entity is not None or not st.speaker:
            continue
        words = st.speaker.split()
        head = fold(words[-1])
        if len(words) >= 2 and words[0].lower() in ("a", "an", "one"):
            introduced.setdefault(head, st.speaker)
        elif len(words) >= 2 and words[0].lower() in ("the", "this", "that") and head in introduced \
                and not head.endswith("s"):
            st.rule = f"{st.rule}; '{st.speaker}' is {introduced[head]}, introduced before in the report"
            st.speaker = introduced[head]


def _resolve(st: Statement, actors: Sequence[Entity], persons: Sequence[Entity], first_seen: dict,
             by_id: dict, last_body: Optional[Statement], last_statement_by: Optional[Statement]) -> Optional[Entity]:
    words = " ".join(st.speaker.split())
    bare = _LEAD_RE.sub("", words)
    before = [e for e in actors if first_seen[e.id] < st.span[0]]
    # one word: a surname spelt another way
    if " " not in bare and bare[:1].isupper() and fold(bare) not in _HEADS:
        close = [p for p in persons if first_seen[p.id] < st.span[0] and len(p.name.split()) > 1
                 and fuzz.ratio(fold(p.name.split()[-1]), fold(bare)) >= 85]
        if len(close) == 1:
            return close[0]
        return None
    # "a spokesman for the House": the body the spokesman speaks for, named before
    for_m = _FOR_RE.match(bare) or _OFFICE_OF_RE.match(bare)
    if for_m is not None:
        words = fold(_LEAD_RE.sub("", for_m.group(1)))
        last = words.split()[-1] if words else ""
        fits = [e for e in before if e.kind in _KINDS and (
            words in fold(e.name) or last in fold(e.name).split()
            or any(fold(_LEAD_RE.sub("", a)) == words for a in e.aliases_seen))]
        return fits[-1] if fits else None
    holder = _title_holder(bare, persons, first_seen, st.span[0])
    if holder is not None:
        return holder
    head = _head(bare)
    office = _OFFICE_AFTER_RE.fullmatch(bare)
    if head not in _HEADS and office is not None and fold(office.group(1)) in _HEADS:
        head = fold(office.group(1))  # "a ministry spokesman": the ministry speaks
    if head not in _HEADS:
        return None
    if head == "statement":
        named = [e for e in before if fold(e.name) in fold(bare) or any(fold(a) in fold(bare).split()
                                                                         for a in e.aliases_seen if len(a) > 2)]
        if named:
            return named[-1]
        if last_statement_by is not None:
            return by_id.get(last_statement_by.speaker_entity or "")
        return None
    fitting = [e for e in before if e.kind in _KINDS and head in {fold(w) for w in re.findall(r"[\w'’\-]+", e.name)}]
    if fitting:
        # the one quoted last, else the one named last
        if last_body is not None and last_body.speaker_entity in {e.id for e in fitting}:
            return by_id[last_body.speaker_entity]
        return fitting[-1]
    if head in _ANY_BODY and last_body is not None:
        return by_id.get(last_body.speaker_entity or "")
    return None


# "the official", "the minister": the one who spoke just before, when a person did
_THE_OFFICE_RE = re.compile(r"(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:official|minister|general|commander|spokesman|spokeswoman|"
                            r"spokesperson|governor|envoy|diplomat|officer|colonel|major|captain)")
# "the Afghan leader": a head of state or government, or of a body, named before with that title
_LEADER_TITLES = {"president", "prime", "premier", "king", "queen", "emir", "leader", "chairman", "chancellor", "sultan"}
_TITLE_NOUNS = {"leader", "minister", "president", "governor", "commander", "mayor", "ambassador", "secretary", "envoy",
                "premier", "chancellor", "chief", "general", "spokesman", "spokeswoman", "spokesperson"}
_POSSESSOR_RE = re.compile(r"^(?:[A-Z][\w\-]*\s+){0,3}[A-Z][\w\-]*['’]s?\s+")


def _title_holder(bare: str, persons: Sequence[Entity], first_seen: dict, at: int) -> Optional[Entity]:
    """"Somalia's interior minister", "the defense minister": the one person named before with
    that title ("Government Interior Minister Mohamed ..."), when only one fits."""
    words = [fold(w) for w in re.findall(r"[\w\-]+", _POSSESSOR_RE.sub("", bare))]
    if not words or words[-1] not in _TITLE_NOUNS or any(w[:1].isdigit() for w in words):
        return None
    if words[-1] == "leader":
        fits = [p for p in persons if first_seen[p.id] < at and p.title
                and {fold(w) for w in re.findall(r"[\w\-]+", p.title)} & _LEADER_TITLES]
        return fits[0] if len(fits) == 1 else None
    fits = [p for p in persons if first_seen[p.id] < at and p.title
            and set(words) <= {fold(w) for w in re.findall(r"[\w\-]+", p.title)}]
    return fits[0] if len(fits) == 1 else None
