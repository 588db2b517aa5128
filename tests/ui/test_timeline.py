"""The timeline, as the analyst uses it: zoom, pan, lanes, fuzzy dates, selection, export."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import QApplication

from briefer.core.filter import EventFilter
from briefer.core.model import Actor, Citation, Event, Participant, Source
from briefer.core.when import When
from briefer.store import Workspace
from briefer.ui.timeline import TimelineView
from briefer.ui.timeline import axis
from briefer.ui.timeline.frame import AXIS_H, GLYPH_LIMIT


@pytest.fixture
def ws(tmp_path: Path):
    ws = Workspace.create(tmp_path / "t.briefer")
    sdf, isis, usa = (ws.add_actor(Actor(n)) for n in ("SDF", "Islamic State", "United States"))
    reuters = ws.add_source(Source("Reuters", reliability="B"))
    ws.add_events([
        Event("Offensive paused", When.parse("2019-02-09"), place="Baghouz",
              participants=(Participant(sdf.uid), Participant(isis.uid), Participant(usa.uid)),
              citations=(Citation(reuters.uid, 2, "on hold"),)),
        Event("Month of fighting", When.parse("2019-02"), participants=(Participant(sdf.uid),)),
        Event("Corridors open", When.parse("2019-02-04/2019-02-09"), participants=(Participant(sdf.uid),)),
        Event("Priest abducted", When.parse("2013-07~"), participants=(Participant(isis.uid),)),
        Event("Reported killed", When.parse("2013?")),
        Event("Holds territory", When.parse("2014/..")),
    ])
    yield ws
    ws.close()


@pytest.fixture
def view(qtbot, ws):
    v = TimelineView()
    qtbot.addWidget(v)
    v.resize(1200, 700)
    v.show()
    qtbot.waitExposed(v)
    v.set_workspace(ws)
    return v


def event_id(ws: Workspace, title: str) -> int:
    return ws.event_ids(EventFilter(text=f'"{title}"'))[0]


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


def test_fuzzy_dates_are_drawn_at_their_bounds(view, ws) -> None:
    view.go_to(When.parse("2019-02"))
    month = view.event_rect(event_id(ws, "Month of fighting"))[0]
    assert month.left() == pytest.approx(view.x_for(datetime(2019, 2, 1)), abs=0.5)
    assert month.right() == pytest.approx(view.x_for(datetime(2019, 3, 1)), abs=0.5)
    interval = view.event_rect(event_id(ws, "Corridors open"))[0]
    assert interval.left() == pytest.approx(view.x_for(datetime(2019, 2, 4)), abs=0.5)
    assert interval.right() == pytest.approx(view.x_for(datetime(2019, 2, 10)), abs=0.5)
    day = view.event_rect(event_id(ws, "Offensive paused"))[0]
    assert day.center().x() == pytest.approx(view.x_for(datetime(2019, 2, 9, 12)), abs=0.5)
    assert day.width() < 12  # a point, not a bar


def test_uncertain_approximate_and_open_dates_are_told_apart(view, ws) -> None:
    view.go_to(When.parse("2013"))
    glyphs = {g.title: g for lane in view.lane_layouts() for g in lane.glyphs}
    assert glyphs["Priest abducted"].flags & 2  # approximate
    assert glyphs["Reported killed"].flags & 1  # uncertain
    view.go_to(When.parse("2016"))
    glyphs = {g.title: g for lane in view.lane_layouts() for g in lane.glyphs}
    holds = glyphs["Holds territory"]
    # open end, drawn to the edge (as a line of the lane's strip when it would push others down)
    assert holds.flags & 8 and holds.kind in ("bar", "line")
    assert holds.x1 >= view.canvas.width()


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


def test_an_event_with_three_actors_is_in_three_lanes(view, ws) -> None:
    view.set_lanes("actor")
    assert view.lane_names() == ["Islamic State", "SDF", "United States", "(none)"]
    view.go_to(When.parse("2019-02"))
    rects = view.event_rect(event_id(ws, "Offensive paused"))
    assert len(rects) == 3
    assert len({round(r.top()) for r in rects}) == 3
    view.set_lanes("source")
    assert view.lane_names() == ["Reuters", "(none)"]


def test_a_lane_keeps_its_colour_when_a_filter_moves_it(view, ws) -> None:
    view.set_lanes("actor")
    before = {name: view._lane_colour(name).name() for name in view.lane_names()}
    assert len(set(before.values())) == len(before)  # neighbours differ
    view.set_filter(EventFilter(text="month"))
    assert view.lane_names()[0] == "SDF"  # first now, second before
    assert {n: view._lane_colour(n).name() for n in view.lane_names()} == {n: before[n] for n in view.lane_names()}


def _assert_nothing_overlaps(view) -> None:
    """No two glyphs, no two labels, and no label and glyph overlap within a lane."""
    for lane in view.lane_layouts():
        boxes = []
        for g in lane.glyphs:
            boxes.append((g.event_id, "glyph", g.rect()))
            if g.label_w > 0:
                boxes.append((g.event_id, "label", g.label_rect()))
        for i, (id_a, kind_a, a) in enumerate(boxes):
            for id_b, kind_b, b in boxes[i + 1:]:
                if id_a == id_b and {kind_a, kind_b} == {"glyph", "label"} and kind_a != kind_b:
                    continue  # a bar's own label is drawn on it
                inter = a.intersected(b)
                assert inter.width() <= 0.01 or inter.height() <= 0.01, (lane.lane.name, id_a, kind_a, id_b, kind_b)


def test_events_stack_so_that_no_two_glyphs_or_labels_overlap(view) -> None:
    view.go_to(When.parse("2019-02"))
    _assert_nothing_overlaps(view)


@pytest.mark.parametrize("lanes", ["none", "actor", "type", "source", "country"])
@pytest.mark.parametrize("where", [None, "2014", "2019-02", "2019-03-23"])
def test_the_demo_never_draws_one_thing_over_another(qtbot, demo_workspace, lanes, where) -> None:
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(900, 2000)  # tall enough that every lane is laid out as it would be on screen
    view.show()
    qtbot.waitUntil(lambda: view.canvas.height() > 1900)
    view.set_workspace(demo_workspace)
    view.set_lanes(lanes)
    if where is None:
        view.fit_all()
    else:
        view.go_to(When.parse(where))
    drawn = [g for lane in view.lane_layouts() for g in lane.glyphs]
    assert drawn
    _assert_nothing_overlaps(view)
    # every label that is drawn stays inside the view
    assert all(g.label_rect().right() <= view.canvas.width() for g in drawn if g.label_w > 0)


def test_lanes_collapse_from_their_header(view, qtbot) -> None:
    view.set_lanes("actor")
    first = view.lane_layouts()[0]
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=QPoint(20, int(first.y) + 8))
    assert view.lane_layouts()[0].mode == "collapsed"
    assert view.lane_layouts()[0].height < first.height or first.height <= 22


def test_a_crowded_lane_shows_density_until_zoomed_in(qtbot, tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "busy.briefer") as ws:
        start = date(2018, 1, 1)
        ws.add_events(Event(f"Clash {i}", When.day(start + timedelta(days=i // 2))) for i in range(GLYPH_LIMIT + 200))
        view = TimelineView()
        qtbot.addWidget(view)
        view.resize(1200, 600)
        view.set_workspace(ws)
        lane = view.lane_layouts()[0]
        assert lane.in_view > GLYPH_LIMIT and lane.mode == "density"
        assert lane.counts.sum() >= GLYPH_LIMIT  # every event counted somewhere
        view.go_to(When.parse("2018-02"))
        lane = view.lane_layouts()[0]
        assert lane.in_view <= GLYPH_LIMIT and lane.mode == "glyphs"
        assert len(lane.glyphs) == lane.in_view


def test_the_filter_limits_what_is_drawn(view, ws) -> None:
    view.set_filter(EventFilter(text="offensive"))
    view.fit_all()
    drawn = {g.event_id for lane in view.lane_layouts() for g in lane.glyphs}
    assert drawn == {event_id(ws, "Offensive paused")}


def test_go_to_accepts_the_friendly_date_forms(view) -> None:
    view.go_to(When.parse_friendly("9 Feb 2019"))
    lo, hi = view.visible_range()
    assert lo < datetime(2019, 2, 9) < hi
    assert (hi - lo).days < 60


def test_fit_all_and_fit_selection(view, ws) -> None:
    view.fit_all()
    lo, hi = view.visible_range()
    assert lo < datetime(2013, 1, 1) and hi > datetime(2019, 2, 28)
    view.select_ids([event_id(ws, "Corridors open")], scroll=False)
    view.fit_selection()
    lo, hi = view.visible_range()
    assert datetime(2019, 2, 1) < lo < datetime(2019, 2, 4) and datetime(2019, 2, 10) < hi < datetime(2019, 2, 14)


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


def test_png_and_svg_exports_are_valid_files_of_the_size_asked(view, tmp_path: Path) -> None:
    view.export_png(tmp_path / "t.png", 1600, 900)
    image = QImage(str(tmp_path / "t.png"))
    assert (image.width(), image.height()) == (1600, 900)
    view.export_svg(tmp_path / "t.svg", 1280, 720)
    import xml.etree.ElementTree as ET

    root = ET.parse(tmp_path / "t.svg").getroot()
    assert root.tag.endswith("svg")
    assert root.get("viewBox") == "0 0 1280 720"
    assert "Offensive paused" in (tmp_path / "t.svg").read_text() or len(list(root.iter())) > 20


@pytest.mark.parametrize("years", [400, 60, 30, 8, 2, 0.5, 0.1, 1 / 52, 1 / 365, 1 / 365 / 6])
def test_axis_labels_never_overlap(years: float) -> None:
    def measure(text: str) -> float:
        return 7.0 * len(text)

    width = 1500.0
    t0 = axis.to_ts(datetime(2001, 3, 7))
    t1 = t0 + years * 365.25 * 86400
    unit = axis.choose_unit(t0, t1, width, measure)
    xs = [((ts - t0) / (t1 - t0) * width, measure(label)) for ts, label in axis.ticks(unit, t0, t1)]
    assert len(xs) >= 2
    for (x, w), (next_x, _) in zip(xs, xs[1:]):
        assert x + w < next_x


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


def test_today_has_a_marker_when_it_is_in_view(view) -> None:
    now = datetime.utcnow()
    view.set_range(axis.to_ts(now - timedelta(days=30)), axis.to_ts(now + timedelta(days=10)))
    x = view.today_x()
    assert x == pytest.approx(view.x_for(now), abs=2)
    assert view.header_w < x < view.canvas.width()
    view.go_to(When.parse("2019-02"))
    assert view.today_x() is None


@pytest.mark.parametrize("text, kind, left, right", [
    ("2019-03-23T14:30", "point", datetime(2019, 3, 23, 14, 30), None),  # a time: a point at that moment
    ("2019-03-23", "point", datetime(2019, 3, 23, 12), None),  # a day: a point at its middle
    ("2019-03", "bar", datetime(2019, 3, 1), datetime(2019, 4, 1)),  # a month: its bounds
    ("2019-03-10/2019-03-20", "bar", datetime(2019, 3, 10), datetime(2019, 3, 21)),
    ("2019-03?", "bar", datetime(2019, 3, 1), datetime(2019, 4, 1)),
    ("2019-03~", "bar", datetime(2019, 3, 1), datetime(2019, 4, 1)),
])
def test_each_kind_of_date_is_drawn_at_its_bounds(qtbot, tmp_path: Path, text, kind, left, right) -> None:
    with Workspace.create(tmp_path / "d.briefer") as ws:
        ws.add_events([Event("The event", When.parse(text))])
        view = TimelineView()
        qtbot.addWidget(view)
        view.resize(1200, 500)
        view.set_workspace(ws)
        view.set_range(axis.to_ts(datetime(2019, 2, 20)), axis.to_ts(datetime(2019, 4, 10)))
        (glyph,) = [g for lane in view.lane_layouts() for g in lane.glyphs]
        assert glyph.kind == kind
        if kind == "point":
            assert glyph.rect().center().x() == pytest.approx(view.x_for(left), abs=0.5)
        else:
            assert glyph.x0 == pytest.approx(view.x_for(left), abs=0.5)
            assert glyph.x1 == pytest.approx(view.x_for(right), abs=0.5)


def test_open_ended_intervals_run_to_the_edge_with_an_arrow(view, ws) -> None:
    ws.add_events([Event("Siege", When.parse("../2019-02"))])
    view.reload()
    view.go_to(When.parse("2019-02"))
    siege = [g for lane in view.lane_layouts() for g in lane.glyphs if g.title == "Siege"][0]
    assert siege.flags & 4 and siege.x0 <= view.header_w  # open start: from the left edge
    assert siege.x1 == pytest.approx(view.x_for(datetime(2019, 3, 1)), abs=0.5)
    view.go_to(When.parse("2030"))
    holds = [g for lane in view.lane_layouts() for g in lane.glyphs if g.title == "Holds territory"][0]
    assert holds.flags & 8 and holds.x0 <= view.header_w and holds.x1 >= view.canvas.width()


def test_uncertain_and_approximate_labels_carry_their_mark(view) -> None:
    view.fit_all()
    labels = {g.title: g.label for lane in view.lane_layouts() for g in lane.glyphs}
    assert labels["Reported killed"] == "? Reported killed"
    assert labels["Priest abducted"] == "~ Priest abducted"
    assert labels["Month of fighting"] == "Month of fighting"


@pytest.mark.parametrize("mode", ["actor", "type", "source", "country"])
def test_every_event_is_drawn_once_in_each_of_its_lanes(qtbot, demo_workspace, mode) -> None:
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(1400, 5000)  # every lane in view, none of them guessed
    view.show()
    qtbot.waitUntil(lambda: view.canvas.height() > 4000)
    view.set_workspace(demo_workspace)
    view.set_lanes(mode)
    view.set_range(axis.to_ts(datetime(2012, 1, 1)), axis.to_ts(datetime(2020, 12, 31)))
    ids = demo_workspace.event_ids()
    for row_id, e in zip(ids, demo_workspace.events_by_ids(ids)):
        if mode == "actor":
            expected = {demo_workspace.get_actor(p.actor_uid).name for p in e.participants} or {"(none)"}
        elif mode == "source":
            expected = {demo_workspace.get_source(c.source_uid).name for c in e.citations} or {"(none)"}
        elif mode == "type":
            expected = {e.event_type or "(none)"}
        else:
            expected = {e.country or "(none)"}
        drawn = [lane.lane.name for lane in view.lane_layouts() for g in lane.glyphs if g.event_id == row_id]
        assert sorted(drawn) == sorted(expected), e.title


def test_lane_names_stay_in_sight_while_scrolling_down_a_tall_lane(view, qtbot) -> None:
    view.resize(1200, 200)
    qtbot.waitUntil(lambda: view.canvas.height() < 200)
    view.set_lanes("actor")
    view.go_to(When.parse("2019-02"))
    tall = max(view.lane_layouts(), key=lambda lane: lane.height)
    assert tall.height > 60
    target = int(tall.y - AXIS_H + 8)
    view.vbar.setValue(target)  # its top is now above the view
    assert view.vbar.value() == target
    lane = [lane for lane in view.lane_layouts() if lane.lane is tall.lane][0]
    assert lane.y < AXIS_H
    assert view.header_rect(lane).top() == pytest.approx(AXIS_H)
    assert view.lane_at(AXIS_H + 5) is lane  # a click there folds that lane


def test_scrolling_down_never_moves_the_lanes_above(qtbot, tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "many.briefer") as ws:
        actors = [ws.add_actor(Actor(f"Actor {k:02}")) for k in range(30)]
        start = date(2018, 1, 1)
        ws.add_events(Event(f"Clash {i}", When.day(start + timedelta(days=i % 300)),
                            participants=(Participant(actors[i % 30].uid),)) for i in range(3000))
        view = TimelineView()
        qtbot.addWidget(view)
        view.resize(1200, 500)
        view.set_workspace(ws)
        view.set_lanes("actor")
        view.go_to(When.parse("2018-06"))
        seen: dict[str, float] = {}
        value = 0
        while value <= view.vbar.maximum():  # the range grows as lanes below are laid out
            view.vbar.setValue(value)
            value += 50
            for lane in view.lane_layouts():
                if lane.y < view.canvas.height():  # in view or above it
                    top = lane.y + value
                    assert seen.setdefault(lane.lane.name, top) == pytest.approx(top)
        assert len(seen) == 30


def test_density_switches_to_glyphs_exactly_at_the_limit(qtbot, tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "limit.briefer") as ws:
        start = date(2015, 1, 1)
        ws.add_events(Event(f"Clash {i}", When.day(start + timedelta(days=i))) for i in range(GLYPH_LIMIT))
        view = TimelineView()
        qtbot.addWidget(view)
        view.resize(1400, 900)
        view.show()  # at its width: three pixels a day, a few rows of glyphs (a tower would be density)
        qtbot.waitExposed(view)
        view.set_workspace(ws)
        view.set_range(axis.to_ts(datetime(2014, 12, 1)), axis.to_ts(datetime(2016, 3, 1)))
        lane = view.lane_layouts()[0]
        assert lane.in_view == GLYPH_LIMIT and lane.mode == "glyphs" and len(lane.glyphs) == GLYPH_LIMIT
        assert lane.counts is not None and lane.counts.sum() >= GLYPH_LIMIT  # the heat behind the glyphs
        ws.add_events([Event("One more", When.day(date(2015, 6, 1)))])
        view.reload()
        view.set_range(axis.to_ts(datetime(2014, 12, 1)), axis.to_ts(datetime(2016, 3, 1)))
        lane = view.lane_layouts()[0]
        assert lane.in_view == GLYPH_LIMIT + 1 and lane.mode == "density" and not lane.glyphs
        assert lane.counts.max() >= 2  # the day with two events stands out
        view.go_to(When.parse("2015-06"))
        assert view.lane_layouts()[0].mode == "glyphs"


def test_many_long_intervals_still_turn_into_glyphs_when_zoomed_in(qtbot, tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "long.briefer") as ws:
        ws.add_events(Event(f"Occupation {i}", When.parse(f"{2000 + i % 10}/..")) for i in range(120))
        view = TimelineView()
        qtbot.addWidget(view)
        view.resize(1200, 600)
        view.set_workspace(ws)
        view.go_to(When.parse("2015-03-01"))
        lane = view.lane_layouts()[0]
        assert lane.mode == "glyphs" and len(lane.glyphs) == 120  # one row each, scrolled through


def test_a_collapsed_lane_still_shows_where_its_events_are(view) -> None:
    view.set_lanes("actor")
    view.go_to(When.parse("2019-02"))
    view.set_lane_collapsed("SDF", True)
    sdf = [lane for lane in view.lane_layouts() if lane.lane.name == "SDF"][0]
    assert sdf.mode == "collapsed" and not sdf.glyphs and sdf.counts.sum() > 0
    assert "Click to expand" in view.lane_tooltip(sdf)
    view.set_filter(EventFilter(text="paused"))  # folding survives a new filter
    assert [lane.mode for lane in view.lane_layouts() if lane.lane.name == "SDF"] == ["collapsed"]


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


def test_go_to_an_open_ended_date(view) -> None:
    view.go_to(When.parse_friendly("since 2014"))
    lo, hi = view.visible_range()
    assert lo < datetime(2014, 1, 1) < hi


def test_export_asks_for_the_size(view, tmp_path: Path, answer, monkeypatch) -> None:
    from briefer.ui.timeline.widgets import ExportSizeDialog

    def fill(dialog) -> None:
        dialog.width_box.setValue(1024)
        dialog.height_box.setValue(600)

    answer(ExportSizeDialog, fill)
    target = tmp_path / "slide.png"
    monkeypatch.setattr("briefer.ui.timeline.view.QFileDialog.getSaveFileName",
                        lambda *args, **kwargs: (str(target), "PNG (*.png)"))
    view.act_export_png.trigger()
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1024, 600)
    target = tmp_path / "slide.svg"
    view.act_export_svg.trigger()
    import xml.etree.ElementTree as ET

    root = ET.parse(target).getroot()
    assert (root.get("width"), root.get("height"), root.get("viewBox")) == ("1024", "600", "0 0 1024 600")


def test_export_to_a_folder_that_does_not_exist_says_so(view, tmp_path: Path) -> None:
    from briefer.core.errors import BrieferError

    with pytest.raises(BrieferError, match="cannot write"):
        view.export_png(tmp_path / "missing" / "t.png", 800, 600)
    with pytest.raises(BrieferError, match="cannot write"):
        view.export_svg(tmp_path / "missing" / "t.svg", 800, 600)


def test_spans_covering_the_whole_view_become_one_band_above_the_glyphs(qtbot, tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "band.briefer") as ws:
        ws.add_events(Event(f"Occupation {i}", When.parse("2001/..")) for i in range(GLYPH_LIMIT + 50))
        ws.add_events(Event(f"Raid {i}", When.day(date(2015, 3, 1 + i))) for i in range(10))
        view = TimelineView()
        qtbot.addWidget(view)
        view.resize(1200, 600)
        view.set_workspace(ws)
        view.go_to(When.parse("2015-03"))
        lane = view.lane_layouts()[0]
        assert lane.in_view == GLYPH_LIMIT + 60
        assert lane.mode == "glyphs" and lane.spanning == GLYPH_LIMIT + 50
        assert sorted(g.title for g in lane.glyphs) == sorted(f"Raid {i}" for i in range(10))
        band = view.spanning_rect(lane, view.canvas.width())
        assert all(g.rect().top() >= band.bottom() for g in lane.glyphs)  # the band is above, apart
        view.fit_all()  # from far out, all of them are density again
        assert view.lane_layouts()[0].mode == "density"


def test_counts_of_all_lanes_at_once_agree_with_each_lane(demo_workspace) -> None:
    from briefer.store import timeline as store_timeline
    from briefer.ui.timeline.data import TimelineData

    data = TimelineData(store_timeline.event_columns(demo_workspace))
    data.set_lanes("actor", store_timeline.lane_pairs(demo_workspace, "actor"))
    spans = [("2019-02-01", "2019-03-01"), ("2010-01-01", "2030-01-01"), ("2014-06-29", "2014-06-30"),
             ("0001-01-02", "9999-12-30"), ("2031-01-01", "2032-01-01")]
    def overlapping(lane, t0: float, t1: float) -> int:  # the plain way: test every event of the lane
        events = data.item_event[lane.start:lane.stop]
        return int(((data.start[events] < t1) & (data.end[events] > t0)).sum())

    # with every event shown, with every other one (a filter), and with all shown again
    cases = [(span, shift, shown) for shown in ("all", "half", "all again") for span in spans for shift in (0.0, 0.5)]
    for (a, b), shift, shown in cases:  # on and between seconds
        if shown != "all":
            data.set_visible_ids(None if shown == "all again" else data.ids[::2].tolist())
        t0, t1 = (axis.to_ts(datetime.fromisoformat(x)) + shift for x in (a, b))
        expected = [overlapping(lane, t0, t1) for lane in data.lanes]
        assert data.counts_in(t0, t1).tolist() == expected
        before, after = data.counts_outside(t0, t1)
        for lane, left, right in zip(data.lanes, before.tolist(), after.tolist()):
            events = data.item_event[lane.start:lane.stop]
            assert left == int((data.end[events] <= t0).sum()) and right == int((data.start[events] >= t1).sum())
        if shown == "half":
            assert sum(lane.size for lane in data.lanes) < len(data.lane_pairs[0])
        assert [data.count_in(lane, t0, t1) for lane in data.lanes] == expected
        edges = np.linspace(t0, t1, 7)
        for lane in data.lanes:
            assert data.density(lane, edges).tolist() == [overlapping(lane, x, y) for x, y in zip(edges, edges[1:])]
            assert len(data.lane_items_in(lane, t0, t1)) == overlapping(lane, t0, t1)
    assert max(data.counts_in(axis.to_ts(datetime(2019, 2, 1)), axis.to_ts(datetime(2019, 3, 1)))) > 0


def test_the_lane_names_column_is_as_wide_as_the_names_need(view) -> None:
    narrow = view.header_w
    view.set_lanes("actor")
    assert view.header_w > narrow  # "United States" needs more room than "All events"
    from PySide6.QtGui import QFontMetricsF

    fm = QFontMetricsF(view.font())
    assert all(fm.horizontalAdvance(f"▾ {name}") < view.header_w - 20 for name in view.lane_names())
    x_before = view.x_for(datetime(2019, 2, 1))
    view.set_lanes("none")
    assert view.header_w == narrow
    assert view.x_for(datetime(2019, 2, 1)) != x_before  # the events' area grew


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


def test_export_shows_the_lanes_scrolled_to(view, qtbot, tmp_path: Path) -> None:
    view.resize(1200, 200)
    qtbot.waitUntil(lambda: view.canvas.height() < 200)
    view.set_lanes("actor")
    view.go_to(When.parse("2019-02"))
    view.vbar.setValue(view.vbar.maximum())
    assert view.vbar.value() > 0
    shown = [lane.lane.name for lane in view.lane_layouts() if lane.y + lane.height > AXIS_H]
    first_shown = shown[0]
    view.export_svg(tmp_path / "t.svg", 1200, view.canvas.height())
    text = (tmp_path / "t.svg").read_text()
    assert first_shown in text and view.lane_names()[0] != first_shown
    assert view.lane_names()[0] not in text


def test_a_new_period_in_the_filter_is_shown_whole(view) -> None:
    view.fit_all()
    view.set_filter(EventFilter(start=When.parse("2019-02"), end=When.parse("2019-02")))
    lo, hi = When.parse("2019-02").earliest_ts, When.parse("2019-02").latest_ts
    assert view.t0 <= lo and view.t1 >= hi and (view.t1 - view.t0) < 3 * (hi - lo)
    view.go_to(When.parse("2010"))  # the analyst moves away; a filter change that keeps the period does not pull back
    t0 = view.t0
    view.set_filter(EventFilter(start=When.parse("2019-02"), end=When.parse("2019-02"), text="offensive"))
    assert view.t0 == t0


@pytest.mark.parametrize("id_gap", [1, 10_000])  # dense row ids (looked up in a table), or sparse ones (searched)
def test_lanes_from_pairs_without_the_unnamed_events_still_show_them_in_a_none_lane(id_gap) -> None:
    from briefer.ui.timeline.data import TimelineData

    ids = [i * id_gap for i in (5, 1, 4, 2, 3)]  # in date order: the columns' order is by start
    data = TimelineData({"earliest": [10, 20, 30, 40, 50], "latest": [11, 21, 31, 41, 51], "id": ids})
    # lane "b" given out of date order; the events with ids[2] and ids[3] are in no lane
    data.set_lanes("actor", ([ids[4], ids[0], ids[2], ids[1]], [1, 0, 1, 0], ["a", "b"]))
    assert [lane.name for lane in data.lanes] == ["a", "b", "(none)"]

    def lanes() -> dict[str, list[int]]:
        return {lane.name: data.ids[data.item_event[lane.start:lane.stop]].tolist() for lane in data.lanes}

    assert lanes() == {"a": [ids[0], ids[1]], "b": [ids[2], ids[4]], "(none)": [ids[3]]}
    data.set_visible_ids([ids[0], ids[3]])
    assert lanes() == {"a": [ids[0]], "(none)": [ids[3]]}


def test_a_narrow_filter_counts_events_in_view_as_the_plain_way_does() -> None:
    """A filter that keeps few events sorts their ends anew (rather than masking every
    event's): a long event holding shorter ones, shown with two of them, is still counted
    right wherever the view is."""
    from briefer.ui.timeline.data import TimelineData

    day = 86400
    starts = np.arange(100, dtype=np.int64) * day
    latest = starts + day - 1
    latest[0] = 90 * day  # the first runs over the next 89
    data = TimelineData({"earliest": starts, "latest": latest, "id": np.arange(1, 101)})
    data.set_visible_ids([1, 11, 51])  # the long one, one inside it, one after it
    assert len(data.item_event) == 3
    for t0, t1 in ((0, 5), (10.5, 12), (12, 40), (80, 95), (50, 52), (91, 99), (0, 100)):
        t0, t1 = t0 * day, t1 * day
        shown = data.item_event
        expected = int(((data.start[shown] < t1) & (data.end[shown] > t0)).sum())
        assert data.counts_in(t0, t1).tolist() == [expected], (t0 / day, t1 / day)
        before, after = data.counts_outside(t0, t1)
        assert before.tolist() == [int((data.end[shown] <= t0).sum())]
        assert after.tolist() == [int((data.start[shown] >= t1).sum())]
