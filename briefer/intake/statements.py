"""Attributed statements: who said it, through whom, and what.

"X said", "told Reuters", "according to Y", "a report from Z claimed": a claim in a
report is only as good as the one who made it, so each becomes a citation proposal
naming the speaker, the source that carried it and the quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Optional, Sequence

from . import lexicon as L
from .entities import Entity, Mention
from .text import Sentence, fold

__all__ = ["Statement", "find_statements"]


@dataclass
class Statement:
    sentence: int
    speaker: str  # name as proposed (entity name) or the words the report uses
    speaker_entity: Optional[str]  # entity id
    source: str  # who carried it: "Reuters", the speaker's own report, or "" for the report itself
    source_entity: Optional[str]
    quote: str
    quote_span: tuple[int, int]
    span: tuple[int, int]  # the whole supporting text
    verb: str
    rule: str
    direct: bool = False  # a quotation in quote marks
    channel: str = ""  # how it was said: "AFP" (told AFP), "Telegram" (in a statement on Telegram)
    denial: bool = False  # the speaker denies what the quote says
    co_speakers: tuple[str, ...] = ()  # "X and Y both told VOA": Y's entity id (and any more), saying the same
    also: list = field(default_factory=list)  # other speakers of the same sentence ("X says ..., but Y told ...")


# the rules' speech verbs: the lexicon's, and what only a statement's rules read as speech ("called on
# both sides to ...", "described" in an interview the sentence opens with)
_STATEMENT_VERBS = L.SPEECH_VERBS | {"called on", "calls on", "called for", "calls for", "described"}
_VERB_RE = re.compile(r"\b(" + "|".join(sorted(_STATEMENT_VERBS, key=len, reverse=True)) + r")\b")
_QUOTE_RE = re.compile(r"[\"“]([^\"“”]{2,})[\"”]")
_REPORT_RE = re.compile(
    r"\b(?:a|the|an|in a|in its)?\s*(?:new\s+)?(?:report|statement|study|survey|tally|count|video|investigation|claim)s?\s+"
    r"(?:from|by|of|issued by|published by|released by)\s+(?:the\s+)?", re.I)
_ACCORDING_RE = re.compile(r"\baccording to\s+(?:the\s+|a\s+)?", re.I)
_TOLD_RE = re.compile(r"\btold\s+(?:the\s+)?")
_THAT_RE = re.compile(r"^\s*(?:,\s*)?(?:(?:on|this|last|late|early|in)\s+\w+(?:\s+\w+)?\s+)?(?:that\s+)?", re.I)


# "said in a statement", "told reporters by phone", "said at a news conference", "wrote on Twitter"
_MEDIUM_RE = re.compile(r"[^.;\"“]*?\b((?:in|by|at|on)\s+(?:a|an|the|its|his|her|their)?\s*(?:[a-z\-]+\s+)?"
                        r"(?:statement|phone|telephone|news conference|press conference|briefing|interview|"
                        r"Twitter|Telegram|Facebook|X|radio|television|TV|website))\b")
_NOUN_LIKE = {"reports", "claims", "states", "says", "quoted", "citing"}
_NOT_SPEAKERS = {"this", "that", "these", "those", "there", "it", "which", "what", "such"}


_AT_BODY_RE = re.compile(r"\s+(?:at|from)\s+(?:both\s+)?(?:the\s+)?")
_AND_RE = re.compile(r"(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)?(?:the\s+)?")


def _bodies_of_officials(text: str, s0: int, att, head_word, ments: Sequence[Mention],
                         by_id: dict[str, Entity]) -> list[Mention]:
    """"officials at both the White House and State Department": the bodies whose unnamed people
    speak, named right after them and up to the verb; none when anything else stands between."""
    if fold(head_word.group()) not in _UNNAMED_MEMBERS:
        return []
    at = _AT_BODY_RE.match(text, s0 + att.head + head_word.end())
    if at is None:
        return []
    pos, verb_at, found = at.end(), s0 + att.verb_offset, []
    for m in sorted(ments, key=lambda x: x.start):
        if m.start < pos:
            continue
        e = by_id.get(m.entity)
        if m.start >= verb_at or e is None or e.kind not in ("organisation", "state", "armed_group") \
                or not _AND_RE.fullmatch(text, pos, m.start):
            break
        found.append(m)
        pos = m.end
    return found if found and re.fullmatch(r"[\s,]*", text[pos:verb_at]) else []


def _speaker_name(entity: Entity, m: Mention) -> str:
    """Who speaks, as the proposal names them: the actor's name, except for a state grouped with
    its body, where each speaks under its own name ("Saudi Arabia says" of the actor "Saudi
    military", "The Nigerian army said" of the actor Nigeria)."""
    if (m.body or m.kind == "state") and any(o.body for o in entity.mentions) \
            and any(o.kind == "state" and not o.body for o in entity.mentions):
        return " ".join((m.name or m.text).split())
    return entity.name


def _clean_quote(text: str) -> str:
    text = text.strip().strip(",;: ").strip()
    return text


def find_statements(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention],
                    entities: Sequence[Entity], outlet: str, parsed: Optional[dict] = None) -> list[Statement]:
    """One statement at most per sentence; where the sentence was parsed, the parse says
    who speaks (the rules answer where it finds none, and for sentences not parsed)."""
    by_id = {e.id: e for e in entities}
    parsed = parsed or {}
    last_person: Optional[Mention] = None
    statements: list[Statement] = []
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.entity:
            by_sentence.setdefault(m.sentence, []).append(m)
    last_direct: Optional[Statement] = None
    for si, sentence in enumerate(sentences):
        ments = by_sentence.get(si, [])
        # "He said ..." right after a person spoke: still that person (not one named in passing)
        prev = statements[-1] if statements else None
        near = prev is not None and prev.sentence >= si - 3 and \
            sentence.paragraph - sentences[prev.sentence].paragraph <= 1
        speaking = by_id.get(prev.speaker_entity or "") if near else None
        if speaking is not None and speaking.kind != "person":
            speaking = None
        found = _from_parse(text, si, sentence, parsed[si], ments, by_id, outlet, last_person,
                            speaking) if si in parsed else None
        generic = found is not None and found.speaker_entity is None and bool(found.speaker.split()) \
            and fold(found.speaker.split()[-1]) in L.SPEAKER_NOUNS  # "Rebels fighting to oust X": rebels
        if (found is None or found.speaker_entity is None) and not generic:
            # the rules' speaker when the parse names no one it can tie to a name of the report
            by_rule = _attribute(text, si, sentence, ments, by_id, outlet)
            if by_rule is not None and (found is None or by_rule.speaker_entity is not None):
                found = by_rule
        persons = [m for m in ments if by_id.get(m.entity) is not None and by_id[m.entity].kind == "person"]
        if persons:
            last_person = persons[-1]
        if found is not None:
            statements.append(found)
            for co in found.co_speakers:
                if by_id.get(co) is not None:
                    statements.append(replace(found, speaker=by_id[co].name, speaker_entity=co, co_speakers=(), also=[],
                                              rule=f"{found.rule}; said with {found.speaker}"))
            statements.extend(replace(more, also=[]) for more in found.also)
            if found.direct:
                last_direct = found
            continue
        # A paragraph of quotation with no speaker continues the last person quoted.
        if last_direct is not None and _opens_quotation(sentence.text) and sentence.paragraph - sentences[last_direct.sentence].paragraph <= 2:
            quote = sentence.text.strip().strip("\"“”").strip()
            q_start = text.index(quote, sentence.start) if quote else sentence.start
            statements.append(Statement(
                si, last_direct.speaker, last_direct.speaker_entity, last_direct.source, last_direct.source_entity,
                quote, (q_start, q_start + len(quote)), sentence.span, "",
                f"a quotation with no speaker right after {last_direct.speaker}'s: taken as still them speaking",
                direct=True))
        elif last_direct is not None and _inside_quotation(sentences, si):
            quote = sentence.text.strip().strip("\"“”").strip()
            q_start = text.index(quote, sentence.start) if quote else sentence.start
            statements.append(Statement(
                si, last_direct.speaker, last_direct.speaker_entity, last_direct.source, last_direct.source_entity,
                quote, (q_start, q_start + len(quote)), sentence.span, "",
                f"the quotation goes on: still {last_direct.speaker} speaking", direct=True))
    # the report's own outlet ("V-O-A's correspondent reports", "VOA reported") is the report itself;
    # "the reports say" names a document, and no one who wrote it
    own = _forms(outlet) if outlet else set()
    return [st for st in statements if not _own_outlet(st.speaker, own)
            and not (st.speaker_entity is None and fold(st.speaker.split()[-1]) in _DOCUMENTS)]


