"""What an edit changed: which events, actors, sources and documents were added, changed or removed.

Views read a change set to refresh only what it touches (a renamed actor repaints the
actors panel and the lanes that show it, not a million-event table); an import or a
workspace swapped underneath says `everything`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

KINDS = ("events", "actors", "sources", "documents", "periods")


@dataclass(frozen=True)
class Changes:
    """The uids of one kind of record an edit added, changed and removed."""

    added: frozenset[str] = frozenset()
    changed: frozenset[str] = frozenset()
    removed: frozenset[str] = frozenset()
    moved: frozenset[str] = frozenset()  # changed records whose place in order moved (an event's dates)
    # changed in place with their links to actors and sources as they were (an event's title):
    # what counts events per actor or source stays true (False: they may have changed)
    links_kept: bool = False

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def __or__(self, other: "Changes") -> "Changes":
        return Changes(self.added | other.added, self.changed | other.changed, self.removed | other.removed,
                       self.moved | other.moved,
                       (self.links_kept or not self) and (other.links_kept or not other) and bool(self or other))

    @property
    def touched(self) -> frozenset[str]:
        return self.added | self.changed | self.removed

    @property
    def only_changed(self) -> bool:
        """Records were changed in place: none came or went."""
        return bool(self.changed) and not self.added and not self.removed


def _uids(items: Iterable) -> frozenset[str]:
    return frozenset(item if isinstance(item, str) else item.uid for item in items)


@dataclass(frozen=True)
class ChangeSet:
    events: Changes = field(default_factory=Changes)
    actors: Changes = field(default_factory=Changes)
    sources: Changes = field(default_factory=Changes)
    documents: Changes = field(default_factory=Changes)
    periods: Changes = field(default_factory=Changes)
    everything: bool = False  # an import, a merge of workspaces: read it all again

    def __bool__(self) -> bool:
        return self.everything or any(getattr(self, kind) for kind in KINDS)

    def __or__(self, other: "ChangeSet") -> "ChangeSet":
        return ChangeSet(*(getattr(self, kind) | getattr(other, kind) for kind in KINDS),
                         everything=self.everything or other.everything)

    def touches(self, kind: str) -> bool:
        return self.everything or bool(getattr(self, kind))

    @classmethod
    def all(cls) -> "ChangeSet":
        return cls(everything=True)

    @classmethod
    def of(cls, kind: str, added: Iterable = (), changed: Iterable = (), removed: Iterable = (),
           moved: Iterable = (), links_kept: bool = False) -> "ChangeSet":
        """One kind's changes, from uids or records with a `.uid` (`moved` ones count as changed too)."""
        if kind not in KINDS:
            raise ValueError(f"unknown kind of record {kind!r}")
        moved = _uids(moved)
        added, removed = _uids(added), _uids(removed)
        return cls(**{kind: Changes(added, _uids(changed) | moved, removed, moved,
                                    links_kept and not added and not removed)})


NOTHING = ChangeSet()
