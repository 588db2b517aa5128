"""No output destroys a workspace or an input, and no write follows a planted symlink.

Each of these wrote over the workspace, an input or a symlink's target (exit 0) before
the shared safe writer (`briefer.core.files`).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from briefer.core.errors import BrieferError
from briefer.core.files import TEMP_SUFFIX, OutputRefused, check_output, clean_leftovers, output, write_text

from .helpers import assert_clean_error, cli

FIXTURES = Path(__file__).resolve().parents[1] / "exchange" / "fixtures"
ACLED = FIXTURES / "acled_small.csv"


@pytest.fixture
def ws_path(tmp_path: Path) -> Path:
    path = tmp_path / "x.briefer"
    cli("init", str(path), "--demo")
    return path


def _bytes(path: Path) -> bytes:
    return path.read_bytes()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((TEMP_SUFFIX, ".part")))


@pytest.mark.parametrize("output_args", [
    ("export", "--json", "{ws}"),
    ("export", "--format", "geojson", "{ws}"),
    ("export", "--json", "{ws}-wal"),
    ("export", "--json", "{ws}-shm"),
    ("export", "--json", "{ws}.v3.bak"),
    ("export", "--json", "{link}"),
    ("export", "--json", "{hardlink}"),
    ("import", str(ACLED), "--report", "{ws}"),
    ("import", str(ACLED), "--report", "{ws}-wal"),
    ("import", str(ACLED), "--report", "{link}"),
    ("brief", "--template", "period", "--out", "{ws}"),
    ("brief", "--template", "period", "--out", "{link}"),
], ids=lambda a: " ".join(a).replace(str(ACLED), "acled.csv"))
def test_no_output_may_be_the_workspace_or_its_companions(ws_path: Path, tmp_path: Path,
                                                           output_args: tuple[str, ...]) -> None:
    (tmp_path / "link.pdf").symlink_to(ws_path)
    os.link(ws_path, tmp_path / "hard.json")
    names = {"ws": str(ws_path), "link": str(tmp_path / "link.pdf"), "hardlink": str(tmp_path / "hard.json")}
    args = [a.format(**names) for a in output_args]
    before = _bytes(ws_path)
    result = cli("-w", str(ws_path), *args, check=False)
    assert_clean_error(result, "choose another file name")
    assert result.returncode == 1
    assert _bytes(ws_path) == before
    assert str(Path(args[-1]).name) in result.stderr
    assert _leftovers(tmp_path) == []


def test_an_output_may_not_be_an_input_of_the_same_command(ws_path: Path, tmp_path: Path) -> None:
    data = tmp_path / "events.csv"
    data.write_bytes(ACLED.read_bytes())
    before_ws, before_data = _bytes(ws_path), _bytes(data)
    result = cli("-w", str(ws_path), "import", "--format", "acled", str(data), "--report", str(data), check=False)
    assert_clean_error(result, "is also an input of this command")
    assert (_bytes(ws_path), _bytes(data)) == (before_ws, before_data)  # refused before importing anything

    bluf = tmp_path / "bluf.pdf"
    bluf.write_text("- the pocket holds\n", encoding="utf-8")
    result = cli("-w", str(ws_path), "brief", "--template", "period", "--bluf-file", str(bluf), "--out", str(bluf),
                 check=False)
    assert_clean_error(result, "is also an input of this command")
    assert bluf.read_text(encoding="utf-8") == "- the pocket holds\n"


@pytest.mark.parametrize("command", [
    ("export", "--json", "{out}"),
    ("export", "--format", "geojson", "{out}"),
    ("brief", "--template", "period", "--out", "{out}"),
], ids=lambda a: a[0] + " " + a[-2])
def test_a_planted_part_file_symlink_is_never_followed(ws_path: Path, tmp_path: Path,
                                                        command: tuple[str, ...]) -> None:
    victim = tmp_path / "v.txt"
    victim.write_text("precious\n", encoding="utf-8")
    out = tmp_path / ("out.pdf" if command[0] == "brief" else "out.json")
    (tmp_path / (out.name + ".part")).symlink_to(victim)
    cli("-w", str(ws_path), *[a.format(out=out) for a in command])
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert out.is_file() and not out.is_symlink() and out.stat().st_size > 100
    assert _leftovers(tmp_path) == ["out.json.part" if command[0] != "brief" else "out.pdf.part"]  # only the plant


def test_a_symlinked_report_is_replaced_not_followed(ws_path: Path, tmp_path: Path) -> None:
    victim = tmp_path / "v.txt"
    victim.write_text("precious\n", encoding="utf-8")
    report = tmp_path / "report.txt"
    report.symlink_to(victim)
    cli("-w", str(ws_path), "import", "--format", "acled", str(ACLED), "--report", str(report))
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert not report.is_symlink() and "Briefer import report" in report.read_text(encoding="utf-8")


def test_save_a_copy_refuses_the_workspace_and_its_companions(demo_workspace, tmp_path: Path) -> None:
    path = demo_workspace.path
    for target in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), path.with_name(path.name + ".v2.bak")):
        with pytest.raises(OutputRefused, match="choose another file name"):
            demo_workspace.save_copy(target)
    victim = tmp_path / "v.txt"
    victim.write_text("precious\n", encoding="utf-8")
    (tmp_path / "copy.briefer").symlink_to(victim)
    demo_workspace.save_copy(tmp_path / "copy.briefer")
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert (tmp_path / "copy.briefer").read_bytes().startswith(b"SQLite format 3")


def test_the_gui_export_code_refuses_the_open_workspace(demo_workspace) -> None:
    from briefer.exchange.json_format import export_json

    before = demo_workspace.path.read_bytes()
    with pytest.raises(BrieferError, match="is the open workspace"):
        export_json(demo_workspace, demo_workspace.path)
    assert demo_workspace.path.read_bytes() == before


def test_a_workspace_closed_is_no_longer_protected(tmp_path: Path) -> None:
    from briefer.store import Workspace

    path = tmp_path / "w.briefer"
    Workspace.create(path).close()
    check_output(tmp_path / "other.json")
    with Workspace.open(path):
        with pytest.raises(OutputRefused):
            check_output(path)
    check_output(path)  # closed: a user may overwrite their own file on purpose


def test_a_failed_write_leaves_the_target_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("older\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with output(target) as handle:
            handle.write("half")
            raise RuntimeError("cancelled")
    assert target.read_text(encoding="utf-8") == "older\n" and _leftovers(tmp_path) == []


_KILLED_WRITER = """
import sys
from briefer.core.files import output
with output(sys.argv[1]) as handle:
    handle.write("half of it")
    handle.flush()
    print("writing", flush=True)
    sys.stdin.read()  # killed here, mid-write
