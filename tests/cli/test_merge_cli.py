"""`briefer-cli merge`, `copy`, `peers`, `conflicts` and `export --changes-for` as a desk
chief runs them every evening: exit 3 while conflicts are open, one-line refusals."""

from __future__ import annotations

import json
from pathlib import Path

from .helpers import assert_clean_error, cli, dump


def _desk(tmp_path: Path) -> tuple[str, str, str]:
    desk, laptop = str(tmp_path / "desk.briefer"), str(tmp_path / "laptop.briefer")
    cli("init", desk)
    cli("-w", desk, "add", "actor", "Islamic State", "--alias", "Daesh")
    cli("-w", desk, "add", "source", "Reuters", "--reliability", "B")
    uid = cli("-w", desk, "add", "event", "Baghouz assault", "--when", "2019-02-09", "--actor", "Daesh",
              "--source", "Reuters:2").stdout.strip()
    assert "merge it back" in cli("-w", desk, "copy", laptop).stdout
    return desk, laptop, uid


def test_merge_reports_and_exits_3_while_conflicts_are_open(tmp_path: Path) -> None:
    desk, laptop, uid = _desk(tmp_path)
    cli("-w", laptop, "add", "event", "Civilians leave", "--when", "2019-02-10")
    for path, place in ((desk, "Baghouz"), (laptop, "Hajin")):
        _edit_place(path, uid, place)
    result = cli("-w", desk, "merge", laptop, "--json", check=False)
    assert result.returncode == 3, result.stderr
    report = json.loads(result.stdout)
    assert report["added"]["event"] == 1 and report["open_conflicts"] == 1
    assert report["conflicts"][0]["field"] == "place"
    listed = cli("-w", desk, "conflicts", check=False)
    assert listed.returncode == 3 and "place" in listed.stdout
    assert cli("-w", desk, "conflicts", "--resolve", "theirs").returncode == 0
    assert json.loads(cli("-w", desk, "show", uid, "--json").stdout)["place"] == "Hajin"
    again = cli("-w", desk, "merge", laptop)
    assert "nothing new" in again.stdout


def _edit_place(workspace: str, uid: str, place: str) -> None:
    """Change an event's place through the store (the CLI has no edit command)."""
    from dataclasses import replace

    from briefer.store import Workspace

    with Workspace.open(workspace) as ws:
        ws.update_event(replace(ws.get_event(uid), place=place))


def test_a_change_package_goes_by_sneakernet(tmp_path: Path) -> None:
    desk, laptop, _ = _desk(tmp_path)
    cli("-w", laptop, "add", "event", "Civilians leave", "--when", "2019-02-10")
    desk_id = json.loads(cli("-w", desk, "peers", "--json").stdout)["workspace"]
    package = tmp_path / "for-desk.briefer-changes"
    out = cli("-w", laptop, "export", "--changes-for", desk_id, "--out", str(package)).stdout
    assert "1 events" in out
    merged = cli("-w", desk, "merge", str(package))
    assert "added 1 event" in merged.stdout and "1 events" not in merged.stdout
    second = tmp_path / "second.briefer-changes"
    assert "no changes" in cli("-w", laptop, "export", "--changes-for", "desk", "--out", str(second)).stdout


def test_refusals_are_one_line_and_change_nothing(tmp_path: Path) -> None:
    desk, laptop, _ = _desk(tmp_path)
    before = dump(Path(desk))
    assert_clean_error(cli("-w", desk, "merge", desk, check=False), "this workspace itself")
    broken = tmp_path / "broken.briefer-changes"
    broken.write_bytes(b"PK\x03\x04garbage")
    assert_clean_error(cli("-w", desk, "merge", str(broken), check=False), "broken.briefer-changes")
    assert_clean_error(cli("-w", desk, "merge", str(tmp_path / "missing.briefer"), check=False), "no such file")
    assert_clean_error(cli("-w", desk, "export", "--changes-for", "nobody", "--out", str(tmp_path / "x"),
                           check=False), "no peer 'nobody'")
    assert dump(Path(desk)) == before


def test_peers_says_how_many_versions_are_kept_and_forget_lets_them_go(tmp_path: Path) -> None:
    desk, laptop, uid = _desk(tmp_path)
    for place in ("Baghouz", "Hajin"):
        _edit_place(desk, uid, place)
    listed = cli("-w", desk, "peers").stdout
    assert "2 earlier versions kept for three-way merges" in listed and "laptop has ours only up to there" in listed
    pruned = json.loads(cli("-w", desk, "peers", "--prune", "--json").stdout)
    assert pruned["history"] == {"kept": 2, "pruned": 0, "since": pruned["peers"][0]["acked"],
                                 "held_by": pruned["peers"][0]["workspace"]}
    assert_clean_error(cli("-w", desk, "peers", "--forget", "nobody", check=False), "no peer 'nobody'")
    forgot = cli("-w", desk, "peers", "--forget", "laptop", "--prune").stdout
    assert "forgot laptop" in forgot and "pruned 2 earlier versions" in forgot and "no exchanges yet" in forgot
