"""ACLED CSV import and export: what an analyst relies on when a dataset lands."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from briefer.core.filter import EventFilter
from briefer.core.model import Actor, ActorKind, Role
from briefer.core.when import When
from briefer.exchange.acled import AcledReader, export_acled, parse_acled_date
from briefer.exchange.importing import run_import
from briefer.store import Workspace

from .helpers import FIXTURES, dump

SMALL = FIXTURES / "acled_small.csv"


def by_id(ws: Workspace, external_id: str):
    event = ws.find_event_by_external_id(external_id)
    assert event is not None, external_id
    return event


def names(ws: Workspace, event) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for p in event.participants:
        out.setdefault(p.role.value, []).append(ws.get_actor(p.actor_uid).name)
    return out


def cited(ws: Workspace, event) -> list[str]:
    return [ws.get_source(c.source_uid).name for c in event.citations]


def test_rows_become_sourced_events_with_actors_and_fuzzy_dates(workspace: Workspace) -> None:
    report = run_import(workspace, AcledReader(SMALL))
    assert report.committed
    assert report.added["events"] == 4
    clash = by_id(workspace, "TST101")
    assert clash.when.edtf == "2019-02-09"
    assert names(workspace, clash) == {
        "initiator": ["Riverside Defence Units", "Hill Tribes Militia", "Valley Guard"],
        "target": ["Black Flag Movement"],
    }
    assert cited(workspace, clash) == ["Eastland Monitor", "Radio Harbour", "ACLED"]
    assert clash.summary.startswith("On 9 February 2019, the Riverside Defence Units fought")
    assert clash.fatalities == 4 and clash.latitude == pytest.approx(34.4671) and clash.place == "Harbourtown"
    assert clash.event_type == "Battles" and clash.sub_event_type == "Armed clash" and clash.country == "Eastland"
    assert "ACLED admin1: North Province" in clash.notes and "admin3" not in clash.notes  # NA is empty

    week = by_id(workspace, "TST102")  # time_precision 2: the week around the date
    assert week.when.edtf == "2019-02-08/2019-02-14"
    assert "A second report said a school was also damaged." in week.summary  # a line break inside quotes
    assert week.tags == ("local administrators",)
    assert workspace.get_actor(week.participants[0].actor_uid).kind is ActorKind.STATE

    month = by_id(workspace, "TST103")  # time_precision 3: the month
    assert month.when.edtf == "2019-03" and month.latitude is None and month.fatalities is None
    assert names(workspace, month) == {"initiator": ["Riverside Defence Units"]}


def test_bad_rows_are_reported_with_lines_and_reasons_and_good_rows_land(workspace: Workspace) -> None:
    report = run_import(workspace, AcledReader(SMALL))
    problems = {p.line: p.reason for p in report.skipped}
    assert set(problems) == {6, 7}  # lines 3-4 are one record with a line break, so TST104 starts on line 6
    assert "31 February 2019" in problems[6]
    assert problems[7] == "latitude 'north' is not a number"
    assert workspace.find_event_by_external_id("TST106") is not None
    assert "2 rows skipped" in report.summary()


def test_actors_and_sources_are_created_once_and_known_ones_are_matched(workspace: Workspace) -> None:
    known = workspace.add_actor(Actor("Black Flag Movement (BFM)", ActorKind.ARMED_GROUP,
                                      aliases=("black flag movement",)))
    report = run_import(workspace, AcledReader(SMALL))
    clash = by_id(workspace, "TST101")
    assert known.uid in clash.actor_uids
    riverside = [a for a in workspace.actors() if a.name == "Riverside Defence Units"]
    assert len(riverside) == 1  # named by two rows, created once
    assert report.added["actors"] == len(workspace.actors()) - 1
    assert sorted(s.name for s in workspace.sources()) == ["ACLED", "Eastland Monitor", "Radio Harbour"]


def test_importing_the_same_file_again_adds_nothing(workspace: Workspace, tmp_path: Path) -> None:
    run_import(workspace, AcledReader(SMALL))
    before = dump(workspace.path)
    again = run_import(workspace, AcledReader(SMALL))
    assert again.added == {"events": 0, "actors": 0, "sources": 0}
    assert again.unchanged == 4
    assert dump(workspace.path) == before


def test_declining_bad_rows_leaves_the_workspace_as_it_was(workspace: Workspace) -> None:
    before = dump(workspace.path)
    asked = []

    def ask(report) -> bool:
        asked.append(report.skipped_count)
        return False

    report = run_import(workspace, AcledReader(SMALL), on_bad_rows=ask)
    assert asked == [2]
    assert not report.committed and report.added["events"] == 0
    assert "Nothing was imported" in report.summary()
    assert dump(workspace.path) == before
    assert run_import(workspace, AcledReader(SMALL), on_bad_rows="abort").committed is False
    assert dump(workspace.path) == before


def test_cancel_rolls_everything_back(workspace: Workspace) -> None:
    before = dump(workspace.path)
    seen = []
    report = run_import(workspace, AcledReader(SMALL), batch_size=2, cancel=lambda: len(seen) >= 1,
                        progress=lambda fraction, r: seen.append(fraction))
    assert report.cancelled and not report.committed
    assert dump(workspace.path) == before
    assert workspace.count_events() == 0 and workspace.actors() == []


def test_a_crash_half_way_rolls_everything_back(workspace: Workspace) -> None:
    before = dump(workspace.path)
    reader = AcledReader(SMALL)
    rows = reader.rows

    def exploding(report):
        for i, row in enumerate(rows(report)):
            if i == 3:
                raise OSError("the disk went away")
            yield row

    reader.rows = exploding  # type: ignore[method-assign]
    with pytest.raises(OSError):
        run_import(workspace, reader, batch_size=1)
    assert dump(workspace.path) == before
    # and the text index still works for later additions
    run_import(workspace, AcledReader(SMALL))
    assert [e.external_id for e in workspace.search_events(EventFilter(text="teachers"))] == ["TST106"]


def test_imported_events_are_searchable_by_their_notes(workspace: Workspace) -> None:
    run_import(workspace, AcledReader(SMALL))
    found = workspace.search_events(EventFilter(text="bridge dawn"))
    assert [e.external_id for e in found] == ["TST101"]


def test_one_actor_per_row_files_join_their_rows(workspace: Workspace) -> None:
    report = run_import(workspace, AcledReader(FIXTURES / "acled_monadic_crlf.csv"))
    assert report.added["events"] == 2 and report.merged == 1
    riot = by_id(workspace, "MON201")
    assert riot.when.edtf == "2024-08-05"
    assert names(workspace, riot) == {"initiator": ["Rioters (Eastland)"], "target": ["Civilians (Eastland)"]}
    assert cited(workspace, riot) == ["Coast Daily", "ACLED"]
    assert not riot.summary.endswith("\r")


@pytest.mark.parametrize("text, expected", [
    ("02 November 2019", "2019-11-02"), ("2019-11-02", "2019-11-02"), ("22-Feb-20", "2020-02-22"),
    ("5-Aug-24", "2024-08-05"), ("28 December 2022", "2022-12-28"), ("5 Sept 2019", "2019-09-05"),
])
def test_acled_date_forms(text: str, expected: str) -> None:
    assert parse_acled_date(text).isoformat() == expected


def test_not_an_acled_file_is_a_clear_error(workspace: Workspace, tmp_path: Path) -> None:
    other = tmp_path / "other.csv"
    other.write_text("name,age\nAda,36\n")
    with pytest.raises(Exception, match="not an ACLED file"):
        run_import(workspace, AcledReader(other))
    with pytest.raises(Exception, match="no such file"):
        AcledReader(tmp_path / "missing.csv")


def test_export_in_acled_columns_reimports_to_the_same_events(workspace: Workspace, tmp_path: Path) -> None:
    run_import(workspace, AcledReader(SMALL))
    out = tmp_path / "out.csv"
    assert export_acled(workspace, out) == 4
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    first = next(r for r in rows if r["event_id_cnty"] == "TST101")
    assert first["actor1"] == "Riverside Defence Units"
    assert first["assoc_actor_1"] == "Hill Tribes Militia; Valley Guard"
    assert first["actor2"] == "Black Flag Movement"
    assert first["source"] == "Eastland Monitor; Radio Harbour"
    assert first["admin1"] == "North Province" and first["time_precision"] == "1"
    week = next(r for r in rows if r["event_id_cnty"] == "TST102")
    assert (week["event_date"], week["time_precision"]) == ("2019-02-11", "2")

    copy = Workspace.create(tmp_path / "copy.briefer")
    try:
        report = run_import(copy, AcledReader(out))
        assert report.added["events"] == 4 and report.skipped_count == 0
        for external_id in ("TST101", "TST102", "TST103", "TST106"):
            a, b = by_id(workspace, external_id), by_id(copy, external_id)
            assert (a.title, a.when, a.summary, a.place, a.fatalities) == (b.title, b.when, b.summary, b.place,
                                                                           b.fatalities)
            assert names(workspace, a) == names(copy, b) and cited(workspace, a) == cited(copy, b)
    finally:
        copy.close()


@pytest.mark.parametrize("edtf, date_, precision", [
    ("2019", "2019-07-02", "3"), ("../2019-04", "2019-04-15", "3"), ("2014/..", "2014-01-15", "3"),
    ("2019-01/2019-02", "2019-01-30", "3"), ("2019-02", "2019-02-15", "3"), ("2019-02-09", "2019-02-09", "1"),
])
def test_a_date_acled_cannot_say_is_kept_in_the_notes_and_read_back(workspace: Workspace, tmp_path: Path,
                                                                    edtf: str, date_: str, precision: str) -> None:
    """ACLED knows a day, a week or a month: "on or before Apr 2019" is not a day in April, and a
    year or an open end comes back whole when the export is imported into Briefer."""
    from briefer.core.model import Event
    from briefer.exchange.acled import export_acled as export

    workspace.add_event(Event("Checkpoint handed over", When.parse(edtf), summary="The handover was reported."))
    out = tmp_path / "out.csv"
    export(workspace, out)
    row = next(csv.DictReader(out.open(encoding="utf-8")))
    assert (row["event_date"], row["time_precision"]) == (date_, precision)
    exact = ACLED_EXACT.get(edtf)
    assert row["notes"].endswith(f"[Briefer date: {edtf}]") == (exact is None)
    copy = Workspace.create(tmp_path / "copy.briefer")
    try:
        run_import(copy, AcledReader(out))
        back = copy.search_events()[0]
        assert back.when == When.parse(edtf) and back.summary == "The handover was reported."
    finally:
        copy.close()


ACLED_EXACT = {"2019-02": True, "2019-02-09": True}  # said whole by ACLED's own columns


def test_export_of_a_filter_writes_only_its_events(workspace: Workspace, tmp_path: Path) -> None:
    run_import(workspace, AcledReader(SMALL))
    out = tmp_path / "battles.csv"
    assert export_acled(workspace, out, EventFilter(event_types=("Battles",))) == 1
    assert [r["event_id_cnty"] for r in csv.DictReader(out.open())] == ["TST101"]


# -- the real ACLED files -------------------------------------------------------------
VARIANTS = {
    "acled_syria_2019-10_exporttool.csv": 448,
    "acled_syria_2020-02_resaved_ddMonyy_sample.csv": 300,
    "acled_benin_2009-2022_current31col_NA.csv": 811,
    "acled_bangladesh_2024_monadic_ddMonyy_sample.csv": 193,
    "acled_middleeast_2024-11_current_quoted_2rows.csv": 2,
    "acled_africa_2016-07_legacy_realtime_pandas.csv": 500,
}


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_every_real_acled_variant_imports_whole_and_only_once(shared_data: Path, workspace: Workspace,
                                                              name: str) -> None:
    path = shared_data / "acled" / name
    report = run_import(workspace, AcledReader(path))
    assert report.skipped_count == 0, report.skipped[:3]
    assert report.added["events"] == VARIANTS[name] == workspace.count_events()
    for event in workspace.search_events(limit=50):
        assert event.citations and event.participants
        assert not any("\x80" <= ch <= "\x9f" for ch in event.summary)  # mojibake is repaired, not kept
    again = run_import(workspace, AcledReader(path))
    assert again.added["events"] == 0 and again.unchanged == VARIANTS[name]


def test_real_syria_export_tool_file(shared_data: Path, workspace: Workspace) -> None:
    path = shared_data / "acled" / "acled_syria_2019-10_exporttool.csv"
    run_import(workspace, AcledReader(path))
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    named = sum(1 for r in rows if "QSD: Syrian Democratic Forces" in
                (r["actor1"], r["actor2"], *r["assoc_actor_1"].split("; "), *r["assoc_actor_2"].split("; ")))
    sdf = workspace.find_actor("QSD: Syrian Democratic Forces")
    assert sdf is not None and named > 300
    assert workspace.count_events(EventFilter(actors=(sdf.uid,))) == named
    islamic_state = workspace.find_actor("Islamic State (Syria)")
    assert workspace.count_events(EventFilter(actors=(islamic_state.uid,))) == 16
    sohr = workspace.find_source("SOHR")
    assert sohr is not None and workspace.count_events(EventFilter(sources=(sohr.uid,))) > 0
    assert all(e.event_type == "Battles" for e in workspace.search_events(limit=100))
    events = workspace.search_events(EventFilter(start=None), limit=None)
    assert min(e.when.earliest for e in events).date().isoformat() == "2019-10-01"


def test_real_legacy_file_repairs_smart_quotes_and_says_so(shared_data: Path, workspace: Workspace) -> None:
    report = run_import(workspace, AcledReader(shared_data / "acled" / "acled_africa_2016-07_legacy_realtime_pandas.csv"))
    assert report.warning_count > 0
    assert all("Windows-1252" in w.reason for w in report.warnings)
    line = report.warnings[0].line
    assert line is not None
    assert any("’" in e.summary for e in workspace.search_events(limit=None))
    assert workspace.find_source("Agence France Presse") is not None  # trailing spaces trimmed


def test_exporting_briefer_events_and_importing_them_back_adds_nothing(demo_workspace: Workspace,
                                                                       tmp_path: Path) -> None:
    out = tmp_path / "demo.csv"
    count = export_acled(demo_workspace, out)
    report = run_import(demo_workspace, AcledReader(out))
    assert report.skipped_count == 0
    assert report.added["events"] == 0 and report.unchanged == count == demo_workspace.count_events()


def test_legacy_pandas_written_files(workspace: Workspace) -> None:
    """2016 realtime files: an unnamed index column, alphabetical columns, ally_actor_* and gwno,
    Windows-1252 punctuation stored as control characters."""
    report = run_import(workspace, AcledReader(FIXTURES / "acled_legacy_pandas.csv"))
    assert report.committed and report.skipped_count == 0 and report.added["events"] == 3
    assert [w.line for w in report.warnings] == [3]
    protest = by_id(workspace, "LEG301")
    assert names(workspace, protest) == {"initiator": ["Protesters (Eastland)", "Teachers Union (Eastland)"]}
    assert protest.when.edtf == "2016-07-02" and protest.latitude == pytest.approx(12.5)
    mortar = by_id(workspace, "LEG302")
    assert names(workspace, mortar) == {"initiator": ["Black Flag Movement"],
                                        "target": ["Civilians (Eastland)", "Villagers (Eastland)"]}
    assert cited(workspace, mortar) == ["Eastland Monitor", "Radio Harbour", "ACLED"]
    assert mortar.summary.endswith("the council said ’ again.") and "ACLED gwno: 999" in mortar.notes
    assert "ACLED iso:" not in mortar.notes  # a Gleditsch–Ward number is not an ISO country code
    battle = by_id(workspace, "LEG303")
    assert battle.when.edtf == "2016-07" and battle.latitude is None and battle.fatalities is None
    assert run_import(workspace, AcledReader(FIXTURES / "acled_legacy_pandas.csv")).added["events"] == 0


def test_a_big_import_builds_its_date_indexes_at_the_end_and_a_cancel_keeps_them(
        workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past a size, an import drops the date-ordered indexes and builds them once at the
    end; the workspace must come out with exactly the schema it had, and a cancel after
    the drop must leave it exactly as it was."""
    from briefer.exchange import importing

    def schema() -> list[tuple]:
        return workspace.conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()

    monkeypatch.setattr(importing, "DEFER_INDEXES_FROM", 1)
    before, shape = dump(workspace.path), schema()
    seen = []
    report = run_import(workspace, AcledReader(SMALL), batch_size=1, cancel=lambda: len(seen) >= 2,
                        progress=lambda fraction, r: seen.append(fraction))
    assert report.cancelled and dump(workspace.path) == before and schema() == shape

    report = run_import(workspace, AcledReader(SMALL), batch_size=1)
    assert report.committed and report.added["events"] == 4 and schema() == shape
    assert workspace.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    found = workspace.search_events(EventFilter(start=When.parse("2019-02-10"), end=When.parse("2019-03")), limit=10)
    assert len(found) == workspace.count_events(EventFilter(start=When.parse("2019-02-10"), end=When.parse("2019-03"))) > 0


