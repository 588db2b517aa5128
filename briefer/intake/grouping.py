"""Grouping a report's mentions into entities: the names one report uses for one actor
("Islamic State group", "IS", "Daesh (IS)"; "Father Paolo Dall'Oglio", "Father Paolo")
by general rules: parenthesised aliases, acronyms built from initials, parts of a
person's name, spelling variants; and "the brigade" for the one brigade named before.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional, Sequence

from rapidfuzz import fuzz

from . import lexicon as L
from .text import Sentence, fold
from .bodies import nationality, state_key
from .name_shapes import ARMED_MEMBERS, ARTICLE_PREFIX_RE, NAMED_AS
from .names import _SAME_ACTOR, Entity, Gazetteer, Mention

__all__ = ["group_mentions", "definite_references", "named_as_whose", "taken_up"]


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


_INITIAL_SKIP = {"of", "for", "the", "and", "de", "al", "el", "group", "in", "on", "la", "le", "du"}


def _letters(text: str) -> str:
    """"U.N." and "M-L-C" are the acronyms "UN" and "MLC"; other words stay as they are."""
    if re.fullmatch(r"(?:[A-Z][.\-]){1,5}[A-Z]\.?", text):
        return re.sub(r"[.\-]", "", text)
    return text.replace(".", "")


_ASSOCIATED_RE = re.compile(r"-(?:linked|affiliated|inspired|style|allied|aligned|type|leaning|sympathi[sz]ing)\b")
_LED_KEY_RE = re.compile(r"\b(\w+) led ")
_ACRONYM_RE = re.compile(r"[A-Z]{2,8}")
_OR_RE = re.compile(r"(?:\s+(?:to|in|for|of)\s+[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)?\s*,\s*or\s+(?:the\s+)?")
_ITS_FORCE_RE = re.compile(r"\s+(?:[a-z\-]+\s+)?(?:force|forces|mission|operation|peacekeeping\s+mission|"
                           r"peacekeepers|troops)\s+")
_AKA_RE = re.compile(r"^\s*,?\s*(?:also\s+known\s+as|better\s+known\s+as|known\s+as|alias|a\.k\.a\.?|aka)\s+$", re.I)
# "a Lendu militia known as CODECO", "the U.N. mission in Western Sahara, known as MINURSO", "the group,
# known locally as Ansar": the name a description (its class noun, where it serves) is given
_DESCRIBED_AKA_RE = re.compile(r"(?P<noun>(?:\s+[a-z\-]+){0,2})"
                               r"(?P<where>\s+(?:in|to|for|of)\s+(?:the\s+)?[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)?"
                               r"\s*,?\s+(?:also\s+|better\s+)?known\s+(?:locally\s+)?as\s+(?:the\s+)?")
# (only a body that serves somewhere is named with where: "rebels in Myanmar, also known as Burma" renames the place)
_SERVES_RE = re.compile(r"\b(?:mission|force|office|operation|command|delegation)$", re.I)


def _initials(name: str, skip: bool = True) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    if skip:
        words = [w for w in words if w.lower() not in _INITIAL_SKIP]
    return "".join(w[0] for w in words).upper()


_MAX_FUZZY_NAMES = 1500


def group_mentions(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Entity]:
    # a name the report uses as a place ("the neighborhood of Baba Amr") is that place wherever only a
    # guess made it a person or left it unclassified ("rebels infiltrated Baba Amr")
    places = {m.key for m in mentions if m.kind == "place"}
    actorish = [m for m in mentions if m.kind not in ("place",)
                and not (m.known is None and m.kind in ("person", "other", "") and m.key in places and not m.title)]
    n = len(actorish)
    u = _Union(n)
    by_key: dict[str, int] = {}
    by_known: dict[tuple[str, str], int] = {}
    for i, m in enumerate(actorish):
        if m.known is not None:
            k = (m.known.kind, m.known.uid)
            if k in by_known:
                u.union(by_known[k], i)
            else:
                by_known[k] = i
        key = m.key.replace("-", " ")  # "Al Shabab" and "Al-Shabab"
        key = _LED_KEY_RE.sub(r"\1 ", key)  # "the Saudi-led coalition" and "the Saudi coalition"
        if key in by_key:
            u.union(by_key[key], i)
        else:
            by_key[key] = i
    # names the press uses for one actor: "ISIS" and "Daesh"
    by_alias_set: dict[tuple[str, ...], int] = {}
    for i, m in enumerate(actorish):
        names = _SAME_ACTOR.get(m.key)
        if names is None and m.known is None and m.key.split(" ", 1)[0] in L.DEMONYMS:
            names = _SAME_ACTOR.get(m.key.split(" ", 1)[-1])  # "Afghan Taliban": the Taliban
        if names is not None and m.known is None:
            if names in by_alias_set:
                u.union(by_alias_set[names], i)
            else:
                by_alias_set[names] = i
    # "Daesh (IS)", "Syrian Democratic Forces (SDF)"; "Hussein, also known as Ali Jabal"
    for i, a in enumerate(actorish):
        for j in range(i + 1, min(n, i + 3)):
            b = actorish[j]
            between = text[a.end:b.start]
            if re.fullmatch(r"\s*\(\s*(?:the\s+)?", between) and text[b.end:b.end + 2].lstrip().startswith(")"):
                u.union(i, j)
            elif len(between) < 30 and _AKA_RE.match(between) or (
                    len(between) < 60 and (said := _DESCRIBED_AKA_RE.fullmatch(between)) is not None
                    and a.kind not in ("person", "state") and b.kind in ("armed_group", "organisation")
                    and (not said.group("where") or _SERVES_RE.search(a.text + said.group("noun")))):
                u.union(i, j)
            elif _ACRONYM_RE.fullmatch(_letters(b.text)) and a.kind not in ("person", "place", "state") \
                    and (_OR_RE.fullmatch(between) or _ITS_FORCE_RE.fullmatch(between)):
                # "the African Union Mission to Somalia, or AMISOM", "the African Union force AMISOM":
                # the acronym is the body's own name, or its force's
                u.union(i, j)
    # acronyms built from initials: SDF = Syrian Democratic Forces, SOHR, IS = Islamic State (group);
    # a broadcaster's spelt-out "M-L-C" too.  A name the report uses as a place ("Upper Nile") is
    # no body an acronym ("U.N.") stands for.
    acronyms = [i for i, m in enumerate(actorish) if re.fullmatch(r"[A-Z]{2,6}", _letters(m.text))]
    by_initials: dict[str, dict[str, int]] = {}  # initials -> one mention per distinct full name
    for j, m in enumerate(actorish):
        name = m.name or m.text
        if len(name.split()) > 1 and m.key not in places:
            for initials in {_initials(name), _initials(name, skip=False)}:
                by_initials.setdefault(initials, {}).setdefault(m.key, j)
    for i in acronyms:
        for j in by_initials.get(_letters(actorish[i].text), {}).values():
            if actorish[i].known is not None and actorish[j].known is not None \
                    and actorish[i].known.uid != actorish[j].known.uid:
                continue
            u.union(i, j)
    # parts of a person's name: "Trump" for "Donald Trump", "Father Paolo" for "Father Paolo Dall'Oglio"
    # (indexed by the last and first words of each distinct full name: linear in the mentions)
    ends: dict[tuple[str, ...], dict[str, int]] = {}
    heads: dict[tuple[str, ...], dict[str, int]] = {}
    for j, m in enumerate(actorish):
        if (m.kind == "person" or (m.known is not None and m.known.actor_kind == "person")) and len(m.key.split()) > 1:
            full = m.key.split()
            for k in (1, 2):
                if len(full) > k:
                    ends.setdefault(tuple(full[-k:]), {}).setdefault(m.key, j)
                    heads.setdefault(tuple(full[:k]), {}).setdefault(m.key, j)
    for i, m in enumerate(actorish):
        tokens = m.key.split()
        if not tokens or len(tokens) > 2 or m.known is not None and m.known.actor_kind != "person":
            continue
        if m.kind not in ("person", "other", "source", "organisation") and m.known is None:
            continue
        candidates = list(ends.get(tuple(tokens), {}).values())
        if m.title:
            candidates += heads.get(tuple(tokens), {}).values()
        # of two "... Saleh" the report names, the one named before this mention ("Saleh" in the lead is Ali
        # Abdullah Saleh, before "his nephew, Tarek Saleh" comes in)
        earlier = [j for j in candidates if j != i and actorish[j].start < m.start]
        fits = {u.find(j) for j in (earlier or candidates) if j != i}
        if len(fits) == 1:
            u.union(i, fits.pop())
    # spelling variants among the new names (each distinct name once; a report with thousands
    # of distinct names is past what pairwise comparison can do in time: then exact names only)
    first_of: dict[str, int] = {}
    for i, m in enumerate(actorish):
        if m.known is None and len(m.key) >= 6:
            first_of.setdefault(m.key, i)
    keys = list(first_of.items())
    if len(keys) <= _MAX_FUZZY_NAMES:
        for x in range(len(keys)):
            for y in range(x + 1, len(keys)):
                if fuzz.ratio(keys[x][0], keys[y][0]) >= 92:
                    u.union(keys[x][1], keys[y][1])
    # spelling variants of known names
    fuzzy_cache: dict[str, list] = {}
    for i, m in enumerate(actorish):
        if m.known is None and m.kind != "place":
            if m.key not in fuzzy_cache:
                fuzzy_cache[m.key] = gaz.fuzzy(m.key) if len(fuzzy_cache) < _MAX_FUZZY_NAMES * 4 else []
            entries = fuzzy_cache[m.key]
            if entries:
                m.known = next((e for e in entries if e.kind == "actor"), entries[0])
                if m.kind in ("other", ""):
                    m.kind = m.known.actor_kind if m.known.kind == "actor" else "source"
                k = (m.known.kind, m.known.uid)
                if k in by_known:
                    u.union(by_known[k], i)
                else:
                    by_known[k] = i

    _named_description(text, actorish, u)
    _tail_names(actorish, u)
    _short_forms(text, actorish, u)
    _state_with_its_body(actorish, u)
    groups: dict[int, list[Mention]] = {}
    for i, m in enumerate(actorish):
        groups.setdefault(u.find(i), []).append(m)
    entities: list[Entity] = []
    for members in sorted(groups.values(), key=lambda ms: ms[0].start):
        if all(m.known is None and _ASSOCIATED_RE.match(text, m.end) for m in members):
            continue  # "an al-Qaida-linked group", "IS-inspired attackers": named only to say what another is
        if all(m.known is None and m.kind in ("organisation", "other") and named_as_whose(text, m) for m in members) \
                and not taken_up(text, members):
            continue  # "a U.N. office", "the U.N. cultural agency UNESCO": named only to say whose a thing is
        entity = _entity(members, gaz)
        if entity is None:
            continue
        entity.id = f"actor-{len(entities) + 1}"
        for m in members:
            m.entity = entity.id
        entities.append(entity)
    return entities


# words that say what a group is, not which one: "Tamil Tiger rebels", "KIA Battalion"
_KIND_WORDS = {"rebels", "rebel", "fighters", "militants", "militant", "forces", "force", "group", "groups", "troops",
               "guerrillas", "insurgents", "gunmen", "militia", "militiamen", "battalion", "brigade", "division",
               "unit", "units", "regiment", "company", "wing", "faction", "cells", "cell", "ethnic"}


def _content_words(name: str) -> set[str]:
    words = [fold(w) for w in re.findall(r"[\w'’\-]+", name)
             if w[:1].isupper() or re.fullmatch(r"[A-Z]{2,6}", w) or ARTICLE_PREFIX_RE.sub("", w)[:1].isupper()]
    out = set()
    for w in words:
        if w in _INITIAL_SKIP or w in _KIND_WORDS or w.isdigit():
            continue
        out.add(w[:-1] if len(w) > 4 and w.endswith("s") else w)
    return out


# "Islamist group Ansar Dine", "Tuareg rebel group MNLA": the word before a class noun says what the
# named group is, and a description with that word ("Islamist militants", "Tuareg rebels") may mean it
_DESCRIBED_RE = re.compile(r"\b([A-Z][a-z]+)\s+(?:(?:rebel|militant|armed|extremist|jihadist|insurgent|separatist)\s+)?"
                          r"(?:group|movement|militia|organi[sz]ation|faction|network|coalition|alliance)\s+(?:the\s+)?$")
# what a group believes, not who it is: "Islamist militants" in a report of one named armed group are it
_CREED_WORDS = {"islamist", "islamic", "jihadist", "jihadi", "extremist", "salafist", "salafi", "militant"}


def _short_forms(text: str, actorish: list[Mention], u: _Union) -> None:
    """A short form of an armed group the report names in full is that group: "Tamil Tiger
    rebels" for the "Liberation Tigers of Tamil Eelam", "Kachin rebels" and "KIA Battalion 26"
    for the "Kachin Independence Army (KIA)", "Tuareg rebels" for the "Tuareg rebel group MNLA";
    not a nationality alone ("Syrian rebels"), and only when one group fits.  A group described
    by its creed alone ("Islamist militants") is the one armed group the report names, if it
    names one."""
    members: dict[int, list[Mention]] = {}
    for i, m in enumerate(actorish):
        members.setdefault(u.find(i), []).append(m)
    if len(members) < 2 or len(members) > 400:
        return
    words: dict[int, set[str]] = {}
    kinds: dict[int, set[str]] = {}
    described: dict[int, set[str]] = {}
    for root, ms in members.items():
        words[root] = set().union(*(_content_words(m.name or m.text) for m in ms))
        kinds[root] = {m.kind for m in ms}
        for m in ms:
            said = _DESCRIBED_RE.search(text, max(0, m.start - 50), m.start)
            if said is not None and m.kind != "person":
                described.setdefault(root, set()).add(fold(said.group(1)))
        words[root] |= described.get(root, set())
    named = [r for r in members if "armed_group" in kinds[r] and "person" not in kinds[r]
             and words[r] - _CREED_WORDS - L.DEMONYMS
             and not all(_ASSOCIATED_RE.match(text, m.end) for m in members[r])]  # (not "al-Qaida-linked")
    for root, ms in members.items():
        if "armed_group" not in kinds[root] or "person" in kinds[root] or any(m.known is not None for m in ms):
            continue
        if any(m.key in _SAME_ACTOR for m in ms):
            continue  # "Islamic State" beside "Islamic State in the Greater Sahara": two groups the press knows apart
        own = set().union(*(_content_words(m.name or m.text) for m in ms))
        if own and all(w in L.DEMONYMS and w not in _CREED_WORDS for w in own):  # ("Islamic" is both)
            # "Tuareg rebels" after "Tuareg rebel group MNLA": the one group the report described so
            fits = [r for r in described if r != root and own <= described[r] and "person" not in kinds[r]]
            if len(fits) == 1:
                u.union(root, fits[0])
            continue
        if not own:
            continue
        fits = [r for r in members if r != root and kinds[r] & {"armed_group", "organisation"}
                and "person" not in kinds[r] and own <= words[r]]
        if own <= _CREED_WORDS:
            groups = [r for r in named if r != root]
            if len(groups) > 1:  # of several, the one whose name says that creed ("Islamic State ...")
                groups = [r for r in groups if {w[:5] for w in words[r]} & {w[:5] for w in own}]
            fits = groups if len(groups) == 1 else fits
        if len(fits) == 1:
            u.union(root, fits[0])


def _tail_names(actorish: list[Mention], u: _Union) -> None:
    """A body's name cut at the front is that body when the report names one such body in full: "Central
    Command" after "U.S. Central Command", "Human Rights Organization" for the "Elman Peace and Human Rights
    Organization", "U-N Refugee Agency" (the initials of the words cut) for the "United Nations Refugee Agency".
    Not a state's body ("Syrian army" beside the "Free Syrian Army"), and not when two bodies end so."""
    bodies = ("organisation", "armed_group")
    tails: dict[tuple[str, ...], set[int]] = {}
    for i, m in enumerate(actorish):
        words = m.key.replace("-", " ").split() if m.kind in bodies and not m.body else []
        for k in range(1, len(words) - 1):
            tails.setdefault(tuple(words[k:]), set()).add(i)
            tails.setdefault((_initials(" ".join(words[:k]), skip=False).lower(), *words[k:]), set()).add(i)
    if not tails:
        return
    for i, m in enumerate(actorish):
        if m.kind not in bodies or m.body or m.known is not None or len(m.key.split()) < 2:
            continue
        words = m.key.split()
        key = tuple(words[:1] if not re.fullmatch(r"(?:[a-z][.\-]?){2,5}", words[0]) else
                    [re.sub(r"[.\-]", "", words[0])]) + tuple(words[1:])
        fits = {u.find(j) for j in tails.get(tuple(words), set()) | tails.get(key, set())} - {u.find(i)}
        if len(fits) == 1:
            u.union(i, fits.pop())


