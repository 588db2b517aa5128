"""The timeline never misleads about what is in view: after a filter, a scroll, a pan, a selection."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

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
                      for i in range(12))  # 12 rows of one day
        view = make_view(qtbot, ws, height=220)
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


def test_events_crowded_into_a_few_pixels_show_their_density_not_a_tower(qtbot, tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "tower.briefer") as ws:
        ws.add_events(Event(f"Strike {i}", When.parse(f"2019-02-{1 + i % 5:02}")) for i in range(193))
        ws.add_events(Event(f"Occupation {i}", When.parse(f"{2000 + i % 10}/..")) for i in range(20))
        view = make_view(qtbot, ws, height=600)
        view.go_to(When.parse("2019"))  # five days within a few pixels
        lane = view.lane_layouts()[0]
        assert lane.mode == "density" and lane.height < 100 and lane.in_view == 213
    with Workspace.create(tmp_path / "few.briefer") as ws:
        ws.add_events(Event(f"Strike {i}", When.parse(f"2019-02-{1 + i:02}")) for i in range(10))
        view = make_view(qtbot, ws, height=600)
        view.go_to(When.parse("2019"))
        assert view.lane_layouts()[0].mode == "glyphs"  # ten stack into ten rows: still glyphs


def test_lanes_sort_hide_the_empty_and_come_back_as_left(qtbot, many_lanes) -> None:
    late = many_lanes.find_actor("Actor 05")  # the busiest at the end of 2018
    many_lanes.add_events(Event(f"Late clash {i}", When.parse("2018-12-20"), participants=(Participant(late.uid),))
                          for i in range(5))
    view = make_view(qtbot, many_lanes, height=3000)
    view.set_lanes("actor")
    names = [lane.lane.name for lane in view.lane_layouts()]
    assert names == sorted(names)
    view.set_range(When.parse("2018-12-15").earliest_ts, When.parse("2018-12-31").latest_ts)
    view.set_lane_sort("events")
    shown = view.lane_layouts()
    assert shown[0].lane.name == "Actor 05" and [lane.in_view for lane in shown] == \
        sorted((lane.in_view for lane in shown), reverse=True)
    view.hide_empty_button.click()
    assert view.hide_empty_lanes and all(lane.in_view > 0 for lane in view.lane_layouts())
    assert len(view.lane_layouts()) < 30
    view.set_lane_sort("recent")
    assert view.lane_layouts()[0].lane.name == "Actor 05"
    # the arrangement is the workspace's: it comes back with it
    again = make_view(qtbot, many_lanes)
    assert (again.lane_mode, again.lane_sort, again.hide_empty_lanes) == ("actor", "recent", True)
    assert again.lanes_box.currentData() == "actor" and again.sort_box.currentData() == "recent"
    assert again.hide_empty_button.isChecked()


def test_an_exported_picture_is_light_with_title_dates_marking_and_source(qtbot, tmp_path: Path, demo_workspace) -> None:
    from PySide6.QtGui import QImage

    from briefer.ui import theme
    from briefer.ui.timeline.export import export_texts

    theme.apply_scheme("dark")
    try:
        view = make_view(qtbot, demo_workspace)
        assert view.palette().color(view.palette().ColorRole.Base).lightness() < 128
        view.go_to(When.parse("2019-02"))
        texts = export_texts(view)
        assert texts["title"] == f"{demo_workspace.name} — timeline"
        assert "2019 – " in texts["range"] and texts["range"].endswith("events")
        assert texts["marking"] and texts["source"].startswith(f"Source: Briefer workspace {demo_workspace.name}")
        path = tmp_path / "slide.png"
        view.export_png(str(path), 1200, 700)
        image = QImage(str(path))
        assert QColor(image.pixel(5, 5)).lightness() > 200 and QColor(image.pixel(600, 400)).lightness() > 150
        assert any(QColor(image.pixel(x, 20)).lightness() < 100 for x in range(12, 200))  # the title's ink
        assert view.palette().color(view.palette().ColorRole.Base).lightness() < 128  # the screen stays dark
    finally:
        theme.apply_scheme("system")


def test_colour_by_a_field_with_a_legend_that_hides_and_colours_that_last(qtbot, demo_workspace) -> None:
    from PySide6.QtWidgets import QToolButton

    view = make_view(qtbot, demo_workspace)
    view.fit_all()
    everything = {g.event_id for lane in view.lane_layouts() for g in lane.glyphs}
    view.colour_box.setCurrentIndex(view.colour_box.findData("type"))
    assert view.colour_by == "type" and view.colour_legend.isVisibleTo(view)
    entries = {b.text(): b for b in view.colour_legend.findChildren(QToolButton, "colourLegendEntry")}
    types = set(demo_workspace.event_types())
    assert types <= set(entries) and "(no type)" in entries
    colours = {value: view.value_colour(value).name() for value in entries}
    assert len(set(colours.values())) >= min(len(colours), 8)  # told apart
    attack = sorted(types)[0]
    entries[attack].click()  # hide that type's events
    shown = {g.event_id for lane in view.lane_layouts() for g in lane.glyphs}
    hidden = {i for i in everything if view.event_value(i) == attack}
    assert hidden and shown == everything - hidden
    # the workspace remembers: colour-by, each value's colour, what is hidden
    again = make_view(qtbot, demo_workspace)
    assert again.colour_by == "type" and again.colour_box.currentData() == "type"
    assert {value: again.value_colour(value).name() for value in colours} == colours
    assert again.hidden_values() == {attack}


def test_long_running_bars_go_to_a_thin_strip_at_the_lane_top_and_still_answer_hover_and_click(
        qtbot, tmp_path) -> None:
    """A year-long siege and an open-ended occupation would take the lane's first rows and push
    the month's raids down; they become thin lines in a strip at the lane's top instead."""
    from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    from briefer.ui.timeline.frame import ROW_H

    with Workspace.create(tmp_path / "long.briefer") as ws:
        ws.add_events([Event("Siege of the old city", When.parse("2018-06/2019-12")),
                       Event("Occupation of the dam", When.parse("2018-09-01/..")),
                       Event("Ceasefire talks", When.parse("2019-02-10/2019-02-14"))]
                      + [Event(f"Raid {k}", When.day(date(2019, 2, 1) + timedelta(days=3 * k))) for k in range(6)])
        view = make_view(qtbot, ws)
        view.set_range(When.parse("2019-01-25").earliest_ts, When.parse("2019-03-05").earliest_ts)
        lane = view.lane_layouts()[0]
        by_title = {g.title: g for g in lane.glyphs}
        siege, dam = by_title["Siege of the old city"], by_title["Occupation of the dam"]
        assert siege.kind == dam.kind == "line"
        raids = [by_title[f"Raid {k}"] for k in range(6)]
        # the lines are thin and stacked above everything else; the raids are not pushed below them
        assert siege.rect().height() <= 4 and dam.rect().height() <= 4 and siege.y != dam.y
        below = min(g.rect().top() for g in lane.glyphs if g.kind != "line")
        assert max(siege.rect().bottom(), dam.rect().bottom()) < below
        assert below - lane.y < ROW_H + 5  # the strip takes less than a row
        # a month-long bar is not long at this zoom: it keeps its bar and its label
        talks = by_title["Ceasefire talks"]
        assert talks.kind == "bar" and talks.label_w > 0
        assert {g.y for g in raids} <= {talks.y, talks.y + ROW_H}

        # hovering a line names its event; clicking it selects it
        at = QPointF(view.header_w + 300, siege.y)
        assert view.glyph_at(at).event_id == siege.event_id
        assert view.glyph_at(QPointF(view.header_w + 300, dam.y)).event_id == dam.event_id
        QApplication.sendEvent(view.canvas, QHelpEvent(QEvent.Type.ToolTip, at.toPoint(),
                                                       view.canvas.mapToGlobal(at.toPoint())))
        assert "Siege of the old city" in QToolTip.text()
        QToolTip.hideText()
        qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=QPoint(int(at.x()), int(siege.y)))
        assert view.selected_ids() == [siege.event_id]


@pytest.fixture
def first_lanes_first(monkeypatch: pytest.MonkeyPatch):
    """Lanes read as on a large workspace: the first lanes at once, the rest on a thread
    (here: the first three)."""
    from briefer.ui.timeline import lanes

    monkeypatch.setattr(lanes, "FIRST_LANES_ABOVE", 0)
    monkeypatch.setattr(TimelineView, "_lanes_for_a_screen", lambda self: 3)


def test_a_large_workspace_shows_its_first_lanes_at_once_and_the_others_once_read(
        qtbot, many_lanes, monkeypatch: pytest.MonkeyPatch) -> None:
    view = make_view(qtbot, many_lanes)
    view.set_lanes("actor")
    every = view.lane_names()
    assert len(every) == 30 and not view.lanes_partial
    view.set_lanes("none")
    import threading

    from briefer.store import timeline as store_timeline
    from briefer.ui.timeline import lanes

    monkeypatch.setattr(lanes, "FIRST_LANES_ABOVE", 0)
    monkeypatch.setattr(TimelineView, "_lanes_for_a_screen", lambda self: 3)
    read_by: list[bool] = []
    real = store_timeline.lane_pairs
    monkeypatch.setattr(store_timeline, "lane_pairs", lambda *a, **k: read_by.append(
        threading.current_thread() is threading.main_thread()) or real(*a, **k))
    view.set_lanes("actor")
    assert view.lanes_partial  # drawn at once: the lanes a screen shows, in name order
    assert view.lane_names() == every[:3]
    assert view.status.text() == "3,001 events · lanes…"  # (the others are being read)
    drawn = [layout.lane.name for layout in view.lane_layouts()]
    assert drawn and drawn == every[:len(drawn)]
    qtbot.waitUntil(lambda: not view.lanes_partial)
    assert view.lane_names() == every
    assert view.status.text() == "3,001 events · 30 lanes"
    assert read_by == [False]  # the others were read off the window's thread
    # a filter applied meanwhile holds for the lanes that come
    view.set_lanes("none")
    view.set_lanes("actor")
    view.set_filter(EventFilter(text="corridors"))
    qtbot.waitUntil(lambda: not view.lanes_partial)
    assert view.lane_names() == ["Actor 29"]


def test_what_needs_every_lane_waits_for_them(qtbot, many_lanes, first_lanes_first) -> None:
    """B2 still brings an event's row into view when its lane was not read yet; sorting by
    counts and hiding empty lanes see every lane."""
    view = make_view(qtbot, many_lanes)
    view.set_lanes("actor")
    view.go_to(When.parse("2018-05"))
    target = many_lanes.event_ids(EventFilter(text="corridors"))[0]  # in the last lane
    assert view.lanes_partial and "Actor 29" not in view.lane_names()
    view.select_ids([target], scroll=True)
    assert not view.lanes_partial
    assert drawn_in_view(view, target)
    view.set_lanes("none")
    view.set_lanes("actor")
    assert view.lanes_partial
    view.set_lane_sort("events")
    assert not view.lanes_partial and len(view.lane_names()) == 30
    view.set_lane_sort("name")
    view.set_lanes("none")
    view.set_lanes("actor")
    view.set_hide_empty(True)
    assert not view.lanes_partial and len(view.lane_names()) == 30
    view.set_hide_empty(False)
    view.set_lanes("none")
    view.set_lanes("actor")
    view.set_all_collapsed(True)  # every lane folds, not only those read so far
    assert not view.lanes_partial and all(lane.collapsed for lane in view.data.lanes)
    assert len(view.data.lanes) == 30
    view.wait_for_lanes()


def test_switching_lanes_again_while_they_are_read_lets_the_first_reading_go(
        qtbot, many_lanes, first_lanes_first) -> None:
    view = make_view(qtbot, many_lanes)
    view.set_lanes("actor")
    view.set_lanes("type")  # (not read in two steps)
    assert not view.lanes_partial
    kinds = view.lane_names()
    view.wait_for_lanes()
    QApplication.processEvents()  # the earlier reader's end is delivered and changes nothing
    assert view.lane_names() == kinds and not view.lanes_partial


def test_lanes_the_thread_could_not_read_are_read_by_the_view(qtbot, many_lanes, first_lanes_first,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from briefer.store import timeline as store_timeline

    real = store_timeline.lane_pairs
    calls: list[str] = []

    def locked_the_first_time(*args, **kwargs):  # (the thread's read is the first)
        calls.append("read")
        if len(calls) == 1:
            raise sqlite3.OperationalError("database is locked")
        return real(*args, **kwargs)

    monkeypatch.setattr(store_timeline, "lane_pairs", locked_the_first_time)
    view = make_view(qtbot, many_lanes)
    view.set_lanes("actor")
    assert view.lanes_partial
    qtbot.waitUntil(lambda: not view.lanes_partial)
    assert len(view.lane_names()) == 30 and view.status.text() == "3,001 events · 30 lanes"
    assert calls == ["read", "read"]  # the thread's, then the view's own


def test_lanes_the_store_cannot_give_leave_one_lane_and_the_window_says_why(window, demo_workspace, monkeypatch) -> None:
    from briefer.store import WorkspaceError
    from briefer.store import timeline as store_timeline
    from briefer.ui import main_window

    boxes: list[str] = []
    monkeypatch.setattr(main_window, "show_error", lambda parent, title, error: boxes.append(str(error)))
    path = demo_workspace.path
    demo_workspace.close()
    window.open_path(path)

    def refused(*args, **kwargs):
        raise WorkspaceError("the workspace file could not be read (disk I/O error)")

    monkeypatch.setattr(store_timeline, "lane_pairs", refused)
    timeline = window.timeline
    timeline.set_lanes("actor")  # not a desk: the reason comes in a message box, as a failed command's does
    assert boxes == ["the workspace file could not be read (disk I/O error)"]
    assert [lane.name for lane in timeline.data.lanes] == ["All events"]
    timeline.reload()  # the columns read again (after an edit, an import): its lanes were never set before
    assert len(boxes) == 2 and [lane.name for lane in timeline.data.lanes] == ["All events"]
    timeline.canvas.grab()
    monkeypatch.undo()
    timeline.reload()
    assert len(timeline.lane_names()) > 1
