"""Which event word of a clause tells a happening, read on the dependency parse.

An event word (lexicon.EVENT_STEMS) found in a clause proposes an event only when it is part
of what the clause tells, not of how it names someone or something:

* it is a verb or a noun (or a participle used as an adjective, "dead", "missing"), not a
  piece of a name ("the Liberation Movement") nor a derived word ("joint", "former", "the
  surrounding villages"), nor a noun naming who does it or what it is done with ("fighters",
  "insurgents", "explosives");
* it is not inside a clause describing a person or a group by what they are or keep doing
  ("rebels who control the north", "fighters battling the army"): that says who they are,
  not what happened (what happened to them or what they did, "Machar, who was dismissed in
  July", "civilians killed in the attack", is told);
* it is not a purpose or an aim ("to fight on", "in a bid to retake", "in order to push", "an
  operation aimed at retaking") nor what someone was urged, asked or called on to do ("urged the
  bloc to deploy", "called for a cease-fire");
* a participle that qualifies a noun ("the ousted president") says who or what it is, and
  "control" or "hold" in the present tense ("his troops now control the town") or "under ... control"
  ("areas under government control") who holds what;
* a count of the dead over a span of time ("the war has left thousands dead, while pushing the
  country to famine", "200 people have been killed since the violence erupted", "blamed for
  thousands of deaths during its insurgency") is a toll, not a happening;
* what the present tense tells as going on ("continues to wrestle with an insurgency", "are continuing to
  be suspended", "is still recovering from the war", "is increasingly targeting civilians") is a state,
  and happenings counted as more or fewer ("attacks have increased in recent weeks") a trend;
* a light verb ("take", "hold", "open") tells no happening when what it takes or holds is
  a view, a step or an accusation ("takes the allegations seriously", "holds the view",
  "held them responsible"), as against "took the town", "held talks", "opened fire".
"""

from __future__ import annotations

import functools
import re
from typing import Optional, Sequence

from . import lexicon as L
from .deed_verbs import DEED_VERBS
from .parse import SPEECH_LEMMAS, token_at

__all__ = ["CASUALTY", "event_word", "deed_word", "own_forces_act", "told_as_news", "told_at_place", "tells", "event_stem", "agent_noun",
           "animate", "TRIGGER_RE", "HABITUAL", "DEAD_OR_HURT"]

_STEMS = sorted(L.EVENT_STEMS, key=len, reverse=True)  # the longest first
TRIGGER_RE = re.compile(r"\b(?:" + "|".join(re.escape(s) + (r"(?=s?\b)" if s in L.EVENT_WHOLE_WORDS else "")
                                            for s in _STEMS) + r")\w*", re.I)


def event_stem(word: str) -> Optional[str]:
    """The event word's stem (lexicon.EVENT_STEMS) that `word` begins with, the longest; None if none."""
    low = word.lower()
    return next((s for s in _STEMS if low.startswith(s)
                 and (s not in L.EVENT_WHOLE_WORDS or low in (s, s + "s"))), None)

# who a describing clause can be about: people and armed or organised groups
_ANIMATE = L.PERSON_NOUNS | {
    "people", "civilian", "child", "woman", "man", "men", "fighter", "troop", "force", "soldier", "militant",
    "insurgent", "rebel", "gunman", "group", "militia", "army", "police", "policeman", "guard", "family",
    "relative", "villager", "student", "protester", "refugee", "assailant", "attacker", "jihadist", "member",
    "unit", "faction", "movement", "government", "regime", "authority", "official",
    "those", "others", "many", "some", "several", "dozens", "hundreds", "thousands",  # "among those wounded"
}
_ANIMATE_ENTS = {"PERSON", "NORP", "ORG"}
# verbs whose infinitive complement is what was asked for, not what happened
_DIRECTIVE = {"urge", "call", "ask", "demand", "appeal", "order", "instruct", "encourage", "invite", "press",
              "implore", "tell", "request", "beg", "advise", "persuade"}
