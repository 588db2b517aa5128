"""A workspace a user may read but not write (mode 444, or a folder where the WAL cannot be
made): commands that only read work, commands that write say it is read-only, and the file
is left byte for byte as it was.

CI runs as root, who may write anything, so the commands run in a child process that drops
to an unprivileged uid (65534, "nobody") after importing what it needs.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from briefer.demo import create_demo_workspace

NOBODY = 65534

# Runs each command as root on a writable copy first (so every lazy import happens while
# the interpreter's files are still readable), then drops privileges and runs them for real.
_CHILD = r"""
import contextlib, io, json, os, sys
from briefer.cli import main

def run(argv):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except BaseException as error:  # what a user would see as a traceback
            code = f"escaped {type(error).__name__}: {error}"
    return {"code": code, "stdout": out.getvalue(), "stderr": err.getvalue()}

spec = json.loads(sys.argv[1])
for argv in spec["warm"]:
    run(argv)
if os.geteuid() == 0:
    os.setgid(spec["uid"])
    os.setuid(spec["uid"])
print(json.dumps([run(argv) for argv in spec["commands"]]))
"""


@pytest.fixture
def world():
    """A folder every user may enter (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="briefer-ro-"))
    os.chmod(folder, 0o755)
    (folder / "out").mkdir(mode=0o777)
    os.chmod(folder / "out", 0o777)
    (folder / "warm").mkdir()
    yield folder
    os.chmod(folder, 0o755)
    shutil.rmtree(folder)


def _commands(ws: Path, out: Path) -> list[list[str]]:
    return [
        ["-w", str(ws), "add", "event", "Should not be added", "--when", "2019-02-09"],
        ["-w", str(ws), "add", "actor", "Nobody's militia"],
        ["-w", str(ws), "search", "--actor", "SDF", "--json"],
        ["-w", str(ws), "show", "--json", "nothing-such"],
        ["-w", str(ws), "export", "--format", "geojson", str(out / "events.geojson")],
        ["-w", str(ws), "brief", "--template", "period", "--out", str(out / "brief.pdf")],
    ]


def _run_as_nobody(world: Path, ws: Path) -> list[dict]:
    warm_ws = world / "warm" / "warm.briefer"
    create_demo_workspace(warm_ws).close()
    spec = {"uid": NOBODY, "warm": _commands(warm_ws, world / "warm"), "commands": _commands(ws, world / "out")}
    result = subprocess.run([sys.executable, "-c", _CHILD, json.dumps(spec)], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("how", ["file mode 444", "folder without write permission"])
def test_a_read_only_workspace_reads_and_refuses_writes(world: Path, how: str) -> None:
    folder = world / "desk"
    folder.mkdir()
    ws = folder / "shared.briefer"
    create_demo_workspace(ws).close()
    for leftover in (Path(f"{ws}-wal"), Path(f"{ws}-shm")):
        leftover.unlink(missing_ok=True)
    os.chown(ws, NOBODY, -1)
    if how == "file mode 444":
        os.chmod(ws, 0o444)
        os.chmod(folder, 0o777)
    else:
        os.chmod(ws, 0o644)
        os.chmod(folder, 0o555)
    before = ws.read_bytes()

    add_event, add_actor, search, show, export, brief = _run_as_nobody(world, ws)

    for refused in (add_event, add_actor):
        assert refused["code"] == 1, refused
        assert refused["stderr"].startswith("briefer-cli: ") and "read-only" in refused["stderr"]
        assert str(ws) in refused["stderr"] and "Traceback" not in refused["stderr"]
    assert search["code"] == 0 and len(json.loads(search["stdout"])) > 3, search
    assert show["code"] == 1 and "nothing-such" in show["stderr"], show  # a read error, not "read-only"
    assert export["code"] == 0 and (world / "out" / "events.geojson").stat().st_size > 1000, export
    assert brief["code"] == 0, brief
    assert "read-only" in brief["stderr"] and (world / "out" / "brief.pdf").read_bytes().startswith(b"%PDF-")
    assert ws.read_bytes() == before
    os.chmod(folder, 0o755)


_FULL_DISK = r"""
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) like a full disk
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from briefer.cli import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("room", [0, 4096, 65536])
@pytest.mark.parametrize("demo", [False, True], ids=["init", "init --demo"])
def test_init_on_a_full_disk_leaves_no_file(tmp_path: Path, room: int, demo: bool) -> None:
    target = tmp_path / "new.briefer"
    result = subprocess.run([sys.executable, "-c", _FULL_DISK, str(room), "init", str(target), *(["--demo"] * demo)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "disk" in result.stderr and str(target) in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []
