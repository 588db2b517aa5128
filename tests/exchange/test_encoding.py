"""Files in the encodings datasets really come in: detected, or reported, never mangled."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from briefer.exchange.acled import AcledReader
from briefer.exchange.encoding import TextFile, detect_encoding
from briefer.exchange.importing import run_import
from briefer.store import Workspace

HEADER = "event_id_cnty,event_date,event_type,actor1,location,notes,source\n"


def rows(*places: str) -> str:
    return "".join(f"ENC{i},2020-01-0{i + 1},Protests,Protesters,{p},Gathering in {p},Café Gazette\n"
                   for i, p in enumerate(places))


@pytest.mark.parametrize("encoding, label", [
    ("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8 with BOM"), ("utf-16", "UTF-16 with BOM"), ("cp1252", "Windows-1252"),
])
def test_each_encoding_is_detected_and_read_exactly(tmp_path: Path, workspace: Workspace, encoding: str,
                                                     label: str) -> None:
    path = tmp_path / f"{encoding}.csv"
    path.write_bytes((HEADER + rows("Séville", "Zürich", "Košice" if encoding != "cp1252" else "Málaga"))
                     .encode(encoding))
    report = run_import(workspace, AcledReader(path))
    assert report.encoding == label
    assert report.skipped_count == 0 and report.added["events"] == 3
    places = sorted(e.place for e in workspace.search_events())
    assert places == sorted(["Séville", "Zürich", "Košice" if encoding != "cp1252" else "Málaga"])
    assert workspace.find_source("Café Gazette") is not None
    assert workspace.find_event_by_external_id("ENC0") is not None  # the BOM is not part of the first column


def test_a_file_mixing_encodings_reports_the_foreign_lines_and_keeps_the_rest(tmp_path: Path,
                                                                               workspace: Workspace) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(HEADER.encode() + rows("Séville").encode("utf-8")
                     + "ENC7,2020-01-08,Protests,Protesters,Mâcon,Gathering,Radio\n".encode("cp1252")
                     + "ENC8,2020-01-09,Protests,Protesters,Zürich,Gathering,Radio\n".encode("utf-8"))
    report = run_import(workspace, AcledReader(path))
    assert [p.line for p in report.skipped] == [3]
    assert "Windows-1252" in report.skipped[0].reason and "mixes encodings" in report.skipped[0].reason
    assert sorted(e.place for e in workspace.search_events()) == ["Séville", "Zürich"]
    assert not any("\ufffd" in e.place + e.title for e in workspace.search_events())


def test_control_characters_from_a_bad_conversion_are_repaired_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "c1.csv"
    path.write_text("a\nit\x92s done\nplain\n", encoding="utf-8")
    text = TextFile(path)
    assert list(text.lines()) == ["a\n", "it’s done\n", "plain\n"]
    assert list(text.repaired_lines) == [2]


def test_detection_on_samples() -> None:
    assert detect_encoding(codecs.BOM_UTF8 + b"a,b") == "utf-8-sig"
    assert detect_encoding("a,b\n".encode("utf-16")) == "utf-16"
    assert detect_encoding("a,b,c\n".encode("utf-16-le")) == "utf-16-le"
    assert detect_encoding("é".encode("utf-8") * 10 + b"\xe2\x80") == "utf-8"  # cut in the middle of a character
    assert detect_encoding("naïve".encode("cp1252")) == "cp1252"


def test_a_named_encoding_overrides_detection(tmp_path: Path, workspace: Workspace) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes((HEADER + rows("Göttingen")).encode("latin-1"))
    report = run_import(workspace, AcledReader(path, encoding="latin-1"))
    assert report.added["events"] == 1 and workspace.search_events()[0].place == "Göttingen"


def test_utf8_lines_in_a_windows_1252_file_are_reported(tmp_path: Path, workspace: Workspace) -> None:
    path = tmp_path / "mixed1252.csv"
    path.write_bytes(HEADER.encode() + rows("Málaga", "Cádiz").encode("cp1252")
                     + "ENC9,2020-01-09,Protests,Protesters,Zürich,Gathering,Radio\n".encode("utf-8"))
    report = run_import(workspace, AcledReader(path, encoding="cp1252"))
    assert [p.line for p in report.skipped] == [4] and "mixes encodings" in report.skipped[0].reason
    assert sorted(e.place for e in workspace.search_events()) == ["Cádiz", "Málaga"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "cp1252", "utf-8-sig"])
def test_the_format_is_told_whatever_the_encoding(tmp_path: Path, encoding: str) -> None:
    from briefer.exchange.formats import detect_format

    path = tmp_path / "export.csv"
    path.write_bytes((HEADER + rows("Málaga")).encode(encoding))
    assert detect_format(path) == "acled"
    gdelt = tmp_path / "events.txt"
    gdelt.write_bytes(("\t".join(["1", "20190209"] + [""] * 55) + "\n").encode(encoding))
    assert detect_format(gdelt) == "gdelt"


def test_a_binary_file_is_refused_by_name_and_the_workspace_is_untouched(tmp_path: Path, workspace: Workspace) -> None:
    """An image or a spreadsheet chosen by mistake: one clear message, nothing imported."""
    from briefer.core.errors import BrieferError

    png = tmp_path / "chart.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 8)
    before = workspace.event_count()
    with pytest.raises(BrieferError, match=r"chart\.png: not a text file"):
        run_import(workspace, AcledReader(TextFile(png)))
    assert workspace.event_count() == before
    utf16 = tmp_path / "wide.csv"
    utf16.write_bytes((HEADER + rows("Hajin")).encode("utf-16-le"))  # zero bytes, but text
    assert TextFile(utf16, None).codec == "utf-16-le"
