"""Live changes on a desk: every committed write tells the other open windows what changed.

The transaction that writes sends, as it commits, one PostgreSQL notification on the
channel `briefer_changes` carrying its change set: the revision, who made it, and the
uids of the records added or changed and of those deleted, by kind.  PostgreSQL delivers
it only if the transaction commits, and to every session listening.  A change set too
big for one notification (a bulk import) says so (`reload`): the window reloads.

`DeskWatcher` (from `Workspace.watch()`) listens on a connection of its own, so waiting
never blocks the workspace's own queries.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Callable, Optional

import psycopg

from ..errors import WorkspaceError

CHANNEL = "briefer_changes"
_MAX_PAYLOAD = 7000  # PostgreSQL takes up to 8000 bytes


@dataclass(frozen=True)
class DeskChange:
    """One committed transaction of another session: what it changed, by whom."""

    rev: Optional[int]
    analyst: str
    changed: dict[str, list[str]] = field(default_factory=dict)
    deleted: dict[str, list[str]] = field(default_factory=dict)
    reload: bool = False  # too many records to list: re-read everything

    @classmethod
    def from_payload(cls, text: str) -> "DeskChange":
        data = json.loads(text)
        return cls(data.get("rev"), data.get("by", ""), data.get("changed", {}), data.get("deleted", {}),
                   bool(data.get("reload")))


def change_payload(rev: Optional[int], analyst: str, changed: dict[str, list[str]],
                   deleted: dict[str, list[str]]) -> str:
    """The notification's text: the change set, or a reload flag when it would not fit."""
    text = json.dumps({"rev": rev, "by": analyst, "changed": changed, "deleted": deleted}, ensure_ascii=False)
    if len(text.encode("utf-8")) > _MAX_PAYLOAD:
        counts = {kind: len(uids) for kind, uids in changed.items()}
        text = json.dumps({"rev": rev, "by": analyst, "reload": True, "counts": counts}, ensure_ascii=False)
    return text


class DeskWatcher:
    """Waits for other sessions' committed changes to a desk."""

    def __init__(self, connect: Callable[[str], psycopg.Connection], own_pid: int, shown: str) -> None:
        """`connect(application_name)`: a new connection to the desk, as the session's own."""
        self.own_pid, self.shown = own_pid, shown
        try:
            self.conn = connect("briefer-watch")
            self.conn.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as error:
            raise WorkspaceError(f"{shown}: cannot follow the desk's changes ({str(error).strip()})") from None

    def wait(self, timeout: float) -> list[DeskChange]:
        """The changes committed by other sessions, waiting up to `timeout` seconds for the
        first one (then taking whatever else has already arrived)."""
        found: list[DeskChange] = []
        try:
            for note in self.conn.notifies(timeout=timeout, stop_after=1):
                self._keep(note, found)
            for note in self.conn.notifies(timeout=0.05):
                self._keep(note, found)
        except psycopg.OperationalError as error:
            raise WorkspaceError(f"{self.shown}: the connection to the desk was lost ({str(error).strip()})") from None
        return found

    def _keep(self, note: psycopg.Notify, found: list[DeskChange]) -> None:
        if note.pid != self.own_pid:
            found.append(DeskChange.from_payload(note.payload))

    def fileno(self) -> int:
        """The socket notifications arrive on (readable: call `wait(0)`), for an event loop to watch."""
        return self.conn.fileno()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "DeskWatcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
