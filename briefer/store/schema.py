"""The workspace file's schema, as numbered migrations checked by PRAGMA user_version.

Each migration runs in the same transaction as the bump of `user_version`, so a
workspace is always at one version or the next, never in between.  Before an
existing file is migrated, `workspace.py` copies it to a backup.
"""

from __future__ import annotations

import sqlite3
from typing import Callable

APPLICATION_ID = 0x42524946  # "BRIF": tells a Briefer workspace from any other SQLite file

_V1 = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE actor (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    member_of   INTEGER REFERENCES actor(id) ON DELETE SET NULL
);

-- Every name an actor goes by, its own name first (position 0).  `key` is the
-- case- and accent-folded form; it is unique across the workspace so that one
-- alias can only ever point to one actor.
CREATE TABLE actor_name (
    actor_id INTEGER NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name     TEXT NOT NULL,
    key      TEXT NOT NULL UNIQUE,
    PRIMARY KEY (actor_id, position)
) WITHOUT ROWID;

CREATE TABLE source (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    key         TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL,
    reliability TEXT NOT NULL CHECK (reliability IN ('A','B','C','D','E','F')),
    url         TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT ''
);

CREATE TABLE document (
    id           INTEGER PRIMARY KEY,
    uid          TEXT NOT NULL UNIQUE,
    source_id    INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
    title        TEXT NOT NULL,
    published    TEXT,
    author       TEXT NOT NULL DEFAULT '',
    url          TEXT NOT NULL DEFAULT '',
    text         TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL DEFAULT ''
);
CREATE INDEX document_source ON document(source_id);
CREATE UNIQUE INDEX document_hash ON document(content_hash) WHERE content_hash != '';

CREATE TABLE event (
    id             INTEGER PRIMARY KEY,
    uid            TEXT NOT NULL UNIQUE,
    title          TEXT NOT NULL,
    summary        TEXT NOT NULL DEFAULT '',
    when_edtf      TEXT NOT NULL,
    earliest       INTEGER NOT NULL,   -- seconds since 1970 UTC
    latest         INTEGER NOT NULL,
    precision      INTEGER NOT NULL,   -- core.when.Precision value
    flags          INTEGER NOT NULL,   -- 1 uncertain, 2 approximate, 4 open start, 8 open end, 16 interval
    place          TEXT NOT NULL DEFAULT '',
    latitude       REAL,
    longitude      REAL,
    country        TEXT NOT NULL DEFAULT '',
    event_type     TEXT NOT NULL DEFAULT '',
    sub_event_type TEXT NOT NULL DEFAULT '',
    fatalities     INTEGER,
    confidence     TEXT NOT NULL DEFAULT 'moderate',
    notes          TEXT NOT NULL DEFAULT '',
    external_id    TEXT NOT NULL DEFAULT '',
    created        TEXT NOT NULL,
    updated        TEXT NOT NULL
);
CREATE INDEX event_order ON event(earliest, latest, id);
CREATE INDEX event_type_index ON event(event_type);
CREATE UNIQUE INDEX event_external ON event(external_id) WHERE external_id != '';

-- A one-dimensional R*Tree over whole days, so that "overlaps this period" does not
-- scan every event that started before the period ends.
CREATE VIRTUAL TABLE event_span USING rtree_i32(id, lo, hi);

CREATE TABLE event_tag (
    event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    PRIMARY KEY (event_id, tag)
) WITHOUT ROWID;
CREATE INDEX event_tag_tag ON event_tag(tag, event_id);

CREATE TABLE event_actor (
    event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
    role     TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (event_id, actor_id, role)
) WITHOUT ROWID;
CREATE INDEX event_actor_actor ON event_actor(actor_id, event_id);

