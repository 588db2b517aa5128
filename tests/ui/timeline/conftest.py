"""A small workspace (three actors, six events of every kind of date) and a timeline on it, shared
by the timeline's tests; `event_id` finds an event's row by its title."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.core.filter import EventFilter
from briefer.core.model import Actor, Citation, Event, Participant, Source
from briefer.core.when import When
from briefer.store import Workspace
from briefer.ui.timeline import TimelineView


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
