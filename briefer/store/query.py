"""The one question every view asks: which events match this filter, in date order.

A filter becomes one SQL WHERE clause with bound parameters (lists go in as one JSON
parameter through `json_each`, so a selection of any size needs no formatted SQL).
"""

from __future__ import annotations

import json
from array import array
from itertools import chain
import re
import sqlite3
import unicodedata
from typing import Callable, Optional

from ..core.filter import EventFilter
from ..core.model import Event, Reliability
from ..core.when import MAX_DATETIME, MIN_DATETIME, to_timestamp
from .events import DAY, EventStore
from .schema import RUNNING_CLASS_DAYS, running_class
from .errors import WorkspaceError

_ORDER = " ORDER BY e.earliest, e.latest, e.id"
_RUNNING_CLASS = running_class("e.")
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


def search_terms(text: str) -> Optional[list[tuple[tuple[str, ...], bool]]]:
    """What a user typed, as the terms every match must have: (words, prefix) — a
    "quoted phrase" when the quotes balance (its words in order), else one word, `word*`
    a prefix.  Search operators typed (AND, NOT, -, parentheses, column:) are words like
    any other.  None when the text is blank; QueryError when it has no words."""
    text = text.strip()
    if not text:
        return None
    terms: list[tuple[tuple[str, ...], bool]] = []
    chunks = re.split(r'("[^"]*")', text) if text.count('"') % 2 == 0 else [text.replace('"', " ")]
    for chunk in chunks:
        if chunk.startswith('"') and chunk.endswith('"') and len(chunk) >= 2:
            words = tuple(w.rstrip("*").replace('"', "") for w in _WORD.findall(chunk[1:-1]))
            if words:
                terms.append((words, False))
            continue
        for word in _WORD.findall(chunk):
            prefix = word.endswith("*")
            word = word.rstrip("*").strip("-'’")
            if word:
                terms.append(((word,), prefix))
    if not terms:
        raise QueryError(f"'{text}' has no words to search for")
    return terms


def fts_query(text: str) -> Optional[str]:
    """What a user typed (see `search_terms`) as a safe FTS5 query; None: nothing to search."""
    terms = search_terms(text)
    if terms is None:
        return None
    return " AND ".join('"' + " ".join(words) + '"' + ("*" if prefix else "") for words, prefix in terms)


# A page of a big result is found by walking the date index and testing each row when
# the filter's narrowest condition still matches more than this many events; below it,
# the matching rows are gathered first and sorted.
_SCAN_ABOVE = 20_000
_DRIVE_UP_TO_IN_RANGE = 60_000  # with a date range, walking it costs more (its running events)
# A search word matching more events than this may be gathered into a temporary table
# instead of being looked up in the text index row by row (see `_text_test`).
_TEXT_SET_ABOVE = 2_000
_PROBE_PER_GATHERED = 35  # asking the text index about one event costs as much as gathering this many
_SMALL_ENOUGH = 2_000  # a condition letting this few events through drives without comparing the rest
_TEXT_PROBE = "EXISTS (SELECT 1 FROM event_fts WHERE event_fts MATCH ? AND rowid = {row_id})"
# an actor's links in a period, from the links' own copy of their event's bounds
_ACTOR_IN_PERIOD = ("FROM event_actor INDEXED BY event_actor_when "
                    "WHERE actor_id IN (SELECT value FROM json_each(?)) AND earliest <= ? AND latest >= ?")


class _Condition:
    """A membership condition: SQL to drive a query from it, SQL to probe one row, and
    a cheap upper bound on how many events it lets through (computed when first asked)."""

    def __init__(self, name: str, ids_sql: str, probe_sql: Optional[str], params: list,
                 estimate: "Callable[[], int]", probe_cost: int = 1, exact: bool = True) -> None:
        # ids_sql selects the matching event ids, each once; `exact` says whether it is the
        # whole condition (a date range's span index is exact only for whole days)
        self.name, self.ids_sql, self.probe_sql, self.params = name, ids_sql, probe_sql, params
        self.driving_sql = f"e.id IN ({ids_sql})"
        self.alone: tuple[str, list] = (ids_sql, params)
        self.probe_params = params
        self.probe_cost, self.exact = probe_cost, exact
        self._estimate = estimate
        self._value: Optional[int] = None

    @property
    def estimate(self) -> int:
        if self._value is None:
            self._value = self._estimate()
        return self._value


