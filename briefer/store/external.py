"""Questions a dataset import asks: which external ids are already here, and a faster
way to index a large batch of new events for full-text search.

Kept apart from `events.py` because only importers need them.  Everything here runs
inside the caller's transaction, so a cancelled import leaves no trace.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
import sqlite3
from typing import Callable, Iterable, Iterator, Optional, Sequence

from ..core.model import normalize_name, now_utc
from .errors import WorkspaceError
from .workspace import Workspace

__all__ = ["existing_external_ids", "max_event_id", "reserve_event_ids", "add_links", "text_index_deferred", "indexes_deferred",
           "write_through", "remembered_actors", "remember_actors", "row_id", "foreign_keys_off", "insert_rows",
           "check_new_links", "import_revision"]

_FTS_TRIGGER = "event_fts_insert"


def existing_external_ids(ws: Workspace, external_ids: Iterable[str]) -> dict[str, int]:
    """{external id: event row id} for those of `external_ids` already in the workspace,
    either as an event's external id or as its own uid (a Briefer event exported to a
    dataset format carries its uid as the dataset's id, so importing it back adds nothing)."""
    wanted = [x for x in dict.fromkeys(external_ids) if x]
    found: dict[str, int] = {}
    for i in range(0, len(wanted), 5000):
        chunk = json.dumps(wanted[i:i + 5000])
        found.update(ws.conn.execute(
            "SELECT uid, id FROM event WHERE uid IN (SELECT value FROM json_each(?))", (chunk,)))
        found.update(ws.conn.execute(
            # "!= ''" lets SQLite use the partial index on external ids (else: a full scan per batch)
            "SELECT external_id, id FROM event WHERE external_id != '' "
            "AND external_id IN (SELECT value FROM json_each(?))", (chunk,)))
    return found


def max_event_id(ws: Workspace) -> int:
    return ws.conn.execute("SELECT coalesce(max(id), 0) FROM event").fetchone()[0]


DESK_IMPORT_BLOCK = 1_000_000_000


def reserve_event_ids(ws: Workspace) -> int:
    """The first row id an import may give its new events, counting up from there.  In a
    file that is the next free one (its writer holds the whole file).  On a desk, analysts
    add events meanwhile through the table's sequence: the import takes a block of a
    billion ids from it at once, so that neither ever collides with the other (a desk's ids
    need not be dense; a bigint holds billions of such blocks)."""
    if ws.backend == "sqlite":
        return max_event_id(ws) + 1
    return ws.conn.execute(
        "SELECT setval(pg_get_serial_sequence('event', 'id'), nextval(pg_get_serial_sequence('event', 'id')) + ?) - ?",
        (DESK_IMPORT_BLOCK, DESK_IMPORT_BLOCK - 1)).fetchone()[0]


def add_links(ws: Workspace, event_id: int, actors: Sequence[tuple[int, str]],
              citations: Sequence[tuple[str, int]]) -> None:
    """Add actor links (actor id, role) and citations (uid, source id) to a stored event
    (a later row of the same dataset event naming another actor), keeping what it has:
    order continues after it."""
    with ws.transaction():
        conn = ws.conn
        position = conn.execute("SELECT coalesce(max(position) + 1, 0) FROM event_actor WHERE event_id = ?",
                                (event_id,)).fetchone()[0]
        for actor_id, role in actors:
            if conn.execute("SELECT 1 FROM event_actor WHERE event_id = ? AND actor_id = ?",
                            (event_id, actor_id)).fetchone():
                continue
            conn.execute("INSERT INTO event_actor(event_id, actor_id, role, position) VALUES (?, ?, ?, ?)",
                         (event_id, actor_id, role, position))
            position += 1
        position = conn.execute("SELECT coalesce(max(position) + 1, 0) FROM citation WHERE event_id = ?",
                                (event_id,)).fetchone()[0]
        for uid, source_id in citations:
            if conn.execute("SELECT 1 FROM citation WHERE event_id = ? AND source_id = ?",
                            (event_id, source_id)).fetchone():
                continue
            conn.execute("INSERT INTO citation(uid, event_id, source_id, document_id, credibility, quote, position) "
                         "VALUES (?, ?, ?, NULL, 6, '', ?)", (uid, event_id, source_id, position))
            position += 1