# "the rebels, known as the Allied Democratic Forces", "The group, known locally as Ansar Dara": a definite
# description given its name there
_THE_KNOWN_AS_RE = re.compile(rf"\b[Tt]he\s+(?:[a-z\-]+\s+)?(?P<noun>{ARMED_MEMBERS}|group){NAMED_AS}(?:the\s+)?$")


def _named_description(text: str, actorish: list[Mention], u: _Union) -> None:
    """The name a definite description is given ("the rebels, known as X") is the group the report
    described so before ("Ugandan rebels", "Islamist insurgents"), when it described one such group only."""
    for j, b in enumerate(actorish):
        if b.known is not None or b.kind not in ("armed_group", "organisation"):
            continue
        said = _THE_KNOWN_AS_RE.search(text, max(0, b.start - 60), b.start)
        if said is None:
            continue
        described = {u.find(i) for i, a in enumerate(actorish[:j]) if a.end <= said.start() and a.known is None
                     and a.kind == "armed_group" and (said.group("noun") == "group" or a.key.split()[-1] ==
                                                      said.group("noun"))
                     and all(w in _CREED_WORDS or w in L.DEMONYMS or nationality(w)
                             for w in _content_words(a.name or a.text))}
        if len(described) == 1:
            u.union(described.pop(), j)


