"""Merging two edits of one record field by field (no Qt): the base both started from, the
version saved meanwhile by someone else ("theirs") and the one being saved ("mine").

The result is theirs with every field I changed from the base put over it: their changes
are kept, mine too, and where both of us changed the same field, mine wins (I am the one
saving, and I saw their version in the conflict dialog before choosing to merge).  The
rule is `core.fields.merge_edit_fields`, the one `Workspace.merge_edit` applies to the
stored versions; here it is applied to records (events, actors, sources) as the window
holds them, whose base is the version the editor opened.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from ..core.fields import merge_edit_fields

# bookkeeping, not what an analyst edits: always theirs (the store stamps `updated` anew)
NOT_MERGED = frozenset({"uid", "created", "updated"})


@dataclass(frozen=True)
class FieldMerge:
    record: Any               # the merged record, to be saved over theirs
    mine: tuple[str, ...]     # fields taken from my edit (they differ from theirs)
    theirs: tuple[str, ...]   # fields their change brought (I left them as I read them)
    both: tuple[str, ...]     # fields both changed, differently: mine was kept


def edited_fields(record: Any) -> list[str]:
    return [f.name for f in fields(record) if f.name not in NOT_MERGED]


def merge_fields(base: Any, mine: Any, theirs: Any) -> FieldMerge:
    """Theirs, with the fields I changed from `base` taken from `mine`."""
    names = edited_fields(base)
    merge = merge_edit_fields(*({name: getattr(r, name) for name in names} for r in (base, mine, theirs)))
    return FieldMerge(replace(theirs, **{name: getattr(mine, name) for name in merge.mine}),
                      merge.mine, merge.theirs, merge.both)


__all__ = ["FieldMerge", "edited_fields", "merge_fields"]
