"""The one import driver every dataset format goes through.

A format's reader turns a file into a stream of `Row`s (an event's fields plus the
*names* of its actors and sources) and `Problem`s (rows it could not read).  The driver
takes one file or several (a folder of ACLED exports), checks and prepares their rows
(`prepare.py`: in a child process for a big import, so that it overlaps with SQLite),
lands each actor name on an actor (`reconcile.py`: found, chosen by the analyst, or
created once) and each source name on a source, and writes plain executemany batches,
all inside ONE transaction: a cancel, a crash, a full disk, a fatal error in any of the
files or the user's "no, don't import with bad rows" rolls everything back and leaves
the workspace as it was.

Re-importing adds nothing: an event whose external id (ACLED's event_id_cnty, GDELT's
GLOBALEVENTID, ...) is already in the workspace is counted as unchanged.  A later row
with the id of an event imported earlier in the same import (ACLED's one-actor-per-row
layout) adds its actors and sources to that event.

Memory stays flat: rows are read as a stream, a few batches are held at a time, and
only the distinct actor and source names seen so far are cached.
"""

from __future__ import annotations

import itertools
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Literal, Optional, Protocol, Sequence, Union

from ..core.errors import BrieferError
from ..core.model import ActorKind, Role, Source, SourceKind, normalize_name, now_utc
from ..store import Workspace
from ..store.external import (
    add_links, check_new_links, existing_external_ids, foreign_keys_off, import_revision, indexes_deferred,
    insert_rows, reserve_event_ids, row_id, text_index_deferred,
)
from .json_format import ExchangeError
from .prepare import PARALLEL_FROM_BYTES, ReaderDidNotStart, can_use_child, in_child, prepared, unpacked
from .reconcile import ActorPlan, Decision
from .report import ImportReport, Problem

__all__ = ["Row", "DatasetReader", "ImportCancelled", "run_import", "fast_uid", "BadRowPolicy", "dataset_name",
           "propose_actors"]

BATCH = 2000
DEFER_INDEXES_FROM = 20_000  # events added, and at least as many as the workspace had (see indexes_deferred)
_BYTES_PER_ROW = 400  # an ACLED row, for guessing from the files' size how big an import will be
DAY = 86400

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

    def restart(self) -> None:
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
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=fast_uid.restart)  # a forked reader makes its own run of ids


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
    path: Path
    dataset_source: Optional[tuple[str, SourceKind]]  # cited by every row (ACLED, GDELT), or None

    def rows(self, report: ImportReport) -> Iterator[Union[Row, Problem]]: ...

    def fraction(self) -> float: ...


def dataset_name(reader: DatasetReader) -> str:
    """The dataset an import's actor choices are remembered for: "ACLED", "GDELT", a format."""
    return reader.dataset_source[0] if reader.dataset_source else reader.format


class ImportCancelled(BrieferError):
    """The user cancelled; nothing was imported."""


class _BadRowsRefused(Exception):
    pass


class _NoRows(Exception):
    """A header and nothing else: nothing to import, and nothing (not even its source) is added."""


class _NothingReadable(Exception):
    """Every row was bad: a wrong format or a broken file, not a few bad rows."""


_LINK_WORDS = {"for", "of", "the", "and", "on", "in", "de", "du", "des", "la", "le", "al"}


class _Sources:
    """Sources by name: found in the workspace (by name, alias or initials) or created, once each."""

    def __init__(self, ws: Workspace, report: ImportReport) -> None:
        self.ws, self.report = ws, report
        self.ids: dict[str, int] = {}
        self._initials: Optional[dict[str, list[Source]]] = None

    def _by_initials(self, name: str) -> Optional[Source]:
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

    def id(self, name: str, kind: SourceKind = SourceKind.OTHER) -> int:
        found_id = self.ids.get(name)
        if found_id is None:
            key = normalize_name(name)
            found_id = self.ids.get(key)
            if found_id is None:
                found = self.ws.find_source(name) or self._by_initials(name)
                if found is None:
                    found = self.ws.add_source(Source(name.strip(), kind))
                    self.report.added["sources"] += 1
                found_id = self.ids[key] = row_id(self.ws, "source", found.uid)
            self.ids[name] = found_id
        return found_id


