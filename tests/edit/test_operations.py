"""Every edit, applied and reverted and applied again, leaves the workspace exactly as it was
at each step, and says what it touched."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from briefer.core.filter import EventFilter
from briefer.core.model import Actor, Citation, Document, Event, Participant, Source
from briefer.core.period import Period
from briefer.core.when import When
from briefer.edit import ChangeSet
from briefer.edit import operations as ops
from briefer.store import Workspace


def content(ws: Workspace) -> dict:
    """Everything a user can see, by uid (row ids may change on a re-insert; uids may not)."""
    return {
        "actors": sorted(ws.actors(), key=lambda a: a.uid),
        "sources": sorted(ws.sources(), key=lambda s: s.uid),
        "documents": sorted((ws.get_document(d.uid) for d in ws.documents()), key=lambda d: d.uid),
        "events": sorted(ws.events_by_uids(ws.event_uids(EventFilter())), key=lambda e: e.uid),
        "periods": ws.periods(),
    }


@pytest.fixture
def ws(tmp_path: Path):
    ws = Workspace.create(tmp_path / "edits.briefer")
    sdf = ws.add_actor(Actor("SDF", aliases=("Syrian Democratic Forces",)))
    ws.add_actor(Actor("YPG", member_of=sdf.uid))
    ws.add_actor(Actor("YPJ", member_of=sdf.uid))
    ws.add_actor(Actor("Islamic State"))
    reuters = ws.add_source(Source("Reuters", reliability="B"))
    ws.add_source(Source("Wire", reliability="C"))
    doc = ws.add_document(Document(reuters.uid, "Offensive paused", text="The offensive is on hold."))
    ws.add_events([
        Event("Offensive paused", When.parse("2019-02-09"),
              participants=(Participant(sdf.uid),),
              citations=(Citation(reuters.uid, 2, "on hold", document_uid=doc.uid),)),
        Event("Corridors open", When.parse("2019-02-04/2019-02-09"), participants=(Participant(sdf.uid),)),
    ])
    ws.add_period(Period("Battle of Baghouz", When.parse("2019-02-09/2019-03-23")))
    yield ws
    ws.close()


def actor(ws: Workspace, name: str) -> Actor:
    return ws.find_actor(name)


def source(ws: Workspace, name: str) -> Source:
    return ws.find_source(name)


def event(ws: Workspace, title: str) -> Event:
    return ws.events_by_uids(ws.event_uids(EventFilter(text=f'"{title}"')))[0]


EDITS = {
    "add events": lambda ws: ops.add_events([Event("Camp reached", When.parse("2019-02-10"))]),
    "edit event": lambda ws: ops.edit_event(event(ws, "Corridors open"),
                                            replace(event(ws, "Corridors open"), title="Corridors closed",
                                                    when=When.parse("2019-02-11"))),
    "delete events": lambda ws: ops.delete_events([event(ws, "Offensive paused")]),
    "create actors with an event": lambda ws: ops.creating_actors(
        ops.add_events([Event("Truce", When.parse("2019-03"), participants=(Participant(NEW.uid),))]), [NEW]),
    "add actor": lambda ws: ops.add_actor(Actor("Coalition")),
    "edit actor": lambda ws: ops.edit_actor(actor(ws, "SDF"), replace(actor(ws, "SDF"), description="Kurdish-led")),
    "delete actor with members and events": lambda ws: ops.delete_actor(ws, actor(ws, "SDF")),
    "merge actors": lambda ws: ops.merge_actors(ws, actor(ws, "Islamic State"), actor(ws, "SDF")),
    "add source": lambda ws: ops.add_source(Source("Agency")),
    "edit source": lambda ws: ops.edit_source(source(ws, "Reuters"), replace(source(ws, "Reuters"), reliability="A")),
    "delete source with documents and citations": lambda ws: ops.delete_source(ws, source(ws, "Reuters")),
    "merge sources": lambda ws: ops.merge_sources(ws, source(ws, "Wire"), source(ws, "Reuters")),
    "add document": lambda ws: ops.add_document(Document(source(ws, "Wire").uid, "Note", text="x")),
    "edit document": lambda ws: ops.edit_document(ws.documents()[0], replace(ws.get_document(ws.documents()[0].uid),
                                                                           title="Renamed")),
    "delete document": lambda ws: ops.delete_document(ws, ws.documents()[0]),
    "add period": lambda ws: ops.add_period(Period("Hajin pocket", When.parse("2018-09/2018-12"), colour="#3a9e5c")),
    "edit period": lambda ws: ops.edit_period(ws.periods()[0], replace(ws.periods()[0], name="Baghouz")),
    "delete period": lambda ws: ops.delete_period(ws, ws.periods()[0]),
}
NEW = Actor("Tribal council")


@pytest.mark.parametrize("name", EDITS)
def test_every_edit_reverts_and_reapplies_exactly(ws, name) -> None:
    before = content(ws)
    edit = EDITS[name](ws)
    changes = edit.apply(ws)
    after = content(ws)
    assert after != before and changes
    assert edit.revert(ws)
    assert content(ws) == before
    edit.apply(ws)
    assert content(ws) == after
    edit.revert(ws)
    assert content(ws) == before


def test_undoing_an_actor_delete_restores_its_members_affiliation(ws) -> None:
    sdf = actor(ws, "SDF")
    edit = ops.delete_actor(ws, replace(sdf, member_of=None, aliases=()))  # a stale copy from a panel
    changes = edit.apply(ws)
    assert actor(ws, "YPG").member_of is None
    assert {actor(ws, "YPG").uid, actor(ws, "YPJ").uid} <= changes.actors.changed
    assert sdf.uid in changes.actors.removed
    edit.revert(ws)
    assert actor(ws, "YPG").member_of == sdf.uid and actor(ws, "YPJ").member_of == sdf.uid
    assert actor(ws, "SDF").aliases == ("Syrian Democratic Forces",)  # as stored, not as the caller had it
    assert {p.actor_uid for p in event(ws, "Offensive paused").participants} == {sdf.uid}


def test_change_sets_name_what_each_edit_touched(ws) -> None:
    paused = event(ws, "Offensive paused")
    retitled = ops.edit_event(paused, replace(paused, title="Offensive on hold")).apply(ws)
    assert retitled.events.changed == {paused.uid} and not retitled.events.moved
    assert not retitled.touches("actors") and not retitled.touches("sources")
    now = event(ws, "Offensive on hold")
    moved = ops.edit_event(now, replace(now, when=When.parse("2019-02-12"))).apply(ws)
    assert moved.events.moved == {paused.uid}
    gone = ops.delete_source(ws, source(ws, "Reuters")).apply(ws)
    assert gone.sources.removed and gone.documents.removed and gone.events.changed == {paused.uid}
    assert (ChangeSet() | ChangeSet.all()).everything and not ChangeSet()


def test_a_change_set_says_when_an_event_kept_its_actors_and_sources(ws) -> None:
    """(what lets the panels keep their counts after a title is edited)"""
    paused = event(ws, "Offensive paused")
    retitled = ops.edit_event(paused, replace(paused, title="Offensive on hold"))
    assert retitled.apply(ws).events.links_kept and retitled.revert(ws).events.links_kept
    now = event(ws, "Offensive paused")
    joined = replace(now, participants=(*now.participants, Participant(actor(ws, "YPG").uid)))
    assert not ops.edit_event(now, joined).apply(ws).events.links_kept
    now = event(ws, "Offensive paused")
    uncited = ops.edit_event(now, replace(now, citations=())).apply(ws)
    assert not uncited.events.links_kept
    # together with a change that does not say so, nothing is promised
    kept = ChangeSet.of("events", changed=["a"], links_kept=True)
    assert not (kept | ChangeSet.of("events", changed=["b"])).events.links_kept
    assert (kept | ChangeSet.of("actors", changed=["x"])).events.links_kept
    assert not ops.add_events([Event("Camp reached", When.parse("2019-02-10"))]).apply(ws).events.links_kept


def test_a_period_needs_a_name_both_ends_and_a_real_colour(ws) -> None:
    from briefer.core.errors import BrieferError

    for make, fragment in ((lambda: Period(" ", When.parse("2019")), "needs a name"),
                           (lambda: Period("Since", When.parse("2014/..")), "both ends"),
                           (lambda: Period("Red", When.parse("2019"), colour="red"), "#rrggbb")):
        with pytest.raises(BrieferError, match=fragment):
            make()
    assert [p.name for p in ws.periods()] == ["Battle of Baghouz"]
    assert ws.periods()[0].when.label == "9 Feb – 23 Mar 2019"


@pytest.mark.parametrize("noun", ["event", "actor", "source"])
def test_an_edit_over_another_analysts_change_is_refused_unless_told_to_overwrite(ws, noun) -> None:
    from briefer.store import EditConflict
    from briefer.store.external import write_through

    write_through(ws)
    record = {"event": lambda: ws.events_by_uids(ws.event_uids(EventFilter()))[0], "actor": lambda: ws.actors()[0],
              "source": lambda: ws.sources()[0]}[noun]()
    old = getattr(ws, f"get_{noun}")(record.uid)
    with Workspace.open(ws.path) as other:
        other.analyst = "Amal"
        getattr(other, f"update_{noun}")(replace(getattr(other, f"get_{noun}")(record.uid), notes="Amal")
                                         if noun != "actor" else replace(other.get_actor(record.uid), description="Amal"))
    field = "description" if noun == "actor" else "notes"
    new = replace(old, **{field: "mine"})
    edit = getattr(ops, f"edit_{noun}")(old, new)
    with pytest.raises(EditConflict):
        edit.apply(ws)
    getattr(ops, f"edit_{noun}")(old, new, overwrite=True).apply(ws)
    assert getattr(getattr(ws, f"get_{noun}")(record.uid), field) == "mine"


@pytest.fixture
def amal(ws):
    """A colleague's session on the same workspace file (a second window)."""
    from briefer.store.external import write_through

    write_through(ws)
    with Workspace.open(ws.path) as other:
        other.analyst = "Amal"
        yield other


