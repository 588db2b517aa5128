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
reads everything again, since changes made meanwhile were not heard.
"""

from __future__ import annotations

from datetime import datetime
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
        """Try to open the desk again; on success the window reads everything afresh
        (what others did meanwhile was not heard) and editing comes back."""
        old = self.session.ws
        if self.online or not is_desk(old):
            return True
        self.retry.stop()
        try:
            # the address holds no password (never kept): libpq's .pgpass or service file supplies it
            fresh = Workspace.open(str(old.path))
        except BrieferError as error:
            wait = RETRY_MS[min(self.attempts, len(RETRY_MS) - 1)]
            self.attempts += 1
            self.reason = str(error)
            self.message.emit(f"Still no connection to the desk ({error}); trying again in {wait // 1000} s, "
                              "or File ▸ Reconnect")
            self.retry.start(wait)
            return False
        fresh.analyst = old.analyst
        self.session.swap(fresh)
        self.online = True
        self.attempts = 0
        self._listen()
        self.connectionChanged.emit(True)
        self.message.emit(f"Reconnected to the desk at {datetime.now():%H:%M}; everything was read again")
        return True

    def close(self) -> None:
        self.retry.stop()
        self._stop()
