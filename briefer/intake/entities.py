"""Who a report names: actors the workspace knows, and new ones worth proposing.

Known actors and sources are found by any of their names, ignoring case (except for
short acronyms such as "IS", which must be written in capitals), accents and
apostrophe style, and tolerating spelling variants (rapidfuzz).  New candidates are
capitalised phrases that something marks as a person (a title, an apposition, a
speech verb), an organisation or an armed group; the names one report uses for one
actor ("Islamic State group", "IS", "Daesh (IS)"; "Father Paolo Dall'Oglio",
"Father Paolo") are grouped by general rules: parenthesised aliases, acronyms built
from initials, and parts of a person's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

from rapidfuzz import fuzz, process

from ..core.model import Actor, Source
from . import lexicon as L
from .text import Sentence, Token, fold, tokenize

__all__ = ["Gazetteer", "Mention", "Entity", "find_entities", "same_actor", "WELL_KNOWN_ACTOR_KEYS"]

FUZZY_CUTOFF = 88


@dataclass(frozen=True)
class _Entry:
    kind: str  # "actor" or "source"
    uid: str
    name: str
    case_sensitive: bool
    actor_kind: str = ""
    has_capitals: bool = True  # the alias is written with capitals (so a match must have some)


class Gazetteer:
    """Every name and alias the workspace knows, keyed by folded tokens."""

    def __init__(self, actors: Sequence[Actor] = (), sources: Sequence[Source] = ()) -> None:
        self.index: dict[str, list[_Entry]] = {}
        self.max_tokens = 1
        for actor in actors:
            names = list(actor.names)
            for name in actor.names:  # "ISIS" finds the actor known as "Daesh" (lexicon.SAME_ACTOR)
                names += [n for n in same_actor(name) if n not in names]
            for name in names:
                self._add(name, _Entry("actor", actor.uid, actor.name, _case_sensitive(name), actor.kind.value,
                                       any(c.isupper() for c in name)))
        for source in sources:
            self._add(source.name, _Entry("source", source.uid, source.name, _case_sensitive(source.name),
                                          source.kind.value, any(c.isupper() for c in source.name)))
            short = re.search(r"\balso ([A-Z]{2,6})\b", source.notes or "")
            if short:
                self._add(short.group(1), _Entry("source", source.uid, source.name, True, source.kind.value))
        self.keys = [k for k in self.index if len(k) >= 5]
        self.sources = list(sources)

    def _add(self, name: str, entry: _Entry) -> None:
        tokens = [t.key for t in tokenize(name)]
        if not tokens:
            return
        key = " ".join(tokens)
        entries = self.index.setdefault(key, [])
        if entry not in entries:
            entries.append(entry)
        self.max_tokens = max(self.max_tokens, len(tokens))

    def fuzzy(self, key: str) -> Optional[list[_Entry]]:
        """Entries whose name is a spelling variant of `key` ("Mustapha Bali")."""
        if len(key) < 5 or not self.keys:
            return None
        best = process.extractOne(key, self.keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        return self.index[best[0]] if best else None

    @classmethod
    def from_workspace(cls, ws) -> "Gazetteer":
        return cls(ws.actors(), ws.sources())


def _countries(toks: list[Token]) -> Optional[list[tuple[int, int]]]:
    """Token ranges of the two or more country names a run is made of ("Soviet Union
    Tunisia"), longest names first, or None when the run is anything else."""
    keys = [t.key for t in toks]
    parts, i = [], 0
    while i < len(keys):
        j = next((j for j in range(min(len(keys), i + 4), i, -1) if " ".join(keys[i:j]) in L.COUNTRIES), None)
        if j is None:
            return None
        parts.append((i, j))
        i = j
    return parts if len(parts) >= 2 else None


def _name_key(name: str) -> str:
    return " ".join(t.key for t in tokenize(name))


_SAME_ACTOR: dict[str, tuple[str, ...]] = {_name_key(n): names for names in L.SAME_ACTOR for n in names}


# the folded names of lexicon.SAME_ACTOR: actors, never places ("faces of Daesh")
WELL_KNOWN_ACTOR_KEYS = frozenset(_SAME_ACTOR)


def same_actor(name: str) -> tuple[str, ...]:
    """The other names the press uses for the actor called `name` (none for most names)."""
    return tuple(n for n in _SAME_ACTOR.get(_name_key(name), ()) if n != name)


def _case_sensitive(name: str) -> bool:
    """Short all-capital names ("IS", "US", "SDF") only match in capitals: "is" and "us" are words."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) <= 5 and bool(letters) and all(c.isupper() for c in letters)


@dataclass
class Mention:
    start: int
    end: int
    text: str
    kind: str = ""  # person, organisation, armed_group, state, source, place, other
    title: str = ""
    name: str = ""  # the text without a title
    known: Optional[_Entry] = None
    modifier: bool = False  # "US" in "US-backed": mentioned, not acting
    reference: bool = False  # "the brigade": points back to a name, is not one
    also_source: Optional[_Entry] = None  # a known actor that is also a known source
    entity: str = ""  # id of the entity the mention belongs to
    sentence: int = -1

    @property
    def key(self) -> str:
        return " ".join(t.key for t in tokenize(self.name or self.text))


@dataclass
class Entity:
    id: str
    name: str
    kind: str  # an ActorKind value, or "source"
    actor: bool  # proposed as an actor
    source: bool  # proposed as a source
    known_actor: Optional[str] = None  # uid
    known_source: Optional[str] = None  # uid
    title: str = ""
    mentions: list[Mention] = field(default_factory=list)
    source_kind: str = ""

    @property
    def known(self) -> bool:
        return bool(self.known_actor if self.actor else self.known_source)

    @property
    def aliases_seen(self) -> list[str]:
        seen: dict[str, None] = {}
        for m in self.mentions:
            if not m.reference:
                seen.setdefault(" ".join(m.text.split()))
        return list(seen)

    @property
    def spans(self) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in self.mentions]


# ---------------------------------------------------------------------------------


def _split_modifiers(tokens: list[Token], text: str = "") -> tuple[list[Token], set[int]]:
    """"US-backed" gives the token "US" marked as a modifier; so does "U.S.-led"."""
    out: list[Token] = []
    modifiers: set[int] = set()
    skip_next = False
    for i, t in enumerate(tokens):
        if skip_next:
            skip_next = False
            continue
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if (text and after is not None and t.text.endswith(".") and text[t.end:after.start] == "-"
                and after.key in L.MODIFIER_SUFFIXES):
            modifiers.add(len(out))
            out.append(t)
            skip_next = True
            continue
        if "-" in t.text:
            head, _, tail = t.text.rpartition("-")
            if tail.lower() in L.MODIFIER_SUFFIXES and head:
                modifiers.add(len(out))
                out.append(Token(head, t.start, t.start + len(head), fold(head)))
                continue
        out.append(t)
    return out, modifiers


def _gap_ok(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end:b.start]
    return gap.strip() == "" and "\n" not in gap


# Plurals that end names ("Syrian Democratic Forces" beside "Air Force"): never a lost "'s".
_PLURAL_NAME_WORDS = {
    "forces", "units", "nations", "states", "rights", "services", "affairs", "guards", "brigades", "battalions",
    "militias", "islands", "emirates", "helmets", "troops", "arms", "allies", "operations", "relations", "news",
    "times", "resources", "works", "crossings", "heights", "territories", "lands", "mountains", "hills", "fields",
    "springs", "falls", "brothers", "sisters", "friends", "partners", "fighters", "rebels", "workers", "doctors",
    "mothers", "martyrs", "defenders", "volunteers", "guardians", "eagles", "lions", "tigers", "knights", "sons",
    "commandos", "regiments", "divisions", "corps", "legions", "squadrons", "councils", "committees", "movements",
    "parties", "groups", "agencies", "ministries", "courts", "borders", "americas", "philippines", "netherlands",
}

# Words after which a name opens a clause (and may be its subject): "and Turkey has ...".
_CLAUSE_OPENERS = {"and", "but", "while", "as", "when", "that", "after", "because", "since", "whereas",
                   "although", "though", "said", "says", "meanwhile", "then", "where", "before", "until", "if"}


class _Finder:
    def __init__(self, text: str, sentences: Sequence[Sentence], gazetteer: Gazetteer,
                 skipped: Sequence[tuple[int, int]]) -> None:
        self.text = text
        self.sentences = sentences
        self.gaz = gazetteer
        self.skipped = skipped
        self.lower_words = {m.group() for m in re.finditer(r"\b[a-z][a-z'\-]+\b", text)}
        self.mentions: list[Mention] = []
        # A report that lost its apostrophes writes "Russias forces" for "Russia's forces".
        self.no_apostrophes = not re.search(r"\w['’]s\b", text)
        self.capital_words = {m.group() for m in re.finditer(r"\b[A-Z][\w\-]+", text)} if self.no_apostrophes else set()
        self.possessive: set[int] = set()  # token starts of such possessives, in the current sentence

    # -- known names ---------------------------------------------------------------
    def scan_known(self, si: int, tokens: list[Token], modifiers: set[int]) -> set[int]:
        used: set[int] = set()
        i = 0
        n_tok = len(tokens)
        while i < n_tok:
            matched = False
            for n in range(min(self.gaz.max_tokens, n_tok - i), 0, -1):
                window = tokens[i:i + n]
                if n > 1 and not all(_gap_ok(self.text, a, b) for a, b in zip(window, window[1:])):
                    continue
                key = " ".join(t.key for t in window)
                entries = self.gaz.index.get(key)
                if not entries:
                    continue
                surface = self.text[window[0].start:window[-1].end]
                entries = [e for e in entries if self._case_ok(e, surface)]
                if not entries:
                    continue
                actor = next((e for e in entries if e.kind == "actor"), None)
                entry = actor or entries[0]
                self.mentions.append(Mention(window[0].start, window[-1].end, surface, name=surface, known=entry,
                                             modifier=(i in modifiers and n == 1), sentence=si,
                                             kind=entry.actor_kind if entry.kind == "actor" else "source"))
                if entry.kind == "actor" and len(entries) > 1:
                    self.mentions[-1].also_source = next((e for e in entries if e.kind == "source"), None)
                used.update(range(i, i + n))
                i += n
                matched = True
                break
            if not matched:
                i += 1
        return used

    @staticmethod
    def _case_ok(entry: _Entry, surface: str) -> bool:
        if entry.case_sensitive:
            letters = [c for c in surface if c.isalpha()]
            return all(c.isupper() for c in letters)
        return any(c.isupper() for c in surface) or not entry.has_capitals

    # -- capitalised phrases ---------------------------------------------------------
    def runs(self, sentence: Sentence, tokens: list[Token], used: set[int]) -> list[list[int]]:
        runs: list[list[int]] = []
        current: list[int] = []
        pending: list[int] = []  # connectors waiting for a capitalised word
        first_index = 0
        for idx, tok in enumerate(tokens):
            capital = self._is_name_word(tok, idx == first_index or self._after_opening(sentence, tok))
            if idx in used:
                capital = False
            joined = bool(current) and self._joined(tokens[(pending or current)[-1]], tok)
            if capital:
                if current and joined and not (not pending and self._breaks_before(tokens, current, tok)):
                    current.extend(pending)
                    current.append(idx)
                else:
                    if current:
                        runs.append(current)
                    current = [idx]
                pending = []
            elif (current and joined and tok.key in L.CONNECTORS and tok.text.islower() and len(pending) < 2
                  and (tok.key != "the" or pending)):
                pending.append(idx)
            else:
                if current:
                    runs.append(current)
                current, pending = [], []
        if current:
            runs.append(current)
        return runs

    def _trim_possessives(self, tokens: list[Token]) -> list[Token]:
        """"Russias" is "Russia" followed by a lost "'s" when the report has no apostrophes
        and writes "Russia" or "Russian" elsewhere; the name ends there."""
        self.possessive = set()
        if not self.no_apostrophes:
            return tokens
        out: list[Token] = []
        for t in tokens:
            word = t.text
            if (len(word) > 3 and word[0].isupper() and word.endswith("s") and word[-2].islower()
                    and word[-2] not in "su" and word.lower() not in _PLURAL_NAME_WORDS
                    and (word[:-1] in self.capital_words or word[:-1] + "n" in self.capital_words)):
                t = Token(word[:-1], t.start, t.end - 1, fold(word[:-1]))
                self.possessive.add(t.start)
            out.append(t)
        return out

    def _breaks_before(self, tokens: list[Token], current: list[int], tok: Token) -> bool:
        """A lost comma or full stop between two names: "Omar the Chechen The Pentagon",
        "Robert Mardini ICRC regional director", "Russias Aerospace Forces"."""
        last = tokens[current[-1]]
        if last.start in self.possessive:
            return True
        if tok.text == "The":
            return True
        if tok.all_caps and len(current) >= 2 and not any(tokens[i].all_caps for i in current):
            return True
        return False

    def _joined(self, a: Token, b: Token) -> bool:
        """Adjacent words of one name; "Maj. Gen. Igor Konashenkov" keeps its dotted titles."""
        if _gap_ok(self.text, a, b):
            return True
        gap = self.text[a.end:b.start]
        return gap.startswith(".") and gap[1:].strip() == "" and "\n" not in gap and a.key in L.TITLES

    def _after_opening(self, sentence: Sentence, tok: Token) -> bool:
        before = self.text[sentence.start:tok.start].rstrip()
        return before.endswith(('"', "“", "‘", "(", ":", "—", "-")) and len(before) < 3

    def _is_name_word(self, tok: Token, sentence_start: bool) -> bool:
        if re.match(r"^(?:al|el|ad|as|ar|ash|at|az|ez|es|an|ibn|abu)-[A-Z]", tok.text):
            return True  # "al-Assad", "al-Baghdadi"
        if not tok.text[0].isupper() or tok.text[0].isdigit():
            return False
        if tok.key in L.MONTH_WORDS:
            return False
        if tok.all_caps and (len(tok.text.replace(".", "")) > 5 or tok.text in L.ALLCAPS_NOT_NAMES):
            return False  # shouting ("PICTURES"), a dateline city ("MOSCOW"), "URL"
        if sentence_start and not tok.all_caps:
            if tok.key in L.COMMON_CAPS or tok.text.lower() in self.lower_words:
                return False
        elif tok.key in L.COMMON_CAPS and tok.key not in ("the",) and len(tok.text) > 1 and tok.text != tok.text.upper():
            # "At least" in a title-case headline is not a name
            return tok.key not in {"the", "a", "an", "of", "in", "on", "at", "for", "to", "and", "by", "from"}
        return True

    def classify(self, sentence: Sentence, tokens: list[Token], run: list[int], si: int, modifiers: set[int]) -> None:
        words = [tokens[i] for i in run]
        # strip a leading title ("President", "Prime Minister", "Father")
        title_words: list[Token] = []
        while len(words) > 1 and (words[0].key.rstrip(".") in L.TITLES) and (
                words[0].key not in L.TITLE_LEADS or (len(words) > 2 and words[1].key in L.TITLES)):
            title_words.append(words.pop(0))
        # a lone demonym, or demonyms in front of a name ("British", "Syrian Kurdish")
        if (len(words) > 1 and words[0].key in L.DEMONYMS and not self._org_like(words)
                and (words[1].key in L.TITLES or words[1].all_caps)):
            words.pop(0)
            while len(words) > 1 and words[0].key.rstrip(".") in L.TITLES and (
                    words[0].key not in L.TITLE_LEADS or (len(words) > 2 and words[1].key in L.TITLES)):
                title_words.append(words.pop(0))
        if not words or (len(words) == 1 and words[0].key in L.DEMONYMS):
            return
        while words and words[-1].key in L.CONNECTORS:
            words.pop()
        if not words:
            return
        if len(words) >= 3 and any(w.key in L.HEADLINE_VERBS for w in words):
            return  # a title-case headline quoted in the text, not a name
        start, end = words[0].start, words[-1].end
        if title_words:
            start_with_title = title_words[0].start
        else:
            start_with_title = start
        name = self.text[start:end]
        surface = self.text[start_with_title:end]
        keys = {w.key for w in words}
        before = self.text[max(sentence.start, start_with_title - 40):start_with_title]
        after = self.text[end:min(sentence.end, end + 40)]
        prev_word = re.search(r"([A-Za-z\-']+)\W*$", re.sub(r"(?:\b(?:the|a|an)\s*)$", "", before.rstrip(), flags=re.I))
        prev = prev_word.group(1).lower() if prev_word else ""
        next_word = re.match(r"\W*([A-Za-z\-']+)", after)
        nxt = next_word.group(1).lower() if next_word else ""
        kind = ""
        title = " ".join(t.text for t in title_words)
        acronym = len(words) == 1 and words[0].all_caps and 2 <= len(words[0].text.replace(".", "")) <= 6
        if title_words:
            kind = "person"
        elif keys & L.ARMED_WORDS:
            kind = "armed_group"
        elif self._agency(name):
            kind = "source"
        elif keys & L.ORG_WORDS and len(words) > 1:
            kind = "organisation"
        elif acronym:
            kind = L.STATE_ACRONYMS.get(words[0].text.replace(".", ""), "organisation")
            if nxt in L.ARMED_CUES and kind == "organisation":
                kind = "armed_group"
        elif nxt in L.ARMED_CUES and prev not in L.PLACE_PREPOSITIONS:
            kind = "armed_group" if nxt not in ("members", "commanders") or len(words) > 1 else ""
        elif prev in L.PERSON_NOUNS and prev_word and prev_word.group(1).islower():
            kind, title = "person", prev
        elif re.match(r"\s*,\s*(?:(?:a|the|an)\s+)?(?:" + "|".join(sorted(L.PERSON_NOUNS)) + r")\b", after):
            kind = "person"
        elif (len(words) >= 2 and not self._org_like(words)
              and re.match(r"\s+[A-Z]{2,6}\s+(?:[a-z]+\s+)?(?:" + "|".join(sorted(L.PERSON_NOUNS)) + r")\b", after)):
            kind = "person"  # a report without commas: "Robert Mardini ICRC regional director"
        elif prev in ("told", "to") and re.match(r"\s*(?:[.,;]|$|news agency|in an interview|on\b|that\b)", after) and prev == "told":
            kind = "source"
        elif (prev in L.PLACE_PREPOSITIONS or prev in L.DIRECTIONS or nxt in L.PLACE_NOUNS
              or (len(words) > 1 and words[-1].key in ("east", "west", "north", "south"))
              or self._place_noun_before(before)):
            kind = "place"
        elif (fold(" ".join(w.text for w in words)) in L.COUNTRIES and nxt in L.STATE_VERBS
              and (prev in _CLAUSE_OPENERS or not before.strip() or before.rstrip()[-1] in ',;:"“(—')):
            kind = "state"  # "Russia is a close ally", "Turkey has hosted talks"
        elif nxt in L.SPEECH_VERBS and 2 <= len(words) <= 4:
            kind = "person"
        elif re.match(r"\s*(?:'s|’s)?\s*(?:spokes(?:man|woman|person)|media office|leader|commander|fighters)", after):
            kind = "organisation"
        if kind == "armed_group" and nxt == "group" and after.lower().lstrip().startswith("group"):
            end = end + after.lower().index("group") + len("group")
            surface = self.text[start_with_title:end]
        self.mentions.append(Mention(start_with_title, end, surface, kind=kind or "other", title=title, name=name,
                                     modifier=run[0] in modifiers and len(run) == 1, sentence=si))

    @staticmethod
    def _org_like(words: list[Token]) -> bool:
        keys = {w.key for w in words}
        return bool(keys & (L.ARMED_WORDS | L.ORG_WORDS))

    @staticmethod
    def _place_noun_before(before: str) -> bool:
        return bool(re.search(r"\b(?:town|city|village|province|governorate|district|region|area) of\s*$", before))

    @staticmethod
    def _agency(name: str) -> bool:
        return fold(" ".join(name.split())) in L.NEWS_AGENCIES

    def run(self, only: Optional[set[int]] = None) -> list[Mention]:
        for si, sentence in enumerate(self.sentences):
            if only is not None and si not in only:
                continue
            tokens, modifiers = _split_modifiers(tokenize(self.text, sentence.start, sentence.end), self.text)
            tokens = self._trim_possessives(tokens)
            used = self.scan_known(si, tokens, modifiers)
            for run in self.runs(sentence, tokens, used):
                self.classify(sentence, tokens, run, si, modifiers)
        self.mentions = [m for m in self.mentions if not self._bracketed(m)]
        self.mentions.sort(key=lambda m: m.start)
        self._split_glued()
        return self.mentions

    def _split_glued(self) -> None:
        """Two names glued by a lost comma: "in Hama Human Rights Watch said" when the report
        names "Human Rights Watch" elsewhere, "Deir al-Zor Moumtzis said" after "Panos Moumtzis"."""
        kinds: dict[str, str] = {}
        surnames: dict[str, dict[str, int]] = {}  # surname -> full name -> where first written
        for m in self.mentions:
            key = m.key
            if key and m.kind not in ("", "other", "place"):
                kinds.setdefault(key, m.kind)
            words = key.split()
            if m.kind == "person" and len(words) > 1:
                surnames.setdefault(words[-1], {}).setdefault(key, m.start)
        out: list[Mention] = []
        for m in self.mentions:
            toks = tokenize(self.text, m.start, m.end)
            countries = _countries(toks) if m.known is None and len(toks) >= 2 else None
            if countries:  # "the former Soviet Union Tunisia and Egypt": one name per country
                kind = "state" if m.kind == "state" else "place"
                for i, j in countries:
                    start, end = toks[i].start, toks[j - 1].end
                    out.append(Mention(start, end, self.text[start:end], kind=kind, name=self.text[start:end],
                                       sentence=m.sentence))
                continue
            split = None
            if m.known is None and not m.title and not m.reference and len(toks) >= 2:
                for k in range(1, len(toks)):
                    suffix = " ".join(t.key for t in toks[k:])
                    kind = kinds.get(suffix)
                    if kind is not None and kind != "person" and k < len(toks):
                        split = (k, kind)
                        break
                    # a person already introduced by full name, whose surname ends this run
                    owners = {o for o, at in surnames.get(suffix, {}).items() if at < m.start and o != m.key} \
                        if len(toks) - k == 1 else set()
                    if owners and not any(set(o.split()[:-1]) & {t.key for t in toks[:k]} for o in owners):
                        split = (k, "person")
                        break
            if split is None:
                out.append(m)
                continue
            k, kind = split
            head, tail = toks[:k], toks[k:]
            out.append(Mention(head[0].start, head[-1].end, self.text[head[0].start:head[-1].end], kind="other",
                               name=self.text[head[0].start:head[-1].end], sentence=m.sentence))
            out.append(Mention(tail[0].start, tail[-1].end, self.text[tail[0].start:tail[-1].end], kind=kind,
                               name=self.text[tail[0].start:tail[-1].end], sentence=m.sentence))
        self.mentions = out

    def _bracketed(self, m: Mention) -> bool:
        return bool(re.search(r"\[[^\]]*$", self.text[max(0, m.start - 30):m.start])) and "]" in self.text[m.end:m.end + 30]


# ---------------------------------------------------------------------------------
# Grouping


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


def _initials(name: str, skip: bool = True) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    if skip:
        words = [w for w in words if w.lower() not in _INITIAL_SKIP]
    return "".join(w[0] for w in words).upper()


def _group(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Entity]:
    actorish = [m for m in mentions if m.kind not in ("place",)]
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
        key = m.key
        if key in by_key:
            u.union(by_key[key], i)
        else:
            by_key[key] = i
    # names the press uses for one actor: "ISIS" and "Daesh"
    by_alias_set: dict[tuple[str, ...], int] = {}
    for i, m in enumerate(actorish):
        names = _SAME_ACTOR.get(m.key)
        if names is not None and m.known is None:
            if names in by_alias_set:
                u.union(by_alias_set[names], i)
            else:
                by_alias_set[names] = i
    # "Daesh (IS)", "Syrian Democratic Forces (SDF)"
    for i, a in enumerate(actorish):
        for j in range(i + 1, min(n, i + 3)):
            b = actorish[j]
            between = text[a.end:b.start]
            if re.fullmatch(r"\s*\(\s*", between) and text[b.end:b.end + 2].lstrip().startswith(")"):
                u.union(i, j)
    # acronyms built from initials: SDF = Syrian Democratic Forces, SOHR, IS = Islamic State (group)
    acronyms = [i for i, m in enumerate(actorish) if re.fullmatch(r"[A-Z]{2,6}", m.text.replace(".", ""))]
    multi = [i for i, m in enumerate(actorish) if len((m.name or m.text).split()) > 1]
    for i in acronyms:
        acr = actorish[i].text.replace(".", "")
        for j in multi:
            name = actorish[j].name or actorish[j].text
            if acr in (_initials(name), _initials(name, skip=False)):
                if actorish[i].known is not None and actorish[j].known is not None \
                        and actorish[i].known.uid != actorish[j].known.uid:
                    continue
                u.union(i, j)
    # parts of a person's name: "Trump" for "Donald Trump", "Father Paolo" for "Father Paolo Dall'Oglio"
    persons = [i for i, m in enumerate(actorish)
               if (m.kind == "person" or (m.known is not None and m.known.actor_kind == "person"))
               and len(m.key.split()) > 1]
    for i, m in enumerate(actorish):
        tokens = m.key.split()
        if not tokens or len(tokens) > 2 or m.known is not None and m.known.actor_kind != "person":
            continue
        if m.kind not in ("person", "other", "source", "organisation") and m.known is None:
            continue
        fits = set()
        for j in persons:
            if j == i:
                continue
            full = actorish[j].key.split()
            if len(full) <= len(tokens):
                continue
            if full[-len(tokens):] == tokens or (m.title and full[:len(tokens)] == tokens):
                fits.add(u.find(j))
        if len(fits) == 1:
            u.union(i, fits.pop())
    # spelling variants among the new names
    keys = [(i, m.key) for i, m in enumerate(actorish) if m.known is None and len(m.key) >= 6]
    for x in range(len(keys)):
        for y in range(x + 1, len(keys)):
            if fuzz.ratio(keys[x][1], keys[y][1]) >= 92:
                u.union(keys[x][0], keys[y][0])
    # spelling variants of known names
    for i, m in enumerate(actorish):
        if m.known is None and m.kind != "place":
            entries = gaz.fuzzy(m.key)
            if entries:
                m.known = next((e for e in entries if e.kind == "actor"), entries[0])
                if m.kind in ("other", ""):
                    m.kind = m.known.actor_kind if m.known.kind == "actor" else "source"
                k = (m.known.kind, m.known.uid)
                if k in by_known:
                    u.union(by_known[k], i)
                else:
                    by_known[k] = i

    groups: dict[int, list[Mention]] = {}
    for i, m in enumerate(actorish):
        groups.setdefault(u.find(i), []).append(m)
    entities: list[Entity] = []
    for members in sorted(groups.values(), key=lambda ms: ms[0].start):
        entity = _entity(members, gaz)
        if entity is None:
            continue
        entity.id = f"actor-{len(entities) + 1}"
        for m in members:
            m.entity = entity.id
        entities.append(entity)
    return entities


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
    best = max(names or members, key=lambda m: (len(m.key.split()) if not m.key.isupper() else 0,
                                                 not m.text.isupper(), len(m.name)))
    name = " ".join(best.name.split())
    if kind == "source" or (kind == "organisation" and _agency_name(name)):
        return Entity("", name, "source", actor=False, source=True, title=title, mentions=members,
                      source_kind="news_agency")
    return Entity("", name, kind, actor=True, source=False, title=title, mentions=members,
                  source_kind="news_agency" if fold(name) in L.NEWS_AGENCIES else "")


def _agency_name(name: str) -> bool:
    return fold(name) in L.NEWS_AGENCIES or bool(re.search(r"\b(?:news|agency|press|television|radio|tv)\b", name, re.I))


def _definite_references(text: str, sentences: Sequence[Sentence], mentions: list[Mention],
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


def find_entities(text: str, sentences: Sequence[Sentence], gazetteer: Gazetteer,
                  skipped: Iterable[tuple[int, int]] = (), only: Optional[set[int]] = None
                  ) -> tuple[list[Entity], list[Mention]]:
    """Entities (grouped mentions) and every mention, places included; `only` limits the
    search to those sentences (the headline and body, not header lines)."""
    finder = _Finder(text, sentences, gazetteer, list(skipped))
    mentions = finder.run(only)
    entities = _group(text, mentions, gazetteer)
    _definite_references(text, sentences, mentions, entities)
    return entities, mentions