def run_import(
    ws: Workspace,
    readers: Union[DatasetReader, Sequence[DatasetReader]],
    *,
    on_bad_rows: BadRowPolicy = "import",
    progress: Optional[Callable[[float, ImportReport], None]] = None,
    cancel: Optional[Callable[[], bool]] = None,
    report: Optional[ImportReport] = None,
    batch_size: int = BATCH,
    actors: Optional[ActorPlan] = None,
    parallel: Optional[bool] = None,
) -> ImportReport:
    """Import everything one reader (or several: one file each) yields, in one transaction.

    `on_bad_rows` says what happens when rows were skipped: "import" keeps the good rows,
    "abort" imports nothing, a function is asked (with the report so far) and returns
    True to import the good rows.  `progress(fraction, report)` is called after each
    batch (`report.current_file` names the file being read); `cancel()` is polled and
    returning True rolls everything back.  `actors` says what each actor name becomes
    (default: exact and remembered matches, else a new actor).  `parallel` reads in a
    child process (default: when the files are big enough).  Cancel and refusal return
    the report with nothing committed; fatal errors raise after the rollback.
    """
    readers = list(readers) if isinstance(readers, (list, tuple)) else [readers]
    report = report or ImportReport()
    report.format = report.format or " + ".join(dict.fromkeys(r.format for r in readers))
    if len(readers) > 1:
        report.files = [str(r.path) for r in readers]
        report.file = report.file or f"{len(readers)} files"
    started = time.perf_counter()
    cancelled = cancel or (lambda: False)
    plan = actors or ActorPlan()
    try:
        with foreign_keys_off(ws), import_revision(ws) as revision, ws.transaction():
            with text_index_deferred(ws) as index_new, indexes_deferred(ws) as defer_indexes:
                writer = _Writer(ws, readers, report, plan, cancelled, progress, defer_indexes, batch_size)
                writer.revision = revision
                writer.run(parallel)
                index_new()
                check_new_links(ws, writer.first_new_id)
            if report.rows_read == 0:
                raise _NoRows()
            if report.skipped_count and report.skipped_count >= report.rows_read:
                raise _NothingReadable()
            if report.skipped_count:
                if on_bad_rows == "abort":
                    raise _BadRowsRefused()
                if callable(on_bad_rows) and not on_bad_rows(report):
                    raise _BadRowsRefused()
            plan.remember(ws)
    except ImportCancelled:
        report.cancelled = True
        _undo_counts(report)
    except _NoRows:
        report.aborted = f"the {'files hold' if len(readers) > 1 else 'file holds'} no rows to import (a header at most)"
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
        report.current_file = ""
        report.actors = plan.listed()
    if progress is not None and report.committed:
        progress(1.0, report)
    return report


def propose_actors(ws: Workspace, readers: Sequence[DatasetReader],
                   cancel: Optional[Callable[[], bool]] = None) -> list[Decision]:
    """Every actor name the files hold, with what the workspace suggests it is: the
    reconciliation the analyst confirms before the import.  Reads the files once (the
    readers are used up); a cancel returns what was found so far."""
    seen: dict[tuple[str, str], ActorKind] = {}
    for reader in readers:
        dataset = dataset_name(reader)
        for tick, item in enumerate(reader.rows(ImportReport())):
            if isinstance(item, Row):
                for name, _, kind in item.actors:
                    seen.setdefault((dataset, name), kind)
            if tick & 1023 == 0 and cancel is not None and cancel():
                break
    plan = ActorPlan()
    return [plan.propose(ws, dataset, name, kind) for (dataset, name), kind in seen.items()]


def _undo_counts(report: ImportReport) -> None:
    report.added = {k: 0 for k in report.added}


def _size(reader: DatasetReader) -> int:
    try:
        return max(1, os.stat(reader.path).st_size)
    except (OSError, AttributeError, TypeError):
        return 1


