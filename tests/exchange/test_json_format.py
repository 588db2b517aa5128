"""Briefer's own JSON: lossless, idempotent by UUID, all-or-nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefer.core.filter import EventFilter
from briefer.demo import create_demo_workspace
from briefer.exchange.json_format import ExchangeError, export_json, import_json
from briefer.store import Workspace


def _snapshot(ws: Workspace) -> tuple:
    return (ws.actors(), ws.sources(), ws.documents(), ws.search_events())


def test_export_then_import_is_lossless(tmp_path: Path, demo_workspace: Workspace) -> None:
    path = tmp_path / "all.json"
    export_json(demo_workspace, path)
    with Workspace.create(tmp_path / "copy.briefer") as copy:
        import_json(copy, path)
        assert _snapshot(copy) == _snapshot(demo_workspace)
        report = import_json(copy, path)
        assert sum(report.added.values()) == 0
        assert _snapshot(copy) == _snapshot(demo_workspace)


def test_export_of_a_filter_carries_what_its_events_refer_to(tmp_path: Path, demo_workspace: Workspace) -> None:
    bali = demo_workspace.find_actor("Mustafa Bali")
    path = tmp_path / "bali.json"
    count = export_json(demo_workspace, path, EventFilter(actors=(bali.uid,)))
    data = json.loads(path.read_text())
    assert count == len(data["events"]) >= 2
    names = {a["name"] for a in data["actors"]}
    assert "Mustafa Bali" in names and "Syrian Democratic Forces" in names  # the one he belongs to
    with Workspace.create(tmp_path / "part.briefer") as part:
        import_json(part, path)
        assert part.count_events() == count


def test_a_bad_record_names_itself_and_imports_nothing(tmp_path: Path, demo_workspace: Workspace) -> None:
    path = tmp_path / "all.json"
    export_json(demo_workspace, path)
    data = json.loads(path.read_text())
    data["events"][5]["when"] = "2019-02-30"
    path.write_text(json.dumps(data))
    with Workspace.create(tmp_path / "copy.briefer") as copy:
        with pytest.raises(ExchangeError, match=r"events\[5\].*no day 30"):
            import_json(copy, path)
        assert copy.actors() == [] and copy.event_count() == 0


@pytest.mark.parametrize("content, fragment", [
    ("{not json", r"not valid JSON \(line 1"),
    ('{"format": "something-else"}', "not a Briefer JSON export"),
    ('{"format": "briefer-workspace", "version": 99}', "newer Briefer"),
    ('{"format": "briefer-workspace", "events": [{"title": "x"}]}', "lacks the field"),
])
def test_files_that_are_not_exports_are_refused(tmp_path: Path, workspace: Workspace, content: str,
                                                 fragment: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(ExchangeError, match=fragment):
        import_json(workspace, path)
    assert workspace.event_count() == 0


def test_demo_workspace_has_the_promised_shape(demo_workspace: Workspace) -> None:
    events = demo_workspace.search_events()
    assert len(events) >= 15 and len(demo_workspace.actors()) >= 10 and len(demo_workspace.sources()) >= 5
    years = {e.when.earliest.year for e in events if not e.when.open_start}
    assert min(years) == 2013 and max(years) == 2019
    assert {e.when.precision.name for e in events} >= {"DAY", "MONTH", "YEAR"}
    assert any(e.when.uncertain for e in events) and any(e.when.approximate for e in events)
    assert any(e.when.open_start for e in events) and any(e.when.open_end for e in events)
    isis = demo_workspace.find_actor("Daesh")
    assert isis is not None and demo_workspace.find_actor("ISIL").uid == isis.uid
    assert demo_workspace.get_actor(demo_workspace.find_actor("Mustafa Bali").uid).member_of == \
        demo_workspace.find_actor("SDF").uid
    assert all(e.citations for e in events)


def test_the_demo_is_always_a_fresh_copy(tmp_path: Path) -> None:
    from briefer.demo import demo_json, fresh_demo_copy

    packaged = demo_json().read_bytes()
    first, second = fresh_demo_copy(), fresh_demo_copy()
    assert first != second and first.exists() and second.exists()
    with Workspace.open(first) as ws:
        ws.delete_event(ws.event_uids()[0])
    assert demo_json().read_bytes() == packaged
    with create_demo_workspace(tmp_path / "again.briefer") as ws:
        assert ws.event_count() >= 15
