"""Who did what to whom in an event's clause, read on the dependency parse.

The event word the clause tells (triggers.event_word) anchors the reading:

* a verb: its active subject is the initiator; its direct object, the passive's subject
  and the object of "against" (or of "on", "at", "with" after a verb of attacking or
  fighting: "fired on", "clashed with") are the target; the passive's agent ("was attacked
  by X") and the one a happening is blamed on ("blamed on X") are the initiator.  A verb
  with no subject of its own takes the one of the verb it continues ("rebels began
  attacking", "stormed the town and killed"), of the verb it follows as a participle
  ("attacked the camp, killing 18 civilians"), the accused of "accused X of attacking",
  and a clause on a noun that noun ("gunmen who attacked" act, "soldiers killed in the
  ambush" undergo);
* a noun (a nominalisation): its possessive ("X's offensive"), a name compounded or an
  adjective of a people before it ("an X airstrike", "Israeli shelling"), "by X" and the
  first side of "between X and Y" are the initiator; "on", "against", "at", "with" and the
  other side, the target; "of" after a noun of harm or capture ("the killing of X", "the
  capture of the town"), what undergoes.  The verb that carries the noun out gives the
  initiator ("X launched an offensive", "X claimed responsibility for the attack"); the
  verb the noun is the subject of, the target ("an airstrike killed 18 civilians"); one
  of the verb the noun is where it happened ("were killed in an attack"), those who
  suffered it.
* People a verb or noun of harm (killed, wounded, kidnapped) falls on are affected, not
  targets; the subject of "lost", "suffered" undergoes, and who took it ("to X", "with X
  taking the city") acts.
* A pronoun subject stands for the subject of the clause it hangs on when they agree ("the
  army said it killed": the army); "its troops" undergoing says the speaker suffered it; "the
  militants", "rebels" are only described (the caller reads them as the armed group named
  before).

A speaker is not a party for saying something: the verbs of saying are not read here,
unless the clause tells nothing but the saying ("the assembly condemned the plan") or what
was said ("announced he had disbanded the group").  The clause's other happenings (a clause
of time, a relative clause) are marked, so that their names are not guessed as parties.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from . import lexicon as L
from .parse import SPEECH_ACTS, SPEECH_LEMMAS, main_verbs, noun_phrase, phrase_span, subject_of, token_at
from .triggers import agent_noun, animate, event_stem

__all__ = ["Roles", "roles_in"]

HARM_LEMMAS = {"kill", "wound", "injure", "die", "hurt", "abduct", "kidnap", "detain", "arrest", "displace",
               "execute", "behead", "torture", "evacuate", "rescue", "free", "release", "hold", "massacre",
               "murder", "assassinate", "shoot", "capture", "seize", "imprison", "jail", "sentence", "maim",
               "slaughter", "dead", "missing", "killing", "death", "abduction", "kidnapping", "assassination",
               "execution", "detention"}
# "fired on", "opened fire at", "advanced towards": the object of the preposition is where it falls
_AIMED = {"on", "at", "upon", "into", "toward", "towards", "against"}
_AIMING_LEMMAS = {"fire", "open", "launch", "carry", "stage", "conduct", "mount", "attack", "shoot", "strike",
                  "advance", "march", "move", "push", "rain", "drop", "raid", "close", "converge", "descend",
                  "retaliate", "bomb", "shell", "turn", "unleash", "lob", "hurl", "aim", "spray", "storm"}
_FIGHTING_LEMMAS = {"clash", "fight", "battle", "skirmish", "exchange", "engage"}
# a noun of harm or capture: "the killing of X", "the capture of the town", "the release of the hostages"
_OBJECT_OF = {"killing", "murder", "assassination", "capture", "seizure", "release", "abduction", "kidnapping",
              "arrest", "detention", "execution", "massacre", "bombing", "shelling", "siege", "occupation",
              "invasion", "takeover", "destruction", "blockade", "liberation", "fall", "recapture", "storming",
              "expulsion", "ouster", "overthrow", "encirclement", "evacuation", "rescue", "disarmament"}
_ACCUSING = {"accuse", "blame", "suspect", "charge", "convict", "condemn", "criticize", "criticise"}
_NAMED = ("PERSON", "ORG", "NORP", "GPE")
_MINDS = {"expect", "believe", "think", "hope", "fear", "want", "plan", "intend", "know", "see", "consider",
          "doubt", "wish", "feel"}
_THINGS = {"insurgent", "explosive", "hostage", "wound", "shell", "weapon", "bomb", "rocket", "missile", "mine",
           "force", "forces", "troop", "troops"}
# verbs that tell no doing of a noun subject on their object: "the deaths came on the day", "the attack began"
_NO_OBJECT = {"come", "take", "happen", "occur", "continue", "begin", "start", "follow", "last", "end", "erupt",
              "break", "be", "have", "leave", "mark", "resume", "intensify", "escalate", "spread", "rage", "go"}
# a description standing for an armed group named before ("the militants", "the group")
_GROUP_NOUNS = {"militant", "rebel", "insurgent", "jihadist", "extremist", "group", "guerrilla", "militia",
                "separatist", "insurgency", "islamist", "gunman", "attacker", "assailant"}
# verbs whose subject undergoes: "lost the town", "suffered losses", "came under fire"
_UNDERGOING = {"lose", "suffer", "sustain", "endure", "undergo", "incur"}
_PRONOUNS = {"it", "they", "we", "he", "she", "i"}


@dataclass
class Roles:
    initiators: list[tuple[int, int]] = field(default_factory=list)  # spans, offsets into the sentence
    targets: list[tuple[int, int]] = field(default_factory=list)
    affected: list[tuple[int, int]] = field(default_factory=list)  # people a harm falls on: affected, not targets
    pronoun: str = ""  # the initiator is a pronoun ("the army said it killed"); read as the subject above when it agrees
    # the speaker did it: "X said it killed", "X claimed responsibility for", or the clause tells only a
    # saying ("the assembly condemned the plan")
    speaker_acts: bool = False
    speaker_undergoes: bool = False  # "X said its troops were surrounded": the speaker's own side suffered it
    # other happenings the clause tells ("two days after X toured the valley"): their names are no guess
    elsewhere: list[tuple[int, int]] = field(default_factory=list)
    # "the militants", "the group": who is only described, by role ("initiators" | "targets") and span
    described: list[tuple[str, tuple[int, int]]] = field(default_factory=list)


def _same_ones(t) -> list:
    """The token and the phrases naming the same ones: "the aid worker Lina Farouk", "the rebels,
    also known as the LTTE", "rebels from the FARC", "targets including the office of Hamas"."""
    out = [t] + [a for a in t.children if a.dep_ == "appos"]
    for c in t.children:
        if c.dep_ == "acl" and c.lemma_.lower() in ("know", "call", "name"):
            out += [o for p in c.children if p.dep_ == "prep" and p.lower_ == "as" for o in p.children
                    if o.dep_ == "pobj"]
        elif c.dep_ == "prep" and (c.lower_ == "including" or c.lower_ == "from" and t.pos_ == "NOUN"
                                   and t.ent_type_ == "" and animate(t)):
            out += [o for o in c.children if o.dep_ == "pobj"]
    return out


