"""The statistical model's names beside the rules' (see `parse`).

Where a sentence was parsed, people and organisations the model recognises and the
rules missed become mentions too ("John Q. Adams III", "the Karam Monitoring Group"),
and a new name the rules guessed from capitals alone is dropped when the model sees
no proper noun in it ("Suspected", "No").  Known names (the workspace's gazetteer)
are never second-guessed.  A nationality or an ethnic or religious group (the
model's NORP) is never made an actor by itself.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Sequence

from . import lexicon as L
from .bodies import nationality
from .mentions import peoples_of
from .name_shapes import is_dateline, signs_off
from .names import WELL_KNOWN_ACTOR_KEYS, Mention
from .parse import token_at
from .text import Sentence, fold

__all__ = ["with_model_names"]

_LEAD_RE = re.compile(r"^(?:the|a|an)\s+", re.I)
_TRAIL_RE = re.compile(r"(?:['’]s|['’])$")
_GENERIC = {"tv", "radio", "news", "press", "media", "television", "state tv", "state media"}  # not a name alone
_GUESSED = ("person", "organisation", "armed_group", "other", "source")


def _kind(name: str, label: str) -> str:
    words = {fold(w) for w in re.findall(r"[\w'’\-]+", name)}
    if label == "PERSON":
        return "person"
    if words & L.ARMED_WORDS:
        return "armed_group"
    if fold(name) in L.NEWS_AGENCIES or re.search(r"\b(?:news|agency|press|television|radio|tv)\b", name, re.I) \
            and not L.UN_NAME_RE.match(name):
        return "source"
    return "organisation"


# the small words inside a person's name: "Seif al-Islam", "Saskia von Meijenfeldt", "Ould Abdallah"
_NAME_PARTICLE_RE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|ul|ud|ibn|bin|abu)-[A-Z][\w'’\-]*|"
                               r"von|van|der|den|da|do|dos|du|di|la|le|ben|ould")


def _plausible(name: str, label: str) -> bool:
    words = name.split()
    if not words or len(name) < 2 or len(words) > 8:
        return False
    if not all(w[:1].isupper() or w.lower() in ("of", "for", "the", "and", "al", "el", "de", "bin", "ibn", "al-")
               or re.fullmatch(r"[A-Z]\.|[IVX]+|Jr\.?|Sr\.?", w)
               or label == "PERSON" and _NAME_PARTICLE_RE.fullmatch(w) for w in words):
        return False
    if all(fold(w) in L.COMMON_CAPS for w in words) or name in L.ALLCAPS_NOT_NAMES:
        return False  # ("UTC", "GMT": a clock's zone)
    if label == "PERSON":
        return len(words) >= 2  # a lone surname points back to a full name the rules or model found
    return len(words) >= 2 or bool(re.fullmatch(r"[A-Z]{2,6}", name))


# words that are no first name: a title ("Secretary-General"), a people, a state, a body
_NOT_FIRST_NAMES = (L.TITLES | L.PERSON_NOUNS | L.COMMON_CAPS | L.DEMONYMS | L.COUNTRIES | L.ORG_WORDS | L.ARMED_WORDS
                    | {"general", "deputy", "acting", "chief", "former", "late"})
_ARMED_CUE_RE = re.compile(r"\s+(?:" + "|".join(sorted(L.ARMED_CUES - {"group", "members", "commanders", "cells"})) + r")\b")


def _armed_members(text: str, start: int, end: int, si: int, overlapping, added: list[Mention]) -> None:
    """"Kurdish militants": an armed group whose members are Kurdish, never "the Kurds"."""
    cue = _ARMED_CUE_RE.match(text, end)
    if cue is None or overlapping(start, cue.end()):
        return
    name = text[start:cue.end()]
    # "Kurdish rebels" and then "Kurdish fighters": one armed group, named as first told
    norp = fold(text[start:end])
    earlier = next((m for m in added if m.kind == "armed_group" and fold(m.name.split()[0]) == norp
                    and len(m.name.split()) == 2), None)
    added.append(Mention(start, cue.end(), name, kind="armed_group", name=earlier.name if earlier else name,
                         sentence=si))


def _correct(found: list[Mention], start: int, end: int, name: str, label: str, text: str,
             dropped: set[int]) -> None:
    """New names the rules cut badly, put right by the model: "Secretary of State John Q"
    and "Adams" are "John Q. Adams III" (title "Secretary of State"); "Fighters of the
    Northern Shield Brigade" is "Northern Shield Brigade".  Known names stay."""
    if not found or any(m.known is not None or m.kind not in _GUESSED or m.reference for m in found):
        return
    m = found[0]
    if label == "PERSON" and m.start <= start and end < m.end \
            and re.fullmatch(r"(?:\s+[A-Z][\w'’\-]*){1,2}", text[end:m.end]):
        # the model stopped short of a surname the rules read ("Mohamed Hussein" + "Isaak")
        end, name = m.end, text[start:m.end]
    if label == "PERSON" and all(x.kind in ("person", "other") for x in found):
        lead = text[m.start:start]
        if m.title and m.start < start and lead.strip().startswith(m.title):
            m.title = lead.strip()  # "Secretary of State"
            m.end, m.text, m.name = end, text[m.start:end], name
        elif m.start < start and re.fullmatch(r"(?:[A-Z][\w'’\-]*\s+){1,2}", lead) and not any(
                part in _NOT_FIRST_NAMES for w in lead.split() for part in fold(w).rstrip(".").split("-")):
            # the model dropped a first name the rules read ("Abdurahman" + "Omar Osman")
            m.end = end
            m.text = m.name = text[m.start:end]
        else:
            m.start, m.end, m.text, m.name = start, end, name, name
        m.kind = "person"
        dropped.update(id(x) for x in found[1:])
    elif label == "PERSON" and len(found) == 1 and m.start < start and end == m.end \
            and m.kind in ("organisation", "other") and _ends_with_title(text[m.start:start]):
        # "United Nations Secretary-General Antonio Guterres": a person, with the body in the title
        m.title = " ".join(text[m.start:start].split())
        m.start, m.text, m.name, m.kind = start, name, name, "person"
    elif len(found) == 1 and m.start < start and end == m.end and not {
            fold(w) for w in re.findall(r"[\w'’\-]+", text[m.start:start])} & (L.ORG_WORDS | L.ARMED_WORDS):
        # "Fighters of the" + "Northern Shield Brigade"; never "Movement for the" + "National Liberation ..."
        m.start, m.text, m.name = start, name, name
    elif label == "ORG" and m.start == start and end > m.end and m.kind != "person" \
            and all(x.kind in ("place", "state") for x in found[1:]) \
            and re.fullmatch(r"\s+(?:in|of|for)\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*", text[m.end:end]):
        # "African Union Mission" + "in Somalia": the model reads the whole name
        m.end, m.text, m.name = end, name, name
        dropped.update(id(x) for x in found[1:])