def _state_with_its_body(actorish: list[Mention], u: _Union) -> None:
    """A state that acts and its designated body are one party: "France" and "French forces",
    "Sudan" and "the Sudanese government".  The state goes with its government when the report
    names one, else with its forces; a state the workspace knows stays as it is."""
    bodies: dict[str, dict[str, int]] = {}  # state -> body -> first mention
    for i, m in enumerate(actorish):
        if m.body and m.known is None:
            state, _, body = m.body.partition("|")
            bodies.setdefault(state, {}).setdefault(body.split("|")[0], i)
    if not bodies:
        return
    for i, m in enumerate(actorish):
        if m.kind != "state" or m.known is not None:
            continue
        own = bodies.get(state_key(m.name or m.text))
        if own:
            j = own.get("government", own.get("military"))
            if j is not None:
                u.union(i, j)


# "a U.N. office", "U.N. backing", "the U.N. representative", "a U-N backed court", "a U.N.-run school", "the
# U.N.'s under secretary-general": a body named only as the owner of a thing, an office, a post or a backing
# is mentioned, not a party
_OWNED_RE = re.compile(r"(?:(?:-|\s+)(?:[a-z'’]+\s+){0,2}(?:office|offices|agency|representative|envoy|"
                       r"headquarters|compound|convoy|resolution|mandate|backed|sanctions|staff|chief|buildings)"
                       r"|-(?:run|controlled|held)|\s+targets(?=\s*[.,;]|\s+(?:in|of|and|across|around)\b)"
                       r"|['’]s\s+(?:[a-z\-]+\s+){0,2}(?:secretary-general|representative|envoy|chief|coordinator))\b"
                       r"|\s+backing(?=\s*[.,;:)])")  # (not "the coalition backing the government")

