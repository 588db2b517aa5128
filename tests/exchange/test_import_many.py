"""Dataset imports of several files at once, bad numbers, a full disk, and the reader
process: one transaction, one report, the workspace untouched on any failure."""

from __future__ import annotations

import csv
import io
import re
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from briefer.core.errors import BrieferError
from briefer.core.model import Actor
from briefer.exchange.formats import choose_formats, expand_inputs, open_reader
from briefer.exchange.importing import run_import
from briefer.store import Workspace

from .helpers import FIXTURES, dump

SMALL = FIXTURES / "acled_small.csv"
HEADER = SMALL.read_text(encoding="utf-8").splitlines()[0].split(",")


def acled_file(path: Path, rows: int, prefix: str = "GEN", fatalities=lambda i: str(i % 5)) -> Path:
    """An ACLED file of `rows` simple rows (ids PREFIX1...)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    for i in range(1, rows + 1):
        values = dict.fromkeys(HEADER, "")
        values.update(event_id_cnty=f"{prefix}{i}", event_date=f"{1 + i % 28:02d} March 2019", year="2019",
                      time_precision="1", event_type="Battles", sub_event_type="Armed clash",
                      actor1=f"Unit {i % 7} Brigade", actor2="Civilians (Eastland)", inter2="7",
                      country="Eastland", location=f"Village {i % 50}", latitude="34.1", longitude="40.2",
                      source="Eastland Monitor", notes=f"Row {i} of a generated file, with words to index.",
                      fatalities=fatalities(i))
        writer.writerow([values[h] for h in HEADER])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def readers(paths: list[Path]) -> list:
    return [open_reader("acled", p) for p in paths]


@pytest.mark.parametrize("value", ["1e400", "9" * 30, "-1e400", "nan", "500000000", "2e8"])
def test_a_count_beyond_what_briefer_keeps_is_a_bad_row_naming_the_bound(workspace: Workspace, tmp_path: Path,
                                                                           value: str) -> None:
    path = acled_file(tmp_path / "big.csv", 5, fatalities=lambda i: value if i == 3 else "1")
    report = run_import(workspace, open_reader("acled", path))
    assert report.committed and report.added["events"] == 4
    assert [(p.line, p.reason[:len("fatalities")]) for p in report.skipped] == [(4, "fatalities")]
    assert value[:10] in report.skipped[0].reason
    assert "100,000,000" in report.skipped[0].reason  # the model's bound, not SQLite's
    assert workspace.find_event_by_external_id("GEN3") is None


def test_several_files_are_one_import_with_one_report_naming_each_file(workspace: Workspace, tmp_path: Path) -> None:
    a = acled_file(tmp_path / "a.csv", 30, "AAA", fatalities=lambda i: "x" if i == 2 else "0")
    b = acled_file(tmp_path / "b.csv", 20, "BBB")
    seen: list[tuple[float, str]] = []
    report = run_import(workspace, readers([a, b]), batch_size=7,
                        progress=lambda f, r: seen.append((f, r.current_file)))
    assert report.committed and report.added["events"] == 49 and report.rows_read == 50
    assert report.files == [str(a), str(b)]
    assert [p.place for p in report.skipped] == ["a.csv, line 3"]
    assert [f for f, _ in seen] == sorted(f for f, _ in seen) and seen[-1][0] == 1.0
    assert {name for _, name in seen[:-1]} == {str(a), str(b)}
    assert max(f for f, name in seen if name == str(a)) <= 0.61  # a.csv is about 60% of the bytes
    assert "a.csv" in report.to_text() and "b.csv" in report.to_text()


def test_a_fatal_error_in_any_file_leaves_the_workspace_as_it_was(workspace: Workspace, tmp_path: Path) -> None:
    good = acled_file(tmp_path / "good.csv", 40)
    broken = tmp_path / "broken.csv"
    broken.write_text("no,acled,header\n1,2,3\n", encoding="utf-8")
    before = dump(workspace.path)
    with pytest.raises(BrieferError, match="broken.csv: not an ACLED file"):
        run_import(workspace, [open_reader("acled", good), open_reader("acled", broken)])
    assert dump(workspace.path) == before


def test_a_folder_is_its_dataset_files_and_the_rest_is_left_out_by_name(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    acled_file(folder / "2019-b.csv", 3)
    acled_file(folder / "2019-A.csv", 3)
    (folder / "README.txt").write_text("What these files are.\n", encoding="utf-8")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n")
    chosen, left_out = choose_formats(expand_inputs([folder]), None, False)
    assert [(p.name, f) for p, f in chosen] == [("2019-A.csv", "acled"), ("2019-b.csv", "acled")]
    assert len(left_out) == 1 and "README.txt" in left_out[0]
    with pytest.raises(BrieferError, match="README.txt: not an ACLED or GDELT file"):
        choose_formats(expand_inputs([folder / "README.txt"]), None, False)


def test_a_full_disk_says_so_and_leaves_the_workspace_as_it_was(workspace: Workspace, tmp_path: Path) -> None:
    """SQLite rolls the transaction back by itself when the disk fills: the import must
    say "disk is full" (not "cannot rollback - no transaction is active")."""
    path = acled_file(tmp_path / "many.csv", 3000)
    before = dump(workspace.path)
    pages = workspace.conn.execute("PRAGMA page_count").fetchone()[0]
    workspace.conn.execute(f"PRAGMA max_page_count = {pages + 40}")  # room for a few batches, not all
    with pytest.raises(BrieferError, match="disk is full") as error:
        run_import(workspace, open_reader("acled", path), batch_size=200)
    assert "rollback" not in str(error.value)
    assert dump(workspace.path) == before
    workspace.conn.execute("PRAGMA max_page_count = 1073741823")
    assert workspace.conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'event_fts_insert'").fetchone()[0]
    assert run_import(workspace, open_reader("acled", path)).added["events"] == 3000


@pytest.fixture
def small_disk(tmp_path: Path):
    """A real 1 MB file system when this process may mount one (root with the
    capability, as on the developers' machine); else a folder whose workspace SQLite
    limits to a few pages more than it has, which fills the same way but earlier."""
    target = tmp_path / "disk"
    target.mkdir()
    mounted = os.geteuid() == 0 and shutil.which("mount") is not None and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(target)], capture_output=True).returncode == 0
    yield target, mounted
    if mounted:
        subprocess.run(["umount", "-l", str(target)], check=False)


def test_a_disk_that_fills_at_commit_says_so_and_leaves_the_workspace_as_it_was(small_disk, tmp_path: Path) -> None:
    folder, mounted = small_disk
    ws = Workspace.create(folder / "small.briefer")
    if not mounted:
        pages = ws.conn.execute("PRAGMA page_count").fetchone()[0]
        ws.conn.execute(f"PRAGMA max_page_count = {pages + 40}")
    data = acled_file(tmp_path / "many.csv", 3000)
    before = dump(ws.path)
    with pytest.raises(BrieferError, match="disk is full") as error:
        run_import(ws, open_reader("acled", data))
    assert "rollback" not in str(error.value)
    ws.close()
    assert dump(folder / "small.briefer") == before


@pytest.mark.parametrize("monadic", [False, True])
def test_the_reader_process_lands_the_same_events_as_reading_in_place(tmp_path: Path, monadic: bool) -> None:
    source = FIXTURES / ("acled_monadic_crlf.csv" if monadic else "acled_small.csv")
    results = []
    for parallel in (False, True):
        ws = Workspace.create(tmp_path / f"{parallel}.briefer")
        report = run_import(ws, open_reader("acled", source), parallel=parallel, batch_size=2)
        events = sorted((e.external_id, e.title, e.when.edtf, e.fatalities,
                         tuple(sorted((ws.get_actor(p.actor_uid).name, p.role.value) for p in e.participants)),
                         tuple(sorted(ws.get_source(c.source_uid).name for c in e.citations)))
                        for e in ws.search_events(limit=100))
        results.append((report.added, report.skipped_count, report.merged, report.warning_count, events))
        ws.close()
    assert results[0] == results[1] and results[0][0]["events"] > 0


def test_a_cancel_stops_the_reader_process_and_changes_nothing(workspace: Workspace, tmp_path: Path) -> None:
    path = acled_file(tmp_path / "many.csv", 3000)
    before = dump(workspace.path)
    calls = []
    report = run_import(workspace, open_reader("acled", path), parallel=True, batch_size=100,
                        cancel=lambda: len(calls) >= 3, progress=lambda f, r: calls.append(f))
    assert report.cancelled and not report.committed and dump(workspace.path) == before


def test_the_foreign_keys_are_checked_again_after_an_import(workspace: Workspace, tmp_path: Path) -> None:
    run_import(workspace, open_reader("acled", acled_file(tmp_path / "a.csv", 5)))
    assert workspace.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert workspace.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    with pytest.raises(sqlite3.IntegrityError):
        workspace.conn.execute("INSERT INTO event_actor(event_id, actor_id, role) VALUES (1, 999, 'target')")


def test_a_file_that_overlaps_the_workspace_adds_only_its_new_events(workspace: Workspace, tmp_path: Path) -> None:
    """Known events in the middle of a batch are left out and the new ones keep one run of ids."""
    run_import(workspace, open_reader("acled", acled_file(tmp_path / "first.csv", 40)))
    lines = acled_file(tmp_path / "more.csv", 60).read_text(encoding="utf-8").splitlines()
    mixed = tmp_path / "mixed.csv"
    mixed.write_text("\n".join([lines[0]] + [lines[i] for i in (45, 3, 50, 7, 55)]) + "\n", encoding="utf-8")
    report = run_import(workspace, open_reader("acled", mixed))
    assert report.added["events"] == 3 and report.unchanged == 2
    ids = [r[0] for r in workspace.conn.execute("SELECT id FROM event ORDER BY id")]
    assert ids == list(range(1, 44))
    assert workspace.find_event_by_external_id("GEN50").place == "Village 0"
    assert workspace.conn.execute("SELECT count(*) FROM citation WHERE event_id > 40").fetchone()[0] == 6
    assert workspace.conn.execute("SELECT count(*) FROM event_actor WHERE event_id > 40").fetchone()[0] == 6
    assert workspace.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_the_rows_an_import_writes_are_the_stores_own_for_the_same_event(shared_data: Path) -> None:
    """The import builds each event's columns without building the `Event`; they must be
    the tuple `EventStore` writes for `Event(**fields)`, and bad fields fail alike."""
    from briefer.core.errors import BrieferError as Invalid
    from briefer.core.model import Event, now_utc
    from briefer.exchange.importing import Row
    from briefer.exchange.prepare import _Rows
    from briefer.exchange.report import ImportReport
    from briefer.store.events import EventStore

    stamp = now_utc()
    build = _Rows(stamp)
    files = [("acled", p) for p in sorted(FIXTURES.glob("acled_*.csv"))] + \
        [("acled", p) for p in sorted((shared_data / "acled").glob("*.csv"))] + \
        [("gdelt", p) for p in sorted((shared_data / "gdelt").glob("gdelt*_events_sample*.tsv"))] + \
        [("timeline", FIXTURES / "small_xml.timeline"), ("timelinejs", FIXTURES / "timelinejs_small.json")]
    compared = 0
    for fmt, path in files:
        for row in open_reader(fmt, path).rows(ImportReport()):
            if not isinstance(row, Row):
                continue
            try:
                event = Event(**row.fields, external_id=row.external_id, created=stamp, updated=stamp, uid="u")
            except Invalid as error:
                with pytest.raises(Invalid, match=re.escape(str(error))):
                    build(row.fields, row.external_id, "u")
                continue
            assert build(row.fields, row.external_id, "u") == EventStore._event_row(event), (path.name, row.line)
            compared += 1
    assert compared > 2000


def _die_loudly(*args: object) -> None:
    """A reader that cannot start: its interpreter prints a traceback and exits."""
    os.write(2, b"Traceback (most recent call last):\n  the reader could not start\n")
    os._exit(3)


def test_a_reader_process_that_cannot_start_leaves_the_import_to_read_in_place_and_says_nothing(
        workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture) -> None:
    from briefer.exchange import prepare

    monkeypatch.setattr(prepare, "_one_os_thread", lambda: True)  # forked, so the child runs the stand-in below
    monkeypatch.setattr(prepare, "_child", _die_loudly)  # dies before it says anything to the parent
    report = run_import(workspace, open_reader("acled", acled_file(tmp_path / "a.csv", 50)), parallel=True)
    assert report.committed and report.added["events"] == 50
    assert "Traceback" not in capfd.readouterr().err  # a user never sees a traceback


def test_an_import_is_one_revision_written_with_its_rows(workspace: Workspace, tmp_path: Path) -> None:
    """Provenance: every event, citation, actor and source the import adds carries the one
    revision of the import (the events are written with it, not stamped again at commit)."""
    workspace.analyst = "Desk"
    before = workspace.max_revision()
    run_import(workspace, open_reader("acled", acled_file(tmp_path / "a.csv", 30)), batch_size=7)
    assert workspace.max_revision() == before + 1
    for table in ("event", "citation", "actor", "source"):
        assert workspace.conn.execute(f"SELECT DISTINCT created_rev, rev FROM {table}").fetchall() == \
            [(before + 1, before + 1)], table
    event = workspace.find_event_by_external_id("GEN3")
    assert workspace.provenance("event", event.uid).created.analyst == "Desk"
    cancelled = run_import(workspace, open_reader("acled", acled_file(tmp_path / "b.csv", 30, "BBB")),
                           cancel=lambda: True)
    assert cancelled.cancelled and workspace.max_revision() == before + 1
    workspace.add_actor(Actor("After"))
    assert workspace.max_revision() == before + 2  # the cancelled import left no revision behind