CREATE TABLE citation (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE,
    event_id    INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    source_id   INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
    document_id INTEGER REFERENCES document(id) ON DELETE SET NULL,
    credibility INTEGER NOT NULL CHECK (credibility BETWEEN 1 AND 6),
    quote       TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX citation_event ON citation(event_id);
CREATE INDEX citation_source ON citation(source_id, event_id);
CREATE INDEX citation_document ON citation(document_id);

CREATE VIRTUAL TABLE event_fts USING fts5(
    title, summary, notes, place, content='event', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER event_fts_insert AFTER INSERT ON event BEGIN
    INSERT INTO event_fts(rowid, title, summary, notes, place)
    VALUES (new.id, new.title, new.summary, new.notes, new.place);
END;
CREATE TRIGGER event_fts_delete AFTER DELETE ON event BEGIN
    INSERT INTO event_fts(event_fts, rowid, title, summary, notes, place)
    VALUES ('delete', old.id, old.title, old.summary, old.notes, old.place);
    DELETE FROM event_span WHERE id = old.id;
END;
CREATE TRIGGER event_fts_update AFTER UPDATE OF title, summary, notes, place ON event BEGIN
    INSERT INTO event_fts(event_fts, rowid, title, summary, notes, place)
    VALUES ('delete', old.id, old.title, old.summary, old.notes, old.place);
    INSERT INTO event_fts(rowid, title, summary, notes, place)
    VALUES (new.id, new.title, new.summary, new.notes, new.place);
END;

CREATE VIRTUAL TABLE document_fts USING fts5(
    title, text, content='document', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER document_fts_insert AFTER INSERT ON document BEGIN
    INSERT INTO document_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER document_fts_delete AFTER DELETE ON document BEGIN
    INSERT INTO document_fts(document_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER document_fts_update AFTER UPDATE OF title, text ON document BEGIN
    INSERT INTO document_fts(document_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO document_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
"""

# Version 2: named views (saved filters) and per-workspace settings such as the brief's
# handling marking and last BLUF, which belong to the workspace, not to the laptop.
_V2 = """
CREATE TABLE saved_view (
    name   TEXT PRIMARY KEY,
    filter TEXT NOT NULL          -- JSON of core.filter.EventFilter
);
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL           -- JSON
);
"""


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def run(conn: sqlite3.Connection) -> None:
        for statement in _split(sql):
            conn.execute(statement)

    return run


def _split(sql: str) -> list[str]:
    """Split a script into statements (executescript would commit our transaction)."""
    statements, current = [], []
    for line in sql.splitlines():
        if line.strip().startswith("--"):
            continue
        current.append(line)
        joined = "\n".join(current)
        if sqlite3.complete_statement(joined):
            statements.append(joined.strip())
            current = []
    return [s for s in statements if s]


# Version 3: the full-text index's vocabulary, so that the query planner can tell how
# many events a search word matches before choosing how to page through them.
_V3 = """
CREATE VIRTUAL TABLE event_fts_vocab USING fts5vocab(event_fts, 'row');
"""

# Version 4: each actor link carries its event's bounds, indexed by actor then date, so
# "this actor's events in this period" is one index range instead of a visit to every
# event of the actor or of the period.  Triggers keep the copies equal to the event's.
_V4 = """
ALTER TABLE event_actor ADD COLUMN earliest INTEGER;
ALTER TABLE event_actor ADD COLUMN latest INTEGER;
UPDATE event_actor SET earliest = (SELECT earliest FROM event WHERE event.id = event_actor.event_id),
                       latest = (SELECT latest FROM event WHERE event.id = event_actor.event_id);
CREATE INDEX event_actor_when ON event_actor(actor_id, earliest, latest, event_id);
CREATE TRIGGER event_actor_dates AFTER INSERT ON event_actor WHEN new.earliest IS NULL OR new.latest IS NULL BEGIN
    UPDATE event_actor SET earliest = (SELECT earliest FROM event WHERE id = new.event_id),
                           latest = (SELECT latest FROM event WHERE id = new.event_id)
    WHERE event_id = new.event_id AND actor_id = new.actor_id AND role = new.role;
END;
CREATE TRIGGER event_dates_to_actors AFTER UPDATE OF earliest, latest ON event BEGIN
    UPDATE event_actor SET earliest = new.earliest, latest = new.latest WHERE event_id = new.id;
END;
"""

# Version 5: events indexed by how long they last (a class of durations, each four times
# the last), then by date.  The events still running when a period starts are the ones of
# each class that began less than that class's longest duration before it, so they are
# listed in date order by merging one short index range per class, with no event row read
# and no sort: the first page of a date range no longer gathers the thousands of long
# events the span index finds there.  `query.py` writes the same expression.
RUNNING_CLASS_DAYS = (2, 8, 32, 128, 512, 2048, 8192, 32768)  # upper bound of each class but the last


def running_class(prefix: str = "") -> str:
    """The SQL expression of an event's duration class (the index's first column)."""
    span = f"{prefix}latest - {prefix}earliest"
    whens = " ".join(f"WHEN {span} < {days * 86400} THEN {k}" for k, days in enumerate(RUNNING_CLASS_DAYS))
    return f"(CASE {whens} ELSE {len(RUNNING_CLASS_DAYS)} END)"


# The same version merges the full-text index once (see `EventStore.settle_text_index`):
# a workspace grown before bulk inserts did so looks each word up in every segment.
_V5 = f"""
CREATE INDEX event_running ON event({running_class()}, earliest, latest, id);
INSERT INTO event_fts(event_fts) VALUES ('optimize');
"""

# Dataset imports remember which actor each incoming name was landed on, per dataset
# ("ACLED", "GDELT", a mapping's source), once the analyst confirmed it.
_ACTOR_MAP = """
CREATE TABLE import_actor_map (
    dataset  TEXT NOT NULL,
    key      TEXT NOT NULL,
    name     TEXT NOT NULL,
    actor_id INTEGER NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
    PRIMARY KEY (dataset, key)
) WITHOUT ROWID;
CREATE INDEX import_actor_map_actor ON import_actor_map(actor_id);
"""

from .provenance_schema import period_provenance_migration, provenance_migration  # noqa: E402 - beside their tables

# Periods (eras): named date ranges the timeline shades and the exports carry
# ("Battle of Baghouz", 2019-02-09/2019-03-23).  Self-contained: it may be ordered
# before or after other branches' migrations.
_PERIODS = """
CREATE TABLE IF NOT EXISTS period (
    id       INTEGER PRIMARY KEY,
    uid      TEXT NOT NULL UNIQUE,
    name     TEXT NOT NULL,
    edtf     TEXT NOT NULL,
    earliest INTEGER NOT NULL,
    latest   INTEGER NOT NULL,
    colour   TEXT NOT NULL DEFAULT '',
    notes    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS period_when ON period(earliest, latest);
"""

MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _script(_V1), _script(_V2), _script(_V3), _script(_V4), _script(_V5), provenance_migration, _script(_PERIODS),
    _script(_ACTOR_MAP), period_provenance_migration]
SCHEMA_VERSION = len(MIGRATIONS)
