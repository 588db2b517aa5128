"""The window's line to a desk: other analysts' changes as they commit, and the connection.

On a desk (a PostgreSQL workspace) the window follows `Workspace.watch()`: a
`QSocketNotifier` on the watcher's socket wakes the event loop the moment PostgreSQL
delivers a notification, with no thread and no polling.  Each notification is the change
set of another analyst's committed transaction; it is turned into the window's own
`ChangeSet` and handed to the session exactly as a local edit's is, so each view
refreshes only what it touches.  A bulk import's "reload" reads everything again.

The connection is checked every few seconds (and after any failed command).  When it
is lost, the window says so, stays open read-only on what it has, and reconnects by
itself (then at growing intervals) or when asked (File ▸ Reconnect).  The server rolls
back whatever was unfinished, so nothing is half-written; after reconnecting the window
reads everything again, since changes made meanwhile were not heard.  Each attempt to
connect runs on a thread of its own (`_Attempt`): a host that has stopped answering keeps
it waiting up to libpq's connect timeout, never the window.
"""

from __future__ import annotations

import socket
import threading
from datetime import datetime
from pathlib import Path
from typing import Callable, Optional, TypeVar

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from ..core.errors import BrieferError
from ..core.filter import EventFilter
from ..edit import ChangeSet
from ..edit.changes import Changes
from ..store import Workspace
from .session import Session

T = TypeVar("T")
HEALTH_MS = 3000  # how often an idle window checks that the desk still answers
RETRY_MS = (1000, 2000, 5000, 10000, 30000)  # waits between reconnection attempts, the last repeated
_KINDS = {"actor": "actors", "source": "sources", "document": "documents", "period": "periods"}


def is_desk(ws: Optional[Workspace]) -> bool:
    return ws is not None and getattr(ws, "backend", "sqlite") == "postgresql"


def local_folder(ws: Optional[Workspace]) -> Path:
    """Where files made from this workspace go unless the analyst says otherwise: beside a
    workspace file; for a desk (a server has no folder here) and no workspace, home."""
    if ws is None or is_desk(ws):
        return Path.home()
    return Path(ws.path).parent


def is_lost(ws: Optional[Workspace]) -> bool:
    """A desk whose connection is gone (the server dropped it, or it was closed)."""
    return is_desk(ws) and ws.connection_lost


def read_or(ws: Optional[Workspace], read: Callable[[], T], default: T) -> T:
    """`read()`, or `default` when the desk's connection is gone: a window cut off from its
    desk shows what it has (and reconnects) rather than failing at every repaint."""
    try:
        return read()
    except BrieferError:
        if not is_lost(ws):
            raise
        return default


def remote_change_set(session: Session, known, change) -> ChangeSet:
    """Another session's change (`DeskChange`) as the window's `ChangeSet`.

    A change set from the desk names the records written, not how: an event the window
    does not have yet was added; one it has whose dates differ from what it shows moved
    (the table and timeline re-sort); the rest changed in place (repainted where shown).
    `known` is the timeline's data: the dates of every event the window has."""
    if change.reload:
        return ChangeSet.all()
    ws = session.ws
    kinds: dict[str, Changes] = {}
    uids = list(change.changed.get("event", ()))
    if uids:
        ids = ws.event_ids(EventFilter(uids=tuple(uids)))
        events = ws.events_by_ids(ids)
        added, changed, moved = set(), set(), set()
        if len(events) != len(ids):  # one went again meanwhile: read the events afresh
            return ChangeSet.of("events", added=uids)
        positions, found = known._positions(ids) if len(known) else ((), [False] * len(ids))
        at = iter(list(positions))
        for event, present in zip(events, found):
            if not present:
                added.add(event.uid)
                continue
            k = next(at)
            if (known.start[k], known.end[k]) != (event.when.earliest_ts, event.when.latest_ts + 1.0):
                moved.add(event.uid)
            else:
                changed.add(event.uid)
        # an event written and deleted again before this arrived is not there to read: nothing to show
        kinds["events"] = Changes(frozenset(added), frozenset(changed | moved), frozenset(), frozenset(moved))
    for kind, name in _KINDS.items():
        written = frozenset(change.changed.get(kind, ()))
        if written:
            have = {"actors": session.actors, "sources": session.sources}.get(name)
            new = frozenset(u for u in written if have is not None and u not in have)
            kinds[name] = Changes(new, written - new)
    for kind, gone in change.deleted.items():
        name = "events" if kind == "event" else _KINDS.get(kind)
        if name:
            before = kinds.get(name, Changes())
            kinds[name] = before | Changes(removed=frozenset(gone))
    return ChangeSet(**kinds)