def _amal_renames(amal: Workspace, uid: str) -> Event:
    return amal.update_event(replace(amal.get_event(uid), title="Corridors opened at dawn"))


def test_an_event_edit_is_checked_against_the_version_the_user_started_from(ws, amal) -> None:
    """Even when this session has read the colleague's version since (a table hearing it)."""
    from briefer.store import EditConflict

    old = event(ws, "Corridors open")
    theirs = _amal_renames(amal, old.uid)
    assert ws.get_event(old.uid) == theirs  # the window read their version meanwhile
    before = content(ws)
    with pytest.raises(EditConflict, match="changed by Amal"):
        ops.edit_event(old, replace(old, when=When.parse("2019-02-05"))).apply(ws)
    assert content(ws) == before
    ops.edit_event(old, replace(old, when=When.parse("2019-02-05")), overwrite=True).apply(ws)
    assert ws.get_event(old.uid).when.edtf == "2019-02-05"


def test_undo_and_redo_of_an_event_edit_keep_a_colleague_s_later_change(ws, amal) -> None:
    from briefer.store import EditConflict

    old = event(ws, "Corridors open")
    edit = ops.edit_event(old, replace(old, place="Baghouz"))
    edit.apply(ws)
    theirs = _amal_renames(amal, old.uid)
    ws.get_event(old.uid)  # heard and read
    with pytest.raises(EditConflict, match="changed by Amal"):
        edit.revert(ws)
    assert ws.get_event(old.uid) == theirs

    again = ops.edit_event(theirs, replace(theirs, notes="mine"))
    again.apply(ws)
    again.revert(ws)  # undone: the stored event is theirs again
    amal.update_event(replace(amal.get_event(old.uid), notes="Amal's"))
    ws.get_event(old.uid)
    with pytest.raises(EditConflict, match="changed by Amal"):
        again.apply(ws)  # redo
    assert ws.get_event(old.uid).notes == "Amal's"


def test_redoing_a_delete_keeps_an_event_a_colleague_changed_after_the_undo(ws, amal) -> None:
    from briefer.store import EditConflict

    doomed = event(ws, "Corridors open")
    edit = ops.delete_events([doomed])
    edit.apply(ws)
    edit.revert(ws)
    _amal_renames(amal, doomed.uid)
    ws.get_event(doomed.uid)
    with pytest.raises(EditConflict, match="changed by Amal"):
        edit.apply(ws)
    assert ws.get_event(doomed.uid).title == "Corridors opened at dawn"


@pytest.mark.parametrize("name", ["delete actor with members and events", "merge actors",
                                  "delete source with documents and citations", "merge sources", "delete document"])
def test_undoing_an_edit_that_touched_events_keeps_a_colleague_s_later_change(ws, amal, name) -> None:
    from briefer.store import EditConflict

    edit = EDITS[name](ws)
    edit.apply(ws)
    touched = event(ws, "Offensive paused")
    amal.update_event(replace(amal.get_event(touched.uid), notes="Amal's"))
    ws.get_event(touched.uid)
    after = content(ws)
    with pytest.raises(EditConflict, match="changed by Amal"):
        edit.revert(ws)
    assert content(ws) == after  # nothing of the undo landed
