"""Merging another workspace's changes into this one: by UUID, three-way, in one transaction.

`merge_path(ws, OTHER)` reads a workspace file, a Briefer JSON export or a change package
and applies it with `apply_changes`: records are matched by UUID; each record changed on
the other side since the last exchange is decided field by field (`merge_fields`);
deletions travel as tombstones; what both sides changed differently becomes a conflict,
kept in the workspace until a person decides (or `prefer` decides at once).  An actor or
source that is a different record but the same entity (a name or alias, or a web address,
already here) is added beside the existing one and proposed for merging, never merged
silently.  Everything happens in one transaction: an error leaves the workspace as it was.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Optional

from ..core.errors import BrieferError
from ..core.fields import (
    CITATION_PREFIX, KIND_PLURALS, KINDS, actor_from_fields, document_from_fields, event_fields,
    event_from_fields, period_from_fields, source_from_fields,
)
from ..core.model import normalize_name, now_utc
from ..store import Workspace
from ..store.peer_file import open_other
from ..store.provenance import Stamp
from ..store.views import filter_from_json
from .changes import (
    UNKNOWN_BASE, ChangeSet, changes_from_json, changes_since, few_collections, is_package, read_json_export,
    read_package,
)
from .conflicts import DELETED_FIELD, delete_record, restore_records
from .json_format import ExchangeError
from .merge_fields import UNKNOWN, merge_fields, record_changed

SAME_ENTITY = "(same entity)"
_SINGULAR = {"view": "saved view"}


@dataclass
class MergeReport:
    source: str
    peer: str = ""
    peer_name: str = ""
    added: dict[str, int] = field(default_factory=lambda: {k: 0 for k in KINDS})
    updated: dict[str, int] = field(default_factory=lambda: {k: 0 for k in KINDS})
    deleted: dict[str, int] = field(default_factory=lambda: {k: 0 for k in KINDS})
    conflicts: list[dict[str, Any]] = field(default_factory=list)   # every conflict this merge met
    proposals: list[dict[str, Any]] = field(default_factory=list)   # same entity, different records
    notes: list[str] = field(default_factory=list)
    prefer: Optional[str] = None
    undo: list[tuple] = field(default_factory=list, repr=False)
    peer_before: Optional[dict] = field(default=None, repr=False)
    peer_existed: bool = False

    @property
    def open_conflicts(self) -> list[dict[str, Any]]:
        return [c for c in self.conflicts if c["status"] == "open"]

    @property
    def changed(self) -> bool:
        return bool(sum(self.added.values()) + sum(self.updated.values()) + sum(self.deleted.values())
                    or self.conflicts or self.proposals)

    def summary(self) -> str:
        """"added 120 events, updated 14, deleted 3, 2 conflicts"."""
        parts = []
        for kind in ("event", "actor", "source", "document", "period", "view"):
            counts = [(verb, n) for verb, n in (("added", self.added[kind]), ("updated", self.updated[kind]),
                                                ("deleted", self.deleted[kind])) if n]
            if counts:
                words = [f"{verb} {n}" for verb, n in counts]
                words[0] += f" {KIND_PLURALS[kind] if counts[0][1] != 1 else _SINGULAR.get(kind, kind)}"
                parts.append(", ".join(words) if len(counts) > 1 or counts[0][0] else words[0])
        n = len(self.conflicts)
        if n:
            parts.append(f"{n} conflict{'s' if n != 1 else ''}"
                         + (f" (resolved: {self.prefer})" if self.prefer and not self.open_conflicts else ""))
        if self.proposals:
            parts.append(f"{len(self.proposals)} proposed duplicate{'s' if len(self.proposals) != 1 else ''}")
        return ", ".join(parts) if parts else "nothing new"

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "peer": self.peer, "peer_name": self.peer_name, "summary": self.summary(),
                "added": self.added, "updated": self.updated, "deleted": self.deleted,
                "conflicts": self.conflicts, "open_conflicts": len(self.open_conflicts),
                "proposals": self.proposals, "notes": self.notes}


# -- reading OTHER ---------------------------------------------------------------------------
def merge_path(ws: Workspace, path: str | os.PathLike[str], prefer: Optional[str] = None) -> MergeReport:
    """Merge a workspace file, a Briefer JSON export or a change package into `ws`."""
    with few_collections():
        return apply_changes(ws, read_other(ws, path), prefer)


def read_other(ws: Workspace, path: str | os.PathLike[str]) -> ChangeSet:
    path = Path(path)
    if not path.exists():
        raise ExchangeError(f"{path}: no such file")
    if not path.is_file():
        raise ExchangeError(f"{path}: is not a file")
    if ws.backend == "sqlite" and path.resolve() == ws.path.resolve():  # a desk is never a file
        raise ExchangeError(f"{path}: is this workspace itself; there is nothing to merge")
    with open(path, "rb") as handle:
        head = handle.read(16)
    if head.startswith(b"SQLite format 3"):
        with open_other(path) as other:
            _check_not_self(ws, other.workspace_id, path)
            mine, theirs = ws.peer(other.workspace_id), other.peer(ws.workspace_id)
            since = mine["seen"] if mine["at"] else theirs["acked"]
            cs = changes_since(other, since, ws.workspace_id, acks=theirs["seen"])
    elif is_package(path):
        cs = read_package(path)
    else:
        cs = changes_from_json(read_json_export(path), path)
    cs.label = str(path)
    return cs


def _check_not_self(ws: Workspace, other_id: str, path: Any) -> None:
    if other_id and other_id == ws.workspace_id:
        raise ExchangeError(
            f"{path}: is this same workspace (the same workspace id), or a copy of it made outside Briefer; "
            "nothing to merge (make copies to work on with 'briefer-cli copy' or File ▸ Exchange)")


# -- applying --------------------------------------------------------------------------------
def apply_changes(ws: Workspace, cs: ChangeSet, prefer: Optional[str] = None) -> MergeReport:
    if prefer not in (None, "mine", "theirs"):
        raise ExchangeError(f"--prefer '{prefer}' is not one of: mine, theirs")
    _check_not_self(ws, cs.source_id, cs.label)
    if cs.target_id and cs.target_id != ws.workspace_id:
        raise ExchangeError(f"{cs.label}: this change package was made for another workspace "
                            f"({cs.target_id}), not this one ({ws.workspace_id}); nothing was merged")
    peer = ws.peer(cs.source_id) if cs.source_id else None
    if cs.has_revisions and peer is not None and cs.since > peer["seen"]:
        raise ExchangeError(
            f"{cs.label}: this package continues from a later exchange: it holds {cs.source_name}'s changes after "
            f"their revision {cs.since}, but this workspace has theirs only up to {peer['seen']}; merge the "
            "earlier package first, or ask for a package of everything since the last one received "
            "(export --changes-for ... --all)")
    report = MergeReport(cs.label, cs.source_id, cs.source_name, prefer=prefer)
    with few_collections(), ws.large_cache(), ws.transaction():
        _Merger(ws, cs, report, peer).run()
    return report


class _Merger:
    def __init__(self, ws: Workspace, cs: ChangeSet, report: MergeReport, peer: Optional[dict]) -> None:
        self.ws, self.cs, self.report = ws, cs, report
        self.acked = max(peer["acked"], cs.acks) if peer is not None and cs.has_revisions else 0
        self.prefer = report.prefer
        self._stamp_revs: dict[Stamp, int] = {}
        self._merge_rev: Optional[int] = None
        self._known: dict[str, set[str]] = {}
        self._events: dict[str, Any] = {}
        self._event_ids: dict[str, int] = {}
        self._rewrites: list[tuple] = []    # events to write over the version here: (id, new, old, rev)
        self._removals: list[tuple] = []    # events to delete: (uid, change, before)
        self._replaced: dict[str, dict] = {}  # the fields of the events rewritten, as they were
        self._external: dict[str, str] = {}
        self.peer_name = cs.source_name or cs.source_id or "the other workspace"

    # -- revisions for provenance ---------------------------------------------------------
    def rev_of(self, stamp: Optional[Stamp]) -> int:
        if stamp is None:
            return self.merge_rev()
        if stamp not in self._stamp_revs:
            self._stamp_revs[stamp] = self.ws.new_revision(stamp.at, stamp.analyst, stamp.workspace)
        return self._stamp_revs[stamp]

    def merge_rev(self) -> int:
        if self._merge_rev is None:
            self._merge_rev = self.ws.new_revision(now_utc().isoformat(timespec="seconds"), self.ws.who(),
                                                   self.ws.workspace_id, f"merge of {self.peer_name}")
        return self._merge_rev

    # -- the run ------------------------------------------------------------------------------
    def run(self) -> None:
        ws, report = self.ws, self.report
        if self.cs.source_id:
            report.peer_existed = bool(ws.peer(self.cs.source_id)["at"])
            report.peer_before = ws.peer(self.cs.source_id)
        self.parents: list[tuple[str, Optional[str]]] = []
        # deletions first (events before the actors they name), so that a name an actor
        # gave up by a merge over there is free when the actor that took it arrives
        for deletions in (True, False):
            for kind in (reversed(KINDS) if deletions else KINDS):
                changes = {u: c for u, c in (self.cs.records.get(kind) or {}).items()
                           if (c.fields is None) == deletions}
                if changes:
                    self.merge_kind(kind, changes)
        for actor_uid, parent in self.parents:  # members after the actors they belong to exist
            if parent and ws.revisions_of("actor", [parent]):
                actor = ws.get_actor(actor_uid)
                if actor.member_of != parent:
                    revs = ws.revisions_of("actor", [actor_uid])[actor_uid]
                    ws.update_actor(replace(actor, member_of=parent))
                    ws.set_revisions("actor", actor_uid, revs[0], revs[1])
        if self.cs.source_id and self.cs.has_revisions:
            ws.set_peer(self.cs.source_id, self.cs.source_name, seen=self.cs.until, acked=self.cs.acks)

    def merge_kind(self, kind: str, changes: dict) -> None:
        ws, acked = self.ws, self.acked
        uids = list(changes)
        if kind == "event":  # the events here, whole: their order of actors and citations is kept
            rows = ws.event_rows_by_uid(uids)  # one look-up of each uid: row id and provenance
            self._event_ids = {uid: row[0] for uid, row in rows.items()}
            revs = {uid: (row[1], row[2]) for uid, row in rows.items()}
            self._events = {e.uid: e for e in ws.events_by_ids(sorted(self._event_ids.values()))}
            mine = {uid: event_fields(e) for uid, e in self._events.items()}
            self._external = ws.events_by_external_id(
                c.fields.get("external_id", "") for u, c in changes.items() if c.fields and u not in mine)
        else:
            mine = ws.current_fields(kind, uids)
            revs = ws.revisions_of(kind, uids)
        tombs = ws.tombstones(kind, uids)
        changed_here = {u for u in uids if (u in revs and (revs[u][1] or 0) > acked)
                        or (u in tombs and (tombs[u][1] or 0) > acked)}
        bases = ws.fields_at(kind, sorted(changed_here), acked, revisions=revs, tombstones=tombs) if acked > 0 else {}
        stamps = ws.stamps(r for pair in (*revs.values(), *tombs.values()) for r in pair)
        new_events = []
        for uid, ch in changes.items():
            m = mine.get(uid)
            if uid in changed_here:
                mb = bases.get(uid, None if acked == 0 else UNKNOWN)
            else:
                mb = m
            tb = UNKNOWN if ch.base == UNKNOWN_BASE else ch.base
            before = (m, revs.get(uid), tombs.get(uid))
            mine_stamp = stamps.get((revs.get(uid) or tombs.get(uid) or (None, None))[1])
            t = ch.fields
            if t is None:
                if m is None:
                    if uid not in tombs:
                        self.report.undo.append((kind, uid, before))
                        ws.record_tombstone(kind, uid, self.rev_of(ch.created) if ch.created else None,
                                            self.rev_of(ch.modified))
                    continue
                if record_changed(m, mb, tb):
                    self.conflict(kind, uid, DELETED_FIELD, m, m, None, mine_stamp, ch.modified)
                    if self.prefer != "theirs":
                        continue
                self.delete(kind, uid, ch, before)
                continue
            if m is None:
                if uid in tombs and ((tombs[uid][1] or 0) > acked or not self.cs.has_revisions):
                    if not record_changed(t, tb, mb):
                        continue  # deleted here, unchanged there: stays deleted
                    self.conflict(kind, uid, DELETED_FIELD, t, None, t, mine_stamp, ch.modified)
                    if self.prefer != "theirs":
                        continue
                self.report.undo.append((kind, uid, before))
                if kind == "event":
                    event = self.event_to_write(uid, t, None, ch)
                    if event is not None:
                        new_events.append((event, ch))
                    continue
                if self.write(kind, uid, t, None, ch, theirs_whole=True):
                    self.report.added[kind] += 1
                continue
            result, conflicts, taken = merge_fields(m, t, mb, tb)
            for name in conflicts:
                self.conflict(kind, uid, name, m, m.get(name), t.get(name), mine_stamp, ch.modified)
                if self.prefer == "theirs":
                    if name in t:
                        result[name] = t[name]
                    else:
                        result.pop(name, None)
            if result == m:
                continue
            self.report.undo.append((kind, uid, before))
            if kind == "event":
                self.rewrite_event(uid, result, m, ch, theirs_whole=result == t)
                continue
            if revs.get(uid) and revs[uid][1] is not None:  # the version replaced: a later merge's base
                ws.remember_version(kind, uid, revs[uid][1], m)
            if self.write(kind, uid, result, m, ch, theirs_whole=result == t):
                self.report.updated[kind] += 1
        if kind == "event":
            self.flush_events(revs)
        if new_events:
            self.add_events(new_events)

    # -- conflicts and proposals ------------------------------------------------------------
    def conflict(self, kind: str, uid: str, name: str, record: Optional[dict], mine: Any, theirs: Any,
                 mine_by: Optional[Stamp], theirs_by: Optional[Stamp]) -> None:
        title = _title(kind, uid, record)
        status = self.prefer or "open"
        conflict_id = self.ws.add_conflict(kind, uid, name, title, mine, theirs, mine_by, theirs_by,
                                           self.cs.source_id, self.peer_name)
        if status != "open":
            self.ws.set_conflict_status(conflict_id, status)
        self.report.conflicts.append({
            "id": conflict_id, "kind": kind, "uid": uid, "title": title, "field": name, "mine": mine,
            "theirs": theirs, "mine_by": mine_by.as_list() if mine_by else None,
            "theirs_by": theirs_by.as_list() if theirs_by else None, "status": status})

    def propose(self, kind: str, mine_uid: str, mine_name: str, theirs_uid: str, theirs_name: str, why: str) -> None:
        conflict_id = self.ws.add_conflict(kind, theirs_uid, SAME_ENTITY, theirs_name, mine_uid, theirs_uid,
                                           None, None, self.cs.source_id, self.peer_name)
        self.ws.set_conflict_status(conflict_id, "proposed")
        self.report.proposals.append({"id": conflict_id, "kind": kind, "mine": mine_uid, "mine_name": mine_name,
                                      "theirs": theirs_uid, "theirs_name": theirs_name, "why": why})

    # -- writing ----------------------------------------------------------------------------
    def provenance(self, kind: str, uid: str, ch: Any, theirs_whole: bool, existed: bool) -> None:
        created = self.rev_of(ch.created) if ch.created and not existed else None
        rev = self.rev_of(ch.modified) if theirs_whole and ch.modified else self.merge_rev()
        self.ws.set_revisions(kind, uid, created, rev)

    def write(self, kind: str, uid: str, fields: dict, mine: Optional[dict], ch: Any, theirs_whole: bool) -> bool:
        ws = self.ws
        self._known.pop(kind, None)
        try:
            if kind == "actor":
                actor = self.free_actor_names(actor_from_fields(uid, fields))
                parent = actor.member_of
                if parent and not ws.revisions_of("actor", [parent]):
                    self.parents.append((uid, parent))
                    actor = replace(actor, member_of=None)
                (ws.update_actor if mine is not None else ws.add_actor)(actor)
            elif kind == "source":
                source = self.free_source_name(source_from_fields(uid, fields), mine is None)
                (ws.update_source if mine is not None else ws.add_source)(source)
            elif kind == "document":
                document = document_from_fields(uid, fields)
                if not ws.revisions_of("source", [document.source_uid]):
                    self.report.notes.append(f"document '{document.title}' was not taken: its source was deleted here")
                    return False
                if mine is None:
                    if document.content_hash and ws.find_document_by_hash(document.content_hash) is not None:
                        self.report.notes.append(f"document '{document.title}': the same text is here already")
                        return False
                    ws.add_document(document)
                else:
                    ws.update_document(document)
            elif kind == "view":
                ws.save_view(uid, filter_from_json(fields["filter"]))
            elif kind == "period":
                (ws.update_period if mine is not None else ws.add_period)(period_from_fields(uid, fields))
        except BrieferError as error:
            raise ExchangeError(f"{self.cs.label}: {kind} '{_title(kind, uid, fields)}': {error}") from None
        self.provenance(kind, uid, ch, theirs_whole, mine is not None)
        return True

    def known(self, kind: str) -> set[str]:
        """The uids of actors, sources or documents here now (cached until one is written)."""
        if kind not in self._known:
            self._known[kind] = self.ws.existing(kind)
        return self._known[kind]

    def event_to_write(self, uid: str, fields: dict, mine: Optional[dict], ch: Any):
        ws = self.ws
        fields = dict(fields)
        actors = [a for a in fields.get("actors", ()) if a.split(" ", 1)[0] in self.known("actor")]
        if len(actors) != len(fields.get("actors", ())):
            self.report.notes.append(f"event '{fields['title']}': an actor deleted here was left out")
            fields["actors"] = actors
        for key in [k for k in fields if k.startswith(CITATION_PREFIX)]:
            c = fields[key]
            if c["source"] not in self.known("source"):
                self.report.notes.append(f"event '{fields['title']}': a citation of a source deleted here was left out")
                del fields[key]
            elif c.get("document") and c["document"] not in self.known("document"):
                fields[key] = dict(c, document=None)
        if mine is None and fields.get("external_id"):
            other = self._external.get(fields["external_id"])
            if other is not None and other != uid:
                self.report.notes.append(f"event '{fields['title']}' was not taken: the dataset record "
                                         f"{fields['external_id']} is here already as another event")
                return None
        order = self._events.get(uid) if mine is not None else None
        modified = _when(ch.modified) if ch.modified and mine is not None else now_utc()
        created = order.created if order is not None else (_when(ch.created) or now_utc())
        return event_from_fields(uid, fields, order, created=created, updated=modified or now_utc())

    def add_events(self, items: list) -> None:
        self.ws.add_events([e for e, _ in items])
        self.ws.set_event_revisions([
            (event.uid, self.rev_of(ch.created) if ch.created else None,
             self.rev_of(ch.modified) if ch.modified else self.merge_rev()) for event, ch in items])
        self.report.added["event"] += len(items)

    # events are written in bulk, once per merge: the changed columns only, links when they changed
    def rewrite_event(self, uid: str, fields: dict, mine: dict, ch: Any, theirs_whole: bool) -> None:
        event = self.event_to_write(uid, fields, mine, ch)
        if event is None:
            return
        rev = self.rev_of(ch.modified) if theirs_whole and ch.modified else self.merge_rev()
        self._rewrites.append((self._event_ids[uid], event, self._events[uid], rev))
        self._replaced[uid] = mine
        self.report.updated["event"] += 1

    def flush_events(self, revs: dict) -> None:
        """Write the buffered event updates and deletions; keep the versions they replace."""
        ws = self.ws
        old = [("event", uid, revs[uid][1], fields) for uid, fields in self._replaced.items()
               if revs.get(uid) and revs[uid][1] is not None]
        old += [("event", uid, before[1][1], before[0]) for uid, _, before in self._removals
                if before[1] and before[1][1] is not None]
        ws.remember_versions(old)
        if self._rewrites:
            ws.rewrite_events(self._rewrites)
        if self._removals:
            ws.remove_events([self._event_ids[uid] for uid, _, _ in self._removals])
            ws.record_tombstones([("event", uid, (before[1] or (None,))[0], self.rev_of(ch.modified))
                                  for uid, ch, before in self._removals])
        self._rewrites, self._removals, self._replaced = [], [], {}

    def delete(self, kind: str, uid: str, ch: Any, before: Any) -> None:
        ws = self.ws
        self._known.pop(kind, None)
        self.report.undo.append((kind, uid, before))
        if kind == "event":
            self._removals.append((uid, ch, before))
            self.report.deleted[kind] += 1
            return
        delete_record(ws, kind, uid)
        ws.record_tombstone(kind, uid, (before[1] or (None,))[0], self.rev_of(ch.modified))
        self.report.deleted[kind] += 1

    def free_actor_names(self, actor: Any) -> Any:
        """Leave out names another actor here holds, and propose the two for merging."""
        kept, clash = [], None
        for name in actor.aliases:
            holder = self.ws.find_actor(name)
            if holder is not None and holder.uid != actor.uid:
                clash = clash or holder
                continue
            kept.append(name)
        holder = self.ws.find_actor(actor.name)
        name = actor.name
        if holder is not None and holder.uid != actor.uid:
            clash = clash or holder
            name = self.unused(f"{actor.name} ({self.peer_name})", lambda n: self.ws.find_actor(n) is not None)
        if clash is not None:
            self.propose("actor", clash.uid, clash.name, actor.uid, actor.name,
                         f"the name '{actor.name}' or one of its aliases is the actor '{clash.name}' here")
        return replace(actor, name=name, aliases=tuple(kept))

    def free_source_name(self, source: Any, new: bool) -> Any:
        ws = self.ws
        clash = ws.find_source(source.name)
        if clash is not None and clash.uid != source.uid and normalize_name(clash.name) == normalize_name(source.name):
            self.propose("source", clash.uid, clash.name, source.uid, source.name,
                         f"a source called '{clash.name}' is here already")
            return replace(source, name=self.unused(f"{source.name} ({self.peer_name})",
                                                    lambda n: ws.find_source(n) is not None))
        if new and source.url:
            same = ws.find_source(source.url)
            if same is not None and same.uid != source.uid:
                self.propose("source", same.uid, same.name, source.uid, source.name,
                             f"the source '{same.name}' here has the same web address {source.url}")
        return source

    @staticmethod
    def unused(name: str, taken: Any) -> str:
        candidate, n = name, 2
        while taken(candidate):
            candidate, n = f"{name} {n}", n + 1
        return candidate


def _when(stamp: Optional[Stamp]):
    from datetime import datetime
    return datetime.fromisoformat(stamp.at) if stamp else None


def _title(kind: str, uid: str, record: Optional[dict]) -> str:
    if kind == "view":
        return uid
    if record:
        return str(record.get("title") or record.get("name") or uid)
    return uid


# -- undo (the window's Undo of a merge) --------------------------------------------------------
def undo_merge(ws: Workspace, report: MergeReport) -> None:
    """Put every record a merge touched back as it was, with its provenance, and forget the
    merge's conflicts and sync point: the workspace is as before the merge."""
    with ws.transaction():
        restore_records(ws, report.undo)
        ws.drop_conflicts([c["id"] for c in report.conflicts] + [p["id"] for p in report.proposals])
        if report.peer_before is not None:
            ws.restore_peer(report.peer_before, report.peer_existed)


def redo_merge(ws: Workspace, cs: ChangeSet, prefer: Optional[str]) -> MergeReport:
    return apply_changes(ws, cs, prefer)
