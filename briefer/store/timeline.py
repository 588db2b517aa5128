"""Columns the timeline draws from, read in bulk.

A timeline of a million events cannot afford one Python object per event, so these
functions return flat integer columns (as `array('q')`, which numpy takes without a
copy) straight from the index that keeps events in date order: bounds and row id are
all that index holds, so it is read without touching the table.  What only a drawn
glyph needs (title, precision, flags) is read for the few events drawn, a page at a time.
"""

from __future__ import annotations

from array import array
from typing import Sequence

import numpy as np

from ..core.status import status_label
from .workspace import Workspace

EVENT_COLUMNS = ("earliest", "latest", "id")


def event_columns(ws: Workspace) -> dict[str, np.ndarray]:
    """earliest, latest (seconds since 1970) and row id of every event, in date order
    (read from the covering index `event_order` alone).

    Each column comes as one comma-joined text that numpy parses at once: a row per event
    made Python build a million tuples (0.7 s at 1M events, against 0.3 s so)."""
    if ws.backend == "postgresql":
        order = "ORDER BY earliest, latest, id"
        sql = ", ".join(f"string_agg({c}::text, ',' {order})" for c in EVENT_COLUMNS) + " FROM event"
    else:  # SQLite joins them in the order the subquery gives (checked below)
        sql = (", ".join(f"CAST(group_concat({c}) AS BLOB)" for c in EVENT_COLUMNS)  # (bytes: no decoding)
               + " FROM (SELECT earliest, latest, id FROM event ORDER BY earliest, latest, id)")
    joined = ws.conn.execute("SELECT " + sql).fetchone()
    # a read of every event fills the page cache with pages no filter needs again soon:
    # let SQLite hand them back (at 1M events, tens of MB) rather than keep them
    ws.release_cache()
    columns = [np.fromstring(text, dtype=np.int64, sep=",") if text else np.zeros(0, dtype=np.int64)
               for text in joined]
    if len({len(c) for c in columns}) != 1:
        raise ValueError("the event columns were read with different lengths")
    earliest, latest, ids = columns
    if len(ids) > 1 and not _in_date_order(earliest, latest, ids):  # (no engine promises an aggregate's order)
        order = np.lexsort((ids, latest, earliest))
        earliest, latest, ids = earliest[order], latest[order], ids[order]
    return dict(zip(EVENT_COLUMNS, (earliest, latest, ids)))


def _in_date_order(earliest: np.ndarray, latest: np.ndarray, ids: np.ndarray) -> bool:
    """Whether (earliest, latest, id) never decreases from one event to the next."""
    a, b = earliest[:-1], earliest[1:]
    tie = a == b
    if not tie.any():
        return bool((a <= b).all())
    later = (latest[:-1] < latest[1:]) | ((latest[:-1] == latest[1:]) & (ids[:-1] < ids[1:]))
    return bool(((a < b) | (tie & later)).all())


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


def lane_pairs(ws: Workspace, mode: str) -> tuple[Sequence[int], Sequence[int], list[str]]:
    """(event ids, lane numbers, lane names) for swimlanes by actor, type, source or country
    (integer columns: numpy arrays or `array('q')`).

    An event appears once per lane it belongs to (three actors: three lanes).  Events in
    none (no actor, no type…) are not listed: the timeline, which holds every event's id,
    puts them in a last lane "(none)" itself (here they cost a read of every event's id)."""
    if mode in GROUPED:
        names = _lane_names(ws, mode)
        number = {row_id: i for i, (row_id, _) in enumerate(names)}
        event_ids, lanes = _grouped_ids(ws, *GROUPED[mode], number)
        return event_ids, lanes, [n for _, n in names]
    if mode not in ("type", "country"):
        raise ValueError(f"unknown lane mode {mode!r}")
    column = "event_type" if mode == "type" else "country"
    # (GROUP BY, not DISTINCT: a desk orders by lower(column), which DISTINCT would need selected)
    values = [r[0] for r in ws.conn.execute(
        f"SELECT {column} FROM event WHERE {column} != '' GROUP BY {column} ORDER BY {column} COLLATE NOCASE")]
    lane_of = {v: i for i, v in enumerate(values)}
    ids, lanes = array("q"), array("q")
    for event_id, value in ws.conn.execute(f"SELECT id, {column} FROM event WHERE {column} != ''"):
        ids.append(event_id)
        lanes.append(lane_of[value])
    return ids, lanes, values


# lanes whose pairs come from a link table: (table, the lane's key, the order of its events)
GROUPED = {"actor": ("event_actor INDEXED BY event_actor_when", "actor_id", "earliest, latest, event_id"),
           "source": ("citation", "source_id", "event_id")}  # (the actors' index has their events in date order)


def _lane_names(ws: Workspace, mode: str, used: bool = False) -> list[tuple]:
    """(row id, name) of every actor or source, in name order: the lanes' numbers; with
    `used`, (row id, name, whether any event has it)."""
    table = {"actor": "actor", "source": "source"}[mode]
    link, key, _ = GROUPED[mode]
    has = f", EXISTS(SELECT 1 FROM {link.split(' ')[0]} WHERE {key} = {table}.id)" if used else ""
    return ws.conn.execute(f"SELECT id, name{has} FROM {table} ORDER BY name COLLATE NOCASE").fetchall()


