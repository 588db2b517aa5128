"""Periods (eras) on the timeline: faint bands behind the events, their span marked on the
axis, their names at the foot of the view (colours: `core.period.period_colour`, as in the
brief's chart)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette

from ...core.period import period_colour
from .frame import AXIS_H


class PeriodsMixin:
    """The periods' part of `TimelineView`'s painting."""

    def period_bands(self, width: int) -> list[tuple[QRectF, QColor, str]]:
        """The periods in view: (the band across the events' area, its colour, its name)."""
        bands = []
        for k, period in enumerate(self.periods):
            lo, hi = float(period.when.earliest_ts), float(period.when.latest_ts + 1)
            if hi <= self.t0 or lo >= self.t1:
                continue
            x0, x1 = max(self._x(lo, width), self.header_w), min(self._x(hi, width), float(width))
            colour = QColor(period_colour(period, k))
            bands.append((QRectF(x0, AXIS_H, max(x1 - x0, 1.0), 0), colour, period.name))
        return bands

    def _paint_periods(self, painter: QPainter, width: int, height: int, text: QColor, names: bool = False) -> None:
        """Periods as faint bands behind the events, marked on the axis; with `names`, their
        names at the foot of the view (painted over the events, so that they read)."""
        fm = self._metrics
        for rect, colour, name in self.period_bands(width):
            rect.setHeight(height - AXIS_H)
            if not names:
                fill = QColor(colour)
                fill.setAlpha(30)
                painter.fillRect(rect, fill)
                edge = QColor(colour)
                edge.setAlpha(140)
                painter.fillRect(QRectF(rect.left(), AXIS_H - 4, rect.width(), 4), edge)  # its span on the axis
                continue
            label = self._elided(name, rect.width() - 8)
            if len(label.rstrip("…")) >= 3:
                box = QRectF(rect.left() + 4, height - fm.height() - 6, self._measure(label) + 8, fm.height() + 2)
                backdrop = QColor(self.palette().color(QPalette.ColorRole.Base))
                backdrop.setAlpha(225)
                painter.fillRect(box, backdrop)
                edge = QColor(colour)
                edge.setAlpha(200)
                painter.fillRect(QRectF(box.left(), box.top(), 3, box.height()), edge)
                painter.setPen(text)
                painter.drawText(box.adjusted(3, 0, 0, 0), Qt.AlignmentFlag.AlignCenter, label)
