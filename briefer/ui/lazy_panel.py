"""A dock panel that recounts only while it is on screen.

Counting every actor's events or every source's citations takes a moment in a
workspace of a million events, and a panel behind another dock tab needs none of it:
it reloads when it comes on screen instead.
"""

from __future__ import annotations

from typing import Callable, Mapping

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ..core.filter import EventFilter
from .session import Session

HIGHLIGHT_UP_TO = 10_000  # events selected when a panel's records are highlighted (the first, in date order)


class LazyPanel(QWidget):
    """Subclasses set `self.session`, implement `reload()`, and call `watch()` once built."""

    session: Session

    def reload(self) -> None:  # pragma: no cover - every panel has its own
        raise NotImplementedError

    def watch(self) -> None:
        self._stale = False
        self.session.workspaceChanged.connect(self._data_changed)
        self.session.changed.connect(self._changes)
        self.reload()

    # what a panel lists: an edit touching none of these leaves its rows as they are
    shows: tuple[str, ...] = ("events", "actors", "sources", "documents")
    counts_events = False  # True: it counts events, and an edit of events changes only those counts

    def _changes(self, changes) -> None:
        if any(changes.touches(kind) for kind in self.shows):
            self._data_changed()
        elif self.counts_events and changes.touches("events") and self.session.ws is not None \
                and not (changes.events.links_kept and not changes.everything):  # a title: counts hold
            if self._on_screen():
                self.refresh_counts()
            else:
                self._stale = True

    def refresh_counts(self) -> None:
        """Count the events again, in place (a panel that counts overrides this)."""
        self.reload()

    def _data_changed(self) -> None:
        if self.session.ws is None or self._on_screen():
            self.reload()
        else:
            self._stale = True

    def _on_screen(self) -> bool:
        # a dock tab behind another is moved off screen rather than hidden
        return self.isVisible() and not self.visibleRegion().isEmpty()

    def reload_if_stale(self) -> None:
        """Called when the panel may have come on screen (shown, or its dock tab raised)."""
        if self._stale and self._on_screen():
            self.reload()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        QTimer.singleShot(0, self, self.reload_if_stale)  # once the dock layout has placed the panel


class FilteringPanel(LazyPanel):
    """The Actors and Sources panels: with the Filter toggle on, the selected records
    filter the views; off, their events are selected (highlighted) everywhere.

    Subclasses set `filter_field` ("actors", "sources"), build `view` and
    `filter_toggle`, keep `_loading` true while they fill the view, implement
    `chosen_uids()` and `records()`, and call `watch_filtering()` once built."""

    filterRequested = Signal(list)  # names to filter the views by ([] lets go)
    filter_field = ""
    filter_extra: dict = {}  # more of the filter that goes with the field (actors: any of them)

    def chosen_uids(self) -> list[str]:  # pragma: no cover - every panel has its own
        raise NotImplementedError

    def records(self) -> Mapping:  # pragma: no cover - uid -> record with a .name
        raise NotImplementedError

    def add_context_menu(self, items: list[tuple[str, Callable[[], None]]]) -> None:
        """A right-click on the list offers these, and filtering the views to the records chosen."""
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for text, slot in [*items, ("Filter to These", self.filter_to_chosen)]:
            action = QAction(text, self.view)
            action.triggered.connect(lambda *_, s=slot: self._guarded(s))
            self.view.addAction(action)

    def filter_to_chosen(self) -> None:
        records = self.records()
        names = [records[u].name for u in self.chosen_uids() if u in records]
        if names:
            self.filterRequested.emit(names)

    def watch_filtering(self) -> None:
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.filter_toggle.toggled.connect(self._selection_changed)
        self.session.filterChanged.connect(self._filter_changed)

    def _filter_changed(self, f: EventFilter) -> None:
        """Clear (or a saved view) may drop what this panel filters by: it lets go of its
        selection too, rather than show one that no longer filters anything."""
        if self.filter_toggle.isChecked() and not getattr(f, self.filter_field) and self.chosen_uids():
            self._loading = True
            try:
                self.view.clearSelection()
            finally:
                self._loading = False

    def _selection_changed(self, *_: object) -> None:
        """Filter to the selected records' events, or (toggle off) select those events."""
        if self._loading or self.session.ws is None:
            return
        uids = self.chosen_uids()
        if self.filter_toggle.isChecked():
            records = self.records()
            self.filterRequested.emit([records[u].name for u in uids if u in records])
            return
        if self.sender() is self.filter_toggle:
            self.filterRequested.emit([])
        if uids:
            f = self.session.filter.with_(**{self.filter_field: tuple(uids)}, **self.filter_extra)
            self.session.set_selection(self.session.ws.page_ids(f, HIGHLIGHT_UP_TO, 0), self)