_LIGHT = {"take", "hold", "open"}
_SENDING = {"send"}
_PHRASAL = {"hand": "over", "blow": "up"}  # not "handed a letter", "the wind blew"
_SAYING = SPEECH_LEMMAS  # "vowed", "warned", "denied", "announced"
# what a light verb takes or holds when it tells no happening: "takes the allegations seriously",
# "holds the view", "took note", "held them responsible"
_ABSTRACT = {"allegation", "view", "views", "note", "care", "account", "look", "step", "measure", "stance",
             "belief", "opinion", "interest", "advantage", "pride", "issue", "question", "concern", "charge",
             "claim", "report", "accusation", "responsibility", "seriously", "responsible", "accountable", "hope",
             "time", "effect", "shape", "notice", "aim", "heart", "comfort", "lesson", "breath", "turn",
             "place", "cover", "shelter", "refuge", "part"}  # "the attack took place", "took cover", "took part"
_NAME_PARTS = {"compound", "flat"}
# nouns made on an event word that name people or things, not happenings
_THINGS = {"insurgent", "explosive", "hostage", "wound", "shell", "surrounding", "surroundings", "fledgling", "sign",
           "target", "recruit", "convict"}  # "no sign of", "the target of": a thing, not the signing or the targeting
_HOLDING = {"control", "hold"}  # in the present tense, a state
_ADJ_OK = {"dead", "missing", "wounded", "injured", "killed", "trapped", "besieged", "surrounded"}


def animate(noun) -> bool:
    """Whether the parsed noun names someone: a person, people or an armed or organised group."""
    if noun.ent_type_ in _ANIMATE_ENTS:
        return True
    if any(c.dep_ == "relcl" and c.left_edge.lower_ in ("who", "whom", "whose") for c in noun.children):
        return True  # "herders who fled": the relative pronoun says it is someone
    lemma = noun.lemma_.lower()
    return lemma in _ANIMATE or noun.lower_ in _ANIMATE or lemma.rstrip("s") in _ANIMATE


def _describing(verb) -> bool:
    """A clause on someone that says what they are or keep doing ("rebels who control the north",
    "fighters battling the army"), not what happened to them or what they did ("Machar, who was
    dismissed in July", "civilians killed in the attack", "the men who stormed the hotel")."""
    if verb.tag_ in ("VBD", "VBN"):
        return any(c.dep_ == "aux" and c.lower_ in ("have", "has") for c in verb.children)  # "who have seen"
    return True


_AIMING = {"aim", "design", "mean", "intend"}


def _aimed(verb) -> bool:
    """A participle saying what a deed is for ("an operation aimed to retake the town", "raids aimed at
    capturing", "strikes designed to halt the advance"): what follows it is an aim, not a happening."""
    return verb.tag_ == "VBN" and verb.lemma_.lower() in _AIMING and verb.dep_ in ("acl", "advcl", "conj", "ROOT") \
        and (verb.dep_ != "ROOT" or any(c.dep_ == "auxpass" for c in verb.children))


def _infinitive(verb) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _part_of_name(token, upper_text: bool) -> bool:
    if upper_text:
        return False  # an all-capitals report: every word looks like a name to the tagger
    if token.pos_ == "PROPN":
        return True
    return token.i > token.sent.start and token.text[:1].isupper() and not token.is_upper


def _light_ok(verb) -> bool:
    for c in verb.children:
        if c.dep_ in ("dobj", "oprd", "acomp", "advmod", "attr", "ccomp") and \
                (c.lemma_.lower() in _ABSTRACT or c.lower_ in _ABSTRACT):
            return False
        if c.dep_ == "prep" and c.lower_ == "into" and any(g.lemma_.lower() in _ABSTRACT for g in c.children):
            return False
    return True


_AGENT_RE = re.compile(r"(?:(\w)\1)?(?:er|or|r)s?")


def agent_noun(token) -> bool:
    """"fighters", "attackers", "kidnappers": who does it, not a happening."""
    low = token.lower_
    stem = event_stem(low)
    return stem is not None and len(low) > len(stem) and bool(_AGENT_RE.fullmatch(low[len(stem):]))


