"""One proposal per happening: a report tells its main event more than once.

A wire report gives the happening in its lead ("militants have attacked a village,
killing 68"), then again with the day and place ("witnesses say the militants attacked
Njaba before dawn Tuesday"), then refers back to it ("the attack", "this attack",
"Friday's attack") while someone condemns it or compares it with others.  An analyst
codes one event, dated by the telling that gives a day.  Two rules, on the parse:

* a later draft that **tells again** an earlier one is folded into it: both turn on the
  same kind of happening (an attack, a strike, a capture: the same trigger word's stem),
  the later one points back to it (its trigger is a noun with "the", "this", "that",
  a weekday's or a pronoun's possessive: "Friday's attack"), shares a party or the place
  with it, names again with "the" a thing it told ("the gunmen", "the market"), or is told
  in the very next sentence after the last telling of it ("... attacked a barracks on Friday."
  then "Officials said about 40 gunmen stormed the post in <town>."), or gives the same day of
  its own (an air strike on Tuesday, then "confirmed it carried out one air strike on Tuesday"); or,
  sharing no kind, names its doers again with "the" at a place both name and tells no other kind
  ("after gunmen fired on a crowd in <town>" then "the two gunmen opened fire at a bus station in
  <town>"; not "another bomber", and not a new deed with no place: "the militants escaped"); their
  dates agree (equal, or one of them only the publication day or the day something was
  said: "officials said Sunday that ..."), no other place is named, and the report does
  not say it is another one ("also", "another", "separately", "later", a sentence opening with "Earlier")
  nor tell a kind of happening the
  earlier did not ("clashes" then "the escalation of armed clashes and airstrikes": the
  airstrikes are news; the dead, a shooting or a blast may be told with the happening).
  Fighting, clashes and battles are one kind, shelling, strikes and hits another; "the
  attack" pointing back may name any violent happening told before; entering, infiltrating, overrunning
  and seizing a place are its capture.  Dates agree also
  when one telling's day lies inside the other's span of a week at most ("overnight" within "this week"); a country or a region
  ("northern Nigeria", "Borno state") is no other place than a village in it, and the proposal
  takes the narrower place.  A retelling that also tells news ("Saturday's attacks came as the
  general arrived", "after the strike, the president held a meeting", "... violating a truce signed in May") is not folded: the news is its own
  proposal.  The earlier proposal keeps its title and quote, takes the later one's date when
  it has its own, and quotes both tellings;
* a draft whose every trigger points back ("Ban condemned the attack", "this attack
  demonstrates ...") and that no earlier draft took in proposes nothing new when an
  earlier draft tells a happening of that kind: it is left out, but gives its day to the
  nearest telling of that kind when that one has none ("Colombian officials say rebels have
  attacked a convoy ..." then "The attack Thursday took place near ...": Thursday); told in the
  plural ("Both attacks occurred late Wednesday"), also to the undated tellings of that kind just
  before that one (two sentences back at most, no dated one between).

A draft that only counts the dead or the wounded, with no day of its own and no one doing it
("At least six people were wounded, among them ..."), told in the sentence after a happening,
or further on with no other happening told between when that one is violent (an attack, a blast, a
shooting, or a deed of no kind the rules know: "gunmen opened fire at a mall"), is that happening's
toll: it is folded into it (not "the army said its soldiers killed 14").

A sentence whose only event words count or see the dead ("the death toll", "among the
casualties", "has been seen only in videos") tells no happening of its own and is left out
(with or without the parse).  Without the parse, the drafts stay as they are otherwise.
"""

from __future__ import annotations

import re
from typing import NamedTuple, Sequence

from ..core.status import HAPPENED
from ..core.when import When
from . import lexicon as L
from .event_dates import UNDATED_RULES
from .events import EventDraft
from .parse import SPEECH_LEMMAS, token_at
from .text import Sentence
from .triggers import DEAD_OR_HURT, TRIGGER_RE as _TRIGGER_RE, agent_noun, animate, event_stem, tells

__all__ = ["ELSEWHERE", "clause_tokens", "fold_retellings", "said_on", "same_time", "strong_triggers"]

