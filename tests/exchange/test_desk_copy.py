"""Take a copy of a desk to a laptop, work on both, merge the copy back: three-way from the
copy's sync point, on a real PostgreSQL server (nothing duplicated; the same field
changed on both sides is a conflict)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from briefer.core.filter import EventFilter
from briefer.core.model import Actor, Citation, Event, Participant, Source
from briefer.core.when import When
from briefer.exchange.merge import merge_path
from briefer.store import Workspace


@pytest.fixture
def desk(pg_server):
    url = pg_server.new_desk()
    ws = Workspace.open(url)
    ws.analyst = "Omar"
    yield ws
    ws.close()
    pg_server.drop(url)


def _fill(desk: Workspace) -> dict[str, Event]:
    sdf = desk.add_actor(Actor("Syrian Democratic Forces", aliases=("SDF",)))
    reuters = desk.add_source(Source("Reuters", reliability="B"))
    events = {
        "hajin": Event("Shelling of Hajin", When.parse("2019-02-09"), participants=(Participant(sdf.uid),),
                       citations=(Citation(reuters.uid, 2, "shells fell on the town"),), tags=("offensive",)),
        "convoy": Event("Convoy leaves Baghouz", When.parse("2019-02-20"), place="Baghouz"),
        "talks": Event("Talks in Raqqa", When.parse("2019-03")),
    }
    desk.add_events(events.values())
    return events


def test_a_copy_edited_on_a_laptop_merges_back_three_way(desk: Workspace, tmp_path: Path) -> None:
    events = _fill(desk)
    laptop_path = tmp_path / "laptop.briefer"
    copy_id = desk.make_peer_copy(laptop_path)

    with Workspace.open(laptop_path) as laptop:
        assert laptop.workspace_id == copy_id and laptop.backend == "sqlite"
        assert sorted(e.title for e in laptop.search_events(EventFilter())) == sorted(e.title for e in events.values())
        assert laptop.search_events(EventFilter(text="baghouz"))[0].uid == events["convoy"].uid  # its index works
        hajin = laptop.get_event(events["hajin"].uid)
        assert hajin.citations[0].quote == "shells fell on the town" and hajin.tags == ("offensive",)
        assert laptop.provenance("event", hajin.uid).created.analyst == "Omar"  # provenance came along
        laptop.analyst = "Amal"
        laptop.update_event(replace(laptop.get_event(events["talks"].uid), title="Talks in Raqqa postponed"))
        laptop.update_event(replace(laptop.get_event(events["convoy"].uid), notes="seen leaving at dawn"))
        added = laptop.add_event(Event("Airstrike near Hajin", When.parse("2019-02-11")))

    desk.update_event(replace(desk.get_event(events["convoy"].uid), notes="left at night"))  # the same field
    desk.update_event(replace(desk.get_event(events["hajin"].uid), place="Hajin"))  # another record

    report = merge_path(desk, laptop_path)
    assert report.added["event"] == 1 and report.updated["event"] == 1
    assert [(c["uid"], c["field"]) for c in report.conflicts] == [(events["convoy"].uid, "notes")]
    assert desk.event_count() == 4  # nothing duplicated
    assert desk.get_event(events["talks"].uid).title == "Talks in Raqqa postponed"
    assert desk.get_event(events["hajin"].uid).place == "Hajin"  # the desk's own edit stays
    assert desk.get_event(events["convoy"].uid).notes == "left at night"  # until someone decides
    assert desk.get_event(added.uid).title == "Airstrike near Hajin"
    history = desk.event_history(events["talks"].uid)
    assert (history[0].analyst, history[0].changes[0].new) == ("Amal", "Talks in Raqqa postponed")
    assert len(desk.actors()) == 1 and len(desk.sources()) == 1

    again = merge_path(desk, laptop_path)  # merging the same copy twice changes nothing more
    assert sum(again.added.values()) == sum(again.updated.values()) == 0
    assert desk.event_count() == 4


def test_a_filtered_part_of_a_desk_is_a_copy_that_merges_back(desk: Workspace, tmp_path: Path) -> None:
    events = _fill(desk)
    part = tmp_path / "hajin.briefer"
    desk.make_peer_copy(part, EventFilter(text="hajin"))
    with Workspace.open(part) as laptop:
        assert [e.uid for e in laptop.search_events(EventFilter())] == [events["hajin"].uid]
        assert len(laptop.actors()) == 1 and len(laptop.sources()) == 1
        laptop.update_event(replace(laptop.get_event(events["hajin"].uid), summary="from the laptop"))
    report = merge_path(desk, part)
    assert report.updated["event"] == 1 and report.deleted["event"] == 0 and not report.conflicts
    assert desk.event_count() == 3  # what the part left out is not deleted
    assert desk.get_event(events["hajin"].uid).summary == "from the laptop"


def test_a_plain_copy_of_a_desk_is_a_whole_workspace_file(desk: Workspace, tmp_path: Path) -> None:
    _fill(desk)
    target = desk.save_copy(tmp_path / "snapshot.briefer")
    with Workspace.open(target) as copy:
        assert copy.event_count() == 3 and copy.workspace_id == desk.workspace_id
