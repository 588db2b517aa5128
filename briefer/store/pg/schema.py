"""The desk's schema on PostgreSQL, as numbered migrations recorded in `schema_migration`.

The tables and columns are the workspace file's (`briefer/store/schema.py` and
`provenance_schema.py`), so the store's shared SQL reads and writes both; what SQLite does
with virtual tables PostgreSQL does with its own means:

- full-text search: a stored `tsvector` column per event and document ('simple' config:
  language-neutral, like FTS5's unicode61; accents removed with `unaccent`), GIN-indexed;
- fuzzy-date overlap: b-tree indexes on the bounds (earliest, latest, id), which also
  give the date order every view pages through;
- actor names and aliases: trigram (pg_trgm) GIN index on the folded name, for
  "names like this" and typo-tolerant lookups;
- provenance: the same `rev IS NULL until the commit stamps it` rule, kept by triggers.

Each migration runs in one transaction with the row that records it, under an advisory
lock, so two clients opening an old desk at once migrate it once.  Append new
migrations; never edit one that has shipped.
"""

from __future__ import annotations

from typing import Callable

import psycopg

MIGRATION_LOCK = 0x42524946  # "BRIF": the advisory lock taken while migrating

_V1 = r"""
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- what the full-text index and the search text are folded with: no accents, lower case,
-- hyphens and apostrophes as word breaks (FTS5's unicode61 splits there too)
CREATE FUNCTION briefer_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, coalesce($1, ''))),
                         '[-''’]', ' ', 'g') $$;

CREATE TABLE meta (
    key   text PRIMARY KEY,
    value text NOT NULL
);
CREATE TABLE setting (
    key   text PRIMARY KEY,
    value text NOT NULL
);

CREATE TABLE revision (
    rev       bigserial PRIMARY KEY,
    at        text NOT NULL,
    analyst   text NOT NULL,
    workspace text NOT NULL,
    what      text NOT NULL DEFAULT ''
);

CREATE TABLE actor (
    id          bigserial PRIMARY KEY,
    uid         text NOT NULL UNIQUE,
    name        text NOT NULL,
    kind        text NOT NULL,
    description text NOT NULL DEFAULT '',
    member_of   bigint REFERENCES actor(id) ON DELETE SET NULL,
    created_rev bigint,
    rev         bigint
);

CREATE TABLE actor_name (
    actor_id    bigint NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
    position    integer NOT NULL,
    name        text NOT NULL,
    key         text NOT NULL UNIQUE,
    created_rev bigint,
    rev         bigint,
    PRIMARY KEY (actor_id, position)
);
CREATE INDEX actor_name_trgm ON actor_name USING gin (key gin_trgm_ops);

CREATE TABLE source (
    id          bigserial PRIMARY KEY,
    uid         text NOT NULL UNIQUE,
    name        text NOT NULL,
    key         text NOT NULL UNIQUE,
    kind        text NOT NULL,
    reliability text NOT NULL CHECK (reliability IN ('A','B','C','D','E','F')),
    url         text NOT NULL DEFAULT '',
    notes       text NOT NULL DEFAULT '',
    created_rev bigint,
    rev         bigint
);
CREATE INDEX source_url ON source(url) WHERE url != '';

CREATE TABLE document (
    id           bigserial PRIMARY KEY,
    uid          text NOT NULL UNIQUE,
    source_id    bigint NOT NULL REFERENCES source(id) ON DELETE CASCADE,
    title        text NOT NULL,
    published    text,
    author       text NOT NULL DEFAULT '',
    url          text NOT NULL DEFAULT '',
    text         text NOT NULL DEFAULT '',
    content_hash text NOT NULL DEFAULT '',
    created_rev  bigint,
    rev          bigint,
    -- a tsvector holds at most 1 MB: the first 200,000 characters of a document are searched
    fts          tsvector GENERATED ALWAYS AS (
                     to_tsvector('simple', briefer_fold(title) || ' ' || briefer_fold(left(text, 200000)))) STORED
);
CREATE INDEX document_source ON document(source_id);
CREATE UNIQUE INDEX document_hash ON document(content_hash) WHERE content_hash != '';
CREATE INDEX document_fts ON document USING gin (fts);

CREATE TABLE event (
    id             bigserial PRIMARY KEY,
    uid            text NOT NULL UNIQUE,
    title          text NOT NULL,
    summary        text NOT NULL DEFAULT '',
    when_edtf      text NOT NULL,
    earliest       bigint NOT NULL,
    latest         bigint NOT NULL,
    precision      integer NOT NULL,
    flags          integer NOT NULL,
    place          text NOT NULL DEFAULT '',
    latitude       double precision,
    longitude      double precision,
    country        text NOT NULL DEFAULT '',
    event_type     text NOT NULL DEFAULT '',
    sub_event_type text NOT NULL DEFAULT '',
    fatalities     integer,
    confidence     text NOT NULL DEFAULT 'moderate',
    notes          text NOT NULL DEFAULT '',
    external_id    text NOT NULL DEFAULT '',
    created        text NOT NULL,
    updated        text NOT NULL,
    created_rev    bigint,
    rev            bigint,
    fts            tsvector GENERATED ALWAYS AS (
                       to_tsvector('simple', briefer_fold(title) || ' ' || briefer_fold(summary) || ' ' ||
                                             briefer_fold(notes) || ' ' || briefer_fold(place))) STORED
);
CREATE INDEX event_order ON event(earliest, latest, id);
CREATE INDEX event_ends ON event(latest, earliest);
CREATE INDEX event_type_index ON event(event_type);
CREATE INDEX event_country ON event(country);
CREATE UNIQUE INDEX event_external ON event(external_id) WHERE external_id != '';
CREATE INDEX event_fts ON event USING gin (fts);

CREATE TABLE event_tag (
    event_id bigint NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    tag      text NOT NULL,
    PRIMARY KEY (event_id, tag)
);
CREATE INDEX event_tag_tag ON event_tag(tag, event_id);

CREATE TABLE event_actor (
    event_id bigint NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    actor_id bigint NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
    role     text NOT NULL,
    position integer NOT NULL DEFAULT 0,
    earliest bigint,
    latest   bigint,
    PRIMARY KEY (event_id, actor_id, role)
);
CREATE INDEX event_actor_actor ON event_actor(actor_id, event_id);
CREATE INDEX event_actor_when ON event_actor(actor_id, earliest, latest, event_id);

CREATE TABLE citation (
    id          bigserial PRIMARY KEY,
    uid         text NOT NULL UNIQUE,
    event_id    bigint NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    source_id   bigint NOT NULL REFERENCES source(id) ON DELETE CASCADE,
    document_id bigint REFERENCES document(id) ON DELETE SET NULL,
    credibility integer NOT NULL CHECK (credibility BETWEEN 1 AND 6),
    quote       text NOT NULL DEFAULT '',
    position    integer NOT NULL DEFAULT 0,
    created_rev bigint,
    rev         bigint
);
CREATE INDEX citation_event ON citation(event_id);
CREATE INDEX citation_source ON citation(source_id, event_id);
CREATE INDEX citation_document ON citation(document_id);

CREATE TABLE saved_view (
    name        text PRIMARY KEY,
    filter      text NOT NULL,
    created_rev bigint,
    rev         bigint
);

CREATE TABLE tombstone (
    kind        text NOT NULL,
    uid         text NOT NULL,
    created_rev bigint,
    rev         bigint,
    PRIMARY KEY (kind, uid)
);
CREATE INDEX tombstone_rev ON tombstone(rev);
CREATE TABLE history (
    kind text NOT NULL,
    uid  text NOT NULL,
    rev  bigint NOT NULL,
    data text NOT NULL,
    PRIMARY KEY (kind, uid, rev)
);
CREATE TABLE peer (
    workspace text PRIMARY KEY,
    name      text NOT NULL DEFAULT '',
    seen      bigint NOT NULL DEFAULT 0,
    acked     bigint NOT NULL DEFAULT 0,
    sent      bigint NOT NULL DEFAULT 0,
    at        text NOT NULL DEFAULT ''
);
CREATE TABLE conflict (
    id        bigserial PRIMARY KEY,
    kind      text NOT NULL,
    uid       text NOT NULL,
    field     text NOT NULL,
    title     text NOT NULL DEFAULT '',
    mine      text,
    theirs    text,
    mine_by   text NOT NULL DEFAULT '',
    theirs_by text NOT NULL DEFAULT '',
    peer      text NOT NULL DEFAULT '',
    peer_name text NOT NULL DEFAULT '',
    status    text NOT NULL DEFAULT 'open'
);
CREATE INDEX conflict_open ON conflict(status, kind, uid);

-- an actor link carries its event's bounds (the actor-in-a-period index)
CREATE FUNCTION briefer_link_dates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT earliest, latest INTO NEW.earliest, NEW.latest FROM event WHERE id = NEW.event_id;
    RETURN NEW;
END $$;
CREATE TRIGGER event_actor_dates BEFORE INSERT ON event_actor
    FOR EACH ROW WHEN (NEW.earliest IS NULL OR NEW.latest IS NULL) EXECUTE FUNCTION briefer_link_dates();
CREATE FUNCTION briefer_dates_to_links() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE event_actor SET earliest = NEW.earliest, latest = NEW.latest WHERE event_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER event_dates_to_actors AFTER UPDATE OF earliest, latest ON event
    FOR EACH ROW EXECUTE FUNCTION briefer_dates_to_links();

-- provenance: a content change without a new revision marks the row for the commit's stamp
CREATE FUNCTION briefer_unstamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.rev := NULL;
    RETURN NEW;
END $$;
-- a deletion leaves a tombstone (TG_ARGV: the kind, the key column)
CREATE FUNCTION briefer_tombstone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO tombstone(kind, uid, created_rev, rev)
    VALUES (TG_ARGV[0], to_jsonb(OLD) ->> TG_ARGV[1], OLD.created_rev, NULL)
    ON CONFLICT (kind, uid) DO UPDATE SET created_rev = EXCLUDED.created_rev, rev = NULL;
    RETURN NULL;
END $$;
"""

