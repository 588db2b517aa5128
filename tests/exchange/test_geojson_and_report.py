"""GeoJSON export of located events, and the import report a user saves."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from briefer.core.filter import EventFilter
from briefer.exchange.acled import AcledReader
from briefer.exchange.geojson import export_geojson
from briefer.exchange.importing import run_import
from briefer.store import Workspace

from .helpers import FIXTURES


def test_geojson_has_one_point_per_located_event(workspace: Workspace, tmp_path: Path) -> None:
    run_import(workspace, AcledReader(FIXTURES / "acled_small.csv"))
    out = tmp_path / "events.geojson"
    assert export_geojson(workspace, out) == 3  # TST103 has no coordinates
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    clash = next(f for f in data["features"] if f["properties"]["external_id"] == "TST101")
    assert clash["geometry"] == {"type": "Point", "coordinates": [40.9322, 34.4671]}  # longitude first
    props = clash["properties"]
    assert props["when"] == "2019-02-09" and props["earliest"] == "2019-02-09"
    assert {"name": "Black Flag Movement", "role": "target"} in props["actors"]
    assert props["sources"] == ["Eastland Monitor", "Radio Harbour", "ACLED"]
    week = next(f for f in data["features"] if f["properties"]["external_id"] == "TST102")["properties"]
    assert (week["earliest"], week["latest"]) == ("2019-02-08", "2019-02-14")
    assert export_geojson(workspace, out, EventFilter(event_types=("Protests",))) == 1


def test_report_saves_as_text_and_csv(workspace: Workspace, tmp_path: Path) -> None:
    report = run_import(workspace, AcledReader(FIXTURES / "acled_small.csv"))
    report.file = "acled_small.csv"
    text = report.save(tmp_path / "report.txt").read_text(encoding="utf-8")
    assert "Added 4 events" in text and "line 7: latitude 'north' is not a number" in text
    rows = list(csv.DictReader(report.save(tmp_path / "report.csv").open(encoding="utf-8")))
    assert [(r["kind"], r["line"]) for r in rows] == [("skipped", "6"), ("skipped", "7")]
    assert report.saved_to.endswith("report.csv")
    assert report.as_dict()["added"] == {"events": 4, "actors": report.added["actors"], "sources": 3}


@pytest.mark.parametrize("fmt", ["acled", "timelinejs", "geojson", "json"])
def test_an_export_reports_progress_and_can_be_cancelled(demo_workspace: Workspace, tmp_path: Path, fmt: str) -> None:
    from briefer.exchange.export_util import ExportCancelled
    from briefer.exchange.formats import export_events

    seen: list[tuple[int, int]] = []
    target = tmp_path / f"all.{fmt}"
    export_events(fmt, demo_workspace, target, None, progress=lambda done, total: seen.append((done, total)))
    assert target.exists() and seen and seen[0][0] == 0 and seen[-1][0] <= seen[-1][1]
    target.write_text("older\n", encoding="utf-8")
    with pytest.raises(ExportCancelled):
        export_events(fmt, demo_workspace, target, None, progress=lambda done, total: False)
    assert target.read_text(encoding="utf-8") == "older\n" and list(tmp_path.glob("*.briefer-tmp")) == []