def _described(t) -> bool:
    """"the militants", "rebels", "rebel troops": an armed group told by what it is, not named."""
    dets = [c.lower_ for c in t.children if c.dep_ == "det"]
    if dets and dets[0] not in ("the", "these", "those"):
        return False  # "some rebels", "a group", "another group": not one named before
    if not dets and any(c.dep_ in ("amod", "compound", "nmod", "poss") and (
            c.lower_ in ("rival", "other", "opposing", "local", "allied") or c.ent_type_ or c.pos_ == "PROPN"
            or any(g.ent_type_ or g.pos_ == "PROPN" for g in c.subtree)) for c in t.children):
        return False  # "rival militias", "al-Qaida-linked militants": told apart from the one named
    if t.lemma_.lower() in _GROUP_NOUNS:
        return True
    return t.lemma_.lower() in ("troop", "fighter", "force", "unit") and any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in _GROUP_NOUNS for c in t.children)


def _span_of(t) -> tuple[int, int]:
    """The noun phrase's span, with all its modifiers before it ("French and Malian troops")."""
    a, b = phrase_span(noun_phrase(t))
    left = t.left_edge
    while left.i < t.i and (left.is_punct or left.is_space):
        left = left.nbor()
    return (min(a, left.idx), b)


def _joined(doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans that only a hyphen keeps apart ("al", "-", "Shabab" read as a coordination) made one."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(x for x in spans if x[0] < x[1]):
        if out and doc.text[out[-1][1]:a].strip(" -–") == "":
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


class _Reader:
    def __init__(self) -> None:
        self.roles = Roles()
        self._seen: set[int] = set()
        self.doc = None
        self.resolving = True  # whether a pronoun subject is read as the one it stands for

    def _add(self, kind: str, token, harm: bool = False) -> None:
        self.doc = token.doc
        spans = []
        for t in [token] + [c for c in token.conjuncts if c.i > token.i]:
            if t.i in self._seen or t.ent_type_ in ("DATE", "TIME"):
                continue
            self._seen.add(t.i)
            if t.pos_ == "PRON":
                if kind == "initiators" and t.lower_ in _PRONOUNS and not self.roles.pronoun and self.resolving:
                    self.roles.pronoun = t.lower_
                    self._resolve(t)
                continue
            spans += [_span_of(x) for x in _same_ones(t)]
            if kind == "targets" and any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in t.children):
                self.roles.speaker_undergoes = True
            if _described(t):
                self.roles.described.append((kind, _span_of(t)))
        for span in _joined(token.doc, spans):
            if harm and kind == "targets":
                self.roles.affected.append(span)
            getattr(self.roles, kind).append(span)

    def _resolve(self, pronoun) -> None:
        """The one a pronoun subject stands for: the subject of the clause it depends on ("the army
        said it killed ...", "Russian forces met resistance as they advanced"), when it agrees."""
        person = pronoun.lower_ in ("he", "she", "i")
        t = pronoun.head
        for _ in range(6):
            if t.head.i == t.i or t.dep_ not in ("ccomp", "advcl", "conj", "xcomp", "parataxis"):
                return
            t = t.head
            subject = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None:
                continue
            if subject.pos_ == "PRON":
                return
            is_person = subject.ent_type_ == "PERSON" or subject.lower_ in L.PERSON_NOUNS or \
                subject.lower_ in L.TITLES
            if is_person != person:
                return
            self.roles.initiators += [_span_of(x) for x in _same_ones(subject)]
            self.roles.speaker_acts = self.roles.speaker_acts or t.lemma_.lower() in SPEECH_LEMMAS
            return

    def done(self) -> Roles:
        r = self.roles
        if self.doc is not None:
            r.initiators, r.targets, r.affected = (_joined(self.doc, x) for x in (r.initiators, r.targets, r.affected))
        return r

    def acts(self, token) -> None:
        self._add("initiators", token)

    def undergoes(self, token, harm: bool = False) -> None:
        self._add("targets", token, harm)

    # -- a verb ---------------------------------------------------------------------------
    def verb(self, v, anchor=True) -> None:
        lemma = v.lemma_.lower()
        harm = lemma in HARM_LEMMAS
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children) or (
            v.tag_ == "VBN" and v.dep_ in ("acl", "amod") and not any(c.dep_ == "aux" for c in v.children))
        has_subject = False
        if lemma in _UNDERGOING and not passive:
            self._undergoing(v)
            return
        for c in v.children:
            if c.dep_ == "nsubj" and not passive:
                has_subject = True
                if c.pos_ == "NOUN" and self._is_event_noun(c):
                    self.noun(c, governing=False)  # "an airstrike killed ...": who struck
                else:
                    self.acts(c)
            elif c.dep_ in ("nsubjpass", "nsubj") and passive:
                has_subject = True
                self.undergoes(c, harm)
            elif c.dep_ == "dobj":
                if self._is_event_noun(c) and lemma not in HARM_LEMMAS:
                    self.noun(c, governing=False)  # "launched an offensive against Y"
                else:
                    self.undergoes(c, harm)
                    for o in (o for p in c.children if p.dep_ == "prep" and p.lower_ == "against"
                              for o in p.children if o.dep_ == "pobj"):
                        self.undergoes(o)  # "imposed an embargo against X"
            elif c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in HARM_LEMMAS and anchor:
                for o in c.children:  # "attacked the base, killing dozens of soldiers"
                    if o.dep_ == "dobj":
                        self.undergoes(o, True)
            elif c.dep_ == "agent":
                for o in c.children:
                    if o.dep_ == "pobj":
                        self.acts(o)
            elif c.dep_ == "prep":
                word = c.lower_
                objs = [o for o in c.children if o.dep_ == "pobj"]
                if word == "against" or (word in _AIMED and lemma in _AIMING_LEMMAS) or (
                        word == "with" and lemma in _FIGHTING_LEMMAS):
                    for o in objs:
                        self.undergoes(o, harm)
                elif word == "on" and lemma == "blame" and passive:
                    for o in objs:
                        self.acts(o)  # "the assaults were blamed on X"
        if passive and anchor and not any(c.dep_ == "agent" for c in v.children):
            for c in v.children:  # "a man was killed and his wife was injured by gunmen": the gunmen, of both
                if c.dep_ == "conj" and c.pos_ == "VERB":
                    for o in (o for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"):
                        self.acts(o)
        if has_subject or not anchor:
            return
        # no subject of its own: the one of the verb or noun it continues
        head = v.head
        if v.dep_ in ("xcomp", "conj"):
            subject = subject_of(v)
            if subject is not None:
                if subject.dep_ == "nsubjpass" or head.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in head.children):
                    if not passive and v.dep_ == "conj":
                        return  # "was shelled and responded": the one shelled responds
                    self.undergoes(subject, harm)
                elif passive:
                    self.undergoes(subject, harm)
                else:
                    self.acts(subject)
        elif v.dep_ == "advcl" and v.tag_ == "VBG" and head.pos_ in ("VERB", "AUX"):
            self.verb(head, anchor=False)  # "stormed the camp, killing 18": who stormed it killed, where
        elif v.dep_ == "relcl" and head.pos_ in ("NOUN", "PROPN"):
            relative = next((c for c in v.children if c.lower_ in ("who", "which", "that") and c.dep_ in (
                "nsubj", "nsubjpass")), None)
            if relative is not None:
                (self.undergoes(head, harm) if passive else self.acts(head))
        elif v.dep_ in ("acl", "amod") and head.pos_ in ("NOUN", "PROPN"):
            (self.undergoes(head, harm) if passive else self.acts(head))  # "soldiers killed in", "gunmen firing on"
        elif v.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in ("of", "for"):
            accuser = head.head
            if accuser.lemma_.lower() in _ACCUSING:
                for c in accuser.children:
                    if c.dep_ in ("dobj", "nsubjpass"):
                        self.acts(c)  # "accused X of attacking", "X was accused of attacking"

    def _undergoing(self, v) -> None:
        """"the militants lost the town to the army", "lost ground, with French troops taking the city",
        "suffered heavy losses": the subject undergoes; who took it acts."""
        for c in v.children:
            if c.dep_ == "nsubj":
                self.undergoes(c)
            elif c.dep_ == "prep" and c.lower_ in ("to", "with"):
                for o in c.children:
                    if o.dep_ == "pobj" and (c.lower_ == "to" or any(x.tag_ == "VBG" for x in o.children)):
                        self.acts(o)
                    elif o.dep_ == "pcomp" and o.tag_ == "VBG":  # "with X taking the city"
                        for x in o.children:
                            if x.dep_ == "nsubj":
                                self.acts(x)

    # -- a noun -----------------------------------------------------------------------------
    @staticmethod
    def _is_event_noun(token) -> bool:
        """"an airstrike", "the offensive"; not "fighters", "explosives"."""
        return token.pos_ == "NOUN" and token.ent_type_ == "" and event_stem(token.text) is not None \
            and not agent_noun(token) and token.lemma_.lower() not in _THINGS

    def noun(self, n, governing=True) -> None:
        lemma = n.lemma_.lower()
        harm = lemma in HARM_LEMMAS or n.lower_ in HARM_LEMMAS
        for c in n.children:
            if c.dep_ == "poss" and c.i < n.i:
                self.acts(c)
            elif c.dep_ in ("compound", "amod", "nmod") and c.i < n.i and (
                    c.pos_ == "PROPN" or c.ent_type_ in _NAMED) and not c.ent_type_ in ("DATE", "TIME"):
                self.acts(c)  # "an IS rocket attack", "Israeli airstrikes"
            elif c.dep_ == "prep":
                word = c.lower_
                objs = [o for o in c.children if o.dep_ == "pobj"]
                if word == "by" or word == "from" and any(o.pos_ == "PROPN" or o.ent_type_ in _NAMED or animate(o)
                                                           for o in objs):
                    for o in objs:
                        self.acts(o)  # "an attack by X", "came under attack from X"
                elif word in ("on", "against", "at", "upon", "with", "targeting"):
                    for o in objs:
                        self.undergoes(o, harm)
                elif word == "between":
                    for o in objs:
                        sides = [o] + [x for x in o.conjuncts if x.i > o.i]
                        self.acts(sides[0]) if len(sides) > 1 else None
                        for x in sides[1:]:
                            self.undergoes(x, harm)
                elif word == "of" and (lemma in _OBJECT_OF or n.lower_ in _OBJECT_OF or harm):
                    for o in objs:
                        self.undergoes(o, harm)
                elif word == "of":
                    for o in objs:  # "under the control of X", "an offensive of the army"
                        if o.ent_type_ in ("ORG", "NORP", "PERSON") or animate(o):
                            self.acts(o)
            elif c.dep_ == "acl" and c.tag_ == "VBG":
                for x in c.children:  # "airstrikes targeting X"
                    if x.dep_ == "dobj":
                        self.undergoes(x, harm)
        if not governing:
            return
        head = n.head
        if n.dep_ == "dobj" and head.pos_ in ("VERB", "AUX"):
            self.verb(head, anchor=False)  # "X launched an offensive": X
            for c in head.children:
                if c.dep_ == "nsubj" and c.i not in self._seen:
                    self.acts(c)
        elif n.dep_ == "attr" and lemma == "target" and head.lemma_ == "be":
            for c in head.children:  # "the town was the target of attacks by X"
                if c.dep_ == "nsubj":
                    self.undergoes(c)
        elif n.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() not in _NO_OBJECT:
            for c in head.children:  # "an airstrike killed 18 civilians"
                if c.dep_ == "dobj":
                    self.undergoes(c, head.lemma_.lower() in HARM_LEMMAS)
                elif c.dep_ == "prep" and c.lower_ in ("on", "against") :
                    for o in c.children:
                        if o.dep_ == "pobj":
                            self.undergoes(o)
        elif n.dep_ == "nsubjpass" and head.pos_ in ("VERB", "AUX"):
            for c in head.children:  # "the attacks were carried out by X", "blamed on X"
                if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "on" and head.lemma_.lower() == "blame":
                    for o in c.children:
                        if o.dep_ == "pobj":
                            self.acts(o)
        elif n.dep_ == "pobj" and head.dep_ == "prep":
            verb = head.head
            if head.lower_ == "for" and verb.lemma_.lower() == "responsibility":
                claimer = verb.head  # "X claimed responsibility for the attack"
                for c in claimer.children:
                    if c.dep_ == "nsubj":
                        self.acts(c)
                        self.roles.speaker_acts = True
            elif head.lower_ == "under" and verb.pos_ in ("VERB", "AUX"):
                for c in verb.children:  # "the town came under attack from X"
                    if c.dep_ in ("nsubj", "nsubjpass"):
                        self.undergoes(c)
            elif head.lower_ in ("in", "during") and verb.pos_ == "VERB" and verb.lemma_.lower() in HARM_LEMMAS:
                for c in verb.children:  # "two soldiers were killed in an attack"
                    if c.dep_ in ("nsubjpass", "dobj"):
                        self.undergoes(c, True)


def roles_in(doc, start: int, end: int, trigger_offset: Optional[int] = None) -> Optional[Roles]:
    """Who acts and who undergoes in the clause doc.text[start:end] (offsets into the sentence),
    read from its event word at `trigger_offset` (see the module's rules); None when the
    clause has nothing to read."""
    anchor = token_at(doc, trigger_offset) if trigger_offset is not None else None
    reader = _Reader()
    if anchor is not None and anchor.pos_ in ("NOUN", "PROPN") and anchor.ent_type_ == "":
        reader.noun(anchor)
        if reader.roles.initiators or reader.roles.targets or reader.roles.pronoun:
            if anchor.dep_ == "dobj" and anchor.head.lemma_.lower() in SPEECH_ACTS:
                reader.roles.speaker_acts = True  # "declared a curfew": the saying is the deed
            _against(reader, doc, start, end)
            return reader.done()
        # a noun that names no one ("sparking an explosion", "indicted X for war crimes"): the verb it
        # hangs on, else the clause's main verb
        verb = anchor.head.head if anchor.dep_ == "pobj" and anchor.head.dep_ == "prep" else anchor.head
        anchor = verb if verb.pos_ == "VERB" and verb.lemma_.lower() not in SPEECH_LEMMAS | _NO_OBJECT else None
    verbs = [v for v in main_verbs(doc, start, end) if v.lemma_.lower() not in SPEECH_LEMMAS]
    if anchor is not None and anchor.lemma_.lower() in _ACCUSING:
        # "accused X of massacring civilians": X did it (the accuser only says so)
        done = next((o for p in anchor.children if p.dep_ == "prep" and p.lower_ in ("of", "for")
                     for o in p.children if o.dep_ in ("pcomp", "pobj")), None)
        if done is not None:
            anchor = done
    if anchor is not None and anchor.lemma_.lower() in SPEECH_LEMMAS:
        # "announced he had disbanded the group": what was announced is the happening
        told = next((c for c in anchor.children if c.dep_ == "ccomp" and c.pos_ == "VERB"), None)
        if told is not None:
            anchor = told
    if anchor is not None and (anchor.pos_ in ("VERB", "AUX") or anchor.tag_ == "VBN"):
        if anchor.lemma_.lower() in SPEECH_ACTS:
            reader.roles.speaker_acts = True  # "condemned", "rejected": the saying is the happening
        # "he expected IS to be defeated": a view, not something he did
        reader.resolving = anchor.lemma_.lower() not in _MINDS
        reader.verb(anchor)
        verbs = [] if reader.roles.initiators or reader.roles.targets else [v for v in verbs if v.i != anchor.i]
    elif not verbs:
        return None
    if verbs:
        reader.verb(verbs[0])
    _against(reader, doc, start, end)
    main = anchor if anchor is not None and anchor.pos_ in ("VERB", "AUX") else (verbs[0] if verbs else None)
    if main is not None:
        reader.roles.elsewhere = [(min(t.idx for t in c.subtree), max(t.idx + len(t) for t in c.subtree))
                                  for c in main.children if c.pos_ in ("VERB", "AUX") and c.dep_ in _OTHER_CLAUSES
                                  and not (c.dep_ == "advcl" and c.tag_ == "VBG")]  # "..., hitting X": the same
    return reader.done()


_OTHER_CLAUSES = {"advcl", "relcl", "ccomp", "parataxis", "acl"}


def _against(reader: _Reader, doc, start: int, end: int) -> None:
    """With no target read, whoever the clause says something was against ("killed 11 civilians
    during an operation against Taliban militants")."""
    if any(t not in reader.roles.affected for t in reader.roles.targets):
        return  # (the people a harm fell on are no target: "killed 11 civilians during an operation against X")
    for t in doc:
        if start <= t.idx < end and t.lower_ == "against" and t.dep_ == "prep":
            for o in t.children:
                if o.dep_ == "pobj":
                    reader.undergoes(o)
            if any(t not in reader.roles.affected for t in reader.roles.targets):
                return
