"""The schema migration that gives every record its provenance and a workspace its history
of exchanges (one migration, self-contained: `schema.MIGRATIONS` lists it).

- `revision`: one row per transaction that wrote (when, which analyst, in which
  workspace), and one per change taken in by a merge (when, who and where it was first
  made).  Numbers only grow, so "changed since the last exchange" is an index range.
- every record (event, actor and its names, source, document, citation, saved view) gets
  `created_rev` and `rev` (last change).  A row written without them has `rev` NULL and is
  stamped when its transaction commits (`ProvenanceStore._before_commit`).
- `tombstone`: what was deleted, when, so that deletions travel to other workspaces.
- `history`: earlier versions of records (as field dicts), kept at every change: the
  common ancestor a three-way merge compares both sides with, and a record's history.
- `peer`: per other workspace, how far each side has the other's changes (sync points).
- `conflict`: what a merge could not decide, until a person does.
"""

from __future__ import annotations

import sqlite3
import uuid
from datetime import datetime, timezone

# The tables whose rows carry provenance, with the kind a merge knows them by (None: part
# of another record: an actor's names, an event's citations).
PROVENANCE_TABLES = {"event": "event", "actor": "actor", "actor_name": None, "source": "source",
                     "document": "document", "citation": None, "saved_view": "view", "period": "period"}

_TABLES = """
CREATE TABLE revision (
    rev       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,            -- UTC, ISO 8601 to the second
    analyst   TEXT NOT NULL,
    workspace TEXT NOT NULL,            -- the id of the workspace the change was made in
    what      TEXT NOT NULL DEFAULT ''
);
CREATE TABLE tombstone (
    kind        TEXT NOT NULL,
    uid         TEXT NOT NULL,
    created_rev INTEGER,
    rev         INTEGER,                -- when it was deleted
    PRIMARY KEY (kind, uid)
) WITHOUT ROWID;
CREATE INDEX tombstone_rev ON tombstone(rev);
CREATE TABLE history (
    kind TEXT NOT NULL,
    uid  TEXT NOT NULL,
    rev  INTEGER NOT NULL,              -- the revision this version was made in
    data TEXT NOT NULL,                 -- JSON of core.fields
    PRIMARY KEY (kind, uid, rev)
) WITHOUT ROWID;
CREATE TABLE peer (
    workspace TEXT PRIMARY KEY,
    name      TEXT NOT NULL DEFAULT '',
    seen      INTEGER NOT NULL DEFAULT 0,  -- the peer's revisions up to this one are in here
    acked     INTEGER NOT NULL DEFAULT 0,  -- our revisions up to this one are in the peer
    sent      INTEGER NOT NULL DEFAULT 0,  -- our revisions up to this one went out in a change package
    at        TEXT NOT NULL DEFAULT ''     -- the last exchange, UTC
);
CREATE TABLE conflict (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL,
    uid       TEXT NOT NULL,
    field     TEXT NOT NULL,               -- a field name, '(deleted)' or '(same entity)'
    title     TEXT NOT NULL DEFAULT '',    -- the record as a person names it
    mine      TEXT,                        -- JSON values; NULL: deleted
    theirs    TEXT,
    mine_by   TEXT NOT NULL DEFAULT '',    -- JSON [at, analyst, workspace]
    theirs_by TEXT NOT NULL DEFAULT '',
    peer      TEXT NOT NULL DEFAULT '',
    peer_name TEXT NOT NULL DEFAULT '',
    status    TEXT NOT NULL DEFAULT 'open' -- open, mine, theirs, merged, apart
);
CREATE INDEX conflict_open ON conflict(status, kind, uid);
"""

# Editing a record's content without saying so (rev left as it was) marks it changed; the
# commit stamps it.  Deleting leaves a tombstone.
_EVENT_COLUMNS = ("title, summary, when_edtf, place, latitude, longitude, country, event_type, sub_event_type, "
                  "fatalities, confidence, notes, external_id")
_TRIGGERS = {
    "event": (_EVENT_COLUMNS, "uid"),
    "actor": ("name, kind, description, member_of", "uid"),
    "source": ("name, kind, reliability, url, notes", "uid"),
    "document": ("source_id, title, published, author, url, text", "uid"),
    "saved_view": ("filter", "name"),
    "period": ("name, edtf, colour, notes", "uid"),
}
_FIRST_TABLES = [t for t in PROVENANCE_TABLES if t != "period"]  # periods came in a later migration


def provenance_migration(conn: sqlite3.Connection) -> None:
    from .schema import _split  # the one statement splitter

    for statement in _split(_TABLES):
        conn.execute(statement)
    _add_provenance(conn, _FIRST_TABLES)
    workspace_id = conn.execute("SELECT value FROM meta WHERE key = 'workspace_id'").fetchone()
    if workspace_id is None:
        workspace_id = (str(uuid.uuid4()),)
        conn.execute("INSERT INTO meta(key, value) VALUES ('workspace_id', ?)", workspace_id)
    exists = conn.execute("SELECT 1 FROM actor UNION ALL SELECT 1 FROM event UNION ALL SELECT 1 FROM source "
                          "UNION ALL SELECT 1 FROM saved_view LIMIT 1").fetchone()
    if exists:  # records made before provenance was kept: one revision says so
        now = datetime.now(timezone.utc).replace(tzinfo=None).isoformat(timespec="seconds")
        conn.execute("INSERT INTO revision(rev, at, analyst, workspace, what) VALUES (1, ?, '', ?, ?)",
                     (now, workspace_id[0], "recorded before Briefer kept provenance"))
        for table in _FIRST_TABLES:
            conn.execute(f"UPDATE {table} SET created_rev = 1, rev = 1")


def period_provenance_migration(conn: sqlite3.Connection) -> None:
    """Periods (added by their own migration, after provenance) get provenance too."""
    _add_provenance(conn, ["period"])
    if conn.execute("SELECT 1 FROM period LIMIT 1").fetchone() is not None:
        now = datetime.now(timezone.utc).replace(tzinfo=None).isoformat(timespec="seconds")
        workspace_id = conn.execute("SELECT value FROM meta WHERE key = 'workspace_id'").fetchone()[0]
        rev = conn.execute("INSERT INTO revision(at, analyst, workspace, what) VALUES (?, '', ?, ?)",
                           (now, workspace_id, "recorded before Briefer kept provenance")).lastrowid
        conn.execute("UPDATE period SET created_rev = ?, rev = ?", (rev, rev))


def _add_provenance(conn: sqlite3.Connection, tables: list[str]) -> None:
    for table in tables:
        conn.execute(f"ALTER TABLE {table} ADD COLUMN created_rev INTEGER")
        conn.execute(f"ALTER TABLE {table} ADD COLUMN rev INTEGER")
        conn.execute(f"CREATE INDEX {table}_rev ON {table}(rev)")
    for table in tables:
        if table not in _TRIGGERS:
            continue
        columns, key = _TRIGGERS[table]
        kind = PROVENANCE_TABLES[table]
        conn.execute(
            f"CREATE TRIGGER {table}_changed AFTER UPDATE OF {columns} ON {table} "
            f"WHEN new.rev IS NOT NULL AND new.rev IS old.rev BEGIN "
            f"UPDATE {table} SET rev = NULL WHERE {key} = new.{key}; END")
        conn.execute(
            f"CREATE TRIGGER {table}_deleted AFTER DELETE ON {table} BEGIN "
            f"INSERT OR REPLACE INTO tombstone(kind, uid, created_rev, rev) "
            f"VALUES ('{kind}', old.{key}, old.created_rev, NULL); END")