_UNNAMED_MEMBERS = {"officials", "commanders", "sources", "diplomats", "officers", "spokesmen", "members", "leaders"}
_DOCUMENTS = {"report", "reports", "figures", "footage", "accounts", "images", "photos", "pictures", "data",
              "documents", "records", "videos", "reporting"}


def _forms(name: str) -> set[str]:
    words = re.findall(r"[a-z0-9]+", fold(name.replace("-", "")))
    if not words:
        return set()
    joined = "".join(words)
    out = {joined, "".join(w[0] for w in words if w not in ("of", "the", "for", "and")), "".join(w[0] for w in words)}
    if len(words) > 1 and words[-1] in ("news", "online", "service"):
        out.add("".join(words[:-1]))
    return {f for f in out if len(f) >= 2}


def _own_outlet(speaker: str, outlet_forms: set[str]) -> bool:
    """Whether the speaker is the report's own outlet (`outlet_forms`: its `_forms`)."""
    if not (speaker and outlet_forms):
        return False
    # ("VOA correspondent reported": the outlet's own staff are the report itself)
    bare = re.sub(r"^(?:the|a|an)\s+|['’]?s?\s+(?:correspondents?|reporters?|journalists?)$", "", speaker, flags=re.I)
    return bool(_forms(bare) & outlet_forms)