# kinds of happening worth telling apart; "held", "open", "control" and the like say too little to tie two drafts
_STRONG = {"attack", "offensive", "assault", "kill", "murder", "execut", "behead", "shell", "bomb", "strike",
           "airstrike", "air strike", "raid", "clash", "battle", "ambush", "captur", "seiz", "retak", "recaptur",
           "liberat", "withdr", "kidnap", "abduct", "arrest", "releas", "freed", "massacre", "explo", "blast",
           "storm", "expel", "expell", "shot", "shoot", "besieg", "encircl", "surround", "invad", "occup", "struck",
           "fight", "fought", "hit", "loot", "demolish", "flee", "fled", "displac", "evacuat", "enter", "infiltrat",
           "overran", "overrun"}
_SAME_KIND = {"fled": "flee", "displac": "flee", "evacuat": "flee",  # people driven from their homes
              "airstrike": "strike", "air strike": "strike", "recaptur": "captur", "retak": "captur",
              "enter": "captur", "infiltrat": "captur", "overran": "captur", "overrun": "captur", "seiz": "captur",
              "shoot": "shot", "expell": "expel", "murder": "kill", "massacre": "kill", "explo": "blast", "struck": "strike",
              "bomb": "blast", "assault": "attack", "raid": "attack", "storm": "attack", "fight": "clash",
              "fought": "clash", "battle": "clash", "shell": "strike", "hit": "strike"}
# "the attack" may point back to any violent happening told before: a strike, a bombing, a shooting
_VIOLENT = {"strike", "kill", "blast", "shot", "clash", "ambush", "attack", "behead", "execut", "captur", "kidnap",
            "abduct"}
_BACK_DETS = {"the", "this", "that", "these", "those", "such", "both"}
_NEW_ADJS = {"first", "new", "fresh", "renewed", "another", "second", "third"}
_BACK_ADJS = {"latest", "same"}  # ("similar attacks" are other happenings of the kind)
# words that put a happening somewhere else than the one just told (`date_steps` sets such a clause apart too)
ELSEWHERE = r"separately|in\s+a\s+separate|elsewhere|meanwhile"
# a telling opening with "Earlier" ("Earlier Saturday, troops killed ...") places its happening before the one just told
_EARLIER = r"|^\W*earlier\b"
# in a count of the dead, "also" and "other" add to the happening's toll ("58 other people were wounded",
# "30 were also injured"); these words still put the count at another happening
_AGAIN = rf"another|{ELSEWHERE}|second|again|later|similar"
_ANOTHER_TOLL_RE = re.compile(rf"\b(?:{_AGAIN})\b{_EARLIER}", re.I)
_ANOTHER_RE = re.compile(rf"\b(?:also|other|in addition|{_AGAIN})\b{_EARLIER}", re.I)
# nouns too common to tie two tellings together
_LIGHT_NOUNS = {"people", "person", "day", "time", "year", "week", "month", "area", "part", "number", "report",
                "reports", "statement", "official", "officials", "source", "sources", "country", "world"}
_LOOK_BACK = 12  # drafts looked back at: a retelling follows closely (and the work stays linear)
_DEFAULT_RULES = UNDATED_RULES


def _kind(stem: str) -> str:
    return _SAME_KIND.get(stem, stem)


def _shared_kinds(later: set[str], earlier: set[str], back: set[str]) -> set[str]:
    """Kinds two drafts share; "the attack" pointing back is shared with any violent kind told
    before ("a drone strike ..." then "wounded in the attack")."""
    both = later & earlier
    if "attack" in back and earlier & _VIOLENT:
        both |= {"attack"}
    return both


def _broad(place: str) -> bool:
    """A country or a region ("northern Nigeria", "Borno state"): a place the later telling may narrow."""
    low = place.lower()
    words = low.split()
    return bool(words) and (words[0] in L.DIRECTIONS or low in L.COUNTRIES or (words[-1] in _REGION_WORDS)
                            or " ".join(words[1:]) in L.COUNTRIES)


_REGION_WORDS = {"state", "province", "region", "governorate", "county", "country", "prefecture", "oblast"}


def _places_differ(a: str, b: str) -> bool:
    return bool(a and b and a != b and not _broad(a) and not _broad(b))