class _Writer:
    """Lands prepared rows: names to ids, ids to events, batches to the store."""

    def __init__(self, ws: Workspace, readers: list[DatasetReader], report: ImportReport, plan: ActorPlan,
                 cancelled: Callable[[], bool], progress: Optional[Callable[[float, ImportReport], None]],
                 defer_indexes: Callable[[], None], batch_size: int) -> None:
        self.ws, self.readers, self.report, self.plan = ws, readers, report, plan
        self.cancelled, self.progress, self.defer_indexes, self.batch_size = cancelled, progress, defer_indexes, batch_size
        self.first_new_id = self.next_id = reserve_event_ids(ws)
        self.sources = _Sources(ws, report)
        self.actor_ids: dict[tuple[str, str], int] = {}
        self.sizes = [_size(r) for r in readers]
        self.done_bytes = 0
        self.reader: DatasetReader = readers[0]
        self.dataset = ""
        self.dataset_source_id: Optional[int] = None
        # the batch's rows: events, actor links, citations, tags, date spans (ids given in land)
        self.rows: tuple[list, list, list, list, list] = ([], [], [], [], [])
        self.by_external: dict[str, int] = {}  # external id: its event's id in this batch
        self.links: dict[int, list] = {}  # event id: [links, sources, rows, lo, hi] for events with an external id
        self._warnings_seen = 0
        # the import's revision (provenance), made when the first events are written, and written with them
        self.revision: Callable[[], Optional[int]] = lambda: None
        plan.start(ws, report)
        # a big import into a smaller workspace: rebuilding the date indexes at the end costs less
        expected = sum(self.sizes) // _BYTES_PER_ROW
        if expected >= DEFER_INDEXES_FROM and expected >= self.first_new_id - 1:
            defer_indexes()

    def run(self, parallel: Optional[bool]) -> None:
        stamp = now_utc()
        if parallel is None:
            parallel = sum(self.sizes) >= PARALLEL_FROM_BYTES
        messages: Iterator[tuple] = iter(())
        if parallel and can_use_child(self.readers):
            messages = in_child(self.readers, stamp, self.batch_size, self.cancelled)
            try:
                messages = itertools.chain([next(messages)], messages)
            except StopIteration:  # cancelled before the first batch
                pass
            except ReaderDidNotStart:
                parallel = False
        if not parallel or not can_use_child(self.readers):
            messages = prepared(self.readers, stamp, self.batch_size, fast_uid)
        for message in messages:
            kind = message[0]
            if kind == "rows":
                _, items, fraction, warnings, warning_count = message
                for w in warnings:
                    self.report.warn(w.line, w.reason, w.where)
                self.report.warning_count += warning_count - self._warnings_seen - len(warnings)
                self._warnings_seen = warning_count
                self.land(unpacked(items))
                self.flush()
                if self.cancelled():
                    raise ImportCancelled("cancelled")
                if self.progress is not None:
                    size = self.sizes[self.readers.index(self.reader)]
                    total = sum(self.sizes)
                    self.progress(min((self.done_bytes + fraction * size) / total, 0.999), self.report)
            elif kind == "file":
                _, index, fmt, encoding = message
                self.start_file(index, encoding)
            elif kind == "end":
                _, index, encoding = message
                self.report.encodings[str(self.reader.path)] = encoding
                self.done_bytes += self.sizes[index]
        if self.cancelled():
            raise ImportCancelled("cancelled")

    def start_file(self, index: int, encoding: str) -> None:
        self.reader = reader = self.readers[index]
        self._warnings_seen = 0
        self.report.current_file = str(reader.path) if len(self.readers) > 1 else ""
        self.report.encoding = self.report.encoding or encoding
        self.dataset = dataset_name(reader)
        self.dataset_source_id = self.sources.id(*reader.dataset_source) if reader.dataset_source else None

    def actor_id(self, name: str, kind: str) -> int:
        key = (self.dataset, name)
        found = self.actor_ids.get(key)
        if found is None:
            uid = self.plan.land(self.ws, self.dataset, name, ActorKind(kind))
            found = self.actor_ids[key] = row_id(self.ws, "actor", uid)
        return found

    def land(self, items: list) -> None:
        """Turn a batch into rows, ids given in order; `flush` writes them.  A row about
        an event earlier in the batch (same external id) adds to that event instead."""
        report, by_external = self.report, self.by_external
        actor_ids, source_ids = self.actor_ids, self.sources.ids
        dataset, dataset_source = self.dataset, self.dataset_source_id
        events, actor_rows, citation_rows, tag_rows, spans = self.rows
        event_id = self.next_id + len(events)
        for item in items:
            report.rows_read += 1
            if len(item) == 3:  # a problem: line, reason, where
                report.skip(*item)
                continue
            line, where, row, external_id, actors, source_names, tags, uids = item
            try:
                links = [((actor_ids.get((dataset, name)) or self.actor_id(name, kind)), role)
                         for name, role, kind in actors]
                cited = [source_ids.get(s) or self.sources.id(s) for s in source_names]
            except BrieferError as error:  # e.g. a new actor's name belongs to another
                report.skip(line, str(error), where)
                continue
            if dataset_source is not None:
                cited.append(dataset_source)
            if external_id:
                earlier = by_external.get(external_id)
                if earlier is not None:
                    self._add_to(earlier, links, cited, uids)
                    report.merged += 1
                    continue
                by_external[external_id] = event_id
            lo, hi = row[4], row[5]
            events.append((event_id, *row))
            spans.append((event_id, lo // DAY, hi // DAY))
            actor_rows.extend([(event_id, actor, role, i, lo, hi) for i, (actor, role) in enumerate(links)])
            cited = list(dict.fromkeys(cited))
            citation_rows.extend([(uids[i], event_id, source, i) for i, source in enumerate(cited)])
            if tags:
                tag_rows.extend([(event_id, t) for t in tags])
            if external_id:
                self.links[event_id] = [links, cited, 1, lo, hi]
            event_id += 1

    def _add_to(self, event_id: int, links: list, cited: list, uids: Sequence[str]) -> None:
        """Actors and sources of another row about an event of this batch.  A second
        "initiator" becomes a target: one-actor-per-row files list each side on its own row."""
        have_links, have_cited, _, lo, hi = entry = self.links[event_id]
        have = {actor for actor, _ in have_links}
        has_initiator = any(role == _INITIATOR for _, role in have_links)
        _, actor_rows, citation_rows, _, _ = self.rows
        for actor, role in links:
            if actor in have:
                continue
            if role == _INITIATOR and has_initiator:
                role = _TARGET
            actor_rows.append((event_id, actor, role, len(have_links), lo, hi))
            have_links.append((actor, role))
            have.add(actor)
        for uid, source in zip(uids, cited):
            if source not in have_cited:
                citation_rows.append((uid, event_id, source, len(have_cited)))
                have_cited.append(source)
        entry[2] += 1

    def flush(self) -> None:
        events, actor_rows, citation_rows, tag_rows, spans = self.rows
        if not events:
            return
        report = self.report
        stored = existing_external_ids(self.ws, self.by_external) if self.by_external else {}
        if stored:  # some of the batch's events are already in the workspace: write only the others
            known = set()
            for external_id, found in stored.items():
                event_id = self.by_external[external_id]
                known.add(event_id)
                links, cited, rows, _, _ = self.links[event_id]
                if found >= self.first_new_id:  # an event of an earlier batch of this import
                    uids = [c[0] for c in citation_rows if c[1] == event_id]
                    add_links(self.ws, found, links, list(zip(uids, cited)))
                    report.merged += 1
                else:  # already in the workspace: its rows change nothing
                    report.unchanged += 1
                    report.merged -= rows - 1
            events[:] = [r for r in events if r[0] not in known]
            for rows_of, key in ((actor_rows, 0), (citation_rows, 1), (tag_rows, 0), (spans, 0)):
                rows_of[:] = [r for r in rows_of if r[key] not in known]
            # the ids left are not in a row any more: give them again, in order
            renumber = {old[0]: self.next_id + i for i, old in enumerate(events)}
            if any(old != new for old, new in renumber.items()):
                events[:] = [(renumber[r[0]], *r[1:]) for r in events]
                for rows_of, key in ((actor_rows, 0), (citation_rows, 1), (tag_rows, 0), (spans, 0)):
                    rows_of[:] = [(*r[:key], renumber[r[key]], *r[key + 1:]) for r in rows_of]
        if events:
            insert_rows(self.ws, events, actor_rows, citation_rows, tag_rows, spans, self.revision())
            report.added["events"] += len(events)
            self.next_id = events[-1][0] + 1
            added = report.added["events"]
            if added >= DEFER_INDEXES_FROM and added >= self.first_new_id - 1:
                self.defer_indexes()
        for rows_of in self.rows:
            rows_of.clear()
        self.by_external.clear()
        self.links.clear()


_INITIATOR, _TARGET = Role.INITIATOR.value, Role.TARGET.value


def reader_error(path: os.PathLike[str] | str, message: str) -> ExchangeError:
    return ExchangeError(f"{path}: {message}")