def _opens_quotation(sentence: str) -> bool:
    return sentence.lstrip().startswith(('"', "“"))


def _inside_quotation(sentences: Sequence[Sentence], si: int) -> bool:
    """A sentence in the middle of a quoted paragraph: the paragraph opened a quotation
    that has not been closed yet."""
    sentence = sentences[si]
    first = si
    while first > 0 and sentences[first - 1].paragraph == sentence.paragraph and si - first < 50:
        first -= 1  # (back to the paragraph's start, not over the whole report: linear time)
    before = list(sentences[first:si])
    if not before or not _opens_quotation(before[0].text):
        return False
    joined = " ".join(s.text for s in before)
    return (joined.count('"') + joined.count("“") + joined.count("”")) % 2 == 1


def _entity_after(ments: Sequence[Mention], pos: int, limit: int = 6) -> Optional[Mention]:
    for m in ments:
        if pos <= m.start <= pos + limit:
            return m
    return None


def _attribute(text: str, si: int, sentence: Sentence, ments: Sequence[Mention], by_id: dict[str, Entity],
               outlet: str) -> Optional[Statement]:
    s_text = sentence.text
    quotes = [(sentence.start + m.start(1), sentence.start + m.end(1)) for m in _QUOTE_RE.finditer(s_text)]

    def name_of(m: Optional[Mention]) -> tuple[str, Optional[str]]:
        if m is None:
            return "", None
        e = by_id.get(m.entity)
        return (_speaker_name(e, m) if e else m.text), (e.id if e else None)

    def in_quote(pos: int) -> bool:
        return any(a <= pos < b for a, b in quotes)

    # "a report from Z (this week) claimed ..."
    for rm in _REPORT_RE.finditer(s_text):
        who = _entity_after(ments, sentence.start + rm.end())
        if who is None or in_quote(sentence.start + rm.start()):
            continue
        verb = _VERB_RE.search(s_text, who.end - sentence.start)
        if verb is None:
            continue
        name, eid = name_of(who)
        q_start = sentence.start + verb.end()
        quote = _after_verb(text, q_start, sentence.end)
        return Statement(si, name, eid, name, eid, quote[0], quote[1], sentence.span, verb.group(),
                         f"'{rm.group().strip()} {who.text} … {verb.group()}': {name} made the claim in its own report")
    # "according to Y"
    am = _ACCORDING_RE.search(s_text)
    if am and not in_quote(sentence.start + am.start()):
        who = _entity_after(ments, sentence.start + am.end())
        if who is not None:
            name, eid = name_of(who)
            e = by_id.get(eid or "")
            src_name, src_id = (name, eid) if e is not None and e.source else (outlet, None)
            rest = (s_text[:am.start()] + " " + s_text[who.end - sentence.start:]).strip(" ,.")
            rest_start = sentence.start if am.start() > 3 else who.end
            quote = _clean_quote(rest)
            return Statement(si, name, eid, src_name, src_id, quote, (rest_start, rest_start + len(s_text)),
                             sentence.span, "according to", f"'according to {who.text}'")
    # "X told Reuters", "X said"
    for vm in _VERB_RE.finditer(s_text):
        v_start = sentence.start + vm.start()
        if in_quote(v_start):
            continue
        verb = vm.group()
        if verb == "described" and not opening_medium(s_text):
            continue  # "described" speaks in an interview or a speech the sentence opens with, not by itself
        if (verb in ("say", "said", "says", "tell", "told") and _NOT_SAID_RE.search(s_text, 0, vm.start())) \
                or (verb in ("said", "says") and _SAID_TO_RE.match(s_text, vm.end())) \
                or (_PASSIVE_BEFORE_RE.search(s_text, 0, vm.start())
                    and (verb.endswith("ed") or verb in ("said", "told"))):
            continue  # "did not say why", "declined to say"; "two people are said to have died": no one speaks
        source_m = None
        if verb == "told":
            after = _entity_after(ments, sentence.start + vm.end(), 5)
            if after is not None:
                e = by_id.get(after.entity)
                if e is not None and (e.source or e.kind in ("organisation", "source")):
                    source_m = after
        speaker_m, phrase = _subject(text, sentence, ments, v_start, quotes, by_id)
        if speaker_m is None and not phrase:
            continue
        if speaker_m is None and (verb in _NOUN_LIKE or phrase.split()[0].lower() in _NOT_SPEAKERS):
            continue  # "This follows reports that ...": a noun, not someone speaking
        name, eid = name_of(speaker_m) if speaker_m else (phrase, None)
        if source_m is not None:
            src_name, src_id = name_of(source_m)
            how = f"'{verb} {source_m.text}': {src_name} carried it"
        else:
            e = by_id.get(eid or "")
            if verb in ("reported", "reports") and e is not None and e.source:
                src_name, src_id = name, eid
            else:
                src_name, src_id = outlet, None
            how = f"'{(speaker_m.text if speaker_m else phrase)} {verb}'"
        # the quote: a quotation in the sentence, else the reported clause
        outside = [q for q in quotes if not (q[0] <= v_start < q[1])]
        tail_words = len(text[sentence.start + vm.end():sentence.end].split())
        if outside and tail_words > 3 and all(len(text[a:b].split()) < 5 for a, b in outside):
            outside = []  # a few quoted words inside reported speech ("100 percent")
        if outside:
            q0, q1 = outside[0][0], outside[-1][1]
            quote = (text[q0:q1].strip("\"“” "), (q0, q1))
            direct = True
        else:
            direct = False
            tail_end = sentence.start + vm.end()
            subject_start = speaker_m.start if speaker_m else v_start - len(phrase) - 1
            if text[tail_end:sentence.end].strip(" .,;") and len(text[tail_end:sentence.end].split()) > 3:
                skip = source_m.end if source_m is not None else tail_end
                quote = _after_verb(text, skip, sentence.end)
            else:
                q_end = subject_start
                q_text = text[sentence.start:q_end].rstrip(" ,")
                quote = (_clean_quote(q_text), (sentence.start, sentence.start + len(q_text)))
        if not quote[0]:
            continue
        channel = src_name if source_m is not None else ""  # "told Reuters": the one told is the channel
        if not channel:
            medium = _MEDIUM_RE.match(text, sentence.start + vm.end(), min(sentence.end, sentence.start + vm.end() + 40))
            channel = medium.group(1) if medium else opening_medium(s_text)
        return Statement(si, name, eid, src_name, src_id, quote[0], quote[1], sentence.span, verb, how, direct,
                         channel)
    return None


