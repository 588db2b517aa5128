"""`briefer-cli brief` as a script uses it: a real subprocess, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pypdf
import pytest

from .helpers import assert_clean_error
from .helpers import cli as run_cli


def cli(*args: str) -> subprocess.CompletedProcess:
    return run_cli(*args, check=False)


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.briefer"
    result = cli("init", str(path), "--demo")
    assert result.returncode == 0, result.stderr
    return path


def text_of(path: Path) -> str:
    return " ".join(p.extract_text() for p in pypdf.PdfReader(str(path)).pages)


def test_daily_brief(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "daily.pdf"
    result = cli("-w", str(demo), "brief", "--template", "daily", "--date", "2019-02-09", "--title", "Morning",
                 "--marking", "TLP:AMBER", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "wrote" in result.stdout and "pages" in result.stdout
    reader = pypdf.PdfReader(str(out))
    assert 1 <= len(reader.pages) <= 3
    assert all(p.extract_text().count("TLP:AMBER") >= 2 for p in reader.pages)
    assert reader.metadata.title.startswith("Morning")


def test_period_summary_with_filter_options_and_json(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "period.pdf"
    result = cli("-w", str(demo), "brief", "--template", "period", "--from", "2019-01", "--to", "2019-03",
                 "--actor", "SDF", "--page-size", "letter", "--json", "--out", str(out))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    search = cli("-w", str(demo), "search", "--from", "2019-01", "--to", "2019-03", "--actor", "SDF", "--json")
    expected = json.loads(search.stdout)
    assert report["events"] == len(expected) > 0
    assert report["pages"] == len(pypdf.PdfReader(str(out)).pages)
    text = text_of(out)
    for event in expected:
        assert event["title"].split()[0] in text
    assert float(pypdf.PdfReader(str(out)).pages[0].mediabox.width) == pytest.approx(612, abs=1)


def test_marking_and_bluf_carry_over_to_the_next_brief_and_say_so(demo: Path, tmp_path: Path) -> None:
    first, second, third = tmp_path / "1.pdf", tmp_path / "2.pdf", tmp_path / "3.pdf"
    result = cli("-w", str(demo), "brief", "--date", "2019-02-09", "--marking", "SECRET // REL TO DEMO",
                 "--bluf", "- The pocket falls within weeks.", "--title", "07:00 brief", "--out", str(first))
    assert result.returncode == 0 and "carried over" not in result.stderr
    result = cli("-w", str(demo), "brief", "--date", "2019-03-01", "--json", "--out", str(second))
    assert result.returncode == 0, result.stderr
    text = " ".join(text_of(second).split())
    assert "SECRET // REL TO DEMO" in text and "The pocket falls within weeks." in text
    assert "Carried over from brief No. 1 of 9 Feb 2019" in text
    assert "carried over from brief No. 1 of 9 Feb 2019" in result.stderr
    report = json.loads(result.stdout)
    assert report["number"] == 2 and report["bluf_carried_from"] == "brief No. 1 of 9 Feb 2019"
    assert report["new"] == 1 and report["continuing"] == report["events"] - 1 > 0
    # --no-bluf leaves it out; a period summary does not inherit the daily's title
    result = cli("-w", str(demo), "brief", "--template", "period", "--no-bluf", "--json", "--out", str(third))
    assert result.returncode == 0 and "carried over" not in result.stderr
    text = text_of(third)
    assert "The pocket falls within weeks." not in text and "07:00 brief" not in text


def test_a_day_with_nothing_new_is_printed_and_said_on_stderr(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "quiet.pdf"
    result = cli("-w", str(demo), "brief", "--date", "2030-01-01", "--json", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["new"] == 0
    assert "no new events reported in this period" in result.stderr
    assert "No new events reported in this period." in text_of(out)


@pytest.mark.parametrize("kind", ["fifo", "big"])
def test_a_bluf_file_that_is_a_pipe_or_too_big_is_refused_by_name(demo: Path, tmp_path: Path, kind: str) -> None:
    import os

    bluf = tmp_path / f"bluf-{kind}.txt"
    if kind == "fifo":
        os.mkfifo(bluf)  # reading it would wait for a writer for ever
        fragment = "is not a regular file (a pipe or a device)"
    else:
        bluf.write_bytes(b"- judgement\n" * 100_000)
        fragment = "more than 1 MB"
    out = tmp_path / "x.pdf"
    result = cli("-w", str(demo), "brief", "--date", "2019-02-09", "--bluf-file", str(bluf), "--out", str(out))
    assert_clean_error(result, fragment)
    assert str(bluf) in result.stderr and not out.exists()


def test_empty_scope_fails_with_one_line_and_no_file(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    result = cli("-w", str(demo), "brief", "--template", "period", "--tag", "no-such-tag", "--out", str(out))
    assert_clean_error(result, "no events")
    assert not out.exists()


@pytest.mark.parametrize("args, fragment", [
    (["--template", "period", "--date", "2019-02-09"], "--date and --cutoff are for the daily template"),
    (["--template", "daily", "--from", "2019-01"], "use --date"),
    (["--date", "Feb 2019"], "is not one day"),
    (["--date", "not a date"], "--date: 'not a date' is not a date"),
    (["--template", "period", "--to", "Febtember"], "--to: 'Febtember' is not a date"),
    (["--cutoff", "at dawn"], "--cutoff 'at dawn'"),
    (["--template", "period", "--min-reliability", "Q"], "'Q' is not a grade"),
    (["--bluf-file", "/nonexistent/bluf.txt"], "/nonexistent/bluf.txt"),
    (["--date", "2019-02-09", "--cutoff", "2019-02-09T06:00"], "either --date or --cutoff"),
    (["--page-size", "legal"], "invalid choice"),
    (["--actor", "Nobody"], "Nobody"),
    (["--date", ""], "--date: the value is empty"),
    (["--cutoff", " "], "--cutoff: the value is empty"),
    (["--template", "period", "--from", ""], "--from: the value is empty"),
    (["--template", "period", "--to", ""], "--to: the value is empty"),
    (["--bluf-file", "/dev/zero"], "/dev/zero: is not a regular file (a pipe or a device)"),
])
def test_bad_options_fail_with_one_clear_line(demo: Path, tmp_path: Path, args: list[str], fragment: str) -> None:
    out = tmp_path / "x.pdf"
    result = cli("-w", str(demo), "brief", *args, "--out", str(out))
    assert_clean_error(result, fragment)
    assert not out.exists()


def test_unwritable_destination(demo: Path, tmp_path: Path) -> None:
    result = cli("-w", str(demo), "brief", "--date", "2019-02-09", "--out", str(tmp_path / "no" / "dir.pdf"))
    assert_clean_error(result, "does not exist")


def test_a_cutoff_with_an_offset_is_read_as_utc(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "cutoff.pdf"
    result = cli("-w", str(demo), "brief", "--cutoff", "2019-02-10T09:00+03:00", "--out", str(out))
    assert result.returncode == 0, result.stderr
    first = " ".join(pypdf.PdfReader(str(out)).pages[0].extract_text().split())
    assert "9 Feb 2019 06:00 UTC – 10 Feb 2019 06:00 UTC" in first
    assert "Cut-off 10 Feb 2019 06:00 UTC" in first


def test_a_brief_to_a_folder_or_a_device_writes_nothing(demo: Path, tmp_path: Path) -> None:
    import os

    out = tmp_path / "briefs.pdf"  # a folder, whatever its name says
    out.mkdir()
    pipe = out / "pipe.pdf"
    os.mkfifo(pipe)  # stands for a device: a write through a rename would replace it with a file
    assert_clean_error(cli("-w", str(demo), "brief", "--date", "2019-02-09", "--out", str(out)), "is a folder")
    assert_clean_error(cli("-w", str(demo), "brief", "--date", "2019-02-09", "--out", str(pipe)),
                       "not a regular file")
    assert pipe.is_fifo() and [p.name for p in out.iterdir()] == ["pipe.pdf"]
    assert not list(tmp_path.glob("*.briefer-tmp"))