def tells(token, upper_text: bool = False) -> bool:
    """Whether the event word `token` is part of what its clause tells (see the module's rules)."""
    if token.pos_ in ("NOUN", "PROPN") and (agent_noun(token) or token.lemma_.lower() in _THINGS):
        return False
    if token.dep_ == "amod" and token.tag_ == "VBG":
        return False  # "the surrounding villages", "a full-fledged war"
    if token.dep_ == "amod" and token.tag_ == "VBN" and token.lower_ not in _ADJ_OK:
        return False  # "the ousted president", "the toppled leader": who someone is
    if token.lemma_.lower() in _HOLDING and token.tag_ in ("VBZ", "VBP"):
        return False  # "his troops now control the town": who holds what, not a happening
    if token.lemma_.lower() in _HOLDING and token.pos_ == "NOUN" and token.dep_ == "pobj" \
            and token.head.lower_ == "under":
        return False  # "areas under government control": the same
    if _toll(token):
        return False  # "the war has left thousands dead", "200 killed since the violence erupted"
    if _ongoing(token):
        return False  # "attacks are continuing", "still launches raids", "attacks have been on the rise"
    if _trend(token):
        return False  # "attacks have increased in recent weeks", "the death toll has risen by a quarter"
    if token.pos_ not in ("VERB", "NOUN"):
        if token.pos_ == "ADJ" and (token.tag_ == "VBN" or token.lower_ in _ADJ_OK):
            pass
        elif upper_text and token.pos_ == "PROPN":
            pass
        else:
            return False
    if _part_of_name(token, upper_text):
        return False
    if token.pos_ == "VERB" and token.lemma_.lower() in _LIGHT and not _light_ok(token):
        return False
    if token.lemma_.lower() in _PHRASAL and not any(c.dep_ == "prt" and c.lower_ == _PHRASAL[token.lemma_.lower()]
                                                     for c in token.children):
        return False  # a deed only with its particle, wherever it stands: "handed the base over", "blew it up"
    if token.lemma_.lower() in _SENDING and not any(c.dep_ in ("dobj", "nsubjpass") and animate(c)
                                                    for c in token.children):
        return False  # "sent a letter", "sent aid": only sending people ("sent 400 troops") is a deed
    t = token
    for _ in range(12):
        head = t.head
        if head.i == t.i:
            break
        if t.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON") and animate(head) \
                and _describing(t):
            return False  # describes someone
        if t.dep_ in ("advcl", "acl", "relcl") and t.pos_ in ("VERB", "AUX") and _infinitive(t):
            return False  # an aim: "to fight on", "in order to push"
        if t.dep_ == "xcomp" and head.lemma_.lower() in _DIRECTIVE:
            return False  # asked for: "urged them to deploy"
        if t.dep_ in ("xcomp", "pcomp", "pobj", "prep") and _aimed(head):
            return False  # the aim of a deed: "an operation aimed to retake", "strikes designed to halt"
        if t.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in _DIRECTIVE:
            return False  # asked for: "called for a cease-fire", "appealed for the release of ..."
        t = head
    return True


_PRESENT_BE = {"is", "are", "am", "'s", "'re", "’s", "’re"}
HABITUAL = {"often", "usually", "frequently", "regularly", "routinely", "typically", "generally", "long", "still",
             "normally", "commonly", "sometimes", "occasionally", "traditionally", "customarily",
             "increasingly"}  # a trend: "have increasingly recruited women"


def _governing_verb(token):
    """The verb whose clause holds the event word: itself, or the verb a noun hangs on
    ("attacks [on civilians] are continuing": continuing)."""
    t = token
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            break
        t = t.head
    return t if t.pos_ in ("VERB", "AUX") else None


_ARGUMENT = {"nsubj", "nsubjpass", "dobj", "attr"}
_TIE = {"come", "follow", "mark", "coincide"}  # "the fighting comes as talks are under way": news, not a state


