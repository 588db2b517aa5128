"""The names a workspace knows (the gazetteer), and what a report's names become:
mentions (one place in the text each) grouped into entities (one actor or source each).

Known actors and sources are found by any of their names, ignoring case (except for
short acronyms such as "IS", which must be written in capitals), accents and
apostrophe style, and tolerating spelling variants (rapidfuzz).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional, Sequence

from rapidfuzz import fuzz, process

from ..core.model import Actor, Source
from . import lexicon as L
from .text import Token, tokenize

__all__ = ["Gazetteer", "Mention", "Entity", "same_actor", "WELL_KNOWN_ACTOR_KEYS", "FUZZY_CUTOFF"]

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
        self.first_words: dict[str, int] = {}  # first word of a known name -> most words of such a name
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
        # what a reader derives from the index (e.g. one pattern of the Arabic aliases), made once
        # per gazetteer and kept with it: a new gazetteer (the workspace's names changed) starts empty
        self.derived: dict[str, object] = {}

    def _add(self, name: str, entry: _Entry) -> None:
        tokens = [t.key for t in tokenize(name)]
        if not tokens:
            return
        key = " ".join(tokens)
        entries = self.index.setdefault(key, [])
        if entry not in entries:
            entries.append(entry)
        self.max_tokens = max(self.max_tokens, len(tokens))
        self.first_words[tokens[0]] = max(self.first_words.get(tokens[0], 0), len(tokens))

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
    body: str = ""  # a state's designated body ("French forces"): "<state>|<body>" ("france|military")

    @property
    def key(self) -> str:
        return _key_of(self.name or self.text)


@lru_cache(maxsize=1 << 16)
def _key_of(name: str) -> str:
    """A name's folded words (asked of every mention many times over: cached)."""
    return " ".join(t.key for t in tokenize(name))


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
