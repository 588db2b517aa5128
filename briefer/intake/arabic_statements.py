"""Who said what in Arabic reports: "قال X إن ..."، "وفقا لـ X"، "X قال"، "نقلت Y عن X القول"; the
speaker as the report names them (linked to the actor it stands for) and the channel ("في بيان"،
"للجزيرة"، "جوابا على سؤال وكالة ...").  Every search is bounded by its sentence: linear in the report.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Optional, Sequence

from . import arabic_lexicon as AL
from . import lexicon as L
from .arabic_names import name_at, resolve_head
from .arabic_persons import title_at
from .arabic_text import AR, NOT_AR_AFTER, NOT_AR_BEFORE, WEEKDAYS, alternation, fold
from .names import Entity, Mention
from .statements import Statement
from .text import Sentence

__all__ = ["arabic_statements"]

_WEEKDAY_RE = alternation(WEEKDAYS)

_SAY_RE = re.compile(
    rf"{NOT_AR_BEFORE}(?:و|ف)?(?P<verb>قال|قالت|قالوا|أفاد|أفادت|افاد|افادت|ذكر|ذكرت|أعلن|أعلنت|اعلن|اعلنت|أعلنوا|أكد|أكدت|اكد|اكدت|"
    rf"أكدوا|صرح|صرحت|أوضح|أوضحت|أشار|أشارت|اشار|اشارت|أضاف|أضافت|اضاف|اضافت|نفى|نفت|زعم|زعمت|ادعى|ادعت|لفت|لفتت|"
    rf"أورد|أوردت|بث|بثت|نشر|نشرت|تحدث|تحدثت|اتهم|اتهمت|حذر|حذرت|دعا|دعت|طالب|طالبت|أدان|أدانت|وصف|وصفت|أحصى|أحصت|"
    rf"وثق|وثقت|كشف|كشفت|يقول|تقول|شدد|شددت|اعتبر|اعتبرت|أبلغ|أبلغت|تابع|تابعت|إعلان|تصريح|تأكيد|أعرب|أعربت|رحب|رحبت|حث|حثت|ناشد|ناشدت|أشاد|أشادت|هدد|هددت|انتقد|انتقدت|أبدى|أبدت|"
    rf"رأى|رأت|أبلغ|قالا|اشترط|اشترطت|يؤكد|تؤكد|يشير|تشير|يعلن|تعلن|يتهم|تتهم|يحذر|تحذر|يطالب|تطالب|يدعو|تدعو|"
    rf"ينفي|تنفي|يرى|ترى|يرفض|ترفض|استطرد|استطردت|أردف|أردفت|أدلى|أدلت|كتب|كتبت|غرد|غردت|أجاب|أجابت|اعترف|اعترفت|نعى|نعت|تعهد|تعهدت|"
    rf"توقع|توقعت|رجح|رجحت){NOT_AR_AFTER}")
# "نقلت وسائل إعلام عن جيش الاحتلال القول": the words are the army's, carried by the media
_RELAY_RE = re.compile(rf"{NOT_AR_BEFORE}(?:و|ف)?(?:نقل|نقلت|نقلته|نقلها)\s+(?P<ch>[^،.]{{0,40}}?)\s*عن\s+")
_ACCORDING_RE = re.compile(rf"{NOT_AR_BEFORE}(?:و)?(?:وفقا|وفقاً|وفقًا|طبقا|طبقاً|بحسب|حسب|نقلا|نقلاً|وفق)\s*"
                           rf"(?:لـ|ل|عن|(?:ل)?ما\s+(?:ذكره|ذكرته|أفاد\s+به|أفادت\s+به|(?:أفاد|ذكر|قال|أعلن|أكد|أحصى|أحصت|نقل|أورد|أشار)"
                           rf"(?:ته|ت|ه)?{NOT_AR_AFTER}))?\s*")
_DENY = {"نفى", "نفت"}
_PUBLISH = {"نشر", "نشرت", "بث", "بثت", "أورد", "أوردت"}
# the words an outlet published, named as someone's: "تصريح مسؤول", "بيانا للجيش", "كلام الوزير"
_CARRIED = re.compile(rf"\s+(?:تصريح|تصريحات|بيان|بيانا|بياناً|كلام|أقوال|رسالة)\s+(?:ل(?=[{AR}]))?")
_PRONOUN_SUBJECT = re.compile(rf"(?<![{AR}])[بل]?[أإا]ن(?:ه|ها|هم|هما|نا)\s+$")
_CHANNEL_RE = re.compile(rf"{NOT_AR_BEFORE}(?:ل|في|عبر|على|خلال|(?:رد[اا]?\s+على\s+|جوابا\s+على\s+)?سؤال\s+(?:من\s+)?)\s*(?P<ch>(?:وكالة|قناة|صحيفة|بيان|تلفزيون|موقع|حساب|تغريدة|"
                         rf"تلغرام|تليغرام|تويتر|فيسبوك|منصة|مؤتمر صحفي|تصريحات|تصريح|إذاعة|اذاعة|مقابلة|حوار|"
                         rf"تسجيل|شريط|رسالة|صفحته|صفحتها)(?:\s+(?!(?:إن|أن|ان|بأن|في|على|عن|من|إلى|الى|مع|قال|قالت|أضاف|أضافت)"
                         rf"{NOT_AR_AFTER})[{AR}]+){{0,2}})")
# words only: no comma, colon or quotation on the way (the dot of "د.", doctor, is a title's)
_BEFORE_PERSON = re.compile(rf"(?:[{AR}\s]|(?<=(?<![{AR}])د)\.)*")
_DAY_WORDS = re.compile(rf"(?:يوم\s+)?(?:اليوم|امس)(?:\s+(?:{_WEEKDAY_RE}))?\s")
_SPOKESMAN_RE = re.compile(r"(?:ال)?(?:متحدث|متحدثة|ناطق|ناطقة)\s+(?:الرسمي\s+|الرسمية\s+)?(?:باسم|بإسم)\s+")
_SPOKESPERSON_NAMED = re.compile(rf"(?:ال)?(?:متحدث|متحدثة|ناطق|ناطقة)\s+(?:الرسمي\s+)?(?:باسم|بإسم)\s+(?P<org>ال[{AR}]+)\s+"
                           rf"(?P<name>(?:[{AR}]+\s+){{1,3}}?[{AR}]+)(?=\s*[،,]?\s*(?:إن|أن|ان|بأن)\b|\s*[،,:])")
_SPOKESMAN_BACK = re.compile(r"\s*[،,]?\s*(?:ال)?(?:متحدث|متحدثه|ناطق|ناطقه)\s+(?:الرسمي\s+|الرسميه\s+)?(?:باسم|باسم)\s+$")
_SAYING_NOUNS = {"قوله", "قولها", "قولهم", "القول"}
_TRAILING_CHANNEL = re.compile(rf"\s+(?:ل|لـ)\s*(?P<ch>(?:وكالة|قناة|صحيفة|موقع)\s+[{AR}]+(?:\s+[{AR}]+)?|ل[{AR}]+)$")


def arabic_statements(text: str, sentences: Sequence[Sentence], body: Sequence[int], mentions: Sequence[Mention],
                      entities: Sequence[Entity], outlet: str) -> list[Statement]:
    """Who said what: "قال X إن ...", "وفقا لـ X", "X قال", "نقلت Y عن X القول"; the speaker as the
    report names them (linked to the actor it stands for), and the channel ("في بيان", "للجزيرة")."""
    by_id = {e.id: e for e in entities}
    folded = fold(text)
    ends = [m.end for m in mentions]  # mentions come in the order of their starts and do not overlap
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    out: list[Statement] = []
    last: Optional[Statement] = None
    given_names = _given_names(entities)
    for si in body:
        s = sentences[si]
        ments = by_sentence.get(si, [])
        found = None
        extra_found: list[Statement] = []
        said_in_paper = ""
        relay = _RELAY_RE.search(text, s.start, s.end)
        acc = _ACCORDING_RE.search(text, s.start, s.end)
        say = _SAY_RE.search(text, s.start, s.end)
        if relay is not None:
            name, eid, end = _speaker(text, folded, mentions, ments, by_id, relay.end(), s.end, ends=ends)
            if name:
                channel = relay.group("ch").strip()
                # the words after the speaker, or before the relay when it closes the sentence
                # ("... حسبما نقلت الوكالة عن بيان للمجلس")
                q0, q1 = (end, s.end) if text[end:s.end].strip(" .،\"«»") else (s.start, relay.start())
                found = _statement(text, si, s, name, eid, by_id, outlet, q0, q1, "نقل",
                                   f"'{relay.group().strip()} {name}'", channel=channel)
        if found is None and acc is not None:
            name, eid, end = _speaker(text, folded, mentions, ments, by_id, acc.end(), s.end, ends=ends)
            carrier = by_id.get(eid or "")
            if name and carrier is not None and carrier.source and not carrier.actor and say is not None \
                    and say.start() < acc.start():
                # "قالت مصادر أمنية ... وفق ما نقلت وكالة الأنباء الفرنسية": the agency carried their words
                said, said_eid, said_end = _speaker(text, folded, mentions, ments, by_id, say.end(), acc.start(), ends=ends)
                if said:
                    found = _statement(text, si, s, said, said_eid, by_id, outlet, said_end, acc.start(),
                                       say.group("verb"), f"'{say.group().strip()} {said}'", channel=name)
            if name and found is None:
                rest_a, rest_b = (s.start, acc.start()) if acc.start() - s.start > 10 else (end, s.end)
                # "ذكرت وكالة رويترز نقلا عن مصادر أمنية": the outlet that said it carried their words
                teller = _speaker(text, folded, mentions, ments, by_id, say.end(), acc.start(), ends=ends) \
                    if say is not None and say.end() <= acc.start() and acc.group().lstrip("و").startswith("نقل") \
                    else ("", None, 0)
                teller_e = by_id.get(teller[1] or "")
                carried_by = teller[0] if teller_e is not None and teller_e.source and not teller_e.actor else ""
                found = _statement(text, si, s, name, eid, by_id, outlet, rest_a, rest_b, "وفقا لـ",
                                   f"'{acc.group().strip()} {name}'", channel=carried_by)
        if found is None and say is not None:
            # verb first: the speaker follows ("قال المرصد ..."), or precedes ("المرصد قال")
            name, eid, end = _speaker(text, folded, mentions, ments, by_id, say.end(), s.end, ends=ends)
            given = _GIVEN_AT.match(folded, say.end(), s.end) if not name else None
            if given is not None and given.group(1) in given_names:
                # "وقال تيري" after "تيري ديران": a person named in full, then by the given name alone
                person = given_names[given.group(1)]
                name, eid, end = person.name, person.id, given.end()
            doc = _DOCUMENT_AT.match(folded, say.end(), s.end) if not name else None
            authors = _document_authors(text, mentions, ends, by_id, doc.start(1)) if doc is not None else []
            for author in authors:
                # "وأشار التقرير" after "تقرير مشترك عن منظمة X وبرنامج Y": X and Y speak, in their report
                st = _statement(text, si, s, _named(author, by_id), author.entity, by_id, outlet, doc.end(), s.end,
                                say.group("verb"), f"'{say.group().strip()} {doc.group().strip()}'",
                                channel=doc.group(1))
                if st is not None:
                    extra_found.append(st)
            if extra_found:
                found, extra_found = extra_found[0], extra_found[1:]
            elif not name:
                before = [m for m in ments if m.end <= say.start() and not _addressee(text, m)
                          and not _AFTER_PREPOSITION.search(folded, max(s.start, m.start - 8), m.start)
                          and (say.start() - m.end <= 3 or _QAD.fullmatch(text, m.end, say.start()))]
                if before:
                    who = before[-1]
                    sp_back = _SPOKESMAN_BACK.search(folded, max(s.start, who.start - 60), who.start)
                    if sp_back is not None:
                        # "إلا أن مايا كوسيانيتش، المتحدثة باسم أشتون، نفت": the spokesperson speaks, not the
                        # one they speak for
                        own = [m for m in ments if m.end <= sp_back.start() and sp_back.start() - m.end <= 2
                               and m.entity in by_id and by_id[m.entity].kind == "person"]
                        who = own[-1] if own else who
                    name, eid, _end = _speaker(text, folded, mentions, ments, by_id, who.start, s.end, ends=ends)
                    end = say.end()
                elif re.match(r"\s*(?:فيها|فيه|خلالها|خلاله)(?![\u0621-\u064A])", text[say.end():say.end() + 8]) and \
                        _SPOKEN_IN.search(folded, s.start, say.start()) and \
                        any(m.end <= say.start() and m.entity in by_id and by_id[m.entity].actor for m in ments):
                    # "ألقت X كلمة صرحت فيها بأن ...": the words are in X's speech, X speaks
                    told = [m for m in ments if m.end <= say.start() and m.entity in by_id and by_id[m.entity].actor]
                    who = ([m for m in told if m.kind == "person"] or told)[-1]  # a person before a body
                    name, eid, end = _named(who, by_id), who.entity, say.end()
                    paper = _PAPER.search(text, s.start, say.start())
                    said_in_paper = paper.group().strip() if paper is not None else ""  # "ومع التقرير ... صرحت فيه"
                elif last is not None and say.start() - s.start <= 12 and \
                        re.match(r"\s*(?:إن|أن|ان|إنه|أنه|إنها|أنها|:|،)", text[say.end():say.end() + 8]):
                    name, eid, end = last.speaker, last.speaker_entity, say.end()  # "وأضاف" with no name: still them
            carried = _CARRIED.match(text, end, s.end) if name and say.group("verb") in _PUBLISH else None
            if carried is not None and eid in by_id and by_id[eid].source:
                # "ونشرت الوكالة تصريح مسؤول ...": the outlet carried someone's words; they speak, through it
                said, said_eid, said_end = _speaker(text, folded, mentions, ments, by_id, carried.end(), s.end, ends=ends)
                found = _statement(text, si, s, said, said_eid, by_id, outlet, said_end, s.end, say.group("verb"),
                                   f"'{say.group().strip()} {name} {carried.group().strip()} {said}'",
                                   channel=name) if said else None
            elif name:
                # "ودعت تركيا وروسيا إلى ...": a second party joined by و to the speaker says it too
                also = next((m for m in ments if m.start >= end and eid in by_id and m.entity in by_id
                             and m.entity != eid and by_id[m.entity].kind == by_id[eid].kind
                             and _joined(text, end, m)), None)
                q_from = also.end if also is not None else end
                found = _statement(text, si, s, name, eid, by_id, outlet, q_from, s.end, say.group("verb"),
                                   f"'{say.group().strip()} {name}'", denial=say.group("verb") in _DENY,
                                   channel=said_in_paper)
                second = _statement(text, si, s, _named(also, by_id), also.entity, by_id, outlet, q_from, s.end,
                                    say.group("verb"), f"'{say.group().strip()} {name} و{_surface(also)}'",
                                    denial=say.group("verb") in _DENY, channel=said_in_paper) \
                    if also is not None and found is not None else None
                extra_found.extend([second] if second is not None else [])
        expressed = _EXPRESSED.search(text, s.start, s.end) if found is None and say is None else None
        if expressed is not None:
            # "وعبر X الفائز بالجائزة عن سعادته": X expressed (عبّر عن), the verb that is also "via"
            who = next((m for m in ments if 0 <= m.start - expressed.end() <= 40 and m.entity in by_id and by_id[m.entity].actor
                        and fold(by_id[m.entity].name).endswith(fold(text[expressed.end():m.end].strip()))), None)
            about = _ABOUT.search(text, who.end, min(s.end, who.end + 50)) if who is not None else None
            if about is not None:
                found = _statement(text, si, s, _named(who, by_id), who.entity, by_id, outlet, about.start(), s.end,
                                   "عبر عن", f"'{expressed.group().strip()} {_surface(who)} ... عن'")
        if found is None:
            agents = _agents(text, s, ments, by_id, outlet, si)
            if agents:  # "نُعي الفقيد من قبل النائب X والوزير Y": each named in the list said it
                out.extend(agents)
                last = agents[-1]
                continue
        if found is not None:
            out.append(found)
            out.extend(extra_found)
            last = found
        # a second speaker named in the same sentence: "..., غداة إعلان موسكو أن قواتها ..."
        after = found.span[0] if found is not None else s.start
        for more in _SAY_RE.finditer(text, max(after, (say.end() if say is not None else s.start)), s.end):
            if _PRONOUN_SUBJECT.search(text, max(s.start, more.start() - 10), more.start()):
                continue  # "وأشار إلى أنه كشف موقع ...": he (said before) uncovered the site; no new speaker
            who = next((m for m in ments if (0 <= m.start - more.end() <= 3 or 0 <= more.start() - m.end <= 2)
                        and m.entity in by_id and by_id[m.entity].kind == "person"
                        or 0 <= m.start - more.end() <= 3 and m.entity in by_id), None)
            if who is not None and (found is None or who.entity != found.speaker_entity):
                # (the sentence's channel, "للجزيرة", is the first speaker's when there is one)
                extra = _statement(text, si, s, _surface(who), who.entity, by_id, outlet, who.end, s.end,
                                   more.group("verb"), f"'{more.group().strip()} {_surface(who)}'",
                                   find_channel=found is None)
                if extra is not None:
                    out.append(extra)
                break
    # one name for each speaker: "صحيفة «هآرتس»" and then "وكتبت هآرتس" are one speaker, as first named
    first: dict[str, str] = {}
    for st in out:
        if st.speaker_entity is not None and by_id.get(st.speaker_entity) is not None and \
                by_id[st.speaker_entity].kind != "person":
            st.speaker = first.setdefault(st.speaker_entity, st.speaker)
    return out


_DEF_WORD = re.compile(rf"ال[{AR}]+")
# words between a verb of saying and its speaker that are neither: "أيضا", "من جهته", "في هذا الصدد"
_ASIDE = re.compile(rf"(?:أيضا|أيضاً|ايضا|كذلك|بدوره|بدورها|من\s+(?:جهته|جهتها|جانبه|جانبها|ناحيته|ناحيتها)|"
                    rf"في\s+هذا\s+(?:الصدد|السياق|الشأن|الإطار)){NOT_AR_AFTER}\s*[،,]?\s*")
# a complementiser, a quotation or a colon right after the verb: the words said begin, no speaker is named
_CONTENT_OPENS = re.compile(rf"(?:[\"«“:]|(?:إن|أن|ان|بأن|إنه|أنه|إنها|أنها|إنهم|أنهم)(?![{AR}]))")
_HEAD_WORD = re.compile(rf"(?:لل|ال)(?P<w>[{AR}]{{3,}}){NOT_AR_AFTER}")
# the spokesperson's own name after the body they speak for; a speaker described in a few words
_SPOKESPERSON_NAME = re.compile(rf"\s+((?:[{AR}]+\s+){{1,3}}?[{AR}]+)"
                               rf"(?=\s*[،,]?\s*(?:(?:إن|أن|ان|بأن){NOT_AR_AFTER}|في\s)|\s*[،,:])")
_SPEAKER_WORDS = re.compile(rf"\s*((?:[{AR}]+\s+){{0,3}}?[{AR}]+)(?=\s+(?:إن|أن|ان|بأن|في\s+بيان|لوكالة|لـ?\s*[«\"“]|"
                            rf"(?:على|عبر|في)\s+(?:صفحت|حساب|موقع|منص|تغريد|بيان)[{AR}]*)|\s*[،:.])")
_TOLD = re.compile(rf"(?<![{AR}])(?:لل|ل)(?P<ch>[{AR}]{{3,}})")  # "للجزيرة": told to an outlet


def _speaker(text: str, folded: str, mentions: Sequence[Mention], ments: Sequence[Mention], by_id: dict[str, Entity],
             pos: int, end: int, ends: Optional[Sequence[int]] = None) -> tuple[str, Optional[str], int]:
    """(the speaker as the report names them, the entity, where the name ends) at pos, or ("", None, pos)."""
    lead = re.match(r"\s*", text[pos:end])
    at = pos + (lead.end() if lead else 0)
    aside = _ASIDE.match(text, at, end)
    at = aside.end() if aside is not None else at  # "وشدد في هذا الصدد الوزير ...": the speaker after the aside
    if _CONTENT_OPENS.match(text, at, end):
        return "", None, pos  # "وأضاف أن الجيش ...": what follows is what was said, not who said it
    who = next((m for m in ments if at - 1 <= m.start <= at + 3 and m.entity in by_id), None)
    if who is not None:
        return _named(who, by_id), who.entity, who.end
    part = _LEADERSHIP.match(folded, at, end)
    body = next((m for m in ments if part.end() - 2 <= m.start <= part.end() + 1 and m.entity in by_id), None) \
        if part is not None else None
    if body is not None:  # "أعلنت القيادة العامة في تنظيم القاعدة": the leadership speaks for the group
        return _named(body, by_id), body.entity, body.end
    said_in = _STATEMENT_OF.match(text, at)
    if said_in is not None:  # "وأشار بيان منظمة ...": the body, in its statement (_statement reads the channel)
        who = next((m for m in ments if said_in.end() - 1 <= m.start <= said_in.end() + 3 and m.entity in by_id), None)
        if who is not None:
            return f"{said_in.group(1)} {_named(who, by_id)}", who.entity, who.end
        head = _HEAD_WORD.match(folded, said_in.end(), end)  # "بيان للمجلس", "بيان الوزارة": the body named before
        if head is not None:
            eid = resolve_head("ال" + head.group("w"), mentions, [m.end for m in mentions] if ends is None else ends,
                               pos, by_id)
            if eid is not None:
                return f"{said_in.group(1)} {_surface(next(m for m in mentions if m.entity == eid))}", eid, head.end()
    # "أعلن اليوم الإثنين لوران فابيوس", "وقالت ممثلة الأمم المتحدة في جنوب السودان هيلدا جونسون": a day
    # or a title between the verb and the person
    person = next((m for m in ments if at < m.start <= at + 90 and m.kind == "person" and m.entity in by_id), None)
    if person is not None and _BEFORE_PERSON.fullmatch(folded, at, person.start) and \
            (_DAY_WORDS.match(folded, at) or title_at(folded, at)):
        return _named(person, by_id), person.entity, person.end
    sp = _SPOKESMAN_RE.match(text, at, min(end, at + 160))
    if sp is not None:  # "المتحدث باسم وزارة الخارجية هونغ لي": the spokesperson by name, else the body
        org_at = sp.end()
        org = next((m for m in ments if org_at - 1 <= m.start <= org_at + 3 and m.entity in by_id), None)
        named = name_at(text, folded, org_at, end) if org is None else None
        org_end = org.end if org is not None else named[0] if named is not None else \
            (_DEF_WORD.match(text, org_at, end) and _DEF_WORD.match(text, org_at, end).end())
        if org_end:
            person = _SPOKESPERSON_NAME.match(text[org_end:min(end, org_end + 60)])
            if person is not None and len(person.group(1).split()) >= 2 and not _outlet_named(person.group(1)):
                return person.group(1), None, org_end + person.end()
            if org is not None:
                named = _spokesperson_named_before(text, mentions, ends, by_id, org)
                if named is not None:  # "وأكد المتحدث باسم الوزارة" after "ليو وي مين المتحدث باسم الوزارة"
                    return _named(named, by_id), named.entity, org_end
                return _named(org, by_id), org.entity, org_end
    sp2 = _SPOKESPERSON_NAMED.match(text, at, min(end, at + 120))
    if sp2 is not None:  # "المتحدث باسم الشبكة أحمد النور": the spokesperson by name
        return sp2.group("name"), None, sp2.end()
    org = name_at(text, folded, at, end)
    if org is not None:
        return org[1], None, org[0]
    words = _SPEAKER_WORDS.match(text[pos:min(end, pos + 80)])
    if words is None:
        return "", None, pos
    phrase = words.group(1).strip()
    first = phrase.split()[0]
    if first.startswith("ال") and len(phrase.split()) == 1:
        eid = resolve_head(first, mentions, [m.end for m in mentions] if ends is None else ends, pos, by_id)  # "المرصد", "الشبكة": named earlier
        if eid is not None:
            return _surface(next(m for m in mentions if m.entity == eid)), eid, pos + words.end()
    if not any(w in phrase for w in L.ARABIC_SPEAKER_NOUNS):
        return "", None, pos
    if len(phrase.split()) >= 2 and phrase.split()[-1] in _SAYING_NOUNS:
        phrase = phrase.rsplit(None, 1)[0]  # "نقلت الوكالة عن مصدر أمني قوله": the source, not "his saying"
    ch = _TRAILING_CHANNEL.search(phrase)
    last = phrase.split()[-1]
    if ch is not None and len(phrase[:ch.start()].split()) >= 1:
        phrase = phrase[:ch.start()]
    elif len(phrase.split()) >= 2 and last.startswith("ل") and _outlet_told(last[1:]):
        phrase = phrase[:-len(last)].strip()  # "شهود عيان لرويترز": the witnesses, told to the agency
    return phrase, None, pos + words.end()


# a group's leadership or political wing, then the group: in it ("في"), of it ("لـ"), or in construct
_LEADERSHIP = re.compile(r"(?:(?:ال)?قياده(?:\s+العامه)?|(?:ال)?مكتب\s+السياسي|(?:ال)?جناح\s+العسكري|(?:ال)?ذراع\s+العسكري(?:ه)?|"
                         r"(?:ال)?هيئه\s+القياديه)(?:\s+(?:في|ل)\s*|\s+(?=لل)|\s+)")
_AFTER_NAME = re.compile(r"\s*[،,]?\s*")


def _spokesperson_named_before(text: str, mentions: Sequence[Mention], ends: Optional[Sequence[int]],
                               by_id: dict[str, Entity], org: Mention) -> Optional[Mention]:
    """The person the report named earlier as the spokesperson of the same body, if one: the same
    title with no name after it is that person again.  Looks only at the mentions of the body."""
    e = by_id.get(org.entity or "")
    if e is None:
        return None
    ends = [m.end for m in mentions] if ends is None else ends  # in the order of the starts; no overlaps
    earlier = [m for m in e.mentions if m.end < org.start][-_LOOK_BACK_SPOKESPERSON:]
    for om in reversed(earlier):
        sp_at = _SPOKESMAN_BACK_AT.search(text, max(0, om.start - 40), om.start)
        k = bisect_right(ends, sp_at.start()) - 1 if sp_at is not None else -1
        if k >= 0 and sp_at.start() - mentions[k].end <= 3 and mentions[k].entity in by_id \
                and by_id[mentions[k].entity].kind == "person":
            return mentions[k]
    return None


_LOOK_BACK_SPOKESPERSON = 20  # the body's last few mentions: bounded work per statement


_SPOKESMAN_BACK_AT = re.compile(r"(?:ال)?(?:متحدث|متحدثة|ناطق|ناطقة)\s+(?:الرسمي\s+|الرسمية\s+)?(?:باسم|بإسم)\s+$")
# a verb of saying in the passive and its agent: "نُعي الفقيد من قبل ...", "أُعلن القرار من جانب ..."
_PASSIVE_SAY = re.compile(rf"{NOT_AR_BEFORE}(?:و|ف)?(?:(?:وقد|قد)\s+)?(?P<verb>نعي|أعلن|اعلن|أفيد|قيل|ذكر|أكد|نفي|رفض|أدين|انتقد)"
                          rf"{NOT_AR_AFTER}")
_BY_AGENT = re.compile(rf"{NOT_AR_BEFORE}من\s+(?:قبل|جانب){NOT_AR_AFTER}")
_LIST_GAP = re.compile(rf"[^.:؛\"«»“”]{{0,40}}")
_LIST_BREAK = re.compile(rf"{NOT_AR_BEFORE}(?:إن|أن|ان|بأن|الذي|التي|الذين){NOT_AR_AFTER}")


def _agents(text: str, s: Sentence, ments: Sequence[Mention], by_id: dict[str, Entity], outlet: str,
            si: int) -> list[Statement]:
    """A verb of saying in the passive with its agent after "من قبل": each person or body listed there
    (joined by و or commas, with their titles between) is a speaker of the clause before it."""
    verb = _PASSIVE_SAY.search(text, s.start, s.end)
    by = _BY_AGENT.search(text, verb.end(), min(s.end, verb.end() + 120)) if verb is not None else None
    if by is None:
        return []
    out: list[Statement] = []
    prev = by.end()
    listed = [m for m in ments if m.start >= by.end() and m.entity in by_id]
    for i, m in enumerate(listed):
        nxt = listed[i + 1] if i + 1 < len(listed) else None
        if nxt is not None and by_id[nxt.entity].kind == "person" and by_id[m.entity].kind != "person" \
                and not text[m.end:nxt.start].strip():
            continue  # "ورئيس مجلس الأمة مرزوق الغانم": the body in a person's title speaks not
        if not _LIST_GAP.fullmatch(text, prev, m.start) or _LIST_BREAK.search(text, prev, m.start):
            break  # the list ended
        name = _named(m, by_id)
        if all(st.speaker_entity != m.entity for st in out):
            st = _statement(text, si, s, name, m.entity, by_id, outlet, verb.start(), by.start(), verb.group("verb"),
                            f"'{verb.group().strip()} ... {by.group()} {name}'")
            if st is not None:
                out.append(st)
        prev = m.end
    return out


# a document named by its noun alone as the one saying: "وأشار التقرير", "وذكر البيان"
_DOCUMENT_AT = re.compile(rf"\s*ال(تقرير|بيان|دراسه)(?![{AR}])(?!\s+ال[{AR}]+(?:ي|يه)?\s+(?:ل|عن|من))")
_DOCUMENT_BACK = 2000  # characters looked back for the document's first naming
# the document first named with its authors: "تقرير مشترك عن ...", "التقرير السنوي للنقابة ...", "بيان صادر عن ..."
_DOCUMENT_OF = re.compile(rf"{NOT_AR_BEFORE}(?:ال)?(?:تقرير|بيان|دراسه)(?:\s+(?!(?:عن|من){NOT_AR_AFTER})[{AR}]+){{0,2}}?\s+"
                          rf"(?:صادر\s+)?(?:(?:عن|من)\s+|(?=لل))")
_AUTHOR_GAP = re.compile(r"\s*(?:\([^()]{0,30}\))?\s*(?:و|،\s*و?)?")


def _document_authors(text: str, mentions: Sequence[Mention], ends: Sequence[int], by_id: dict[str, Entity],
                      at: int) -> list[Mention]:
    """The bodies that a document named before was "of": the mentions right after the noun's last
    naming with its authors, joined by و (an abbreviation in brackets between them allowed)."""
    folded = fold(text[max(0, at - _DOCUMENT_BACK):at])
    offset = max(0, at - _DOCUMENT_BACK)
    last = None
    for m in _DOCUMENT_OF.finditer(folded):
        last = m
    if last is None:
        return []
    pos = offset + last.end()
    k = bisect_right(ends, pos)  # the first mention ending after pos
    out: list[Mention] = []
    while k < len(mentions) and mentions[k].start < at:
        m = mentions[k]
        if m.start - pos > 3 and not _AUTHOR_GAP.fullmatch(text, pos, m.start):
            break
        if m.entity in by_id and by_id[m.entity].kind != "person":
            out.append(m)
        pos, k = m.end, k + 1
    return out


# what words are said "in" ("فيها"): a speech, an interview, a document (not a poem or a life: "بدأ
# الكتابة ... وصف فيه")
_SPOKEN_IN = re.compile(rf"{NOT_AR_BEFORE}(?:[وبل]?(?:ال)?(?:كلمه|خطاب|خطابا|بيان|بيانا|تقرير|مقابله|رساله|مؤتمر|تسجيل|"
                        rf"حديث|حديثا|تصريح|تصريحا|تغريده|منشور|محاضره|ندوه|جلسه)){NOT_AR_AFTER}")
# a written document the words are "in" ("فيه"): a report, a statement, a letter (not a speech: its speaker
# speaks, the speech is no channel)
_PAPER = re.compile(rf"{NOT_AR_BEFORE}(?:ال)?(?:تقرير|بيان|رسالة|رسالته|رسالتها)(?:\s+ال[{AR}]+(?:ي|ية))?{NOT_AR_AFTER}")
_GIVEN_AT = re.compile(rf"\s*([{AR}]{{3,}})(?![{AR}])")


def _given_names(entities: Sequence[Entity]) -> dict[str, Entity]:
    """The given name (the first word, folded) of each person named with two or more words -> the
    person, when no other person shares it and it opens no compound ("عبد", "أبو")."""
    seen: dict[str, list[Entity]] = {}
    for e in entities:
        words = fold(e.name).split()
        if e.kind == "person" and len(words) >= 2 and len(words[0]) >= 3 and words[0] not in _COMPOUND_OPENERS:
            seen.setdefault(words[0], []).append(e)
    return {w: es[0] for w, es in seen.items() if len(es) == 1}


_COMPOUND_OPENERS = {fold(w) for w in ("عبد", "أبو", "أبي", "ابن", "بن", "آل")}
# "... على إيران قال:": a name after a preposition is its object, not the subject of the verb after it
_AFTER_PREPOSITION = re.compile(rf"{NOT_AR_BEFORE}(?:علي|في|من|الي|عن|مع|حول|ضد|بين|نحو|لدي|بشان)\s+$")
_EXPRESSED = re.compile(rf"{NOT_AR_BEFORE}[وف]?(?:عبر|عبرت|عبروا){NOT_AR_AFTER}")
_ABOUT = re.compile(rf"{NOT_AR_BEFORE}عن\s+(?:[{AR}]+(?:ه|ها|هم)|قلق|أمل|رفض|ترحيب|تضامن|استياء|ارتياح|غضب)")
_JOINED = re.compile(r"\s*و\s*")


def _joined(text: str, end: int, m: Mention) -> bool:
    """Is m joined by و to what ends at end ("تركيا وروسيا": و glued to the name, or standing apart)?"""
    gap = text[end:m.start]
    return bool(_JOINED.fullmatch(gap)) or (not gap.strip() and text[m.start] == "و" and not m.text.startswith("و"))
_QAD = re.compile(r"\s+(?:قد|لقد)\s+")  # "كان X قد أعلن": the subject before the verb, "قد" between


def _addressee(text: str, m: Mention) -> bool:
    """A name glued to ل ("لوكالة فرانس برس", "للجزيرة"): the one told, not the one telling."""
    glued = text[m.start:m.end][:len(text[m.start:m.end]) - len(m.text)]
    return glued.endswith("ل") or glued.endswith("لل") or (not glued and m.text.startswith("لل"))


def _named(m: Mention, by_id: dict[str, Entity]) -> str:
    """A person by their full name ("وقالت روسيف": ديلما روسيف), anyone else as the report names them."""
    e = by_id.get(m.entity or "")
    if e is not None and e.kind != "person" and fold(e.name).endswith((" " + fold(_surface(m)), "ال" + fold(_surface(m)))):
        return e.name  # "وأكدت الخارجية الصينية" after "وزارة الخارجية الصينية": the body by its full name
    return e.name if e is not None and e.kind == "person" and not e.known_actor else _surface(m)


def _surface(m: Mention) -> str:
    return " ".join(m.text.split())


_INTERVIEW_WITH = re.compile(rf"{NOT_AR_BEFORE}(?:تصريح|تصريحات|حديث|مقابلة|حوار|اتصال)(?:\s+(?:خاص|خاصة|هاتفي|صحفي))?\s+"
                             rf"(?:لـ?\s*|مع\s+)(?P<o>[«\"“][^»\"”]{{2,40}}[»\"”]|(?:وكالة|قناة|صحيفة|شبكة|موقع|إذاعة|"
                             rf"تلفزيون)\s+[{AR}]+(?:\s+(?!(?:إن|أن|ان|بأن|في|على){NOT_AR_AFTER})[{AR}]+)?)")
_TOLD_QUOTED = re.compile(r"\s*(?<![\u0621-\u064A])لـ?\s*[«\"“](?P<ch>[^»\"”]{2,40})[»\"”]")
_TOLD_PHRASE = re.compile(rf"\s*(?<![{AR}])ل(?P<ph>[{AR}]+(?:\s+(?!(?:إن|أن|ان|بأن){NOT_AR_AFTER})[{AR}]+){{0,2}})")
_TOLD_AFTER = re.compile(rf"\s*[\"«“]?\s*(?<![{AR}])(?:لل|ل)(?P<ch>[{AR}]{{3,}})\s*[\"»”]?")
_STATEMENT_OF = re.compile(r"(بيان|تقرير)\s+(?:(?:صادر|الصادر)\s+(?:عن|من)\s+)?(?=\S)")


def _statement(text: str, si: int, s: Sentence, name: str, eid: Optional[str], by_id: dict[str, Entity],
               outlet: str, q0: int, q1: int, verb: str, how: str, denial: bool = False,
               channel: str = "", find_channel: bool = True) -> Optional[Statement]:
    said_in = _STATEMENT_OF.match(name)
    if said_in is not None:  # "وأشار بيان اتحاد الكتاب": the union speaks, in a statement
        name, channel = name[said_in.end():], channel or said_in.group(1)
    told_quoted = _TOLD_QUOTED.match(text, q0, q1) if not channel else None
    if told_quoted is not None:  # "قالت مصادر لـ«عربي21» إن": a name quoted after لـ is the outlet told
        channel, q0 = told_quoted.group("ch").strip(), told_quoted.end()
    told = _TOLD_AFTER.match(text, q0, q1)
    told_phrase = _TOLD_PHRASE.match(text, q0, q1) if not channel else None
    if told is not None and not channel and _outlet_told(told.group("ch")):
        channel, q0 = _outlet_told(told.group("ch")), told.end()  # "وقال X «للجزيرة» أمس، إن ...": told to an outlet
    elif told_phrase is not None and _outlet_named("ل" + told_phrase.group("ph")):
        channel, q0 = told_phrase.group("ph"), told_phrase.end()  # "لسكاي نيوز عربية": an outlet of several words
    raw = text[q0:q1]
    lead = re.match(r"^[\s،,:]*(?:(?:إن|أن|ان|بأن|إنّ|أنّ)\s+)?", raw)
    q0 += lead.end() if lead else 0
    quote = text[q0:q1].strip(" .،\"«»")
    if not quote:
        return None
    q0 = text.index(quote, q0)
    interview = _INTERVIEW_WITH.search(text, s.start, s.end) if not channel and find_channel else None
    if interview is not None:  # "في تصريح لـ«العربي الجديد»", "في مقابلة مع شبكة ...": the outlet is the channel
        channel = interview.group("o").strip("«»\"“” ")
    if not channel and find_channel:
        ch = _CHANNEL_RE.search(text, s.start, s.end)
        if ch is not None:
            channel = ch.group("ch")
        else:
            told = _TOLD.search(text[max(s.start, q0 - 30):q0])
            if told is not None and _outlet_told(told.group("ch")):
                channel = _outlet_told(told.group("ch"))
    e = by_id.get(eid or "")
    src_name, src_id = (e.name, eid) if e is not None and e.source else (outlet, None)
    return Statement(si, name, eid, src_name, src_id, quote, (q0, q0 + len(quote)), s.span, verb, how,
                     channel=channel, denial=denial)


_SOURCE_NAMES = {fold(k) for k, v in AL.ACTORS.items() if v[1] == "source"}


def _outlet_named(phrase: str) -> bool:
    """"لسكاي نيوز عربية": an outlet told (ل and a source's name), no person's name."""
    return phrase.startswith("ل") and any(fold(phrase[1:]).startswith(src) for src in _SOURCE_NAMES)


def _outlet_told(word: str) -> str:
    """The outlet a word after ل names ("للجزيرة": الجزيرة, "لرويترز": رويترز, an agency by its name alone),
    or ""."""
    if fold("ال" + word) in _SOURCE_NAMES:
        return "ال" + word
    return word if fold(word) in _SOURCE_NAMES or fold("وكالة " + word) in _SOURCE_NAMES else ""