def test_dataset_names_find_the_actors_and_sources_the_analyst_already_has(workspace: Workspace,
                                                                          tmp_path: Path) -> None:
    """ACLED's "RDU: Riverside Defence Units" is the analyst's Riverside Defence Units (alias RDU);
    its source "EM" is the one source with those initials, Eastland Monitor."""
    from briefer.core.model import Source

    rdu = workspace.add_actor(Actor("Riverside Defence Units", ActorKind.ARMED_GROUP, aliases=("RDU",)))
    monitor = workspace.add_source(Source("Eastland Monitor"))
    lines = SMALL.read_text(encoding="utf-8").splitlines()
    row = lines[1].replace('"Riverside Defence Units"', '"RDU: Riverside Defence Units"').replace(
        '"Eastland Monitor; Radio Harbour"', '"EM; Radio Harbour"')
    path = tmp_path / "named.csv"
    path.write_text(lines[0] + "\n" + row + "\n", encoding="utf-8")
    report = run_import(workspace, AcledReader(path))
    assert report.committed and report.added["events"] == 1
    event = workspace.search_events()[0]
    assert rdu.uid in event.actor_uids and monitor.uid in event.source_uids
    assert workspace.find_actor("RDU: Riverside Defence Units") is None
    assert [s.name for s in workspace.sources()].count("EM") == 0
