"""The one question every view asks: which events match this filter, in date order.

A filter becomes one SQL WHERE clause with bound parameters (lists go in as one JSON
parameter through `json_each`, so a selection of any size needs no formatted SQL).
"""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Optional

from ..core.filter import EventFilter
from ..core.model import Event, Reliability
from ..core.when import MAX_DATETIME, MIN_DATETIME, to_timestamp
from .events import DAY, EventStore
from .errors import WorkspaceError

_ORDER = " ORDER BY e.earliest, e.latest, e.id"
_MIN_TS, _MAX_TS = to_timestamp(MIN_DATETIME), to_timestamp(MAX_DATETIME)
_WORD = re.compile(r"[\w][\w'’\-]*\*?", re.UNICODE)


SORT_ORDERS: dict[str, tuple[str, ...]] = {
    "date": ("e.earliest", "e.latest", "e.id"),
    "title": ("e.title COLLATE NOCASE", "e.earliest", "e.id"),
    "place": ("e.place COLLATE NOCASE", "e.earliest", "e.id"),
    "type": ("e.event_type", "e.earliest", "e.id"),
    "confidence": ("CASE e.confidence WHEN 'low' THEN 0 WHEN 'moderate' THEN 1 ELSE 2 END", "e.earliest", "e.id"),
}


class QueryError(WorkspaceError):
    """A search text that cannot be searched; the message says why."""


def fts_query(text: str) -> Optional[str]:
    """Turn what a user typed into a safe FTS5 query: words (all must match),
    "quoted phrases" when the quotes balance, and `word*` prefixes.  FTS operators
    typed by the user (AND, NOT, -, parentheses, column:) are searched as plain words.
    Returns None when there is nothing to search for."""
    text = text.strip()
    if not text:
        return None
    parts: list[str] = []
    if text.count('"') % 2 == 0:
        chunks = re.split(r'("[^"]*")', text)
    else:
        chunks = [text.replace('"', " ")]
    for chunk in chunks:
        if chunk.startswith('"') and chunk.endswith('"') and len(chunk) >= 2:
            words = [w.rstrip("*") for w in _WORD.findall(chunk[1:-1])]
            if words:
                parts.append('"' + " ".join(w.replace('"', "") for w in words) + '"')
            continue
        for word in _WORD.findall(chunk):
            prefix = word.endswith("*")
            word = word.rstrip("*").strip("-'’")
            if not word:
                continue
            parts.append(f'"{word}"' + ("*" if prefix else ""))
    if not parts:
        raise QueryError(f"'{text}' has no words to search for")
    return " AND ".join(parts)


class QueryStore(EventStore):
    def _where(self, f: EventFilter) -> tuple[str, list]:
        conds: list[str] = []
        params: list = []
        selective = bool(f.actors or f.sources or f.text.strip() or f.uids is not None or f.tags)
        if f.start is not None or f.end is not None:
            lo = f.start.earliest_ts if f.start is not None else _MIN_TS
            hi = f.end.latest_ts if f.end is not None else _MAX_TS
            if lo > hi:
                raise QueryError("the date range ends before it starts")
            if not selective:
                conds.append("e.id IN (SELECT id FROM event_span WHERE lo <= ? AND hi >= ?)")
                params += [hi // DAY, lo // DAY]
            conds.append("e.earliest <= ? AND e.latest >= ?")
            params += [hi, lo]
        if f.uids is not None:
            conds.append("e.uid IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(f.uids)))
        if f.actors:
            actor_ids = "SELECT a.id FROM actor a WHERE a.uid IN (SELECT value FROM json_each(?))"
            if f.actor_mode == "all":
                for uid in f.actors:
                    conds.append(f"e.id IN (SELECT event_id FROM event_actor WHERE actor_id IN ({actor_ids}))")
                    params.append(json.dumps([uid]))
            else:
                conds.append(f"e.id IN (SELECT event_id FROM event_actor WHERE actor_id IN ({actor_ids}))")
                params.append(json.dumps(list(f.actors)))
        if f.sources:
            conds.append(
                "e.id IN (SELECT event_id FROM citation WHERE source_id IN "
                "(SELECT id FROM source WHERE uid IN (SELECT value FROM json_each(?))))"
            )
            params.append(json.dumps(list(f.sources)))
        if f.event_types:
            conds.append("e.event_type IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(f.event_types)))
        if f.tags:
            conds.append("e.id IN (SELECT event_id FROM event_tag WHERE tag IN (SELECT value FROM json_each(?)))")
            params.append(json.dumps(list(f.tags)))
        if f.min_reliability:
            conds.append(
                "e.id IN (SELECT c.event_id FROM citation c JOIN source s ON s.id = c.source_id "
                "WHERE s.reliability <= ?)"
            )
            params.append(Reliability.parse(f.min_reliability))
        query = fts_query(f.text) if f.text else None
        if query is not None:
            conds.append("e.id IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?)")
            params.append(query)
        return (" WHERE " + " AND ".join(conds)) if conds else "", params

    def _run(self, sql: str, params: list) -> sqlite3.Cursor:
        try:
            return self.conn.execute(sql, params)
        except sqlite3.OperationalError as error:
            if "fts5" in str(error) or "MATCH" in str(error):
                raise QueryError(f"cannot search for that text ({error})") from None
            raise

    def search_events(self, f: EventFilter = EventFilter(), limit: Optional[int] = None, offset: int = 0) -> list[Event]:
        """Matching events in date order, a page at a time."""
        where, params = self._where(f)
        sql = "SELECT e.id FROM event e" + where + _ORDER
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = params + [limit, offset]
        ids = [r[0] for r in self._run(sql, params)]
        return self.events_by_ids(ids)

    def count_events(self, f: EventFilter = EventFilter()) -> int:
        where, params = self._where(f)
        return self._run("SELECT count(*) FROM event e" + where, params).fetchone()[0]

    def event_ids(self, f: EventFilter = EventFilter(), order: str = "date", descending: bool = False) -> list[int]:
        """Row ids of the matching events, sorted: what a lazy table model holds.

        `order` is one of `SORT_ORDERS`; date order is by the fuzzy bounds (earliest,
        then latest), never by the text of the date."""
        if order not in SORT_ORDERS:
            raise QueryError(f"cannot sort events by '{order}'")
        where, params = self._where(f)
        direction = " DESC" if descending else ""
        keys = ", ".join(k + direction for k in SORT_ORDERS[order])
        return [r[0] for r in self._run(f"SELECT e.id FROM event e{where} ORDER BY {keys}", params)]

    def event_uids(self, f: EventFilter = EventFilter()) -> list[str]:
        where, params = self._where(f)
        return [r[0] for r in self._run("SELECT e.uid FROM event e" + where + _ORDER, params)]

    def search_documents(self, text: str, limit: int = 50) -> list[str]:
        """uids of documents whose title or text match, best first."""
        query = fts_query(text)
        if query is None:
            return []
        rows = self._run(
            "SELECT d.uid FROM document_fts f JOIN document d ON d.id = f.rowid WHERE document_fts MATCH ? "
            "ORDER BY rank LIMIT ?", [query, limit])
        return [r[0] for r in rows]
