"""The painted area of the timeline: mouse, wheel, gestures and keys, passed to the view."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent, QPainter, QPaintEvent, QWheelEvent
from PySide6.QtWidgets import QPinchGesture, QToolTip, QWidget

from .frame import ROW_H, Glyph

if TYPE_CHECKING:
    from .view import TimelineView


class TimelineCanvas(QWidget):
    """The painted area; the `TimelineView` around it adds the toolbar and scrollbars."""

    def __init__(self, view: TimelineView) -> None:
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
            whole = event.rect().contains(self.rect())
            self.view.paint(painter, self.width(), self.height(), band=self._band,
                            area=None if whole else QRectF(event.rect()))
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

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.view.context_menu(QPointF(event.pos())).exec(event.globalPos())

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

