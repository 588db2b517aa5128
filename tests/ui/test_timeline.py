"""The timeline, as the analyst uses it: zoom, pan, lanes, fuzzy dates, selection, export."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

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
from briefer.ui.timeline.view import GLYPH_LIMIT, HEADER_W


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
    empty = QPoint(int(HEADER_W) + 40, view.canvas.height() - 30)
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
    assert holds.flags & 8 and holds.kind == "bar"  # open end, drawn to the edge
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


def test_events_stack_so_that_no_two_glyphs_or_labels_overlap(view) -> None:
    view.go_to(When.parse("2019-02"))
    for lane in view.lane_layouts():
        spans = [(g.y, g.x0, max(g.x1, g.x0 + g.label_w)) for g in lane.glyphs]
        for i, a in enumerate(spans):
            for b in spans[i + 1:]:
                if a[0] == b[0]:
                    assert a[2] <= b[1] or b[2] <= a[1]


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
    table.selectRow(3)
    wanted = table.selected_ids()
    assert timeline.selected_ids() == wanted
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
