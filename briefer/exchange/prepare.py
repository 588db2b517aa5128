"""The reading half of an import: dataset rows turned into the rows Briefer writes.

`prepared(readers, ...)` reads each file, checks each row by building its `Event` (so a
bad date, a latitude of 300 or an empty title is a skipped row with its line), and
yields batches of compact tuples: the event's columns as the store writes them, and
its actors and sources still by name.  It yields messages:

    ("file", index, format, encoding)   a file starts
    ("rows", items, fraction, warnings, warning count)
                                        a batch: prepared tuples, and (line, reason,
                                        where) for each row that could not be read
    ("end", index, encoding)            the file is done

For a big import it runs in a child process (`in_child`), so that reading and checking
the next rows overlaps with SQLite writing the last ones on the machine's other core:
the writer only resolves names (once per distinct string) and runs executemany.  The
child is told what to open (format, path, mapping, encoding), never handed open files;
it ends with the import, and a cancel or an error in the parent ends it at once.
"""

from __future__ import annotations

import logging
import marshal
import multiprocessing
import os
import queue as queue_module
import signal
import sys
import tempfile
import threading
import traceback
from datetime import datetime
from typing import Any, Callable, Iterator, Sequence

from ..core.errors import BrieferError
from ..core.model import Confidence, check_event
from ..store.events import when_columns
from .report import ImportReport, Problem

__all__ = ["prepared", "in_child", "unpacked", "PARALLEL_FROM_BYTES", "ReaderDidNotStart"]

_logger = logging.getLogger(__name__)

PARALLEL_FROM_BYTES = 4_000_000  # about 10,000 ACLED rows: below, starting a process costs more than it saves
_QUEUED_BATCHES = 4  # how far the reader may run ahead of the writer (memory stays flat)

class _Rows:
    """An event's columns as `EventStore._event_row` writes them for `Event(**fields)`
    (the same tuple, checked by the same `check_event`), made without building the
    `Event`: at a million rows that costs more than the rest of the row's checking.  The
    date's columns are worked out once per date object (readers reuse them)."""

    def __init__(self, stamp: datetime) -> None:
        self.stamp = stamp.isoformat(timespec="seconds")
        self.whens: dict[int, tuple] = {}

    def __call__(self, f: dict, external_id: str, uid: str) -> tuple:
        title, when = f.get("title", ""), f.get("when")
        latitude, longitude, fatalities = f.get("latitude"), f.get("longitude"), f.get("fatalities")
        check_event(title, when, latitude, longitude, fatalities)
        known = self.whens.get(id(when))
        if known is None or known[0] is not when:
            if len(self.whens) > 100_000:
                self.whens.clear()
            known = self.whens[id(when)] = (when, when_columns(when))  # holding it keeps its id its own
        confidence = f.get("confidence", Confidence.MODERATE)
        return (uid, title.strip(), f.get("summary", ""), *known[1], f.get("place", ""), latitude, longitude,
                f.get("country", ""), f.get("event_type", ""), f.get("sub_event_type", ""), fatalities,
                confidence._value_, f.get("notes", ""), external_id, self.stamp, self.stamp)


def prepared(readers: Sequence[Any], stamp: datetime, batch_size: int, uid: Callable[[], str],
             pack: Callable[[list], Any] = lambda items: items) -> Iterator[tuple]:
    """The messages above; `pack` turns each batch into what is sent (bytes, for a child)."""
    event_row = _Rows(stamp)
    for index, reader in enumerate(readers):
        report = ImportReport()  # collects the warnings the reader makes
        yield ("file", index, reader.format, reader.encoding)
        items: list = []
        sent = 0
        for item in reader.rows(report):
            if isinstance(item, Problem):
                items.append((item.line, item.reason, item.where))
            else:
                try:
                    row = event_row(item.fields, item.external_id, uid())
                except BrieferError as error:
                    items.append((item.line, str(error), item.where))
                    continue
                except (ValueError, TypeError, OverflowError) as error:
                    items.append((item.line, f"cannot be read ({error})", item.where))
                    continue
                actors = tuple((name, role._value_, kind._value_) for name, role, kind in item.actors)
                tags = tuple(t.strip() for t in item.fields.get("tags", ()) if t.strip())
                # a citation id for each source and the dataset's own (some go unused when
                # a source is named twice): made here, in the reader's process
                uids = tuple(uid() for _ in range(len(item.sources) + 1))
                items.append((item.line, item.where, row, item.external_id, actors, tuple(item.sources), tags, uids))
            if len(items) >= batch_size:
                yield ("rows", pack(items), reader.fraction(), report.warnings[sent:], report.warning_count)
                sent = len(report.warnings)
                items = []
        yield ("rows", pack(items), 1.0, report.warnings[sent:], report.warning_count)
        yield ("end", index, reader.encoding)


