"""The held-out intake evaluation scores what it should: its matching rules on a toy report.

The evaluation itself is a benchmark (benchmarks/intake_eval.py), not a test; this only checks that
its scoring follows the rules written in its docstring, so its figures can be trusted.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "intake_eval.py"


@pytest.fixture(scope="module")
def ev():
    spec = importlib.util.spec_from_file_location("intake_eval", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GOLD = {
    "published": "2020-01-02",
    "dates": [{"text": "on Monday", "value": "2019-12-30"}, {"text": "in April", "value": "2020-04"}],
    "actors": [{"name": "al-Shabab", "alt": ["Shabab", "al-Shabaab"], "kind": "armed_group"},
               {"name": "Abdi Hassan", "alt": ["Hassan"], "kind": "person"}],
    "statements": [{"speaker": "officials", "channel": None, "generic": True},
                   {"speaker": "Abdi Hassan", "alt": ["Hassan"], "channel": "VOA"}],
    "events": [{"what": "attack on the airport", "date": "2019-12-30", "initiator": "al-Shabab", "status": "reported",
                "keywords": ["airport"]},
               {"what": "France to pull out", "date": "2020-04", "status": "expected", "keywords": ["pull out"]}],
}

OUTPUT = {
    "document": {"published": "2020-01-02", "outlet": "Voice of America"},
    "dates": [{"text": "Monday", "when": "2019-12-30"}, {"text": "on Monday", "when": "2019-12-30"},
              {"text": "in April", "when": "2019-04"}],
    "actors": [{"name": "Somali militant group al-Shabab", "aliases_seen": []},
               {"name": "Shabab", "aliases_seen": []}, {"name": "Mogadishu", "aliases_seen": []}],
    "citations": [{"speaker": "Officials", "source": "Voice of America"}, {"speaker": "Hassan", "source": "VOA"},
                  {"speaker": "Reuters", "source": "Voice of America"}],
    "events": [{"title": "Gunmen attacked the airport", "when": "2019-12-30",
                "actors": [{"name": "al-Shabab", "role": "initiator"}]},
               {"title": "France will pull out its troops in April", "when": "2020-04"}],
}


def test_folding_ignores_case_articles_and_arabic_marks(ev):
    assert ev.fold("The Taliban") == ev.fold("taliban")
    assert ev.fold("الشُّرْطَةُ") == ev.fold("شرطة")
    assert ev.fold("VOA's Somali Service") == "voa somali service"
    assert ev.same_name("voa", "voice of america") and not ev.same_name("voa", "reuters")


def test_toy_report_is_scored_by_the_written_rules(ev):
    s = ev.score_report(GOLD, OUTPUT)
    assert s["pub_right"] == 1
    # "Monday" repeats the matched "on Monday": not counted; April resolved to the wrong year: wrong
    assert (s["dates_right"], s["dates_pred"], s["dates_gold"], s["dates_found"]) == (1, 2, 2, 2)
    # the long name holds "al-Shabab"; the second proposal for it and the place are false positives
    assert (s["actors_right"], s["actors_pred"], s["actors_gold"]) == (1, 3, 2)
    assert s["actors_missed"] == ["Abdi Hassan"]
    # generic "officials" is neither right nor wrong; "Reuters" as speaker is wrong
    assert (s["speakers_right"], s["speakers_pred"], s["speakers_gold"]) == (1, 2, 1)
    assert (s["channel_right"], s["channel_found"], s["channel_gold"]) == (1, 1, 1)
    # the forecast proposed as an event counts against precision and is reported as such
    assert (s["events_right"], s["events_pred"], s["events_gold"], s["forecasts_as_events"]) == (1, 2, 1, 1)
    assert (s["initiator_right"], s["initiator_n"]) == (1, 1)


def test_status_field_makes_expectations_scorable(ev):
    out = dict(OUTPUT, events=[dict(OUTPUT["events"][0], status="reported"),
                               dict(OUTPUT["events"][1], status="expected")])
    s = ev.score_report(GOLD, out)
    assert (s["events_pred"], s["forecasts_as_events"]) == (1, 0)
    assert (s["expect_right"], s["expect_pred"], s["expect_gold"]) == (1, 1, 1)
    assert (s["status_right"], s["status_n"]) == (1, 1)


def test_missing_or_odd_output_scores_zero_without_crashing(ev):
    s = ev.score_report(GOLD, {"dates": None, "actors": None, "events": None})
    assert (s["dates_right"], s["actors_right"], s["speakers_right"], s["events_right"]) == (0, 0, 0, 0)
    assert s["events_gold"] == 1 and s["pub_right"] == 0
    totals = ev.totals([dict(s, error="boom")])
    assert totals["errors"] == 1 and totals["events"]["recall"] == 0.0 and totals["expectations"] is None


def test_expectations_listed_apart_are_scored_as_expectations_and_denials_as_nothing(ev):
    # briefer-cli intake --json lists expectations and denials under `expectations`, not `events`
    out = dict(OUTPUT, events=[dict(OUTPUT["events"][0], status="reported")],
               expectations=[dict(OUTPUT["events"][1], status="expected"),
                             {"title": "The army denied shelling the airport", "when": "2019-12-30",
                              "status": "denied"}])
    s = ev.score_report(GOLD, out)
    assert (s["events_right"], s["events_pred"], s["forecasts_as_events"]) == (1, 1, 0)
    assert (s["expect_right"], s["expect_pred"], s["expect_gold"]) == (1, 1, 1)


def test_only_takes_shell_patterns_to_score_a_batch_apart(ev, tmp_path, capsys):
    import json

    for rid in ("d01-old", "d23-new", "d24-new"):
        (tmp_path / "reports").mkdir(exist_ok=True)
        (tmp_path / "annotations").mkdir(exist_ok=True)
        (tmp_path / "reports" / f"{rid}.txt").write_text(
            "Headline: A test\nDate: 2020-01-02\n\nRebels attacked a village on Monday, officials said.\n",
            encoding="utf-8")
        (tmp_path / "annotations" / f"{rid}.json").write_text(
            json.dumps({"id": rid, "lang": "en", "published": "2020-01-02"}), encoding="utf-8")
    assert ev.main(["--set", str(tmp_path), "--only", "d2[3-9]*", "--json"]) == 0
    scored = json.loads(capsys.readouterr().out)["reports"]
    assert sorted(scored) == ["d23-new", "d24-new"]
    assert ev.main(["--set", str(tmp_path), "--only", "d01-old", "--json"]) == 0
    assert sorted(json.loads(capsys.readouterr().out)["reports"]) == ["d01-old"]


def test_the_validation_and_held_out_sets_are_known_as_such(ev, tmp_path):
    # the per-report tools refuse these sets; the retired first set and the dev sets are open
    assert [ev.held_out(tmp_path / n) for n in ("intake_eval2", "intake_eval5", "intake_eval12")] == [True] * 3
    assert [ev.held_out(tmp_path / n) for n in ("intake_eval", "intake_dev", "intake_train")] == [False] * 3


def test_per_report_lists_are_refused_on_a_held_out_set(ev, tmp_path, capsys):
    held = tmp_path / "intake_eval7"
    (held / "reports").mkdir(parents=True)
    assert ev.main(["--set", str(held), "--per-report"]) == 2
    assert "held-out" in capsys.readouterr().err


def test_a_figure_is_rounded_once(ev):
    assert ev.fmt(ev.ratio(34, 38)) == "0.89"  # not 0.895 first, then 0.90


@pytest.mark.parametrize("name, title", [("intake_eval", "Intake evaluation on"),
                                         ("intake_eval6", "Held-out intake evaluation on")])
def test_the_table_calls_a_set_held_out_only_when_it_is(ev, tmp_path, capsys, name, title):
    # the retired first set is development material now: its table must not say "held-out"
    import json

    folder = tmp_path / name
    (folder / "reports").mkdir(parents=True)
    (folder / "annotations").mkdir()
    (folder / "reports" / "r1.txt").write_text(
        "Headline: A test\nDate: 2020-01-02\n\nRebels attacked a village on Monday, officials said.\n", encoding="utf-8")
    (folder / "annotations" / "r1.json").write_text(
        json.dumps({"id": "r1", "lang": "en", "published": "2020-01-02"}), encoding="utf-8")
    assert ev.main(["--set", str(folder)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(f"{title} {folder}:")