_PROVENANCE_TABLES = ("event", "actor", "actor_name", "source", "document", "citation", "saved_view")
_CHANGED = {
    "event": ("title, summary, when_edtf, place, latitude, longitude, country, event_type, sub_event_type, "
              "fatalities, confidence, notes, external_id", "event", "uid"),
    "actor": ("name, kind, description, member_of", "actor", "uid"),
    "source": ("name, kind, reliability, url, notes", "source", "uid"),
    "document": ("source_id, title, published, author, url, text", "document", "uid"),
    "saved_view": ("filter", "view", "name"),
}


def _v1(conn: psycopg.Connection) -> None:
    conn.execute(_V1)
    for table in _PROVENANCE_TABLES:
        conn.execute(f"CREATE INDEX {table}_rev ON {table}(rev)")
        conn.execute(f"CREATE INDEX {table}_unstamped ON {table}((1)) WHERE rev IS NULL")
    for table, (columns, kind, key) in _CHANGED.items():
        conn.execute(f"CREATE TRIGGER {table}_changed BEFORE UPDATE OF {columns} ON {table} FOR EACH ROW "
                     "WHEN (NEW.rev IS NOT NULL AND NEW.rev IS NOT DISTINCT FROM OLD.rev) "
                     "EXECUTE FUNCTION briefer_unstamp()")
        conn.execute(f"CREATE TRIGGER {table}_deleted AFTER DELETE ON {table} FOR EACH ROW "
                     f"EXECUTE FUNCTION briefer_tombstone('{kind}', '{key}')")
    conn.execute("CREATE INDEX tombstone_unstamped ON tombstone((1)) WHERE rev IS NULL")