def unpacked(data: Any) -> list:
    """A batch as the writer reads it: prepared rows (8 values) and problems (3: line,
    reason, where); from a child, `marshal` bytes (tuples of strings and numbers load
    faster than from pickle)."""
    return marshal.loads(data) if isinstance(data, bytes) else data


def _child(specs: list, stamp: datetime, batch_size: int, out: Any) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        from .formats import open_reader
        from .importing import fast_uid

        readers = [open_reader(fmt, path, mapping=mapping, encoding=encoding) for fmt, path, mapping, encoding in specs]
        for message in prepared(readers, stamp, batch_size, fast_uid, marshal.dumps):
            out.put(message)
        out.put(None)
    except BrieferError as error:
        out.put(("error", str(error)))
    except OSError as error:
        out.put(("error", f"{error.filename or 'a file'}: {error.strerror or error}"))
    except BaseException:  # a bug: the parent rolls back and says so
        out.put(("crash", traceback.format_exc(limit=4)))


class ReaderDidNotStart(Exception):
    """The reader process ended before it said anything: the import reads in place instead."""


def can_use_child(readers: Sequence[Any]) -> bool:
    """Only readers that can be opened again by name, and not in a frozen app (whose
    executable cannot start a plain Python child)."""
    return not getattr(sys, "frozen", False) and all(getattr(r, "spec", None) for r in readers)


def _one_os_thread() -> bool:
    """True when this process runs a single thread, counting threads Python did not start."""
    if os.name != "posix" or threading.active_count() != 1:
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:  # no /proc (not Linux): trust only Python's own count
        return threading.current_thread() is threading.main_thread()


def in_child(readers: Sequence[Any], stamp: datetime, batch_size: int,
             cancelled: Callable[[], bool]) -> Iterator[tuple]:
    """`prepared(...)` run in a child process, its messages passed back as they come."""
    # fork is quick and safe only while this process has one thread of any kind; the app's
    # import runs in a worker thread beside Qt's own threads (which Python's threading does
    # not count), where only a fresh interpreter is safe
    method = "fork" if _one_os_thread() and sys.platform != "darwin" else "spawn"
    context = multiprocessing.get_context(method)
    out = context.Queue(maxsize=_QUEUED_BATCHES)
    specs = [r.spec for r in readers]
    child = context.Process(target=_child, args=(specs, stamp, batch_size, out), daemon=True,
                            name="briefer-import-reader")
    child_stderr = _start_quietly(child)
    started = False
    try:
        while True:
            try:
                message = out.get(timeout=0.2)
            except queue_module.Empty:
                if cancelled():
                    return
                if not child.is_alive():
                    try:
                        message = out.get(timeout=1.0)
                    except queue_module.Empty:
                        if not started:  # it could not start (an odd interpreter): read in this process
                            _log_child_stderr(child_stderr)
                            raise ReaderDidNotStart() from None
                        raise BrieferError("the import's file reader stopped unexpectedly; nothing was imported") \
                            from None
                else:
                    continue
            started = True
            if message is None:
                return
            if message[0] == "error":
                raise BrieferError(message[1])
            if message[0] == "crash":
                raise RuntimeError(f"the import's file reader failed:\n{message[1]}")
            yield message
    finally:
        if child.is_alive():
            child.terminate()
        child.join()
        out.close()
        out.cancel_join_thread()
        child_stderr.close()


def _start_quietly(child: Any) -> Any:
    """Start `child` with its standard error going to a temporary file, not the user's
    terminal: an interpreter that cannot start the reader prints its traceback before any
    of Briefer's code runs (the import then reads in place, and says nothing of it)."""
    log = tempfile.TemporaryFile()
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        os.dup2(log.fileno(), 2)  # the child inherits this; the parent gets its own back at once
        child.start()
    finally:
        os.dup2(saved, 2)
        os.close(saved)
    return log


def _log_child_stderr(log: Any) -> None:
    try:
        log.seek(0)
        text = log.read(64_000).decode("utf-8", "replace").strip()
    except OSError:
        return
    if text:
        _logger.debug("the import's reader process did not start:\n%s", text)