def first_lane_pairs(ws: Workspace, mode: str, count: int) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Like `lane_pairs(ws, mode)` (actor or source), but only the pairs of the first `count`
    lanes in name order that have any event: what a first frame of lanes shows before the
    rest are read (each lane an index range of its own).  One read names the lanes and says
    which have events (a probe of the link table's index each), one reads their pairs."""
    table, key, order = GROUPED[mode]
    names = _lane_names(ws, mode, used=True)
    chosen: dict[int, int] = {}
    for number, (row_id, _, used) in enumerate(names):
        if len(chosen) >= count:
            break
        if used:
            chosen[row_id] = number
    event_ids, lanes = _grouped_ids(ws, table, key, order, chosen, only=True)
    return event_ids, lanes, [n for _, n, _ in names]


def _grouped_ids(ws: Workspace, table: str, key: str, order: str,
                 number: dict[int, int], only: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """(event ids, lane numbers) of the distinct (event, key) pairs of `table`, lane by lane,
    read as one comma-joined list of event ids per key: the store builds the lists and numpy
    parses each at once, where a row per pair (2.5M at a million events) cost Python seconds.
    With `only`, just the keys `number` names are read."""
    agg = (f"string_agg(event_id::text, ',' ORDER BY {order})" if ws.backend == "postgresql"
           else "CAST(group_concat(event_id) AS BLOB)")  # SQLite joins them in the order the index gives
    where, params = "", []
    if only:
        if not number:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int32)
        where, params = f" WHERE {key} IN ({','.join('?' * len(number))})", list(number)
    by_lane: dict[int, np.ndarray] = {}
    for value, joined in ws.conn.execute(f"SELECT {key}, {agg} FROM {table}{where} GROUP BY {key}", params):
        if value not in number or not joined:
            continue
        found = np.fromstring(joined, dtype=np.int64, sep=",")  # text mode (only binary mode is deprecated)
        if len(found) > 1:  # one pair per role: the same event twice in a row
            found = found[np.concatenate(([True], found[1:] != found[:-1]))]
        by_lane[number[value]] = found
    ws.release_cache()
    if not by_lane:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int32)
    lanes = sorted(by_lane)
    return (np.concatenate([by_lane[n] for n in lanes]),
            np.repeat(np.array(lanes, dtype=np.int32), [len(by_lane[n]) for n in lanes]))


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


def last_event_id(ws: Workspace) -> int:
    """The highest event row id (0: none): events added after this have higher ones."""
    return ws.conn.execute("SELECT coalesce(max(id), 0) FROM event").fetchone()[0]


def event_ids_after(ws: Workspace, row_id: int) -> list[int]:
    """Row ids of the events added since `last_event_id` said `row_id` (an import's events), in date order."""
    return [r[0] for r in ws.conn.execute(
        "SELECT id FROM event WHERE id > ? ORDER BY earliest, latest, id", (row_id,))]


COLOUR_FIELDS = ("type", "grade", "confidence", "tag")  # what glyphs may be coloured by, besides their lane
NO_VALUE = {"type": "(no type)", "grade": "(no source)", "confidence": "(none)", "tag": "(no tag)"}


def colour_values(ws: Workspace, field: str, ids: Sequence[int]) -> dict[int, str]:
    """Each event's value of `field`: its type, its best source's grade (A best), its
    confidence, or its first tag; NO_VALUE[field] when it has none."""
    if field not in COLOUR_FIELDS:
        raise ValueError(f"cannot colour by {field!r}")
    ids = list(ids)
    values = {i: NO_VALUE[field] for i in ids}
    for k in range(0, len(ids), 500):
        chunk = ids[k:k + 500]
        marks = ",".join("?" * len(chunk))
        sql = {
            "type": f"SELECT id, event_type FROM event WHERE id IN ({marks}) AND event_type != ''",
            "confidence": f"SELECT id, confidence FROM event WHERE id IN ({marks})",
            "grade": f"SELECT c.event_id, min(s.reliability) FROM citation c JOIN source s ON s.id = c.source_id "
                     f"WHERE c.event_id IN ({marks}) GROUP BY c.event_id",
            "tag": f"SELECT event_id, min(tag) FROM event_tag WHERE event_id IN ({marks}) GROUP BY event_id",
        }[field]
        values.update(ws.conn.execute(sql, chunk).fetchall())
    return values


def colour_choices(ws: Workspace, field: str) -> list[str]:
    """Every value `field` takes in the workspace (what a legend lists), NO_VALUE last."""
    if field == "type":
        found = [r[0] for r in ws.conn.execute(
            "SELECT event_type FROM event WHERE event_type != '' GROUP BY event_type ORDER BY event_type COLLATE NOCASE")]
    elif field == "confidence":
        found = ["high", "moderate", "low"]
    elif field == "grade":
        found = list("ABCDEF")
    elif field == "tag":
        found = [r[0] for r in ws.conn.execute("SELECT tag FROM event_tag GROUP BY tag ORDER BY tag COLLATE NOCASE")]
    else:
        raise ValueError(f"cannot colour by {field!r}")
    return found + [NO_VALUE[field]]
