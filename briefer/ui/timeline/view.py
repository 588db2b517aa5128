"""The timeline widget: events over time, in lanes, drawn by what is known of their dates.

Everything drawn comes from the columns in `data.py`; a frame touches only what is in
view.  A lane shows glyphs when its events in view can be packed into a few rows with
their labels (or at least their glyphs); otherwise it shows a density strip (events per
pixel column, two binary searches per column), and zooming in turns the strip back
into glyphs.  The layout of a frame is computed once per view state and kept, so the
geometry questions tests and hit-testing ask read the same numbers the painter used.
"""

from __future__ import annotations

import math
import re
from datetime import datetime, timezone
from typing import Optional, Sequence

from PySide6.QtCore import QBuffer, QIODevice, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction, QActionGroup, QColor, QFontMetricsF, QImage, QKeySequence, QPainter, QPixmap, QStaticText,
)
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QScrollBar, QToolButton, QVBoxLayout, QWidget,
)

from ...core.errors import BrieferError
from ...core.files import write_bytes, write_text
from ...core.filter import EventFilter
from ...core.when import When
from ...edit import ChangeSet
from ...store import Workspace
from ...store import timeline as store_timeline
from .. import icons
from ..screen_fit import fit_to_screen
from . import axis
from .canvas import TimelineCanvas
from .colours import ColoursMixin
from .data import DAY, TimelineData, release_freed_memory
from .export import paint_export
from .frame import (
    AXIS_H, HEADER_MAX, HEADER_MIN, LANE_COLOURS, LANE_MODES, MAX_SPAN, MIN_SPAN, ROW_H, Frame, LaneLayout, LanePacking,
)
from .hits import HitsMixin
from .lanes import LanesMixin
from .layout import LayoutMixin
from .painting import PaintingMixin
from .widgets import ExportSizeDialog, GoToDateDialog, LegendStrip


