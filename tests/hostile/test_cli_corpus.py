"""Every row of the hostile-input corpus through `briefer-cli`: no traceback, one line
naming the problem, the right exit code, and the workspace byte for byte as it was.

The commands run in this process (the corpus is large; a subprocess each would take
minutes); an exception escaping `main` is what a user would see as a traceback, and a
command still running after HANG_SECONDS fails the row (a pipe read forever, a loop).
"""

from __future__ import annotations

import json
import shutil
import signal
from contextlib import contextmanager
from pathlib import Path

import pytest

from briefer.cli import main

from .corpus import CLI_CASES, FIXTURES, Case, make_files

HANG_SECONDS = 60


class Hung(Exception):
    pass


@contextmanager
def answers_in_time(seconds: int):
    def alarm(_signum, _frame):
        raise Hung(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from briefer.demo import create_demo_workspace
    from briefer.exchange.json_format import export_json
    from briefer.store import Workspace

    root = tmp_path_factory.mktemp("hostile")
    demo = root / "template.briefer"
    create_demo_workspace(demo).close()
    Workspace.create(root / "empty.briefer").close()
    files = root / "files"
    files.mkdir()

    with Workspace.open(demo) as ws:
        export_json(ws, root / "demo.json")
    make_files(files, demo, json.loads((root / "demo.json").read_text(encoding="utf-8")))
    return {"demo": demo, "empty": root / "empty.briefer", "files": files}


def run_cli(argv: list[str], capsys: pytest.CaptureFixture) -> tuple[int, str, str]:
    with answers_in_time(HANG_SECONDS):
        try:
            code = main(argv)
        except SystemExit as exit_:  # argparse's usage errors
            code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("case", CLI_CASES, ids=[c.id for c in CLI_CASES])
def test_hostile_command_line(case: Case, hostile: dict[str, Path], tmp_path: Path,
                              capsys: pytest.CaptureFixture) -> None:
    ws = tmp_path / "ws.briefer"
    shutil.copyfile(hostile["empty" if case.empty else "demo"], ws)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    names = {"ws": str(ws), "f": str(hostile["files"]), "t": str(scratch), "acled": str(FIXTURES / "acled_small.csv")}
    argv = [part.format(**names) for part in case.argv]
    before = ws.read_bytes()

    code, out, err = run_cli(argv, capsys)

    assert "Traceback" not in err + out
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("briefer-cli: ")
    assert case.says in lines[0], lines[0]
    assert code == case.code, (code, err)
    if case.unchanged:
        assert ws.read_bytes() == before
        assert not Path(f"{ws}-wal").exists() or Path(f"{ws}-wal").stat().st_size == 0
    assert [p.name for p in scratch.iterdir()] == []  # nothing written, not even a temporary file
