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
    (lambda d: d, ["import"], "is a folder, not a file"),
    (lambda d: d, ["import", "--format", "acled"], "is a folder, not a file"),
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
