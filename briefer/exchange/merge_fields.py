"""The three-way decision for one record, field by field (no store, no I/O).

Each side is compared with what the *other* side already had of it: a field counts as
changed on my side when my value differs both from my version the peer last took in
(`mine_base`) and from the peer's version I last took in (`their_base`) — so a value I
merely took over from the peer is not "mine".  The same holds the other way round.  Then:

- changed on one side only: that side's value;
- changed on both sides to different values: a conflict (my value stays until decided);
- sets (tags, aliases, an event's actors) are decided element by element, and an element
  added on one side and removed on the other stays (adding wins);
- an unknown base (a plain JSON export, a history that was never kept) counts as
  "changed", so a difference becomes a conflict rather than a silent overwrite.
"""

from __future__ import annotations

from typing import Any, Optional

from ..core.fields import SET_FIELDS

ABSENT = object()   # a field the record does not have (a citation it lacks)
UNKNOWN = object()  # a base version nobody kept


def _value(record: Any, field: str) -> Any:
    if record is UNKNOWN:
        return UNKNOWN
    if record is None:
        return ABSENT
    return record.get(field, ABSENT)


def _changed(value: Any, own_base: Any, other_base: Any) -> bool:
    if own_base is UNKNOWN or other_base is UNKNOWN:
        return True
    return value != own_base and value != other_base


def _changed_member(present: bool, own_base: Any, other_base: Any, item: Any) -> bool:
    if own_base is UNKNOWN or other_base is UNKNOWN:
        return True
    def has(base: Any) -> bool:
        return base is not ABSENT and base is not None and item in base
    return present != has(own_base) and present != has(other_base)


def record_changed(record: Optional[dict], own_base: Any, other_base: Any) -> bool:
    """Whether a side changed the record at all since the other side last took it in."""
    if own_base is UNKNOWN or other_base is UNKNOWN:
        return True
    if record is None:
        return own_base is not None and other_base is not None
    for field in set(record) | set(own_base or {}) | set(other_base or {}):
        value = record.get(field, ABSENT)
        if _changed(value, _value(own_base, field), _value(other_base, field)):
            return True
    return False


def merge_fields(mine: dict, theirs: dict, mine_base: Any, their_base: Any
                 ) -> tuple[dict, list[str], list[str]]:
    """(result, conflicting fields, fields taken from theirs)."""
    result: dict[str, Any] = {}
    conflicts: list[str] = []
    taken: list[str] = []
    for field in sorted(set(mine) | set(theirs)):
        m, t = mine.get(field, ABSENT), theirs.get(field, ABSENT)
        mb, tb = _value(mine_base, field), _value(their_base, field)
        if m == t:
            if m is not ABSENT:
                result[field] = m
            continue
        if field in SET_FIELDS and m is not ABSENT and t is not ABSENT:
            merged = _merge_set(m, t, mb, tb)
            result[field] = merged
            if merged != m:
                taken.append(field)
            continue
        mine_changed = _changed(m, mb, tb)
        theirs_changed = _changed(t, tb, mb)
        if theirs_changed and not mine_changed:
            value = t
            taken.append(field)
        else:
            value = m
            if mine_changed and theirs_changed:
                conflicts.append(field)
        if value is not ABSENT:
            result[field] = value
    return result, conflicts, taken


def _merge_set(m: list, t: list, mb: Any, tb: Any) -> list:
    out = []
    for item in sorted(set(m) | set(t)):
        in_m, in_t = item in m, item in t
        if in_m == in_t:
            keep = in_m
        else:
            mine_changed = _changed_member(in_m, mb, tb, item)
            theirs_changed = _changed_member(in_t, tb, mb, item)
            if theirs_changed and not mine_changed:
                keep = in_t
            elif mine_changed and not theirs_changed:
                keep = in_m
            else:
                keep = True  # added on one side, removed on the other: adding wins
        if keep:
            out.append(item)
    return out
