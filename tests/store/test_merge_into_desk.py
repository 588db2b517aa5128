"""A merge writes events in bulk (changed columns only, links when they changed, deletions
in one statement): the same on a desk's PostgreSQL as in a file."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from briefer.core.filter import EventFilter
from briefer.core.model import Citation
from briefer.core.when import When
from briefer.exchange.merge import merge_path

from ..exchange.merge_helpers import content, seeded


def test_a_laptop_merged_twice_into_the_workspace_lands_whole(workspace, tmp_path: Path) -> None:
    laptop = seeded(tmp_path / "laptop.briefer")
    first = merge_path(workspace, laptop.path)
    assert first.added["event"] == 3 and content(workspace)["event"] == content(laptop)["event"]
    e0, e2 = laptop.get_event("event-0"), laptop.get_event("event-2")
    laptop.update_event(replace(e0, title="Assault on Hajin", when=When.parse("2018-12-14")))
    laptop.update_event(replace(e2, tags=("offensive",), citations=e2.citations + (
        Citation("source-sohr", 3, "second", uid="cite-new"),)))
    laptop.delete_event("event-1")
    second = merge_path(workspace, laptop.path)
    assert (second.updated["event"], second.deleted["event"], second.conflicts) == (2, 1, [])
    assert content(workspace)["event"] == content(laptop)["event"]
    assert workspace.event_uids(EventFilter(text="Hajin")) == ["event-0"]
    assert workspace.event_uids(EventFilter(start=When.parse("2018-12"), end=When.parse("2018-12"))) == ["event-0"]
    assert workspace.event_uids(EventFilter(sources=("source-sohr",))) == ["event-2"]
    assert workspace.tombstones("event", ["event-1"])["event-1"][1] is not None
    assert workspace.event_history("event-0")[0].action == "changed"
    laptop.close()
