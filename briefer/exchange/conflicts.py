"""Deciding what a merge left open: conflicts (take mine or theirs, per field, per record or
all at once) and proposed duplicates (merge the two actors or sources, or keep them apart).

Each decision is a change of this workspace like any edit, so it travels on to the peer at
the next exchange: the two end up agreeing.  `decide_conflicts` returns a `Decision` that
`undo_decision` takes back (records, their provenance and the conflicts' status as they
were), so that the window can make each decision one Undo step.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Optional

from ..core.errors import BrieferError
from ..core.fields import (
    actor_from_fields, document_from_fields, event_from_fields, period_from_fields, source_from_fields,
)
from ..store import Workspace
from ..store.views import filter_from_json
from .json_format import ExchangeError

DELETED_FIELD = "(deleted)"


def write_fields(ws: Workspace, kind: str, uid: str, fields: dict[str, Any], touch: bool = True) -> None:
    """Write a record whole from its fields (adding it if it is not here)."""
    exists = bool(ws.revisions_of(kind, [uid]))
    if kind == "event":
        old = ws.get_event(uid) if exists else None
        event = event_from_fields(uid, fields, old, created=old.created if old else None,
                                  updated=None if touch or old is None else old.updated)
        if exists:
            ws.update_event(event, touch=touch)
        else:
            ws.add_events([event])
    elif kind == "view":
        ws.save_view(uid, filter_from_json(fields["filter"]))
    else:
        build, add, update = {"actor": (actor_from_fields, ws.add_actor, ws.update_actor),
                              "source": (source_from_fields, ws.add_source, ws.update_source),
                              "document": (document_from_fields, ws.add_document, ws.update_document),
                              "period": (period_from_fields, ws.add_period, ws.update_period)}[kind]
        (update if exists else add)(build(uid, fields))


def delete_record(ws: Workspace, kind: str, uid: str) -> None:
    {"event": ws.delete_event, "actor": ws.delete_actor, "source": ws.delete_source,
     "document": ws.delete_document, "view": ws.delete_view, "period": ws.delete_period}[kind](uid)


# (kind, uid, (fields or None, (created_rev, rev) or None, tombstone revs or None)): a record
# as it was before a merge or a decision wrote it, to be put back by `restore_records`
Snapshot = tuple[str, str, tuple[Optional[dict[str, Any]], Any, Any]]


def snapshot(ws: Workspace, kind: str, uid: str) -> Snapshot:
    return (kind, uid, (ws.current_fields(kind, [uid]).get(uid), ws.revisions_of(kind, [uid]).get(uid),
                        ws.tombstones(kind, [uid]).get(uid)))


def restore_records(ws: Workspace, snapshots: list[Snapshot]) -> None:
    """Put records back as the snapshots (taken in order) found them, with their provenance
    and their tombstones: the latest write is undone first."""
    for kind, uid, (fields, revs, tomb) in reversed(snapshots):
        if fields is None:
            if ws.revisions_of(kind, [uid]):
                delete_record(ws, kind, uid)
        else:
            write_fields(ws, kind, uid, fields, touch=False)
        ws.forget_tombstone(kind, uid)
        if tomb is not None:
            ws.record_tombstone(kind, uid, tomb[0], tomb[1])
        if fields is not None and revs is not None:
            ws.set_revisions(kind, uid, revs[0], revs[1])


@dataclass
class Decision:
    """What one decision did: the conflicts it decided and the records as they were."""

    side: str
    ids: list[int]
    records: list[Snapshot] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.ids)


def resolve_conflicts(ws: Workspace, side: str, ids: Optional[Iterable[int]] = None) -> int:
    """Decide open conflicts (all, or those of `ids`) for `side` ('mine' or 'theirs'), in one
    transaction.  Returns how many were decided."""
    return decide_conflicts(ws, side, ids).count


def decide_conflicts(ws: Workspace, side: str, ids: Optional[Iterable[int]] = None) -> Decision:
    """`resolve_conflicts`, returning what `undo_decision` needs to take it back."""
    if side not in ("mine", "theirs"):
        raise ExchangeError(f"'{side}' is not one of: mine, theirs")
    wanted = set(ids) if ids is not None else None
    conflicts = [c for c in ws.conflicts("open") if wanted is None or c["id"] in wanted]
    if wanted is not None:
        missing = wanted - {c["id"] for c in conflicts}
        if missing:
            raise ExchangeError(f"no open conflict #{min(missing)} (see `conflicts`)")
    decision = Decision(side, [c["id"] for c in conflicts])
    seen: set[tuple[str, str]] = set()
    with ws.transaction():
        for c in conflicts:
            if (c["kind"], c["uid"]) not in seen:
                seen.add((c["kind"], c["uid"]))
                decision.records.append(snapshot(ws, c["kind"], c["uid"]))
            _decide(ws, c, side)
            ws.set_conflict_status(c["id"], side)
    return decision


def undo_decision(ws: Workspace, decision: Decision) -> None:
    """Take a decision back: its records as they were, its conflicts open again."""
    with ws.transaction():
        restore_records(ws, decision.records)
        for conflict_id in decision.ids:
            ws.set_conflict_status(conflict_id, "open")


def _decide(ws: Workspace, c: dict[str, Any], side: str) -> None:
    kind, uid = c["kind"], c["uid"]
    exists = bool(ws.revisions_of(kind, [uid]))
    try:
        if c["field"] == DELETED_FIELD:
            value = c[side]
            if value is None:
                if exists:
                    delete_record(ws, kind, uid)
            elif not exists:
                ws.forget_tombstone(kind, uid)
                write_fields(ws, kind, uid, value)
            else:
                ws.touch(kind, uid)
            return
        if not exists:
            return  # the record went since (a later merge deleted it)
        if side == "mine":
            ws.touch(kind, uid)  # this side's value travels on as the newer one
            return
        fields = ws.current_fields(kind, [uid])[uid]
        if c["theirs"] is None and c["field"].startswith("citation:"):
            fields.pop(c["field"], None)
        else:
            fields[c["field"]] = c["theirs"]
        write_fields(ws, kind, uid, fields)
    except BrieferError as error:
        raise ExchangeError(f"conflict #{c['id']} ({kind} '{c['title']}', {c['field']}): {error}") from None


def decide_proposal(ws: Workspace, proposal_id: int, merge: bool) -> None:
    """Merge the proposed duplicate into the record here (`merge`), or keep the two apart."""
    rows = [p for p in ws.conflicts("proposed") if p["id"] == proposal_id]
    if not rows:
        raise ExchangeError(f"no proposed duplicate #{proposal_id}")
    p = rows[0]
    keep_uid, drop_uid = p["mine"], p["theirs"]
    with ws.transaction():
        if merge and ws.revisions_of(p["kind"], [keep_uid]) and ws.revisions_of(p["kind"], [drop_uid]):
            if p["kind"] == "actor":
                ws.merge_actors(keep_uid, drop_uid)
            else:
                merge_sources(ws, keep_uid, drop_uid)
        ws.set_conflict_status(proposal_id, "merged" if merge else "apart")


def merge_sources(ws: Workspace, keep_uid: str, drop_uid: str) -> None:
    """Move a source's documents and citations to another, then delete it."""
    from ..core.filter import EventFilter

    for document in ws.documents(drop_uid):
        ws.update_document(replace(document, source_uid=keep_uid))
    for event in ws.events_by_uids(ws.event_uids(EventFilter(sources=(drop_uid,)))):
        citations = tuple(replace(c, source_uid=keep_uid) if c.source_uid == drop_uid else c for c in event.citations)
        ws.update_event(replace(event, citations=citations))
    ws.delete_source(drop_uid)