# "the town of", "residents of", "the outskirts of": the name after is a place, whatever the model says
_PLACE_OF_RE = re.compile(r"\b(?:" + "|".join(sorted(L.PLACE_NOUNS | {"capital", "resident", "residents", "people",
                                                                     "streets", "centre", "center", "heart", "part",
                                                                     "parts", "districts", "quarter", "county",
                                                                     "state", "island", "municipality"}))
                          + r")\s+of\s+$", re.I)


def _place_glued_to_person(found: list[Mention], start: int, end: int, name: str, text: str) -> bool:
    """A city or state the rules read as one name with the person after it, a comma lost or never
    written ("the office in Mogadishu Ali Yasin Gedi said"), where the parse reads the person."""
    if len(found) != 1 or len(name.split()) < 2:
        return False
    m = found[0]
    lead = fold(text[m.start:start].strip())
    return m.kind == "place" and m.known is None and not m.reference and m.start < start and m.end == end \
        and (lead in L.CAPITALS or lead in L.COUNTRIES)


_PERSON_OF_BODY_RE = re.compile(r"\s+of\s+(?:the\s+)?(?=[A-Z])")


def _person_read_as_place(found: list[Mention], start: int, end: int, text: str) -> bool:
    """A new name of two words or more the rules took for a place only because a preposition other than
    one of place stands before it ("the head of Luis Zuniga", "went to Saskia von Meijenfeldt", "the death
    of X Y"), which the model reads as a person: a person.  Never after "in", "at", "near" ..., after a
    place noun ("the town of", "residents of"), nor a state or capital the lexicon knows."""
    if len(found) != 1:
        return False
    m = found[0]
    if m.kind != "place" or m.known is not None or m.reference or (m.start, m.end) != (start, end):
        return False
    name = text[start:end]
    if len(name.split()) < 2 or fold(name) in L.COUNTRIES or fold(name) in L.CAPITALS \
            or {fold(w) for w in name.split()} & (L.PLACE_NOUNS | L.ORG_WORDS | L.ARMED_WORDS):
        return False
    before = text[max(0, start - 40):start]
    return bool(re.search(r"\b(?:of|to|for|with|by|against)\s+$", before)) and not _PLACE_OF_RE.search(before)