_SAY_FIRST = {"according to": 0, "said": 1, "says": 1, "told": 1, "tells": 1, "say": 1}


def _from_parse(text: str, si: int, sentence: Sentence, doc, ments: Sequence[Mention], by_id: dict[str, Entity],
                outlet: str, last_person: Optional[Mention], speaking: Optional[Entity] = None) -> Optional[Statement]:
    """The statement of a parsed sentence: the subject of its speech verb speaks, before
    or after the verb ("X said", "said X"), or the object of "according to"; the one
    told ("told AFP") or the medium ("in a statement on Telegram") is the channel; "A
    called B a liar and said ..." gives the words to A."""
    from .parse import attributions

    found = attributions(doc)
    if not found:
        return None
    # "said"/"according to" before "called"/"accused"; then the first in the sentence
    att = min(found, key=lambda a: (_SAY_FIRST.get(a.verb.lower(), 2), a.verb_offset))
    first = _statement_of(text, si, sentence, att, ments, by_id, outlet, last_person, speaking)
    if first is not None and not first.channel:
        first.channel = opening_medium(sentence.text)  # "In a televised speech, Saleh asked ..."
    if first is not None and first.speaker_entity is not None and not first.channel:
        # "Trump spoke by phone to Haftar and commended him on what he said was ...": the medium
        # of one of the speaker's verbs in the sentence is the medium of what they said
        for other in found:
            if other is not att and other.channel:
                more = _statement_of(text, si, sentence, other, ments, by_id, outlet, last_person, speaking)
                if more is not None and more.speaker_entity == first.speaker_entity:
                    first.channel = more.channel
                    break
    if first is not None and first.speaker_entity is not None:
        # "X says ..., but Y told VOA that ...": a second speaker of the same sentence, by name
        for other in sorted(found, key=lambda a: a.verb_offset):
            if other is att or _SAY_FIRST.get(other.verb.lower(), 2) > 1:
                continue
            more = _statement_of(text, si, sentence, other, ments, by_id, outlet, None, None)
            if more is None or more.speaker_entity is None or more.speaker_entity == first.speaker_entity \
                    or more.speaker_entity in first.co_speakers:
                continue
            first.also.append(more)
    return first