# Version 2: periods (eras), as the file's migration of the same name.
_V2_PERIODS = """
CREATE TABLE IF NOT EXISTS period (
    id       bigserial PRIMARY KEY,
    uid      text NOT NULL UNIQUE,
    name     text NOT NULL,
    edtf     text NOT NULL,
    earliest bigint NOT NULL,
    latest   bigint NOT NULL,
    colour   text NOT NULL DEFAULT '',
    notes    text NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS period_when ON period(earliest, latest);
"""


def _v2(conn: psycopg.Connection) -> None:
    conn.execute(_V2_PERIODS)


# Version 3: periods get provenance, as the file's migration of the same name.
def _v3(conn: psycopg.Connection) -> None:
    conn.execute("ALTER TABLE period ADD COLUMN created_rev bigint")
    conn.execute("ALTER TABLE period ADD COLUMN rev bigint")
    conn.execute("CREATE INDEX period_rev ON period(rev)")
    conn.execute("CREATE INDEX period_unstamped ON period((1)) WHERE rev IS NULL")
    conn.execute("CREATE TRIGGER period_changed BEFORE UPDATE OF name, edtf, colour, notes ON period FOR EACH ROW "
                 "WHEN (NEW.rev IS NOT NULL AND NEW.rev IS NOT DISTINCT FROM OLD.rev) "
                 "EXECUTE FUNCTION briefer_unstamp()")
    conn.execute("CREATE TRIGGER period_deleted AFTER DELETE ON period FOR EACH ROW "
                 "EXECUTE FUNCTION briefer_tombstone('period', 'uid')")