def clause_tokens(doc, start: int, end: int) -> list:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else [t for t in doc if start <= t.idx < end]


def strong_triggers(tokens: list) -> list:
    """(token, kind) of each strong trigger among a clause's tokens."""
    out = []
    for t in tokens:
        if t.is_alpha and _TRIGGER_RE.fullmatch(t.text) and not agent_noun(t):
            s = event_stem(t.text)
            if s is not None and s in _STRONG:
                out.append((t, _kind(s)))
    return out


def _points_back(token) -> bool:
    """A noun naming a happening already told: "the attack", "this attack", "Friday's attack",
    "the latest strike", "its offensive"."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    head = token
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    kids = list(head.children) + ([] if head is token else list(token.children))
    if any(c.dep_ == "amod" and c.lower_ in _NEW_ADJS for c in kids):
        return False  # "their first attack", "a new offensive": not one told before
    for c in kids:
        if c.i > head.i:
            continue
        if c.dep_ == "det" and c.lower_ in _BACK_DETS:
            return True
        if c.dep_ == "amod" and c.lower_ in _BACK_ADJS:
            return True
        if c.dep_ == "poss" and (c.lower_.rstrip("'’s") in L.MONTH_WORDS or c.pos_ == "PRON"):
            return True
    return False


# words that count or see the dead, not a happening: "the death toll", "among the casualties"
_TOLL_WORDS = {"casualty", "casualties", "deaths", "seen", "spotted"}
_TOLL_QUICK_RE = re.compile(r"\b(?:casualt|deaths\b|death toll|seen\b|spotted\b)", re.I)


def _toll_only(quote: str) -> bool:
    """A sentence whose only event words are a toll or a sighting ("NATO has not confirmed the
    death toll", "two commanders were among the casualties"): no happening of its own."""
    if not _TOLL_QUICK_RE.search(quote):
        return False
    found = list(_TRIGGER_RE.finditer(quote))
    return bool(found) and all(m.group().lower() in _TOLL_WORDS or
                               (m.group().lower() == "death" and quote[m.end():m.end() + 5].lower() == " toll")
                               for m in found)


_TIE_MARKS = {"as", "when", "while", "after", "before"}
_TIE_VERBS = {"come", "follow", "coincide", "precede"}


def _tells_more(tokens: list, kinds: set[str]) -> bool:
    """Besides pointing back, the clause tells something new: a happening hung on the one told
    before ("Saturday's attacks came as the general arrived"), or an event word of another
    kind that points nowhere ("sparked the latest fighting, violating a cease-fire signed in May")."""
    for t in tokens:
        if t.lemma_.lower() in _TIE_VERBS and any(
                c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in _TIE_MARKS for g in c.children)
                and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in t.children):
            return True
        if t.is_alpha and _TRIGGER_RE.fullmatch(t.text) and t.lemma_.lower() not in SPEECH_LEMMAS \
                and not _points_back(t) and tells(t):
            s = event_stem(t.text)
            if t.dep_ == "ROOT" and t.pos_ == "VERB" and s is not None and _kind(s) not in kinds:
                return True  # "following the strike, the president held a meeting": the meeting is news
            if s is not None and s in _STRONG and _kind(s) not in kinds and _kind(s) != "attack":
                return True
            if s is not None and s not in _STRONG and t.pos_ == "VERB" and (
                    t.dep_ in ("acl", "relcl") and not animate(t.head)
                    or t.dep_ == "ccomp" and t.head.lemma_.lower() not in SPEECH_LEMMAS):
                return True
    return False


def _doers_named_again(tokens: list) -> set[str]:
    """The doers of a clause's happening named with "the" ("the two gunmen opened fire", "the U.N.
    force attacked the rebels Saturday"): subjects of a verb in the past that is no saying."""
    out = set()
    for t in tokens:
        if t.dep_ not in ("nsubj", "nsubjpass") or t.pos_ != "NOUN" or t.lemma_.lower() in _LIGHT_NOUNS:
            continue
        if not any(c.dep_ == "det" and c.lower_ in _BACK_DETS for c in t.children):
            continue
        verb = t.head
        if verb.pos_ == "VERB" and verb.tag_ == "VBD" and verb.lemma_.lower() not in SPEECH_LEMMAS:
            out.add(t.lemma_.lower())
    return out