def _ongoing(token) -> bool:
    """What goes on, keeps happening or is the case, not a happening: a habit ("often", "long":
    "has long supported talks", "still launches raids", "has been targeted in the past"), a progressive present perfect ("have been
    trying to seize the airport for weeks"), the present simple ("Hutu form the majority", "is blamed
    for thousands of deaths"), happenings named as going on or as what something is ("attacks on
    civilians are continuing", "are stepping up attacks", "attacks have been on the rise").  A noun
    counts only as the subject or object of its verb: "since the defeat last week" names a happening
    of its own; "there was fighting" and "as they advance into the city" are told."""
    t = token
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    noun = token.pos_ not in ("VERB", "AUX")
    if _continuing(token):
        return True
    if noun and t.dep_ not in _ARGUMENT:
        return False
    verb = token if not noun else t.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in SPEECH_LEMMAS | _TIE:
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in verb.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "in" and any(g.dep_ == "pobj" and g.lower_ == "past" and
                                                         all(k.lower_ == "the" for k in g.children)
                                                         for g in c.children) for c in verb.children):
        return True  # "has been targeted in the past": a past of no one time, a habit
    if verb.tag_ == "VBG" and ("been" in aux or noun and aux & _PRESENT_BE):
        return True
    temporal = verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in verb.children)
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() != "be" and not aux and not temporal:
        return True
    if verb.tag_ == "VBN" and aux and aux <= _PRESENT_BE and any(c.dep_ == "nsubjpass" for c in verb.children) \
            and not any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return True  # "is blamed for thousands of deaths" (not "is expected to win": what is to come)
    if verb.lemma_.lower() == "be" and noun and t.dep_ == "nsubj" and not any(c.dep_ == "expl" for c in verb.children):
        return True  # "attacks were relatively rare", "the attack was the deadliest in months"
    return False


_AMOUNT = {"increase", "rise", "grow", "mount", "decline", "decrease", "drop", "double", "triple", "soar", "surge",
           "climb", "dwindle", "diminish"}


def _trend(token) -> bool:
    """Happenings counted as more or fewer over time ("attacks have increased in recent weeks", "the
    civilian death toll has increased by a quarter"): a trend, not a happening."""
    t = token
    while t.dep_ in ("compound", "conj") and t.head.i != t.i:
        t = t.head
    return token.pos_ == "NOUN" and t.dep_ == "nsubj" and t.head.lemma_.lower() in _AMOUNT


_GOES_ON = {"continue", "remain", "keep", "persist"}
_STILL = {"still", "already", "increasingly"}
_NOT_DONE = HABITUAL | _STILL  # "often visited", "still holds": a habit or a state, not a deed done
_WHEN_PREPS = {"since", "after", "before", "during", "following", "amid", "until", "ahead", "despite"}


def _present(verb) -> bool:
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return verb.tag_ in ("VBZ", "VBP") and not aux or verb.tag_ == "VBG" and bool(aux) and aux <= _PRESENT_BE


def _continuing(token) -> bool:
    """Told as going on now, in the present tense, by the verb it hangs on: a verb of going on
    ("Nepal continues to wrestle with an insurgency", "activities are continuing to be suspended") or
    "still", "already", "increasingly" ("is still recovering from the war", "troops are already
    patrolling", "is increasingly targeting civilians").  The way up goes through objects, prepositions
    and infinitive complements only; a preposition of time ("since the defeat", "after the attack")
    names a happening of its own, and "fighting continued on Monday" (past) is told."""
    t = token
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX"):
            if _present(t) and (t.lemma_.lower() in _GOES_ON
                                or any(c.dep_ == "advmod" and c.lower_ in _STILL for c in t.children)):
                return True
            if t.dep_ != "xcomp":
                return False
        elif t.dep_ not in ("pobj", "dobj", "prep", "nsubj", "nsubjpass") \
                or t.dep_ == "prep" and t.lower_ in _WHEN_PREPS:
            return False
        if t.head.i == t.i:
            return False
        t = t.head
    return False