class TimelineView(LayoutMixin, PaintingMixin, HitsMixin, LanesMixin, ColoursMixin, QWidget):
    """Zoomable timeline with swimlanes; speaks in event row ids, like the event table."""

    selectionChanged = Signal(list)  # row ids, on user selection only
    eventActivated = Signal(int)
    laneFilterRequested = Signal(str, str)  # lane mode, lane name: "filter to this lane"
    lanesFailed = Signal(object)  # a BrieferError kept the lanes from being read: one lane drawn, the window says why

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.ws: Optional[Workspace] = None
        self.data = TimelineData()
        self.filter = EventFilter()
        self.lane_mode = "none"
        self.periods: list = []  # the workspace's periods (eras), drawn as bands
        self.lane_sort = "name"  # or "events" (in view) or "recent" (last activity)
        self.hide_empty_lanes = False
        self._colour_of: dict[str, int] = {}  # lane name -> colour, kept while the workspace is open
        self.t0, self.t1 = self._default_range()
        self.selection: set[int] = set()
        self.current_id: Optional[int] = None
        self.show_legend = True
        self.header_w = HEADER_MIN
        self._export_size = (1920, 1080)
        self._go_to_text = ""
        self.event_menu_actions: list[QAction] = []  # what a right-click on an event offers (the window's)
        self._titles: dict[int, str] = {}
        self._frame: Optional[Frame] = None
        self._lane_cache: dict[int, LaneLayout] = {}
        self._lane_cache_key: tuple = ()
        self._packings: dict[tuple, LanePacking] = {}  # whole lanes packed at a zoom (layout.py)
        self._row_memory: dict[tuple, dict[str, int]] = {}  # rows of busy lanes seen at a zoom
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
        self.make_lane_controls()
        self.make_colour_controls()
        self.status = QLabel(objectName="timelineStatus")
        # a filter whose matches are all out of view offers to show them (the view stays
        # where the analyst put it until asked)
        self.show_matches = QToolButton(objectName="timelineShowMatches")
        self.show_matches.setAutoRaise(True)
        self.show_matches.setVisible(False)
        self.show_matches.clicked.connect(lambda *_: self.fit_all())
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 2, 6, 2)
        bar.addWidget(QLabel("Lanes:"))
        bar.addWidget(self.lanes_box)
        bar.addWidget(self.sort_box)
        bar.addWidget(self.hide_empty_button)
        bar.addWidget(self.colour_box)
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
        bar.addWidget(self.show_matches)
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
        layout.addWidget(self.colour_legend)
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
        self.restore_arrangement()
        self.restore_colours()
        self.reload()
        self.fit_all()

    def reload(self) -> None:
        """Read the columns again (after an edit, an undo, an import)."""
        self._titles.clear()
        self.forget_values()
        self.periods = self.ws.periods() if self.ws else []
        self.data = TimelineData(store_timeline.event_columns(self.ws) if self.ws else None, lanes=False)
        self._apply_lanes()  # (sets the data's lanes, whichever the mode)
        self._apply_filter()
        if len(self.data) > 100_000:
            release_freed_memory()
        self._changed()

    def apply_changes(self, changes: ChangeSet) -> None:
        """Refresh after an edit, touching only what it changed: an edited title lays out and
        repaints the lanes that draw it, an edited actor nothing unless it names a lane; a
        reread of every event is for events that came, went or moved in time."""
        if self.ws is None:
            return
        self.complete_lanes()  # (what follows compares the lanes drawn with the store's)
        if changes.touches("periods"):
            self.periods = self.ws.periods()
            self.canvas.update()
        events = changes.events
        if changes.everything or events.added or events.removed or events.moved:
            self.reload()
            return
        relane = refilter = False
        positions = None
        if events.changed:
            ids = list(self.ws.event_ids(EventFilter(uids=tuple(sorted(events.changed)))))
            positions, found = self.data._positions(ids)
            if not found.all():
                self.reload()
                return
            for i in ids:
                self._titles.pop(i, None)
            self.forget_values(ids)
            if self.colour_by != "lane":
                self.refresh_colour_legend()  # a new type or tag gets its entry
            self.data.precision[positions] = -1  # title, precision and flags are read again when drawn
            if self.lane_mode != "none":
                relane = not (events.links_kept and self.lane_mode in ("actor", "source")) and (
                    len(ids) > 50 or self._lanes_moved(ids, positions))
            if not self.filter.is_empty:
                now = set(self.ws.matching_among(self.filter, ids))
                refilter = any((i in now) != bool(self.data.visible[k]) for i, k in zip(ids, positions.tolist()))
        kind = {"actor": "actors", "source": "sources"}.get(self.lane_mode)
        if kind and changes.touches(kind) and not relane:
            relane = self._lane_names_stale(kind, getattr(changes, kind))
        if relane:
            self._apply_lanes()
        if refilter:
            self._apply_filter()
        recolour = self.colour_by == "grade" and changes.touches("sources")  # a source's grade colours its events
        if recolour:
            self.forget_values()
            self.refresh_colour_legend()
        if relane or refilter or recolour or changes.touches("periods"):
            self._changed()
        elif positions is not None and self._frame is not None:
            # in place: the lanes that draw these events are laid out again and only they repaint
            band = self.relayout_lanes_of(positions)
            if band is not None:
                self._update_vbar()
                top, bottom = band
                self.canvas.update(QRect(0, int(top) - 1, self.canvas.width(), int(bottom - top) + 3))
        elif positions is not None:
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
        self.complete_lanes()
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        try:
            paint_export(self, painter, width, height)
        finally:
            painter.end()
        data = QBuffer()
        data.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(data, "PNG"):  # Qt says no more than that
            raise BrieferError(f"cannot write {path}")
        write_bytes(path, bytes(data.data()))  # whole or not at all, never over the workspace or via a link

    def export_svg(self, path: str, width: int, height: int) -> None:
        from PySide6.QtSvg import QSvgGenerator

        self.complete_lanes()
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
            paint_export(self, painter, width, height)
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
                None, *self._lane_actions, None, *self.arrangement_actions(), None, self.act_legend,
                self.act_export_png, self.act_export_svg]

    def _toggle_legend(self) -> None:
        self.show_legend = self.act_legend.isChecked()
        self.legend.setVisible(self.show_legend)

    def _ask_go_to(self) -> None:
        """Ask for a date; one it cannot read is said so in the dialog, with the text kept to correct."""
        dialog = GoToDateDialog(self, self._go_to_text)
        if fit_to_screen(dialog).exec() and dialog.when is not None:
            self._go_to_text = dialog.text.text()
            self.go_to(dialog.when)

    def _ask_export(self, kind: str) -> None:
        dialog = ExportSizeDialog(self, kind, self._export_size)
        if not fit_to_screen(dialog).exec():
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
        lanes = len(self.data.lanes)
        lanes_text = "lanes…" if self.lanes_partial else f"{lanes:,} lane{'' if lanes == 1 else 's'}"
        self.status.setText(f"{shown:,} event{'' if shown == 1 else 's'}" + (
            f" · {lanes_text}" if self.lane_mode != "none" else ""))
        self._update_matches_hint()
        self.canvas.update()

    def _update_matches_hint(self) -> None:
        """Offer "Show the N matches" while a filter's matches are all out of view."""
        shown = len(self.data.item_event)
        hidden = bool(shown) and not self.filter.is_empty and not self.data.counts_in(self.t0, self.t1).any()
        if hidden:
            count = int(self.data.visible.sum())
            self.show_matches.setText(f"Show the {count:,} match{'' if count == 1 else 'es'}")
        if self.show_matches.isVisibleTo(self) != hidden:
            self.show_matches.setVisible(hidden)

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
        self._update_matches_hint()
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
        self._update_matches_hint()
        self.canvas.update()

    def pan_fraction(self, fraction: float) -> None:
        shift = (self.t1 - self.t0) * fraction
        self.set_range(self.t0 + shift, self.t1 + shift)

    def _scroll_to(self, ids: list[int]) -> None:
        self.complete_lanes()  # (its lane may not be read yet)
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
        self._scroll_to_row(indices)

    def _scroll_to_row(self, indices) -> None:
        """Scroll down or up to the row of the first of these events, in the first lane that
        has one, even when that lane is below the lanes laid out so far."""
        numbers = self.data.lanes_of(indices)
        order = self.lane_order(self.data.counts_in(self.t0, self.t1))
        shown = [n for n in order if n in set(numbers)]
        if not shown:
            return
        number = shown[0]  # the topmost lane showing it
        offset = self.vbar.value()
        frame = self._layout(self.canvas.width(), self.canvas.height(), offset, through=number)
        layout = next((lane for lane in frame.lanes if lane.number == number), None)
        if layout is None:
            return
        self._frame = None
        self._update_vbar()  # the lanes laid out on the way down may be taller than guessed
        wanted = set(int(i) for i in indices)
        ys = [g.y for g in layout.glyphs if g.index in wanted]
        if ys:  # the glyph's own row, not the top of a tall lane
            top, bottom = min(ys) - ROW_H / 2, max(ys) + ROW_H / 2
        else:  # folded, or a density strip: the lane itself
            top, bottom = layout.y, layout.y + min(layout.height, 2 * ROW_H)
        view_top, view_bottom = AXIS_H, self.canvas.height()
        if top < view_top or bottom > view_bottom:
            # a little of the lane above the row stays in sight, for its name
            self.vbar.setValue(int(offset + top - AXIS_H - min(ROW_H, max(0.0, top - layout.y))))
        self._frame = None

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
        value = self.vbar.value()
        self.vbar.blockSignals(True)
        self.vbar.setRange(0, max(0, int(frame.total_height - visible)))
        self.vbar.setPageStep(max(1, int(visible)))
        self.vbar.blockSignals(False)
        if self.vbar.value() != value:  # clamped: the frame laid out at the old offset is stale
            self._frame = None

    def _hbar_moved(self, value: int) -> None:
        lo, hi = self._scroll_extent()
        span = self.t1 - self.t0
        t0 = lo + value / 10000 * max(hi - lo - span, 0.0)
        self.t0, self.t1 = t0, t0 + span
        self._frame = None
        self._update_matches_hint()
        self.canvas.update()

    def _vbar_moved(self, value: int) -> None:
        self._frame = None
        self._update_vbar()  # lanes scrolled to may have grown from their estimate
        self.canvas.update()
