"""Row versions: an edit must start from the version stored now.

Each session remembers the revision (`rev`) of every event, actor and source it opened
(`get_event`, `get_actor`, `get_source`) or wrote.  Saving or deleting one that another
session changed since raises `EditConflict` (who and when; nothing written), unless the
caller says to overwrite.  The same on both backends: a desk locks the row it checks
(`_LOCK_ROW`), a file's writer holds the whole file.

`merge_edit` is the third answer to a conflict: their version with my changed fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from ..core.fields import (
    CITATION_PREFIX, actor_fields, actor_from_fields, describe_field, event_fields, event_from_fields,
    merge_edit_fields, source_fields, source_from_fields,
)
from .connection import Connection
from .errors import EditConflict, WorkspaceError

_CHECKED = {"event": "event", "actor": "actor", "source": "source"}
_SEEN_LIMIT = 10_000


@dataclass(frozen=True)
class FieldClash:
    """A field both sides changed differently since the version I opened (JSON values)."""

    field: str
    label: str
    base: Any
    mine: Any
    theirs: Any


@dataclass(frozen=True)
class MergedEdit:
    """Their version with the fields I changed: what to save (`record`) and the fields we
    both changed (`clashes`, where `record` holds mine)."""

    record: Any
    clashes: tuple[FieldClash, ...]


class RowVersions(Connection):
    _LOCK_ROW = ""  # a desk locks the row it checks (" FOR UPDATE"); a file's writer holds the whole file

    def _seen_versions(self, kind: str = "event") -> dict[str, int]:
        """{uid: the revision it had when this session last read or wrote it}, per kind."""
        return self.__dict__.setdefault("_versions_seen", {}).setdefault(kind, {})

    def _note_seen(self, kind: str, uid: str, rev: Optional[int]) -> None:
        """An editor opened this record: its version is the one the next save starts from."""
        if rev is None or self._depth != 0:
            return
        seen = self._seen_versions(kind)
        if len(seen) > _SEEN_LIMIT:
            seen.clear()
        seen[uid] = rev

    def _open_version(self, kind: str, uid: str) -> None:
        if self._depth == 0 and getattr(self, "_provenance_ready", lambda: False)():
            row = self.conn.execute(f"SELECT rev FROM {_CHECKED[kind]} WHERE uid = ?", (uid,)).fetchone()
            if row is not None:
                self._note_seen(kind, uid, row[0])

    def _remember_version(self, uid: str, kind: str = "event") -> None:
        """After this session's own edit: the version it wrote is the one it has seen."""
        seen = self._seen_versions(kind)
        row = (self.conn.execute(f"SELECT rev FROM {_CHECKED[kind]} WHERE uid = ?", (uid,)).fetchone()
               if self._depth == 0 else None)
        if row is not None and row[0] is not None:
            seen[uid] = row[0]
        else:
            seen.pop(uid, None)

    def _check_version(self, uid: str, title: str, overwrite: bool, kind: str = "event",
                       deleting: bool = False) -> None:
        """Refuse (EditConflict, saying who and when) to change a record that another
        session changed after this one read it, unless told to overwrite."""
        seen = self._seen_versions(kind).get(uid)
        row = self.conn.execute(f"SELECT rev FROM {_CHECKED[kind]} WHERE uid = ?{self._LOCK_ROW}", (uid,)).fetchone()
        if overwrite or seen is None or row is None or row[0] is None or row[0] == seen:
            return
        if row[0] in self.__dict__.get("_own_revisions", ()):
            return  # the version stored now is this session's own (a merge, a touch): nothing to lose
        raise self._conflict(kind, uid, title, row[0], deleting)

    def _conflict(self, kind: str, uid: str, title: str, rev: Optional[int], deleting: bool = False) -> EditConflict:
        """The conflict with the version stored now (revision `rev`): who made it, when."""
        stamp = self.stamps([rev]).get(rev) if rev is not None else None
        return EditConflict(kind, uid, title, stamp.analyst if stamp else "", stamp.at if stamp else "", deleting)

    # -- the third answer: merge fields ---------------------------------------------------
    def merge_edit(self, kind: str, mine: Any) -> MergedEdit:
        """Their version (stored now) with the fields I changed since the version I opened;
        a field we both changed differently is a clash and keeps mine.  The stored version
        becomes the one I have seen, so saving `record` goes through unless yet another
        change comes meanwhile.  Without the version I opened (not kept), every field that
        differs is a clash."""
        if kind not in _CHECKED:
            raise WorkspaceError(f"no edit conflicts for records of kind {kind}")
        to_fields, from_fields = _CONVERT[kind]
        uid = mine.uid
        seen = self._seen_versions(kind).get(uid)
        current = self.current_fields(kind, [uid]).get(uid)
        if current is None:
            raise WorkspaceError(f"'{_title(mine)}' was deleted by another analyst since you opened it; "
                                 "nothing to merge with (save it as new, or let it go)")
        base = self.fields_at(kind, [uid], seen).get(uid) if seen is not None else None
        own = to_fields(mine)
        merge = merge_edit_fields(base, own, current)
        clashes = [FieldClash(f, describe_field(f), None if base is None else base.get(f), own.get(f), current.get(f))
                   for f in merge.both]
        merged = {k: v for k, v in merge.fields.items()
                  if not (v is None and k.startswith(CITATION_PREFIX))}  # a citation removed
        record = from_fields(uid, merged, mine) if kind == "event" else from_fields(uid, merged)
        self._open_version(kind, uid)
        return MergedEdit(record, tuple(clashes))


def _title(record: Any) -> str:
    return getattr(record, "title", None) or getattr(record, "name", "")


def _event_from_fields(uid: str, fields: dict[str, Any], mine: Any) -> Any:
    return event_from_fields(uid, fields, order=mine, created=mine.created, updated=mine.updated)


_CONVERT = {"event": (event_fields, _event_from_fields), "actor": (actor_fields, actor_from_fields),
            "source": (source_fields, source_from_fields)}

__all__ = ["RowVersions", "MergedEdit", "FieldClash"]
