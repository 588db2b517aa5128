"""`DeskWorkspace`: the workspace API on a PostgreSQL desk.

It is the file's `Workspace` with the few methods that speak SQLite's own dialect
(virtual tables, the planner's hints, row ids assigned by hand) replaced; every other
method runs the store's shared SQL through `adapter.PgConn`.  Callers cannot tell the
two apart, and must not need to.
"""

from __future__ import annotations

from array import array
from itertools import chain
from typing import Optional

from ...core.filter import EventFilter
from ...core.model import Event, now_utc
from ..query import _ACTOR_IN_PERIOD, _ORDER, _Condition, _fold, search_terms
from ..workspace import Workspace
from ..errors import WorkspaceError
from ..provenance import KIND_TABLES
from .connection import PgConnection
from .notify import CHANNEL, DeskWatcher, change_payload

_EVENT_COPY_COLUMNS = ("id, uid, title, summary, when_edtf, earliest, latest, precision, flags, place, latitude, "
                       "longitude, country, event_type, sub_event_type, fatalities, confidence, notes, external_id, "
                       "created, updated, created_rev, rev")


def ts_query(text: str) -> Optional[tuple[str, list[str]]]:
    """What a user typed (see `search_terms`) as a tsquery expression whose words are bound
    parameters; None when there is nothing to search for."""
    terms = search_terms(text)
    if terms is None:
        return None
    parts = [
        # a folded word holds only letters, digits and spaces: safe inside the quotes
        "to_tsquery('simple', '''' || briefer_fold(?) || ''':*')" if prefix
        else "phraseto_tsquery('simple', briefer_fold(?))"
        for _, prefix in terms]
    return "(" + " && ".join(parts) + ")", [" ".join(words) for words, _ in terms]


