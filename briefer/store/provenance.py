"""Who made each record, when and where; what was deleted; earlier versions; peers and
conflicts: what a merge reads and writes, behind plain methods (the SQL stays here).

Every write transaction that changes a record stamps it, when it commits, with one
`revision` (UTC time, the analyst, this workspace's id).  A merge writes records with the
revisions they were made in elsewhere (`new_revision` + `set_revisions`), so provenance
travels with the data.
"""

from __future__ import annotations

import getpass
import json
import os
import sqlite3
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Optional

from ..core.fields import actor_fields, document_fields, event_fields, period_fields
from ..core.model import now_utc
from .connection import Connection
from .errors import WorkspaceError
from .provenance_schema import PROVENANCE_TABLES

KIND_TABLES = {kind: table for table, kind in PROVENANCE_TABLES.items() if kind}
_KEY = {"view": "name"}


def default_analyst() -> str:
    """The analyst's name when Preferences do not give one: $BRIEFER_ANALYST, else the OS user."""
    name = os.environ.get("BRIEFER_ANALYST", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


@dataclass(frozen=True)
class Stamp:
    """One revision: when (UTC), by whom, in which workspace (id and, if known, name)."""

    at: str
    analyst: str
    workspace: str

    def as_list(self) -> list[str]:
        return [self.at, self.analyst, self.workspace]

    @classmethod
    def of(cls, data: Any) -> Optional["Stamp"]:
        return cls(*data) if data else None


@dataclass(frozen=True)
class Provenance:
    created: Optional[Stamp]
    modified: Optional[Stamp]

    def as_dict(self, names: Optional[dict[str, str]] = None) -> dict[str, Any]:
        def one(stamp: Optional[Stamp]) -> Optional[dict[str, str]]:
            if stamp is None:
                return None
            return {"at": stamp.at + "Z", "by": stamp.analyst, "workspace": stamp.workspace,
                    "workspace_name": (names or {}).get(stamp.workspace, "")}
        return {"created": one(self.created), "modified": one(self.modified)}


class ProvenanceStore(Connection):
    analyst: str = ""
    _tx_rev: Optional[int] = None

    # -- identity ---------------------------------------------------------------------
    @property
    def workspace_id(self) -> str:
        return self.meta("workspace_id")

    def _provenance_ready(self) -> bool:
        return (getattr(self, "conn", None) is not None and not getattr(self, "_migrating", False)
                and self._has_table("revision"))

    def _has_table(self, name: str) -> bool:
        cache = self.__dict__.setdefault("_tables", {})
        if name not in cache:
            cache[name] = self.conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None
            if not cache[name]:
                del cache[name]
                return False
        return cache[name]

    def who(self) -> str:
        return self.analyst or default_analyst()

    # -- stamping -------------------------------------------------------------------
    def _before_commit(self) -> None:
        """Give every row written without a revision the one of this transaction (made
        here, unless a bulk writer made it already and wrote its rows with it: `_tx_rev`)."""
        rev, self._tx_rev = self._tx_rev, None
        if not self._provenance_ready():
            return
        for table in (*PROVENANCE_TABLES, "tombstone"):
            if self.conn.execute(f"SELECT 1 FROM {table} WHERE rev IS NULL LIMIT 1").fetchone() is None:
                continue
            if rev is None:
                rev = self.new_revision(now_utc().isoformat(timespec="seconds"), self.who(), self.workspace_id)
            if table == "tombstone":
                self.conn.execute("UPDATE tombstone SET rev = ? WHERE rev IS NULL", (rev,))
            else:
                self.conn.execute(f"UPDATE {table} SET rev = ?, created_rev = coalesce(created_rev, ?) "
                                  f"WHERE rev IS NULL", (rev, rev))

    def new_revision(self, at: str, analyst: str, workspace: str, what: str = "") -> int:
        cur = self.conn.execute("INSERT INTO revision(at, analyst, workspace, what) VALUES (?, ?, ?, ?)",
                                (at, analyst, workspace, what))
        self.__dict__.setdefault("_own_revisions", set()).add(int(cur.lastrowid))  # what this session wrote
        return int(cur.lastrowid)

    def max_revision(self) -> int:
        return self.conn.execute("SELECT coalesce(max(rev), 0) FROM revision").fetchone()[0]

    @contextmanager
    def consistent_read(self) -> Iterator[int]:
        """Reads inside see one consistent state of the workspace; yields its sync point
        (every revision up to it is visible).  Inside a change of this session's own: what
        it sees now, up to the sync point as it stands."""
        if self._depth:
            yield self.sync_point()
            return
        with self._read_snapshot() as (synced, _):
            yield synced

    def sync_point(self) -> int:
        """The highest revision N such that every revision up to N is committed and so in
        the next read: what a peer may be told it has ("everything up to N").  A file's
        writes are one at a time, so this is its last revision (a desk's may be lower)."""
        return self.max_revision() if self._provenance_ready() else 0

    def stamps(self, revs: Iterable[int]) -> dict[int, Stamp]:
        wanted = json.dumps(sorted({r for r in revs if r is not None}))
        return {rev: Stamp(at, analyst, ws) for rev, at, analyst, ws in self.conn.execute(
            "SELECT rev, at, analyst, workspace FROM revision WHERE rev IN (SELECT value FROM json_each(?))",
            (wanted,))}

    # -- what a record's provenance is ------------------------------------------------
    def revisions_of(self, kind: str, uids: Iterable[str]) -> dict[str, tuple[Optional[int], Optional[int]]]:
        """{uid: (created_rev, rev)} of records (a deleted one: of its tombstone)."""
        table, key = KIND_TABLES[kind], _KEY.get(kind, "uid")
        wanted = json.dumps(list(uids))
        found = {uid: (c, r) for uid, c, r in self.conn.execute(
            f"SELECT {key}, created_rev, rev FROM {table} WHERE {key} IN (SELECT value FROM json_each(?))",
            (wanted,))}
        return found

    def provenance(self, kind: str, uid: str) -> Provenance:
        revs = self.revisions_of(kind, [uid]).get(uid)
        if revs is None:
            raise WorkspaceError(f"no {kind} with id {uid}")
        stamps = self.stamps(revs)
        return Provenance(stamps.get(revs[0]) if revs[0] else None, stamps.get(revs[1]) if revs[1] else None)

    def citation_provenance(self, event_uid: str) -> dict[str, Provenance]:
        rows = self.conn.execute(
            "SELECT c.uid, c.created_rev, c.rev FROM citation c JOIN event e ON e.id = c.event_id WHERE e.uid = ?",
            (event_uid,)).fetchall()
        stamps = self.stamps(r for row in rows for r in row[1:])
        return {uid: Provenance(stamps.get(c), stamps.get(r)) for uid, c, r in rows}

    def workspace_names(self) -> dict[str, str]:
        """{workspace id: name} of this workspace and every peer it knows."""
        names = dict(self.conn.execute("SELECT workspace, name FROM peer"))
        names[self.workspace_id] = self.name
        return names

    # -- deletions and earlier versions -------------------------------------------------
    def _clear_tombstones(self, kind: str, uids: Iterable[str]) -> None:
        """A record added back (an undo) is no longer deleted."""
        if not self._provenance_ready() or self.conn.execute(
                "SELECT 1 FROM tombstone WHERE kind = ? LIMIT 1", (kind,)).fetchone() is None:
            return
        self.conn.execute("DELETE FROM tombstone WHERE kind = ? AND uid IN (SELECT value FROM json_each(?))",
                          (kind, json.dumps(list(uids))))

    def _keeps_history(self) -> bool:
        return self._provenance_ready()

    def _remember(self, kind: str, uid: str) -> None:
        """Keep the version about to change (once per transaction): the base of later merges,
        and what a record's history (`history.py`) compares the next version with."""
        if not self._keeps_history():
            return
        table, key = KIND_TABLES[kind], _KEY.get(kind, "uid")
        row = self.conn.execute(f"SELECT rev FROM {table} WHERE {key} = ?", (uid,)).fetchone()
        if row is None or row[0] is None or self.conn.execute(
                "SELECT 1 FROM history WHERE kind = ? AND uid = ? AND rev = ?", (kind, uid, row[0])).fetchone():
            return
        fields = self.current_fields(kind, [uid]).get(uid)
        if fields is not None:
            self.conn.execute("INSERT OR IGNORE INTO history(kind, uid, rev, data) VALUES (?, ?, ?, ?)",
                              (kind, uid, row[0], json.dumps(fields, ensure_ascii=False, sort_keys=True)))

    def current_fields(self, kind: str, uids: list[str], ids: Optional[list[int]] = None) -> dict[str, dict[str, Any]]:
        """{uid: fields} of the records that exist now (`ids`: the events' row ids, if known)."""
        if not uids:
            return {}
        if kind == "event" and ids is not None:
            return {e.uid: event_fields(e) for e in self.events_by_ids(sorted(ids))}
        if kind == "event":
            ids = dict(self.conn.execute(
                "SELECT uid, id FROM event WHERE uid IN (SELECT value FROM json_each(?))", (json.dumps(uids),)))
            return {e.uid: event_fields(e) for e in self.events_by_ids([ids[u] for u in uids if u in ids])}
        if kind == "actor":
            return {uid: actor_fields(a) for uid in uids if (a := self._maybe(self.get_actor, uid)) is not None}
        if kind == "source":
            rows = self.conn.execute(self._SOURCE_SELECT + " WHERE uid IN (SELECT value FROM json_each(?))",
                                     (json.dumps(uids),))
            from ..core.fields import source_fields
            return {s.uid: source_fields(s) for s in map(self._source_from_row, rows)}
        if kind == "document":
            return {uid: document_fields(d) for uid in uids if (d := self._maybe(self.get_document, uid)) is not None}
        if kind == "view":
            return {name: {"filter": text} for name, text in self.conn.execute(
                "SELECT name, filter FROM saved_view WHERE name IN (SELECT value FROM json_each(?))",
                (json.dumps(uids),))}
        if kind == "period":
            return {p.uid: period_fields(p) for uid in uids if (p := self._maybe(self.get_period, uid)) is not None}
        raise WorkspaceError(f"no records of kind {kind}")

    @staticmethod
    def _maybe(get: Any, uid: str) -> Any:
        try:
            return get(uid)
        except WorkspaceError:
            return None

    def fields_at(self, kind: str, uids: list[str], rev: int, revisions: Optional[dict] = None,
                  tombstones: Optional[dict] = None) -> dict[str, Optional[dict[str, Any]]]:
        """Each record as it was when this workspace was at revision `rev`: its fields, or
        None when it did not exist then.  A uid left out: that version is not known.
        (`revisions` and `tombstones`: what `revisions_of` and `tombstones` said of these
        uids, when the caller has it already.)"""
        result: dict[str, Optional[dict[str, Any]]] = {}
        current = self.revisions_of(kind, uids) if revisions is None else revisions
        now = [u for u in uids if u in current and current[u][1] is not None and current[u][1] <= rev]
        result.update(self.current_fields(kind, now))
        rest = [u for u in uids if u not in result]
        if not rest:
            return result
        for uid, data in self.conn.execute(
                "SELECT uid, data FROM history h WHERE kind = ? AND uid IN (SELECT value FROM json_each(?)) "
                "AND rev = (SELECT max(rev) FROM history WHERE kind = h.kind AND uid = h.uid AND rev <= ?)",
                (kind, json.dumps(rest), rev)):
            result[uid] = json.loads(data)
        dead = (self.tombstones(kind, rest) if tombstones is None
                else {uid: tombstones[uid] for uid in rest if uid in tombstones})
        gone = {uid: deleted for uid, (_, deleted) in dead.items()}
        made = {uid: created for uid, (created, _) in dead.items()}
        for uid in rest:
            if uid in result:
                continue
            created = current.get(uid, (made.get(uid), None))[0]
            if created is not None and created > rev:
                result[uid] = None  # made after `rev`
            elif uid in gone and gone[uid] is not None and gone[uid] <= rev:
                result[uid] = None  # already deleted at `rev`
            elif uid not in current and uid not in gone:
                result[uid] = None  # never here
        return result

    # -- what changed since -------------------------------------------------------------
    def changed_rows_since(self, rev: int, until: Optional[int] = None
                           ) -> tuple[dict[str, dict[str, tuple]], dict[str, dict[str, tuple]]]:
        """The records written after revision `rev` (and up to `until`, if given),
        ({kind: {uid: (created_rev, rev, row id)}} of those here, {kind: {uid: (created_rev,
        deleted in rev)}} of those deleted)."""
        span = "rev > ?" if until is None else "rev > ? AND rev <= ?"
        bounds = (rev,) if until is None else (rev, until)
        live: dict[str, dict[str, tuple]] = {}
        for kind, table in KIND_TABLES.items():
            key = _KEY.get(kind, "uid")
            live[kind] = {uid: (c, r, i) for uid, c, r, i in self.conn.execute(
                f"SELECT {key}, created_rev, rev, {'id' if kind == 'event' else 'NULL'} FROM {table} WHERE {span}",
                bounds)}
        deleted: dict[str, dict[str, tuple]] = {}
        for kind, uid, c, r in self.conn.execute(f"SELECT kind, uid, created_rev, rev FROM tombstone WHERE {span}",
                                                 bounds):
            deleted.setdefault(kind, {})[uid] = (c, r)
        return live, deleted

    def changed_since(self, rev: int) -> dict[str, list[str]]:
        """{kind: uids} of the records written after revision `rev` (deleted ones included)."""
        changed: dict[str, list[str]] = {}
        for kind, table in KIND_TABLES.items():
            key = _KEY.get(kind, "uid")
            changed[kind] = [r[0] for r in self.conn.execute(f"SELECT {key} FROM {table} WHERE rev > ?", (rev,))]
        for kind, uid in self.conn.execute("SELECT kind, uid FROM tombstone WHERE rev > ?", (rev,)):
            changed.setdefault(kind, []).append(uid)
        return changed

    def all_uids(self, kind: str) -> list[str]:
        table, key = KIND_TABLES[kind], _KEY.get(kind, "uid")
        return [r[0] for r in self.conn.execute(f"SELECT {key} FROM {table}")]

    def tombstones(self, kind: str, uids: Iterable[str]) -> dict[str, tuple[Optional[int], Optional[int]]]:
        """{uid: (created_rev, deleted_rev)} of deleted records among `uids`."""
        return {uid: (c, r) for uid, c, r in self.conn.execute(
            "SELECT uid, created_rev, rev FROM tombstone WHERE kind = ? AND uid IN (SELECT value FROM json_each(?))",
            (kind, json.dumps(list(uids))))}

    def set_revisions(self, kind: str, uid: str, created_rev: Optional[int], rev: int) -> None:
        """Say when and where a record written by a merge was made (not by this merge)."""
        table, key = KIND_TABLES[kind], _KEY.get(kind, "uid")
        self.conn.execute(f"UPDATE {table} SET created_rev = coalesce(?, created_rev, ?), rev = ? WHERE {key} = ?",
                          (created_rev, rev, rev, uid))
        if kind == "event":
            self.conn.execute("UPDATE citation SET created_rev = coalesce(created_rev, ?), rev = ? "
                              "WHERE event_id = (SELECT id FROM event WHERE uid = ?)", (rev, rev, uid))
        elif kind == "actor":
            self.conn.execute("UPDATE actor_name SET created_rev = coalesce(created_rev, ?), rev = ? "
                              "WHERE actor_id = (SELECT id FROM actor WHERE uid = ?)", (rev, rev, uid))

    def forget_tombstone(self, kind: str, uid: str) -> None:
        self.conn.execute("DELETE FROM tombstone WHERE kind = ? AND uid = ?", (kind, uid))

    def set_event_revisions(self, rows: list[tuple[str, Optional[int], int]]) -> None:
        """`set_revisions` for many events at once: (uid, created_rev, rev)."""
        self.conn.executemany("UPDATE event SET created_rev = coalesce(?, created_rev, ?), rev = ? WHERE uid = ?",
                              [(c, r, r, uid) for uid, c, r in rows])
        self.conn.executemany("UPDATE citation SET created_rev = coalesce(created_rev, ?), rev = ? "
                              "WHERE event_id = (SELECT id FROM event WHERE uid = ?)", [(r, r, uid) for uid, _, r in rows])

    def events_by_external_id(self, external_ids: Iterable[str]) -> dict[str, str]:
        """{external id: event uid} of the events here that carry one of `external_ids`."""
        return dict(self.conn.execute(
            "SELECT external_id, uid FROM event WHERE external_id != '' "
            "AND external_id IN (SELECT value FROM json_each(?))", (json.dumps([x for x in external_ids if x]),)))

    def event_row_ids(self, uids: list[str]) -> list[int]:
        return [r[0] for r in self.conn.execute(
            "SELECT id FROM event WHERE uid IN (SELECT value FROM json_each(?))", (json.dumps(uids),))]

    def existing(self, kind: str) -> set[str]:
        """Every uid of a kind (actors, sources, documents: a few thousand at most)."""
        table, key = KIND_TABLES[kind], _KEY.get(kind, "uid")
        return {r[0] for r in self.conn.execute(f"SELECT {key} FROM {table}")}

    def record_tombstone(self, kind: str, uid: str, created_rev: Optional[int], rev: int) -> None:
        self.conn.execute("INSERT OR REPLACE INTO tombstone(kind, uid, created_rev, rev) VALUES (?, ?, ?, ?)",
                          (kind, uid, created_rev, rev))

    def remember_version(self, kind: str, uid: str, rev: int, fields: dict[str, Any]) -> None:
        self.remember_versions([(kind, uid, rev, fields)])

    def remember_versions(self, versions: Iterable[tuple[str, str, int, dict[str, Any]]]) -> None:
        """Keep earlier versions (kind, uid, the revision they were made in, fields)."""
        self.conn.executemany("INSERT OR IGNORE INTO history(kind, uid, rev, data) VALUES (?, ?, ?, ?)",
                              [(kind, uid, rev, json.dumps(fields, ensure_ascii=False, sort_keys=True))
                               for kind, uid, rev, fields in versions])

    def record_tombstones(self, rows: Iterable[tuple[str, str, Optional[int], int]]) -> None:
        """`record_tombstone` for many: (kind, uid, created_rev, deleted in rev)."""
        self.conn.executemany("INSERT OR REPLACE INTO tombstone(kind, uid, created_rev, rev) VALUES (?, ?, ?, ?)",
                              list(rows))

    @contextmanager
    def large_cache(self, mib: int = 256) -> Iterator[None]:
        """A bigger page cache for one large write (a merge of thousands of records into a
        big workspace touches tens of thousands of index pages: with the default cache they
        are read and spilled more than once); given back afterwards."""
        if not isinstance(self.conn, sqlite3.Connection):
            yield
            return
        before = self.conn.execute("PRAGMA cache_size").fetchone()[0]
        self.conn.execute(f"PRAGMA cache_size = {-1024 * int(mib)}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA cache_size = {int(before)}")
            self.conn.execute("PRAGMA shrink_memory")

    # -- pruning earlier versions ---------------------------------------------------------
    def history_floor(self) -> Optional[int]:
        """The oldest revision of this workspace a merge may still need a version at: the
        lowest sync point a peer has confirmed (what it is known to have of ours).  None: no
        peer, so no earlier version is needed at all."""
        row = self.conn.execute("SELECT min(acked), count(*) FROM peer").fetchone()
        return None if not row[1] else int(row[0] or 0)

    def history_size(self) -> int:
        return self.conn.execute("SELECT count(*) FROM history").fetchone()[0]

    def prune_history(self) -> list[tuple[str, str, int, str]]:
        """Drop the earlier versions no merge can need any more, and return them.  A merge with
        a peer compares with each record as it was at that peer's sync point, never before the
        lowest one (`history_floor`): of the versions up to it, only the newest of a record
        that changed after it is kept.  The record's history (`history.py`) then still says
        who changed it and when before that point, but no longer which fields."""
        if not self._provenance_ready():
            return []
        floor = self.history_floor()
        if floor is None:
            return [tuple(r) for r in self.conn.execute("DELETE FROM history RETURNING kind, uid, rev, data")]
        removed = []
        for kind, table in KIND_TABLES.items():
            key = _KEY.get(kind, "uid")
            removed += self.conn.execute(
                f"DELETE FROM history WHERE kind = ? AND rev <= ? AND ("
                f"EXISTS (SELECT 1 FROM history newer WHERE newer.kind = history.kind AND newer.uid = history.uid "
                f"AND newer.rev > history.rev AND newer.rev <= ?) "
                f"OR EXISTS (SELECT 1 FROM {table} now WHERE now.{key} = history.uid AND now.rev <= ?) "
                f"OR EXISTS (SELECT 1 FROM tombstone gone WHERE gone.kind = history.kind AND gone.uid = history.uid "
                f"AND gone.rev <= ?)) RETURNING kind, uid, rev, data",
                (kind, floor, floor, floor, floor)).fetchall()
        return [tuple(r) for r in removed]

    def forget_peer(self, workspace: str) -> None:
        """Stop exchanging with a workspace (an analyst who left): its sync point no longer
        holds back pruning.  Merging it again later starts over (every difference a conflict)."""
        self.conn.execute("DELETE FROM peer WHERE workspace = ?", (workspace,))

    # -- peers --------------------------------------------------------------------------
    def peers(self) -> list[dict[str, Any]]:
        return [dict(zip(("workspace", "name", "seen", "acked", "sent", "at"), row)) for row in self.conn.execute(
            "SELECT workspace, name, seen, acked, sent, at FROM peer ORDER BY name, workspace")]

    def peer(self, workspace: str) -> dict[str, Any]:
        row = self.conn.execute("SELECT workspace, name, seen, acked, sent, at FROM peer WHERE workspace = ?",
                                (workspace,)).fetchone()
        if row is None:
            return {"workspace": workspace, "name": "", "seen": 0, "acked": 0, "sent": 0, "at": ""}
        return dict(zip(("workspace", "name", "seen", "acked", "sent", "at"), row))

    def set_peer(self, workspace: str, name: str, *, seen: Optional[int] = None, acked: Optional[int] = None,
                 sent: Optional[int] = None) -> None:
        """Move a peer's sync point forward (never back)."""
        old = self.peer(workspace)
        self.conn.execute(
            "INSERT OR REPLACE INTO peer(workspace, name, seen, acked, sent, at) VALUES (?, ?, ?, ?, ?, ?)",
            (workspace, name or old["name"], max(old["seen"], seen or 0), max(old["acked"], acked or 0),
             max(old["sent"], sent or 0), now_utc().isoformat(timespec="seconds")))

    def restore_peer(self, data: dict[str, Any], existed: bool) -> None:
        """Put a peer row back as it was (the undo of a merge)."""
        if not existed:
            self.conn.execute("DELETE FROM peer WHERE workspace = ?", (data["workspace"],))
            return
        self.conn.execute("INSERT OR REPLACE INTO peer(workspace, name, seen, acked, sent, at) VALUES (?,?,?,?,?,?)",
                          tuple(data[k] for k in ("workspace", "name", "seen", "acked", "sent", "at")))

    def find_peer(self, text: str) -> Optional[dict[str, Any]]:
        """A peer by its workspace id, an unambiguous start of it, or its name."""
        rows = self.peers()
        for test in (lambda p: p["workspace"] == text, lambda p: p["name"] == text,
                     lambda p: p["workspace"].startswith(text)):
            found = [p for p in rows if test(p)]
            if len(found) == 1:
                return found[0]
        return None

    def make_peer_copy(self, target: str | os.PathLike[str], event_filter: Any = None) -> str:
        """Write a copy that is a workspace of its own (a new id) and remembers this one as the
        peer it came from, and this one it: the two merge three-way from the first edit.
        A desk's copy, or a part (`event_filter`), is written row by row in one snapshot."""
        new_id = str(uuid.uuid4())
        name = os.path.splitext(os.path.basename(os.fspath(target)))[0]
        if event_filter is not None or self.backend != "sqlite":
            from .copying import write_copy
            synced, last = write_copy(self, target, event_filter, identity=(new_id, name))
            from .desk import access
            if access(self) != "reader":  # a reader's copy remembers the desk; the desk cannot remember it
                with self.transaction():  # (the copy's revisions up to `last` are this workspace's own)
                    self.set_peer(new_id, name, seen=last, acked=synced)
            return new_id
        with self.transaction():
            rev = self.max_revision()
            self.set_peer(new_id, name, seen=rev, acked=rev)
        self.save_copy(target)
        from .workspace import Workspace  # the copy is a whole workspace
        with Workspace.open(target) as copy:
            with copy.transaction():
                copy.conn.execute("DELETE FROM peer WHERE workspace = ?", (new_id,))
                copy.conn.execute("UPDATE meta SET value = ? WHERE key = 'workspace_id'", (new_id,))
                copy.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('name', ?)", (name,))
                copy.set_peer(self.workspace_id, self.name, seen=rev, acked=rev)
        return new_id

    # -- conflicts ------------------------------------------------------------------------
    _CONFLICT_COLUMNS = ("id", "kind", "uid", "field", "title", "mine", "theirs", "mine_by", "theirs_by", "peer",
                         "peer_name", "status")

    def add_conflict(self, kind: str, uid: str, field: str, title: str, mine: Any, theirs: Any,
                     mine_by: Optional[Stamp], theirs_by: Optional[Stamp], peer: str, peer_name: str) -> int:
        self.conn.execute("UPDATE conflict SET status = 'replaced' WHERE status = 'open' AND kind = ? AND uid = ? "
                          "AND field = ?", (kind, uid, field))
        cur = self.conn.execute(
            "INSERT INTO conflict(kind, uid, field, title, mine, theirs, mine_by, theirs_by, peer, peer_name) "
            "VALUES (?,?,?,?,?,?,?,?,?,?)",
            (kind, uid, field, title, json.dumps(mine, ensure_ascii=False), json.dumps(theirs, ensure_ascii=False),
             json.dumps(mine_by.as_list() if mine_by else None), json.dumps(theirs_by.as_list() if theirs_by else None),
             peer, peer_name))
        return int(cur.lastrowid)

    def conflicts(self, status: str = "open") -> list[dict[str, Any]]:
        rows = self.conn.execute(f"SELECT {', '.join(self._CONFLICT_COLUMNS)} FROM conflict WHERE status = ? "
                                 "ORDER BY kind, title, uid, id", (status,)).fetchall()
        result = []
        for row in rows:
            item = dict(zip(self._CONFLICT_COLUMNS, row))
            for key in ("mine", "theirs", "mine_by", "theirs_by"):
                item[key] = json.loads(item[key]) if item[key] else None
            result.append(item)
        return result

    def open_conflict_count(self) -> int:
        if not self._provenance_ready():
            return 0
        return self.conn.execute("SELECT count(*) FROM conflict WHERE status = 'open'").fetchone()[0]

    def set_conflict_status(self, conflict_id: int, status: str) -> None:
        """Mark a conflict or proposal decided ('mine', 'theirs', 'merged', 'apart', 'proposed')."""
        with self.transaction():
            self.conn.execute("UPDATE conflict SET status = ? WHERE id = ?", (status, conflict_id))

    def conflict_statuses(self, ids: Iterable[int]) -> dict[int, str]:
        return dict(self.conn.execute("SELECT id, status FROM conflict WHERE id IN (SELECT value FROM json_each(?))",
                                      (json.dumps(list(ids)),)))

    def drop_conflicts(self, ids: Iterable[int]) -> None:
        self.conn.execute("DELETE FROM conflict WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(list(ids)),))

    def touch(self, kind: str, uid: str) -> None:
        """Mark a record changed now (a conflict decided in favour of this side travels on)."""
        self._remember(kind, uid)
        table, key = KIND_TABLES[kind], _KEY.get(kind, "uid")
        self.conn.execute(f"UPDATE {table} SET rev = NULL WHERE {key} = ?", (uid,))