def _statement_of(text: str, si: int, sentence: Sentence, att, ments: Sequence[Mention], by_id: dict[str, Entity],
                  outlet: str, last_person: Optional[Mention], speaking: Optional[Entity]) -> Optional[Statement]:
    """The statement one attribution of the parse gives."""
    s0 = sentence.start
    a0, a1 = s0 + att.speaker[0], s0 + att.speaker[1]
    # a name the subject opens ("The African Union Mission" of "... Mission in Somalia") is inside it
    inside = [m for m in ments if a0 <= m.start < a1 and by_id.get(m.entity) is not None]
    persons = [m for m in inside if by_id[m.entity].kind == "person"]
    # the name at the subject's head speaks: "Milosevic's government called", not Milosevic
    at_head = [m for m in inside if att.head >= 0 and m.start <= s0 + att.head < m.end]
    head_word = re.match(r"[\w'’\-]+", text[s0 + att.head:]) if att.head >= 0 else None
    common_head = head_word is not None and (not head_word.group()[0].isupper()
                                             or fold(head_word.group()) in L.SPEAKER_NOUNS)
    named_after = None
    if not at_head and common_head and a0 <= s0 + att.head < a1:
        # "The U.N. representative to Somalia, Nicholas Kay, condemned": the person the apposition names
        named_after = next((m for m in ments if m.start > s0 + att.head and by_id.get(m.entity) is not None
                            and by_id[m.entity].kind == "person" and m.start < s0 + att.verb_offset
                            and re.fullmatch(r"(?:\s+(?:to|for|in|of|at)\s+[^,]{1,40})?\s*,\s*",
                                             text[s0 + att.head + head_word.end():m.start])
                            and re.match(r"\s*,", text[m.end:])), None)
    if named_after is not None:
        inside, persons = [named_after], [named_after]
    elif not at_head and common_head and a0 <= s0 + att.head < a1 \
            and not re.match(r"\s+(?:for|of)\b", text[s0 + att.head + head_word.end():]):
        # "Rebels fighting to oust President X are claiming": a common noun speaks, not the name
        # after it; only names before it ("Army spokesman ...") still may
        inside = [m for m in inside if m.end <= s0 + att.head]
        persons = [m for m in inside if by_id[m.entity].kind == "person"]
    if common_head and not at_head and named_after is None and fold(head_word.group()) in _UNNAMED_MEMBERS \
            and a0 <= s0 + att.head < a1 and not any(m.body for m in inside):
        # "NATO officials say", "many Peshmerga commanders said": some of its people, unnamed, not the body
        # (a state's body has no people of its own to name: "Burundian military officials" speak for it)
        inside, persons = [], []
    officials_at = _bodies_of_officials(text, s0, att, head_word, ments, by_id) \
        if common_head and not at_head and head_word is not None and a0 <= s0 + att.head < a1 else []
    if officials_at:  # "officials at both the White House and State Department said": those bodies speak
        inside, persons = officials_at[:1], []
    # "A Reuters reporter said": the reporter speaks (unnamed), not the agency that employs them
    inside = [m for m in inside if not _outlet_staff(text, m, by_id)]
    persons = [m for m in persons if m in inside]
    speaker_m = (at_head or persons or [m for m in inside if not m.modifier] or [None])[-1] if inside else None
    co: tuple[str, ...] = ()
    if speaker_m is not None:
        entity = by_id[speaker_m.entity]
        name, eid = _speaker_name(entity, speaker_m), entity.id
        if entity.kind == "person":
            # "Spokesman X and official Y both told VOA": Y speaks too
            verb_at = s0 + att.verb_offset
            joined = [m for m in ments if a1 <= m.start and m.end <= verb_at and by_id.get(m.entity) is not None
                      and by_id[m.entity].kind == "person" and m.entity != eid
                      and re.fullmatch(r"\s+and\s+(?:[\w\-]+\s+){0,5}", text[a1:m.start])
                      and re.fullmatch(r"[\s,]*(?:both\s+|also\s+|each\s+)?", text[m.end:verb_at])]
            # "Spokesman X and official Y both told VOA", read with Y as the subject: X speaks too
            joined += [m for m in ments if m.end <= speaker_m.start and by_id.get(m.entity) is not None
                       and by_id[m.entity].kind == "person" and m.entity != eid
                       and re.fullmatch(r"\s+and\s+(?:[\w\-]+\s+){0,5}", text[m.end:speaker_m.start])
                       and re.fullmatch(r"[\s,]*(?:both|all|each)\s+", text[speaker_m.end:verb_at])]
            co = tuple(dict.fromkeys(m.entity for m in joined))
        co = co or tuple(dict.fromkeys(m.entity for m in officials_at[1:] if m.entity != eid))
    elif att.pronoun:
        if att.speaker_text.lower() not in ("he", "she"):
            return None
        named_here = [m for m in ments if m.end <= a0 and by_id.get(m.entity) is not None
                      and by_id[m.entity].kind == "person"]
        if named_here:  # "President X spoke to Y and praised what he said was ...": X, named in the sentence
            entity = by_id[named_here[0].entity]
        elif speaking is not None:
            entity = speaking
        elif last_person is None or by_id.get(last_person.entity) is None:
            return None
        else:
            entity = by_id[last_person.entity]
        name, eid = entity.name, entity.id
    else:
        phrase = att.speaker_text
        head_end = re.match(r"[\w'’\-.]+", text[s0 + att.head:]) if a0 <= s0 + att.head < a1 else None
        if head_end is not None and not re.match(r"\s+(?:for|of|and)\b", text[s0 + att.head + head_end.end():]):
            phrase = text[a0:s0 + att.head + head_end.end()]  # the speaker up to its head word
        words = phrase.split()
        if not words or len(words) > 8 or not att.named:
            return None  # "three suspected attacks said": not someone who speaks (a parse gone wrong)
        name, eid = " ".join(words), None
    src_name, src_id = outlet, None
    channel = att.channel
    if att.channel_span is not None:
        c0, c1 = s0 + att.channel_span[0], s0 + att.channel_span[1]
        # the channel is a name ("AFP"), not a noun that holds one ("a local TV channel")
        carrier = next((m for m in ments if c0 <= m.start and m.end == c1 and by_id.get(m.entity) is not None), None)
        if carrier is not None:
            e = by_id[carrier.entity]
            channel = e.name
            if e.source or e.kind in ("source", "organisation"):
                src_name, src_id = e.name, e.id
    if att.own_report and eid is not None:  # "a report from Z claimed": Z carried it, in its own report
        src_name, src_id = name, eid
    elif att.verb == "according to" or att.verb.lower() in ("reported", "reports"):
        e = by_id.get(eid or "")
        if e is not None and e.source:
            src_name, src_id = name, eid
    q0, q1 = s0 + att.quote[0], s0 + att.quote[1]
    raw = text[q0:q1]
    lead = re.match(r"^\s*(?:that\s+)?[\"“]?", raw)
    q0 += lead.end() if lead else 0
    quote = text[q0:q1].rstrip(" ,.;\"”")
    if not quote.strip():
        return None
    direct = bool(re.search(r"[\"“]", text[max(s0, q0 - 2):q0 + 1])) or text[q0 + len(quote):q0 + len(quote) + 2].startswith(("\"", "”"))
    return Statement(si, name, eid, src_name, src_id, quote, (q0, q0 + len(quote)), sentence.span, att.verb,
                     att.how + " (parse)", direct, channel, att.denial, co)