class _Attempt:
    """One attempt to open a desk again, on a thread of its own.  Its answer (`result`:
    the workspace or None, and what went wrong) is announced by a byte on a socket pair
    whose other end a `QSocketNotifier` of the window's thread watches: no Qt object is
    touched off that thread, and no one polls.  If the window has stopped listening by
    then (its end is closed), the late connection is closed here."""

    def __init__(self, address: str) -> None:
        self.address = address
        self._result: Optional[tuple[Optional[Workspace], str]] = None
        self._lock = threading.Lock()  # the answer is taken once, by whichever side comes first
        self.ear, self._mouth = socket.socketpair()

    def start(self) -> None:
        threading.Thread(target=self._run, name="briefer-desk-reconnect", daemon=True).start()

    def _run(self) -> None:
        ws, reason = None, ""
        try:
            # the address holds no password (never kept): libpq's .pgpass or service file supplies it
            ws = Workspace.open(self.address)
        except BrieferError as error:
            reason = str(error)
        except Exception as error:  # noqa: BLE001 - said in the status bar, never a traceback
            reason = f"{type(error).__name__}: {error}"
        self._result = (ws, reason)
        try:
            self._mouth.send(b"!")
        except OSError:  # nobody listens any more
            self.discard()
        finally:
            self._mouth.close()

    def take(self) -> Optional[tuple[Optional[Workspace], str]]:
        """The answer, once (None: not there yet, or taken)."""
        with self._lock:
            result, self._result = self._result, None
            return result

    def discard(self) -> None:
        """Nobody will use the answer: close the connection it made, if any."""
        result = self.take()
        if result is not None and result[0] is not None:
            result[0].close()


