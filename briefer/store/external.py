"""Questions a dataset import asks: which external ids are already here, and a faster
way to index a large batch of new events for full-text search.

Kept apart from `events.py` because only importers need them.  Everything here runs
inside the caller's transaction, so a cancelled import leaves no trace.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator, Sequence

from ..core.model import Citation, Participant
from .errors import WorkspaceError
from .workspace import Workspace

__all__ = ["existing_external_ids", "max_event_id", "add_links", "text_index_deferred", "indexes_deferred",
           "write_through"]

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


def add_links(ws: Workspace, event_id: int, participants: Sequence[Participant],
              citations: Sequence[Citation]) -> None:
    """Add actors and citations to a stored event (a later row of the same dataset
    event naming another actor), keeping what it has: order continues after it."""
    with ws.transaction():
        conn = ws.conn
        position = conn.execute("SELECT coalesce(max(position) + 1, 0) FROM event_actor WHERE event_id = ?",
                                (event_id,)).fetchone()[0]
        for p in participants:
            actor = conn.execute("SELECT id FROM actor WHERE uid = ?", (p.actor_uid,)).fetchone()
            if actor is None:
                raise WorkspaceError(f"no actor with id {p.actor_uid}")
            if conn.execute("SELECT 1 FROM event_actor WHERE event_id = ? AND actor_id = ?",
                            (event_id, actor[0])).fetchone():
                continue
            conn.execute("INSERT INTO event_actor(event_id, actor_id, role, position) VALUES (?, ?, ?, ?)",
                         (event_id, actor[0], p.role.value, position))
            position += 1
        position = conn.execute("SELECT coalesce(max(position) + 1, 0) FROM citation WHERE event_id = ?",
                                (event_id,)).fetchone()[0]
        for c in citations:
            source = conn.execute("SELECT id FROM source WHERE uid = ?", (c.source_uid,)).fetchone()
            if source is None:
                raise WorkspaceError(f"no source with id {c.source_uid}")
            if conn.execute("SELECT 1 FROM citation WHERE event_id = ? AND source_id = ?",
                            (event_id, source[0])).fetchone():
                continue
            conn.execute("INSERT INTO citation(uid, event_id, source_id, document_id, credibility, quote, position) "
                         "VALUES (?, ?, ?, NULL, ?, ?, ?)",
                         (c.uid, event_id, source[0], c.credibility, c.quote, position))
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
        ws.conn.execute(trigger_sql)


# Indexes an import never reads.  The date-ordered ones are written all over by a big
# import (a dataset is not in date order): at 1M events nearly every insert into them
# misses the page cache.  The rest cost less to build once than to keep up.  Kept: the
# unique ones, the external-id index (each batch looks its ids up) and citations by
# event (a later row of the same dataset event adds to its citations).
_DEFERRABLE_INDEXES = ("event_order", "event_running", "event_type_index", "event_actor_when",
                       "event_actor_actor", "citation_source", "citation_document", "event_tag_tag")


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
        ws.conn.execute(sql)


def write_through(ws: Workspace) -> None:
    """Copy committed pages from the WAL into the file itself.

    A second connection (the import dialog's worker) checks the file's header before it
    opens it; a workspace created moments ago still has its header in the WAL.
    """
    if ws.backend == "sqlite":
        ws.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