_OPENING_MEDIUM_RE = re.compile(
    r"^\s*(?:In|During)\s+(?:a|an|the|his|her|its|their)\s+((?:[\w\-]+\s+){0,2}?(?:interview|statement|speech|address|"
    r"broadcast|news conference|press conference|briefing|message|video|post|letter)"
    r"(?:\s+(?:with|to|on)\s+(?:the\s+)?[A-Z][\w\-.'’]*(?:\s+[A-Z][\w\-.'’]*){0,3})?)\s*,")


def opening_medium(sentence: str) -> str:
    """"In a televised speech, X asked ...", "In a telephone interview with VOA, X described ...": the
    medium a sentence opens with is the medium of what is said in it."""
    m = _OPENING_MEDIUM_RE.match(sentence)
    return " ".join(m.group(1).split()) if m else ""


_NOT_SAID_RE = re.compile(r"\b(?:not|n[o']t|never|declined\s+to|refused\s+to)\s+$", re.I)
_SAID_TO_RE = re.compile(r"\s+to\s+(?:be|have)\b")
# "50 people are reported to have died", "his death was confirmed": a passive names no one who speaks
_PASSIVE_BEFORE_RE = re.compile(r"\b(?:is|are|was|were|been|being)\s+$")
_STAFF_RE = re.compile(r"['’]?s?\s+(?:reporters?|correspondents?|journalists?|photographers?|cameram[ae]n|stringers?|"
                       r"crews?)\b")


