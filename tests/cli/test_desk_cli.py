"""A desk on a real PostgreSQL server, from the command line: the same session as with a
file, and clear one-line refusals for what cannot be done."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefer.store.pg.schema import SCHEMA_VERSION as DESK_VERSION

from .helpers import assert_clean_error, cli

@pytest.fixture
def desk(pg_server):
    url = pg_server.new_database()
    yield url
    pg_server.drop(url)


def test_a_desk_session_from_the_command_line(desk: str, tmp_path: Path) -> None:
    created = cli("desk", "init", desk)
    assert "created the Briefer desk" in created.stdout and f"schema version {DESK_VERSION}" in created.stdout
    w = ["-w", desk]
    cli(*w, "add", "actor", "Islamic State", "--kind", "armed_group", "--alias", "ISIS", "--alias", "Dāesh")
    cli(*w, "add", "actor", "Syrian Democratic Forces", "--kind", "armed_group", "--alias", "SDF")
    cli(*w, "add", "source", "Reuters", "--kind", "news_agency", "--reliability", "B")
    uid = cli(*w, "add", "event", "SDF pauses offensive on Baghouz", "--when", "2019-02-09", "--place", "Al-Bāghūz",
              "--actor", "SDF:initiator", "--actor", "daesh:target", "--source", "Reuters:2",
              "--quote", "civilians are coming out daily", "--tag", "offensive", "--type", "Battles").stdout.strip()
    cli(*w, "add", "event", "Priest reported killed", "--when", "c. 2013")

    found = json.loads(cli(*w, "search", "--actor", "isis", "--json").stdout)
    assert [e["uid"] for e in found] == [uid]
    assert found[0]["actors"] == ["Syrian Democratic Forces", "Islamic State"]
    everything = json.loads(cli(*w, "search", "--json").stdout)
    assert [e["label"] for e in everything] == ["c. 2013", "9 Feb 2019"]
    # accents and case ignored, prefixes and phrases, as in a file's search
    for text in ("baghuz", "BAGHŪZ", "offens*", '"pauses offensive"'):
        assert [e["uid"] for e in json.loads(cli(*w, "search", "--json", "--text", text).stdout)] == [uid], text
    assert json.loads(cli(*w, "search", "--json", "--text", '"offensive pauses"').stdout) == []
    assert json.loads(cli(*w, "search", "--json", "--from", "2019", "--min-reliability", "B",
                          "--type", "Battles", "--tag", "offensive").stdout)[0]["uid"] == uid
    assert cli(*w, "search", "--actor", "SDF").stderr.strip() == "1 of 2 events match"

    shown = json.loads(cli(*w, "show", uid, "--json").stdout)
    assert shown["citations"][0]["quote"] == "civilians are coming out daily"
    assert shown["provenance"]["created"]["by"] and shown["provenance"]["created"]["at"].endswith("Z")

    exported = tmp_path / "out.json"
    cli(*w, "export", "--json", str(exported))
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert {e["title"] for e in data["events"]} == {"SDF pauses offensive on Baghouz", "Priest reported killed"}
    # the export imports into a file workspace with nothing lost
    copy = tmp_path / "copy.briefer"
    cli("init", str(copy))
    cli("-w", str(copy), "import", "--json", str(exported))
    assert [e["uid"] for e in json.loads(cli("-w", str(copy), "search", "--json", "--text", "baghuz").stdout)] == [uid]

    pdf = tmp_path / "brief.pdf"
    cli(*w, "brief", "--template", "period", "--from", "2019", "--out", str(pdf), "--no-bluf")
    assert pdf.read_bytes().startswith(b"%PDF")

    info = json.loads(cli("desk", "info", desk, "--json").stdout)
    assert (info["events"], info["actors"], info["sources"], info["schema_version"]) == (2, 2, 1, DESK_VERSION)


def test_desk_refusals_are_one_clear_line(desk: str, pg_server) -> None:
    assert_clean_error(cli("-w", desk, "search", check=False), "not a Briefer desk")
    cli("desk", "init", desk)
    assert_clean_error(cli("desk", "init", desk, check=False), "already holds a Briefer desk")
    missing = pg_server.url("no_such_database")
    assert_clean_error(cli("-w", missing, "search", check=False), "cannot connect")
    assert_clean_error(cli("desk", "init", "/tmp/not-a-url", check=False), "not a desk address")
    # a password in the address is never echoed back
    secret = desk.replace("postgresql:///", "postgresql://someone:hunter2@/").replace("user=briefer_test&", "")
    result = cli("-w", secret.replace("t_", "nodb_"), "search", check=False)
    assert result.returncode != 0 and "hunter2" not in result.stderr and "Traceback" not in result.stderr


def test_a_password_in_the_address_is_never_kept(desk: str) -> None:
    from briefer.store import Workspace

    cli("desk", "init", desk)
    with Workspace.open(desk.replace("postgresql:///", "postgresql://briefer_test:hunter2@/")) as ws:
        assert "hunter2" not in str(ws.path) and "hunter2" not in ws.path.shown()
        assert ws.event_count() == 0


def test_a_reader_reads_and_is_told_the_desk_is_read_only(desk: str, pg_server) -> None:
    import uuid

    import psycopg

    cli("desk", "init", desk)
    cli("-w", desk, "add", "actor", "Syrian Democratic Forces", "--alias", "SDF")
    cli("desk", "roles", desk)
    names = {level: f"analyst_{level}_{uuid.uuid4().hex[:6]}" for level in ("reader", "editor")}
    with psycopg.connect(pg_server.url("postgres"), autocommit=True) as conn:
        for login in names.values():
            conn.execute(f'CREATE ROLE "{login}" LOGIN')
    for level, login in names.items():
        assert f"{login} is now" in cli("desk", "grant", desk, login, level).stdout
    reader = desk.replace("user=briefer_test", f"user={names['reader']}")
    editor = desk.replace("user=briefer_test", f"user={names['editor']}")
    assert json.loads(cli("desk", "info", reader, "--json").stdout)["access"] == "reader"
    assert json.loads(cli("desk", "info", editor, "--json").stdout)["access"] == "editor"
    assert json.loads(cli("desk", "info", desk, "--json").stdout)["access"] == "admin"
    assert cli("-w", reader, "search", "--actor", "SDF").stderr.strip() == "0 of 0 events match"
    assert_clean_error(cli("-w", reader, "add", "event", "Raid", "--when", "2019", check=False),
                       "your role may only read this desk")
    cli("-w", editor, "add", "event", "Raid", "--when", "2019", "--actor", "SDF")
    assert cli("-w", reader, "search", "--actor", "SDF").stderr.strip() == "1 of 1 events match"
    # an editor may not hand out roles; a name is an identifier, never SQL
    assert_clean_error(cli("desk", "grant", editor, names["reader"], "admin", check=False), "administrator")
    assert_clean_error(cli("desk", "grant", desk, 'x"; DROP TABLE event; --', "reader", check=False),
                       "has no role")
    assert json.loads(cli("desk", "info", desk, "--json").stdout)["events"] == 1


def test_a_part_of_a_desk_copied_to_a_laptop_merges_back(desk: str, tmp_path: Path) -> None:
    cli("desk", "init", desk)
    w = ["-w", desk]
    cli(*w, "add", "actor", "Syrian Democratic Forces", "--alias", "SDF")
    hajin = cli(*w, "add", "event", "Shelling of Hajin", "--when", "2019-02-09", "--actor", "SDF").stdout.strip()
    cli(*w, "add", "event", "Talks in Raqqa", "--when", "2019-03")
    laptop = str(tmp_path / "laptop.briefer")
    copied = cli(*w, "copy", laptop, "--actor", "SDF")
    assert "copied 1 of 2 events" in copied.stdout and f"-w {desk} merge {laptop}" in copied.stdout
    assert [e["uid"] for e in json.loads(cli("-w", laptop, "search", "--json").stdout)] == [hajin]
    from dataclasses import replace

    from briefer.store import Workspace
    for where, change in ((laptop, {"place": "Hajin"}), (desk, {"summary": "shells fell at dawn"})):
        with Workspace.open(where) as ws:  # the CLI has no edit command: the window's edit
            ws.update_event(replace(ws.get_event(hajin), **change))
    merged = cli(*w, "merge", laptop)
    assert merged.returncode == 0
    shown = json.loads(cli(*w, "show", hajin, "--json").stdout)
    assert (shown["place"], shown["summary"]) == ("Hajin", "shells fell at dawn")
    assert len(json.loads(cli(*w, "search", "--json").stdout)) == 2
    assert_clean_error(cli(*w, "copy", laptop, check=False), "already exists")
