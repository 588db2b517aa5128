"""The event table: every matching event, sortable, without loading a million rows.

Up to 50,000 matches the model keeps their row ids in the chosen order (one integer
each); beyond that, in date order, it keeps only the count and asks the store for the
window the view shows (the store walks its date index, so a window costs the same near
the top or deep down).  Either way whole events are read a page at a time as the view
scrolls, a few pages cached.  Dates sort by their fuzzy bounds, never by text.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Optional

from PySide6.QtCore import QAbstractTableModel, QItemSelection, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ..core.filter import EventFilter
from ..core.model import Event
from ..edit import ChangeSet
from .desk_link import read_or
from .preferences import when_text
from .session import Session

PAGE = 64  # rows read at once: about what a tall table shows (a filter's first paint reads one page)
MAX_PAGES = 120
SEEN_PAGES = 8  # pages kept across filter changes (until the next edit)
LOAD_ALL_UP_TO = 50_000  # up to this many matches, a row lookup reads the whole date order at once
MAP_SELECTION_UP_TO = 200  # selected events looked up one by one in a windowed table

COLUMNS: list[tuple[str, Optional[str]]] = [
    # header, store sort order (None: not sortable)
    ("When", "date"),
    ("Title", "title"),
    ("Place", "place"),
    ("Type", "type"),
    ("Actors", None),
    ("Sources", None),
    ("Confidence", "confidence"),
]
WHEN, TITLE, PLACE, TYPE, ACTORS, SOURCES, CONFIDENCE = range(len(COLUMNS))

EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class EventTableModel(QAbstractTableModel):
    """Rows are the session's filtered events; reading a row loads its page."""

    loaded = Signal()

    def __init__(self, session: Session, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ids: list[int] = []
        self.windowed = False
        self.total = 0
        self._window_ids: dict[int, list[int]] = {}
        self.row_of: dict[int, int] = {}
        self._all_rows_read = False  # (a windowed table: every row's id is in row_of)
        self.order = "date"
        self.descending = False
        self._pages: OrderedDict[int, list[Event]] = OrderedDict()
        # pages read under earlier filters, by their rows' ids: clearing a filter shows again the
        # rows it showed before, without reading them again.  Any change forgets them all.
        self._seen: OrderedDict[tuple[int, ...], list[Event]] = OrderedDict()
        session.workspaceChanged.connect(self._forget_seen)
        session.workspaceChanged.connect(self.reload)
        session.filterChanged.connect(self.reload)
        session.changed.connect(self.apply_changes)

    def _forget_seen(self, *_: object) -> None:
        self._seen.clear()

    # -- loading ------------------------------------------------------------------
    def reload(self, *_: object) -> None:
        ws = self.session.ws
        self.beginResetModel()
        self._pages.clear()
        self._window_ids.clear()
        self.row_of = {}
        self._all_rows_read = False
        self.ids = []
        self.windowed = False
        self.total = 0
        if ws is not None:
            f = self.session.filter
            date_order = self.order == "date" and not self.descending
            self.total = self.session.count(f) if date_order else 0
            if date_order:
                # rows are read a page at a time as they are shown: a filter change asks only the
                # count and the first page (a small result's whole order is read when a row is
                # looked up, `row_for_id`)
                self.windowed = True
            else:
                self.ids = ws.event_ids(f, self.order, self.descending)
                self.total = len(self.ids)
        self.endResetModel()
        self.loaded.emit()

    def apply_changes(self, changes: ChangeSet) -> None:
        """After an edit: rows whose events changed in place are read again and repainted;
        the table is read again only when events came, went, moved in date order or in
        or out of the filter."""
        self._seen.clear()
        ws = self.session.ws
        events = changes.events
        if ws is None or changes.everything or events.added or events.removed or events.moved:
            self.reload()
            return
        if events.changed:
            if self.order != "date":  # the edit may have changed the sort key
                self.reload()
                return
            ids = ws.event_ids(EventFilter(uids=tuple(sorted(events.changed))))
            f = self.session.filter
            # rows read so far (a row never read has nothing on screen to repaint)
            rows = [self.row_of.get(i, -1) if self.windowed else self.row_for_id(i) for i in ids]
            if not f.is_empty:
                now = set(ws.matching_among(f, ids))
                # a large result asks the store where a row never read stands (-1: not in the filter)
                before = {i for i, r in zip(ids, rows)
                          if (r if r >= 0 or not self.windowed else self.row_for_id(i)) >= 0}
                if now != before:
                    self.reload()  # came into the filter, or left it
                    return
            for page in {r // PAGE for r in rows if r >= 0}:
                self._pages.pop(page, None)
            for row in rows:
                if row >= 0:
                    self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        actors = changes.touches("actors") and not self.session.actor_names_kept  # (a description: no name moved)
        if actors or changes.touches("sources"):  # names in the Actors and Sources columns
            column = ACTORS if actors else SOURCES
            if self.total:
                self.dataChanged.emit(self.index(0, column), self.index(self.total - 1, SOURCES))

    def id_at(self, row: int) -> int:
        if not self.windowed:
            return self.ids[row]
        return self._ids_of_page(row // PAGE)[row % PAGE]

    def _ids_of_page(self, page: int) -> list[int]:
        ids = self._window_ids.get(page)
        if ids is None:
            ids = self.session.ws.page_ids(self.session.filter, PAGE, page * PAGE)
            if len(self._window_ids) > MAX_PAGES:
                self._window_ids.clear()
            self._window_ids[page] = ids
            for k, event_id in enumerate(ids):
                self.row_of[event_id] = page * PAGE + k
        return ids

    def row_for_id(self, event_id: int) -> int:
        """The table row showing this event, or -1 (the index is built on first need)."""
        if self.windowed:
            row = self.row_of.get(event_id)
            if row is None and self.total <= LOAD_ALL_UP_TO and not self._all_rows_read:
                # a small result: its whole order at once, rather than a question per row
                every = self.session.ws.event_ids(self.session.filter)
                self.row_of = {i: r for r, i in enumerate(every)}
                self._all_rows_read = True
            if row is None and self._all_rows_read:
                row = self.row_of.get(event_id, -1)
            if row is None:
                row = self.session.ws.position_of(self.session.filter, event_id)
                self.row_of[event_id] = row
            return row
        if not self.row_of and self.ids:
            self.row_of = {event_id: row for row, event_id in enumerate(self.ids)}
        return self.row_of.get(event_id, -1)

    def shown_events(self) -> dict[str, Event]:
        """{uid: event} of the events the table holds as it last read them (no read now)."""
        return {e.uid: e for events in self._pages.values() for e in events}

    def event_at(self, row: int) -> Optional[Event]:
        if not 0 <= row < self.total:
            return None
        page = row // PAGE
        events = self._pages.get(page)
        if events is None:
            events = self._read_page(page)
            if events is None:  # a desk cut off: the rows not read yet stay blank until it reconnects
                return None
            self._pages[page] = events
            if len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        offset = row - page * PAGE
        return events[offset] if offset < len(events) else None

    def _read_page(self, page: int) -> Optional[list[Event]]:
        """The events of one page of rows: their ids, then the events (kept by those ids, so a
        page whose rows come back unchanged is not read again); None when the desk is cut off."""
        ws = self.session.ws
        ids = read_or(ws, lambda: self._ids_of_page(page) if self.windowed
                      else self.ids[page * PAGE:(page + 1) * PAGE], None)
        if ids is None:
            return None
        key = tuple(ids)
        events = self._seen.get(key)
        if events is None:
            events = read_or(ws, lambda: ws.events_by_ids(ids), None)
            if events is None:
                return None
            self._seen[key] = events
            if len(self._seen) > SEEN_PAGES:
                self._seen.popitem(last=False)
        return events

    # -- Qt's model interface ---------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.total

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == EVENT_ID_ROLE:
            return self.id_at(index.row())
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        event = self.event_at(index.row())
        if event is None:
            return None
        column = index.column()
        if column == WHEN:
            return when_text(event.when) if role == Qt.ItemDataRole.DisplayRole else event.when.edtf
        if column == TITLE:
            return event.title if role == Qt.ItemDataRole.DisplayRole else (event.summary or event.title)
        if column == PLACE:
            return event.where
        if column == TYPE:
            return event.sub_event_type or event.event_type
        if column == ACTORS:
            actors = self.session.actors
            return ", ".join(actors[u].name for u in event.actor_uids if u in actors)
        if column == SOURCES:
            sources = self.session.sources
            return ", ".join(f"{sources[u].name} ({sources[u].reliability})" for u in event.source_uids if u in sources)
        if column == CONFIDENCE:
            return event.confidence.label
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][1]
        if key is None:
            return
        self.order = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()


class EventTable(QTableView):
    """The table view; shares its selection with the session (and so the timeline)."""

    eventActivated = Signal(int)

    def __init__(self, session: Session, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model_ = EventTableModel(session, self)
        self.setModel(self.model_)
        session.preferencesChanged.connect(lambda: self.model_.layoutChanged.emit())  # dates as now asked
        self.setObjectName("eventTable")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSortingEnabled(True)
        self.sortByColumn(WHEN, Qt.SortOrder.AscendingOrder)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        when = self.fontMetrics().horizontalAdvance("on or before 30 Sep 2019") + 24  # (the longest usual date)
        for column, width in ((WHEN, max(130, when)), (TITLE, 320), (PLACE, 140), (TYPE, 160), (ACTORS, 240),
                              (SOURCES, 220), (CONFIDENCE, 105)):
            self.setColumnWidth(column, width)
        self._fitting = False
        header.sectionResized.connect(lambda column, *_: column != TITLE and self._fit_title())
        self._syncing = False
        self.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model_.loaded.connect(self._restore_selection)
        self.doubleClicked.connect(self._activated)
        session.selectionChanged.connect(self._follow_selection)

    def selected_ids(self) -> list[int]:
        return [self.model_.id_at(i.row()) for i in self.selectionModel().selectedRows()]

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_title()

    def _fit_title(self) -> None:
        """The title takes the spare width, but never less than a readable minimum: in a
        narrow window the table scrolls sideways instead of cutting every title to "Isla…"."""
        if self._fitting:
            return
        self._fitting = True
        try:
            others = sum(self.columnWidth(c) for c in range(self.model_.columnCount()) if c != TITLE)
            floor = self.fontMetrics().horizontalAdvance("M") * 22
            self.setColumnWidth(TITLE, max(floor, self.viewport().width() - others))
        finally:
            self._fitting = False

    def _selection_changed(self, *_: object) -> None:
        if not self._syncing:
            self.session.set_selection(self.selected_ids(), self)

    def _activated(self, index: QModelIndex) -> None:
        self.eventActivated.emit(self.model_.id_at(index.row()))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._activated(self.currentIndex())
            return
        super().keyPressEvent(event)

    def show_ids(self, ids: list[int]) -> None:
        """Select these events' rows and scroll the first to the middle."""
        self._follow_selection(ids, None)

    def _restore_selection(self) -> None:
        self._follow_selection(self.session.selection, None, scroll=False)

    def _follow_selection(self, ids: list[int], origin: object, scroll: bool = True) -> None:
        if origin is self:
            return
        self._syncing = True
        try:
            selection = QItemSelection()
            last = self.model_.columnCount() - 1
            if self.model_.windowed and self.model_.total > LOAD_ALL_UP_TO:
                ids = ids[:MAP_SELECTION_UP_TO]
            rows = sorted(r for r in (self.model_.row_for_id(i) for i in ids) if r >= 0)
            for first, final in _runs(rows):
                selection.select(self.model_.index(first, 0), self.model_.index(final, last))
            self.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            if rows:
                self.selectionModel().setCurrentIndex(self.model_.index(rows[0], 0),
                                                      QItemSelectionModel.SelectionFlag.NoUpdate)
                if scroll:
                    self.scrollTo(self.model_.index(rows[0], 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        finally:
            self._syncing = False


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted rows as (first, last) runs of consecutive rows: one selection range each."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and row == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row)
        elif not runs or row != runs[-1][1]:
            runs.append((row, row))
    return runs
