"""Zoom, pan and go to: the analyst moves through time with mouse, keys, trackpad and touch."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from briefer.core.filter import EventFilter
from briefer.core.when import When
from briefer.ui.timeline import axis
from tests.ui.timeline.conftest import event_id


def test_zooming_keeps_the_moment_under_the_cursor_fixed(view) -> None:
    x = 700.0
    before = view.datetime_at(x)
    span = view.t1 - view.t0
    view.zoom(2.0, x)
    assert abs((view.datetime_at(x) - before).total_seconds()) < 60
    assert view.t1 - view.t0 == pytest.approx(span / 2)
    wheel = QWheelEvent(QPointF(x, 300), QPointF(view.canvas.mapToGlobal(QPoint(int(x), 300))), QPoint(0, 0),
                        QPoint(0, 120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.canvas, wheel)
    assert view.t1 - view.t0 == pytest.approx(span / 2 / 1.2)
    assert abs((view.datetime_at(x) - before).total_seconds()) < 60


def test_keys_zoom_and_pan(view, qtbot) -> None:
    view.canvas.setFocus()
    span = view.t1 - view.t0
    qtbot.keyClick(view.canvas, Qt.Key.Key_Plus)
    assert view.t1 - view.t0 == pytest.approx(span / 1.5)
    qtbot.keyClick(view.canvas, Qt.Key.Key_Minus)
    assert view.t1 - view.t0 == pytest.approx(span)
    t0 = view.t0
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right)
    assert view.t0 == pytest.approx(t0 + span * 0.1)


def test_dragging_pans_by_the_distance_dragged(view, qtbot) -> None:
    seconds_per_px = (view.t1 - view.t0) / view.time_width(view.canvas.width())
    t0 = view.t0
    empty = QPoint(int(view.header_w) + 40, view.canvas.height() - 30)
    assert view.glyph_at(QPointF(empty)) is None
    qtbot.mousePress(view.canvas, Qt.MouseButton.LeftButton, pos=empty)
    qtbot.mouseMove(view.canvas, empty + QPoint(100, 0))
    qtbot.mouseRelease(view.canvas, Qt.MouseButton.LeftButton, pos=empty + QPoint(100, 0))
    assert view.t0 == pytest.approx(t0 - 100 * seconds_per_px, rel=1e-6)


def test_the_scrollbar_pans(view) -> None:
    t0 = view.t0
    span = view.t1 - view.t0
    view.hbar.setValue(view.hbar.value() + 500)
    assert view.t0 > t0
    assert view.t1 - view.t0 == pytest.approx(span)


def test_plus_and_minus_keys_zoom_about_the_mouse(view, qtbot) -> None:
    x = 420
    qtbot.mouseMove(view.canvas, QPoint(x, 300))
    under = view.datetime_at(x)
    span = view.t1 - view.t0
    qtbot.keyClick(view.canvas, Qt.Key.Key_Plus)
    assert view.t1 - view.t0 == pytest.approx(span / 1.5)
    assert abs((view.datetime_at(x) - under).total_seconds()) < 60
    qtbot.keyClick(view.canvas, Qt.Key.Key_Minus)
    assert view.t1 - view.t0 == pytest.approx(span)
    assert abs((view.datetime_at(x) - under).total_seconds()) < 60


def test_a_trackpad_pinch_and_scroll_zoom_about_the_fingers(view) -> None:
    from PySide6.QtGui import QNativeGestureEvent, QPointingDevice

    x = 900.0
    under = view.datetime_at(x)
    span = view.t1 - view.t0
    pinch = QNativeGestureEvent(Qt.NativeGestureType.ZoomNativeGesture, QPointingDevice.primaryPointingDevice(), 2,
                                QPointF(x, 200), QPointF(x, 200), QPointF(view.canvas.mapToGlobal(QPoint(int(x), 200))),
                                0.25, QPointF(0, 0))
    QApplication.sendEvent(view.canvas, pinch)
    assert view.t1 - view.t0 == pytest.approx(span / 1.25)
    assert abs((view.datetime_at(x) - under).total_seconds()) < 60
    # a two-finger scroll on a trackpad sends pixels, not wheel steps
    wheel = QWheelEvent(QPointF(x, 200), QPointF(view.canvas.mapToGlobal(QPoint(int(x), 200))), QPoint(0, 30),
                        QPoint(0, 0), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.ScrollUpdate, False)
    QApplication.sendEvent(view.canvas, wheel)
    assert view.t1 - view.t0 < span / 1.25
    assert abs((view.datetime_at(x) - under).total_seconds()) < 60


def test_zoom_goes_from_centuries_down_to_hours(view) -> None:
    for _ in range(60):
        view.zoom(1.5, 600)
    assert 3600 <= view.t1 - view.t0 <= 3 * 3600  # hours, and no further
    for _ in range(80):
        view.zoom(1 / 1.5, 600)
    assert view.t1 - view.t0 > 300 * 365 * 86400


def test_a_touch_screen_pinch_zooms_about_the_fingers(view) -> None:
    from PySide6.QtWidgets import QGestureEvent, QPinchGesture

    x = 800
    under = view.datetime_at(x)
    span = view.t1 - view.t0
    pinch = QPinchGesture()
    pinch.setScaleFactor(1.25)
    pinch.setCenterPoint(QPointF(view.canvas.mapToGlobal(QPoint(x, 200))))
    QApplication.sendEvent(view.canvas, QGestureEvent([pinch]))
    assert view.t1 - view.t0 == pytest.approx(span / 1.25)
    one_pixel = (view.t1 - view.t0) / view.time_width(view.canvas.width())
    assert abs((view.datetime_at(x) - under).total_seconds()) <= one_pixel


def test_go_to_accepts_the_friendly_date_forms(view) -> None:
    view.go_to(When.parse_friendly("9 Feb 2019"))
    lo, hi = view.visible_range()
    assert lo < datetime(2019, 2, 9) < hi
    assert (hi - lo).days < 60


def test_go_to_an_open_ended_date(view) -> None:
    view.go_to(When.parse_friendly("since 2014"))
    lo, hi = view.visible_range()
    assert lo < datetime(2014, 1, 1) < hi


def test_fit_all_and_fit_selection(view, ws) -> None:
    view.fit_all()
    lo, hi = view.visible_range()
    assert lo < datetime(2013, 1, 1) and hi > datetime(2019, 2, 28)
    view.select_ids([event_id(ws, "Corridors open")], scroll=False)
    view.fit_selection()
    lo, hi = view.visible_range()
    assert datetime(2019, 2, 1) < lo < datetime(2019, 2, 4) and datetime(2019, 2, 10) < hi < datetime(2019, 2, 14)


def test_today_has_a_marker_when_it_is_in_view(view) -> None:
    now = datetime.utcnow()
    view.set_range(axis.to_ts(now - timedelta(days=30)), axis.to_ts(now + timedelta(days=10)))
    x = view.today_x()
    assert x == pytest.approx(view.x_for(now), abs=2)
    assert view.header_w < x < view.canvas.width()
    view.go_to(When.parse("2019-02"))
    assert view.today_x() is None


def test_a_new_period_in_the_filter_is_shown_whole(view) -> None:
    view.fit_all()
    view.set_filter(EventFilter(start=When.parse("2019-02"), end=When.parse("2019-02")))
    lo, hi = When.parse("2019-02").earliest_ts, When.parse("2019-02").latest_ts
    assert view.t0 <= lo and view.t1 >= hi and (view.t1 - view.t0) < 3 * (hi - lo)
    view.go_to(When.parse("2010"))  # the analyst moves away; a filter change that keeps the period does not pull back
    t0 = view.t0
    view.set_filter(EventFilter(start=When.parse("2019-02"), end=When.parse("2019-02"), text="offensive"))
    assert view.t0 == t0
