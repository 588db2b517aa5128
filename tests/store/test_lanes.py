"""The pairs the timeline's swimlanes are built from, on both backends: one per (event, lane),
an actor's lane's events in date order; events in no lane are left for the timeline to find."""

from __future__ import annotations

from dataclasses import replace

from briefer.core.filter import EventFilter
from briefer.core.model import Actor, Citation, Event, Participant, Role, Source
from briefer.core.when import When
from briefer.store import Workspace
from briefer.store import timeline as store_timeline


def _lanes(ws: Workspace, mode: str) -> dict[str, list[str]]:
    ids, lanes, names = store_timeline.lane_pairs(ws, mode)
    every = ws.event_ids()
    by_id = dict(zip(every, ws.events_by_ids(every)))
    out: dict[str, list[str]] = {}
    for event_id, lane in zip(ids, lanes):
        out.setdefault(names[lane], []).append(by_id[event_id].title)
    return out


def test_each_lane_lists_its_events_once_in_date_order_and_leaves_out_the_rest(workspace: Workspace) -> None:
    ws = workspace
    sdf = ws.add_actor(Actor("SDF"))
    isis = ws.add_actor(Actor("Islamic State"))
    wire = ws.add_source(Source("Wire", reliability="B"))
    # added out of date order, so an order by row id would show
    ws.add_event(Event("late", When.parse("2019-03-23"), participants=(
        Participant(sdf.uid, Role.INITIATOR), Participant(sdf.uid, Role.SPOKESPERSON)),
        citations=(Citation(wire.uid, 2), Citation(wire.uid, 3))))
    ws.add_event(Event("early", When.parse("2019-02-09"), participants=(
        Participant(sdf.uid, Role.INITIATOR), Participant(isis.uid, Role.TARGET))))
    ws.add_event(Event("alone", When.parse("2019-02-20")))
    ws.add_event(Event("middle", When.parse("2019-03"), participants=(Participant(isis.uid, Role.TARGET),),
                       citations=(Citation(wire.uid, 2),)))

    # (the timeline, which holds every event's id, puts the events in no lane in a lane "(none)" itself)
    assert _lanes(ws, "actor") == {"Islamic State": ["early", "middle"], "SDF": ["early", "late"]}
    by_source = _lanes(ws, "source")  # (the timeline puts these in date order itself)
    assert {lane: sorted(titles) for lane, titles in by_source.items()} == {"Wire": ["late", "middle"]}
    ws.update_event(replace(ws.search_events(EventFilter(text="late"))[0], event_type="Battle"))
    assert _lanes(ws, "type") == {"Battle": ["late"]}
    assert store_timeline.colour_choices(ws, "type") == ["Battle", "(no type)"]  # (a desk refused these once)
    # a first frame's lanes: the first ones by name that have events (an actor with none is passed over)
    ws.add_actor(Actor("Al-Hol camp"))
    ids, lanes, names = store_timeline.first_lane_pairs(ws, "actor", 1)
    assert names == ["Al-Hol camp", "Islamic State", "SDF"]
    assert [(by_title(ws)[i], names[n]) for i, n in zip(ids, lanes)] == [("early", "Islamic State"),
                                                                         ("middle", "Islamic State")]
    ids, lanes, names = store_timeline.first_lane_pairs(ws, "actor", 5)
    assert len(ids) == 4 and set(names[n] for n in lanes) == {"Islamic State", "SDF"}


def by_title(ws: Workspace) -> dict[int, str]:
    every = ws.event_ids()
    return {i: e.title for i, e in zip(every, ws.events_by_ids(every))}


def test_event_columns_are_every_event_in_date_order_with_ties_by_end_then_id(workspace: Workspace) -> None:
    ws = workspace
    assert [len(c) for c in store_timeline.event_columns(ws).values()] == [0, 0, 0]  # an empty workspace
    # added out of date order; two share a start (the shorter first), two share start and end (by row id)
    for title, when in (("march", "2019-03"), ("day", "2019-02-09"), ("month", "2019-02"),
                        ("before 1970", "1944-06-06"), ("same month", "2019-02"), ("year", "2019")):
        ws.add_event(Event(title, When.parse(when)))
    columns = store_timeline.event_columns(ws)
    every = ws.event_ids()
    by_id = {i: e.title for i, e in zip(every, ws.events_by_ids(every))}
    assert [by_id[int(i)] for i in columns["id"]] == ["before 1970", "year", "month", "same month", "day", "march"]
    assert list(columns["earliest"]) == sorted(columns["earliest"]) and columns["earliest"][0] < 0
    assert all(lo <= hi for lo, hi in zip(columns["earliest"], columns["latest"]))
