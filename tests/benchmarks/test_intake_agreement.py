"""The agreement script scores a second annotator exactly as Briefer is scored, so the two can be compared."""

from __future__ import annotations

import copy
import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"

FIRST = {
    "id": "t01", "lang": "en", "published": "2020-01-02",
    "dates": [{"text": "on Monday", "value": "2019-12-30"}],
    "actors": [{"name": "al-Shabab", "alt": ["Shabab"], "kind": "armed_group"},
               {"name": "Abdi Hassan", "alt": ["Hassan"], "kind": "person"}],
    "statements": [{"speaker": "officials", "channel": None, "generic": True},
                   {"speaker": "Abdi Hassan", "alt": ["Hassan"], "channel": "VOA"}],
    "events": [{"what": "attack on the airport", "date": "2019-12-30", "initiator": "al-Shabab",
                "status": "reported", "keywords": ["airport"]},
               {"what": "a second blast", "date": None, "status": "reported", "keywords": ["blast"]},
               {"what": "France to pull out", "date": "2020-04", "status": "expected", "keywords": ["pull out"]}],
}


@pytest.fixture(scope="module")
def agreement():
    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location("intake_agreement", BENCH / "intake_agreement.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(agreement, tmp_path, second: dict, capsys) -> dict:
    (tmp_path / "set" / "annotations").mkdir(parents=True)
    (tmp_path / "set" / "annotations" / "t01.json").write_text(json.dumps(FIRST), encoding="utf-8")
    (tmp_path / "second").mkdir()
    (tmp_path / "second" / "t01.json").write_text(json.dumps(second), encoding="utf-8")
    assert agreement.main(["--set", str(tmp_path / "set"), "--second", str(tmp_path / "second"), "--json"]) == 0
    return json.loads(capsys.readouterr().out)["overall"]["en"]


def test_an_annotation_agrees_fully_with_itself(agreement, tmp_path, capsys):
    f = score(agreement, tmp_path, FIRST, capsys)
    assert (f["events"]["precision"], f["events"]["recall"]) == (1.0, 1.0)
    assert (f["speakers"]["precision"], f["speakers"]["recall"], f["speakers"]["channels_found"]) == (1.0, 1.0, 1.0)
    assert f["expectations"]["recall"] == 1.0 and f["initiator_accuracy"] == 1.0


def test_differences_cost_what_they_would_cost_briefer(agreement, tmp_path, capsys):
    second = copy.deepcopy(FIRST)
    second["events"][1]["date"] = "2020-01-02"  # dates the undated blast by publication
    second["events"][0] = {"what": "gunmen stormed it", "quote": "gunmen stormed the airport on Monday",
                           "date": "2019-12-30", "status": "reported", "keywords": ["stormed"],
                           "initiator": "Abdi Hassan"}
    second["events"].append({"what": "a raid", "quote": "a raid", "status": "denied", "keywords": ["raid"]})
    second["statements"] = [{"speaker": "witnesses", "generic": True}]  # one speaker missed, generic ones unscored
    f = score(agreement, tmp_path, second, capsys)
    # the airport event is found through the quote; the blast only at any date; the denial proposes nothing
    assert (f["events"]["precision"], f["events"]["recall"]) == (0.5, 0.5)
    assert (f["events"]["any_date_precision"], f["events"]["any_date_recall"]) == (1.0, 1.0)
    assert f["speakers"]["recall"] == 0.0 and f["speakers"]["proposed"] == 0
    assert f["initiator_accuracy"] == 0.0  # the wrong initiator


def test_a_second_annotation_of_no_report_of_the_set_is_refused_by_name(agreement, tmp_path, capsys):
    (tmp_path / "set" / "annotations").mkdir(parents=True)
    (tmp_path / "second").mkdir()
    (tmp_path / "second" / "x99.json").write_text("{}", encoding="utf-8")
    assert agreement.main(["--set", str(tmp_path / "set"), "--second", str(tmp_path / "second")]) == 2
    assert "x99.json" in capsys.readouterr().err
