"""A record's history: who changed what, when — read from the provenance every write
leaves (`revision`, each record's `created_rev`/`rev`, the `history` table of earlier
versions and the `tombstone` of a deletion), on both backends.

Every write keeps the version it is about to replace (`ProvenanceStore._remember`), so
consecutive versions, compared field by field (`core.fields`), say what each change did.
A change whose earlier version was not kept (made before this history existed) is listed
with who and when, marked `known=False`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Optional

from ..core.fields import describe_field
from .provenance import KIND_TABLES, _KEY, ProvenanceStore


@dataclass(frozen=True)
class FieldChange:
    """One field of one change: its value before and after (JSON values; None: not set)."""

    field: str
    label: str
    old: Any
    new: Any

    def text(self, limit: int = 60) -> str:
        """One short line: "title: 'Raid on X' → 'Raid on Y'"."""
        return f"{self.label}: {_short(self.old, limit)} → {_short(self.new, limit)}"


@dataclass(frozen=True)
class HistoryEntry:
    """One step of a record's life: created, changed (which fields) or deleted."""

    rev: int
    at: str                 # UTC, "2026-12-04T09:14:03Z"; "" when not known
    analyst: str            # "" for records made before Briefer kept provenance
    workspace: str          # the id of the workspace the change was made in
    workspace_name: str     # its name, when known
    action: str             # "created" | "changed" | "deleted"
    changes: tuple[FieldChange, ...] = ()
    known: bool = True      # False: changed, but the version before was not kept
    note: str = ""          # what the revision says of itself ("recorded before Briefer kept provenance")


def _short(value: Any, limit: int) -> str:
    if value is None or value == "" or value == []:
        return "(none)"
    if isinstance(value, str):
        text = value.replace("\n", " ")
        return "'" + (text if len(text) <= limit else text[:limit - 1] + "…") + "'"
    if isinstance(value, list):
        text = ", ".join(str(v) for v in value)
    elif isinstance(value, dict):
        text = ", ".join(f"{k} {v}" for k, v in value.items() if v not in (None, ""))
    else:
        text = str(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def field_changes(old: dict[str, Any], new: dict[str, Any]) -> tuple[FieldChange, ...]:
    """The fields that differ between two versions, in the order the fields are listed."""
    names = list(old) + [k for k in new if k not in old]
    return tuple(FieldChange(k, describe_field(k), old.get(k), new.get(k))
                 for k in names if old.get(k) != new.get(k))


class HistoryStore(ProvenanceStore):
    def event_history(self, uid: str) -> list[HistoryEntry]:
        """Who changed this event, what and when, newest first (see `record_history`)."""
        return self.record_history("event", uid)

    def record_history(self, kind: str, uid: str) -> list[HistoryEntry]:
        """The history of one record (kind: event, actor, source, document, period, view),
        newest first; a deleted record keeps its history; an unknown one has none."""
        if not self._provenance_ready():
            return []
        table, key = KIND_TABLES[kind], _KEY.get(kind, "uid")
        row = self.conn.execute(f"SELECT created_rev, rev FROM {table} WHERE {key} = ?", (uid,)).fetchone()
        deleted: Optional[int] = None
        if row is None:
            gone = self.tombstones(kind, [uid]).get(uid)
            if gone is None:
                return []
            created, deleted = gone
        else:
            created = row[0]
        versions: list[tuple[int, dict[str, Any]]] = [
            (rev, json.loads(data)) for rev, data in self.conn.execute(
                "SELECT rev, data FROM history WHERE kind = ? AND uid = ? ORDER BY rev", (kind, uid))]
        if row is not None and row[1] is not None:
            now = self.current_fields(kind, [uid]).get(uid)
            if now is not None and (not versions or versions[-1][0] != row[1]):
                versions.append((row[1], now))
        steps: list[tuple[int, str, tuple[FieldChange, ...], bool]] = []
        if created is not None:
            steps.append((created, "created", (), True))
        for i, (rev, data) in enumerate(versions):
            if i == 0:
                if created is None or rev > created:  # changed before its earlier versions were kept
                    steps.append((rev, "changed", (), False))
                continue
            changes = field_changes(versions[i - 1][1], data)
            if changes:
                steps.append((rev, "changed", changes, True))
        if deleted is not None:
            steps.append((deleted, "deleted", (), True))
        stamps = self._revision_rows(r for r, *_ in steps)
        names = self.workspace_names()
        entries = []
        for rev, action, changes, known in reversed(steps):
            at, analyst, workspace, what = stamps.get(rev, ("", "", "", ""))
            entries.append(HistoryEntry(rev, at + "Z" if at else "", analyst, workspace, names.get(workspace, ""),
                                        action, changes, known, what))
        return entries

    def _revision_rows(self, revs) -> dict[int, tuple[str, str, str, str]]:
        wanted = json.dumps(sorted({r for r in revs if r is not None}))
        return {rev: (at, analyst, ws, what) for rev, at, analyst, ws, what in self.conn.execute(
            "SELECT rev, at, analyst, workspace, what FROM revision WHERE rev IN (SELECT value FROM json_each(?))",
            (wanted,))}


__all__ = ["HistoryStore", "HistoryEntry", "FieldChange", "field_changes"]
