"""Actors in Arabic reports: the common ones by name (arabic_lexicon.ACTORS), institutions
named by a head and a nationality ("وزارة الخارجية الروسية", "الجيش السوداني"), organisations
named by a head noun and a definite name ("شبكة أطباء السودان", "إذاعة «شابيلي»"), and the
workspace's own Arabic aliases.  A state only named as a place ("في العراق", "من بريطانيا") is
not proposed: it is where something happened, not who acted.

Matching runs on a shadow of the text with the same length, where hamza forms of alif, alif
maqsura and ta marbuta are folded (أ/إ/آ -> ا, ى -> ي, ة -> ه), so spellings that differ only
there ("اسرائيل"/"إسرائيل") meet; offsets stay those of the text.  Every pattern is one
alternation scanned once: linear in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Optional, Sequence

from . import arabic_lexicon as AL
from .arabic_persons import family_names, find_persons, title_at
from .arabic_text import AR, NOT_AR_AFTER, NOT_AR_BEFORE, alternation, fold
from .names import Entity, Mention
from .text import Sentence

# conjunctions and prepositions glued to the next word; "لل" is ل + ال (the article's alif drops)
PREFIX = r"(?P<pre>وبال|وال|فال|بال|كال|وب|ول|فب|فل|و|ف|ب|ل|ك)?"

_KNOWN = {fold(k): v for k, v in sorted(AL.ACTORS.items(), key=lambda kv: len(kv[0]))}
_ORG_KIND: dict[str, str] = {}  # a head noun, folded -> the kind it names (the first listed wins)
for _k, _v in AL.ORG_HEADS.items():
    _ORG_KIND.setdefault(fold(_k), _v)
_ADJ_RE = alternation(AL.NATIONALITIES)
_OFFICE = re.compile(r"[وفلب]?(?:ال)?(?:وزير|رئيس|نائب|امين|خارجيه|داخليه|دفاع)")
_NATION = {fold(k): v for k, v in AL.NATIONALITIES.items()}  # a nationality adjective, folded -> the state
_INST_RE = alternation(AL.INSTITUTION_HEADS)
_KNOWN_RE = alternation(AL.ACTORS)
# "الجيش السوداني", "وزارة الخارجية الروسية": a head and a nationality (masculine or feminine)
_INSTITUTION = re.compile(rf"{NOT_AR_BEFORE}{PREFIX}(?P<core>(?:{_INST_RE})\s+(?P<adj>{_ADJ_RE})(?:ه|يه)?){NOT_AR_AFTER}")
# "للجيش الأردني", "لوزارة ..." after "بيان": ل + an institution whose article lost its alif
_INSTITUTION_LL = re.compile(rf"{NOT_AR_BEFORE}[وف]?لل(?P<core>(?:{alternation(h[2:] for h in AL.INSTITUTION_HEADS if h.startswith('ال'))})"
                             rf"\s+(?P<adj>{_ADJ_RE})(?:ه|يه)?){NOT_AR_AFTER}")
# the common actors by name; "لل" stands for ل + ال
_DEF_RE = alternation(k[2:] for k in _KNOWN if k.startswith("ال"))
_GAZ = re.compile(rf"{NOT_AR_BEFORE}(?:[وف]?لل(?P<core2>{_DEF_RE})|{PREFIX}(?P<core>{_KNOWN_RE})){NOT_AR_AFTER}")
_WORD = re.compile(rf"[{AR}]+")
_QUOTED = re.compile(r"\s*[\"«“]([^\"»”]{2,40})[\"»”]")
_ORG_RE = alternation(AL.ORG_HEADS)
# (the head takes its own article: "والوكالة" is و + "الوكالة", not "وال" + "وكالة")
_ORG = re.compile(rf"{NOT_AR_BEFORE}(?P<pre>وب|ول|فب|فل|و|ف|ب|ل|ك)?(?P<head>(?:ال)?(?:{_ORG_RE})){NOT_AR_AFTER}")
_ORG_LL = re.compile(rf"{NOT_AR_BEFORE}[وف]?لل(?P<head>(?:{_ORG_RE})){NOT_AR_AFTER}")
_HEAD_AT = re.compile(rf"(?P<head>(?P<al>ال)?(?P<bare>{_ORG_RE})){NOT_AR_AFTER}")
_STOPS = {fold(w) for w in AL.NAME_STOPS}
_ABSTRACT = {fold(w) for w in AL.ABSTRACT}
_NAME_WORDS = rf"[{AR}]{{2,}}(?:\s+[{AR}]{{2,}}){{1,3}}"
_PERSON = re.compile(rf"(?:(?:يقوده|يقودها|يتزعمه|يتزعمها|بقيادة|يدعى|تدعى|المدعو)\s+[\"«“]?(?P<name>(?!ال){_NAME_WORDS}?)[\"»”]?(?=\s*[(،,.\"»”]|\s+(?:إن|أن|قبل|بعد|في|قد|وقد)\s)"
                     rf"|(?:المتحدث|المتحدثة|الناطق|الناطقة)\s+(?:الرسمي\s+)?(?:باسم|بإسم)\s+(?:[{AR}]+\s+){{0,3}}?ال[{AR}]+\s+"
                     rf"(?P<name2>(?!ال)[{AR}]{{2,}}(?:\s+[{AR}]{{2,}}){{1,3}}?)"
                     rf"(?=\s*[،,]?\s*(?:(?:إن|أن|ان|بأن)\s|(?:في|عبر|خلال)\s)))")
_BARE = re.compile(rf"{NOT_AR_BEFORE}(?:[وف]?(?:ب|ل)?)(?P<core>الجيش|الشرطه|(?<=ل)لجيش){NOT_AR_AFTER}(?!\s+ال[{AR}]+(?:ي|يه)\b)")
# a place, not a party: "في العراق", "من بريطانيا", "شمال سوريا", "الحدود مع السعودية"
_PLACE_BEFORE = re.compile(
    rf"(?:{NOT_AR_BEFORE}[وف]?(?:في|من|الي|داخل|خارج|قرب|انحاء|حدود|مدن|محافظات|عاصمه|شمال|جنوب|شرق|غرب|شمالي|جنوبي|"
    rf"شرقي|غربي|وسط|مع|بين|نحو|اراضي|ارض|مقرا|مقر|و?مقره|و?مقرها|مثل|وزراء|مناطق|منطقه|ريف|ارياف|ساحل|سواحل|اجواء|سماء|"
    rf"شوارع|قري|بلدات)|(?:في|من)\s+كل\s+من)\s+$")


# a state further on in a list of places: "في دول مثل مالاوي والكونغو والسنغال", "في كل من X وY"; or of
# the members a group is made of: "المجموعة المكونة من X، Y وZ" (the group acts, not each member)
_LISTED_PLACE = re.compile(rf"{NOT_AR_BEFORE}(?:مثل|كل\s+من|(?:المكون|المكونه|المؤلف|المؤلفه)\s+من)"
                           rf"(?:\s+[{AR}]+\s*[،,]?){{1,8}}\s+و?$")
# "بحماس كبير", "بحماس شديد": the noun enthusiasm with its adjective, not the movement's name
_ENTHUSIASM = re.compile(rf"[وف]?بحماس\s+(?:كبير|شديد|بالغ|واضح|منقطع|متزايد|لافت|كبيره|شديده){NOT_AR_AFTER}")
_ADJECTIVES = {fold(w) for w in ("المتحدة", "الأحمر", "العليا", "العظمى", "السريع", "الحر", "الخاصة", "المستقلة", "العرب")}


def _adjective(word: str) -> bool:
    """A definite adjective: a nisba ("الوطنية", "الجوي") or one of the few others names use."""
    return word.endswith(("ي", "يه")) or word in _ADJECTIVES


def name_at(text: str, folded: str, start: int, end: int) -> Optional[tuple[int, str, str]]:
    """An organisation named from a head noun at start: the head, the words up to the first
    definite one, then definite adjectives ("تنسيقية لجان مقاومة الفاشر", "منظمة الأمم المتحدة
    للطفولة"), or a quoted name ("إذاعة «شابيلي»").  (end, name, kind) or None."""
    m = _HEAD_AT.match(folded, start, end)
    if m is None:
        return None
    kind = _ORG_KIND.get(m.group("bare"), "organisation")
    q = _QUOTED.match(text, m.end(), end)
    if q is not None:
        return q.end(), f"{text[m.start('head'):m.end('head')]} {q.group(1).strip()}", kind
    pos, words, definite = m.end(), [], bool(m.group("al"))
    for w in _WORD.finditer(folded, m.end(), min(end, m.end() + 80)):
        if folded[pos:w.start()].strip() or w.group() in _STOPS:
            break  # punctuation, or a word that ends the name
        is_def = w.group().startswith(("ال", "لل"))
        if is_def and not definite and w.group() in _ABSTRACT:
            return None  # "حركة التجارة": trade, not a movement
        if not m.group("al") and _paired(w.group(), words, definite):
            words.append(w)  # "منظمة الأغذية والزراعة", "حركة العدل والمساواة": two nouns joined by و
            pos = w.end()
            continue
        if definite and not (w.group().startswith("لل") or (is_def and _adjective(w.group()))):
            nxt = _WORD.match(folded, w.end() + 1) if folded[w.end():w.end() + 1] == " " else None
            if not (w.group().startswith("ل") and not is_def and len(w.group()) >= 4 and nxt is not None
                    and nxt.group().startswith("ال") and nxt.group() not in _STOPS and w.group()[1:] not in _ORG_KIND):
                break  # after the name's definite noun only adjectives follow: "الأمم المتحدة للطفولة"
            # "... لحقوق الإنسان", "... لسلامة الطيران": ل, a noun and its definite complement
            words += [w, nxt]
            pos = nxt.end()
            continue
        if not definite and len(words) >= 3:
            return None  # "جمعية تأسيسية تتولى إدارة ...": a description, not a name
        words.append(w)
        definite = definite or is_def
        pos = w.end()
    if not definite and kind == "source" and not m.group("al") and words and \
            not any(w.group().endswith(("ي", "يه", "ه")) for w in words):
        definite = True  # an outlet under a foreign or plain name: "إذاعة صوت إسرائيل", "صحيفة نيويورك تايمز"
        # (not "قناة تلفزيونية", "صحيفة محلية", "صحيفة تابعة": adjectives)
    if not definite or (m.group("al") and not words):
        return None  # "الهيئة" alone points back to a name; it is not one
    name = text[m.start("head"):pos]
    if kind == "source" and m.group("bare") == fold("وكالة") and not _PRESS.search(fold(name)):
        kind = "organisation"  # "وكالة الاستخبارات الصومالية" is an agency of the state, not of the press
    return pos, name, kind


def _paired(word: str, words: list, definite: bool) -> bool:
    """A second definite noun joined by و to the single definite noun after a head without the article:
    one name of two nouns ("منظمة الأغذية والزراعة", "وزارة التربية والتعليم"; the first is the head's
    complement, a noun even in -ية), unless the second is an adjective or either is a body of its own
    ("قوات الجيش والدعم السريع": two forces)."""
    if not (definite and len(words) == 1 and word.startswith("وال") and len(word) > 5):
        return False
    first, second = words[0].group(), word[1:]
    # (a noun in -ية, "والتنمية", may be the second; a masculine nisba, "والإسلامي", is an adjective)
    return first.startswith("ال") and not second.endswith("ي") and second not in _ADJECTIVES and \
        not any(w[2:] in _ORG_KIND or w in _KNOWN or w in _INSTITUTION_WORDS for w in (first, second))


_PRESS = re.compile("انباء|صحافه|اخبار|اعلام")  # an agency of the press, not of the state
_GOVERNMENT = re.compile(r"[وفبل]?(?:ال)?(?:حكومه|نظام)")


def _acting(folded: str, start: int, kind: str, prefix: str = "") -> bool:
    """A state is a party unless the words before it (or a glued ب, "in") make it a place."""
    if kind != "state" or _GOVERNMENT.match(folded, start, start + 12):
        return True  # a government is a party even "between" others
    if prefix.rstrip("ال").endswith("ب"):
        return False
    return _PLACE_BEFORE.search(folded, max(0, start - 25), start) is None and \
        _LISTED_PLACE.search(folded, max(0, start - 90), start) is None


def arabic_mentions(text: str, sentences: Sequence[Sentence], body: set[int], gaz,
                    dateline: Optional[tuple[int, int]] = None) -> tuple[list[Entity], list[Mention]]:
    """Actors (and the sources that carry words) named in an Arabic report, as the workspace's
    actors where it knows them (by the English name or any alias), else as new ones; none in the
    wire's dateline ("حلب (سوريا) (رويترز) -": the city, its country and the agency are no actors)."""
    folded = fold(text)
    starts = [s.start for s in sentences]
    covered = bytearray(len(text))
    if dateline is not None:
        covered[dateline[0]:dateline[1]] = b"\x01" * (dateline[1] - dateline[0])
    mentions: list[Mention] = []

    def add(s: int, e: int, core_start: int, kind: str, name: str, known=None) -> None:
        if any(covered[s:e]):
            return
        si = bisect_right(starts, s) - 1
        if si not in body:
            return
        covered[s:e] = b"\x01" * (e - s)
        surface = text[core_start:e]
        place = not _acting(folded, s, kind, text[s:core_start])
        if kind == "state" and text[s:core_start].startswith("و") and mentions and mentions[-1].modifier \
                and mentions[-1].kind == "state" and s - mentions[-1].end <= 2:
            place = True  # "في الصومال وكينيا": the second is a place too
        mentions.append(Mention(s, e, surface, kind=kind, name=name, known=known, sentence=si, modifier=place))

    # organisations named by a head noun go first: "شبكة أطباء السودان" is not Sudan
    for m in _ORG.finditer(folded):
        found = name_at(text, folded, m.start("head"), len(text))
        if found is None or " " not in found[1]:
            continue
        end, name, kind = found
        # the longest known name the words start with: "حركة الشباب الصومالية المتطرفة" is al-Shabaab
        cut = [w.end() for w in _WORD.finditer(folded, m.start("head"), end)]
        known_end = next((e for e in reversed(cut) if fold(text[m.start("head"):e]) in _KNOWN), None)
        inner = _WRAPPER.match(text, m.start("head"), end) if known_end is None else None
        if inner is not None:  # "مليشيا الدعم السريع القرية": the force known after the word for it, no more
            known_end = next((e for e in reversed(cut) if fold(text[inner.end():e]) in _KNOWN), None)
        quoted = _QUOTED.match(text, m.end("head"), end) if known_end is None else None
        if quoted is not None and fold(quoted.group(1).strip()) in _KNOWN:  # "صحيفة «هآرتس»": the outlet known
            canon, kind = _KNOWN[fold(quoted.group(1).strip())]
            add(m.start(), end, m.start("head"), kind, canon)
        elif known_end is not None:
            canon, kind = _KNOWN[fold(text[inner.end() if inner is not None else m.start("head"):known_end])]
            if _GAZ.match(folded, m.start()) is None or _GAZ.match(folded, m.start()).end() <= known_end:
                add(m.start(), known_end, m.start("head"), kind, canon)
        elif _INSTITUTION.match(folded, m.start()) is None:
            add(m.start(), end, m.start("head"), kind, name)
    # "للنقابة الوطنية للصحفيين": ل + the name, whose article lost its alif
    for m in _ORG_LL.finditer(folded):
        found = name_at(text, folded, m.start("head"), len(text))
        if found is not None and " " in found[1] and fold("ال" + found[1]) not in _KNOWN:
            add(m.start(), found[0], m.start("head"), found[2], "ال" + found[1])
    institutions = [(m, text[m.start("core"):m.end()]) for m in _INSTITUTION.finditer(folded)]
    institutions += [(m, "ال" + text[m.start("core"):m.end()]) for m in _INSTITUTION_LL.finditer(folded)]
    for m, core in sorted(institutions, key=lambda mc: mc[0].start()):
        known = _KNOWN.get(fold(core))
        if known is not None:
            add(m.start(), m.end(), m.start("core"), known[1], known[0])
        elif fold(core).startswith(fold("الحكومة")) and m.group("adj") in _NATION:
            add(m.start(), m.end(), m.start("core"), "state", _NATION[m.group("adj")])  # "الحكومة السعودية": the state
        else:
            add(m.start(), m.end(), m.start("core"), "organisation" if not core.startswith(("الجيش", "القوات", "قوات"))
                else "armed_group", core)
    for m in _GAZ.finditer(folded):
        if m.group("core2"):  # "للجزيرة": ل + the name, whose article lost its alif
            canon, kind = _KNOWN["ال" + m.group("core2")]
            add(m.start(), m.end(), m.start("core2"), kind, canon)
        else:
            if _ENTHUSIASM.match(folded, m.start()):
                continue  # "استقبلها الجمهور بحماس كبير": with enthusiasm, not Hamas
            canon, kind = _KNOWN[m.group("core")]
            add(m.start(), m.end(), m.start("core"), kind, canon)
    # a person by name: "التي يقودها محمد حمدان دقلو", "يدعى «محمد حسن»", a spokesperson named
    for m in _PERSON.finditer(text):
        group = "name" if m.group("name") else "name2"
        name = (m.group(group) or "").strip()
        if len(name.split()) >= 2:
            add(m.start(group), m.start(group) + len(name), m.start(group), "person", name)
    # a person by a title before or after the name: "رئيسة البرازيل ديلما روسيف", "لوران فابيوس وزير ..."
    for _title_at, n0, n1 in find_persons(text, folded):
        add(n0, n1, n0, "person", " ".join(text[n0:n1].split()))
    # a person named before, by the family name alone: "وقالت روسيف"
    family = family_names([m.name for m in mentions if m.kind == "person"])
    if family:  # one pass over the words, each looked up (with and without a glued و/ف/ل/ب): linear
        for w in _WORD.finditer(folded):
            word = w.group()
            for cut in range(0, min(3, len(word) - 2)):
                if cut and word[cut - 1] not in "وفلب":
                    break
                name = family.get(word[cut:])
                if name is not None:
                    add(w.start(), w.end(), w.start() + cut, "person", name)
                    break
    # "لوران فابيوس وزير الخارجية الفرنسي", "وزيرة الخارجية الأمريكية هيلاري كلينتون": the office next to a
    # person's name is their title, not another actor
    if family:
        people = sorted((m.start, m.end) for m in mentions if m.kind == "person")
        starts_p = [a for a, _b in people]

        def titled(m: Mention) -> bool:
            if m.kind == "person" and m.name == " ".join(m.text.split()) or not _OFFICE.match(fold(m.text)):
                return False  # (an office the lexicon names as a person, "الأمين العام ...", is a title too)
            k = bisect_right(starts_p, m.end + 30) - 1
            # (the office and the name may have an adjective between: "الرئيس التونسي المؤقت المنصف المرزوقي")
            return any(0 <= people[j][0] - m.end <= 30 and _ADJECTIVES_ONLY.fullmatch(folded, m.end, people[j][0])
                       or 0 <= m.start - people[j][1] <= 2 and not text[people[j][1]:m.start].strip()
                       for j in (k, k - 1) if 0 <= j < len(people))
        mentions[:] = [m for m in mentions if not titled(m)]
        for m in mentions:
            # "رئيسة البرازيل ديلما روسيف": a state in a person's title is the office's, not a party acting
            k = bisect_right(starts_p, m.end + 2) - 1
            if m.kind == "state" and k >= 0 and 0 <= people[k][0] - m.end <= 2 and not text[m.end:people[k][0]].strip():
                before = _WORD_BEFORE.search(folded, max(0, m.start - 25), m.start)
                if before is not None and title_at(folded, before.start()):
                    m.modifier = True
    # "الجيش", "الشرطة" alone: the army (police) the report is about
    for m in _BARE.finditer(folded):
        add(m.start(), m.end(), m.start("core"), "armed_group" if "جيش" in m.group("core") else "organisation",
            text[m.start("core"):m.end()])
    # names the workspace itself holds in Arabic (its own aliases): one alternation, one scan
    own, own_re = _own_names(gaz)
    if own_re is not None:
        for m in own_re.finditer(folded):
            entries = own[m.group("core")]
            entry = next((e for e in entries if e.kind == "actor"), entries[0])
            add(m.start(), m.end(), m.start("core"), entry.actor_kind or "other", entry.name, known=entry)
    mentions.sort(key=lambda m: m.start)
    return _entities(mentions, gaz), mentions


_BARE_NAMES = {"الجيش", "الشرطة"}
_ADJECTIVES_ONLY = re.compile(rf"\s*(?:ال[{AR}]+\s+){{0,2}}")
_WORD_BEFORE = re.compile(rf"[{AR}]+\s+$")
_INSTITUTION_WORDS = {fold(w) for w in AL.INSTITUTION_HEADS if " " not in w}  # "الجيش", "الحكومة", "الشرطة"

_ARABIC_KEY = re.compile(f"[{AR}]")


def _own_names(gaz) -> tuple[dict, Optional[re.Pattern]]:
    """The workspace's own Arabic names (folded) and one alternation of them, made once per
    gazetteer and kept on it (the assistant keeps a gazetteer until the workspace's names change)."""
    cached = gaz.derived.get("arabic_names")
    if cached is None:
        own = {fold(k): entries for k, entries in gaz.index.items() if len(k) >= 3 and _ARABIC_KEY.search(k)}
        own_re = re.compile(rf"{NOT_AR_BEFORE}{PREFIX}(?P<core>{alternation(own)}){NOT_AR_AFTER}") if own else None
        cached = gaz.derived["arabic_names"] = (own, own_re)
    return cached


def _entities(mentions: list[Mention], gaz) -> list[Entity]:
    entities: dict[str, Entity] = {}
    acting: set[str] = set()
    last_with: dict[str, str] = {}  # "الجيش" -> the key of the entity last named with that word
    for m in mentions:
        known = m.known
        if known is None:
            entries = gaz.index.get(" ".join(m.name.lower().split())) or []
            known = next((e for e in entries if e.kind == "actor"), None) or next(
                (e for e in entries if e.kind == "source" and m.kind == "source"), None)
        inner = _unwrapped(m.name) if known is None else None
        key = known.uid if known is not None else fold(inner or m.name)
        if known is None and (inner or m.name) in _BARE_NAMES:  # "الجيش" after "الجيش السوداني": that army
            key = last_with.get(inner or m.name, key)
        entity = entities.get(key)
        if entity is None:
            if m.kind == "source":
                acts = m.name in AL.ACTING_SOURCES
                entity = Entity(f"actor-{len(entities) + 1}", known.name if known else m.name,
                                "organisation" if acts else "source", actor=acts, source=True,
                                known_source=known.uid if known is not None and known.kind == "source" else None,
                                source_kind="ngo" if acts else "news_agency")
            else:
                entity = Entity(f"actor-{len(entities) + 1}", known.name if known else m.name,
                                (known.actor_kind if known else m.kind) or "other", actor=True, source=False,
                                known_actor=known.uid if known is not None and known.kind == "actor" else None)
            entities[key] = entity
        m.entity = entity.id
        entity.mentions.append(m)
        for bare in _BARE_NAMES:
            if fold(bare) in fold(m.text):
                last_with[bare] = key
        if not m.modifier:
            acting.add(entity.id)
    for entity in entities.values():
        if entity.actor and entity.kind == "state" and entity.id not in acting and not entity.known_actor:
            entity.actor = False  # named only as a place
    return [e for e in entities.values() if e.actor or e.source]


# "وزارة الخارجية الصينية" and "الخارجية الصينية", "قوات الجيش السوداني" and "الجيش السوداني", "مليشيا
# الدعم السريع" and "قوات الدعم السريع": the same body with and without the word for what it is
_WRAPPER = re.compile(rf"(?:وزارة|قوات|مليشيا|ميليشيا|ميليشيات|مليشيات)\s+(?=ال[{AR}]{{2,}})")


def _unwrapped(name: str) -> Optional[str]:
    m = _WRAPPER.match(name) or _GROUP_HEAD.match(name)
    return name[m.end():] if m is not None else None


# "تنظيم قاعدة الجهاد الإلكترونية" and "جماعة قاعدة الجهاد الإلكترونية": one group under two words for "group"
_GROUP_HEAD = re.compile(rf"(?:تنظيم|جماعة|حركة|مجموعة)\s+(?=[{AR}]{{2,}}\s+[{AR}])")


_LOOK_BACK = 200  # mentions: a short name points back to one named in the last few paragraphs


def resolve_head(word: str, mentions: Sequence[Mention], ends: Sequence[int], before: int, by_id: dict) -> Optional[str]:
    """"المرصد", "الشبكة", "الوزارة": the entity named earlier whose name or surface holds that head."""
    head = fold(word.strip())
    if head.startswith(("و", "ف")) and len(head) > 4:
        head = head[1:]
    bare = head[2:] if head.startswith("ال") else head
    upto = bisect_right(ends, before)  # ends: the mentions' ends, in the order of their starts (no overlaps)
    for m in reversed(mentions[max(0, upto - _LOOK_BACK):upto]):
        e = by_id.get(m.entity)
        if e is None:
            continue
        surface = fold(m.text)
        if surface.startswith(head) or surface.startswith(bare) or fold(e.name).startswith(head):
            return m.entity
    return None
