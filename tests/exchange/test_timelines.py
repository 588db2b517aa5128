"""TimelineJS JSON and the Timeline app's files: people moving in from those tools."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefer.core.filter import EventFilter
from briefer.exchange.importing import run_import
from briefer.exchange.thetimeline import TimelineFileReader
from briefer.exchange.timelinejs import TimelineJSReader, export_timelinejs
from briefer.store import Workspace

from .helpers import FIXTURES


def by_title(ws: Workspace) -> dict:
    return {e.title: e for e in ws.search_events(limit=None)}


def test_timelinejs3_entries_become_events(workspace: Workspace) -> None:
    report = run_import(workspace, TimelineJSReader(FIXTURES / "timelinejs_small.json"))
    events = by_title(workspace)
    assert events["Ferry service resumes"].when.edtf == "2018-06-02"  # HTML taken out of the headline
    assert events["Ferry service resumes"].summary == "The ferry runs again after the floods & repairs."
    assert events["Ferry service resumes"].tags == ("Transport",)
    assert events["Bridge closed for works"].when.edtf == "2018-07/2018-09"
    assert "TimelineJS media credit: Town council" in events["Bridge closed for works"].notes
    assert events["First crossing recorded"].when.edtf == "1719"
    assert events["Works period"].tags == ("era",)
    assert [(p.where, "year -20000" in p.reason) for p in report.skipped] == [("events[3]", True)]
    source = workspace.find_source("TimelineJS: River crossing, a small timeline")
    assert source is not None and all(e.source_uids == (source.uid,) for e in events.values())
    assert run_import(workspace, TimelineJSReader(FIXTURES / "timelinejs_small.json")).added["events"] == 0


def test_legacy_timelinejs2_entries(workspace: Workspace) -> None:
    report = run_import(workspace, TimelineJSReader(FIXTURES / "timelinejs2_small.json"))
    events = by_title(workspace)
    assert events["Harbour opens"].when.edtf == "1901-05-03" and events["Harbour opens"].tags == ("Port",)
    assert events["Harbour extended"].when.edtf == "1950-01-01/1955-12-31"
    assert events["Crane installed"].when.edtf == "1960-02-02"
    assert [w.where for w in report.warnings] == ["timeline.date[2]"]
    assert [p.where for p in report.skipped] == ["timeline.date[3]"]


def test_export_to_timelinejs_reads_back(workspace: Workspace, demo_workspace: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "demo.json"
    count = export_timelinejs(demo_workspace, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert count == len(data["events"]) == demo_workspace.count_events()
    report = run_import(workspace, TimelineJSReader(out))
    assert report.skipped_count == 0 and report.added["events"] == count
    original = {e.title: e.when for e in demo_workspace.search_events(limit=None)
                if not e.when.open_start and not e.when.open_end}
    copied = {e.title: e.when for e in workspace.search_events(limit=None)}
    for title, when in original.items():
        assert copied[title].earliest.date() == when.earliest.date(), title


def test_an_export_imported_back_adds_nothing_wherever_it_goes(workspace: Workspace, demo_workspace: Workspace,
                                                                tmp_path: Path) -> None:
    """Back into the workspace it came from, and a copy's export back into the original."""
    out = tmp_path / "demo.json"
    count = export_timelinejs(demo_workspace, out)
    again = run_import(demo_workspace, TimelineJSReader(out))
    assert again.added["events"] == 0 and again.unchanged == count
    assert run_import(workspace, TimelineJSReader(out)).added["events"] == count
    copy_out = tmp_path / "copy.json"
    export_timelinejs(workspace, copy_out)
    assert run_import(demo_workspace, TimelineJSReader(copy_out)).added["events"] == 0
    assert run_import(workspace, TimelineJSReader(copy_out)).added["events"] == 0
    assert demo_workspace.count_events() == workspace.count_events() == count


def test_export_of_a_filter(demo_workspace: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "some.json"
    f = EventFilter(start=None, text="corridors")
    wanted = demo_workspace.count_events(f)
    assert 0 < export_timelinejs(demo_workspace, out, f) == wanted < demo_workspace.count_events()


def test_timeline_app_xml(workspace: Workspace) -> None:
    report = run_import(workspace, TimelineFileReader(FIXTURES / "small_xml.timeline"))
    events = by_title(workspace)
    assert events["Road resurfacing"].when.edtf == "2016-04-02~/2016-04-09~"  # fuzzy → approximate
    assert events["Road resurfacing"].summary == "Lane closed <north side>."
    assert events["Road resurfacing"].tags == ("Works",)
    assert events["Inspection visit"].when.edtf == "2016-05-01T09:30:00Z"
    assert [(p.where, "month" in p.reason or "date" in p.reason) for p in report.skipped] == [("event 3", True)]


def test_timeline_app_old_line_format(workspace: Workspace) -> None:
    report = run_import(workspace, TimelineFileReader(FIXTURES / "small_legacy.timeline"))
    events = by_title(workspace)
    assert events["Moving house"].when.edtf == "2010-03-04/2010-03-06"
    assert events["Moving house"].summary == "Boxes everywhere"
    assert events["Plumber comes"].when.edtf == "2010-05-01T08:05:00Z"
    assert [p.line for p in report.skipped] == [6]
    assert run_import(workspace, TimelineFileReader(FIXTURES / "small_legacy.timeline")).added["events"] == 0


@pytest.mark.parametrize("name, events, skipped", [
    ("marktwain.json", 17, 0), ("eras.json", 23, 0), ("example_timelinejs2_legacy.json", 28, 0),
    ("cosmo-mixed.json", 5, 6),
])
def test_real_timelinejs_files(shared_data: Path, workspace: Workspace, name: str, events: int, skipped: int) -> None:
    report = run_import(workspace, TimelineJSReader(shared_data / "timelinejs" / name))
    assert (report.added["events"], report.skipped_count) == (events, skipped)
    if skipped:
        assert all("cannot be kept" in p.reason for p in report.skipped)


@pytest.mark.parametrize("name, events", [
    ("versions_v2.3dev_xml.timeline", 59), ("example_v1.0.0_xml.timeline", 1),
    ("demo_v0.3_legacy_text.timeline", 3), ("DataIndicatorTest_v0.7_legacy_text.timeline", 10),
])
def test_real_timeline_app_files(shared_data: Path, workspace: Workspace, name: str, events: int) -> None:
    report = run_import(workspace, TimelineFileReader(shared_data / "thetimelineproj" / name))
    assert report.skipped_count == 0 and report.added["events"] == events == workspace.count_events()
