"""Fuzzy dates as drawn: each kind at its bounds, marks for uncertain, approximate and open, and
nothing drawn over anything else (glyphs, labels, the axis)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from briefer.core.model import Event
from briefer.core.when import When
from briefer.store import Workspace
from briefer.ui.timeline import TimelineView
from briefer.ui.timeline import axis
from briefer.ui.timeline.frame import GLYPH_LIMIT
from tests.ui.timeline.conftest import event_id


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
