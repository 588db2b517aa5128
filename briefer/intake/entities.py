"""Who a report names: actors the workspace knows, and new ones worth proposing.

The work is in three steps, each in its own module: the gazetteer of known names and
the records (`names`), finding mentions in sentences (`mentions`), and grouping them
into entities (`grouping`).
"""

from __future__ import annotations

import re
from typing import Iterable, Optional, Sequence

from .bodies import body_mentions
from .grouping import definite_references, group_mentions, named_as_whose, taken_up
from .model_names import with_model_names
from .mentions import MentionFinder
from .names import WELL_KNOWN_ACTOR_KEYS, Entity, Gazetteer, Mention, same_actor
from .text import Sentence

__all__ = ["Gazetteer", "Mention", "Entity", "find_entities", "same_actor", "WELL_KNOWN_ACTOR_KEYS"]


def find_entities(text: str, sentences: Sequence[Sentence], gazetteer: Gazetteer,
                  skipped: Iterable[tuple[int, int]] = (), only: Optional[set[int]] = None,
                  parsed: Optional[dict] = None, dateline: Optional[tuple[int, int]] = None
                  ) -> tuple[list[Entity], list[Mention]]:
    """Entities (grouped mentions) and every mention, places included; `only` limits the
    search to those sentences (the headline and body, not header lines).  Where a
    sentence was parsed, the model's names complete the rules' and vet their guesses."""
    finder = MentionFinder(text, sentences, gazetteer, list(skipped))
    mentions = finder.run(only)
    if parsed:
        mentions = with_model_names(text, sentences, parsed, mentions)
    mentions = body_mentions(text, sentences, mentions, only)
    if dateline is not None:  # "BEIRUT (Reuters) -": the agency and the city are no actors of the story
        mentions = [m for m in mentions if not dateline[0] <= m.start < dateline[1]]
    entities = group_mentions(text, mentions, gazetteer)
    definite_references(text, sentences, mentions, entities)
    for e in entities:
        if e.actor and e.known_actor is None and e.kind == "organisation" and _only_where(text, e.mentions):
            e.actor = False
        elif e.actor and e.known_actor is None and e.kind == "state" and _only_whose(text, e.mentions):
            e.actor = False
        elif e.actor and e.known_actor is None and e.kind == "person" and _only_kin(text, e.mentions):
            e.actor = False
    return entities, mentions


# "At the White House, the spokeswoman said", "told reporters at the Pentagon", "a bomb outside the Supreme
# Court building": where someone is or something happened, not a party
_WHERE_BEFORE_RE = re.compile(r"\b(?:[Aa]t|[Oo]utside|[Ii]nside|[Rr]eports?\s+from)\s+the\s+$")


# "U.S. envoy William Burns urged", "the release of two U.S. hostages": a state named only as whose envoy or
# whose citizens someone is; the person is the party, or the state suffers nothing as a state
_WHOSE_PERSON_RE = re.compile(r"(?:-[a-z]+)?\s+(?:envoys?|ambassadors?|diplomats?|hostages?|citizens?|nationals?|"
                              r"captives?|detainees?|prisoners?|journalists?|reporters?|aid\s+workers?|workers?|"
                              r"volunteers?|tourists?|residents?)\b")


def _only_whose(text: str, mentions: Sequence[Mention]) -> bool:
    """Whether a state is named only as the nationality of people (see _WHOSE_PERSON_RE)."""
    named = [m for m in mentions if not m.reference]
    return bool(named) and all(_WHOSE_PERSON_RE.match(text, m.end) for m in named)


def _only_where(text: str, mentions: Sequence[Mention]) -> bool:
    """Whether a new body is named only as the place someone stands (see _WHERE_BEFORE_RE) or as whose
    post, voice or thing something is ("a Pentagon spokesman", "told reporters at the Pentagon")."""
    named = [m for m in mentions if not m.reference]
    return bool(named) and all(_WHERE_BEFORE_RE.search(text, max(0, m.start - 20), m.start)
                               or named_as_whose(text, m) for m in named) and not taken_up(text, named)


# "President Obama's top counterterrorism adviser, John Brennan", "a nephew of President Idriss Deby": a person
# named only as whose named aide or whose relative someone is; the aide or the relative is the one who acts
_KIN = r"(?:son|daughter|nephew|niece|wife|husband|brother|sister|cousin|father|mother|uncle|aunt|widow|relative|in-law)"
_AIDE_OF_RE = re.compile(rf"['’]s\s+(?:[a-z\-]+\s+){{0,3}}(?:(?:advis[eo]r|aide|deputy)(?=\s*,|\s+[A-Z])|{_KIN}s?\b)")
_KIN_OF_RE = re.compile(rf"\b{_KIN}s?\s+of\s+(?:the\s+late\s+)?$")


def _only_kin(text: str, mentions: Sequence[Mention]) -> bool:
    """Whether a person is named only as whose aide or relative someone is (see _AIDE_OF_RE)."""
    named = [m for m in mentions if not m.reference]
    return bool(named) and all(_AIDE_OF_RE.match(text, m.end) or _KIN_OF_RE.search(text, max(0, m.start - 40), m.start)
                               for m in named)