def _ends_with_title(lead: str) -> bool:
    words = lead.split()
    return bool(words) and any(part.rstrip(".") in L.TITLES or part in _OFFICE_TITLES for part in fold(words[-1]).split("-"))


_OFFICE_TITLES = {"chief", "chairman", "chairwoman", "chairperson", "director", "coordinator", "representative",
                  "commissioner", "head"}


def with_model_names(text: str, sentences: Sequence[Sentence], parsed: dict, mentions: list[Mention]) -> list[Mention]:
    from .parse import names

    spans = sorted((m.start, m.end) for m in mentions)
    starts = [a for a, _ in spans]

    def overlaps(a: int, b: int) -> bool:
        i = bisect_left(starts, a)
        for j in (i - 1, i):
            if 0 <= j < len(spans) and spans[j][0] < b and a < spans[j][1]:
                return True
        return i < len(spans) and spans[i][0] < b

    by_start = sorted(mentions, key=lambda m: m.start)
    m_starts = [m.start for m in by_start]

    def overlapping(a: int, b: int) -> list[Mention]:
        i = max(0, bisect_left(m_starts, a) - 3)
        out = []
        while i < len(by_start) and by_start[i].start < b:
            if by_start[i].end > a:
                out.append(by_start[i])
            i += 1
        return out

    added: list[Mention] = []
    dropped: set[int] = set()
    lost_apostrophes = not re.search(r"\w['’]s\b", text)
    peoples = peoples_of(text)

    def a_people(name: str) -> bool:  # "Ethnic Hutu" (read as a person by the model): a people
        words = [fold(w) for w in name.split()]
        if words and words[0] in ("ethnic", "minority", "majority", "tribal", "indigenous"):
            return True
        return bool(words) and all(w in peoples or w in L.DEMONYMS or nationality(w) for w in words)
    for si, doc in parsed.items():
        s0 = sentences[si].start
        for a, b, name, label in names(doc):
            if label == "NORP":
                _armed_members(text, s0 + a, s0 + b, si, overlapping, added)
                continue
            if label not in ("PERSON", "ORG"):
                continue
            lead = _LEAD_RE.match(name)
            if lead:
                a, name = a + lead.end(), name[lead.end():]
            trail = _TRAIL_RE.search(name)
            if trail:
                b, name = b - len(trail.group()), name[:trail.start()]
            name = name.strip()
            if lost_apostrophes and label == "PERSON" and name.endswith("s"):
                last = token_at(doc, a + len(name) - 1)
                if last is not None and last.dep_ in ("poss", "compound") and last.head.tag_ in ("NN", "NNS"):
                    name = name[:-1]  # "Bashar al Assads forces": a possessive that lost its apostrophe
            start, end = s0 + a, s0 + a + len(name)
            if not _plausible(name, label) or text[start:end] != name or a_people(name) \
                    or is_dateline(text, start, end) or signs_off(text, start, end):
                continue
            if overlaps(start, end):
                found = overlapping(start, end)
                if label == "PERSON" and _person_read_as_place(found, start, end, text):
                    found[0].kind, found[0].name = "person", name
                    continue
                if label == "PERSON" and _place_glued_to_person(found, start, end, name, text):
                    m = found[0]  # "in Mogadishu Ali Yasin Gedi said": the city, then the person
                    m.end = m.start + len(text[m.start:start].rstrip())
                    m.text = m.name = text[m.start:m.end]
                    added.append(Mention(start, end, name, kind="person", name=name, sentence=si))
                    continue
                of_body = _PERSON_OF_BODY_RE.match(text, end) if label == "PERSON" and len(found) == 1 else None
                if of_body is not None and found[0].start == start and of_body.end() <= found[0].end \
                        and found[0].known is None and found[0].kind in ("organisation", "other") \
                        and not found[0].reference and len(name.split()) >= 2:
                    # "Christiane Berthiaume of the World Food Program says": the person, and the body she is of
                    m = found[0]
                    m.start, m.text = of_body.end(), text[of_body.end():m.end]
                    m.name = m.text
                    added.append(Mention(start, end, name, kind="person", name=name, sentence=si))
                    continue
                _correct(found, start, end, name, label, text, dropped)
                continue
            added.append(Mention(start, end, name, kind=_kind(name, label), name=name, sentence=si))
    kept = []
    # "Amiin and other eyewitnesses tell VOA": the surname of a person the report named in full is a name
    surnames = {m.key.split()[-1] for m in mentions + added if m.kind == "person" and len(m.key.split()) > 1}
    for m in mentions:
        if id(m) in dropped or (m.known is None and fold(m.text) in _GENERIC):
            continue
        doc = parsed.get(m.sentence)
        if doc is not None and m.known is None and m.kind in ("other", "organisation", "person", "armed_group") and not m.reference \
                and m.key not in WELL_KNOWN_ACTOR_KEYS and m.key not in surnames \
                and not re.fullmatch(r"[A-Z]{2,6}", m.text) and len(m.text.split()) == 1:
            s0 = sentences[m.sentence].start
            tokens = [t for t in doc if s0 + t.idx < m.end and m.start < s0 + t.idx + len(t)]
            if tokens and not any(t.pos_ == "PROPN" or t.ent_type_ for t in tokens):
                continue  # a capitalised word the model reads as no name at all
        kept.append(m)
    merged = kept + added
    merged.sort(key=lambda m: m.start)
    _acting_states(text, sentences, parsed, merged)
    return merged