def _default_date(d: EventDraft) -> bool:
    return d.date is None and (d.when_rule or "").startswith(_DEFAULT_RULES)


def said_on(d: EventDraft, sentences: Sequence[Sentence], parsed: dict) -> bool:
    """The draft's date is the day something was said ("officials said Sunday that ..."),
    not the day of the happening: the date's word hangs on a speech verb."""
    if d.date is None:
        return False
    doc = parsed.get(d.clause.sentence)
    if doc is None:
        return False
    at = d.date.start - sentences[d.clause.sentence].start
    token = token_at(doc, at, following=True)
    for _ in range(3):
        if token is None:
            return False
        if token.pos_ in ("VERB", "AUX"):
            return token.lemma_.lower() in SPEECH_LEMMAS
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _same_day(a: EventDraft, b: EventDraft, weak: set[int]) -> bool:
    """Both told with the same day of their own: one report's happening of one kind on one day."""
    return not _weak(a, weak) and not _weak(b, weak) and a.when is not None and b.when is not None \
        and a.when.edtf == b.when.edtf and (a.when.latest - a.when.earliest).days < 1


def _weak(d: EventDraft, weak: set[int]) -> bool:
    return _default_date(d) or id(d) in weak


def _dates_agree(a: EventDraft, b: EventDraft, weak: set[int]) -> bool:
    if _weak(a, weak) or _weak(b, weak):
        return True
    if a.when is None or b.when is None:
        return False
    return same_time(a.when, b.when)


def same_time(a: When, b: When) -> bool:
    """Two dates that may be one happening's: equal, or one inside the other's bounded span of a
    week at most ("overnight" within "this week")."""
    if a.edtf == b.edtf:
        return True
    wide, narrow = (a, b) if a.latest - a.earliest >= b.latest - b.earliest else (b, a)
    return not (wide.open_start or wide.open_end) and (wide.latest - wide.earliest).days <= 8 \
        and wide.earliest <= narrow.earliest and narrow.latest <= wide.latest


# kinds a retelling may add to what it tells again: the dead, and the attack it was
_TOLD_WITH = {"kill", "attack", "shot", "blast"}


def _party_ids(d: EventDraft) -> set[str]:
    return {eid for eid, role in d.participants if getattr(role, "value", role) not in ("spokesperson", "mentioned")}


_DEAD = DEAD_OR_HURT | {"killed"}


def _count_of_dead(tokens: list) -> bool:
    """A clause that only counts the dead or the wounded ("six people were wounded", "14 civilians
    were killed and two soldiers wounded"): its main verb and every event word are the dead's, with a
    number, and no one doing it (not "the militants had killed 14", "drove over a mine, killing two")."""
    words = [t for t in tokens if t.is_alpha and _TRIGGER_RE.fullmatch(t.text) and not agent_noun(t)]
    if not words or not all(t.lemma_.lower() in _DEAD or t.lower_ in _DEAD for t in words):
        return False
    inside = {t.i for t in tokens}
    top = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    verbs = [t for t in top if t.pos_ in ("VERB", "AUX")]
    if not verbs or not all(v.lemma_.lower() in _DEAD or v.lemma_.lower() == "be" or v.lemma_.lower() in SPEECH_LEMMAS
                            for v in verbs):
        return False
    if any(t.dep_ == "agent" or t.dep_ == "nsubj" and t.head.lemma_.lower() in ("kill", "wound", "injure")
           and not _reduced_passive(t.head) for t in tokens):
        return False
    return any(t.like_num for t in tokens)


def _reduced_passive(verb) -> bool:
    """"... were killed and 16 others wounded": a passive told without its auxiliary after one."""
    return verb.dep_ == "conj" and verb.tag_ in ("VBN", "VBD") and any(c.dep_ == "auxpass" for c in verb.head.children)


