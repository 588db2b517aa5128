"""The one import driver every dataset format goes through.

A format's reader turns a file into a stream of `Row`s (an event's fields plus the
*names* of its actors and sources) and `Problem`s (rows it could not read).  The driver
resolves names to actors and sources (found by name or alias, else created once),
builds events, and writes them in batches through the store's bulk path, all inside
ONE transaction: a cancel, a crash, a fatal error or the user's "no, don't import with
bad rows" rolls everything back and leaves the workspace as it was.

Re-importing adds nothing: an event whose external id (ACLED's event_id_cnty, GDELT's
GLOBALEVENTID, ...) is already in the workspace is counted as unchanged.  A later row
with the id of an event imported earlier in the same file (ACLED's one-actor-per-row
layout) adds its actors and sources to that event.

Memory stays flat: rows are read as a stream, one batch of events is held at a time,
and only the actor and source names seen so far are cached.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field, replace
from typing import Callable, Iterator, Literal, Optional, Protocol, Union

from ..core.errors import BrieferError
from ..core.model import (
    ActorKind, Actor, Citation, Event, Participant, Role, Source, SourceKind, normalize_name, now_utc,
)
from ..store import Workspace
from ..store.external import add_links, existing_external_ids, indexes_deferred, max_event_id, text_index_deferred
from .json_format import ExchangeError
from .report import ImportReport, Problem

__all__ = ["Row", "DatasetReader", "ImportCancelled", "run_import", "fast_uid", "BadRowPolicy"]

BATCH = 2000
DEFER_INDEXES_FROM = 20_000  # events added, and at least as many as the workspace had (see indexes_deferred)

BadRowPolicy = Union[Literal["import", "abort"], Callable[[ImportReport], bool]]


class _Uids:
    """UUID strings in the UUIDv7 layout (milliseconds, then a counter, then random
    bits): unique like any UUID, and increasing within an import, so that the unique
    indexes on event and citation ids grow at their right edge instead of being
    written all over (a third faster for citations), and cheaper to make than
    `str(uuid.uuid4())`, which costs more than the rest of a row's work."""

    def __init__(self) -> None:
        self._prefix = ""
        self._count = 1 << 24

    def __call__(self) -> str:
        if self._count >= 1 << 24:
            millis = time.time_ns() // 1_000_000
            self._prefix = f"{millis >> 16:08x}-{millis & 0xFFFF:04x}-7"
            self._tail = os.urandom(6).hex()
            self._count = 0
        n = self._count
        self._count = n + 1
        return f"{self._prefix}{n >> 12:03x}-{0x8000 | (n & 0xFFF):04x}-{self._tail}"


fast_uid = _Uids()


