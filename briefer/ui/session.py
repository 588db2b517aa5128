"""The open workspace as the window sees it: one object every view listens to.

Views never talk to each other directly.  They read the store through the session,
change it only through undo commands pushed on the session's stack, and follow its
signals: `changed` with the `ChangeSet` of any edit (or undo), so that each view
refreshes only what it touches (`dataChanged` follows it, for listeners that reload
whatever changed), `filterChanged` when the analyst narrows what is shown,
`selectionChanged` when the selected events change, `preferencesChanged` when the analyst's
preferences (how dates are written) change.  That keeps
table, timeline, panels and inspector in step without knowing about each other.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core.filter import EventFilter
from ..core.model import Actor, Source
from ..edit import ChangeSet
from ..store import Workspace


class Session(QObject):
    workspaceChanged = Signal()
    changed = Signal(object)  # ChangeSet
    dataChanged = Signal()
    swapped = Signal()  # the workspace object was replaced by one on a new connection
    filterChanged = Signal(object)  # EventFilter
    selectionChanged = Signal(object, object)  # list[int] row ids, the QObject that changed it
    preferencesChanged = Signal()  # Edit ▸ Preferences: each view writes its dates again
    refused = Signal(str)  # an undo or redo the store refused (nothing changed): what to tell the user

    def __init__(self, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.ws: Optional[Workspace] = None
        self.undo_stack = QUndoStack(self)
        self.filter = EventFilter()
        self.selection: list[int] = []
        self._actors: Optional[dict[str, Actor]] = None
        self.actor_names_kept = False
        self._sources: Optional[dict[str, Source]] = None
        self._counts: dict[EventFilter, int] = {}
        self.remote = False  # True while another analyst's change (on a desk) is being shown

    # -- the workspace ------------------------------------------------------------
    def open(self, ws: Optional[Workspace]) -> None:
        """Take over `ws` (closing the previous one); None leaves the window empty."""
        if self.ws is not None:
            self.ws.close()
        self.ws = ws
        self.undo_stack.clear()
        self.filter = EventFilter()
        self.selection = []
        self._forget_caches()
        self.workspaceChanged.emit()
        self.filterChanged.emit(self.filter)

    def close(self) -> None:
        self.open(None)

    def swap(self, ws: Workspace) -> None:
        """The same workspace on a new connection (a desk reconnected): what is shown, the
        filter and the selection stay; everything is read again.  The undo history starts
        afresh: others may have changed what it would restore."""
        old, self.ws = self.ws, ws
        if old is not None:
            old.close()
        self.undo_stack.clear()
        self.swapped.emit()
        self.notify_changed()

    # -- edits --------------------------------------------------------------------
    def push(self, command: QUndoCommand) -> None:
        """Run an edit so that it can be undone; the store has it on disk at once."""
        self.undo_stack.push(command)

    def notify_changed(self, changes: Optional[ChangeSet] = None) -> None:
        """Tell the views what an edit changed (None: anything may have, as after an import)."""
        changes = ChangeSet.all() if changes is None else changes
        if not changes:
            return
        self._forget_caches(changes)
        self.changed.emit(changes)
        self.dataChanged.emit()

    def notify_remote(self, changes: ChangeSet) -> None:
        """Another analyst's committed change (heard from the desk): views refresh as for
        a local edit, but nothing is selected or scrolled to for it."""
        self.remote = True
        try:
            self.notify_changed(changes)
        finally:
            self.remote = False

    # -- what is shown ------------------------------------------------------------
    def set_filter(self, f: EventFilter) -> None:
        if f != self.filter:
            self.filter = f
            self.filterChanged.emit(f)
            if self.selection and self.ws is not None:  # what the filter hides is no longer selected
                self.set_selection(self.ws.matching_among(f, self.selection))

    def set_selection(self, ids: list[int], origin: Optional[QObject] = None) -> None:
        ids = list(ids)
        if ids != self.selection:
            self.selection = ids
            self.selectionChanged.emit(ids, origin)

    # -- cached lookups the views use on every paint ---------------------------------
    def _forget_caches(self, changes: Optional[ChangeSet] = None) -> None:
        if changes is not None and not changes.everything and self._actors is not None and not self.remote \
                and changes.actors.only_changed and len(changes.actors.changed) <= 20:
            # this session's own edit of a description: not every actor read again (another
            # analyst's change is read in full, so that this session does not claim to have seen it)
            self._patch_actors(changes.actors.changed)
        elif changes is None or changes.touches("actors"):
            self._actors = None
        # whether the last edit left every actor's name as it was (what the table's Actors column shows)
        self.actor_names_kept = changes is not None and (not changes.touches("actors") or self._actors is not None)
        if changes is None or changes.touches("sources"):
            self._sources = None
        if changes is None or changes.everything or changes.events.added or changes.events.removed:
            self._counts = {}
        elif changes.events:  # changed in place: all events are still all events; filtered counts may move
            self._counts = {f: n for f, n in self._counts.items() if f.is_empty}

    def _patch_actors(self, uids) -> None:
        """Read again only these actors; a rename (the list is in name order) reads them all."""
        actors = self._actors
        for uid in uids:
            now = self.ws.get_actor(uid) if uid in actors else None
            if now is None or now.name != actors[uid].name:
                self._actors = None
                return
            actors[uid] = now

    def count(self, f: Optional[EventFilter] = None) -> int:
        """How many events match `f` (default: the current filter); remembered until the next edit,
        so the filter bar, its count and the table ask the store once per filter change."""
        f = self.filter if f is None else f
        if self.ws is None:
            return 0
        if f not in self._counts:
            if len(self._counts) > 64:
                self._counts = {}
            self._counts[f] = self.ws.event_count() if f.is_empty else self.ws.count_events(f)
        return self._counts[f]

    @property
    def actors(self) -> dict[str, Actor]:
        if self._actors is None:
            from .desk_link import read_or  # a desk cut off: names unknown until it reconnects

            found = read_or(self.ws, lambda: {a.uid: a for a in self.ws.actors()}, None) if self.ws else {}
            if found is None:
                return {}
            self._actors = found
        return self._actors

    @property
    def sources(self) -> dict[str, Source]:
        if self._sources is None:
            from .desk_link import read_or

            found = read_or(self.ws, lambda: {s.uid: s for s in self.ws.sources()}, None) if self.ws else {}
            if found is None:
                return {}
            self._sources = found
        return self._sources
