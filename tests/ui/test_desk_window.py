"""The window on a desk (a real PostgreSQL server, started by the tests): other analysts'
changes arrive by themselves and refresh only what they touch; a reader's window is
read-only and says so; a concurrent edit offers reload, overwrite or merge; a lost
connection leaves the window open read-only until it reconnects."""

from __future__ import annotations

from dataclasses import replace

import pytest

from briefer.core.model import Event
from briefer.core.when import When
from briefer.store import Workspace
from tests.ui.test_refresh import Resets


@pytest.fixture
def desk(pg_server):
    url = pg_server.new_desk()
    yield url
    pg_server.drop(url)


@pytest.fixture
def amal(desk):
    """Another analyst's session on the same desk."""
    ws = Workspace.open(desk)
    ws.analyst = "Amal"
    yield ws
    ws.close()


def titles(window) -> list[str]:
    model = window.table.model_
    return [model.index(row, 1).data() for row in range(model.rowCount())]


def test_other_analysts_changes_arrive_by_themselves_and_refresh_only_what_they_touch(window, qtbot, desk,
                                                                                    amal) -> None:
    assert window.open_path(desk)
    model, timeline, bar = window.table.model_, window.timeline, window.filter_bar
    amal.add_event(Event("Talks in Raqqa", When.parse("2019-01-20")))
    qtbot.waitUntil(lambda: titles(window) == ["Talks in Raqqa"])
    assert len(timeline.data) == 1 and bar.count.text() == "1 of 1 events"

    shelling = amal.add_event(Event("Shelling of Hajin", When.parse("2019-02-09")))
    qtbot.waitUntil(lambda: titles(window) == ["Talks in Raqqa", "Shelling of Hajin"])
    assert len(timeline.data) == 2 and bar.count.text() == "2 of 2 events"
    assert window.session.selection == []  # someone else's new event is not selected for you

    # changed in place: its row is repainted; neither table nor timeline is read again
    resets, columns = Resets(table=model), timeline.data
    amal.update_event(replace(amal.get_event(shelling.uid), title="Shelling of Hajin and Baghouz"))
    qtbot.waitUntil(lambda: titles(window) == ["Talks in Raqqa", "Shelling of Hajin and Baghouz"])
    assert resets.counts["table"] == 0 and timeline.data is columns
    timeline.go_to(When.parse("2019-02-09"))
    assert "Shelling of Hajin and Baghouz" in {g.title for lane in timeline.lane_layouts() for g in lane.glyphs}

    # its dates moved: it takes its new place in date order
    amal.update_event(replace(amal.get_event(shelling.uid), when=When.parse("2019-01-02")))
    qtbot.waitUntil(lambda: titles(window) == ["Shelling of Hajin and Baghouz", "Talks in Raqqa"])
    assert timeline.data.start.min() == When.parse("2019-01-02").earliest_ts

    amal.delete_event(shelling.uid)
    qtbot.waitUntil(lambda: titles(window) == ["Talks in Raqqa"])
    assert len(timeline.data) == 1 and bar.count.text() == "1 of 1 events"

    # a bulk import too large to list: the window reads everything again
    amal.add_events([Event(f"Report {i}", When.parse("2019-03")) for i in range(400)])
    qtbot.waitUntil(lambda: model.rowCount() == 401)
    assert len(timeline.data) == 401 and bar.count.text() == "401 of 401 events"


def test_the_window_does_not_hear_its_own_changes_twice(window, qtbot, desk, amal) -> None:
    assert window.open_path(desk)
    heard = []
    window.session.changed.connect(lambda changes: heard.append(window.session.remote))
    from briefer.ui import commands

    commands.apply(window.session, commands.add_events(window.session, [Event("Mine", When.parse("2019"))]))
    amal.add_event(Event("Theirs", When.parse("2018")))
    qtbot.waitUntil(lambda: titles(window) == ["Theirs", "Mine"])
    assert heard == [False, True]  # my edit once (local), theirs once (remote)