@contextmanager
def text_index_deferred(ws: Workspace) -> Iterator[Callable[[], None]]:
    """Index new events for full-text search in bulk instead of row by row.

    FTS5 flushes its pending terms at every statement savepoint, so the per-row insert
    trigger makes a bulk insert of events about six times slower than one
    ``INSERT INTO event_fts ... SELECT`` over the new rows.  Inside the caller's
    transaction the trigger is dropped; the yielded function indexes every event added
    since its last call (call it before changing those events); on exit the rest is
    indexed and the trigger is restored exactly as the schema wrote it.  A rollback
    restores the trigger too, since SQLite's schema changes are transactional.
    """
    if ws._depth == 0:
        raise WorkspaceError("text_index_deferred needs an open transaction")
    if ws.backend != "sqlite":  # a desk's text index is a column of the event row, kept by the server
        yield lambda: None
        return
    row = ws.conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                          (_FTS_TRIGGER,)).fetchone()
    if row is None:  # already deferred by an outer caller
        yield lambda: None
        return
    trigger_sql = row[0]
    last = first = max_event_id(ws)
    ws.conn.execute(f"DROP TRIGGER {_FTS_TRIGGER}")

    def catch_up() -> None:
        nonlocal last
        top = max_event_id(ws)
        if top > last:
            ws.conn.execute(
                "INSERT INTO event_fts(rowid, title, summary, notes, place) "
                "SELECT id, title, summary, notes, place FROM event WHERE id > ? AND id <= ?", (last, top))
            last = top

    try:
        yield catch_up
        catch_up()
        ws.settle_text_index(last - first)
    finally:
        _restore(ws, trigger_sql)


def _restore(ws: Workspace, sql: str) -> None:
    """Create again what was dropped, unless SQLite has rolled the whole transaction back
    by itself (a full disk): then it is back already, and nothing may be written."""
    if ws.conn.in_transaction:
        ws.conn.execute(sql)


# Indexes an import never reads.  The date-ordered ones are written all over by a big
# import (a dataset is not in date order): at 1M events nearly every insert into them
# misses the page cache.  The rest cost less to build once than to keep up.  Kept: the
# unique ones, the external-id index (each batch looks its ids up) and citations by
# event (a later row of the same dataset event adds to its citations).
_DEFERRABLE_INDEXES = ("event_order", "event_running", "event_type_index", "event_actor_when",
                       "event_actor_actor", "citation_source", "citation_document", "event_tag_tag",
                       "event_rev", "citation_rev")


@contextmanager
def indexes_deferred(ws: Workspace) -> Iterator[Callable[[], None]]:
    """Build the date-ordered indexes once at the end of a big import instead of row by row.

    The yielded function drops them (call it once the import has grown big enough for a
    rebuild over the whole workspace to cost less than keeping them up); on a normal exit
    they are created again exactly as the schema wrote them.  Everything runs inside the
    caller's transaction: on a rollback SQLite restores the dropped indexes itself.
    Queries run meanwhile on this connection stay correct, only slower."""
    if ws._depth == 0:
        raise WorkspaceError("indexes_deferred needs an open transaction")
    dropped: list[str] = []
    if ws.backend != "sqlite":  # other analysts read a desk meanwhile: its indexes stay
        yield lambda: None
        return

    def defer() -> None:
        if dropped:
            return
        for name in _DEFERRABLE_INDEXES:
            row = ws.conn.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?",
                                  (name,)).fetchone()
            if row is not None:
                dropped.append(row[0])
                ws.conn.execute(f"DROP INDEX {name}")

    yield defer
    for sql in dropped:
        _restore(ws, sql)


def write_through(ws: Workspace) -> None:
    """Copy committed pages from the WAL into the file itself.

    A second connection (the import dialog's worker) checks the file's header before it
    opens it; a workspace created moments ago still has its header in the WAL.
    """
    if ws.backend == "sqlite":
        ws.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()


def remembered_actors(ws: Workspace, dataset: str) -> dict[str, str]:
    """{incoming name, folded: actor uid} that earlier imports of this dataset landed names on
    (in a workspace file or on a desk alike)."""
    return dict(ws.conn.execute(
        "SELECT m.key, a.uid FROM import_actor_map m JOIN actor a ON a.id = m.actor_id WHERE m.dataset = ?",
        (dataset,)).fetchall())


def remember_actors(ws: Workspace, dataset: str, chosen: dict[str, str]) -> None:
    """Keep {incoming name: actor uid} for the next import of this dataset (in the caller's transaction)."""
    with ws.transaction():
        ws.conn.executemany(
            "INSERT OR REPLACE INTO import_actor_map(dataset, key, name, actor_id) "
            "SELECT ?, ?, ?, id FROM actor WHERE uid = ?",
            [(dataset, normalize_name(name), name, uid) for name, uid in chosen.items()])


