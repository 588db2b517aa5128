"""GDELT 1.0 and 2.0 event files: no header, the layout told by each row's width."""

from __future__ import annotations

from pathlib import Path

from briefer.core.model import Role
from briefer.exchange.gdelt import GdeltReader
from briefer.exchange.importing import run_import
from briefer.store import Workspace


def gdelt_row(width: int, event_id: str, sqldate: str, a1: str = "HARBOUR POLICE", a2: str = "FISHERMEN",
              root: str = "14") -> str:
    cells = [""] * width
    cells[0], cells[1], cells[6], cells[16] = event_id, sqldate, a1, a2
    cells[12] = "COP"
    cells[26], cells[27], cells[28] = root + "1", root + "1", root
    cells[30], cells[31], cells[34] = "-6.5", "4", "-3.2"
    geo = {57: (50, 53, 54, 56), 58: (50, 53, 54, 56), 61: (52, 56, 57, 59)}[width]
    cells[geo[0]] = "Port Town, Coast, Eastland"
    cells[geo[1]], cells[geo[2]] = "22.1", "90.2"
    cells[geo[3]] = "20200105" if width < 61 else "20200105101500"
    if width >= 58:
        cells[-1] = "https://www.coastdaily.example/news/port-protest"
    return "\t".join(cells) + "\n"


def test_rows_of_every_layout_become_events(tmp_path: Path, workspace: Workspace) -> None:
    path = tmp_path / "events.tsv"
    path.write_text(gdelt_row(57, "101", "19990302") + gdelt_row(58, "102", "20200104")
                    + gdelt_row(61, "103", "20200105", root="19") + "104\tnot a row\n"
                    + gdelt_row(58, "105", "2020013"), encoding="utf-8")
    report = run_import(workspace, GdeltReader(path))
    assert report.added["events"] == 3
    assert {p.line: p.reason.split(";")[0] for p in report.skipped} == {
        4: "has 2 columns", 5: "SQLDATE '2020013' is not a date (YYYYMMDD)"}
    event = workspace.find_event_by_external_id("GDELT:103")
    assert event.when.edtf == "2020-01-05" and event.event_type == "Fight" and event.sub_event_type == "CAMEO 191"
    assert event.title == "Fight: Harbour Police → Fishermen"
    assert event.place == "Port Town, Coast, Eastland" and event.country == "Eastland"
    assert (event.latitude, event.longitude) == (22.1, 90.2)
    roles = {workspace.get_actor(p.actor_uid).name: p.role for p in event.participants}
    assert roles == {"Harbour Police": Role.INITIATOR, "Fishermen": Role.TARGET}
    assert [workspace.get_source(c.source_uid).name for c in event.citations] == ["coastdaily.example", "GDELT"]
    assert "GDELT source url: https://www.coastdaily.example/news/port-protest" in event.notes
    assert workspace.find_event_by_external_id("GDELT:101").when.edtf == "1999-03-02"
    assert run_import(workspace, GdeltReader(path)).added["events"] == 0


def test_real_gdelt_files(shared_data: Path, workspace: Workspace) -> None:
    mixed = run_import(workspace, GdeltReader(shared_data / "gdelt" / "gdelt1_events_sample_2016-07-28_mixed57-58col.tsv"))
    assert mixed.skipped_count == 0 and mixed.added["events"] == 710
    two = run_import(workspace, GdeltReader(shared_data / "gdelt" / "gdelt2_20161013151500.export.first1000.CSV"))
    assert two.skipped_count == 0 and two.added["events"] == 1000
    syria = [e for e in workspace.search_events(limit=None) if e.country == "Syria"]
    assert len(syria) >= 8 + 24 - 5  # ActionGeo SY rows (a few name another country last)
    assert workspace.find_actor("United States") is not None


def test_a_file_of_another_format_imports_nothing_not_even_the_dataset_source(tmp_path: Path,
                                                                              workspace: Workspace) -> None:
    from .helpers import FIXTURES, dump

    before = dump(workspace.path)
    for on_bad_rows in ("import", lambda report: True):
        report = run_import(workspace, GdeltReader(FIXTURES / "acled_small.csv"), on_bad_rows=on_bad_rows)
        assert not report.committed and report.added["sources"] == 0
        assert report.aborted.startswith("none of its") and "right format" in report.aborted
        assert report.skipped and report.skipped[0].line == 1
    assert workspace.sources() == [] and dump(workspace.path) == before
