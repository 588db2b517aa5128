"""How the lanes are arranged: by what (actor, type…), in which order, empty ones shown or
not; the arrangement is remembered in the workspace, so a desk's timeline opens as it was left."""

from __future__ import annotations

from typing import Callable, Optional

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QApplication, QComboBox, QToolButton

from ...core.errors import BrieferError
from ...store import Workspace
from ...store import timeline as store_timeline
from ...store.external import write_through
from .data import TimelineData, release_freed_memory
from .frame import COLLAPSED_H, LANE_MODES

LANE_SORTS = {"name": "By name", "events": "By events in view", "recent": "By last activity"}
SETTING = "timeline.lanes"  # the workspace setting: {"mode": …, "sort": …, "hide_empty": …}
FIRST_LANES_ABOVE = 200_000  # events: above this, lanes by actor or source show their first lanes at
# once and the others are read on a thread of their own (the whole read is a second at 1M events)


class _LaneReader(QThread):
    """Reads every lane's pairs on its own connection to the workspace file, and makes the
    timeline's lanes of them (`TimelineData.prepare_lanes`), so the view's thread only
    swaps them in."""

    done = Signal(object)  # itself, once `lanes` is set (delivered on the view's thread)

    def __init__(self, location, mode: str, data: TimelineData, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.location, self.mode, self.data = location, mode, data
        self.lanes = None  # the prepared lanes once read (None: failed; the view reads them itself)

    def run(self) -> None:  # noqa: D401 - Qt's name
        try:
            with Workspace.open(self.location) as ws:
                pairs = store_timeline.lane_pairs(ws, self.mode)
            self.lanes = self.data.prepare_lanes(self.mode, pairs)
        except Exception:  # noqa: BLE001 - whatever went wrong here, the view reads the lanes itself
            self.lanes = None
        self.done.emit(self)


class LanesMixin:
    """The lane arrangement half of `TimelineView`."""

    def make_lane_controls(self) -> None:
        self._lane_reader: Optional[_LaneReader] = None  # the one whose lanes are awaited
        self._lane_readers: set[_LaneReader] = set()  # every one still running
        self.sort_box = QComboBox(objectName="timelineLaneSort")
        self.sort_box.setToolTip("Order of the lanes")
        for key, label in LANE_SORTS.items():
            self.sort_box.addItem(label, key)
        self.sort_box.currentIndexChanged.connect(lambda *_: self.set_lane_sort(self.sort_box.currentData()))
        self.hide_empty_button = QToolButton(objectName="timelineHideEmpty", text="Hide empty", checkable=True)
        self.hide_empty_button.setToolTip("Hide the lanes with no event in view")
        self.hide_empty_button.toggled.connect(self.set_hide_empty)
        self._sort_actions: list[QAction] = []
        group = QActionGroup(self)
        for key, label in LANE_SORTS.items():
            action = QAction(f"Sort Lanes {label}", self, checkable=True)
            action.setData(key)
            action.triggered.connect(lambda *_, k=key: self.set_lane_sort(k))
            group.addAction(action)
            self._sort_actions.append(action)
        self.act_hide_empty = QAction("Hide Lanes with Nothing in View", self, checkable=True)
        self.act_hide_empty.triggered.connect(lambda checked: self.set_hide_empty(checked))
        self.act_fold_all = QAction("Fold All Lanes", self)
        self.act_fold_all.triggered.connect(lambda *_: self.set_all_collapsed(True))
        self.act_unfold_all = QAction("Unfold All Lanes", self)
        self.act_unfold_all.triggered.connect(lambda *_: self.set_all_collapsed(False))
        self._show_arrangement()

    def arrangement_actions(self) -> list[QAction]:
        return [*self._sort_actions, self.act_hide_empty, self.act_fold_all, self.act_unfold_all]

    def _show_arrangement(self) -> None:
        """Controls and menu items say the arrangement in force (without acting on it)."""
        for widget, key in ((self.lanes_box, self.lane_mode), (self.sort_box, self.lane_sort)):
            index = widget.findData(key)
            if widget.currentIndex() != index:
                widget.blockSignals(True)
                widget.setCurrentIndex(index)
                widget.blockSignals(False)
        if self.hide_empty_button.isChecked() != self.hide_empty_lanes:
            self.hide_empty_button.blockSignals(True)
            self.hide_empty_button.setChecked(self.hide_empty_lanes)
            self.hide_empty_button.blockSignals(False)
        for action in getattr(self, "_lane_actions", []):
            action.setChecked(action.data() == self.lane_mode)
        for action in self._sort_actions:
            action.setChecked(action.data() == self.lane_sort)
        self.act_hide_empty.setChecked(self.hide_empty_lanes)
        laned = self.lane_mode != "none"
        self.sort_box.setEnabled(laned)
        self.hide_empty_button.setEnabled(laned)

    def set_lanes(self, mode: str) -> None:
        if mode not in LANE_MODES:
            raise ValueError(f"unknown lane mode {mode!r}")
        self.lane_mode = mode
        self._show_arrangement()
        self._remember_arrangement()
        busy = len(self.data) > 100_000  # a second or two with a million events: say so
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._apply_lanes()
            self._changed()
        finally:
            if busy:
                release_freed_memory()
                QApplication.restoreOverrideCursor()

    # -- reading the lanes ---------------------------------------------------------------------
    def _apply_lanes(self) -> None:
        """The lanes of the mode in force.  On a large file, by actor or source in name order,
        the first screenful of lanes is read at once and drawn, and the rest on a thread: the
        view stays usable meanwhile, and whatever needs every lane waits for them
        (`complete_lanes`)."""
        self._lane_reader = None  # a reader still running for an earlier arrangement is let go
        pairs, partial = None, False
        if self.ws is not None and self.lane_mode != "none":
            partial = self._first_lanes_first()
            if partial:
                pairs = self._read_pairs(lambda: store_timeline.first_lane_pairs(
                    self.ws, self.lane_mode, self._lanes_for_a_screen()))
            else:
                pairs = self._read_pairs(lambda: store_timeline.lane_pairs(self.ws, self.lane_mode))
            if pairs is None:
                return
        self.data.set_lanes(self.lane_mode, pairs, complete=not partial)
        if partial:  # (started once the data's id index is built: the reader only reads it)
            write_through(self.ws)  # (its connection checks the file's header, which may still be in the WAL)
            reader = _LaneReader(self.ws.path, self.lane_mode, self.data, self)
            reader.done.connect(self._lanes_read)
            self._lane_readers.add(reader)
            self._lane_reader = reader
            reader.start()

    def _read_pairs(self, read: Callable[[], tuple]) -> Optional[tuple]:
        """The store's lane pairs; None when they could not be read (a desk cut off): the
        timeline is then drawn in one lane (the arrangement chosen comes back with the next
        read, as after reconnecting) and `lanesFailed` carries the error for the window to
        report as it reports any other."""
        try:
            return read()
        except BrieferError as error:
            self.data.set_lanes("none")
            self.lanesFailed.emit(error)
            return None

    def _lanes_for_a_screen(self) -> int:
        return int(self.canvas.height() // COLLAPSED_H) + 2  # more than a screen can show, folded

    def _first_lanes_first(self) -> bool:
        return (self.lane_mode in store_timeline.GROUPED and len(self.data) > FIRST_LANES_ABOVE
                and self.ws.backend == "sqlite" and self.lane_sort == "name" and not self.hide_empty_lanes)

    @property
    def lanes_partial(self) -> bool:
        """Whether only the first lanes are drawn while the others are read."""
        return getattr(self, "_lane_reader", None) is not None

    def _lanes_read(self, reader: _LaneReader) -> None:
        if reader not in self._lane_readers:
            return  # already taken (complete_lanes)
        self._lane_readers.discard(reader)
        reader.wait()  # (its run has returned)
        lanes, data = reader.lanes, reader.data
        reader.deleteLater()
        if reader is not self._lane_reader:
            return  # an arrangement since let go
        self._lane_reader = None
        if lanes is not None and data is self.data:
            self.data.use_lanes(lanes)
        elif self.ws is not None:  # (the reader failed: read them here)
            pairs = self._read_pairs(lambda: store_timeline.lane_pairs(self.ws, self.lane_mode))
            if pairs is not None:
                self.data.set_lanes(self.lane_mode, pairs)
        release_freed_memory()
        self._changed()

    def complete_lanes(self) -> None:
        """Wait for the lanes still being read (what needs every lane: showing an event in
        a lane not drawn yet, sorting by counts, hiding empty lanes, an export, an edit)."""
        reader = getattr(self, "_lane_reader", None)
        if reader is not None:
            reader.wait()
            self._lanes_read(reader)

    def wait_for_lanes(self) -> None:
        """Let every lane reader finish (a thread must not outlive its view)."""
        for reader in list(self._lane_readers):
            reader.wait()

    def set_lane_sort(self, key: str) -> None:
        if key not in LANE_SORTS:
            raise ValueError(f"unknown lane order {key!r}")
        self.complete_lanes()
        self.lane_sort = key
        self._show_arrangement()
        self._remember_arrangement()
        self._changed()

    def set_hide_empty(self, hide: bool) -> None:
        self.complete_lanes()
        self.hide_empty_lanes = bool(hide)
        self._show_arrangement()
        self._remember_arrangement()
        self._changed()

    def _remember_arrangement(self) -> None:
        if self.ws is None:
            return
        try:
            self.ws.set_setting(SETTING, {"mode": self.lane_mode, "sort": self.lane_sort,
                                          "hide_empty": self.hide_empty_lanes})
        except BrieferError:  # a workspace opened read-only keeps the arrangement for this session only
            pass

    def restore_arrangement(self) -> None:
        """The arrangement the workspace was left in (lanes, order, empty lanes hidden or not)."""
        saved = self.ws.setting(SETTING, {}) if self.ws is not None else {}
        saved = saved if isinstance(saved, dict) else {}
        self.lane_mode = saved.get("mode") if saved.get("mode") in LANE_MODES else "none"
        self.lane_sort = saved.get("sort") if saved.get("sort") in LANE_SORTS else "name"
        self.hide_empty_lanes = saved.get("hide_empty") is True
        self._show_arrangement()

    def _lanes_moved(self, ids: list[int], positions) -> bool:
        """Whether these events now belong to other lanes than those they are drawn in."""
        pairs = self.data.lane_pairs
        if pairs is None:
            return False
        index, lanes, names = pairs
        now = store_timeline.lanes_of(self.ws, self.lane_mode, ids)
        for event_id, position in zip(ids, positions.tolist()):
            drawn = frozenset(names[n] for n in lanes[index == position].tolist())
            if drawn != now[event_id]:
                return True
        return False

    def _lane_names_stale(self, kind: str, changes) -> bool:
        """A lane is named after an actor (a source): renaming, adding or removing one renames lanes."""
        pairs = self.data.lane_pairs
        if pairs is None or changes.removed:
            return True
        names = set(pairs[2])
        get = self.ws.get_actor if kind == "actors" else self.ws.get_source
        return any(get(uid).name not in names for uid in changes.changed | changes.added)