def _outlet_staff(text: str, m: Mention, by_id: dict[str, Entity]) -> bool:
    """"A Reuters reporter", "AFP's correspondent": the outlet names whom it employs, it says nothing itself."""
    e = by_id.get(m.entity)
    return e is not None and (e.kind == "source" or (e.source and not e.actor)) and bool(_STAFF_RE.match(text, m.end))


def _after_verb(text: str, start: int, end: int) -> tuple[str, tuple[int, int]]:
    segment = text[start:end]
    m = _THAT_RE.match(segment)
    skip = m.end() if m else 0
    raw = segment[skip:]
    quote = _clean_quote(raw.rstrip(" ."))
    q_start = start + skip + (len(raw) - len(raw.lstrip()))
    return quote, (q_start, q_start + len(quote))


def _subject(text: str, sentence: Sentence, ments: Sequence[Mention], verb_start: int,
             quotes: list[tuple[int, int]], by_id: dict[str, Entity]) -> tuple[Optional[Mention], str]:
    """Who speaks: the first person named in the clause before the verb, else the name
    right before the verb, else the last one; failing all, the words before the verb
    ("a Britain-based war monitor")."""
    window_start = sentence.start
    for a, b in quotes:
        if b <= verb_start:
            window_start = max(window_start, b + 1)
    clause = text[window_start:verb_start]
    for sep in (";", " but ", " while ", " and "):
        idx = clause.rfind(sep)
        if idx >= 0 and sep != " and ":
            window_start += idx + len(sep)
            clause = text[window_start:verb_start]
    inside = [m for m in ments if window_start <= m.start and m.end <= verb_start]
    actors = [m for m in inside if by_id.get(m.entity) is not None and not _outlet_staff(text, m, by_id)]
    persons = [m for m in actors if by_id[m.entity].kind == "person"]
    if persons:
        return persons[0], ""
    if actors:
        adjacent = [m for m in actors if not text[m.end:verb_start].strip(" ,’'s")]
        if adjacent:
            return adjacent[-1], ""
        near = [m for m in actors if len(text[m.end:verb_start].split()) <= 4
                and not re.search(r"[,;]", text[m.end:verb_start])]
        if near:
            return near[-1], ""
    words = re.findall(r"[\w\-’']+", clause)
    if not words:
        return None, ""
    # the noun phrase before the verb: up to 5 words back, stopping at a verb-like word
    phrase: list[str] = []
    for w in reversed(words):
        if w.lower() in ("the", "a", "an") or len(phrase) >= 5:
            if w.lower() in ("the", "a", "an"):
                phrase.insert(0, w)
            break
        if w.lower() in ("it", "he", "she", "they", "we", "i", "who", "which", "that"):
            if not phrase:
                return None, ""
            break
        if re.fullmatch(r"\w+(?:ed|ing)", w.lower()) and phrase:
            break
        phrase.insert(0, w)
    while phrase and phrase[-1].lower() in _ADVERBS:
        phrase.pop()
    while phrase and phrase[0].lower() not in ("the", "a", "an") and not phrase[0][0].isupper() \
            and phrase[0].lower() not in L.SPEAKER_NOUNS and len(phrase) > 1:
        phrase.pop(0)
    if not phrase or not any(w.lower() in L.SPEAKER_NOUNS or w.lower().rstrip("s") in L.SPEAKER_NOUNS
                             for w in phrase[-2:]):
        return None, ""  # not a noun phrase that can speak
    if any(w.lower() in _ADVERBS for w in phrase):
        return None, ""
    return None, " ".join(phrase)


_ADVERBS = {"also", "has", "have", "had", "not", "reportedly", "later", "earlier", "then", "further", "again",
            "previously", "repeatedly", "officially", "publicly", "separately", "has not", "never", "already",
            "recently", "today", "yesterday", "now", "initially", "still", "jointly", "immediately", "privately",
            "openly", "widely", "first", "once", "long", "since"}