# the words that count the dead and the wounded (lemmas, and the participles a parse may leave as they are);
# `telling` counts a clause of them only as a toll too
DEAD_OR_HURT = frozenset({"kill", "dead", "death", "die", "wound", "injure", "wounded", "injured"})
CASUALTY = DEAD_OR_HURT | {"displace", "displaced"}
_CONFLICT = {"war", "conflict", "unrest", "violence", "fighting", "insurgency", "crisis", "rebellion", "uprising",
             "fight", "clash", "attack"}


def _left_dead(verb) -> bool:
    """"the war has left ...": a conflict's toll."""
    return verb.lemma_.lower() == "leave" and any(c.dep_ == "nsubj" and c.lemma_.lower() in _CONFLICT
                                                  for c in verb.children)


def _toll(token) -> bool:
    """A count of the dead (wounded, displaced) over a span of time, not a happening."""
    if token.dep_ in ("advcl", "conj") and _left_dead(token.head):
        return True  # "has left thousands dead, while pushing the country to famine"
    if token.lemma_.lower() not in CASUALTY and token.lower_ not in CASUALTY:
        return False
    verb = token
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if _left_dead(verb):
        return True
    verbs = [verb] + ([verb.head] if verb.dep_ == "conj" else []) + [c for c in verb.children if c.dep_ == "conj"]
    for c in [c for v in verbs for c in v.children] + ([] if verb is token else list(token.children)):
        if c.dep_ in ("prep", "mark") and c.lower_ in ("since", "during") or \
                c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children):
            return True  # "killed since the violence erupted", "deaths during its insurgency"
    return False


def event_word(doc, start: int, end: int, found: Sequence[tuple[int, int]]) -> Optional[int]:
    """The offset (in doc.text) of the first event word among `found` (offsets in doc.text)
    that the clause doc.text[start:end] tells: one of its main predication before one in a
    clause on a noun ("fighters, who took the town last year, attacked the camp": attacked),
    a verb of saying ("vowed", "denied") only when it tells no other ("vowed it will continue
    bombing": the bombing); None when none does."""
    upper_text = sum(c.isupper() for c in doc.text) > 0.6 * max(1, sum(c.isalpha() for c in doc.text))
    best = None  # (rank, offset): the main predication's before a clause on someone, a saying last
    for a, _ in found:
        token = token_at(doc, a)
        if token is None or not tells(token, upper_text):
            continue
        rank = 2 if token.lemma_.lower() in _SAYING else (1 if _subordinate(token) else 0)
        if rank == 0:
            return a
        if best is None or rank < best[0]:
            best = (rank, a)
    return best[1] if best is not None else None


def deed_word(doc, start: int, end: int) -> Optional[tuple[int, int]]:
    """Where a clause with no event word (doc.text[start:end]) tells a deed, the (start, end) of its verb in
    doc.text: a verb whose first WordNet sense is a deed (`deed_verbs`; not a stop word such as "take" or
    "make", not a saying nor a request), told by the report itself as done (`_told_done`) and done by someone
    (`_someone_does`), that the clause tells (`event_word`): "militias set up roadblocks on Tuesday", "the
    president visited the camps", "he was deported".  None when there is no such verb."""
    no_deed = _no_deed()
    clause = doc.char_span(start, end, alignment_mode="expand") or ()  # its own tokens, not the whole sentence's
    spans = [(t.idx, t.idx + len(t.text)) for t in clause
             if start <= t.idx < end and t.pos_ == "VERB" and t.lemma_.lower() in DEED_VERBS
             and t.lemma_.lower() not in no_deed and _told_done(t) and _someone_does(t)
             and not any(c.dep_ in ("acomp", "attr", "oprd") for c in t.children)]
    at = event_word(doc, start, end, spans) if spans else None
    return next((span for span in spans if span[0] == at), None)