# "U.N. officials said", "White House officials": a civil body's officials are unnamed speakers; "Kremlin
# spokesman Dmitry Peskov", "Jeff Davis, a Pentagon spokesman,", "the EU's top adviser, Ann Roe": the named
# person speaks, the body is only whose voice he is ("an Interior Ministry spokesman said": the ministry
# speaks).  A force's officials speak for the force: "Nepalese army officials say".
_OFFICIALS_RE = re.compile(r"(?:\s+|['’]s\s+(?:[a-z\-]+\s+){0,2})(?:officials?\b|(?:spokes(?:man|woman|person)|"
                           r"advis[eo]rs?)(?=\s*,|\s+[A-Z]))")


def named_as_whose(text: str, m: Mention) -> bool:
    """Whether a body is named here only as whose thing, post or voice someone or something is."""
    return bool(_OWNED_RE.match(text, m.end) or (_OFFICIALS_RE.match(text, m.end) and not _a_force(m)))


def taken_up(text: str, members: list[Mention]) -> bool:
    """Whether the report comes back to a body by its head noun ("the Interior Ministry's spokesman, Dawit
    Horanso, said ... A ministry spokesman said later"): then it speaks, and is more than whose voice."""
    head = (members[0].name or members[0].text).split()[-1]
    if not head.islower() and not head.istitle() or len(head) < 4:
        return False
    return _last_common_use(text).get(head.lower(), -1) > max(m.end for m in members)


