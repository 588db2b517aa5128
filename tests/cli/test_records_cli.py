"""briefer-cli as scripts use it: the real program in a subprocess, exit codes and output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefer import __version__

from .helpers import assert_clean_error, cli, dump


@pytest.fixture
def ws_path(tmp_path: Path) -> Path:
    path = tmp_path / "cli.briefer"
    cli("init", str(path))
    return path


def test_version() -> None:
    assert cli("--version").stdout.strip() == f"briefer-cli {__version__}"


def test_a_session_from_the_command_line(ws_path: Path) -> None:
    w = ["-w", str(ws_path)]
    cli(*w, "add", "actor", "Islamic State", "--kind", "armed_group", "--alias", "ISIS", "--alias", "Daesh")
    cli(*w, "add", "actor", "Syrian Democratic Forces", "--kind", "armed_group", "--alias", "SDF")
    cli(*w, "add", "actor", "Mustafa Bali", "--kind", "person", "--member-of", "SDF")
    cli(*w, "add", "source", "Reuters", "--kind", "news_agency", "--reliability", "B")
    uid = cli(*w, "add", "event", "SDF pauses offensive on Baghouz", "--when", "2019-02-09", "--place", "Baghouz",
              "--actor", "SDF:initiator", "--actor", "Daesh:target", "--actor", "Mustafa Bali:spokesperson",
              "--source", "Reuters:2", "--quote", "civilians are coming out daily", "--tag", "offensive").stdout.strip()
    cli(*w, "add", "event", "Priest reported killed", "--when", "c. 2013")

    found = json.loads(cli(*w, "search", "--actor", "isis", "--json").stdout)
    assert [e["uid"] for e in found] == [uid]
    event = found[0]
    assert event["when"] == "2019-02-09" and event["label"] == "9 Feb 2019"
    assert event["actors"] == ["Syrian Democratic Forces", "Islamic State", "Mustafa Bali"]
    assert event["sources"] == ["Reuters"]

    everything = json.loads(cli(*w, "search", "--json").stdout)
    assert [e["label"] for e in everything] == ["c. 2013", "9 Feb 2019"]
    assert json.loads(cli(*w, "search", "--json", "--from", "2019", "--min-reliability", "B").stdout)[0]["uid"] == uid
    assert json.loads(cli(*w, "search", "--json", "--text", "baghouz").stdout)[0]["uid"] == uid

    listed = cli(*w, "search", "--limit", "1")
    assert "9 Feb 2019" not in listed.stdout and "c. 2013" in listed.stdout
    assert listed.stderr.strip() == "1 shown, 2 of 2 events match"
    assert cli(*w, "search", "--actor", "SDF").stderr.strip() == "1 of 2 events match"

    shown = json.loads(cli(*w, "show", uid, "--json").stdout)
    added = shown["citations"][0].pop("provenance")
    assert shown["citations"] == [{"source": "Reuters", "reliability": "B", "credibility": 2,
                                   "quote": "civilians are coming out daily"}]
    assert added["created"]["workspace_name"] == shown["provenance"]["created"]["workspace_name"] == "cli"
    assert shown["provenance"]["created"]["by"] and shown["provenance"]["created"]["at"].endswith("Z")
    assert "Reuters [B2" in cli(*w, "show", uid).stdout


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["add", "event", "X", "--when", "soon"], "'soon' is not a date"),
        (["add", "event", "X", "--when", "2019-02-30"], "no day 30"),
        (["add", "event", "X", "--when", "2019", "--actor", "Nobody"], "no actor is called 'Nobody'"),
        (["add", "event", "X", "--when", "2019", "--source", "Nowhere:2"], "no source is called 'Nowhere'"),
        (["add", "source", "S", "--reliability", "Z"], "reliability 'Z'"),
        (["add", "actor", "A", "--kind", "wizard"], "actor kind 'wizard'"),
        (["search", "--text", "((("], "no words to search for"),
        (["search", "--from", "whenever"], "not a date"),
        (["show", "no-such-uid"], "no event with id"),
        (["import", "--json", "/no/such/file.json"], "no such file"),
    ],
)
def test_bad_input_is_one_clear_line_and_changes_nothing(ws_path: Path, args: list[str], fragment: str) -> None:
    before = dump(ws_path)
    result = cli("-w", str(ws_path), *args, check=False)
    assert_clean_error(result, fragment)
    assert json.loads(cli("-w", str(ws_path), "search", "--json").stdout) == []
    assert dump(ws_path) == before


def test_bad_workspace_paths(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    assert_clean_error(cli("-w", str(text), "search", check=False), "not a Briefer workspace")
    assert_clean_error(cli("-w", str(tmp_path / "none.briefer"), "search", check=False), "no such workspace")
    assert_clean_error(cli("search", check=False), "needs a workspace")
    assert_clean_error(cli("-w", str(text), "frobnicate", check=False), "invalid choice")


def test_init_demo_and_json_round_trip(tmp_path: Path) -> None:
    demo = tmp_path / "demo.briefer"
    cli("init", str(demo), "--demo")
    exported = tmp_path / "all.json"
    cli("-w", str(demo), "export", "--json", str(exported))
    copy = tmp_path / "copy.briefer"
    cli("init", str(copy))
    cli("-w", str(copy), "import", "--json", str(exported))
    again = cli("-w", str(copy), "import", "--json", str(exported)).stdout
    assert "added 0 actors, 0 sources, 0 documents, 0 events" in again
    original = json.loads(cli("-w", str(demo), "search", "--json").stdout)
    copied = json.loads(cli("-w", str(copy), "search", "--json").stdout)
    assert copied == original and len(original) >= 15
