"""The timeline widget: events over time, in lanes, drawn by what is known of their dates.

Everything drawn comes from the columns in `data.py`; a frame touches only what is in
view.  A lane shows glyphs when its events in view can be packed into a few rows with
their labels (or at least their glyphs); otherwise it shows a density strip (events per
pixel column, two binary searches per column), and zooming in turns the strip back
into glyphs.  The layout of a frame is computed once per view state and kept, so the
geometry questions tests and hit-testing ask read the same numbers the painter used.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional, Sequence

import numpy as np
from PySide6.QtCore import QBuffer, QEvent, QIODevice, QLineF, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction, QActionGroup, QBrush, QColor, QFont, QFontMetricsF, QImage, QKeyEvent, QKeySequence, QLinearGradient, QMouseEvent,
    QPainter, QPaintEngine, QPaintEvent, QPalette, QPen, QPixmap, QPolygonF, QStaticText, QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QPinchGesture, QSpinBox, QHBoxLayout, QInputDialog, QLabel, QMessageBox, QScrollBar, QToolButton,
    QToolTip, QVBoxLayout, QWidget,
)

from ...core.errors import BrieferError
from ...core.files import write_bytes, write_text
from ...core.filter import EventFilter
from ...core.model import RELIABILITY_LABELS
from ...core.when import When
from ...store import Workspace
from ...store import timeline as store_timeline
from .. import icons
from . import axis
from .data import (
    DAY, DAY_PRECISION, FLAG_APPROXIMATE, FLAG_INTERVAL, FLAG_OPEN_END, FLAG_OPEN_START, FLAG_UNCERTAIN, Lane,
    TimelineData, pack_rows, release_freed_memory,
)

HEADER_W = 170.0  # the lane names' column: as wide as they need, within these bounds
HEADER_MIN, HEADER_MAX = 110.0, 240.0
AXIS_H = 42.0
ROW_H = 22.0
LANE_PAD = 5.0
DENSITY_H = 30.0
COLLAPSED_H = 22.0
MAX_ROWS = 30  # rows a lane may take with every label in full; past that, glyphs only
GLYPH_LIMIT = 400  # events of one lane in view above which it is drawn as density
HEAT_FROM = GLYPH_LIMIT // 4  # events in view from which a lane of glyphs shows its density behind them
LABEL_MAX = 320.0
DASHED_END = 48.0  # an uncertain bar longer than twice this is dashed only this far from each end
POINT_R = 5.0
LABEL_GAP = 5.5  # from a glyph to its label: clear of the selection's outer rim (4.2 px out)
BAR_H = 16.0
MIN_SPAN = 2 * 3600.0
MAX_SPAN = 400 * 365.25 * DAY
LANE_MODES = {"none": "No lanes", "actor": "By actor", "type": "By event type", "source": "By source",
              "country": "By country"}
LEGEND_ITEMS = [("point", 0, "day"), ("bar", 0, "month, year, span"), ("bar", FLAG_APPROXIMATE, "~ approx."),
                ("bar", FLAG_UNCERTAIN, "? uncertain"), ("bar", FLAG_OPEN_END, "open end")]
LEGEND_GAP = 10.0
LANE_COLOURS = ["#3b82c4", "#e07b39", "#3a9e5c", "#c2463f", "#8a63b8", "#8c6d3f", "#d160a6", "#6f7b87",
                "#b5a31f", "#2aa5b8"]


@dataclass
class Glyph:
    event_id: int
    index: int  # position in the data columns
    kind: str  # "point" or "bar"
    x0: float
    x1: float
    y: float  # centre line of its row
    flags: int
    title: str
    label_w: float  # room for the label (0: none)
    clipped_left: bool = False
    clipped_right: bool = False
    label_after: bool = False  # a bar too short for its label has it after its end
    left: float = HEADER_W  # where the events' area starts (right of the lane names)

    def rect(self) -> QRectF:
        half = POINT_R if self.kind == "point" else BAR_H / 2
        return QRectF(self.x0, self.y - half, max(self.x1 - self.x0, 1.0), 2 * half)

    @property
    def label(self) -> str:
        return label_text(self.title, self.flags)

    def label_x(self) -> float:
        """Where the label starts: right of a point or of a short bar, else inside the bar
        (past its left arrow, if any)."""
        if self.kind == "point":
            return self.x1 + LABEL_GAP
        if self.label_after:
            return self.x1 + LABEL_GAP
        return max(self.x0, self.left) + (12 if (self.flags & FLAG_OPEN_START or self.clipped_left) else 6)

    def label_rect(self) -> QRectF:
        """The room the label may take (empty when no label is drawn)."""
        return QRectF(self.label_x(), self.y - ROW_H / 2 + 2, max(self.label_w - 6, 0.0), ROW_H - 4)


def label_text(title: str, flags: int) -> str:
    """A glyph's label: its title, marked "?" when the date is uncertain, "~" when approximate."""
    marks = ("?" if flags & FLAG_UNCERTAIN else "") + ("~" if flags & FLAG_APPROXIMATE else "")
    return f"{marks} {title}" if marks and title else title


@dataclass
class LaneLayout:
    lane: Lane
    number: int
    y: float
    height: float
    mode: str  # "glyphs", "density", "collapsed"
    in_view: int
    glyphs: list[Glyph] = field(default_factory=list)
    counts: Optional[np.ndarray] = None
    spanning: int = 0  # events covering the whole view, drawn as one band above the glyphs

    def move_to(self, y: float) -> None:
        dy = y - self.y
        if dy:
            self.y = y
            for g in self.glyphs:
                g.y += dy


@dataclass
class Frame:
    width: int
    height: int
    t0: float
    t1: float
    lanes: list[LaneLayout]
    total_height: float


class TimelineCanvas(QWidget):
    """The painted area; the `TimelineView` around it adds the toolbar and scrollbars."""

    def __init__(self, view: "TimelineView") -> None:
        super().__init__(view)
        self.view = view
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(QSize(400, 160))
        self.grabGesture(Qt.GestureType.PinchGesture)
        self._drag_start: Optional[QPointF] = None
        self._drag_t0 = 0.0
        self._band: Optional[QRectF] = None
        self._pressed_glyph: Optional[Glyph] = None
        self.hover_x: Optional[float] = None  # where the mouse is, for zooming by keys

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        try:
            self.view.paint(painter, self.width(), self.height(), band=self._band)
        finally:
            painter.end()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.view._frame = None
        self.view._update_scrollbars()

    # -- mouse ---------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        pos = event.position()
        self.setFocus()
        if event.button() == Qt.MouseButton.MiddleButton:
            self._drag_start, self._drag_t0 = pos, self.view.t0
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if pos.x() < self.view.header_w:
            self.view.toggle_lane_at(pos.y())
            return
        glyph = self.view.glyph_at(pos)
        mods = event.modifiers()
        if mods & Qt.KeyboardModifier.ShiftModifier:  # Shift: rubber band (a plain Shift-click adds)
            self._band = QRectF(pos, pos)
            self._pressed_glyph = glyph
        elif glyph is not None:
            self.view.click_event(glyph.event_id, mods)
            self._pressed_glyph = glyph
        elif mods & Qt.KeyboardModifier.ControlModifier:
            self._band = QRectF(pos, pos)
        else:
            self._drag_start, self._drag_t0 = pos, self.view.t0

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        pos = event.position()
        self.hover_x = pos.x()
        if self._band is not None:
            self._band.setBottomRight(pos)
            self.update()
        elif self._drag_start is not None:
            dx = pos.x() - self._drag_start.x()
            span = self.view.t1 - self.view.t0
            self.view.set_range(self._drag_t0 - dx / self.view.time_width(self.width()) * span,
                                self._drag_t0 - dx / self.view.time_width(self.width()) * span + span)
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self._band is not None:
            band = self._band.normalized()
            if band.width() < 4 and band.height() < 4 and self._pressed_glyph is not None:
                self.view.click_event(self._pressed_glyph.event_id, event.modifiers())
            else:
                self.view.select_in_rect(band, event.modifiers())
            self._band = None
            self.update()
        self._drag_start = None
        self._pressed_glyph = None
        self.unsetCursor()

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        self.hover_x = None
        super().leaveEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        glyph = self.view.glyph_at(event.position())
        if glyph is not None:
            self.view.eventActivated.emit(glyph.event_id)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        delta = event.angleDelta()
        pixel = event.pixelDelta()
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier or abs(delta.x()) > abs(delta.y()):
            steps = (delta.x() or delta.y()) / 120.0
            self.view.pan_fraction(-0.1 * steps)
        elif delta.y():
            self.view.zoom(1.2 ** (delta.y() / 120.0), event.position().x())
        elif pixel.y():
            self.view.zoom(1.01 ** pixel.y(), event.position().x())
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            pos = QPointF(event.pos())
            lane = self.view.lane_at(pos.y()) if pos.x() < self.view.header_w else None
            glyph = self.view.glyph_at(pos)
            if lane is not None:
                QToolTip.showText(event.globalPos(), self.view.lane_tooltip(lane), self)
            elif glyph is not None:
                QToolTip.showText(event.globalPos(), self.view.tooltip_html(glyph.event_id), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        if event.type() == QEvent.Type.NativeGesture:
            if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self.view.zoom(1.0 + event.value(), event.position().x())
                return True
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):  # a touch screen's pinch (trackpads send native gestures)
                event.accept(pinch)
                centre = self.mapFromGlobal(pinch.centerPoint().toPoint())
                self.view.zoom(pinch.scaleFactor(), float(centre.x()))
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal) or event.matches(QKeySequence.StandardKey.ZoomIn):
            self.view.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore) or event.matches(QKeySequence.StandardKey.ZoomOut):
            self.view.zoom_out()
        elif key == Qt.Key.Key_Left:
            self.view.pan_fraction(-0.1)
        elif key == Qt.Key.Key_Right:
            self.view.pan_fraction(0.1)
        elif key == Qt.Key.Key_Up:
            self.view.vbar.setValue(self.view.vbar.value() - int(ROW_H * 3))
        elif key == Qt.Key.Key_Down:
            self.view.vbar.setValue(self.view.vbar.value() + int(ROW_H * 3))
        elif key == Qt.Key.Key_Home:
            self.view.fit_all()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.view.current_id is not None:
                self.view.eventActivated.emit(self.view.current_id)
        elif key == Qt.Key.Key_Escape:
            self.view.select_ids([], scroll=False)
            self.view.selectionChanged.emit([])
        else:
            super().keyPressEvent(event)