class DeskLink(QObject):
    """Follows the session's desk; `connectionChanged(online)` when the line drops or comes back."""

    connectionChanged = Signal(bool)
    message = Signal(str)  # what the status bar says about the connection

    def __init__(self, session: Session, known, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.session = session
        self.known = known  # a callable: the timeline's data (what the window has)
        self.watcher = None
        self.notifier: Optional[QSocketNotifier] = None
        self.online = True
        self.lost_at: Optional[datetime] = None
        self.reason = ""
        self.attempts = 0
        self.health = QTimer(self, interval=HEALTH_MS)
        self.health.timeout.connect(self.check)
        self.retry = QTimer(self, singleShot=True)
        self.retry.timeout.connect(self.reconnect)
        self.attempt: Optional[_Attempt] = None  # a connection being made, on its own thread
        self._answer: Optional[QSocketNotifier] = None  # its answer's arrival
        session.workspaceChanged.connect(self._follow)

    # -- following a desk -----------------------------------------------------------------
    def _follow(self) -> None:
        """A workspace was opened (or closed): follow it if it is a desk."""
        self._stop()
        self.retry.stop()
        was_offline, self.online, self.attempts = not self.online, True, 0
        if was_offline:
            self.connectionChanged.emit(True)
        if is_desk(self.session.ws):
            self._listen()

    def _listen(self) -> None:
        try:
            self.watcher = self.session.ws.watch()
        except BrieferError as error:
            self.lost(str(error))
            return
        self.notifier = QSocketNotifier(self.watcher.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._heard)
        self.health.start()

    def _stop(self) -> None:
        self.health.stop()
        if self.notifier is not None:
            self.notifier.setEnabled(False)
            self.notifier.deleteLater()
            self.notifier = None
        if self.watcher is not None:
            try:
                self.watcher.close()
            except Exception:  # noqa: BLE001 - a dead connection closes as well as it can
                pass
            self.watcher = None

    def _heard(self) -> None:
        """The watcher's socket has something: other analysts' committed changes (or its end)."""
        if self.watcher is None:
            return
        try:
            heard = self.watcher.wait(0)
        except BrieferError as error:
            self.lost(str(error))
            return
        changes = ChangeSet()
        for change in heard:
            changes = changes | remote_change_set(self.session, self.known(), change)
            if changes.everything:
                break
        if changes:
            self.session.notify_remote(changes)

    # -- the connection -------------------------------------------------------------------
    def check(self) -> bool:
        """Does the desk still answer?  If not, the window goes read-only and reconnects."""
        if not self.online or not is_desk(self.session.ws):
            return self.online
        try:
            self.session.ws.max_revision()
        except BrieferError as error:
            self.lost(str(error))
        return self.online

    def lost(self, reason: str) -> None:
        if not self.online:
            return
        self._stop()
        self.online = False
        self.lost_at = datetime.now()
        self.reason = reason
        self.attempts = 0
        self.connectionChanged.emit(False)
        self.message.emit(f"The connection to the desk was lost at {self.lost_at:%H:%M}; reconnecting…")
        self.retry.start(RETRY_MS[0])

    def reconnect(self) -> bool:
        """Start trying to open the desk again (on a thread: the window goes on answering);
        on success the window reads everything afresh (what others did meanwhile was not
        heard) and editing comes back.  True when already online."""
        old = self.session.ws
        if self.online or not is_desk(old):
            return True
        self.retry.stop()
        if self.attempt is not None:
            return False  # one attempt at a time: its answer is on its way
        self.attempt = _Attempt(str(old.path))
        self._answer = QSocketNotifier(self.attempt.ear.fileno(), QSocketNotifier.Type.Read, self)
        self._answer.activated.connect(self._attempted)
        self.message.emit("Reconnecting to the desk…")
        self.attempt.start()
        return False

    def _forget_attempt(self) -> Optional[_Attempt]:
        attempt, self.attempt = self.attempt, None
        if self._answer is not None:
            self._answer.setEnabled(False)
            self._answer.deleteLater()
            self._answer = None
        if attempt is not None:
            attempt.ear.close()
        return attempt

    def _attempted(self) -> None:
        """An attempt's answer has arrived (on the window's thread)."""
        attempt = self._forget_attempt()
        answer = attempt.take() if attempt is not None else None
        if answer is None:
            return
        fresh, reason = answer
        old = self.session.ws
        if self.online or not is_desk(old) or str(old.path) != attempt.address:  # the window moved on
            if fresh is not None:
                fresh.close()
            return
        if fresh is None:
            wait = RETRY_MS[min(self.attempts, len(RETRY_MS) - 1)]
            self.attempts += 1
            self.reason = reason
            self.message.emit(f"Still no connection to the desk ({reason}); trying again in {wait // 1000} s, "
                              "or File ▸ Reconnect")
            self.retry.start(wait)
            return
        fresh.analyst = old.analyst
        self.session.swap(fresh)
        self.online = True
        self.attempts = 0
        self._listen()
        self.connectionChanged.emit(True)
        self.message.emit(f"Reconnected to the desk at {datetime.now():%H:%M}; everything was read again")

    def close(self) -> None:
        self.retry.stop()
        self._stop()
        attempt = self._forget_attempt()
        if attempt is not None:  # one still under way closes what it opens itself
            attempt.discard()