def _toll_of(told: EventDraft, before: EventDraft, d: EventDraft, weak: set[int], told_kinds: set[str] | None) -> bool:
    """`d`, a count of the dead with no day of its own, told after `before` (folded into `told`)
    with no other happening told between: that happening's toll; in the same or the next sentence
    whatever `told` is, further on only when `told` is a violent happening (or of no kind the rules
    know: "gunmen opened fire at a mall"), not "the Marines were moved to evacuate Americans"."""
    near = d.clause.sentence - before.clause.sentence <= 1
    return (near or told_kinds is not None and not told_kinds - _VIOLENT) and told.status in HAPPENED \
        and _weak(d, weak) and not _places_differ(told.place, d.place) and not _ANOTHER_TOLL_RE.search(d.quote)


class _Telling(NamedTuple):
    """What fold_retellings reads of one draft's clause on the parse."""
    kinds: set          # the kinds of happening its event words tell
    back: set           # the kinds told by words pointing back ("the attack")
    all_back: bool      # every event word points back
    nouns: set          # its nouns (no light ones)
    definite: set       # its nouns named with "the", "this", ...
    count_of_dead: bool  # only a count of the dead or hurt
    plural: bool        # a plural pointing back ("both attacks")
    doers: set          # the doers of its happening named with "the" (_doers_named_again)


def fold_retellings(drafts: list[EventDraft], sentences: Sequence[Sentence], parsed: dict) -> list[EventDraft]:
    drafts = [d for d in drafts if not _toll_only(d.quote)]
    if not parsed or len(drafts) < 2:
        return drafts
    weak = {id(d) for d in drafts if said_on(d, sentences, parsed)}
    info: list[_Telling | None] = []
    for d in drafts:
        doc = parsed.get(d.clause.sentence)
        if doc is None:
            info.append(None)
            continue
        s0 = sentences[d.clause.sentence].start
        tokens = clause_tokens(doc, max(0, d.clause.start - s0), min(len(doc.text), d.clause.end - s0))
        found = strong_triggers(tokens)
        kinds = {k for _, k in found}
        pointing = [(k, _points_back(t)) for t, k in found]
        back = {k for k, points in pointing if points}
        all_back = bool(found) and all(points for _, points in pointing)
        nouns = {t.lemma_.lower() for t in tokens if t.pos_ == "NOUN"} - _LIGHT_NOUNS
        definite = {t.lemma_.lower() for t in tokens if t.pos_ == "NOUN"
                    and any(c.dep_ == "det" and c.lower_ in _BACK_DETS for c in t.children)} - _LIGHT_NOUNS
        if back and _tells_more(tokens, kinds):
            kinds, back, all_back = kinds - back, set(), False  # "the attack came as X arrived": X is news
        plural = any(t.tag_ in ("NNS", "NNPS") and _points_back(t) for t, _k in found)  # "both attacks"
        info.append(_Telling(kinds, back, all_back, nouns, definite, _count_of_dead(tokens), plural,
                             _doers_named_again(tokens)))
    kept: list[int] = []
    prev_home: int | None = None  # the kept draft the previous draft ended in
    last_told: dict[int, int] = {}  # kept draft -> the last sentence that told it
    for j, d in enumerate(drafts):
        meta = info[j]
        if meta is None or d.status not in HAPPENED:
            kept.append(j)
            prev_home = j
            last_told[j] = d.clause.sentence
            continue
        if meta.count_of_dead and prev_home is not None and _toll_of(drafts[prev_home], drafts[j - 1], d, weak,
                                                               info[prev_home].kinds if info[prev_home] else None):
            # "A second bomb hit the convoy. Six people were wounded.": the count is the happening's toll
            _absorb(drafts[prev_home], d, weak, only_parties=False)
            last_told[prev_home] = d.clause.sentence
            continue
        kinds, back, all_back, _nouns, definite, _count, plural, doers = meta
        if all_back and any(info[i] is not None and _shared_kinds(kinds, info[i].kinds, back)
                            and _dates_agree(drafts[i], d, weak) for i in kept):
            # only refers back to a happening already proposed ("condemned the attack"): nothing new,
            # but its day when the nearest telling of that kind gave none ("the attack Thursday took place")
            told = next(i for i in reversed(kept) if info[i] is not None and _shared_kinds(kinds, info[i].kinds, back))
            if _weak(drafts[told], weak) and not _weak(d, weak) and not _places_differ(drafts[told].place, d.place):
                _absorb(drafts[told], d, weak, only_parties=True)
                if plural:  # "Both attacks occurred late Wednesday": the tellings of that kind just before too
                    _date_the_others(drafts, info, kept, told, d, kinds, back, weak)
            prev_home = told
            continue
        target = None
        for i in reversed(kept[-_LOOK_BACK:]):
            prev = drafts[i]
            pmeta = info[i]
            if pmeta is None or prev.status not in HAPPENED:
                continue
            shared = _shared_kinds(kinds, pmeta.kinds, back)
            # the doers named again with "the", at a place both tellings name, with no other kind of happening:
            # the happening told again in other words ("gunmen fired on a crowd in X" then "the two gunmen opened
            # fire at a bus station in X"), though their words share no kind
            same_doers = bool(doers & pmeta.nouns) and not (kinds - pmeta.kinds) - _TOLD_WITH and bool(d.place and prev.place)
            if not (shared or same_doers) or not _dates_agree(prev, d, weak):
                continue
            if _places_differ(prev.place, d.place):
                continue  # told of another place: another happening
            if not back and (kinds - pmeta.kinds) - _TOLD_WITH:
                continue  # "the escalation of armed clashes and airstrikes": airstrikes were not told before
            if not (back & shared) and _ANOTHER_RE.search(d.quote):
                continue  # "also", "another", "separately", "later": the report says it is another one
            # a party, the place, or a thing told before named again with "the" ("the gunmen", "the market")
            # or told in the very next sentence, the last happening told ("... attacked a barracks Friday. The
            # officials said about 40 gunmen stormed the post."): the lead's happening told in more detail
            linked = bool(back & shared) or bool(_party_ids(prev) & _party_ids(d)) \
                or (prev.place and d.place and prev.place == d.place) or bool(definite & pmeta.nouns) \
                or i == kept[-1] and d.clause.sentence - last_told[i] == 1 \
                or _same_day(prev, d, weak)  # (doers named again are nouns named again with "the")
            if linked:
                target = i
                break
        if target is not None:
            _absorb(drafts[target], d, weak, only_parties=bool(back))
            prev_home = target
            last_told[target] = d.clause.sentence
            continue
        kept.append(j)
        prev_home = j
        last_told[j] = d.clause.sentence
    return [drafts[j] for j in kept]