@dataclass(slots=True)
class Row:
    """One event as a dataset row describes it, actors and sources still by name."""

    line: Optional[int]
    fields: dict  # keyword arguments of `Event` (title, when, summary, place, ...)
    external_id: str = ""
    actors: list[tuple[str, Role, ActorKind]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    where: str = ""


class DatasetReader(Protocol):
    format: str
    encoding: str
    dataset_source: Optional[tuple[str, SourceKind]]  # cited by every row (ACLED, GDELT), or None

    def rows(self, report: ImportReport) -> Iterator[Union[Row, Problem]]: ...

    def fraction(self) -> float: ...


class ImportCancelled(BrieferError):
    """The user cancelled; nothing was imported."""


class _BadRowsRefused(Exception):
    pass


class _NoRows(Exception):
    """A header and nothing else: nothing to import, and nothing (not even its source) is added."""


class _NothingReadable(Exception):
    """Every row was bad: a wrong format or a broken file, not a few bad rows."""


_LINK_WORDS = {"for", "of", "the", "and", "on", "in", "de", "du", "des", "la", "le", "al"}


class _Names:
    """Actors and sources by name: found in the workspace or created, once each."""

    def __init__(self, ws: Workspace, report: ImportReport) -> None:
        self.ws, self.report = ws, report
        self.actors: dict[str, str] = {}
        self.sources: dict[str, str] = {}
        self._initials: Optional[dict[str, list[Source]]] = None

    def actor(self, name: str, kind: ActorKind) -> str:
        uid = self.actors.get(name)
        if uid is None:
            key = normalize_name(name)
            uid = self.actors.get(key)
            if uid is None:
                found = self.ws.find_actor(name) or self._actor_by_parts(name)
                if found is None:
                    found = self.ws.add_actor(Actor(name.strip(), kind))
                    self.report.added["actors"] += 1
                uid = found.uid
                self.actors[key] = uid
            self.actors[name] = uid
        return uid

    def _actor_by_parts(self, name: str) -> Optional[Actor]:
        """ACLED writes some actors as "QSD: Syrian Democratic Forces": the workspace may
        know them by either part."""
        head, sep, tail = name.partition(":")
        if not sep or not head.strip() or not tail.strip() or len(head) > 40:
            return None
        return self.ws.find_actor(tail.strip()) or self.ws.find_actor(head.strip())

    def _source_by_initials(self, name: str) -> Optional[Source]:
        """"SOHR" for the Syrian Observatory for Human Rights, when exactly one source has
        those initials (a dataset names its sources as the analyst did not)."""
        letters = name.strip().replace(".", "")
        if not re.fullmatch(r"[A-Z]{2,6}", letters):
            return None
        if self._initials is None:
            self._initials = {}
            for s in self.ws.sources():
                words = [w for w in re.split(r"[\s\-]+", s.name) if w and w.lower() not in _LINK_WORDS]
                self._initials.setdefault("".join(w[0].upper() for w in words), []).append(s)
        found = self._initials.get(letters, [])
        return found[0] if len(found) == 1 else None

    def source(self, name: str, kind: SourceKind = SourceKind.OTHER) -> str:
        uid = self.sources.get(name)
        if uid is None:
            key = normalize_name(name)
            uid = self.sources.get(key)
            if uid is None:
                found = self.ws.find_source(name) or self._source_by_initials(name)
                if found is None:
                    found = self.ws.add_source(Source(name.strip(), kind))
                    self.report.added["sources"] += 1
                uid = found.uid
                self.sources[key] = uid
            self.sources[name] = uid
        return uid


def _merge(event: Event, participants: tuple[Participant, ...], citations: tuple[Citation, ...]) -> Event:
    """`event` with the actors and sources of another row about it added.  A second
    "initiator" becomes a target: one-actor-per-row files list each side on its own row."""
    have = {p.actor_uid for p in event.participants}
    has_initiator = any(p.role is Role.INITIATOR for p in event.participants)
    added = []
    for p in participants:
        if p.actor_uid in have:
            continue
        if p.role is Role.INITIATOR and has_initiator:
            p = Participant(p.actor_uid, Role.TARGET)
        added.append(p)
        have.add(p.actor_uid)
    cited = {c.source_uid for c in event.citations}
    new_citations = tuple(c for c in citations if c.source_uid not in cited)
    if not added and not new_citations:
        return event
    return replace(event, participants=event.participants + tuple(added), citations=event.citations + new_citations)


def run_import(
    ws: Workspace,
    reader: DatasetReader,
    *,
    on_bad_rows: BadRowPolicy = "import",
    progress: Optional[Callable[[float, ImportReport], None]] = None,
    cancel: Optional[Callable[[], bool]] = None,
    report: Optional[ImportReport] = None,
    batch_size: int = BATCH,
) -> ImportReport:
    """Import everything `reader` yields, in one transaction.

    `on_bad_rows` says what happens when rows were skipped: "import" keeps the good rows,
    "abort" imports nothing, a function is asked (with the report so far) and returns
    True to import the good rows.  `progress(fraction, report)` is called after each
    batch; `cancel()` is polled and returning True rolls everything back.  Cancel and
    refusal return the report with nothing committed; fatal errors raise after the
    rollback.
    """
    report = report or ImportReport()
    report.format = report.format or reader.format
    started = time.perf_counter()
    stamp = now_utc()
    cancelled = cancel or (lambda: False)
    try:
        with ws.transaction():
            with text_index_deferred(ws) as index_new, indexes_deferred(ws) as defer_indexes:
                _import(ws, reader, report, stamp, cancelled, progress, index_new, defer_indexes, batch_size)
            if report.encoding == "":
                report.encoding = reader.encoding
            if report.rows_read == 0:
                raise _NoRows()
            if report.skipped_count and report.skipped_count >= report.rows_read:
                raise _NothingReadable()
            if report.skipped_count:
                if on_bad_rows == "abort":
                    raise _BadRowsRefused()
                if callable(on_bad_rows) and not on_bad_rows(report):
                    raise _BadRowsRefused()
    except ImportCancelled:
        report.cancelled = True
        _undo_counts(report)
    except _NoRows:
        report.aborted = "the file holds no rows to import (a header at most)"
        _undo_counts(report)
    except _NothingReadable:
        report.aborted = (f"none of its {report.rows_read:,} rows could be read as {report.format or 'this format'}"
                          " (is it the right format?)")
        _undo_counts(report)
    except _BadRowsRefused:
        report.aborted = (f"{report.skipped_count:,} rows could not be read, and importing only the good rows "
                          "was declined")
        _undo_counts(report)
    else:
        report.committed = True
    finally:
        report.seconds = time.perf_counter() - started
    if progress is not None and report.committed:
        progress(1.0, report)
    return report


def _undo_counts(report: ImportReport) -> None:
    report.added = {k: 0 for k in report.added}


def _import(ws: Workspace, reader: DatasetReader, report: ImportReport, stamp, cancelled: Callable[[], bool],
            progress: Optional[Callable[[float, ImportReport], None]], index_new: Callable[[], None],
            defer_indexes: Callable[[], None], batch_size: int) -> None:
    names = _Names(ws, report)
    first_new_id = max_event_id(ws) + 1
    dataset_citation_source = None
    if reader.dataset_source is not None:
        dataset_citation_source = names.source(*reader.dataset_source)
    batch: list[Event] = []
    by_external: dict[str, int] = {}
    rows_of: list[int] = []  # how many file rows each batched event came from

    def flush() -> None:
        if not batch:
            return
        stored = existing_external_ids(ws, by_external) if by_external else {}
        fresh: list[Event] = []
        for event, rows in zip(batch, rows_of):
            row_id = stored.get(event.external_id) if event.external_id else None
            if row_id is None:
                fresh.append(event)
            elif row_id >= first_new_id:  # an event of an earlier batch of this file
                index_new()
                add_links(ws, row_id, event.participants, event.citations)
                report.merged += 1
            else:  # already in the workspace: its rows change nothing
                report.unchanged += 1
                report.merged -= rows - 1
        if fresh:
            report.added["events"] += ws.add_events(fresh)
            index_new()  # per batch: one statement for the batch, and progress that means something
            added = report.added["events"]
            if added >= DEFER_INDEXES_FROM and added >= first_new_id - 1:
                defer_indexes()  # a big import into a smaller workspace: rebuilding them costs less
        batch.clear()
        by_external.clear()
        rows_of.clear()
        if cancelled():
            raise ImportCancelled("cancelled")
        if progress is not None:
            progress(min(reader.fraction(), 0.999), report)

    tick = 0
    for item in reader.rows(report):
        tick += 1
        if tick & 255 == 0 and cancelled():
            raise ImportCancelled("cancelled")
        if isinstance(item, Problem):
            report.rows_read += 1
            report.skip(item.line, item.reason, item.where)
            continue
        report.rows_read += 1
        try:
            participants = tuple(Participant(names.actor(name, kind), role) for name, role, kind in item.actors)
            citations = [Citation(names.source(s), 6, "", None, fast_uid()) for s in item.sources]
            if dataset_citation_source is not None:
                citations.append(Citation(dataset_citation_source, 6, "", None, fast_uid()))
            external_id = item.external_id
            if external_id and external_id in by_external:
                index = by_external[external_id]
                batch[index] = _merge(batch[index], participants, tuple(citations))
                rows_of[index] += 1
                report.merged += 1
                continue
            event = Event(**item.fields, participants=participants, citations=tuple(citations),
                          external_id=external_id, created=stamp, updated=stamp, uid=fast_uid())
        except BrieferError as error:
            report.skip(item.line, str(error), item.where)
            continue
        except (ValueError, TypeError) as error:
            report.skip(item.line, f"cannot be read ({error})", item.where)
            continue
        if external_id:
            by_external[external_id] = len(batch)
        batch.append(event)
        rows_of.append(1)
        if len(batch) >= batch_size:
            flush()
    flush()


def reader_error(path: os.PathLike[str] | str, message: str) -> ExchangeError:
    return ExchangeError(f"{path}: {message}")