def row_id(ws: Workspace, table: str, uid: str) -> int:
    """The row id of an actor or a source, for the bulk rows an import writes."""
    if table not in ("actor", "source"):
        raise ValueError(table)
    row = ws.conn.execute(f"SELECT id FROM {table} WHERE uid = ?", (uid,)).fetchone()
    if row is None:
        raise WorkspaceError(f"no {table} with id {uid}")
    return row[0]


@contextmanager
def foreign_keys_off(ws: Workspace) -> Iterator[None]:
    """Foreign keys unchecked for a bulk import (SQLite changes this only outside a
    transaction): the importer writes ids it has just looked up or made, and
    `check_new_links` checks them all once before the commit."""
    if ws._depth or ws.backend != "sqlite":  # a desk server keeps its own checks
        yield
        return
    ws.conn.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        ws.conn.execute("PRAGMA foreign_keys = ON")


_EVENT_COLUMNS = ("id, uid, title, summary, when_edtf, earliest, latest, precision, flags, place, latitude, "
                  "longitude, country, event_type, sub_event_type, fatalities, confidence, notes, external_id, "
                  "created, updated")


@contextmanager
def import_revision(ws: Workspace) -> Iterator[Callable[[], Optional[int]]]:
    """The revision an import's rows are written with (provenance): made once inside the
    transaction by the yielded function, and used by the commit's stamping for what else
    the import wrote, so that a million events are not written a second time at commit
    to stamp them.  None in a workspace without provenance."""
    made: list[Optional[int]] = []

    def revision() -> Optional[int]:
        if not made:
            rev = None
            if ws._provenance_ready():
                rev = ws.new_revision(now_utc().isoformat(timespec="seconds"), ws.who(), ws.workspace_id)
            ws._tx_rev = rev
            made.append(rev)
        return made[0]

    try:
        yield revision
    finally:
        ws._tx_rev = None  # a rolled-back import leaves no revision for the next transaction


def insert_rows(ws: Workspace, events: list[tuple], actors: list[tuple], citations: list[tuple],
                tags: list[tuple], spans: list[tuple], rev: Optional[int] = None) -> None:
    """Plain executemany of an import's rows, ids already assigned: events (id, uid, ...),
    actor links (event id, actor id, role, position, earliest, latest), citations (uid,
    event id, source id, position), tags (event id, tag) and date spans (id, lo, hi);
    events and citations stamped with the revision `rev` when there is one.  A desk
    copies them in (COPY), ids from `reserve_event_ids`; it keeps no day index."""
    if ws.backend != "sqlite":
        ws._copy_import_rows(events, actors, citations, tags, rev)
        return
    conn = ws.conn
    stamp = ", created_rev, rev" if rev is not None else ""
    marks = f", {rev}, {rev}" if rev is not None else ""
    try:
        conn.executemany(f"INSERT INTO event({_EVENT_COLUMNS}{stamp}) "
                         f"VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?{marks})", events)
        conn.executemany("INSERT OR IGNORE INTO event_actor(event_id, actor_id, role, position, earliest, latest) "
                         "VALUES (?, ?, ?, ?, ?, ?)", actors)
        conn.executemany(f"INSERT INTO citation(uid, event_id, source_id, credibility, position{stamp}) "
                         f"VALUES (?, ?, ?, 6, ?{marks})", citations)
        if tags:
            conn.executemany("INSERT OR IGNORE INTO event_tag(event_id, tag) VALUES (?, ?)", tags)
        conn.executemany("INSERT INTO event_span(id, lo, hi) VALUES (?, ?, ?)", spans)
    except sqlite3.IntegrityError as error:
        raise WorkspaceError(f"the imported events conflict with records already in the workspace ({error})") from None


def check_new_links(ws: Workspace, first_event_id: int) -> None:
    """Every actor and source the new events (from `first_event_id` on) link to exists."""
    bad = ws.conn.execute(
        "SELECT 1 FROM event_actor WHERE event_id >= ? AND actor_id NOT IN (SELECT id FROM actor) "
        "UNION ALL SELECT 1 FROM citation WHERE event_id >= ? AND source_id NOT IN (SELECT id FROM source) LIMIT 1",
        (first_event_id, first_event_id)).fetchone()
    if bad is not None:
        raise WorkspaceError("the import linked events to actors or sources that do not exist; nothing was imported")