@lru_cache(maxsize=8)
def _last_common_use(text: str) -> dict[str, int]:
    """Where each lower-case noun last follows "the", "a" or "its" in the report (once per report)."""
    return {m.group(1): m.start(1) for m in re.finditer(r"\b(?:[Tt]he|[Aa]n?|[Ii]ts)\s+([a-z]{4,})\b", text)}


def _a_force(m: Mention) -> bool:
    return bool(m.body) and m.body.split("|")[1:2] in (["military"], ["security"], ["police"])


_KIND_RANK = {"person": 5, "armed_group": 4, "state": 4, "organisation": 3, "source": 2, "other": 0, "": 0}


def _entity(members: list[Mention], gaz: Gazetteer) -> Optional[Entity]:
    known_actor = next((m.known for m in members if m.known is not None and m.known.kind == "actor"), None)
    known_source = next((m.known for m in members if m.known is not None and m.known.kind == "source"), None)
    if known_source is None:
        known_source = next((m.also_source for m in members if m.also_source is not None), None)
    kinds = [m.kind for m in members if m.kind not in ("", "other", "place")]
    title = next((m.title for m in members if m.title), "")
    if known_actor is not None:
        return Entity("", known_actor.name, known_actor.actor_kind or "other", actor=True,
                      source=known_source is not None, known_actor=known_actor.uid,
                      known_source=known_source.uid if known_source else None, title=title, mentions=members)
    if known_source is not None:
        return Entity("", known_source.name, "source", actor=False, source=True, known_source=known_source.uid,
                      title=title, mentions=members, source_kind=known_source.actor_kind)
    if not kinds:
        return None
    kind = max(kinds, key=lambda k: _KIND_RANK.get(k, 0))
    # The fullest name the report uses, without its title, is the proposed name.
    names = [m for m in members if m.kind != "source" or kind == "source"]
    # (an armed group's own name before a description of it: "Ansar Dine", not "Islamist militants")
    best = max(names or members, key=lambda m: (kind != "armed_group" or bool(_content_words(m.name or m.text)
                                                                              - _CREED_WORDS - L.DEMONYMS),
                                                 len(m.key.split()) if not m.key.isupper() else 0,
                                                 not m.text.isupper(), len(m.name)))
    name = " ".join(best.name.split())
    if kind == "state" and best.body:
        kind = best.kind  # "Malian soldiers", seen as "Mali" too: the body, named as the report names it
    if kind == "source" or (kind == "organisation" and _agency_name(name)):
        return Entity("", name, "source", actor=False, source=True, title=title, mentions=members,
                      source_kind="news_agency")
    return Entity("", name, kind, actor=True, source=False, title=title, mentions=members,
                  source_kind="news_agency" if fold(name) in L.NEWS_AGENCIES else "")


