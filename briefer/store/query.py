"""The one question every view asks: which events match this filter, in date order.

A filter becomes one SQL WHERE clause with bound parameters (lists go in as one JSON
parameter through `json_each`, so a selection of any size needs no formatted SQL).
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
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


def _fold(word: str) -> str:
    """A word as the full-text index keeps it (unicode61, diacritics removed, lower case)."""
    text = unicodedata.normalize("NFKD", word)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


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


# A page of a big result is found by walking the date index and testing each row when
# the filter's narrowest condition still matches more than this many events; below it,
# the matching rows are gathered first and sorted.
_SCAN_ABOVE = 20_000


class QueryStore(EventStore):
    def _date_bounds(self, f: EventFilter) -> Optional[tuple[int, int]]:
        if f.start is None and f.end is None:
            return None
        lo = f.start.earliest_ts if f.start is not None else _MIN_TS
        hi = f.end.latest_ts if f.end is not None else _MAX_TS
        if lo > hi:
            raise QueryError("the date range ends before it starts")
        return lo, hi

    def _where(self, f: EventFilter, scan: bool = False, dates: bool = True) -> tuple[str, list]:
        """The filter as SQL.  By default each membership condition is a set the query can
        be driven from (`e.id IN (...)`).  With `scan`, each is a per-row probe
        (`EXISTS`, cheapest first, full text last) for walking the date index and stopping
        at the end of a page.  `dates=False` leaves the date range to the caller."""
        conds: list[str] = []
        params: list = []
        selective = bool(f.actors or f.sources or f.text.strip() or f.uids is not None or f.tags)
        bounds = self._date_bounds(f) if dates else None
        if bounds is not None:
            lo, hi = bounds
            if not selective and not scan:
                conds.append("e.id IN (SELECT id FROM event_span WHERE lo <= ? AND hi >= ?)")
                params += [hi // DAY, lo // DAY]
            conds.append("e.earliest <= ? AND e.latest >= ?")
            params += [hi, lo]
        if f.uids is not None:
            conds.append("e.uid IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(f.uids)))
        if f.event_types:
            conds.append("e.event_type IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(f.event_types)))
        actor_ids = "SELECT a.id FROM actor a WHERE a.uid IN (SELECT value FROM json_each(?))"
        groups = [[u] for u in f.actors] if f.actor_mode == "all" else ([list(f.actors)] if f.actors else [])
        for group in groups:
            if scan:
                conds.append(f"EXISTS (SELECT 1 FROM event_actor ea WHERE ea.event_id = e.id "
                             f"AND ea.actor_id IN ({actor_ids}))")
            else:
                conds.append(f"e.id IN (SELECT event_id FROM event_actor WHERE actor_id IN ({actor_ids}))")
            params.append(json.dumps(group))
        if f.tags:
            conds.append("EXISTS (SELECT 1 FROM event_tag t WHERE t.event_id = e.id AND t.tag IN "
                         "(SELECT value FROM json_each(?)))" if scan else
                         "e.id IN (SELECT event_id FROM event_tag WHERE tag IN (SELECT value FROM json_each(?)))")
            params.append(json.dumps(list(f.tags)))
        if f.sources:
            source_ids = "SELECT id FROM source WHERE uid IN (SELECT value FROM json_each(?))"
            conds.append(f"EXISTS (SELECT 1 FROM citation c WHERE c.event_id = e.id AND c.source_id IN ({source_ids}))"
                         if scan else f"e.id IN (SELECT event_id FROM citation WHERE source_id IN ({source_ids}))")
            params.append(json.dumps(list(f.sources)))
        if f.min_reliability:
            reliable = "SELECT id FROM source WHERE reliability <= ?"
            conds.append(f"EXISTS (SELECT 1 FROM citation c WHERE c.event_id = e.id AND c.source_id IN ({reliable}))"
                         if scan else f"e.id IN (SELECT event_id FROM citation WHERE source_id IN ({reliable}))")
            params.append(Reliability.parse(f.min_reliability))
        query = fts_query(f.text) if f.text else None
        if query is not None:
            conds.append("EXISTS (SELECT 1 FROM event_fts WHERE event_fts MATCH ? AND rowid = e.id)" if scan else
                         "e.id IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?)")
            params.append(query)
        return (" WHERE " + " AND ".join(conds)) if conds else "", params

    def _run(self, sql: str, params: list) -> sqlite3.Cursor:
        try:
            return self.conn.execute(sql, params)
        except sqlite3.OperationalError as error:
            if "fts5" in str(error) or "MATCH" in str(error):
                raise QueryError(f"cannot search for that text ({error})") from None
            raise

    def _narrowest(self, f: EventFilter) -> Optional[int]:
        """How many events the most selective membership condition allows (an upper
        bound, cheap to count from the indexes), or None when there is no such condition."""
        counts: list[int] = []
        if f.uids is not None:
            counts.append(len(f.uids))
        if f.actors:
            sizes = [self._run(
                "SELECT count(*) FROM event_actor WHERE actor_id IN "
                "(SELECT id FROM actor WHERE uid IN (SELECT value FROM json_each(?)))", [json.dumps(group)]
            ).fetchone()[0] for group in ([[u] for u in f.actors] if f.actor_mode == "all" else [list(f.actors)])]
            counts.append(min(sizes))
        if f.sources:
            counts.append(self._run(
                "SELECT count(*) FROM citation WHERE source_id IN "
                "(SELECT id FROM source WHERE uid IN (SELECT value FROM json_each(?)))", [json.dumps(list(f.sources))]
            ).fetchone()[0])
        if f.tags:
            counts.append(self._run("SELECT count(*) FROM event_tag WHERE tag IN (SELECT value FROM json_each(?))",
                                    [json.dumps(list(f.tags))]).fetchone()[0])
        query = fts_query(f.text) if f.text else None
        if query is not None:
            counts.append(self._text_matches_at_most(query))
        return min(counts) if counts else None

    def _text_matches_at_most(self, query: str) -> int:
        """An upper bound on the events a safe FTS query (from `fts_query`) matches, read
        from the index's vocabulary: the rarest word's count (a prefix: its words' sum)."""
        bounds = []
        for phrase, star in re.findall(r'"([^"]*)"(\*?)', query):
            for word in phrase.split():
                term = _fold(word)
                if star and word == phrase.split()[-1]:
                    row = self.conn.execute("SELECT coalesce(sum(doc), 0) FROM event_fts_vocab "
                                            "WHERE term >= ? AND term < ?", (term, term + "\uffff")).fetchone()
                else:
                    row = self.conn.execute("SELECT coalesce(max(doc), 0) FROM event_fts_vocab WHERE term = ?",
                                            (term,)).fetchone()
                bounds.append(row[0])
        return min(bounds) if bounds else 0

    def _page_ids(self, f: EventFilter, limit: int, offset: int) -> list[int]:
        """One page of matching ids in date order, without sorting every match.

        When the narrowest condition is broad, walk the date index and test rows as they
        come, stopping at the page's end.  A date range is walked from its start; the few
        events that began before it and are still running (long intervals, open ends)
        come first, found through the span index."""
        narrowest = self._narrowest(f)
        if narrowest is not None and narrowest <= _SCAN_ABOVE:
            where, params = self._where(f)
            return [r[0] for r in self._run(
                f"SELECT e.id FROM event e{where}{_ORDER} LIMIT ? OFFSET ?", params + [limit, offset])]
        bounds = self._date_bounds(f)
        where, params = self._where(f, scan=True, dates=False)
        joiner = " AND " if where else " WHERE "
        if bounds is None:
            return [r[0] for r in self._run(
                f"SELECT e.id FROM event e{where}{_ORDER} LIMIT ? OFFSET ?", params + [limit, offset])]
        lo, hi = bounds
        running = [r[0] for r in self._run(
            f"SELECT e.id FROM event e{where}{joiner}e.id IN (SELECT id FROM event_span WHERE lo <= ? AND hi >= ?) "
            f"AND e.earliest < ? AND e.latest >= ?{_ORDER}", params + [lo // DAY, lo // DAY, lo, lo])]
        page = running[offset:offset + limit]
        rest_offset = max(0, offset - len(running))
        if len(page) < limit:
            page += [r[0] for r in self._run(
                f"SELECT e.id FROM event e INDEXED BY event_order{where}{joiner}e.earliest >= ? AND e.earliest <= ?"
                f"{_ORDER} LIMIT ? OFFSET ?", params + [lo, hi, limit - len(page), rest_offset])]
        return page

    def search_events(self, f: EventFilter = EventFilter(), limit: Optional[int] = None, offset: int = 0) -> list[Event]:
        """Matching events in date order, a page at a time."""
        if limit is not None:
            return self.events_by_ids(self._page_ids(f, limit, offset))
        where, params = self._where(f)
        ids = [r[0] for r in self._run("SELECT e.id FROM event e" + where + _ORDER, params)]
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