# Version 4: dataset imports remember which actor each incoming name was landed on, per
# dataset, as the file's migration of the same name (`import_actor_map`).
_V4_ACTOR_MAP = """
CREATE TABLE IF NOT EXISTS import_actor_map (
    dataset  text NOT NULL,
    key      text NOT NULL,
    name     text NOT NULL,
    actor_id bigint NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
    PRIMARY KEY (dataset, key)
);
CREATE INDEX IF NOT EXISTS import_actor_map_actor ON import_actor_map(actor_id);
"""


def _v4(conn: psycopg.Connection) -> None:
    conn.execute(_V4_ACTOR_MAP)
    _grant_to_desk_roles(conn, "import_actor_map")


def _grant_to_desk_roles(conn: psycopg.Connection, table: str) -> None:
    """A table a migration adds gets the privileges the desk's roles have on the others
    (`roles.py` granted those on the tables there were when the desk was set up)."""
    conn.execute(f"""
DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'briefer_reader') THEN
        GRANT SELECT ON {table} TO briefer_reader;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'briefer_editor') THEN
        GRANT INSERT, UPDATE, DELETE ON {table} TO briefer_editor;
    END IF;
END $$""")


# Version 5: revisions are handed out with a claim that a sync point can see.  A desk's
# transactions take their revision numbers when they first need one (an added event is
# copied in with it), so they can commit out of order; a laptop's sync point ("every
# revision up to N is here") must then stay below the lowest revision a still-open
# transaction holds.  `briefer_new_revision` makes a revision and, the first time in a
# transaction, holds a transaction-level advisory lock keyed by its number (the claim,
# gone when the transaction ends, committed or not).  Making the number and claiming it
# happen inside a shared "gate" lock; whoever reads a sync point takes the gate alone for
# a moment (`PgConnection._read_snapshot`), so no number is ever made but not yet claimed
# while the claims are read.
REVISION_GATE = 0x42524700  # (REVISION_GATE, 0): the gate
REVISION_CLAIM = 0x42520000  # (REVISION_CLAIM + rev >> 31, rev & 0x7fffffff): a claim
_V5_NEW_REVISION = f"""
CREATE OR REPLACE FUNCTION briefer_new_revision(p_at text, p_analyst text, p_workspace text, p_what text)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    r bigint;
BEGIN
    PERFORM pg_advisory_lock_shared({REVISION_GATE}, 0);
    BEGIN
        r := nextval(pg_get_serial_sequence('revision', 'rev'));
        IF coalesce(current_setting('briefer.claimed', true), '') = '' THEN
            PERFORM pg_advisory_xact_lock({REVISION_CLAIM} + (r >> 31)::integer, (r & 2147483647)::integer);
            PERFORM set_config('briefer.claimed', r::text, true);
        END IF;
    EXCEPTION WHEN OTHERS OR query_canceled THEN
        PERFORM pg_advisory_unlock_shared({REVISION_GATE}, 0);
        RAISE;
    END;
    PERFORM pg_advisory_unlock_shared({REVISION_GATE}, 0);
    INSERT INTO revision(rev, at, analyst, workspace, what) VALUES (r, p_at, p_analyst, p_workspace, p_what);
    RETURN r;
END $$"""


def _v5(conn: psycopg.Connection) -> None:
    conn.execute(_V5_NEW_REVISION)


MIGRATIONS: list[Callable[[psycopg.Connection], None]] = [_v1, _v2, _v3, _v4, _v5]
SCHEMA_VERSION = len(MIGRATIONS)

VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migration (
    version    integer PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now(),
    applied_by text NOT NULL DEFAULT current_user
)"""
