"""Generic CSV with a column mapping: made once, saved, reused."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.core.model import Role
from briefer.exchange.csv_mapping import ColumnMapping, MappedCsvReader, guess_mapping, parse_any_date, preview
from briefer.exchange.importing import run_import
from briefer.exchange.json_format import ExchangeError
from briefer.exchange.report import ImportReport
from briefer.store import Workspace

from .helpers import FIXTURES

CSV = FIXTURES / "reports_mapped.csv"
MAPPING = FIXTURES / "reports_mapping.json"


def test_a_saved_mapping_imports_the_file(workspace: Workspace) -> None:
    report = run_import(workspace, MappedCsvReader(CSV, ColumnMapping.load(MAPPING)))
    assert report.added["events"] == 2
    assert {p.line: p.reason for p in report.skipped}.keys() == {4, 5}
    attack = workspace.find_event_by_external_id("reports:R-1")
    assert attack.title == "Checkpoint attacked" and attack.when.edtf == "2019-04-03"  # day first
    assert attack.fatalities == 2 and attack.tags == ("checkpoint", "night")
    roles = {workspace.get_actor(p.actor_uid).name: p.role for p in attack.participants}
    assert roles == {"Black Flag Movement": Role.INITIATOR, "Valley Guard": Role.TARGET}
    assert [workspace.get_source(c.source_uid).name for c in attack.citations] == [
        "Eastland Monitor", "Radio Harbour", "reports_mapped.csv"]
    assert workspace.find_event_by_external_id("reports:R-2").when.edtf == "2019-04-05"
    assert run_import(workspace, MappedCsvReader(CSV, ColumnMapping.load(MAPPING))).added["events"] == 0


def test_mapping_round_trips_through_its_file(tmp_path: Path) -> None:
    mapping = ColumnMapping.load(MAPPING)
    saved = mapping.save(tmp_path / "m.json")
    assert ColumnMapping.load(saved) == mapping


def test_month_first_dates(workspace: Workspace) -> None:
    mapping = ColumnMapping.load(MAPPING)
    mapping.date_order = "mdy"
    run_import(workspace, MappedCsvReader(CSV, mapping))
    assert workspace.find_event_by_external_id("reports:R-1").when.edtf == "2019-03-04"


def test_without_an_id_column_a_second_import_still_adds_nothing(workspace: Workspace) -> None:
    mapping = ColumnMapping.load(MAPPING)
    del mapping.columns["external_id"]
    assert run_import(workspace, MappedCsvReader(CSV, mapping)).added["events"] == 2
    assert run_import(workspace, MappedCsvReader(CSV, mapping)).added["events"] == 0


def test_guess_and_preview() -> None:
    header, body, delimiter, encoding = preview(CSV)
    assert delimiter == ";" and header[:3] == ["Ref", "Day", "Headline"] and len(body) == 4
    guessed = guess_mapping(["id", "Date", "Title", "Location", "Actor1", "Source", "Latitude", "Lon"])
    assert guessed.columns == {"title": "Title", "date": "Date", "place": "Location", "latitude": "Latitude",
                               "longitude": "Lon", "sources": "Source", "external_id": "id"}
    assert guessed.actors == [{"column": "Actor1", "role": "initiator"}]


@pytest.mark.parametrize("data, message", [
    ({"columns": {"title": "Headline"}}, "no column is mapped to the date"),
    ({"columns": {"date": "Day", "colour": "X"}}, "'colour' is not a target"),
    ({"columns": {"date": "Day"}, "speed": 3}, "unknown key"),
    ({"title": "Headline", "date": "Day"}, 'date, title go under "columns"'),
    ({"columns": {"date": "Day"}, "actors": [{"column": "Who", "role": "wizard"}]}, "actor role 'wizard'"),
])
def test_bad_mappings_are_clear_errors(data: dict, message: str) -> None:
    with pytest.raises(Exception, match=message):
        ColumnMapping.from_dict(data)


def test_a_mapping_naming_a_missing_column(workspace: Workspace) -> None:
    mapping = ColumnMapping.load(MAPPING)
    mapping.columns["place"] = "Town"
    with pytest.raises(ExchangeError, match="a column 'Town' the file does not have"):
        run_import(workspace, MappedCsvReader(CSV, mapping))
    assert workspace.count_events() == 0


@pytest.mark.parametrize("text, order, edtf", [
    ("03/04/2019", "dmy", "2019-04-03"), ("03/04/2019", "mdy", "2019-03-04"), ("2019-04-03", "mdy", "2019-04-03"),
    ("9 Feb 2019", "dmy", "2019-02-09"), ("c. 2013", "dmy", "2013~"), ("February 9, 2019", "dmy", "2019-02-09"),
])
def test_date_forms(text: str, order: str, edtf: str) -> None:
    assert parse_any_date(text, order).edtf == edtf


def test_plain_english_column_names_are_guessed() -> None:
    guessed = guess_mapping(["Ref", "Day", "Headline", "Where", "Who did it", "Against whom", "Outlet"])
    assert guessed.columns["place"] == "Where" and guessed.columns["external_id"] == "Ref"
    assert guessed.actors == [{"column": "Who did it", "role": "initiator"},
                              {"column": "Against whom", "role": "target"}]



def test_a_column_named_many_times_in_one_role_is_read_once_per_row(workspace: Workspace) -> None:
    mapping = ColumnMapping.load(MAPPING)
    mapping.actors = mapping.actors * 500  # a hand-edited or generated mapping repeating its entries
    rows = [r for r in MappedCsvReader(CSV, mapping).rows(ImportReport()) if hasattr(r, "actors")]
    first = next(r for r in rows if r.external_id == "reports:R-1")
    assert [(name, role.value) for name, role, _ in first.actors] == [
        ("Black Flag Movement", "initiator"), ("Valley Guard", "target")]  # not 1,000 entries to write
    run_import(workspace, MappedCsvReader(CSV, mapping))
    attack = workspace.find_event_by_external_id("reports:R-1")
    assert sorted((workspace.get_actor(p.actor_uid).name, p.role.value) for p in attack.participants) == [
        ("Black Flag Movement", "initiator"), ("Valley Guard", "target")]
