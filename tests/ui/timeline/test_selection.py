"""Selecting and reading events on the timeline: clicks, rubber band, keys, the table in step, tooltips."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from briefer.core.filter import EventFilter
from briefer.core.model import Event
from briefer.core.when import When
from tests.ui.timeline.conftest import event_id


def test_a_click_on_a_glyph_selects_exactly_that_event(view, ws, qtbot) -> None:
    view.go_to(When.parse("2019-02"))
    target = event_id(ws, "Offensive paused")
    rect = view.event_rect(target)[0]
    with qtbot.waitSignal(view.selectionChanged) as signal:
        qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert signal.args == [[target]]
    assert view.selected_ids() == [target]
    other = event_id(ws, "Month of fighting")
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     pos=view.event_rect(other)[0].center().toPoint())
    assert view.selected_ids() == sorted([target, other])


def test_rubber_band_selects_what_it_covers(view, ws, qtbot) -> None:
    view.go_to(When.parse("2019-02"))
    rects = [view.event_rect(event_id(ws, t))[0] for t in ("Offensive paused", "Corridors open")]
    top_left = QPoint(int(min(r.left() for r in rects)) - 2, int(min(r.top() for r in rects)) - 2)
    bottom_right = QPoint(int(max(r.right() for r in rects)) + 2, int(max(r.bottom() for r in rects)) + 2)
    qtbot.mousePress(view.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, top_left)
    qtbot.mouseMove(view.canvas, bottom_right)
    qtbot.mouseRelease(view.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, bottom_right)
    assert {event_id(ws, "Offensive paused"), event_id(ws, "Corridors open")} <= set(view.selected_ids())


def test_double_click_and_enter_ask_to_open_the_event(view, ws, qtbot) -> None:
    view.go_to(When.parse("2019-02"))
    target = event_id(ws, "Offensive paused")
    point = view.event_rect(target)[0].center().toPoint()
    with qtbot.waitSignal(view.eventActivated) as signal:
        qtbot.mouseDClick(view.canvas, Qt.MouseButton.LeftButton, pos=point)
    assert signal.args == [target]
    view.select_ids([target], scroll=False)
    with qtbot.waitSignal(view.eventActivated):
        qtbot.keyClick(view.canvas, Qt.Key.Key_Return)


def test_ctrl_click_toggles_and_shift_click_adds(view, ws, qtbot) -> None:
    view.go_to(When.parse("2019-02"))
    a, b = event_id(ws, "Offensive paused"), event_id(ws, "Month of fighting")
    centre = {i: view.event_rect(i)[0].center().toPoint() for i in (a, b)}
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=centre[a])
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, pos=centre[b])
    assert view.selected_ids() == sorted([a, b])
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, pos=centre[a])
    assert view.selected_ids() == [b]
    with qtbot.waitSignal(view.selectionChanged) as signal:
        qtbot.keyClick(view.canvas, Qt.Key.Key_Escape)
    assert signal.args == [[]] and view.selected_ids() == []


def test_table_and_timeline_share_the_selection(window, qtbot, demo_workspace) -> None:
    path = demo_workspace.path
    demo_workspace.close()
    window.open_path(path)
    table, timeline = window.table, window.timeline
    timeline.go_to(When.parse("2030"))  # far from every event
    table.selectRow(3)
    wanted = table.selected_ids()
    assert timeline.selected_ids() == wanted
    assert timeline.event_rect(wanted[0])  # scrolled into view, drawn as a glyph
    lo, hi = timeline.visible_range()
    assert lo.year < 2030
    ws = window.session.ws
    target = ws.event_ids(EventFilter(text="caliphate"))[0]
    timeline.go_to(When.parse("2014-06"))
    rect = timeline.event_rect(target)[0]
    qtbot.mouseClick(timeline.canvas, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert table.selected_ids() == [target]
    window.filter_bar.text.setText("Baghouz")
    window.filter_bar.apply()
    drawn = {g.event_id for lane in timeline.lane_layouts() for g in lane.glyphs}
    timeline.fit_all()
    drawn = {g.event_id for lane in timeline.lane_layouts() for g in lane.glyphs}
    assert drawn and drawn <= set(ws.event_ids(EventFilter(text="Baghouz")))


def test_tooltip_names_the_sources_and_their_grades(view, ws) -> None:
    text = view.tooltip_html(event_id(ws, "Offensive paused"))
    assert "Offensive paused" in text and "9 Feb 2019" in text and "Baghouz" in text
    assert "Reuters — B (Usually reliable), credibility 2" in text


def test_the_tooltip_names_a_place_once(view, ws) -> None:
    """A place that is its own country ("Syria", "Syria") is said once, as the brief and the table say it."""
    ws.add_events([Event("Withdrawal announced", When.parse("../2019-04"), place="Syria", country="Syria"),
                   Event("Town retaken", When.parse("2019-03-01"), place="Hajin", country="Syria")])
    view.reload()
    assert "on or before Apr 2019<br>Syria<br>" in view.tooltip_html(event_id(ws, "Withdrawal announced"))
    assert "<br>Hajin, Syria<br>" in view.tooltip_html(event_id(ws, "Town retaken"))


def test_hovering_shows_the_tooltip_of_the_event_or_the_lane(view, ws, qtbot) -> None:
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    view.go_to(When.parse("2019-02"))
    point = view.event_rect(event_id(ws, "Offensive paused"))[0].center().toPoint()
    QApplication.sendEvent(view.canvas, QHelpEvent(QHelpEvent.Type.ToolTip, point, view.canvas.mapToGlobal(point)))
    qtbot.waitUntil(QToolTip.isVisible)
    assert "Offensive paused" in QToolTip.text() and "Reuters" in QToolTip.text()
    view.set_lanes("actor")
    header = QPoint(10, int(view.lane_layouts()[0].y) + 8)
    QApplication.sendEvent(view.canvas, QHelpEvent(QHelpEvent.Type.ToolTip, header, view.canvas.mapToGlobal(header)))
    qtbot.waitUntil(lambda: "Islamic State" in QToolTip.text())
    assert "Click to collapse" in QToolTip.text()
    QToolTip.hideText()
