"""Columns the timeline draws from, read in bulk.

A timeline of a million events cannot afford one Python object per event, so these
functions return flat integer columns (as `array('q')`, which numpy takes without a
copy) straight from the index that keeps events in date order: bounds and row id are
all that index holds, so it is read without touching the table.  What only a drawn
glyph needs (title, precision, flags) is read for the few events drawn, a page at a time.
"""

from __future__ import annotations

from array import array
from itertools import chain
from typing import Sequence

from ..core.status import status_label
from .workspace import Workspace

EVENT_COLUMNS = ("earliest", "latest", "id")


def _columns(ws: Workspace, sql: str, params: Sequence = (), width: int = 1) -> list[array]:
    flat = array("q", chain.from_iterable(ws.conn.execute(sql, params)))
    # a read of every event fills the page cache with pages no filter needs again soon:
    # let SQLite hand them back (at 1M events, tens of MB) rather than keep them
    ws.conn.execute("PRAGMA shrink_memory")
    return [flat[i::width] for i in range(width)]


def event_columns(ws: Workspace) -> dict[str, array]:
    """earliest, latest (seconds since 1970) and row id of every event, in date order
    (read from the covering index `event_order` alone)."""
    cols = _columns(ws, "SELECT earliest, latest, id FROM event ORDER BY earliest, latest, id", width=3)
    return dict(zip(EVENT_COLUMNS, cols))


def glyph_details(ws: Workspace, ids: Sequence[int]) -> dict[int, tuple[str, int, int]]:
    """title, precision and flags of these events, by row id."""
    details: dict[int, tuple[str, int, int]] = {}
    ids = list(ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        # (an expectation, a condition or a denial is labelled so: core.status)
        for row_id, title, precision, flags, status in ws.conn.execute(
                "SELECT id, title, precision, flags, (SELECT tag FROM event_tag WHERE event_id = event.id AND tag IN "
                f"('status:expected', 'status:conditional', 'status:denied')) FROM event WHERE id IN ({marks})", chunk):
            details[row_id] = (status_label([status] if status else [], title), precision, flags)
    return details


def lane_pairs(ws: Workspace, mode: str) -> tuple[array, array, list[str]]:
    """(event ids, lane numbers, lane names) for swimlanes by actor, type, source or country.

    An event appears once per lane it belongs to (three actors: three lanes); events
    without any (no actor, no type…) go to a last lane named "(none)"."""
    if mode == "actor":
        names = ws.conn.execute("SELECT id, name FROM actor ORDER BY name COLLATE NOCASE").fetchall()
        pairs_sql = "SELECT DISTINCT event_id, actor_id FROM event_actor"
        orphans_sql = "SELECT id FROM event WHERE id NOT IN (SELECT event_id FROM event_actor)"
    elif mode == "source":
        names = ws.conn.execute("SELECT id, name FROM source ORDER BY name COLLATE NOCASE").fetchall()
        pairs_sql = "SELECT DISTINCT event_id, source_id FROM citation"
        orphans_sql = "SELECT id FROM event WHERE id NOT IN (SELECT event_id FROM citation)"
    elif mode in ("type", "country"):
        column = "event_type" if mode == "type" else "country"
        values = [r[0] for r in ws.conn.execute(
            f"SELECT DISTINCT {column} FROM event WHERE {column} != '' ORDER BY {column} COLLATE NOCASE")]
        names = list(enumerate(values))
        lane_of = {v: i for i, v in enumerate(values)}
        ids, lanes = array("q"), array("q")
        orphans = array("q")
        for event_id, value in ws.conn.execute(f"SELECT id, {column} FROM event"):
            if value:
                ids.append(event_id)
                lanes.append(lane_of[value])
            else:
                orphans.append(event_id)
        return _with_orphans(ids, lanes, [n for _, n in names], orphans)
    else:
        raise ValueError(f"unknown lane mode {mode!r}")
    number = {row_id: i for i, (row_id, _) in enumerate(names)}
    event_ids, keys = _columns(ws, pairs_sql, width=2)
    lanes = array("q", map(number.__getitem__, keys))
    (orphans,) = _columns(ws, orphans_sql)
    return _with_orphans(event_ids, lanes, [n for _, n in names], orphans)


def _with_orphans(ids: array, lanes: array, names: list[str], orphans: array) -> tuple[array, array, list[str]]:
    if len(orphans):
        ids.extend(orphans)
        lanes.extend(array("q", [len(names)]) * len(orphans))
        names = names + ["(none)"]
    return ids, lanes, names


def lanes_of(ws: Workspace, mode: str, ids: Sequence[int]) -> dict[int, frozenset[str]]:
    """The names of the lanes each of these events belongs to ("(none)" for none), by row id:
    what the timeline compares after an edit to know whether its lanes still hold."""
    ids = list(ids)
    found: dict[int, set[str]] = {i: set() for i in ids}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        if mode == "actor":
            sql = (f"SELECT ea.event_id, a.name FROM event_actor ea JOIN actor a ON a.id = ea.actor_id "
                   f"WHERE ea.event_id IN ({marks})")
        elif mode == "source":
            sql = (f"SELECT c.event_id, s.name FROM citation c JOIN source s ON s.id = c.source_id "
                   f"WHERE c.event_id IN ({marks})")
        elif mode in ("type", "country"):
            column = "event_type" if mode == "type" else "country"
            sql = f"SELECT id, {column} FROM event WHERE id IN ({marks}) AND {column} != ''"
        else:
            raise ValueError(f"unknown lane mode {mode!r}")
        for event_id, name in ws.conn.execute(sql, chunk):
            found[event_id].add(name)
    return {i: frozenset(names or {"(none)"}) for i, names in found.items()}
