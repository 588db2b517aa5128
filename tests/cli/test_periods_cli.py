"""`briefer-cli add period`: the same edit the window makes, from a script."""

from __future__ import annotations

from pathlib import Path

from briefer.store import Workspace

from .helpers import assert_clean_error, cli


def test_add_a_period_from_the_command_line(tmp_path: Path) -> None:
    path = str(tmp_path / "w.briefer")
    cli("init", path)
    uid = cli("-w", path, "add", "period", "Battle of Baghouz", "--when", "9 Feb - 23 Mar 2019").stdout.strip()
    with Workspace.open(path) as ws:
        (period,) = ws.periods()
        assert (period.uid, period.name, period.when.edtf) == (uid, "Battle of Baghouz", "2019-02-09/2019-03-23")
    assert_clean_error(cli("-w", path, "add", "period", "Since", "--when", "since 2014", check=False), "both ends")
    with Workspace.open(path) as ws:
        assert len(ws.periods()) == 1  # the refused one left nothing behind