class _PgEvents:
    _LOCK_ROW = " FOR UPDATE"  # two analysts saving the same record at once: the second waits, then sees the first

    def _write_span(self, event_id: int, lo: int, hi: int) -> None:
        """The bounds are indexed on the event row itself."""

    def settle_text_index(self, added: int) -> None:
        """GIN keeps its pending list small by itself (autovacuum merges it)."""

    def _insert_batch(self, batch: list[Event]) -> int:
        """Insert a batch with COPY: ids come from the table's sequence, so concurrent
        analysts adding events never collide; a savepoint keeps the transaction usable to
        name the record that conflicts.  Rows are copied with the transaction's revision
        already on them (made here once, then used by the commit's stamping), so the commit
        does not rewrite every new row and its index entries to stamp it."""
        self._clear_tombstones("event", (e.uid for e in batch))
        rev = self._bulk_revision()
        actors, sources, documents = self._link_ids(batch)
        ids = [r[0] for r in self.conn.execute(
            "SELECT nextval(pg_get_serial_sequence('event', 'id')) FROM generate_series(1, ?)", (len(batch),))]
        event_rows, actor_rows, citation_rows, tag_rows = [], {}, [], {}
        for event_id, event in zip(ids, batch):
            row = self._event_row(event)
            event_rows.append((event_id, *row, rev, rev))
            for i, p in enumerate(event.participants):
                actor_rows.setdefault((event_id, actors[p.actor_uid], p.role.value), (i, row[4], row[5]))
            citation_rows.extend(
                (c.uid, event_id, sources[c.source_uid], documents.get(c.document_uid) if c.document_uid else None,
                 c.credibility, c.quote, i, rev, rev) for i, c in enumerate(event.citations))
            for t in event.tags:
                if t.strip():
                    tag_rows[(event_id, t.strip())] = None
        raw = self.conn.raw
        try:
            with raw.transaction():  # a savepoint inside the open transaction
                with raw.cursor() as cur:
                    self._copy(cur, f"event ({_EVENT_COPY_COLUMNS})", event_rows)
                    self._copy(cur, "event_actor (event_id, actor_id, role, position, earliest, latest)",
                               [(*k, *v) for k, v in actor_rows.items()])
                    self._copy(cur, "citation (uid, event_id, source_id, document_id, credibility, quote, position, "
                               "created_rev, rev)", citation_rows)
                    self._copy(cur, "event_tag (event_id, tag)", list(tag_rows))
        except Exception as error:  # noqa: BLE001 - psycopg's errors, named below
            import psycopg
            if isinstance(error, psycopg.IntegrityError):
                raise self._explain_conflict(batch) from None
            if isinstance(error, psycopg.Error):
                raise self.conn.error(error) from None
            raise
        self._bulk_added.extend(e.uid for e in batch)
        return len(batch)

    def _copy_import_rows(self, events: list[tuple], actors: list[tuple], citations: list[tuple],
                          tags: list[tuple], rev: Optional[int]) -> None:
        """A dataset import's rows (see `external.insert_rows`), ids given, copied in."""
        raw = self.conn.raw
        try:
            with raw.transaction(), raw.cursor() as cur:
                self._copy(cur, f"event ({_EVENT_COPY_COLUMNS})", [(*row, rev, rev) for row in events])
                self._copy(cur, "event_actor (event_id, actor_id, role, position, earliest, latest)",
                           list({(r[0], r[1], r[2]): r for r in actors}.values()))
                self._copy(cur, "citation (uid, event_id, source_id, credibility, position, created_rev, rev)",
                           [(uid, event_id, source_id, 6, position, rev, rev)
                            for uid, event_id, source_id, position in citations])
                self._copy(cur, "event_tag (event_id, tag)", list(dict.fromkeys(tags)))
        except Exception as error:  # noqa: BLE001 - psycopg's errors, named below
            import psycopg
            if isinstance(error, psycopg.IntegrityError):
                raise WorkspaceError("the imported events conflict with records already in the workspace "
                                     f"({str(error).strip().splitlines()[0]})") from None
            if isinstance(error, psycopg.Error):
                raise self.conn.error(error) from None
            raise
        self._bulk_added.extend(row[1] for row in events)

    def _bulk_revision(self) -> Optional[int]:
        """This transaction's revision, made on the first bulk batch (None while migrating)."""
        if self._tx_rev is None and self._provenance_ready():
            self._tx_rev = self.new_revision(now_utc().isoformat(timespec="seconds"), self.who(), self.workspace_id)
        return self._tx_rev

    @property
    def _bulk_added(self) -> list[str]:
        """Events copied in this transaction already stamped: the commit's change set names them."""
        return self.__dict__.setdefault("_copied_uids", [])

    @staticmethod
    def _copy(cur, target: str, rows: list[tuple]) -> None:
        if not rows:
            return
        with cur.copy(f"COPY {target} FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


_MAX_ANCHORS = 10_000
_WALK_WORD_SHARE = 0.01  # a word in fewer events than this: found from its index, not by walking an actor's
_ACTOR_IN_PERIOD_SQL = f"SELECT event_id {_ACTOR_IN_PERIOD}"


class _PgQuery:
    def _conditions(self, f: EventFilter, dates: bool = True):
        return self._conditions_now(f, dates)

    def _text_condition(self, text: str) -> Optional[_Condition]:
        query = ts_query(text)
        if query is None:
            return None
        sql, values = query
        return _Condition("text", f"SELECT id FROM event WHERE fts @@ {sql}", f"e.fts @@ {sql}", values,
                          lambda: 0, probe_cost=5)

    def _where(self, f: EventFilter, scan: bool = False, dates: bool = True,
               driver: Optional[str] = None) -> tuple[str, list]:
        """The filter as one WHERE clause; PostgreSQL's planner picks what drives it, but
        for "these actors in this period": the actor links' own (actor, date) index gives
        those events first (gathered once into an array, then read by primary key).  On
        the bounds' b-trees a period is a range of one bound only ("began before its end":
        most of the desk for a recent year), which the planner otherwise combines with a
        common word's index entries: 190 ms at 1M events against a few ms this way."""
        plain, params, members = self._conditions(f, dates)
        conds, values = list(plain), list(params)
        for c in members:
            if c.ids_sql.startswith(_ACTOR_IN_PERIOD_SQL):
                conds.insert(0, f"e.id = ANY(ARRAY({c.ids_sql}))")
                values[0:0] = c.params
        for c in sorted((c for c in members if c.probe_sql), key=lambda c: c.probe_cost):
            conds.append(c.probe_sql)
            values += c.probe_params
        return (" WHERE " + " AND ".join(conds)) if conds else "", values

    def _page_ids(self, f: EventFilter, limit: int, offset: int) -> list[int]:
        """One page in date order.  Pages are read by keyset where they can: the sort key
        of each page's last row is kept (an anchor), and the next page starts after it
        (`(earliest, latest, id) > anchor`, one b-tree descent) instead of walking and
        throwing away every row before it (OFFSET).  A jump far down starts from the
        nearest anchor above it.  Anchors hold for one filter while nothing on the desk
        changes (any commit on the server changes its snapshot, which is checked)."""
        walk = self._actor_period_walk(f)
        if walk is not None:
            return [r[0] for r in self._run(walk[0] + " LIMIT ? OFFSET ?", walk[1] + [limit, offset])]
        where, params = self._where(f)
        anchors = self._anchors(f) if self._depth == 0 else {}  # inside a write, its own rows move too
        start, key = max(((p, k) for p, k in anchors.items() if p <= offset), default=(0, None))
        if key is not None:
            where += (" AND " if where else " WHERE ") + "(e.earliest, e.latest, e.id) > (?, ?, ?)"
            params = params + list(key)
        rows = self._run(f"SELECT e.id, e.earliest, e.latest FROM event e{where}{_ORDER} LIMIT ? OFFSET ?",
                         params + [limit, offset - start]).fetchall()
        if rows:
            if len(anchors) >= _MAX_ANCHORS:
                anchors.clear()
            last = rows[-1]
            anchors[offset + len(rows)] = (last[1], last[2], last[0])
        return [r[0] for r in rows]

    def _actor_period_walk(self, f: EventFilter) -> Optional[tuple[str, list]]:
        """A page of "these actors in this period (with more conditions)": the actor links'
        (actor, date) index holds them in date order already, so the page walks it and
        tests each event's other conditions until the page is full (14 ms for the busiest
        actor's year with a common word at 1M events, against 125 ms reading every one of
        its 23,000 events of that year first).  None for any other filter."""
        plain, params, members = self._conditions(f, True)
        drive = next((c for c in members if c.ids_sql.startswith(_ACTOR_IN_PERIOD_SQL)), None)
        if drive is None or (f.text and self._word_share(f.text) < _WALK_WORD_SHARE):
            return None  # a rare word: its own index finds its few events sooner than a walk would
        conds, values = list(plain), list(params)
        for c in sorted((c for c in members if c.probe_sql and c is not drive), key=lambda c: c.probe_cost):
            conds.append(c.probe_sql)
            values += c.probe_params
        links = f"SELECT DISTINCT earliest, latest, event_id {_ACTOR_IN_PERIOD} ORDER BY earliest, latest, event_id"
        # each link's event tested by its key, in the links' order (OFFSET 0 keeps the planner
        # from turning the test into a hash join over every event the other conditions match)
        test = " AND ".join(["e.id = a.event_id", *conds])
        return (f"SELECT a.event_id FROM ({links}) a, LATERAL (SELECT 1 FROM event e WHERE {test} OFFSET 0) m "
                "ORDER BY a.earliest, a.latest, a.event_id", list(drive.params) + values)

    def _word_share(self, text: str) -> float:
        """About what share of the events have every word of a search text, from the
        server's statistics of the text index (its most common words and their shares;
        a word not among them is rarer than all of them).  A prefix counts as common."""
        common = self.__dict__.get("_common_words")
        if common is None:
            row = self.conn.raw.execute(
                "SELECT most_common_elems::text, most_common_elem_freqs FROM pg_stats "
                "WHERE tablename = 'event' AND attname = 'fts'").fetchone()
            words = [w.strip('"') for w in row[0].strip("{}").split(",")] if row and row[0] else []
            common = dict(zip(words, row[1])) if words else {}
            self.__dict__["_common_words"] = common
        terms = search_terms(text) or []
        share = 1.0
        for words, prefix in terms:
            if not prefix:
                for word in words:
                    share = min(share, common.get(_fold(word), 0.0))
        return share

    def _anchors(self, f: EventFilter) -> dict[int, tuple[int, int, int]]:
        """{position: sort key of the row just before it} for this filter, while the desk
        is as it was when they were found."""
        snapshot = self.conn.execute("SELECT pg_current_snapshot()::text").fetchone()[0]
        kept = self.__dict__.get("_page_anchors")
        if kept is None or kept[0] != (f, snapshot):
            kept = ((f, snapshot), {})
            self.__dict__["_page_anchors"] = kept
        return kept[1]

    def count_events(self, f: EventFilter = EventFilter()) -> int:
        where, params = self._where(f)
        return self._run("SELECT count(*) FROM event e" + where, params).fetchone()[0]

    def matching_ids(self, f: EventFilter) -> array:
        where, params = self._where(f)
        return array("q", chain.from_iterable(self._run("SELECT e.id FROM event e" + where, params)))

    def search_documents(self, text: str, limit: int = 50) -> list[str]:
        query = ts_query(text)
        if query is None:
            return []
        sql, values = query
        rows = self._run(f"SELECT d.uid FROM document d, (SELECT {sql} AS q) s WHERE d.fts @@ q "
                         "ORDER BY ts_rank(d.fts, q) DESC, d.id LIMIT ?", values + [limit])
        return [r[0] for r in rows]

    def _data_version(self) -> tuple[int, int]:
        return (0, 0)


class _PgLive:
    """Each committed write tells the desk's other sessions what it changed (`notify.py`)."""

    def _before_commit(self) -> None:
        changed: dict[str, list[str]] = {}
        if self._provenance_ready():
            for kind, table in KIND_TABLES.items():
                key = "name" if kind == "view" else "uid"
                uids = [r[0] for r in self.conn.execute(f"SELECT {key} FROM {table} WHERE rev IS NULL")]
                if kind == "event" and self._bulk_added:
                    uids = self._bulk_added + uids
                if uids:
                    changed[kind] = uids
            deleted: dict[str, list[str]] = {}
            for kind, uid in self.conn.execute("SELECT kind, uid FROM tombstone WHERE rev IS NULL"):
                deleted.setdefault(kind, []).append(uid)
        super()._before_commit()
        if changed or (self._provenance_ready() and deleted):
            rev = self.conn.execute("SELECT max(rev) FROM revision").fetchone()[0]
            self.conn.execute("SELECT pg_notify(?, ?)", (CHANNEL, change_payload(rev, self.who(), changed, deleted)))

    def watch(self) -> DeskWatcher:
        """Other sessions' committed changes to this desk, as they happen."""
        return DeskWatcher(self._connect, self.conn.raw.info.backend_pid, self.path.shown())


class _PgProvenance:
    def _has_table(self, name: str) -> bool:
        cache = self.__dict__.setdefault("_tables", {})
        if name not in cache:
            found = self.conn.raw.execute("SELECT to_regclass(%s) IS NOT NULL", (name,)).fetchone()[0]
            if not found:
                return False
            cache[name] = True
        return cache[name]


class DeskWorkspace(_PgEvents, _PgQuery, _PgLive, _PgProvenance, PgConnection, Workspace):
    """A workspace on a PostgreSQL desk: open with `Workspace.open("postgresql://…")`."""


__all__ = ["DeskWorkspace", "ts_query"]