# participles whose "by" names where something lies, not who acts: "surrounded by Syria"
_LYING_VERBS = {"surround", "border", "flank", "separate", "divide", "encircle", "ring", "cross", "bound", "populate",
                "inhabit", "dominate", "cut", "wash", "face", "overlook", "link", "connect", "shadow", "hem"}
_AGENT_NOUNS = ("offensive", "attack", "operation", "campaign", "strike", "airstrike", "raid", "invasion", "bombing",
                "intervention", "assault", "shelling", "blockade", "sanction", "incursion", "crackdown", "push")


# nouns of a state's deeds beside _AGENT_NOUNS' acts of force: "Egypt's decision", "mediation by Qatar"
_DEED_NOUNS = ("mediation", "takeover", "decision", "occupation", "annexation", "recognition", "withdrawal", "demand",
               "proposal", "offer", "refusal")


def _acting_states(text: str, sentences: Sequence[Sentence], parsed: dict, mentions: list[Mention]) -> None:
    """A state the parse shows acting is an actor, not a place: the subject of a verb ("The
    United States and its allies have demanded"), or the agent of an action ("an offensive by
    Nigeria, Niger and Chad")."""
    for m in mentions:
        if m.known is not None or m.kind not in ("place", "other", "") or fold(m.text) not in L.COUNTRIES:
            continue
        doc = parsed.get(m.sentence)
        if doc is None:
            continue
        s0 = sentences[m.sentence].start
        heads = [t for t in doc if s0 + t.idx < m.end and m.start < s0 + t.idx + len(t) and t.head.i != t.i
                 and not (s0 + t.idx <= t.head.idx + s0 < m.end)]
        if not heads:
            continue
        t = heads[0]
        while t.dep_ == "conj" and t.head.i != t.i:  # "Nigeria, Niger, Chad and Cameroon"
            t = t.head
        acting = t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX") and t.dep_ != "nsubjpass"
        if t.dep_ == "pobj" and t.head.lower_ == "by" and t.head.head.lemma_.lower().startswith(_AGENT_NOUNS):
            acting = True
        if t.dep_ == "pobj" and t.head.dep_ == "agent" and t.head.head.lemma_.lower() not in _LYING_VERBS:
            acting = True  # "an intervention led by Saudi Arabia", "a deal brokered by Qatar"
        if t.dep_ == "poss" and t.head.lemma_.lower().startswith(_AGENT_NOUNS + _DEED_NOUNS):
            acting = True  # "Italy's takeover", "Egypt's decision": the state's own deed
        if t.dep_ == "pobj" and t.head.lower_ == "by" and t.head.head.lemma_.lower().startswith(_DEED_NOUNS):
            acting = True  # "after mediation by Qatar and Egypt"
        if t.dep_ == "pobj" and t.head.lower_ in ("against", "at", "on") \
                and t.head.head.lemma_.lower().startswith(_AGENT_NOUNS + ("fire", "launch", "shoot", "war")):
            acting = True  # "a bombing campaign against Yugoslavia", "firing rockets at Israel": the party hit
        if acting:
            m.kind = "state"