def _agency_name(name: str) -> bool:
    folded = fold(name)
    if any(folded.startswith(a + " ") and folded.endswith(" service") for a in L.NEWS_AGENCIES):
        return True  # "VOA Hausa Service", "BBC Persian Service"
    return folded in L.NEWS_AGENCIES or bool(re.search(r"\b(?:news|agency|press|television|radio|tv)\b", name, re.I)
                                            and not L.UN_NAME_RE.match(name))


def definite_references(text: str, sentences: Sequence[Sentence], mentions: list[Mention],
                         entities: list[Entity]) -> None:
    """"the brigade" for the one "Northern Shield Brigade" of the report."""
    heads: dict[str, list[Entity]] = {}
    for e in entities:
        words = e.name.split()
        if e.actor and len(words) > 1 and e.kind in ("armed_group", "organisation"):
            heads.setdefault(fold(words[-1]), []).append(e)
    if not heads:
        return
    taken = [(m.start, m.end) for m in mentions]
    first_mention = {e.id: min(m.start for m in e.mentions) for e in entities if e.mentions}
    starts = [s.start for s in sentences]
    import bisect

    for m in re.finditer(r"\b[Tt]he ([a-z]+)\b", text):
        found = heads.get(m.group(1))
        if not found or len(found) != 1 or any(a < m.end() and m.start() < b for a, b in taken):
            continue
        entity = found[0]
        if first_mention.get(entity.id, len(text)) > m.start():
            continue  # only after the name was given
        si = bisect.bisect_right(starts, m.start()) - 1
        mention = Mention(m.start(1), m.end(1), m.group(1), kind=entity.kind, name=m.group(1), entity=entity.id,
                          sentence=si, reference=True)
        entity.mentions.append(mention)
        mentions.append(mention)
    mentions.sort(key=lambda x: x.start)
