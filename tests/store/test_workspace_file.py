"""Opening, creating and migrating workspace files — and refusing the ones we must not touch."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from briefer.core.model import Actor
from briefer.store import Workspace, WorkspaceError
from briefer.store.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


def test_new_workspace_uses_wal_foreign_keys_and_current_schema(tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "w.briefer") as ws:
        assert ws.schema_version == SCHEMA_VERSION
        assert ws.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert ws.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert ws.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert ws.name == "w"


def test_create_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "w.briefer"
    path.write_text("precious")
    with pytest.raises(WorkspaceError, match="already exists"):
        Workspace.create(path)
    assert path.read_text() == "precious"


@pytest.mark.parametrize(
    "content, message",
    [
        (b"just some text\n" * 20, "not a Briefer workspace"),
        (b"", "not a Briefer workspace"),
    ],
)
def test_a_file_that_is_not_a_workspace_is_refused_and_untouched(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "notes.briefer"
    path.write_bytes(content)
    before = _siblings(path)
    with pytest.raises(WorkspaceError, match=message):
        Workspace.open(path)
    assert path.read_bytes() == content
    assert _siblings(path) == before


def test_another_programs_sqlite_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    digest, before = _digest(path), _siblings(path)
    with pytest.raises(WorkspaceError, match="another program"):
        Workspace.open(path)
    assert _digest(path) == digest and _siblings(path) == before


def test_a_workspace_from_a_newer_briefer_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.briefer"
    Workspace.create(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    digest = _digest(path)
    with pytest.raises(WorkspaceError, match="newer Briefer"):
        Workspace.open(path)
    assert _digest(path) == digest


def test_a_damaged_workspace_gives_a_clear_error(tmp_path: Path, demo_workspace: Workspace) -> None:
    source = demo_workspace.path
    demo_workspace.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(source.read_bytes())
    damaged = tmp_path / "damaged.briefer"
    # keep the header (so it looks like ours) but scribble over the schema page and beyond
    data[100:8192] = b"\xff" * (8192 - 100)
    damaged.write_bytes(bytes(data))
    with pytest.raises(WorkspaceError, match="damaged"):
        ws = Workspace.open(damaged)
        ws.actors()  # pragma: no cover - opening must already fail
    assert damaged.read_bytes() == bytes(data)


def test_a_workspace_another_process_is_writing_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "busy.briefer"
    Workspace.create(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO meta(key, value) VALUES ('x', 'y')")
    try:
        with pytest.raises(WorkspaceError, match="another Briefer is writing"):
            Workspace.open(path)
    finally:
        other.execute("ROLLBACK")
        other.close()
    with Workspace.open(path) as ws:  # and once it is done, it opens
        assert ws.meta("x") == ""


def test_missing_file_and_folder_errors_name_the_path(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="no such workspace file"):
        Workspace.open(tmp_path / "nope.briefer")
    with pytest.raises(WorkspaceError, match="is a folder"):
        Workspace.open(tmp_path)


def test_an_old_workspace_is_backed_up_then_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.briefer"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("BEGIN")
    MIGRATIONS[0](conn)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("INSERT INTO meta(key, value) VALUES ('name', 'old')")
    conn.execute("COMMIT")
    conn.close()
    with Workspace.open(path) as ws:
        assert ws.schema_version == SCHEMA_VERSION
        ws.save_view("kept", ws_filter := __import__("briefer.core.filter", fromlist=["EventFilter"]).EventFilter())
        assert ws.views() == {"kept": ws_filter}
    backup = tmp_path / "old.briefer.v1.bak"
    assert backup.exists()
    check = sqlite3.connect(backup)
    assert check.execute("PRAGMA user_version").fetchone()[0] == 1
    check.close()


def test_a_failed_write_leaves_the_workspace_as_it_was(workspace: Workspace) -> None:
    workspace.add_actor(Actor("Islamic State", aliases=("Daesh",)))
    with pytest.raises(WorkspaceError):
        workspace.add_actor(Actor("Someone else", aliases=("Fine alias", "DAESH")))
    assert [a.name for a in workspace.actors()] == ["Islamic State"]
    assert workspace.find_actor("Fine alias") is None


def test_save_a_copy_writes_a_workspace_that_opens(tmp_path: Path, demo_workspace: Workspace) -> None:
    copy = demo_workspace.save_copy(tmp_path / "copy.briefer")
    with Workspace.open(copy) as ws:
        assert ws.event_count() == demo_workspace.event_count()


def test_a_version_3_workspace_keeps_finding_an_actor_s_events_by_date(tmp_path: Path) -> None:
    """Version 4 copies each event's bounds onto its actor links; a file written before
    must get them on opening, or "this actor in this period" would silently find nothing."""
    from briefer.core.filter import EventFilter
    from briefer.core.when import When

    path = tmp_path / "v3.briefer"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    for migrate in MIGRATIONS[:3]:
        migrate(conn)
    conn.execute("PRAGMA user_version = 3")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("INSERT INTO actor(id, uid, name, kind) VALUES (1, 'a-1', 'Syrian Democratic Forces', 'armed_group')")
    when = When.parse("2019-02-09")
    conn.execute("INSERT INTO event(id, uid, title, when_edtf, earliest, latest, precision, flags, created, updated) "
                 "VALUES (1, 'e-1', 'SDF pause the offensive', ?, ?, ?, 3, 0, '2019-02-10', '2019-02-10')",
                 (when.edtf, when.earliest_ts, when.latest_ts))
    conn.execute("INSERT INTO event_actor(event_id, actor_id, role, position) VALUES (1, 1, 'initiator', 0)")
    conn.execute("INSERT INTO event_span(id, lo, hi) VALUES (1, ?, ?)", (when.earliest_ts // 86400, when.latest_ts // 86400))
    conn.execute("COMMIT")
    conn.close()
    with Workspace.open(path) as ws:
        assert ws.schema_version == SCHEMA_VERSION
        in_feb = EventFilter(actors=("a-1",), start=When.parse("2019-02"), end=When.parse("2019-02"))
        assert [e.uid for e in ws.search_events(in_feb)] == ["e-1"]
        assert ws.count_events(in_feb) == 1
        assert ws.count_events(EventFilter(actors=("a-1",), start=When.parse("2019-03"))) == 0
