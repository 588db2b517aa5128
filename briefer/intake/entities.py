"""Who a report names: actors the workspace knows, and new ones worth proposing.

The work is in three steps, each in its own module: the gazetteer of known names and
the records (`names`), finding mentions in sentences (`mentions`), and grouping them
into entities (`grouping`).
"""

from __future__ import annotations

from typing import Iterable, Optional, Sequence

from .grouping import definite_references, group_mentions
from .mentions import MentionFinder
from .names import WELL_KNOWN_ACTOR_KEYS, Entity, Gazetteer, Mention, same_actor
from .text import Sentence

__all__ = ["Gazetteer", "Mention", "Entity", "find_entities", "same_actor", "WELL_KNOWN_ACTOR_KEYS"]


def find_entities(text: str, sentences: Sequence[Sentence], gazetteer: Gazetteer,
                  skipped: Iterable[tuple[int, int]] = (), only: Optional[set[int]] = None
                  ) -> tuple[list[Entity], list[Mention]]:
    """Entities (grouped mentions) and every mention, places included; `only` limits the
    search to those sentences (the headline and body, not header lines)."""
    finder = MentionFinder(text, sentences, gazetteer, list(skipped))
    mentions = finder.run(only)
    entities = group_mentions(text, mentions, gazetteer)
    definite_references(text, sentences, mentions, entities)
    return entities, mentions
