"""An edit refreshes only the views its change set touches: an edited title repaints its row
and its glyph, not a reread of every event, actor and source."""

from __future__ import annotations

from dataclasses import replace

from briefer.core.filter import EventFilter
from briefer.core.model import Event, Participant
from briefer.core.when import When
from briefer.ui import commands


class Resets:
    """Counts the model resets of each model watched."""

    def __init__(self, **models) -> None:
        self.counts = {name: 0 for name in models}
        for name, model in models.items():
            model.modelReset.connect(lambda n=name: self.counts.__setitem__(n, self.counts[n] + 1))


def test_each_view_refreshes_only_what_an_edit_touched(window, qtbot, demo_workspace) -> None:
    path = demo_workspace.path
    demo_workspace.close()
    window.open_path(path)
    session, ws, timeline = window.session, window.session.ws, window.timeline
    for panel in (window.actor_panel, window.source_panel):
        panel.show()
        panel.reload()
    resets = Resets(table=window.table.model_, actors=window.actor_panel.model, sources=window.source_panel.model)
    columns = timeline.data
    event = ws.events_by_uids(ws.event_uids(EventFilter(text="Baghouz")))[0]
    row = window.table.model_.row_for_id(ws.event_ids(EventFilter(uids=(event.uid,)))[0])
    repainted = []
    window.table.model_.dataChanged.connect(lambda a, b: repainted.append((a.row(), b.row())))

    commands.apply(session, commands.edit_event(session, event, replace(event, title="Offensive renamed")))
    assert resets.counts == {"table": 0, "actors": 0, "sources": 0}
    assert (row, row) in repainted and window.table.model_.index(row, 1).data() == "Offensive renamed"
    assert timeline.data is columns  # no reread of the columns
    timeline.go_to(event.when)
    assert "Offensive renamed" in {g.title for lane in timeline.lane_layouts() for g in lane.glyphs}
    assert timeline.data is columns

    # an event's actors change: the actors panel counts again in place, no rebuild
    isis = ws.find_actor("Islamic State")
    before = window.actor_panel.model.findItems("Islamic State")[0]
    count_of = lambda: window.actor_panel.model.item(before.row(), 2).data(0)  # noqa: E731
    old_count = count_of()
    now = ws.get_event(event.uid)
    others = tuple(p for p in now.participants if p.actor_uid != isis.uid)
    commands.apply(session, commands.edit_event(session, now, replace(now, participants=others)))
    assert resets.counts["actors"] == 0 and count_of() == old_count - 1

    # an actor's description or aliases: its row is rewritten in place; table and timeline stay
    commands.apply(session, commands.edit_actor(session, isis, replace(isis, description="note",
                                                                      aliases=(*isis.aliases, "Daesh"))))
    assert resets.counts == {"table": 0, "actors": 0, "sources": 0} and timeline.data is columns
    row = window.actor_panel.model.findItems("Islamic State")[0].row()
    assert "Daesh" in window.actor_panel.model.item(row, 1).text()
    # renamed, it moves in the list: the panel is rebuilt
    isis = ws.get_actor(isis.uid)
    commands.apply(session, commands.edit_actor(session, isis, replace(isis, name="ISIL")))
    assert resets.counts["actors"] == 1 and window.actor_panel.model.findItems("ISIL")

    # a new event: the table and the timeline read again
    commands.apply(session, commands.add_events(session, [Event("New clash", When.parse("2019-03-02"),
                                                                participants=(Participant(isis.uid),))]))
    assert resets.counts["table"] == 1 and timeline.data is not columns


def test_a_new_type_or_tag_joins_the_filter_bar_without_reading_them_all(window, qtbot, demo_workspace,
                                                                        monkeypatch) -> None:
    path = demo_workspace.path
    demo_workspace.close()
    window.open_path(path)
    session, ws, bar = window.session, window.session.ws, window.filter_bar
    monkeypatch.setattr(type(ws), "event_types", lambda self: (_ for _ in ()).throw(AssertionError("read all")))
    monkeypatch.setattr(type(ws), "tags", lambda self: (_ for _ in ()).throw(AssertionError("read all")))
    commands.apply(session, commands.add_events(session, [Event("Drone sighted", When.parse("2019-03-03"),
                                                                event_type="Surveillance", tags=("drones",))]))
    assert bar.event_type.findData("Surveillance") > 0 and bar.tag.findData("drones") > 0
    assert "Any type" == bar.event_type.itemText(0)


class Paints:
    """The rectangles Qt repaints in each watched widget."""

    def __init__(self, **widgets) -> None:
        from PySide6.QtCore import QEvent, QObject

        self.rects = {name: [] for name in widgets}
        rects = self.rects

        class Watch(QObject):
            def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
                if event.type() == QEvent.Type.Paint:
                    rects[obj.objectName()].append(event.rect())
                return False

        self._watch = Watch()
        for name, widget in widgets.items():
            widget.setObjectName(name)
            widget.installEventFilter(self._watch)

    def clear(self) -> None:
        for rects in self.rects.values():
            rects.clear()


def test_an_edit_repaints_only_the_lane_and_rows_it_touched(window, qtbot, demo_workspace) -> None:
    from PySide6.QtWidgets import QApplication

    path = demo_workspace.path
    demo_workspace.close()
    window.resize(1280, 720)
    window.open_path(path)
    session, ws, timeline = window.session, window.session.ws, window.timeline
    timeline.set_lanes("type")
    event = ws.events_by_uids(ws.event_uids(EventFilter(text="Baghouz")))[0]
    timeline.go_to(event.when)
    QApplication.processEvents()
    lane = next(lane for lane in timeline.lane_layouts() if any(g.title == event.title for g in lane.glyphs))
    canvas = timeline.canvas
    paints = Paints(canvas=canvas, table=window.table.viewport())
    QApplication.processEvents()
    paints.clear()
    recounts = []
    for panel in (window.actor_panel, window.source_panel):
        panel.show()
        panel.refresh_counts = lambda p=panel: recounts.append(p)  # a title changes no actor's or source's count

    commands.apply(session, commands.edit_event(session, event, replace(event, title="Offensive renamed")))
    QApplication.processEvents()
    # the glyph's lane, not the canvas, is repainted; and it shows the new title
    assert paints.rects["canvas"], "the edited glyph was not repainted"
    for rect in paints.rects["canvas"]:
        assert rect.top() >= lane.y - 2 and rect.bottom() <= lane.y + lane.height + 2, (rect, lane.y, lane.height)
        assert rect.height() < canvas.height() / 2
    assert "Offensive renamed" in {g.title for lane in timeline.lane_layouts() for g in lane.glyphs}
    assert recounts == []
    # the table repaints the edited row at most, not its whole viewport
    viewport = window.table.viewport()
    assert all(rect.height() < viewport.height() / 3 for rect in paints.rects["table"]), paints.rects["table"]

    # an actor's description shows nowhere on the timeline (its lanes are by type): nothing repaints there
    paints.clear()
    isis = ws.find_actor("Islamic State")
    commands.apply(session, commands.edit_actor(session, isis, replace(isis, description="a note")))
    QApplication.processEvents()
    assert paints.rects["canvas"] == [] and paints.rects["table"] == []
    # renamed, the actor's name changes in the table's Actors column: that repaints
    isis = ws.get_actor(isis.uid)
    commands.apply(session, commands.edit_actor(session, isis, replace(isis, name="ISIL")))
    QApplication.processEvents()
    assert paints.rects["table"]
