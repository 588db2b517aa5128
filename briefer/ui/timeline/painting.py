"""Painting a frame: lanes, grid, axis, glyphs with their fuzzy-date styles, density, headers, legend."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Optional

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush, QColor, QFont, QFontMetricsF, QImage, QLinearGradient, QPaintEngine, QPainter, QPalette, QPen, QPixmap,
    QPolygonF, QStaticText,
)

from . import axis
from .data import FLAG_APPROXIMATE, FLAG_OPEN_END, FLAG_OPEN_START, FLAG_UNCERTAIN, Lane
from .frame import (
    AXIS_H, BAR_H, COLLAPSED_H, DASHED_END, DENSITY_H, LANE_COLOURS, LANE_MODES, LANE_PAD, LEGEND_GAP, LEGEND_ITEMS,
    POINT_R, ROW_H, Frame, Glyph, LaneLayout,
)
from .periods import PeriodsMixin


class PaintingMixin(PeriodsMixin):
    """The painting half of `TimelineView`."""

    def paint(self, painter: QPainter, width: int, height: int, band: Optional[QRectF] = None,
              export: bool = False, area: Optional[QRectF] = None) -> None:
        """Paint the frame; with `area` (what Qt asks to repaint: one lane after an edit), only
        the lanes it crosses, and the axis only if it reaches up to it."""
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

        top, bottom = (AXIS_H, height) if area is None else (max(AXIS_H, area.top()), min(height, area.bottom()))
        # lane bands
        for lane in frame.lanes:
            if lane.y > bottom or lane.y + lane.height < top:
                continue
            if lane.position % 2:
                painter.fillRect(QRectF(0, lane.y, width, lane.height), alternate)

        unit = axis.choose_unit(self.t0, self.t1, self.time_width(width), self._measure)
        self._paint_grid(painter, unit, width, height, mid)
        self._paint_periods(painter, width, height, text)
        clip_top = QRectF(self.header_w, AXIS_H, width - self.header_w, height - AXIS_H)
        painter.save()
        painter.setClipRect(clip_top)
        for lane in frame.lanes:
            if lane.y > bottom or lane.y + lane.height < top:
                continue
            colour = self._lane_colour(lane.lane.name) if self.lane_mode != "none" else QColor(LANE_COLOURS[0])
            if lane.mode in ("density", "collapsed"):
                self._paint_density(painter, lane, colour, text)
            elif lane.mode == "glyphs":
                if lane.counts is not None:
                    self._paint_heat(painter, lane, colour)
                if lane.spanning:
                    self._paint_spanning(painter, lane, colour, text, width)
                if self.colour_by == "lane":
                    self._paint_glyphs(painter, lane, colour, text, highlight, width, top=AXIS_H - ROW_H,
                                       bottom=height + ROW_H)
                    continue
                groups: dict[str, list] = {}
                for g in lane.glyphs:
                    groups.setdefault(self.event_value(g.event_id) or "", []).append(g)
                for value, glyphs in groups.items():  # each value in its own colour
                    self._paint_glyphs(painter, replace(lane, glyphs=glyphs), self.value_colour(value), text,
                                       highlight, width, top=AXIS_H - ROW_H, bottom=height + ROW_H)
        self._paint_today(painter, width, height)
        self._paint_periods(painter, width, height, text, names=True)
        self._paint_edge_markers(painter, frame, width, height, text)
        painter.restore()
        if area is None or area.top() < AXIS_H:
            self._paint_axis(painter, unit, width, base, text, mid)
        self._paint_headers(painter, frame, height, base, text, mid, top, bottom)
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

    @staticmethod
    def edge_marker_texts(lane: LaneLayout) -> tuple[str, str]:
        return f"◂ {lane.before:,} earlier", f"{lane.after:,} later ▸"

    def edge_marker_rects(self, lane: LaneLayout, width: int) -> tuple[Optional[QRectF], Optional[QRectF]]:
        """Where a lane with nothing in view says how many of its events lie left and right
        of the view (None: none there, or the lane has events in view: its glyphs speak)."""
        if lane.in_view or lane.mode == "collapsed":
            return None, None
        fm = self._metrics
        top = lane.y + LANE_PAD + (ROW_H - fm.height()) / 2 - 1
        rects: list[Optional[QRectF]] = []
        for count, text, left in ((lane.before, self.edge_marker_texts(lane)[0], True),
                                  (lane.after, self.edge_marker_texts(lane)[1], False)):
            if not count:
                rects.append(None)
                continue
            w = self._measure(text) + 10
            x = self.header_w + 4 if left else width - 4 - w
            rects.append(QRectF(x, top, w, fm.height() + 2))
        return rects[0], rects[1]

    def _paint_edge_markers(self, painter: QPainter, frame: Frame, width: int, height: int, text: QColor) -> None:
        """How many of each lane's events lie left and right of the view, at its edges: a
        filter whose matches are elsewhere never looks like an empty lane."""
        backdrop = QColor(self.palette().color(QPalette.ColorRole.Base))
        backdrop.setAlpha(225)
        quiet = QColor(text)
        quiet.setAlphaF(0.75)
        for lane in frame.lanes:
            if lane.y > height or lane.y + lane.height < AXIS_H:
                continue
            for rect, label in zip(self.edge_marker_rects(lane, width), self.edge_marker_texts(lane)):
                if rect is None:
                    continue
                painter.setPen(QPen(quiet, 1))
                painter.setBrush(backdrop)
                painter.drawRoundedRect(rect, 4, 4)
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)

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
        # long-running bars in the lane's compact strip: thin lines, fainter when approximate or uncertain
        for g in shown:
            if g.kind == "line":
                fill = QColor(colour)
                fill.setAlpha(alphas[style(g.flags)])
                rect = g.rect()
                painter.fillRect(rect, fill)
                if g.flags & (FLAG_OPEN_START | FLAG_OPEN_END):  # an open end still says so, in small
                    painter.setBrush(arrow_brush)
                    painter.setPen(Qt.PenStyle.NoPen)
                    if g.flags & FLAG_OPEN_START:
                        self._arrow(painter, max(rect.left(), left + 1.0), g.y, -1, False, 2.5)
                    if g.flags & FLAG_OPEN_END:
                        self._arrow(painter, min(rect.right(), width - 1.0), g.y, 1, False, 2.5)
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
    def _arrow(painter: QPainter, tip: float, y: float, direction: int, open_end: bool,
               size: Optional[float] = None) -> None:
        """An arrow at a bar's end: large for an open end ("since 2014"), small where the
        bar merely runs past the edge of the view."""
        size = size or (6.0 if open_end else 4.0)
        painter.drawPolygon(QPolygonF([QPointF(tip, y), QPointF(tip - direction * size, y - size),
                                       QPointF(tip - direction * size, y + size)]))

    def lane_header_text(self, lane) -> str:
        """A lane's name as its header shows it: elided in the middle, so that names that
        differ only at their end ("Military Forces of Syria (2000-2011)", "… (2011-)") stay
        apart; the tooltip has it whole."""
        fm = self._metrics
        arrow = "▸" if lane.collapsed else "▾"
        room = self.header_w - 6 - fm.horizontalAdvance(f"{arrow} ") - 14 - fm.horizontalAdvance(f"{lane.size:,}") - 8
        return f"{arrow} {fm.elidedText(lane.name, Qt.TextElideMode.ElideMiddle, room)}"

    def _paint_headers(self, painter: QPainter, frame: Frame, height: int, base: QColor, text: QColor,
                       mid: QColor, top: float = AXIS_H, bottom: Optional[float] = None) -> None:
        bottom = height if bottom is None else bottom
        painter.fillRect(QRectF(0, AXIS_H, self.header_w, height - AXIS_H), base)
        quiet = QColor(text)  # secondary text; Mid is for lines (near Base in dark palettes)
        quiet.setAlphaF(0.55)
        painter.setPen(QPen(mid, 1))
        painter.drawLine(QPointF(self.header_w - 0.5, 0), QPointF(self.header_w - 0.5, height))
        fm = self._metrics
        for lane in frame.lanes:
            if lane.y > bottom or lane.y + lane.height < top:
                continue
            painter.setPen(QPen(mid, 1))
            painter.drawLine(QPointF(0, lane.y + lane.height), QPointF(self.header_w, lane.y + lane.height))
            painter.setPen(text)
            count = f"{lane.lane.size:,}"
            y = self.header_rect(lane).top() + LANE_PAD + fm.ascent()
            painter.drawText(QPointF(6, y), self.lane_header_text(lane.lane))
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

