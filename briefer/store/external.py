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

__all__ = ["existing_external_ids", "max_event_id", "add_links", "text_index_deferred", "write_through"]

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


def write_through(ws: Workspace) -> None:
    """Copy committed pages from the WAL into the file itself.

    A second connection (the import dialog's worker) checks the file's header before it
    opens it; a workspace created moments ago still has its header in the WAL.
    """
    ws.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
