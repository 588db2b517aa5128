"""Periods (eras) travel with Briefer JSON (both ways) and go out as TimelineJS eras."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefer.core.model import Event
from briefer.core.period import Period
from briefer.core.when import When
from briefer.exchange.json_format import export_json, import_json
from briefer.exchange.timelinejs import export_timelinejs
from briefer.store import Workspace


@pytest.fixture
def ws(tmp_path: Path):
    ws = Workspace.create(tmp_path / "eras.briefer")
    ws.add_events([Event("Offensive paused", When.parse("2019-02-09"))])
    ws.add_period(Period("Battle of Baghouz", When.parse("2019-02-09/2019-03-23"), colour="#8a63b8",
                         notes="the last pocket"))
    ws.add_period(Period("Spring", When.parse("2019-21")))
    yield ws
    ws.close()


def test_periods_round_trip_through_briefer_json(ws, tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    export_json(ws, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [(p["name"], p["when"]) for p in data["periods"]] == [("Battle of Baghouz", "2019-02-09/2019-03-23"),
                                                                 ("Spring", "2019-21")]
    with Workspace.create(tmp_path / "other.briefer") as other:
        import_json(other, path)
        assert other.periods() == ws.periods()
        import_json(other, path)  # again: nothing doubled
        assert len(other.periods()) == 2


def test_periods_are_timelinejs_eras(ws, tmp_path: Path) -> None:
    path = tmp_path / "tl.json"
    export_timelinejs(ws, path)
    eras = json.loads(path.read_text(encoding="utf-8"))["eras"]
    assert eras[0] == {"start_date": {"year": "2019", "month": "2", "day": "9"},
                       "end_date": {"year": "2019", "month": "3", "day": "23"},
                       "text": {"headline": "Battle of Baghouz", "text": "the last pocket"}}
    assert eras[1]["start_date"]["month"] == "3" and eras[1]["end_date"] == {"year": "2019", "month": "5", "day": "31"}
