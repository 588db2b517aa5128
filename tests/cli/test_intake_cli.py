"""`briefer-cli intake` as a script uses it: proposals as text or JSON, landing on request."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .helpers import cli, dump

FIXTURES = Path(__file__).resolve().parents[1] / "intake" / "fixtures"


@pytest.fixture
def ws_path(tmp_path: Path) -> Path:
    path = tmp_path / "cli.briefer"
    cli("init", str(path))
    return path


def test_json_has_the_shape_the_issue_promises(ws_path: Path) -> None:
    before = dump(ws_path)
    out = json.loads(cli("-w", str(ws_path), "intake", str(FIXTURES / "dam_talks.txt"), "--json").stdout)
    assert out["document"]["title"] == "Talks over northern dam stall as militia keeps its guns"
    assert out["document"]["outlet"] == "Valley Courier"
    assert out["document"]["published"] == "2021-03-14"
    actor = next(a for a in out["actors"] if a["name"] == "Idris Hallaq")
    assert actor["known"] is False and actor["aliases_seen"] == ["Commander Idris Hallaq"]
    date = next(d for d in out["dates"] if d["text"] == "within two weeks")
    assert date["when"] == "2021-03-14/2021-03-28" and "forward" in date["rule"]
    event = next(e for e in out["events"] if "seized" in e["quote"])
    assert event["when"] == "2018" and event["source"] == "Valley Courier"
    assert {"name": "Northern Shield Brigade", "role": "initiator"} in event["actors"]
    assert {"title", "when", "actors", "place", "quote", "source"} <= set(event)
    citation = next(c for c in out["citations"] if c["speaker"] == "Idris Hallaq")
    assert citation["source"] == "Harbour News Agency" and "thieves" in citation["quote"]
    assert dump(ws_path) == before  # proposals only


def test_text_output_and_accept_all(ws_path: Path) -> None:
    text = cli("-w", str(ws_path), "intake", str(FIXTURES / "dam_talks.html")).stdout
    assert "Nothing was added" in text and "Idris Hallaq" in text
    landed = json.loads(cli("-w", str(ws_path), "intake", str(FIXTURES / "dam_talks.html"), "--accept-all",
                            "--json").stdout)["landed"]
    # (the brigade's refusal is what it says it will not do: no event)
    assert landed["events"] >= 3 and landed["document_added"]
    listed = json.loads(cli("-w", str(ws_path), "search", "--json").stdout)
    assert len(listed) == landed["events"]
    assert any(e["when"] == "2018" and "seized" in e["title"] for e in listed)
    again = cli("-w", str(ws_path), "intake", str(FIXTURES / "dam_talks.html"), "--accept-all").stdout
    assert "Landed 0 events" in again and "document already stored" in again


def test_errors_are_one_line(ws_path: Path, tmp_path: Path) -> None:
    result = cli("-w", str(ws_path), "intake", str(tmp_path / "missing.txt"), check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "missing.txt" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    odd = tmp_path / "scan.pdf"
    odd.write_bytes(b"%PDF-1.4")
    result = cli("-w", str(ws_path), "intake", str(odd), check=False)
    assert result.returncode == 1 and "scan.pdf" in result.stderr and "Traceback" not in result.stderr


def test_the_real_report(ws_path: Path, shared_data: Path) -> None:
    out = json.loads(cli("-w", str(ws_path), "intake", str(shared_data / "articles/2019-02-09-sdf-offensive-on-hold.txt"),
                         "--json").stdout)
    assert out["document"]["published"] == "2019-02-09"
    assert any(c["speaker"] == "Mustafa Bali" and c["source"] == "Reuters" for c in out["citations"])


def test_the_analyst_corrects_headline_outlet_and_date(ws_path: Path) -> None:
    out = json.loads(cli("-w", str(ws_path), "intake", str(FIXTURES / "dam_talks.txt"), "--json",
                         "--published", "20 Mar 2021", "--title", "Dam talks stall", "--outlet", "Island Gazette",
                         "--author", "R. Haddad").stdout)
    doc = out["document"]
    assert (doc["title"], doc["outlet"], doc["published"], doc["author"]) == (
        "Dam talks stall", "Island Gazette", "2021-03-20", "R. Haddad")
    assert next(d for d in out["dates"] if d["text"] == "within two weeks")["when"] == "2021-03-20/2021-04-03"
    landed = json.loads(cli("-w", str(ws_path), "intake", str(FIXTURES / "dam_talks.txt"), "--json", "--accept-all",
                            "--published", "2021-03-20", "--outlet", "Island Gazette").stdout)["landed"]
    assert landed["events"] >= 1
    sources = json.loads(cli("-w", str(ws_path), "search", "--json", "--source", "Island Gazette").stdout)
    assert len(sources) == landed["events"]


def test_a_publication_day_that_is_not_a_day_is_one_line(ws_path: Path) -> None:
    before = dump(ws_path)
    result = cli("-w", str(ws_path), "intake", str(FIXTURES / "dam_talks.txt"), "--published", "soon",
                 "--accept-all", check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "--published 'soon'" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert dump(ws_path) == before


def test_accept_all_needs_an_outlet(ws_path: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("Ferry service resumes\n\n9 June 2022\nThe Harbour Authority said on Monday that the ferry "
                      "to Sahl island resumed after the storm damaged the pier.\n", encoding="utf-8")
    before = dump(ws_path)
    result = cli("-w", str(ws_path), "intake", str(report), "--accept-all", check=False)
    assert result.returncode == 1 and "--outlet NAME" in result.stderr and "Traceback" not in result.stderr
    assert dump(ws_path) == before
    landed = json.loads(cli("-w", str(ws_path), "intake", str(report), "--accept-all", "--json",
                            "--outlet", "Island Gazette").stdout)["landed"]
    assert landed["events"] == 1


def test_accept_all_lands_an_undated_event_on_or_before_publication(ws_path: Path, tmp_path: Path) -> None:
    report = tmp_path / "post.txt"
    report.write_text("Headline: Customs post attacked\nOutlet: Desk Wire\nDate: 2019-03-05\n\n"
                      "The Northern Shield Brigade attacked a customs post near Tal Hamra.\n")
    shown = cli("-w", str(ws_path), "intake", str(report)).stdout
    assert "  on or before 5 Mar 2019 (no date in the report)  " in shown
    text = cli("-w", str(ws_path), "intake", str(report), "--accept-all").stdout
    assert "1 event with no date in the report landed as on or before the publication day (5 Mar 2019)" in text
    listed = json.loads(cli("-w", str(ws_path), "search", "--json").stdout)
    assert [e["when"] for e in listed] == ["../2019-03-05"]