@functools.cache
def _no_deed() -> frozenset:
    """Verbs that tell no deed by themselves: spaCy's stop words ("take", "make"), sayings and requests. Made
    once, on the first clause that needs it (a parse is spaCy's: spaCy is there by then)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS | _SAYING | _DIRECTIVE)


_DONE_AUX = {"has", "have", "was", "were", "been", "'s", "’s"}


def _told_done(verb) -> bool:
    """Told by the report as done: the simple past or the present perfect, active or passive, of the verb or of
    the verb it is joined to ("began striking", "returned ... but was deported"), not negated, not a habit
    ("often", "still"), not the past perfect of a background ("had visited"), not inside what someone says
    ("said the army visited ...": a party's account, often its own background)."""
    v = verb
    for _ in range(6):
        if v.dep_ in ("xcomp", "conj") and v.head.pos_ in ("VERB", "AUX"):
            v = v.head
        else:
            break
    if any(a.lemma_.lower() in _SAYING for a in verb.ancestors):
        return False
    if any(c.dep_ == "neg" or c.dep_ == "advmod" and c.lower_ in _NOT_DONE for c in v.children):
        return False
    aux = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
    if v.tag_ == "VBD":
        return not aux
    return v.tag_ == "VBN" and bool(aux) and aux <= _DONE_AUX


_PERSONAL = {"he", "she", "they", "we", "i", "who"}


def _someone_does(verb) -> bool:
    """Whether someone does the deed: its subject (or the "by" of a passive) is a person, people or a group, or a
    personal pronoun; with a passive and no "by", whom it is done to ("he was deported")."""
    v = verb
    while v.dep_ in ("xcomp", "conj") and v.head.pos_ in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    for w in {verb, v}:
        agent = [g for c in w.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        doers = agent or [c for c in w.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(d.lower_ in _PERSONAL or d.pos_ in ("NOUN", "PROPN") and animate(d) for d in doers):
            return True
    return False


def _subordinate(token) -> bool:
    """Inside a clause on a noun ("the fighters, who took the town last year, attacked ...")."""
    t = token
    for _ in range(12):
        if t.dep_ in ("relcl", "acl"):
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


_OWN = {"its", "their", "our"}


def own_forces_act(doc, offset: int) -> bool:
    """Whether the happening at `offset` is done by the speaker's own side, named by a possessive
    pronoun ("its forces had liberated the town", "our troops repelled an attack")."""
    verb = token_at(doc, offset)
    if verb is None:
        return False
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in SPEECH_LEMMAS:
        return False
    for c in verb.children:
        if c.dep_ == "nsubj" and any(g.dep_ == "poss" and g.lower_ in _OWN for g in c.children):
            return True
    return False


_OWN_TENSE = {"relcl", "acl", "ccomp", "xcomp", "csubj"}  # a clause of its own: its tense is its own


def told_as_news(doc, offset: int) -> bool:
    """Whether the happening at `offset` is told in the present perfect, as news of the days
    before the report ("rebels have seized the town", "gunmen have killed 12 people in an attack
    on a market", "a bomber has blown himself up, killing four"): a wire lead that needs no date
    nor a named party to be an event.  Not what goes on ("have been fighting for decades") nor a
    saying ("have long demanded an offensive")."""
    t = token_at(doc, offset)
    for _ in range(6):
        if t is None:
            return False
        if t.pos_ in ("VERB", "AUX") and t.tag_ == "VBN" and \
                any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in t.children):
            return t.lemma_.lower() not in SPEECH_LEMMAS
        if t.head.i == t.i or t.dep_ in _OWN_TENSE:
            return False
        t = t.head
    return False


def told_at_place(doc, offset: int) -> bool:
    """Whether the happening at `offset` is told in the past tense by its own verb ("a bomb exploded
    in a market in <town>", "two policemen were killed in a suicide attack in <district>"): with the
    place it names, a happening even with no one named and no date."""
    token = token_at(doc, offset)
    verb = _governing_verb(token) if token is not None else None
    if verb is None or verb.lemma_.lower() in SPEECH_LEMMAS:
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return verb.tag_ == "VBD" and not aux or verb.tag_ == "VBN" and bool(aux) and aux <= {"was", "were", "had", "been"}
