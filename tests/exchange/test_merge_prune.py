"""Earlier versions kept for three-way merges (and for each record's history) can be pruned
once no peer can need them (`peers --prune`): a merge after pruning is still three-way (one
side's edit wins, both sides' edits of different fields combine, the same field edited on
both sides is a conflict).  A merge never prunes by itself: the versions are also what a
record's history shows."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from briefer.exchange.merge import merge_path
from briefer.store import Workspace

from .merge_helpers import content, pair


def edit(ws: Workspace, uid: str, **changes) -> None:
    ws.update_event(replace(ws.get_event(uid), **changes))


def test_versions_every_peer_has_moved_past_are_pruned_and_merges_stay_three_way(tmp_path: Path) -> None:
    a, b = pair(tmp_path)
    for title in ("A1", "A2", "A3"):
        edit(a, "event-0", title=title)
    edit(a, "event-1", place="Hajin")
    kept = a.history_size()
    assert kept >= 4  # the version each edit replaced, kept as a base for b
    merge_path(b, a.path)  # b takes a's edits...
    merge_path(a, b.path)  # ...and a learns that b has them: no base older than that is needed
    assert a.history_size() == kept  # a merge keeps them: the record's history shows them
    assert [e.changes[0].new for e in a.event_history("event-0")[:3]] == ["A3", "A2", "A1"]
    with a.transaction():
        assert len(a.prune_history()) == kept
    assert a.history_size() == 0 and a.peer(b.workspace_id)["acked"] == a.history_floor()

    # after pruning: edits on different fields combine, the same field is a conflict
    edit(a, "event-0", summary="by Amal")
    edit(b, "event-0", place="Susa")
    edit(a, "event-2", title="Amal's")
    edit(b, "event-2", title="Bashir's")
    report = merge_path(a, b.path)
    e0 = a.get_event("event-0")
    assert (e0.title, e0.summary, e0.place) == ("A3", "by Amal", "Susa")
    assert [(c["uid"], c["field"]) for c in report.conflicts] == [("event-2", "title")]


def test_the_peer_that_has_not_synced_keeps_what_it_needs(tmp_path: Path) -> None:
    a, b = pair(tmp_path)
    a.make_peer_copy(tmp_path / "chadi.briefer")  # a second analyst, who will stay away a while
    c = Workspace.open(tmp_path / "chadi.briefer")
    edit(a, "event-0", title="A1")
    merge_path(b, a.path)
    merge_path(a, b.path)
    edit(a, "event-0", title="A2")
    merge_path(b, a.path)
    merge_path(a, b.path)
    with a.transaction():
        a.prune_history()
    assert a.history_size() >= 1  # the version Chadi last had of event-0 stays
    edit(c, "event-0", place="Abu Kamal")  # Chadi, offline all along, changes another field
    report = merge_path(a, c.path)
    assert not report.conflicts
    assert (a.get_event("event-0").title, a.get_event("event-0").place) == ("A2", "Abu Kamal")
    merge_path(c, a.path)
    assert content(c)["event"] == content(a)["event"]


def test_a_forgotten_peer_no_longer_keeps_versions(tmp_path: Path) -> None:
    a, b = pair(tmp_path)
    edit(a, "event-0", title="A1")
    assert a.history_size() == 1
    with a.transaction():
        a.forget_peer(b.workspace_id)
        assert len(a.prune_history()) == 1
    assert a.history_size() == 0 and a.peers() == []
