"""The timeline never misleads about what is in view: after a filter, a scroll, a pan, a selection."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from briefer.core.filter import EventFilter
from briefer.core.model import Actor, Event, Participant
from briefer.core.when import When
from briefer.store import Workspace
from briefer.ui.timeline import TimelineView
from briefer.ui.timeline.frame import AXIS_H


def make_view(qtbot, ws: Workspace, width: int = 1200, height: int = 500) -> TimelineView:
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    view.set_workspace(ws)
    return view


def drawn_in_view(view: TimelineView, event_id: int) -> bool:
    """The event has a glyph inside the visible canvas (below the axis)."""
    height = view.canvas.height()
    return any(AXIS_H <= r.center().y() <= height and view.header_w <= r.center().x() <= view.canvas.width()
               for r in view.event_rect(event_id))


@pytest.fixture
def many_lanes(tmp_path: Path):
    """30 actors with 100 events each over 2018; 'Corridors open' belongs to the last actor only."""
    with Workspace.create(tmp_path / "lanes.briefer") as ws:
        actors = [ws.add_actor(Actor(f"Actor {k:02}")) for k in range(30)]
        start = date(2018, 1, 1)
        ws.add_events(Event(f"Clash {i}", When.day(start + timedelta(days=(i * 7) % 300)),
                            participants=(Participant(actors[i % 30].uid),)) for i in range(3000))
        ws.add_events([Event("Corridors open", When.parse("2018-05-04/2018-05-09"),
                             participants=(Participant(actors[29].uid),))])
        yield ws


def test_a_filter_after_scrolling_to_the_bottom_still_draws_its_match(qtbot, many_lanes) -> None:
    """B1: lanes by actor, scrolled to the bottom, then a search: the match is drawn at once."""
    view = make_view(qtbot, many_lanes)
    view.set_lanes("actor")
    view.go_to(When.parse("2018-05"))
    view.vbar.setValue(view.vbar.maximum())
    assert view.vbar.value() > 1000
    view.set_filter(EventFilter(text="corridors"))
    target = many_lanes.event_ids(EventFilter(text="corridors"))[0]
    assert drawn_in_view(view, target)
    assert view.status.text() == "1 event · 1 lane"
    assert view.lane_layouts()[0].y == AXIS_H  # the one lane starts under the axis, not scrolled away


def test_selecting_an_event_whose_lane_is_far_below_scrolls_to_its_row(qtbot, many_lanes) -> None:
    """B2: the lane below the laid-out ones is found, and its glyph's row (not its top) comes into view."""
    view = make_view(qtbot, many_lanes)
    view.set_lanes("actor")
    view.go_to(When.parse("2018-05"))
    assert view.vbar.value() == 0
    target = many_lanes.event_ids(EventFilter(text="corridors"))[0]
    assert not drawn_in_view(view, target)
    view.select_ids([target], scroll=True)
    assert drawn_in_view(view, target)
    # and from the bottom back up to the first lane
    first = many_lanes.event_ids(EventFilter(text='"Clash 0"'))[0]
    view.select_ids([first], scroll=True)
    assert drawn_in_view(view, first)


def test_a_tall_lane_scrolls_to_the_selected_glyph_row_not_its_top(qtbot, tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "tall.briefer") as ws:
        ws.add_events(Event(f"Long report title number {i}", When.parse("2019-02-09"))
                      for i in range(60))  # 60 rows of one day
        view = make_view(qtbot, ws, height=400)
        view.go_to(When.parse("2019-02-09"))
        last = max(ws.event_ids(EventFilter()))
        rows = {g.event_id: g.y for lane in view.lane_layouts() for g in lane.glyphs}
        view.select_ids([last], scroll=True)
        assert drawn_in_view(view, last), rows.get(last)


def test_matches_out_of_view_are_offered_and_counted_at_the_edges(qtbot, many_lanes) -> None:
    """B6: a search whose matches are elsewhere says so, with counts at the edges and a way to show them."""
    view = make_view(qtbot, many_lanes)
    view.set_lanes("actor")
    view.go_to(When.parse("2016"))  # two years before everything
    view.set_filter(EventFilter(text="corridors"))
    lane = view.lane_layouts()[0]
    assert (lane.before, lane.after) == (0, 1)
    assert view.show_matches.isVisibleTo(view) and view.show_matches.text() == "Show the 1 match"
    left, right = view.edge_marker_rects(lane, view.canvas.width())
    assert left is None and right is not None and right.right() <= view.canvas.width()
    view.show_matches.click()
    target = many_lanes.event_ids(EventFilter(text="corridors"))[0]
    assert drawn_in_view(view, target)
    assert not view.show_matches.isVisibleTo(view)
    view.set_filter(EventFilter())
    view.go_to(When.parse("2018-05"))
    for lane in view.lane_layouts():  # 100 events a lane over 2018: some before May, some after
        assert lane.before + lane.in_view + lane.after == lane.lane.size
        assert lane.before > 0 and lane.after > 0


def test_panning_moves_no_lane_and_no_glyph_to_another_row(qtbot, many_lanes) -> None:
    view = make_view(qtbot, many_lanes, height=2000)
    view.set_lanes("actor")
    view.go_to(When.parse("2018-03"))
    heights: dict[str, float] = {}
    rows: dict[tuple[str, int], float] = {}
    for _ in range(12):
        for lane in view.lane_layouts():
            assert heights.setdefault(lane.lane.name, lane.height) == lane.height
            for g in lane.glyphs:
                key = (lane.lane.name, g.event_id)
                assert rows.setdefault(key, g.y - lane.y) == g.y - lane.y
        view.pan_fraction(0.3)
    assert len(rows) > 500


def test_labels_of_events_left_of_the_view_are_not_cut_by_its_edge(qtbot, tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "edge.briefer") as ws:
        ws.add_events([Event("Ceasefire announced in the north", When.parse("2019-02-01")),
                       Event("Convoy reaches the camp", When.parse("2019-01-20/2019-02-02"))])
        view = make_view(qtbot, ws)
        view.go_to(When.parse("2019-02-01"))
        labelled = 0
        for step in range(60):  # pan right until both glyphs leave by the left edge
            view.pan_fraction(0.01)
            for lane in view.lane_layouts():
                for g in lane.glyphs:
                    if g.label_w > 0:
                        labelled += 1
                        assert g.label_x() >= view.header_w, (step, g.title)
        assert labelled


def test_lane_names_differing_only_at_the_end_stay_apart(qtbot, tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "names.briefer") as ws:
        old = ws.add_actor(Actor("Military Forces of Syria (2000-2011) under the old command"))
        new = ws.add_actor(Actor("Military Forces of Syria (2000-2011) under the new command"))
        ws.add_events([Event("A", When.parse("2019-02-09"), participants=(Participant(old.uid),)),
                       Event("B", When.parse("2019-02-10"), participants=(Participant(new.uid),))])
        view = make_view(qtbot, ws)
        view.set_lanes("actor")
        shown = [view.lane_header_text(lane.lane) for lane in view.lane_layouts()]
        assert len(set(shown)) == 2 and all("…" in s for s in shown)
        assert all(s.rstrip().endswith("command") for s in shown)
        tips = " ".join(view.lane_tooltip(lane) for lane in view.lane_layouts())
        assert "under the old command" in tips and "under the new command" in tips and "1 event," in tips
