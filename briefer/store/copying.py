"""Taking a copy: a `.briefer` file made from a desk (or a file), whole or a filtered part,
that remembers its sync point with the workspace it came from.

The rows are read in one consistent snapshot (a desk's REPEATABLE READ transaction, a
file's read transaction) and written into a new workspace file with their ids, their
provenance (`created_rev`, `rev`, the `revision` rows, history and tombstones) and the
workspace's peers, so that the copy's own later changes are the revisions after the
snapshot's last one: merging the copy back (`exchange.merge`) is three-way from there.

A part (`event_filter`) holds the matching events with their links and citations, every
actor and source, and the documents those events cite.  The copy is built in a private
folder beside the target and renamed into place whole: an error leaves nothing behind.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any, Optional

from ..core.files import replacing
from ..core.filter import EventFilter
from .events import DAY

_IN_EVENTS = "IN (SELECT value FROM json_each(?))"
# (table, which rows a part takes: None = all)
_TABLES: list[tuple[str, Optional[str]]] = [
    ("meta", None), ("setting", None), ("revision", None), ("actor", None), ("actor_name", None), ("source", None),
    ("document", f"id IN (SELECT document_id FROM citation WHERE event_id {_IN_EVENTS})"),
    ("event", f"id {_IN_EVENTS}"), ("event_tag", f"event_id {_IN_EVENTS}"),
    ("event_actor", f"event_id {_IN_EVENTS}"), ("citation", f"event_id {_IN_EVENTS}"),
    ("saved_view", None), ("tombstone", None),
    ("history", f"(kind != 'event' OR uid IN (SELECT uid FROM event WHERE id {_IN_EVENTS}))"),
    ("peer", None), ("conflict", None), ("period", None), ("import_actor_map", None),
]
_CHUNK = 5000


def write_copy(ws: Any, target: str | os.PathLike[str], event_filter: Optional[EventFilter] = None,
               identity: Optional[tuple[str, str]] = None) -> tuple[int, int]:
    """Write `ws` (or the part `event_filter` selects) to the new file `target`; with
    `identity` (new workspace id, name) the copy is a workspace of its own that has `ws`
    as its peer up to the snapshot.  Returns the snapshot's (sync point, last revision):
    every revision of `ws` up to the sync point is in the copy, and the copy's own
    revisions begin after the last (on a desk the two differ when a transaction with a
    lower revision was still open: its changes come with the next exchange)."""
    from .workspace import Workspace

    target = Path(target)
    folder = Path(tempfile.mkdtemp(prefix=".briefer-copy-", dir=target.parent if target.parent.is_dir() else None))
    try:
        built = folder / "copy.briefer"
        copy = Workspace.create(built)
        try:
            with ws._read_snapshot() as (synced, last):
                ids = None if event_filter is None else json.dumps(list(ws.matching_ids(event_filter)))
                with copy.transaction():
                    copy.conn.execute("PRAGMA defer_foreign_keys = ON")
                    copy.conn.execute("DELETE FROM meta")
                    for table, part in _TABLES:
                        _copy_table(ws, copy, table, part if ids is not None else None, ids)
                    if identity is not None:
                        _adopt(copy, ws, identity, synced, last)
            copy.settle_text_index(copy.event_count())
        finally:
            copy.close()
        with replacing(target) as tmp:
            os.replace(built, tmp)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return synced, last


def _copy_table(ws: Any, copy: Any, table: str, part: Optional[str], ids: Optional[str]) -> None:
    mine = ws._columns(table)
    if not mine:
        return  # a table this workspace does not have (an older desk)
    theirs = set(copy._columns(table))
    columns = [c for c in mine if c in theirs]
    sql = f"SELECT {', '.join(columns)} FROM {table}" + (f" WHERE {part}" if part else "")
    params = (ids,) * part.count("?") if part else ()
    insert = f"INSERT INTO {table}({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    span = (columns.index("id"), columns.index("earliest"), columns.index("latest")) if table == "event" else None
    for rows in ws._stream(sql, params, _CHUNK):
        copy.conn.executemany(insert, rows)
        if span is not None:  # the file's day index, which a desk does not keep
            i, lo, hi = span
            copy.conn.executemany("INSERT INTO event_span(id, lo, hi) VALUES (?, ?, ?)",
                                  [(r[i], r[lo] // DAY, r[hi] // DAY) for r in rows])


def _adopt(copy: Any, ws: Any, identity: tuple[str, str], synced: int, last: int) -> None:
    """The copy becomes a workspace of its own whose peer `ws` is: it has the peer's
    revisions up to `synced`, and the peer has its own up to `last` (they are the peer's)."""
    new_id, name = identity
    copy.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('workspace_id', ?)", (new_id,))
    copy.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('name', ?)", (name,))
    copy.set_peer(ws.workspace_id, ws.name, seen=synced, acked=last)


__all__ = ["write_copy"]