"""


def test_a_kill_during_the_write_leaves_the_target_and_the_next_run_cleans_up(tmp_path: Path) -> None:
    target = tmp_path / "brief.txt"
    target.write_text("yesterday\n", encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-c", _KILLED_WRITER, str(target)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline() == "writing\n"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=60)
    child.stdin.close()
    child.stdout.close()
    assert target.read_text(encoding="utf-8") == "yesterday\n"
    stray = [p for p in tmp_path.iterdir() if p.name.endswith(TEMP_SUFFIX)]
    assert len(stray) == 1 and stray[0].name.startswith(".brief.txt.")  # hidden, never a fixed `.part`
    write_text(target, "today\n")
    assert target.read_text(encoding="utf-8") == "today\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.txt"]


def test_sigterm_during_a_cli_write_removes_the_temporary_file(tmp_path: Path) -> None:
    script = ("import sys, os, signal\n"
              "from briefer.core.files import output\n"
              "from briefer.cli import _terminate\n"
              "signal.signal(signal.SIGTERM, _terminate)\n"
              "with output(sys.argv[1]) as handle:\n"
              "    handle.write('half')\n"
              "    print('writing', flush=True)\n"
              "    sys.stdin.read()\n")
    target = tmp_path / "out.json"
    child = subprocess.Popen([sys.executable, "-c", script, str(target)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline() == "writing\n"
    child.send_signal(signal.SIGTERM)
    assert child.wait(timeout=60) == 128 + signal.SIGTERM
    child.stdin.close()
    child.stdout.close()
    assert list(tmp_path.iterdir()) == []


def test_leftovers_of_a_live_process_or_a_link_are_not_touched(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    live = tmp_path / f".out.json.{os.getppid()}.abc{TEMP_SUFFIX}"
    live.write_text("another Briefer is writing this", encoding="utf-8")
    victim = tmp_path / "v.txt"
    victim.write_text("precious", encoding="utf-8")
    link = tmp_path / f".out.json.999999999.abc{TEMP_SUFFIX}"
    link.symlink_to(victim)
    assert clean_leftovers(target) == 0
    assert live.exists() and link.is_symlink() and victim.read_text(encoding="utf-8") == "precious"