class QueryStore(EventStore):
    def _date_bounds(self, f: EventFilter) -> Optional[tuple[int, int]]:
        if f.start is None and f.end is None:
            return None
        lo = f.start.earliest_ts if f.start is not None else _MIN_TS
        hi = f.end.latest_ts if f.end is not None else _MAX_TS
        if lo > hi:
            raise QueryError("the date range ends before it starts")
        return lo, hi

    def _conditions(self, f: EventFilter, dates: bool = True) -> tuple[list[str], list, list[_Condition]]:
        """The filter as plain row conditions (and their parameters) plus membership
        conditions, each of which can either drive the query or be probed row by row.

        The last answer is kept while the workspace is unchanged: one page or count asks
        for it more than once, and its estimates are index scans worth not repeating."""
        key = (f, dates, self._data_version())
        memo = getattr(self, "_conditions_memo", None)
        if memo is not None and memo[0] == key:
            return memo[1]
        result = self._conditions_now(f, dates)
        self._conditions_memo = (key, result)
        return result

    def _conditions_now(self, f: EventFilter, dates: bool) -> tuple[list[str], list, list[_Condition]]:
        plain: list[str] = []
        params: list = []
        members: list[_Condition] = []
        bounds = self._date_bounds(f) if dates else None
        if bounds is not None:
            lo, hi = bounds
            plain.append("e.earliest <= ? AND e.latest >= ?")
            params += [hi, lo]
            members.append(_Condition(
                "dates", "SELECT id FROM event_span WHERE lo <= ? AND hi >= ?", None,
                [hi // DAY, lo // DAY],
                lambda: self.conn.execute("SELECT count(*) FROM event_span WHERE lo <= ? AND hi >= ?",
                                          (hi // DAY, lo // DAY)).fetchone()[0],
                exact=lo % DAY == 0 and hi % DAY == DAY - 1))
        if f.uids is not None:
            plain.append("e.uid IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(f.uids)))
        if f.event_types:
            plain.append("e.event_type IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(f.event_types)))
        groups = [[u] for u in f.actors] if f.actor_mode == "all" else ([list(f.actors)] if f.actors else [])
        for k, group in enumerate(groups):
            link = self._link(f"actors{k}", "event_actor", "actor_id", "event_actor_actor", self._ids_of("actor", group))
            if bounds is not None:
                link = self._in_period(link, *bounds)
            members.append(link)
        if f.tags:
            members.append(self._link("tags", "event_tag", "tag", "event_tag_tag", list(f.tags)))
        if f.sources:
            members.append(self._link("sources", "citation", "source_id", "citation_source",
                                      self._ids_of("source", list(f.sources))))
        if f.min_reliability:
            grade = Reliability.parse(f.min_reliability)
            reliable = [r[0] for r in self.conn.execute("SELECT id FROM source WHERE reliability <= ?", (grade,))]
            members.append(self._link("reliability", "citation", "source_id", "citation_source", reliable))
        text = self._text_condition(f.text) if f.text else None
        if text is not None:
            members.append(text)
        return plain, params, members

    def _text_condition(self, text: str) -> Optional[_Condition]:
        """The events having the words of a search text (None: nothing to search for)."""
        query = fts_query(text)
        if query is None:
            return None
        return _Condition("text", "SELECT rowid FROM event_fts WHERE event_fts MATCH ?",
                          _TEXT_PROBE.format(row_id="e.id"), [query],
                          lambda: self._text_matches_at_most(query), probe_cost=5)

    def _text_test(self, text: _Condition, drive: Optional[_Condition], row_id: str,
                   probes: Optional[int] = None) -> tuple[str, list]:
        """SQL testing that the event `row_id` has the words.  A common word's events are
        gathered once (~0.2 µs an event) when that costs less than asking the text index
        about each row the query goes through (~7 µs a row with the index merged, see
        `settle_text_index`); without a driver a page is walked in date order and stops at
        its end, so rows are asked about.  `probes` is how many rows a walk that stops at
        the end of a page is expected to go through (else: every row the driver lets by)."""
        if drive is not None and text.estimate > _TEXT_SET_ABOVE:
            worth_gathering = text.estimate // _PROBE_PER_GATHERED
            if (probes is None or probes > worth_gathering) and drive.estimate > worth_gathering:
                return f"{row_id} IN temp.{self._text_hits(text.params[0])}", []
        return _TEXT_PROBE.format(row_id=row_id), list(text.params)

    def _text_hits(self, query: str) -> str:
        """A temporary table of the events matching a safe FTS query, kept for the next
        filter with the same words (the usual case: the text stays while dates or actors
        change) until anything in the workspace changes."""
        version = self._data_version()
        if getattr(self, "_hits_of", None) == (query, version):
            return "text_hits"
        before = self.conn.total_changes
        self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS text_hits (id INTEGER PRIMARY KEY)")
        self.conn.execute("DELETE FROM temp.text_hits")
        self._run("INSERT INTO temp.text_hits SELECT rowid FROM event_fts WHERE event_fts MATCH ?", [query])
        self._scratch_changes = getattr(self, "_scratch_changes", 0) + self.conn.total_changes - before
        self._hits_of = (query, version)
        return "text_hits"

    def _data_version(self) -> tuple[int, int]:
        """Changes to the workspace so far, by this connection (less its own scratch
        tables) and by others: what a kept answer must be checked against."""
        return (self.conn.total_changes - getattr(self, "_scratch_changes", 0),
                self.conn.execute("PRAGMA data_version").fetchone()[0])

    def _ids_of(self, table: str, uids: list[str]) -> list[int]:
        return [r[0] for r in self.conn.execute(
            f"SELECT id FROM {table} WHERE uid IN (SELECT value FROM json_each(?))", (json.dumps(uids),))]

    def _link(self, name: str, table: str, column: str, index: str, values: list) -> _Condition:
        """Events linked through `table` (actors, tags, citations) to any of `values`."""
        listed = json.dumps(values)
        among = "IN (SELECT value FROM json_each(?))"
        condition = _Condition(
            name, f"SELECT event_id FROM {table} WHERE {column} {among}",
            f"EXISTS (SELECT 1 FROM {table} x WHERE x.event_id = e.id AND x.{column} {among})", [listed],
            lambda: self.conn.execute(f"SELECT count(*) FROM {table} WHERE {column} {among}",
                                      (listed,)).fetchone()[0])
        # listing them alone: one value walks its index in event order (no sort); several
        # must be told to use the index, or the planner scans the whole table for DISTINCT
        if len(values) == 1:
            condition.alone = (f"SELECT DISTINCT event_id FROM {table} INDEXED BY {index} WHERE {column} = ?",
                               list(values))
        else:
            condition.alone = (f"SELECT DISTINCT event_id FROM {table} INDEXED BY {index} WHERE {column} {among}",
                               [listed])
        return condition

    def _in_period(self, link: _Condition, lo: int, hi: int) -> _Condition:
        """An actor condition narrowed to a period: the links' copy of their event's bounds
        answers it from one index, so it drives a query of a busy actor in a short period
        without visiting the actor's other events or the period's other events."""
        ids_sql = f"SELECT event_id {_ACTOR_IN_PERIOD}"
        params = [link.params[0], hi, lo]
        narrowed = _Condition(link.name, ids_sql, link.probe_sql, params, lambda: self.conn.execute(
            f"SELECT count(*) FROM ({ids_sql})", params).fetchone()[0])
        narrowed.probe_params = list(link.params)
        return narrowed

    def _actor_period_parts(self, f: EventFilter) -> Optional[tuple[_Condition, Optional[_Condition]]]:
        """The actor and text conditions of a filter that is "these actors in this period
        (with these words)" and nothing else, or None."""
        plain, _, members = self._conditions(f)
        names = {c.name for c in members}
        if len(plain) != 1 or "dates" not in names or "actors0" not in names or names - {"dates", "actors0", "text"}:
            return None
        actor = next(c for c in members if c.name == "actors0")
        return actor, next((c for c in members if c.name == "text"), None)

    def _actor_period(self, f: EventFilter) -> Optional[tuple[str, list]]:
        """For "these actors in this period (with these words)" and nothing else: SQL of
        the matching (event_id, earliest, latest), distinct, from the actor links' own
        copy of the bounds.  No event row is read, so a busy actor in a long period costs
        an index range rather than a visit to each of its events in a 1 GB table."""
        parts = self._actor_period_parts(f)
        if parts is None:
            return None
        actor, text = parts
        sql, params = f"SELECT DISTINCT event_id, earliest, latest {_ACTOR_IN_PERIOD}", list(actor.params)
        if text is not None:
            text_sql, text_params = self._text_test(text, actor, "event_actor.event_id")
            sql, params = f"{sql} AND {text_sql}", params + text_params
        return sql, params

    def _one_actor_period_page(self, f: EventFilter, limit: int, offset: int) -> Optional[list[int]]:
        """A page of "this one actor in this period (with these words)": the actor's links
        are walked in date order straight from their index and the walk stops at the end
        of the page, so a common word is asked about only for the events the page goes
        through (a fifth of events having the word: about five per event shown)."""
        parts = self._actor_period_parts(f)
        if parts is None:
            return None
        actor, text = parts
        actor_ids = json.loads(actor.params[0])
        if len(actor_ids) != 1:
            return None
        sql = ("SELECT event_id FROM event_actor INDEXED BY event_actor_when "
               "WHERE actor_id = ? AND earliest <= ? AND latest >= ?")
        params = [actor_ids[0], *actor.params[1:]]
        if text is not None:
            walked = (offset + limit) * self._events_at_most() // max(1, text.estimate)
            text_sql, text_params = self._text_test(text, actor, "event_id", probes=walked)
            sql, params = f"{sql} AND {text_sql}", params + text_params
        # an actor in two roles of one event has two links, side by side in the index
        sql += " GROUP BY earliest, latest, event_id ORDER BY earliest, latest, event_id LIMIT ? OFFSET ?"
        return [r[0] for r in self._run(sql, params + [limit, offset])]

    def _events_at_most(self) -> int:
        return self.conn.execute("SELECT coalesce(max(id), 0) FROM event").fetchone()[0]

    def _alone(self, f: EventFilter) -> Optional[tuple[str, list]]:
        """When the filter is one membership condition and nothing else, the SQL that
        lists its event ids straight from its index (no event row is read), else None.
        Counting a common word or a busy actor this way is an index walk, not a join."""
        plain, params, members = self._conditions(f)
        if len(members) != 1 or not members[0].exact:
            return None
        only = members[0]
        if plain and not (only.name == "dates" and len(plain) == 1):
            return None
        return only.alone[0], list(only.alone[1])

    @staticmethod
    def _narrowest_of(members: list[_Condition]) -> Optional[_Condition]:
        """The condition letting the fewest events through.  Estimates are index scans
        themselves, so a small one ends the search (the date range's, the dearest, last)."""
        best: Optional[_Condition] = None
        for c in sorted(members, key=lambda c: (c.name == "dates", c.name != "text")):
            if best is None or c.estimate < best.estimate:
                best = c
            if best.estimate <= _SMALL_ENOUGH:
                break
        return best

    def _where(self, f: EventFilter, scan: bool = False, dates: bool = True,
               driver: Optional[str] = None) -> tuple[str, list]:
        """The filter as SQL.  One membership condition drives the query (the narrowest,
        or `driver`); the others are probed row by row (`EXISTS`, cheapest first), so a
        broad condition never has to be gathered into a set.  With `scan`, none drives:
        the caller walks the date index and stops at the end of a page.  `dates=False`
        leaves the date range to the caller."""
        plain, params, members = self._conditions(f, dates)
        if not scan and members:
            drive = next((c for c in members if c.name == driver), None) or self._narrowest_of(members)
        else:
            drive = None
        conds, values = list(plain), list(params)
        if drive is not None:
            conds.insert(0, drive.driving_sql)
            values[0:0] = drive.params
        for c in sorted((c for c in members if c is not drive and c.probe_sql), key=lambda c: c.probe_cost):
            sql, probe_params = self._text_test(c, drive, "e.id") if c.name == "text" else (c.probe_sql, c.probe_params)
            conds.append(sql)
            values += probe_params
        return (" WHERE " + " AND ".join(conds)) if conds else "", values

    def _run(self, sql: str, params: list) -> sqlite3.Cursor:
        try:
            return self.conn.execute(sql, params)
        except sqlite3.OperationalError as error:
            if "fts5" in str(error) or "MATCH" in str(error):
                raise QueryError(f"cannot search for that text ({error})") from None
            raise

    def _text_matches_at_most(self, query: str) -> int:
        """An upper bound on the events a safe FTS query (from `fts_query`) matches, read
        from the index's vocabulary: the rarest word's count (a prefix: its words' sum).

        A word's count is read from its whole list of events (5 ms for a word in a fifth
        of 1M events), so counts are kept until the workspace changes: a search usually
        keeps its words while the dates and actors around it change."""
        version = self._data_version()
        memo = getattr(self, "_vocab_memo", None)
        if memo is None or memo[0] != version or len(memo[1]) > 256:
            memo = self._vocab_memo = (version, {})
        if query not in memo[1]:
            memo[1][query] = self._count_text_matches_at_most(query)
        return memo[1][query]

    def _count_text_matches_at_most(self, query: str) -> int:
        bounds = []
        for phrase, star in re.findall(r'"([^"]*)"(\*?)', query):
            words = phrase.split()
            for word in words:
                term = _fold(word)
                if star and word == words[-1]:
                    row = self.conn.execute("SELECT coalesce(sum(doc), 0) FROM event_fts_vocab "
                                            "WHERE term >= ? AND term < ?", (term, term + "\uffff")).fetchone()
                else:
                    row = self.conn.execute("SELECT coalesce(max(doc), 0) FROM event_fts_vocab WHERE term = ?",
                                            (term,)).fetchone()
                bounds.append(row[0])
        return min(bounds) if bounds else 0

    def _page_ids(self, f: EventFilter, limit: int, offset: int) -> list[int]:
        """One page of matching ids in date order, without sorting every match.

        When even the narrowest condition is broad, walk the date index and probe rows as
        they come, stopping at the page's end.  A date range is walked from its start;
        the events that began before it and are still running (long intervals, open
        ends) come first, from the index by duration class (see `_running_ids`)."""
        one_actor = self._one_actor_period_page(f, limit, offset)
        if one_actor is not None:
            return one_actor
        period = self._actor_period(f)
        if period is not None:
            return [r[0] for r in self._run(f"SELECT event_id FROM ({period[0]}) ORDER BY earliest, latest, event_id "
                                            "LIMIT ? OFFSET ?", period[1] + [limit, offset])]
        bounds = self._date_bounds(f)
        _, _, members = self._conditions(f)
        # a date range is walked (below) rather than gathered: its cost is its running events, not its size
        narrowest = self._narrowest_of([c for c in members if c.name != "dates"])
        if narrowest is not None and narrowest.estimate <= (_DRIVE_UP_TO_IN_RANGE if bounds else _SCAN_ABOVE):
            where, params = self._where(f, driver=narrowest.name)
            return [r[0] for r in self._run(
                f"SELECT e.id FROM event e{where}{_ORDER} LIMIT ? OFFSET ?", params + [limit, offset])]
        where, params = self._where(f, scan=True, dates=False)
        joiner = " AND " if where else " WHERE "
        if bounds is None:
            return [r[0] for r in self._run(
                f"SELECT e.id FROM event e INDEXED BY event_order{where}{_ORDER} LIMIT ? OFFSET ?",
                params + [limit, offset])]
        lo, hi = bounds
        running = self._running_ids(where, params, lo, need=offset + limit)
        page = running[offset:offset + limit]
        rest_offset = max(0, offset - len(running))
        if len(page) < limit:
            page += [r[0] for r in self._run(
                f"SELECT e.id FROM event e INDEXED BY event_order{where}{joiner}e.earliest >= ? AND e.earliest <= ?"
                f"{_ORDER} LIMIT ? OFFSET ?", params + [lo, hi, limit - len(page), rest_offset])]
        return page

    def _running_ids(self, where: str, params: list, lo: int, need: int) -> list[int]:
        """Matching events that began before `lo` and still run at it, in date order; at
        least `need` of them when there are that many (all of them otherwise).

        One index range per duration class (see schema version 5): an event of a class
        that runs at `lo` began less than the class's longest duration before it.  SQLite
        merges the ranges in date order and stops at `need`, reading event rows only to
        test the filter's other conditions."""
        conditions = f" AND {where[len(' WHERE '):]}" if where else ""
        arms, values = [], []
        for k in range(len(RUNNING_CLASS_DAYS) + 1):
            since = ""
            if k < len(RUNNING_CLASS_DAYS):
                since = "e.earliest > ? AND "
                values.append(lo - RUNNING_CLASS_DAYS[k] * DAY)
            arms.append(f"SELECT e.id, e.earliest, e.latest FROM event e INDEXED BY event_running "
                        f"WHERE {_RUNNING_CLASS} = {k} AND {since}e.earliest < ? AND e.latest >= ?{conditions}")
            values += [lo, lo, *params]
        sql = " UNION ALL ".join(arms) + " ORDER BY 2, 3, 1 LIMIT ?"
        return [r[0] for r in self._run(sql, values + [need])]

    def search_events(self, f: EventFilter = EventFilter(), limit: Optional[int] = None, offset: int = 0) -> list[Event]:
        """Matching events in date order, a page at a time."""
        if limit is not None:
            return self.events_by_ids(self._page_ids(f, limit, offset))
        where, params = self._where(f)
        ids = [r[0] for r in self._run("SELECT e.id FROM event e" + where + _ORDER, params)]
        return self.events_by_ids(ids)

    def count_events(self, f: EventFilter = EventFilter()) -> int:
        alone = self._alone(f)
        if alone is not None:
            return self._run(f"SELECT count(*) FROM ({alone[0]})", alone[1]).fetchone()[0]
        period = self._actor_period(f)
        if period is not None:
            return self._run(f"SELECT count(*) FROM ({period[0]})", period[1]).fetchone()[0]
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

    def page_ids(self, f: EventFilter, limit: int, offset: int = 0) -> list[int]:
        """Row ids of one page of matching events in date order (what a windowed table reads)."""
        return self._page_ids(f, limit, offset)

    def matching_ids(self, f: EventFilter) -> array:
        """Row ids of every matching event, in no particular order (what the timeline masks by):
        no sort, and flat integers rather than a list of tuples."""
        alone = self._alone(f)
        if alone is not None:
            return array("q", chain.from_iterable(self._run(alone[0], alone[1])))
        period = self._actor_period(f)
        if period is not None:
            return array("q", (r[0] for r in self._run(period[0], period[1])))
        where, params = self._where(f)
        return array("q", chain.from_iterable(self._run("SELECT e.id FROM event e" + where, params)))

    def matching_among(self, f: EventFilter, ids: list[int]) -> list[int]:
        """Those of `ids` the filter lets through, in the order given: what stays selected
        when the filter changes.  Each row is looked up by id and tested, so the cost is
        the selection's size, not the filter's."""
        if not ids:
            return []
        where, params = self._where(f, scan=True)
        joiner = " AND " if where else " WHERE "
        kept = {r[0] for r in self._run(
            f"SELECT e.id FROM event e{where}{joiner}e.id IN (SELECT value FROM json_each(?))",
            params + [json.dumps(list(ids))])}
        return [i for i in ids if i in kept]

    def position_of(self, f: EventFilter, event_id: int) -> int:
        """Where an event stands in the filter's date order (0-based), or -1 if it does not match."""
        where, params = self._where(f)
        joiner = " AND " if where else " WHERE "
        if self._run(f"SELECT 1 FROM event e{where}{joiner}e.id = ?", params + [event_id]).fetchone() is None:
            return -1
        return self._run(
            f"SELECT count(*) FROM event e{where}{joiner}(e.earliest, e.latest, e.id) < "
            "(SELECT earliest, latest, id FROM event WHERE id = ?)", params + [event_id]).fetchone()[0]

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