def _date_the_others(drafts: list, info: list, kept: list[int], told: int, d: EventDraft, kinds: set, back: set,
                     weak: set[int]) -> None:
    """The undated tellings of that kind right before `told` (no dated one between, two sentences
    back at most) take the day a plural telling pointing back gives ("both attacks", "the blasts")."""
    for i in reversed(kept[:kept.index(told)]):
        other = drafts[i]
        if info[i] is None or other.status not in HAPPENED or d.clause.sentence - other.clause.sentence > 2:
            break
        if not _weak(other, weak):
            break
        if _shared_kinds(kinds, info[i].kinds, back) and not _places_differ(other.place, d.place):
            other.when, other.date = d.when, d.date
            other.when_rule = f"{d.when_rule}; told together with the next one: \u201c{d.quote[:60]}\u201d"
            weak.discard(id(other))


def _absorb(first: EventDraft, later: EventDraft, weak: set[int], only_parties: bool) -> None:
    """`first` takes in `later`: its date when first has only a weak one (publication's, or the
    day something was said), its parties (none when later merely points back: "Ban condemned the attack"
    adds no party to it) and its words."""
    if _weak(first, weak) and not _weak(later, weak) or _default_date(first) and not _default_date(later):
        first.when, first.when_rule, first.date = later.when, later.when_rule, later.date
        if id(later) in weak:
            weak.add(id(first))
        else:
            weak.discard(id(first))
    roles = dict(first.participants)
    for eid, role in ([] if only_parties else later.participants):
        if eid not in roles:
            first.participants.append((eid, role))
            roles[eid] = role
    if later.place and (not first.place or _broad(first.place) and not _broad(later.place)):
        first.place = later.place  # "a village in northern Nigeria", then "Njaba": the village
    first.quote = f"{first.quote} … {later.quote}"  # as the review's own merge of two proposals
    if first.statement is None and later.statement is not None:
        first.statement = later.statement