class TimelineView(QWidget):
    """Zoomable timeline with swimlanes; speaks in event row ids, like the event table."""

    selectionChanged = Signal(list)  # row ids, on user selection only
    eventActivated = Signal(int)

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.ws: Optional[Workspace] = None
        self.data = TimelineData()
        self.filter = EventFilter()
        self.lane_mode = "none"
        self._colour_of: dict[str, int] = {}  # lane name -> colour, kept while the workspace is open
        self.t0, self.t1 = self._default_range()
        self.selection: set[int] = set()
        self.current_id: Optional[int] = None
        self.show_legend = True
        self.header_w = HEADER_MIN
        self._export_size = (1920, 1080)
        self._titles: dict[int, str] = {}
        self._frame: Optional[Frame] = None
        self._lane_cache: dict[int, LaneLayout] = {}
        self._lane_cache_key: tuple = ()
        self._generation = 0  # counts changes of data, filter, lanes and their folding
        self._static_cache: dict[tuple[str, bool], QStaticText] = {}
        self._elide_cache: dict[tuple[str, int], str] = {}
        self._sprites: dict[tuple, QPixmap] = {}
        self._metrics = QFontMetricsF(self.font())
        self._width_cache: dict[str, float] = {}

        self.canvas = TimelineCanvas(self)
        self.hbar = QScrollBar(Qt.Orientation.Horizontal, objectName="timelineHBar")
        self.hbar.setRange(0, 10000)
        self.vbar = QScrollBar(Qt.Orientation.Vertical, objectName="timelineVBar")
        self.hbar.valueChanged.connect(self._hbar_moved)
        self.vbar.valueChanged.connect(self._vbar_moved)

        self.lanes_box = QComboBox(objectName="timelineLanes")
        for key, label in LANE_MODES.items():
            self.lanes_box.addItem(label, key)
        self.lanes_box.currentIndexChanged.connect(lambda *_: self.set_lanes(self.lanes_box.currentData()))
        self.status = QLabel(objectName="timelineStatus")
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 2, 6, 2)
        bar.addWidget(QLabel("Lanes:"))
        bar.addWidget(self.lanes_box)
        self._actions = self._make_actions()
        for action in self._actions[:6]:
            if action is None:
                continue
            button = QToolButton()
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            bar.addWidget(button)
        bar.addSpacing(12)
        self.legend = LegendStrip(self)
        bar.addWidget(self.legend, 1)
        bar.addWidget(self.status)
        grid = QHBoxLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(0)
        grid.addWidget(self.canvas, 1)
        grid.addWidget(self.vbar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addLayout(grid, 1)
        layout.addWidget(self.hbar)

    # -- public API -------------------------------------------------------------------------
    def _lane_colour(self, name: str) -> QColor:
        """A lane's colour follows its actor (country, type...), not its place in the list:
        Islamic State stays red whichever filter moves it.  Colours are handed out in turn
        as names first appear, so neighbours on the first view still differ."""
        if name not in self._colour_of:
            self._colour_of[name] = len(self._colour_of) % len(LANE_COLOURS)
        return QColor(LANE_COLOURS[self._colour_of[name]])

    def set_workspace(self, ws: Optional[Workspace]) -> None:
        self._colour_of.clear()
        self.ws = ws
        self.selection = set()
        self.current_id = None
        self.filter = EventFilter()
        self.reload()
        self.fit_all()

    def reload(self) -> None:
        """Read the columns again (after an edit, an undo, an import)."""
        self._titles.clear()
        self.data = TimelineData(store_timeline.event_columns(self.ws) if self.ws else None)
        self._apply_lanes()
        self._apply_filter()
        if len(self.data) > 100_000:
            release_freed_memory()
        self._changed()

    def set_filter(self, f: EventFilter) -> None:
        period_changed = (f.start, f.end) != (self.filter.start, self.filter.end)
        self.filter = f
        self._apply_filter()
        if period_changed and (f.start is not None or f.end is not None):
            self._fit_period(f)  # a new period is shown whole, not left bunched at one edge
        self._changed()

    def _fit_period(self, f: EventFilter) -> None:
        data = self.data.bounds()
        lo = float(f.start.earliest_ts) if f.start is not None else (data[0] if data else None)
        hi = float(f.end.latest_ts + 1) if f.end is not None else (data[1] if data else None)
        if lo is not None and hi is not None and hi > lo:
            self._fit((max(lo, axis.MIN_TS), min(hi, axis.MAX_TS)))

    def set_lanes(self, mode: str) -> None:
        if mode not in LANE_MODES:
            raise ValueError(f"unknown lane mode {mode!r}")
        self.lane_mode = mode
        index = self.lanes_box.findData(mode)
        if self.lanes_box.currentIndex() != index:
            self.lanes_box.blockSignals(True)
            self.lanes_box.setCurrentIndex(index)
            self.lanes_box.blockSignals(False)
        for action in self._lane_actions:
            action.setChecked(action.data() == mode)
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

    def select_ids(self, ids: Sequence[int], scroll: bool = True) -> None:
        self.selection = set(int(i) for i in ids)
        self.current_id = int(ids[0]) if len(ids) else None
        if scroll and self.selection:
            self._scroll_to(list(self.selection))
        self.canvas.update()

    def selected_ids(self) -> list[int]:
        return sorted(self.selection)

    def fit_all(self) -> None:
        bounds = self.data.bounds()
        self._fit(bounds or self._default_range())

    def fit_selection(self) -> None:
        bounds = self.data.bounds(self.data.indices_of(self.selection)) if self.selection else None
        if bounds is None:
            return
        self._fit(bounds)

    def go_to(self, when: When) -> None:
        """Centre on a fuzzy date, zoomed so that its own span is a third of the view."""
        lo = float(max(when.earliest_ts, axis.MIN_TS))
        hi = float(min(when.latest_ts + 1, axis.MAX_TS))
        if when.open_start:
            lo = hi - 365 * DAY
        if when.open_end:
            hi = lo + 365 * DAY
        span = max((hi - lo) * 3, 14 * DAY)
        centre = (lo + hi) / 2
        self.set_range(centre - span / 2, centre + span / 2)

    def zoom_in(self) -> None:
        """One step in, about the mouse when it is over the events, else about the middle."""
        self.zoom(1.5, self._zoom_anchor())

    def zoom_out(self) -> None:
        self.zoom(1 / 1.5, self._zoom_anchor())

    def _zoom_anchor(self) -> float:
        x = self.canvas.hover_x
        if x is not None and self.header_w <= x <= self.canvas.width():
            return x
        return self.header_w + self.time_width(self.canvas.width()) / 2

    def today_x(self, width: Optional[int] = None) -> Optional[float]:
        """Where the line for today is drawn (None: today is out of view)."""
        now = axis.to_ts(datetime.now(timezone.utc).replace(tzinfo=None))
        if not self.t0 <= now <= self.t1:
            return None
        return self._x(now, width or self.canvas.width())

    def visible_range(self) -> tuple[datetime, datetime]:
        return axis.to_datetime(self.t0), axis.to_datetime(self.t1)

    def x_for(self, moment: datetime | float) -> float:
        ts = moment if isinstance(moment, (int, float)) else axis.to_ts(moment)
        return self._x(ts, self.canvas.width())

    def datetime_at(self, x: float) -> datetime:
        return axis.to_datetime(self._ts_at(x, self.canvas.width()))

    def event_rect(self, event_id: int) -> list[QRectF]:
        """Where an event is drawn (one rect per lane showing it as a glyph), in canvas coordinates."""
        return [g.rect() for lane in self.frame().lanes for g in lane.glyphs if g.event_id == event_id]

    def lane_names(self) -> list[str]:
        return [lane.name for lane in self.data.lanes]

    def lane_layouts(self) -> list[LaneLayout]:
        """The lanes laid out for the view: those in it and above it (not those below)."""
        return self.frame().lanes

    def export_png(self, path: str, width: int, height: int) -> None:
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        try:
            self.paint(painter, width, height, export=True)
        finally:
            painter.end()
        data = QBuffer()
        data.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(data, "PNG"):  # Qt says no more than that
            raise BrieferError(f"cannot write {path}")
        write_bytes(path, bytes(data.data()))  # whole or not at all, never over the workspace or via a link

    def export_svg(self, path: str, width: int, height: int) -> None:
        from PySide6.QtSvg import QSvgGenerator

        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setResolution(96)  # font sizes in CSS pixels, as laid out
        generator.setSize(QSize(width, height))
        generator.setViewBox(QRect(0, 0, width, height))
        generator.setTitle("Briefer timeline")
        painter = QPainter(generator)
        try:
            self.paint(painter, width, height, export=True)
        finally:
            painter.end()
        svg = bytes(buffer.data()).decode("utf-8")
        # Qt states the size in millimetres; a slide wants the pixels asked for
        svg = re.sub(r'<svg width="[^"]*" height="[^"]*"', f'<svg width="{width}" height="{height}"', svg, count=1)
        write_text(path, svg)

    def actions_for_menu(self) -> list[Optional[QAction]]:
        return self._actions

    # -- actions ----------------------------------------------------------------------------------
    def _make_actions(self) -> list[Optional[QAction]]:
        def action(text: str, slot, shortcut=None, icon: str = "") -> QAction:
            a = QAction(text, self)
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
                a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            if icon:
                a.setIcon(icons.icon(icon))
            a.triggered.connect(lambda *_: slot())
            return a

        self.act_zoom_in = action("Zoom &In", self.zoom_in, QKeySequence.StandardKey.ZoomIn, "zoom-in")
        self.act_zoom_out = action("Zoom &Out", self.zoom_out, QKeySequence.StandardKey.ZoomOut, "zoom-out")
        self.act_fit_all = action("&Fit All", self.fit_all, "Ctrl+0", "fit")
        self.act_fit_selection = action("Fit &Selection", self.fit_selection, "Ctrl+9", "fit")
        self.act_go_to = action("&Go to Date…", self._ask_go_to, "Ctrl+G", "calendar")
        self.act_export_png = action("Export Timeline as &PNG…", lambda: self._ask_export("png"))
        self.act_export_svg = action("Export Timeline as S&VG…", lambda: self._ask_export("svg"))
        self.act_legend = action("Show &Legend", self._toggle_legend)
        self.act_legend.setCheckable(True)
        self.act_legend.setChecked(True)
        group = QActionGroup(self)
        self._lane_actions = []
        for key, label in LANE_MODES.items():
            a = QAction(f"Lanes: {label}", self, checkable=True)
            a.setData(key)
            a.setChecked(key == "none")
            a.triggered.connect(lambda *_, k=key: self.set_lanes(k))
            group.addAction(a)
            self._lane_actions.append(a)
        return [self.act_zoom_in, self.act_zoom_out, self.act_fit_all, self.act_fit_selection, self.act_go_to,
                None, *self._lane_actions, None, self.act_legend, self.act_export_png, self.act_export_svg]

    def _toggle_legend(self) -> None:
        self.show_legend = self.act_legend.isChecked()
        self.legend.setVisible(self.show_legend)

    def _ask_go_to(self) -> None:
        text, ok = QInputDialog.getText(self, "Go to date", "Date (e.g. 2019-02-09, Feb 2019, c. 2013):")
        if not ok or not text.strip():
            return
        try:
            self.go_to(When.parse_friendly(text))
        except BrieferError as error:
            QMessageBox.warning(self, "Go to date", str(error))

    def _ask_export(self, kind: str) -> None:
        dialog = ExportSizeDialog(self, kind, self._export_size)
        if not dialog.exec():
            return
        self._export_size = dialog.chosen_size()
        path, _ = QFileDialog.getSaveFileName(self, f"Export timeline as {kind.upper()}", f"timeline.{kind}",
                                              f"{kind.upper()} (*.{kind})")
        if not path:
            return
        width, height = self._export_size
        try:
            (self.export_png if kind == "png" else self.export_svg)(path, width, height)
        except BrieferError as error:
            QMessageBox.warning(self, "Export timeline", str(error))

    # -- state ----------------------------------------------------------------------------------
    @staticmethod
    def _default_range() -> tuple[float, float]:
        now = axis.to_ts(datetime.now(timezone.utc).replace(tzinfo=None))
        return now - 365 * DAY, now + 30 * DAY

    def _apply_lanes(self) -> None:
        pairs = None
        if self.ws is not None and self.lane_mode != "none":
            pairs = store_timeline.lane_pairs(self.ws, self.lane_mode)
        self.data.set_lanes(self.lane_mode, pairs)

    def _apply_filter(self) -> None:
        if self.ws is None or self.filter.is_empty:
            self.data.set_visible_ids(None)
        else:
            self.data.set_visible_ids(self.ws.matching_ids(self.filter))

    def _changed(self) -> None:
        self._frame = None
        self._generation += 1
        self._fit_header()
        self._update_scrollbars()
        shown = int(self.data.visible.sum())
        self.status.setText(f"{shown:,} events" + (f" · {len(self.data.lanes)} lanes"
                                                    if self.lane_mode != "none" else ""))
        self.canvas.update()

    def _fit_header(self) -> None:
        """The lane names' column takes what the longest name and count need, within bounds."""
        fm = self._metrics
        need = max((fm.horizontalAdvance(f"▾ {lane.name}") + 14 + fm.horizontalAdvance(f"{lane.size:,}") + 14
                    for lane in self.data.lanes), default=0.0)
        need = max(need, fm.horizontalAdvance(LANE_MODES[self.lane_mode]) + 12)
        self.header_w = float(math.ceil(min(max(need, HEADER_MIN), HEADER_MAX)))

    def time_width(self, width: float) -> float:
        return max(width - self.header_w, 1.0)

    def _x(self, ts: float, width: float) -> float:
        return self.header_w + (ts - self.t0) / (self.t1 - self.t0) * self.time_width(width)

    def _ts_at(self, x: float, width: float) -> float:
        return self.t0 + (x - self.header_w) / self.time_width(width) * (self.t1 - self.t0)

    def set_range(self, t0: float, t1: float) -> None:
        span = min(max(t1 - t0, MIN_SPAN), MAX_SPAN)
        centre = (t0 + t1) / 2
        t0 = min(max(centre - span / 2, axis.MIN_TS), axis.MAX_TS - span)
        self.t0, self.t1 = t0, t0 + span
        self._frame = None
        self._update_scrollbars()
        self.canvas.update()

    def _fit(self, bounds: tuple[float, float]) -> None:
        lo, hi = bounds
        span = max(hi - lo, 2 * DAY)
        # a little room on the left, more on the right where the last labels go
        self.set_range(lo - span * 0.04, lo + span * 1.15)

    def zoom(self, factor: float, anchor_x: float) -> None:
        """Zoom by `factor` (>1: in) keeping the moment under `anchor_x` where it is."""
        width = self.canvas.width()
        anchor = self._ts_at(anchor_x, width)
        span = min(max((self.t1 - self.t0) / factor, MIN_SPAN), MAX_SPAN)
        fraction = (anchor_x - self.header_w) / self.time_width(width)
        t0 = min(max(anchor - fraction * span, axis.MIN_TS), axis.MAX_TS - span)
        self.t0, self.t1 = t0, t0 + span
        self._frame = None
        self._update_scrollbars()
        self.canvas.update()

    def pan_fraction(self, fraction: float) -> None:
        shift = (self.t1 - self.t0) * fraction
        self.set_range(self.t0 + shift, self.t1 + shift)

    def _scroll_to(self, ids: list[int]) -> None:
        indices = self.data.indices_of(ids)
        bounds = self.data.bounds(indices)
        if bounds is None:
            return
        lo, hi = bounds
        span = self.t1 - self.t0
        if hi - lo > span:
            self._fit(bounds)
        elif lo < self.t0 or hi > self.t1:
            centre = (lo + hi) / 2
            self.set_range(centre - span / 2, centre + span / 2)
        frame = self.frame()
        for lane in frame.lanes:
            if any(g.event_id in self.selection for g in lane.glyphs):
                top = lane.y + self.vbar.value() - AXIS_H
                if not (self.vbar.value() <= top <= self.vbar.value() + self.canvas.height() - AXIS_H - ROW_H):
                    self.vbar.setValue(int(top))
                break

    # -- scrollbars ---------------------------------------------------------------------------------
    def _scroll_extent(self) -> tuple[float, float]:
        bounds = self.data.bounds() or (self.t0, self.t1)
        span = max(bounds[1] - bounds[0], self.t1 - self.t0)
        return min(bounds[0] - span * 0.25, self.t0), max(bounds[1] + span * 0.25, self.t1)

    def _update_scrollbars(self) -> None:
        lo, hi = self._scroll_extent()
        span = self.t1 - self.t0
        self.hbar.blockSignals(True)
        room = max(hi - lo - span, 1.0)
        self.hbar.setPageStep(max(1, int(10000 * span / max(hi - lo, 1.0))))
        self.hbar.setValue(int(10000 * (self.t0 - lo) / room))
        self.hbar.blockSignals(False)
        self._update_vbar()

    def _update_vbar(self) -> None:
        frame = self.frame()
        visible = self.canvas.height() - AXIS_H
        self.vbar.blockSignals(True)
        self.vbar.setRange(0, max(0, int(frame.total_height - visible)))
        self.vbar.setPageStep(max(1, int(visible)))
        self.vbar.blockSignals(False)

    def _hbar_moved(self, value: int) -> None:
        lo, hi = self._scroll_extent()
        span = self.t1 - self.t0
        t0 = lo + value / 10000 * max(hi - lo - span, 0.0)
        self.t0, self.t1 = t0, t0 + span
        self._frame = None
        self.canvas.update()

    def _vbar_moved(self, value: int) -> None:
        self._frame = None
        self._update_vbar()  # lanes scrolled to may have grown from their estimate
        self.canvas.update()

    # -- layout ----------------------------------------------------------------------------------
    def _measure(self, text: str) -> float:
        width = self._width_cache.get(text)
        if width is None:
            width = self._metrics.horizontalAdvance(text)
            if len(self._width_cache) > 50000:
                self._width_cache.clear()
            self._width_cache[text] = width
        return width

    def _fetch_details(self, ids: np.ndarray, events: np.ndarray) -> None:
        """Title, precision and flags of events about to be drawn as glyphs, read once."""
        if self.ws is None:
            return
        need = {int(i) for i in ids[self.data.precision[events] < 0]}
        need.update(i for i in ids.tolist() if i not in self._titles)
        if not need:
            return
        details = store_timeline.glyph_details(self.ws, sorted(need))
        if len(self._titles) > 100000:
            self._titles.clear()
        found = list(details)
        self._titles.update((row_id, title) for row_id, (title, _, _) in details.items())
        # the positions are at hand: no need for the id index (its first build costs 70 ms at 1M)
        position = dict(zip(ids.tolist(), events.tolist()))
        self.data.fill_details(np.array([position[i] for i in found], dtype=np.int64),
                               [details[i][1] for i in found], [details[i][2] for i in found])

    def frame(self, width: Optional[int] = None, height: Optional[int] = None) -> Frame:
        width = width or self.canvas.width()
        height = height or self.canvas.height()
        frame = self._frame
        if frame is None or (frame.width, frame.height, frame.t0, frame.t1) != (width, height, self.t0, self.t1):
            frame = self._layout(width, height, self.vbar.value())
            if width == self.canvas.width() and height == self.canvas.height():
                self._frame = frame
        return frame

    def _layout(self, width: int, height: int, v_offset: float, cache: bool = True) -> Frame:
        data = self.data
        t0, t1 = self.t0, self.t1
        scale = self.time_width(width) / (t1 - t0)
        y = AXIS_H - v_offset
        lanes: list[LaneLayout] = []
        # Lanes laid out for this zoom are kept, so scrolling up and down only moves them.
        # Lanes below the view are not laid out (their height is guessed until they are
        # scrolled to); lanes above it keep their real height, so nothing in view jumps.
        key = (width, t0, t1, self._generation)
        if not cache:
            self._lane_cache_key = ()
        if key != self._lane_cache_key:
            self._lane_cache, self._lane_cache_key = {}, key
        counts_array = data.counts_in(t0, t1)
        counts = counts_array.tolist()
        for number, lane in enumerate(data.lanes):
            if y > height:  # the rest is below the view: not laid out, only their heights guessed
                y += self._heights_below(number, counts_array)
                break
            layout = self._lane_cache.get(number)
            if layout is not None and layout.lane is lane and (layout.mode == "collapsed") == lane.collapsed:
                layout.move_to(y)
            elif lane.collapsed:  # a thin strip of its density still shows where its events are
                layout = self._density(lane, number, y, counts[number], width, scale)
                layout.mode, layout.height = "collapsed", COLLAPSED_H
            else:
                in_view = counts[number]
                # too many to draw, but most may be long spans covering the whole view:
                # they become one band, and the rest are drawn as glyphs
                spanning = data.spanning_count(lane, t0, t1) if in_view > GLYPH_LIMIT else 0
                if spanning and in_view - spanning <= GLYPH_LIMIT:
                    layout = self._glyphs(lane, number, y, in_view, width, scale, spanning)
                elif in_view > GLYPH_LIMIT:
                    layout = self._density(lane, number, y, in_view, width, scale)
                else:
                    layout = self._glyphs(lane, number, y, in_view, width, scale)
            self._lane_cache[number] = layout
            lanes.append(layout)
            y += layout.height
        return Frame(width, height, t0, t1, lanes, y + v_offset - AXIS_H)

    def _heights_below(self, first: int, counts: np.ndarray) -> float:
        """Total height of lanes first.. (below the view): as laid out before at this zoom,
        else a guess (a density strip, or up to three rows) made good when scrolled to."""
        rest = counts[first:]
        heights = np.where(rest > GLYPH_LIMIT, DENSITY_H + 2 * LANE_PAD,
                           np.minimum(np.maximum(rest, 1), 3) * ROW_H + 2 * LANE_PAD)
        lanes = self.data.lanes
        for k, lane in enumerate(lanes[first:]):
            if lane.collapsed:
                heights[k] = COLLAPSED_H
        for number, layout in self._lane_cache.items():
            if number >= first and layout.lane is lanes[number] and \
                    (layout.mode == "collapsed") == lanes[number].collapsed:
                heights[number - first] = layout.height
        return float(heights.sum())

    def _density(self, lane: Lane, number: int, y: float, in_view: int, width: int, scale: float) -> LaneLayout:
        columns = int(self.time_width(width))
        edges = self.t0 + np.arange(columns + 1, dtype=np.float64) / scale
        counts = self.data.density(lane, edges)
        return LaneLayout(lane, number, y, DENSITY_H + 2 * LANE_PAD, "density", in_view, counts=counts)

    def _glyphs(self, lane: Lane, number: int, y: float, in_view: int, width: int, scale: float,
                spanning: int = 0) -> LaneLayout:
        data = self.data
        hw = self.header_w
        items = data.lane_items_in(lane, self.t0, self.t1, skip_spanning=bool(spanning))
        band = 1 if spanning else 0  # the band of spanning events takes the first row
        events = data.item_event[items]
        ids = data.ids[events]
        self._fetch_details(ids, events)
        starts, ends = data.start[events], data.end[events]
        prec, flags = data.precision[events], data.flags[events]
        left, right = self.header_w - 12.0, float(width) + 12.0
        x_start = self.header_w + (starts - self.t0) * scale
        x_end = self.header_w + (ends - self.t0) * scale
        is_point = ((flags & FLAG_INTERVAL) == 0) & (prec >= DAY_PRECISION)
        centre = np.where(prec > DAY_PRECISION, x_start, (x_start + x_end) / 2)
        x0 = np.where(is_point, centre - POINT_R, np.clip(x_start, left, right))
        x1 = np.where(is_point, centre + POINT_R, np.clip(np.maximum(x_end, x_start + 3), left, right))
        titles = [self._titles.get(int(i), "") for i in ids]
        label_w = np.array([min(self._measure(label_text(t, int(f))) + 8.0, LABEL_MAX)
                            for t, f in zip(titles, flags)]) if titles else np.zeros(0)
        # with full labels if they fit, else glyphs only (labels elided to the room left)
        shown_left = np.maximum(x0, self.header_w)
        arrow_left = ((flags & FLAG_OPEN_START) != 0) | (x_start < left)
        inside = shown_left + np.where(arrow_left, 12.0, 6.0)
        after = ~is_point & (x_end <= right) & (x1 - 4 - inside < label_w - 6)
        label_x = np.where(is_point | after, x1 + LABEL_GAP, inside)
        extent = np.maximum(x1, label_x + label_w)  # the same rule as Glyph.label_x
        rows, used = pack_rows(x0, extent, gap=6.0, max_rows=MAX_ROWS)
        full_labels = used <= MAX_ROWS
        if not full_labels:  # glyphs only, as many rows as they take (at most GLYPH_LIMIT)
            rows, used = pack_rows(x0, x1, gap=3.0)
        glyphs: list[Glyph] = []
        for k in range(len(items)):
            row_y = y + LANE_PAD + (rows[k] + band) * ROW_H + ROW_H / 2
            glyphs.append(Glyph(int(ids[k]), int(events[k]), "point" if is_point[k] else "bar", float(x0[k]),
                                float(x1[k]), row_y, int(flags[k]), titles[k],
                                float(label_w[k]) if full_labels else 0.0,
                                bool(x_start[k] < left), bool(x_end[k] > right), bool(after[k]), hw))
        if not full_labels:  # room for a label runs to the next glyph in the same row
            by_row: dict[int, list[Glyph]] = {}
            for g in glyphs:
                by_row.setdefault(int(round((g.y - y - LANE_PAD - ROW_H / 2) / ROW_H)), []).append(g)
            for row in by_row.values():
                row.sort(key=lambda g: g.x0)
                for a, b in zip(row, row[1:] + [None]):
                    limit = (b.x0 - 6) if b is not None else float(width)
                    room = limit - a.label_x()
                    if room < 28 and a.label_after:  # no room after a short bar: inside it
                        a.label_after = False
                        room = min(limit, a.x1 - 4 + 6) - a.label_x()
                    a.label_w = room if room >= 28 else 0.0
        for g in glyphs:  # labels end at the view's right edge, elided there
            if g.label_w > 0 or g.label_after:
                room = float(width) - 4 - g.label_x() + 6
                if room < 34 and g.label_after:  # no room after the bar: inside it, elided
                    g.label_after = False
                    room = min(float(width) - 4, g.x1 - 4) - g.label_x() + 6
                    g.label_w = max(g.label_w, room)
                if room < g.label_w:
                    g.label_w = room if room >= 34 else 0.0
        height = (max(used, 1) + band) * ROW_H + 2 * LANE_PAD
        layout = LaneLayout(lane, number, y, height, "glyphs", in_view, glyphs, spanning=spanning)
        if in_view >= HEAT_FROM:  # a busy lane keeps its density as a faint heat behind the glyphs
            layout.counts = self._density(lane, number, y, in_view, width, scale).counts
        return layout

    # -- hit testing and selection --------------------------------------------------------------------
    def glyph_at(self, pos: QPointF) -> Optional[Glyph]:
        best, best_d = None, 1e9
        for lane in self.frame().lanes:
            if not lane.y <= pos.y() <= lane.y + lane.height:
                continue
            for g in lane.glyphs:
                r = g.rect().adjusted(-3, -4, 3, 4)
                if r.contains(pos):
                    d = abs((r.center().x()) - pos.x()) if g.kind == "point" else 0.0
                    if d < best_d:
                        best, best_d = g, d
        return best

    def click_event(self, event_id: int, modifiers: Qt.KeyboardModifier) -> None:
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            self.selection ^= {event_id}
        elif modifiers & Qt.KeyboardModifier.ShiftModifier:
            self.selection.add(event_id)
        else:
            self.selection = {event_id}
        self.current_id = event_id
        self.canvas.update()
        self.selectionChanged.emit(self.selected_ids())

    def select_in_rect(self, rect: QRectF, modifiers: Qt.KeyboardModifier) -> None:
        hits = {g.event_id for lane in self.frame().lanes for g in lane.glyphs if rect.intersects(g.rect())}
        if modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
            self.selection |= hits
        else:
            self.selection = hits
        self.canvas.update()
        self.selectionChanged.emit(self.selected_ids())

    def lane_at(self, y: float) -> Optional[LaneLayout]:
        """The lane drawn at height y (below the axis), if any."""
        if y < AXIS_H:
            return None
        for lane in self.frame().lanes:
            if lane.y <= y < lane.y + lane.height:
                return lane
        return None

    def toggle_lane_at(self, y: float) -> None:
        """A click on a lane's header collapses it, or opens it again."""
        lane = self.lane_at(y)
        if lane is not None:
            self.set_lane_collapsed(lane.lane.name, not lane.lane.collapsed)

    def set_lane_collapsed(self, name: str, collapsed: bool) -> None:
        for lane in self.data.lanes:
            if lane.name == name:
                lane.collapsed = collapsed
        self._changed()

    def header_rect(self, lane: LaneLayout) -> QRectF:
        """Where a lane's name is drawn: at its top, or, while the lane is scrolled partly
        above the view, held just under the axis until the lane's end pushes it up."""
        top = min(max(lane.y, AXIS_H), lane.y + lane.height - ROW_H)
        return QRectF(0, top, self.header_w, ROW_H)

    def lane_tooltip(self, lane: LaneLayout) -> str:
        action = "expand" if lane.lane.collapsed else "collapse"
        return (f"<b>{html.escape(lane.lane.name)}</b><br>{lane.lane.size:,} events, {lane.in_view:,} in view"
                f"<br><i>Click to {action}</i>")

    def tooltip_html(self, event_id: int) -> str:
        if self.ws is None:
            return ""
        events = self.ws.events_by_ids([event_id])
        if not events:
            return ""
        e = events[0]
        esc = html.escape
        actors = []
        for p in e.participants:
            try:
                actors.append(f"{esc(self.ws.get_actor(p.actor_uid).name)} ({esc(p.role.label)})")
            except BrieferError:
                continue
        sources = []
        for c in e.citations:
            try:
                s = self.ws.get_source(c.source_uid)
            except BrieferError:
                continue
            sources.append(f"{esc(s.name)} — {s.reliability} ({esc(RELIABILITY_LABELS[s.reliability])}), "
                           f"credibility {c.credibility}")
        parts = [f"<b>{esc(e.title)}</b>", esc(e.when.label)]
        if e.place or e.country:
            parts.append(esc(", ".join(p for p in (e.place, e.country) if p)))
        if actors:
            parts.append("Actors: " + ", ".join(actors))
        parts.append("Sources: " + ("<br>&nbsp;&nbsp;".join(sources) if sources else "<i>none cited</i>"))
        return "<br>".join(parts)

    # -- painting --------------------------------------------------------------------------------------
    def paint(self, painter: QPainter, width: int, height: int, band: Optional[QRectF] = None,
              export: bool = False) -> None:
        if export:
            frame = self._layout(width, height, float(self.vbar.value()), cache=False)  # scrolled as on screen
            self._frame = None  # the screen's layout is laid out again
        else:
            frame = self.frame(width, height)
        pal = self.palette()
        base = pal.color(QPalette.ColorRole.Base)
        text = pal.color(QPalette.ColorRole.Text)
        mid = pal.color(QPalette.ColorRole.Mid)
        alternate = pal.color(QPalette.ColorRole.AlternateBase)
        highlight = pal.color(QPalette.ColorRole.Highlight)
        painter.fillRect(QRectF(0, 0, width, height), base)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setFont(self.font())

        # lane bands
        for lane in frame.lanes:
            if lane.y > height or lane.y + lane.height < AXIS_H:
                continue
            if lane.number % 2:
                painter.fillRect(QRectF(0, lane.y, width, lane.height), alternate)

        unit = axis.choose_unit(self.t0, self.t1, self.time_width(width), self._measure)
        self._paint_grid(painter, unit, width, height, mid)
        clip_top = QRectF(self.header_w, AXIS_H, width - self.header_w, height - AXIS_H)
        painter.save()
        painter.setClipRect(clip_top)
        for lane in frame.lanes:
            if lane.y > height or lane.y + lane.height < AXIS_H:
                continue
            colour = self._lane_colour(lane.lane.name) if self.lane_mode != "none" else QColor(LANE_COLOURS[0])
            if lane.mode in ("density", "collapsed"):
                self._paint_density(painter, lane, colour, text)
            elif lane.mode == "glyphs":
                if lane.counts is not None:
                    self._paint_heat(painter, lane, colour)
                if lane.spanning:
                    self._paint_spanning(painter, lane, colour, text, width)
                self._paint_glyphs(painter, lane, colour, text, highlight, width, top=AXIS_H - ROW_H,
                                   bottom=height + ROW_H)
        self._paint_today(painter, width, height)
        painter.restore()
        self._paint_axis(painter, unit, width, base, text, mid)
        self._paint_headers(painter, frame, height, base, text, mid)
        if export and self.show_legend:
            self._paint_legend(painter, width, height, base, text, mid)
        if not len(self.data):
            painter.setPen(mid)
            painter.drawText(QRectF(self.header_w, AXIS_H, width - self.header_w, height - AXIS_H),
                             Qt.AlignmentFlag.AlignCenter, "No events yet" if self.ws else "No workspace open")
        if band is not None:
            painter.setPen(QPen(highlight, 1, Qt.PenStyle.DashLine))
            fill = QColor(highlight)
            fill.setAlpha(40)
            painter.setBrush(fill)
            painter.drawRect(band.normalized())

    def _paint_grid(self, painter: QPainter, unit: axis.Unit, width: int, height: int, mid: QColor) -> None:
        """Opaque, pixel-aligned, unantialiased lines in one call: translucent antialiased
        full-height lines cost the raster engine ~10 ms a frame."""
        base = self.palette().color(QPalette.ColorRole.Base)
        grid = QColor(int(base.red() * 0.75 + mid.red() * 0.25), int(base.green() * 0.75 + mid.green() * 0.25),
                      int(base.blue() * 0.75 + mid.blue() * 0.25))
        lines = [QLineF(x, AXIS_H, x, height) for x in
                 (round(self._x(ts, width)) + 0.5 for ts, _ in axis.ticks(unit, self.t0, self.t1)) if x >= self.header_w]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(QPen(grid, 1))
        painter.drawLines(lines)
        painter.restore()

    def _paint_axis(self, painter: QPainter, unit: axis.Unit, width: int, base: QColor, text: QColor,
                    mid: QColor) -> None:
        painter.fillRect(QRectF(0, 0, width, AXIS_H), base)
        painter.setPen(QPen(mid, 1))
        painter.drawLine(QPointF(0, AXIS_H - 0.5), QPointF(width, AXIS_H - 0.5))
        fm = self._metrics
        tick_marks = [(round(self._x(ts, width)) + 0.5, label) for ts, label in axis.ticks(unit, self.t0, self.t1)]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.drawLines([QLineF(x, AXIS_H - 8, x, AXIS_H) for x, _ in tick_marks if x >= self.header_w])
        painter.restore()
        painter.setPen(text)
        last_right = -1e9
        for x, label in tick_marks:
            if x < self.header_w:
                continue
            w = self._measure(label)
            if x + 3 > last_right + 4 and x + 3 + w <= width - 2:
                painter.drawText(QPointF(x + 3, AXIS_H - 10), label)
                last_right = x + 3 + w
        # context row: the month above days, the year above months...; the first sticks to the left
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        majors = axis.major_ticks(unit, self.t0, self.t1)
        bold_fm = QFontMetricsF(bold)
        for k, (ts, label) in enumerate(majors):
            x = max(self._x(ts, width), self.header_w) + 3
            next_x = self._x(majors[k + 1][0], width) if k + 1 < len(majors) else width
            w = bold_fm.horizontalAdvance(label)
            if x + w > next_x - 4:
                x = min(x, next_x - 4 - w)
            if x >= self.header_w and x + w <= width:
                painter.drawText(QPointF(x, fm.ascent() + 4), label)
        painter.setFont(self.font())

    def _paint_today(self, painter: QPainter, width: int, height: int) -> None:
        x = self.today_x(width)
        if x is not None:
            painter.setPen(QPen(QColor("#d64541"), 1.5))
            painter.drawLine(QPointF(x, AXIS_H), QPointF(x, height))
            label_w = self._measure("today")
            left = x + 3 if x + 3 + label_w <= width - 2 else x - 3 - label_w  # inside the view
            backdrop = QColor(self.palette().color(QPalette.ColorRole.Base))
            backdrop.setAlpha(215)
            fm = self._metrics
            painter.fillRect(QRectF(left - 2, AXIS_H + 12 - fm.ascent(), label_w + 4, fm.height()), backdrop)
            painter.drawText(QPointF(left, AXIS_H + 12), "today")

    @staticmethod
    def _levels(counts: np.ndarray) -> tuple[int, np.ndarray, np.ndarray]:
        """(count under every column, what varies above it, its level 0..1 on a square-root scale)."""
        floor = int(counts.min())
        varying = counts - floor
        peak = float(varying.max())
        return floor, varying, (np.sqrt(varying / peak) if peak > 0 else np.zeros(len(counts)))

    @staticmethod
    def _argb(colour: QColor, alpha):
        """Premultiplied ARGB32 words (as QImage keeps them) of a colour at these alphas."""
        alpha = np.asarray(alpha, dtype=np.uint32)
        r, g, b = (np.uint32(c) * alpha // 255 for c in (colour.red(), colour.green(), colour.blue()))
        return (alpha << 24) | (r << 16) | (g << 8) | b

    def _paint_heat(self, painter: QPainter, lane: LaneLayout, colour: QColor) -> None:
        """The same density as a strip, faint, behind a busy lane's glyphs: zooming in across
        the glyph limit keeps the picture of where events crowd."""
        counts = lane.counts
        if counts is None or not len(counts):
            return
        _, varying, level = self._levels(counts)
        image = np.zeros((1, len(counts), 4), dtype=np.uint8)
        alpha = np.where(varying > 0, 8 + 26 * level, 0).astype(np.uint16)
        for channel, value in enumerate((colour.blue(), colour.green(), colour.red())):
            image[0, :, channel] = (value * alpha // 255).astype(np.uint8)
        image[0, :, 3] = alpha.astype(np.uint8)
        qimage = QImage(image.data, len(counts), 1, len(counts) * 4, QImage.Format.Format_ARGB32_Premultiplied)
        # as tall as a density strip, where the strip was: a full tall lane would cost a few ms a frame
        painter.drawImage(QRectF(self.header_w, lane.y, len(counts), min(lane.height, DENSITY_H + 2 * LANE_PAD)),
                          qimage)

    def _paint_density(self, painter: QPainter, lane: LaneLayout, colour: QColor, text: QColor) -> None:
        """A histogram drawn as one image: each pixel column's height and opacity follow
        its count.  Events under every column (long spans) make a faint band, and the bars
        show what varies above it, so a few long intervals do not flatten the picture."""
        counts = lane.counts
        if counts is None or not len(counts):
            return
        floor, varying, level = self._levels(counts)
        collapsed = lane.mode == "collapsed"
        if not collapsed:
            self._paint_heat(painter, lane, colour)
        top = lane.y + (4 if collapsed else LANE_PAD)
        rows = int(COLLAPSED_H - 8 if collapsed else DENSITY_H)
        heights = np.where(varying > 0, np.maximum((level * rows).astype(np.int32), 2), 0)
        alpha = (90 + 165 * level).astype(np.uint8).astype(np.uint32)
        mask = np.arange(rows)[::-1, None] < heights[None, :]
        band = 45 if floor > 0 else 0
        # one premultiplied ARGB word per column for the bar and one for the band, then a
        # single pass picks between them: a lane's strip costs ~0.1 ms instead of ~0.6 ms
        bar = self._argb(colour, alpha)
        image = np.where(mask, bar[None, :], self._argb(colour, np.uint32(band))).astype(np.uint32)
        qimage = QImage(image.data, len(counts), rows, len(counts) * 4, QImage.Format.Format_ARGB32_Premultiplied)
        painter.drawImage(QRectF(self.header_w, top, len(counts), rows), qimage)
        if collapsed:
            return
        note = f"{lane.in_view:,} events in view"
        if floor:
            note += f" ({floor:,} across all of it)"
        note += " — zoom in to see each"
        fm = self._metrics
        box = QRectF(self.header_w + 4, top + 1, fm.horizontalAdvance(note) + 10, fm.height() + 2)
        backdrop = QColor(self.palette().color(QPalette.ColorRole.Base))
        backdrop.setAlpha(200)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(backdrop)
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(text)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, note)

    def _paint_spanning(self, painter: QPainter, lane: LaneLayout, colour: QColor, text: QColor,
                        width: int) -> None:
        rect = self.spanning_rect(lane, width)
        fill = QColor(colour)
        fill.setAlpha(55)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRect(rect)
        painter.setPen(text)
        painter.drawText(rect.adjusted(8, 0, 0, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         f"{lane.spanning:,} events run across all of the view (see them in the table)")

    def spanning_rect(self, lane: LaneLayout, width: int) -> QRectF:
        return QRectF(self.header_w, lane.y + LANE_PAD + (ROW_H - BAR_H) / 2, width - self.header_w, BAR_H)

    def _paint_glyphs(self, painter: QPainter, lane: LaneLayout, colour: QColor, text: QColor, highlight: QColor,
                      width: int, left: Optional[float] = None, top: float = -1e9, bottom: float = 1e9) -> None:
        """Certain dates solid; approximate (~) with dotted edges and bars fading out at
        their ends; uncertain (?) fainter with dashed edges.  Labels carry the same mark.

        Drawn in passes (points, bars, selection, labels) so that the painter's state
        changes a few times per lane rather than per glyph."""
        left = self.header_w if left is None else left
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        edge = colour.lighter(135) if dark else colour.darker(130)
        pens = {0: QPen(edge, 1.2), FLAG_UNCERTAIN: QPen(edge, 1.3, Qt.PenStyle.DashLine),
                FLAG_APPROXIMATE: QPen(edge, 1.5, Qt.PenStyle.DotLine)}
        alphas = {0: 255, FLAG_UNCERTAIN: 90, FLAG_APPROXIMATE: 150}
        fm = self._metrics
        # on screen, points are stamped from a drawn image and labels are kept laid out
        # (several times faster than drawing each); vector exports draw them all
        raster = painter.paintEngine() is not None and painter.paintEngine().type() == QPaintEngine.Type.Raster
        ratio = painter.device().devicePixelRatioF() if raster else 1.0
        shown = [g for g in lane.glyphs if top <= g.y <= bottom]  # rows of a tall lane out of sight are skipped

        def style(flags: int) -> int:  # uncertain wins over approximate for the edge
            return FLAG_UNCERTAIN if flags & FLAG_UNCERTAIN else (flags & FLAG_APPROXIMATE)

        # points
        sprites: dict[int, QPixmap] = {}
        for g in shown:
            if g.kind != "point":
                continue
            kind = style(g.flags)
            if raster:
                sprite = sprites.get(kind)
                if sprite is None:
                    sprite = sprites[kind] = self._point_sprite(colour, pens[kind], alphas[kind], ratio)
                painter.drawPixmap(QPointF(g.x0 - 2, g.y - POINT_R - 2), sprite)
            else:
                fill = QColor(colour)
                fill.setAlpha(alphas[kind])
                painter.setBrush(fill)
                painter.setPen(pens[kind])
                painter.drawEllipse(g.rect())
        # bars: light, so that their label reads on them
        light = QColor(colour)
        light.setAlpha(105)
        faint_fill = QColor(colour)
        faint_fill.setAlpha(60)
        arrow_brush = colour.lighter(150) if dark else colour.darker(140)
        faint_edge = QColor(edge)
        faint_edge.setAlpha(110)
        faint_pen = QPen(faint_edge, 1.0)
        for g in shown:
            if g.kind != "bar":
                continue
            rect = g.rect()
            kind = style(g.flags)
            pen = pens[kind]
            fill = faint_fill if kind == FLAG_UNCERTAIN else light
            if g.flags & FLAG_APPROXIMATE and rect.width() >= 24:  # approximate: the ends fade out
                fade = min(0.3, 16 / rect.width())
                gradient = QLinearGradient(rect.left(), 0, rect.right(), 0)
                faint = QColor(colour)
                faint.setAlpha(18)
                for at, c in ((0, faint), (fade, fill), (1 - fade, fill), (1, faint)):
                    gradient.setColorAt(at, c)
                painter.setBrush(QBrush(gradient))
                outline = QLinearGradient(rect.left(), 0, rect.right(), 0)  # edges fade out too
                clear = QColor(edge)
                clear.setAlpha(0)
                for at, c in ((0, clear), (fade, edge), (1 - fade, edge), (1, clear)):
                    outline.setColorAt(at, c)
                pen = QPen(QBrush(outline), 1.2)
            else:
                painter.setBrush(fill)
            if kind == FLAG_UNCERTAIN and rect.width() > 2 * DASHED_END:
                # a dashed stroke costs per dash: a long bar gets a faint edge, dashed at its ends
                painter.setPen(faint_pen)
                painter.drawRoundedRect(rect, 3, 3)
                painter.setPen(pen)
                l, r, t, b = rect.left(), rect.right(), rect.top(), rect.bottom()
                painter.drawPolyline(QPolygonF([QPointF(l + DASHED_END, t), QPointF(l, t), QPointF(l, b),
                                                QPointF(l + DASHED_END, b)]))
                painter.drawPolyline(QPolygonF([QPointF(r - DASHED_END, t), QPointF(r, t), QPointF(r, b),
                                                QPointF(r - DASHED_END, b)]))
            else:
                painter.setPen(pen)
                painter.drawRoundedRect(rect, 3, 3)
            open_start, open_end = g.flags & FLAG_OPEN_START, g.flags & FLAG_OPEN_END
            if open_start or open_end or g.clipped_left or g.clipped_right:
                painter.setBrush(arrow_brush)
                painter.setPen(Qt.PenStyle.NoPen)
                y = rect.center().y()
                if open_start or g.clipped_left:
                    self._arrow(painter, max(rect.left(), left) + 2, y, -1, bool(open_start))
                if open_end or g.clipped_right:
                    self._arrow(painter, min(rect.right(), width) - 2, y, 1, bool(open_end))
        # selection: a ring in the highlight colour, edged in the text colour to stand out on any lane
        chosen = [g for g in shown if g.event_id in self.selection] if self.selection else []
        if chosen:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            ring, rim = QPen(highlight, 2.4), QPen(text, 1.0)
            mark = QColor(highlight)
            mark.setAlpha(60)
            for g in chosen:
                rect = g.rect()
                painter.setPen(ring)
                painter.drawRoundedRect(rect.adjusted(-2.5, -2.5, 2.5, 2.5), 4, 4)
                painter.setPen(rim)
                painter.drawRoundedRect(rect.adjusted(-4.2, -4.2, 4.2, 4.2), 5, 5)
        # labels
        ascent, line = fm.ascent(), fm.height()
        painter.setFont(self.font())
        painter.setPen(text)
        for g in shown:
            if g.label_w <= 0 or not g.title:
                continue
            label = g.label
            label_w = self._measure(label)
            if label_w > g.label_w - 6:
                label = self._elided(label, g.label_w - 6)
                if len(label.rstrip("…").strip()) < 3:  # "B…" tells nothing
                    continue
                label_w = self._measure(label)
            x = g.label_x()
            if chosen and g.event_id in self.selection:  # the label of a selected event is marked
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(mark)
                painter.drawRoundedRect(QRectF(x - 2, g.y - line / 2, label_w + 4, line), 3, 3)
                painter.setPen(text)
            baseline = g.y + ascent / 2 - 1.5
            if raster:
                painter.drawStaticText(QPointF(x, baseline - ascent), self._static_text(label, False))
            else:
                painter.drawText(QPointF(x, baseline), label)

    def _elided(self, label: str, room: float) -> str:
        key = (label, int(room))
        text = self._elide_cache.get(key)
        if text is None:
            if len(self._elide_cache) > 20000:
                self._elide_cache.clear()
            text = self._elide_cache[key] = self._metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(room))
        return text

    def _static_text(self, label: str, bold: bool) -> QStaticText:
        key = (label, bold)
        static = self._static_cache.get(key)
        if static is None:
            if len(self._static_cache) > 20000:
                self._static_cache.clear()
            static = QStaticText(label)
            static.setTextFormat(Qt.TextFormat.PlainText)
            self._static_cache[key] = static
        return static

    def _point_sprite(self, colour: QColor, pen: QPen, alpha: int, ratio: float) -> QPixmap:
        key = (colour.rgba(), pen.color().rgba(), pen.style().value, alpha, ratio)
        sprite = self._sprites.get(key)
        if sprite is None:
            size = 2 * POINT_R + 4
            sprite = QPixmap(int(math.ceil(size * ratio)), int(math.ceil(size * ratio)))
            sprite.setDevicePixelRatio(ratio)
            sprite.fill(Qt.GlobalColor.transparent)
            stamp = QPainter(sprite)
            stamp.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            fill = QColor(colour)
            fill.setAlpha(alpha)
            stamp.setBrush(fill)
            stamp.setPen(pen)
            stamp.drawEllipse(QRectF(2, 2, 2 * POINT_R, 2 * POINT_R))
            stamp.end()
            self._sprites[key] = sprite
        return sprite

    @staticmethod
    def _arrow(painter: QPainter, tip: float, y: float, direction: int, open_end: bool) -> None:
        """An arrow at a bar's end: large for an open end ("since 2014"), small where the
        bar merely runs past the edge of the view."""
        size = 6.0 if open_end else 4.0
        painter.drawPolygon(QPolygonF([QPointF(tip, y), QPointF(tip - direction * size, y - size),
                                       QPointF(tip - direction * size, y + size)]))

    def _paint_headers(self, painter: QPainter, frame: Frame, height: int, base: QColor, text: QColor,
                       mid: QColor) -> None:
        painter.fillRect(QRectF(0, AXIS_H, self.header_w, height - AXIS_H), base)
        quiet = QColor(text)  # secondary text; Mid is for lines (near Base in dark palettes)
        quiet.setAlphaF(0.55)
        painter.setPen(QPen(mid, 1))
        painter.drawLine(QPointF(self.header_w - 0.5, 0), QPointF(self.header_w - 0.5, height))
        fm = self._metrics
        for lane in frame.lanes:
            if lane.y > height or lane.y + lane.height < AXIS_H:
                continue
            painter.setPen(QPen(mid, 1))
            painter.drawLine(QPointF(0, lane.y + lane.height), QPointF(self.header_w, lane.y + lane.height))
            painter.setPen(text)
            arrow = "▸" if lane.lane.collapsed else "▾"
            count = f"{lane.lane.size:,}"
            room = self.header_w - 6 - fm.horizontalAdvance(f"{arrow} ") - 14 - fm.horizontalAdvance(count) - 8
            label = fm.elidedText(lane.lane.name, Qt.TextElideMode.ElideRight, room)
            y = self.header_rect(lane).top() + LANE_PAD + fm.ascent()
            painter.drawText(QPointF(6, y), f"{arrow} {label}")
            painter.setPen(quiet)
            painter.drawText(QPointF(self.header_w - 8 - fm.horizontalAdvance(count), y), count)
        painter.fillRect(QRectF(0, 0, self.header_w, AXIS_H), base)
        painter.setPen(quiet)
        painter.drawText(QRectF(6, 4, self.header_w - 12, AXIS_H - 8), Qt.AlignmentFlag.AlignLeft |
                         Qt.AlignmentFlag.AlignVCenter, LANE_MODES[self.lane_mode])

    def paint_legend_items(self, painter: QPainter, x: float, y: float, right: float, text: QColor) -> float:
        """The legend's glyphs and words in one row from (x, y centre line), as many as fit
        before `right`; returns where the row ended."""
        fm = self._metrics
        colour = QColor(LANE_COLOURS[0])
        saved = self.selection
        self.selection = set()
        try:
            for kind, flags, label in LEGEND_ITEMS:
                glyph_w = 10.0 if kind == "point" else 24.0
                needed = glyph_w + 5 + fm.horizontalAdvance(label)
                if x + needed > right:  # no room for the rest: say so (the tooltip has them all)
                    painter.setPen(text)
                    if x + fm.horizontalAdvance("…") <= right:
                        painter.drawText(QPointF(x, y + fm.ascent() / 2 - 1.5), "…")
                    break
                glyph = Glyph(-1, -1, kind, x, x + glyph_w, y, flags, "", 0.0)
                lane = LaneLayout(Lane("", 0, 0), 0, 0, 0, "glyphs", 0, [glyph])
                self._paint_glyphs(painter, lane, colour, text, colour, int(right) + 100, left=-1e9)
                painter.setPen(text)
                painter.drawText(QPointF(x + glyph_w + 5, y + fm.ascent() / 2 - 1.5), label)
                x += needed + LEGEND_GAP
        finally:
            self.selection = saved
        return x

    def legend_width(self) -> float:
        fm = self._metrics
        return sum((10.0 if kind == "point" else 24.0) + 5 + fm.horizontalAdvance(label) + LEGEND_GAP
                   for kind, _, label in LEGEND_ITEMS)

    def _paint_legend(self, painter: QPainter, width: int, height: int, base: QColor, text: QColor,
                      mid: QColor) -> None:
        """For exports: the legend as a box in the lower right corner."""
        w = self.legend_width() + 6
        h = 24.0
        box = QRectF(width - w - 10, height - h - 10, w, h)
        background = QColor(base)
        background.setAlpha(235)
        painter.setBrush(background)
        painter.setPen(QPen(mid, 1))
        painter.drawRoundedRect(box, 4, 4)
        self.paint_legend_items(painter, box.left() + 10, box.center().y(), box.right(), text)


class LegendStrip(QWidget):
    """The legend in the timeline's toolbar, so that it never hides an event; it shows
    as many of its items as there is room for."""

    def __init__(self, view: TimelineView) -> None:
        super().__init__(view)
        self.view = view
        self.setObjectName("timelineLegend")
        self.setToolTip("How dates are drawn: a point for a day or a time; a bar across the bounds of a month, "
                        "a year or an interval; ~ approximate (fading ends, dotted edge); ? uncertain (faint, "
                        "dashed edge); an arrow where an interval is open-ended")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(int(self.view.legend_width()) + 4, 22)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(0, 22)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setFont(self.view.font())
            self.view.paint_legend_items(painter, 2.0, self.height() / 2, float(self.width()),
                                         self.palette().color(QPalette.ColorRole.WindowText))
        finally:
            painter.end()


class ExportSizeDialog(QDialog):
    """Width and height of the exported picture, in pixels."""

    def __init__(self, parent: QWidget, kind: str, size: tuple[int, int]) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Export timeline as {kind.upper()}")
        self.width_box = QSpinBox(objectName="exportWidth", minimum=200, maximum=8000, suffix=" px")
        self.height_box = QSpinBox(objectName="exportHeight", minimum=150, maximum=8000, suffix=" px")
        self.width_box.setValue(size[0])
        self.height_box.setValue(size[1])
        form = QFormLayout(self)
        form.addRow("Width:", self.width_box)
        form.addRow("Height:", self.height_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen_size(self) -> tuple[int, int]:
        return self.width_box.value(), self.height_box.value()
