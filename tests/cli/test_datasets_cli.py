"""briefer-cli import/export of datasets, as scripts use them."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

from .test_records_cli import assert_clean_error, cli, dump

FIXTURES = Path(__file__).resolve().parents[1] / "exchange" / "fixtures"


@pytest.fixture
def ws_path(tmp_path: Path) -> Path:
    path = tmp_path / "cli.briefer"
    cli("init", str(path))
    return path


def test_import_acled_with_json_output_and_a_saved_report(ws_path: Path, tmp_path: Path) -> None:
    report_path = tmp_path / "report.csv"
    out = cli("-w", str(ws_path), "import", "--format", "acled", str(FIXTURES / "acled_small.csv"), "--json",
              "--report", str(report_path)).stdout
    result = json.loads(out)
    assert result["added"]["events"] == 4 and result["added"]["sources"] == 3 and result["added"]["actors"] >= 5
    assert [(s["line"], s["reason"]) for s in result["skipped"]][1] == (7, "latitude 'north' is not a number")
    assert result["report"] == str(report_path) and report_path.exists()
    again = json.loads(cli("-w", str(ws_path), "import", "--format", "acled", str(FIXTURES / "acled_small.csv"),
                           "--json").stdout)
    assert again["added"]["events"] == 0 and again["unchanged"] == 4
    assert Path(again["report"]).exists()


def test_import_guesses_the_format_and_prints_counts(ws_path: Path) -> None:
    out = cli("-w", str(ws_path), "import", str(FIXTURES / "small_legacy.timeline")).stdout
    assert "added 2 events, 0 actors, 1 sources" in out
    assert "line 6:" in out and "report: " in out


def test_import_csv_with_a_mapping(ws_path: Path) -> None:
    out = cli("-w", str(ws_path), "import", "--format", "csv", str(FIXTURES / "reports_mapped.csv"),
              "--mapping", str(FIXTURES / "reports_mapping.json"), "--json").stdout
    assert json.loads(out)["added"]["events"] == 2
    found = json.loads(cli("-w", str(ws_path), "search", "--json", "--actor", "Black Flag Movement").stdout)
    assert [e["title"] for e in found] == ["Checkpoint attacked"]


def test_abort_on_bad_rows_changes_nothing_and_exits_non_zero(ws_path: Path) -> None:
    before = dump(ws_path)
    result = cli("-w", str(ws_path), "import", "--format", "acled", str(FIXTURES / "acled_small.csv"),
                 "--on-bad-rows", "abort", check=False)
    assert_clean_error(result, "Nothing was imported")
    assert dump(ws_path) == before


@pytest.mark.parametrize("args, fragment", [
    (["import", "--format", "acled", "/no/such.csv"], "no such file"),
    (["import", "--format", "acled", str(FIXTURES / "reports_mapped.csv")], "not an ACLED file"),
    (["import", "--format", "csv", str(FIXTURES / "reports_mapped.csv")], "needs a column mapping"),
    (["import", str(FIXTURES / "reports_mapped.csv")], "--format csv --mapping"),
    (["import", "--format", "csv", str(FIXTURES / "reports_mapped.csv"), "--mapping", "/no/map.json"],
     "no such mapping file"),
    (["import", "--format", "acled"], "needs a FILE"),
    (["export", "--format", "geojson", "/no/such/folder/x.geojson"], "the folder /no/such/folder does not exist"),
    (["export", "--format", "json", "/no/such/folder/x.json"], "the folder /no/such/folder does not exist"),
])
def test_bad_input_is_one_line_and_changes_nothing(ws_path: Path, args: list[str], fragment: str) -> None:
    before = dump(ws_path)
    assert_clean_error(cli("-w", str(ws_path), *args, check=False), fragment)
    assert dump(ws_path) == before


PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000010000000100806000000") + bytes(range(256)) * 4


@pytest.mark.parametrize("make, args, fragment", [
    (lambda d: d, ["import"], "the folder holds no file Briefer can import"),
    (lambda d: d, ["import", "--format", "acled"], "the folder holds no file Briefer can import"),
    (lambda d: _write(d / "notes.txt", b"nothing,to,see\n1,2,3\n").parent, ["import"],
     "the folder holds no file Briefer can import"),
    (lambda d: _fifo(d / "feed.csv"), ["import"], "is a named pipe (FIFO), not a file"),
    (lambda d: _fifo(d / "feed.csv"), ["import", "--format", "acled"], "is a named pipe (FIFO), not a file"),
    (lambda d: Path("/dev/zero"), ["import", "--format", "acled"], "/dev/zero: is a device, not a file"),
    (lambda d: _write(d / "empty.csv", b""), ["import"], "the file is empty"),
    (lambda d: _write(d / "empty.csv", b""), ["import", "--format", "gdelt"], "the file is empty"),
    (lambda d: _write(d / "photo.png", PNG), ["import"], "not a text file"),
    (lambda d: _write(d / "photo.csv", PNG), ["import", "--format", "gdelt"], "not a text file"),
    (lambda d: _write(d / "plain.csv", (FIXTURES / "acled_small.csv").read_bytes()),
     ["import", "--format", "acled", "--encoding", "utf-16"], "UTF-16"),
    (lambda d: _write(d / "header.csv", (FIXTURES / "acled_small.csv").read_bytes().split(b"\n")[0] + b"\n"),
     ["import"], "no rows to import"),
])
def test_files_no_importer_can_read_are_refused_by_name(ws_path: Path, tmp_path: Path, make, args: list[str],
                                                        fragment: str) -> None:
    target = make(tmp_path)
    before = dump(ws_path)
    assert_clean_error(cli("-w", str(ws_path), *args, str(target), "--report", str(tmp_path / "r.txt"),
                           check=False), fragment)
    assert dump(ws_path) == before


def _fifo(path: Path) -> Path:
    os.mkfifo(path)  # reading it would wait for a writer forever
    return path


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_a_file_cut_short_inside_a_quoted_note_reports_its_last_row(ws_path: Path, tmp_path: Path) -> None:
    whole = (FIXTURES / "acled_small.csv").read_text(encoding="utf-8")
    last = whole.rstrip("\n").rsplit("\n", 1)[1]
    assert last.count('"') >= 2
    cut = tmp_path / "cut.csv"
    cut.write_text(whole.rstrip("\n")[: len(whole.rstrip("\n")) - len(last) + last.index('"') + 5], encoding="utf-8")
    result = json.loads(cli("-w", str(ws_path), "import", "--format", "acled", str(cut), "--json",
                            "--report", str(tmp_path / "r.txt")).stdout)
    assert [p["line"] for p in result["skipped"] if "cut short" in p["reason"]] == [len(whole.splitlines())]
    assert result["added"]["events"] < len(whole.splitlines()) - 1


@pytest.mark.parametrize("fmt", ["json", "acled", "geojson", "timelinejs"])
def test_an_export_to_a_folder_or_a_device_writes_nothing_anywhere(ws_path: Path, tmp_path: Path, fmt: str) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    assert_clean_error(cli("-w", str(ws_path), "export", "--format", fmt, str(folder), check=False), "is a folder")
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)  # stands for a device: a write through a rename would replace it with a file
    assert_clean_error(cli("-w", str(ws_path), "export", "--format", fmt, str(pipe), check=False),
                       "not a regular file")
    assert pipe.is_fifo()
    assert not any(folder.iterdir()) and not list(tmp_path.glob("*.briefer-tmp"))


def test_exports_with_filters(tmp_path: Path) -> None:
    demo = tmp_path / "demo.briefer"
    cli("init", str(demo), "--demo")
    w = ["-w", str(demo)]
    everything = len(json.loads(cli(*w, "search", "--json").stdout))

    acled = tmp_path / "all.csv"
    assert cli(*w, "export", "--format", "acled", str(acled)).stdout.strip() == f"exported {everything} events"
    assert len(list(csv.DictReader(acled.open()))) == everything

    some = tmp_path / "some.json"
    result = json.loads(cli(*w, "export", "--format", "timelinejs", str(some), "--from", "2019", "--json").stdout)
    in_2019 = len(json.loads(cli(*w, "search", "--json", "--from", "2019").stdout))
    assert result["events"] == in_2019 == len(json.loads(some.read_text())["events"]) < everything

    geo = tmp_path / "located.geojson"
    cli(*w, "export", "--format", "geojson", str(geo))
    assert json.loads(geo.read_text())["type"] == "FeatureCollection"

    full = tmp_path / "full.json"
    cli(*w, "export", "--format", "json", str(full))
    copy = tmp_path / "copy.briefer"
    cli("init", str(copy))
    assert "added" in cli("-w", str(copy), "import", "--format", "json", str(full)).stdout
    assert len(json.loads(cli("-w", str(copy), "search", "--json").stdout)) == everything


def test_real_acled_and_gdelt_from_the_command_line(shared_data: Path, ws_path: Path) -> None:
    syria = json.loads(cli("-w", str(ws_path), "import", str(shared_data / "acled" / "acled_syria_2019-10_exporttool.csv"),
                           "--json").stdout)
    assert syria["added"]["events"] == 448 and syria["format"] == "ACLED CSV"
    gdelt = json.loads(cli("-w", str(ws_path), "import", "--format", "gdelt",
                           str(shared_data / "gdelt" / "gdelt2_20161013151500.export.first1000.CSV"), "--json").stdout)
    assert gdelt["added"]["events"] == 1000


def test_a_terminal_sees_progress_and_a_pipe_does_not(ws_path: Path, tmp_path: Path) -> None:
    import os
    import pty
    import subprocess
    import sys

    big = tmp_path / "big.csv"
    lines = ["event_id_cnty,event_date,event_type,actor1,location,notes,source"]
    lines += [f"PRG{i},2020-01-{i % 28 + 1:02d},Protests,Protesters,Town {i % 50},Gathering,Paper" for i in range(3000)]
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    parent, child = pty.openpty()
    try:
        result = subprocess.run([sys.executable, "-m", "briefer.cli", "-w", str(ws_path), "import", str(big)],
                                stdout=subprocess.PIPE, stderr=child, timeout=120)
        os.close(child)
        child = -1
        shown = b""
        while True:
            try:
                chunk = os.read(parent, 4096)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(parent)
        if child != -1:
            os.close(child)
    assert result.returncode == 0 and b"added 3000 events" in result.stdout
    assert b"100%  3,000 rows read" in shown
    piped = cli("-w", str(ws_path), "import", str(big))
    assert piped.stderr == "" and "3000 already in the workspace" in piped.stdout


def _acled(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    """An ACLED file of (id, actor1, actor2) rows."""
    from ..exchange.helpers import clash, write_acled

    return write_acled(path, [clash(*row) for row in rows])


def test_a_folder_and_a_file_are_one_import_and_one_report(ws_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    _acled(folder / "october.csv", [("SYR1", "QSD: Syrian Democratic Forces", ""), ("SYR2", "Hezbollah", "")])
    _acled(folder / "november.csv", [("SYR3", "QSD: Syrian Democratic Forces", "Hezbollah")])
    (folder / "README.txt").write_text("These are ACLED exports.\n", encoding="utf-8")
    extra = _acled(tmp_path / "december.csv", [("SYR4", "Hezbollah", "")])
    out = json.loads(cli("-w", str(ws_path), "import", str(folder), str(extra), "--json",
                         "--report", str(tmp_path / "r.txt")).stdout)
    assert out["added"] == {"events": 4, "actors": 2, "sources": 2}
    assert [Path(f).name for f in out["files"]] == ["november.csv", "october.csv", "december.csv"]
    assert any("README.txt" in w["reason"] for w in out["warnings"])
    found = json.loads(cli("-w", str(ws_path), "search", "--json", "--actor", "Syrian Democratic Forces").stdout)
    assert len(found) == 2


def test_one_bad_file_among_many_imports_nothing(ws_path: Path, tmp_path: Path) -> None:
    good = _acled(tmp_path / "good.csv", [("SYR1", "Hezbollah", "")])
    bad = tmp_path / "bad.csv"
    bad.write_text("no,acled,header\n1,2,3\n", encoding="utf-8")
    before = dump(ws_path)
    assert_clean_error(cli("-w", str(ws_path), "import", "--format", "acled", str(good), str(bad),
                           "--report", str(tmp_path / "r.txt"), check=False), "bad.csv: not an ACLED file")
    assert dump(ws_path) == before


def test_the_actor_map_is_proposed_then_edited_then_applied_and_remembered(tmp_path: Path) -> None:
    from briefer.demo import create_demo_workspace

    ws_path = tmp_path / "demo.briefer"
    create_demo_workspace(ws_path).close()
    data = _acled(tmp_path / "syria.csv", [("SYR1", "Islamic State (Syria)", "Global Coalition Against Daesh"),
                                           ("SYR2", "QSD: Syrian Democratic Forces", "Operation Peace Spring")])
    plain = cli("-w", str(ws_path), "import", str(data), "--report", str(tmp_path / "r.txt"), check=False)
    # without a map: the sure match is applied, the others become new actors and are listed
    assert "2 actor names were not matched for sure" in plain.stdout
    assert "Islamic State (Syria)  (perhaps member Islamic State" in plain.stdout

    ws_path = tmp_path / "demo2.briefer"
    create_demo_workspace(ws_path).close()
    before = dump(ws_path)
    map_path = tmp_path / "actors.json"
    first = cli("-w", str(ws_path), "import", str(data), "--actor-map", str(map_path))
    assert "Nothing was imported" in first.stdout and dump(ws_path) == before
    proposed = json.loads(map_path.read_text(encoding="utf-8"))["actors"]
    assert proposed["Islamic State (Syria)"]["choice"] == "member"
    assert proposed["Global Coalition Against Daesh"] == {
        "choice": "existing", "actor": "US-led coalition", "why": "it continues an alias of 'US-led coalition'"}
    assert proposed["Operation Peace Spring"]["choice"] == "new"
    proposed["Operation Peace Spring"] = {"choice": "member", "actor": "Syrian Democratic Forces"}  # the analyst's edit
    map_path.write_text(json.dumps({"dataset": "ACLED", "actors": proposed}), encoding="utf-8")
    result = json.loads(cli("-w", str(ws_path), "import", str(data), "--actor-map", str(map_path), "--json",
                            "--report", str(tmp_path / "r.txt")).stdout)
    assert result["added"]["actors"] == 2
    from briefer.store import Workspace

    with Workspace.open(ws_path) as ws:
        spring = ws.find_actor("Operation Peace Spring")
        assert spring.member_of == ws.find_actor("Syrian Democratic Forces").uid
        assert ws.find_actor("Islamic State (Syria)").member_of == ws.find_actor("Islamic State").uid
        assert ws.find_actor("Global Coalition Against Daesh") is None
    # the next import of the same dataset, without the map, lands the name where the analyst put it
    later = _acled(tmp_path / "later.csv", [("SYR9", "Global Coalition Against Daesh", "")])
    again = json.loads(cli("-w", str(ws_path), "import", str(later), "--json", "--report", str(tmp_path / "r.txt")).stdout)
    assert again["added"]["actors"] == 0
    assert [a["why"] for a in again["actors"]] == ["chosen for this dataset before"]


def test_a_broken_actor_map_is_refused_by_name(ws_path: Path, tmp_path: Path) -> None:
    data = _acled(tmp_path / "syria.csv", [("SYR1", "Hezbollah", "")])
    map_path = tmp_path / "actors.json"
    map_path.write_text(json.dumps({"actors": {"Hezbollah": {"choice": "existing", "actor": "Nobody"}}}),
                        encoding="utf-8")
    before = dump(ws_path)
    assert_clean_error(cli("-w", str(ws_path), "import", str(data), "--actor-map", str(map_path), check=False),
                       "no actor is called 'Nobody'")
    map_path.write_text(json.dumps({"actors": {"Hezbollah": {"choice": "merge"}}}), encoding="utf-8")
    assert_clean_error(cli("-w", str(ws_path), "import", str(data), "--actor-map", str(map_path), check=False),
                       "the choice must be one of existing, member, new")
    assert dump(ws_path) == before
