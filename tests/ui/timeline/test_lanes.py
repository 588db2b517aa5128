"""Lanes: by actor, type, source or country, each event in each of its lanes, collapsing, density
when crowded, names in sight while scrolling, and counts that agree."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from briefer.core.filter import EventFilter
from briefer.core.model import Actor, Event, Participant
from briefer.core.when import When
from briefer.store import Workspace
from briefer.ui.timeline import TimelineView
from briefer.ui.timeline import axis
from briefer.ui.timeline.frame import AXIS_H, GLYPH_LIMIT
from tests.ui.timeline.conftest import event_id


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
