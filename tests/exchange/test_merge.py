"""Merging two analysts' workspaces: three-way by UUID, conflicts, deletions, duplicates,
provenance, change packages and the inputs that must be refused."""

from __future__ import annotations

import sqlite3
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from briefer.core.model import Actor, Citation, Event, Source
from briefer.core.when import When
from briefer.exchange.changes import changes_since, write_package
from briefer.exchange.conflicts import decide_conflicts, decide_proposal, resolve_conflicts, undo_decision
from briefer.exchange.json_format import ExchangeError, export_json
from briefer.exchange.merge import merge_path, undo_merge
from briefer.store import Workspace, WorkspaceError
from briefer.store.provenance_schema import provenance_migration
from briefer.store.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

from .helpers import dump
from .merge_helpers import content, pair, seeded


def edit(ws: Workspace, uid: str, **changes) -> None:
    ws.update_event(replace(ws.get_event(uid), **changes))


def test_provenance_says_who_when_and_where(tmp_path: Path) -> None:
    ws = seeded(tmp_path / "w.briefer")
    ws.analyst = "Amal"
    edit(ws, "event-0", summary="The SDF announce the final assault.")
    prov = ws.provenance("event", "event-0")
    assert prov.created.analyst == "Desk" and prov.modified.analyst == "Amal"
    assert prov.created.workspace == prov.modified.workspace == ws.workspace_id
    assert prov.modified.at >= prov.created.at
    assert ws.provenance("actor", "actor-is").created.analyst == "Desk"
    assert ws.provenance("source", "source-sohr").modified.analyst == "Desk"
    assert set(ws.citation_provenance("event-0")) == {"cite-0"}
    ws.close()


def _older(path: Path, actor_uid: str) -> Path:
    """A workspace of the format before provenance, holding one actor."""
    conn = sqlite3.connect(path, isolation_level=None)
    before = MIGRATIONS.index(provenance_migration)  # a workspace from before provenance (later ones may follow it)
    for migration in MIGRATIONS[:before]:
        migration(conn)
    conn.execute(f"PRAGMA user_version = {before}")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("INSERT INTO meta VALUES ('name', 'old')")
    conn.execute("INSERT INTO actor(uid, name, kind) VALUES (?, 'Old actor', 'other')", (actor_uid,))
    conn.close()
    return path


def test_an_older_workspace_gets_provenance_and_an_id_when_migrated(tmp_path: Path) -> None:
    path = _older(tmp_path / "old.briefer", "a1")
    with Workspace.open(path) as ws:
        assert ws.workspace_id
        prov = ws.provenance("actor", "a1")
        assert prov.created is not None and prov.created.analyst == ""
        ws.add_actor(Actor("New actor", uid="a2"))
        assert ws.provenance("actor", "a2").created.workspace == ws.workspace_id


def test_edits_of_different_fields_combine_and_the_same_field_is_a_conflict(tmp_path: Path) -> None:
    a, b = pair(tmp_path)
    edit(a, "event-0", title="Assault on Baghouz begins at dawn")
    edit(b, "event-0", place="Baghouz al-Fawqani")
    edit(a, "event-1", summary="Amal's summary")
    edit(b, "event-1", summary="Bashir's summary")
    report = merge_path(a, b.path)
    merged = a.get_event("event-0")
    assert (merged.title, merged.place) == ("Assault on Baghouz begins at dawn", "Baghouz al-Fawqani")
    assert [(c["uid"], c["field"], c["mine"], c["theirs"]) for c in report.open_conflicts] == [
        ("event-1", "summary", "Amal's summary", "Bashir's summary")]
    assert report.open_conflicts[0]["theirs_by"][1] == "Bashir"
    assert a.get_event("event-1").summary == "Amal's summary"  # mine stays until decided
    assert "updated 1 event," in report.summary() and "1 conflict" in report.summary()
    assert a.open_conflict_count() == 1
    assert resolve_conflicts(a, "theirs") == 1
    assert a.get_event("event-1").summary == "Bashir's summary" and a.open_conflict_count() == 0
    merge_path(b, a.path)
    assert content(a) == content(b)
    assert not merge_path(a, b.path).changed and not merge_path(b, a.path).changed


def test_an_edit_on_one_side_wins_over_the_unchanged_other_side_and_keeps_its_author(tmp_path: Path) -> None:
    a, b = pair(tmp_path)
    edit(b, "event-2", title="Baghouz falls")
    report = merge_path(a, b.path)
    assert a.get_event("event-2").title == "Baghouz falls" and not report.conflicts
    prov = a.provenance("event", "event-2")
    assert prov.modified.analyst == "Bashir" and prov.modified.workspace == b.workspace_id
    assert prov.created.analyst == "Desk"


def test_deletions_travel_and_a_deleted_record_changed_elsewhere_is_a_conflict(tmp_path: Path) -> None:
    a, b = pair(tmp_path)
    b.delete_event("event-2")
    b.delete_event("event-1")
    edit(a, "event-1", notes="Amal still needs this one")
    report = merge_path(a, b.path)
    assert a.all_uids("event").count("event-2") == 0 and report.deleted["event"] == 1
    assert [(c["uid"], c["field"]) for c in report.open_conflicts] == [("event-1", "(deleted)")]
    assert "event-1" in a.all_uids("event")
    resolve_conflicts(a, "mine")
    merge_path(b, a.path)
    assert content(a) == content(b) and "event-1" in b.all_uids("event")


def test_new_records_come_across_with_their_links(tmp_path: Path) -> None:
    a, b = pair(tmp_path)
    b.add_source(Source("Rudaw", reliability="C", uid="source-rudaw"))
    b.add_actor(Actor("Mustafa Bali", member_of="actor-sdf", uid="actor-bali"))
    b.add_event(Event("Bali: the battle is over", When.parse("2019-03-23"),
                      citations=(Citation("source-rudaw", 2, "", uid="cite-new"),), uid="event-new"))
    report = merge_path(a, b.path)
    assert report.added == {"actor": 1, "source": 1, "document": 0, "event": 1, "view": 0, "period": 0}
    assert a.get_actor("actor-bali").member_of == "actor-sdf"
    assert a.get_event("event-new").citations[0].source_uid == "source-rudaw"
    assert report.summary().startswith("added 1 event")


def test_the_same_actor_made_twice_is_proposed_for_merging_not_merged(tmp_path: Path) -> None:
    a, b = pair(tmp_path)
    a.add_actor(Actor("Kurdish Red Crescent", aliases=("Heyva Sor",), uid="krc-a"))
    b.add_actor(Actor("Heyva Sor a Kurd", aliases=("Kurdish Red Crescent",), uid="krc-b"))
    b.add_source(Source("Reuters Arabic", url="https://reuters.example", uid="reuters-b"))
    report = merge_path(a, b.path)
    assert {(p["kind"], p["mine"], p["theirs"]) for p in report.proposals} == {
        ("actor", "krc-a", "krc-b"), ("source", "source-reuters", "reuters-b")}
    assert a.get_actor("krc-b").name == "Heyva Sor a Kurd" and a.get_actor("krc-a").aliases == ("Heyva Sor",)
    decide_proposal(a, next(p["id"] for p in report.proposals if p["kind"] == "actor"), merge=True)
    assert "krc-b" not in a.all_uids("actor")


def test_prefer_decides_every_conflict_for_one_side(tmp_path: Path) -> None:
    a, b = pair(tmp_path)
    edit(a, "event-0", title="A")
    edit(b, "event-0", title="B")
    report = merge_path(a, b.path, prefer="theirs")
    assert a.get_event("event-0").title == "B" and report.conflicts and not report.open_conflicts
    assert a.open_conflict_count() == 0


def test_undo_puts_the_workspace_back_as_it_was(tmp_path: Path) -> None:
    a, b = pair(tmp_path)
    edit(b, "event-0", title="B")
    b.delete_event("event-1")
    b.add_actor(Actor("New", uid="new-actor"))
    edit(a, "event-2", title="A")
    edit(b, "event-2", title="B2")
    before = content(a), a.peers(), a.changed_since(0)
    report = merge_path(a, b.path)
    assert content(a) != before[0]
    undo_merge(a, report)
    assert (content(a), a.peers(), a.changed_since(0)) == before
    assert a.open_conflict_count() == 0


def test_a_decision_is_taken_back_whole_and_can_be_made_again(tmp_path: Path) -> None:
    a, b = pair(tmp_path)
    edit(a, "event-0", title="A", place="Hajin")
    edit(b, "event-0", title="B", place="Susa")
    a.delete_event("event-1")
    edit(b, "event-1", summary="seen by Bashir")
    merge_path(a, b.path)
    assert len(a.conflicts("open")) == 3
    before = content(a), a.changed_since(0), [(c["id"], c["status"]) for c in a.conflicts("open")]
    decision = decide_conflicts(a, "theirs")
    after = content(a)
    assert a.get_event("event-0").title == "B" and a.get_event("event-1").summary == "seen by Bashir"
    assert a.open_conflict_count() == 0
    undo_decision(a, decision)
    assert (content(a), a.changed_since(0), [(c["id"], c["status"]) for c in a.conflicts("open")]) == before
    again = decide_conflicts(a, "theirs", decision.ids)
    assert content(a) == after and again.count == 3
    # one field only: the record's other field stays open
    undo_decision(a, again)
    title = next(c["id"] for c in a.conflicts("open") if c["field"] == "title")
    undo_decision(a, decide_conflicts(a, "mine", [title]))
    assert content(a) == before[0] and a.open_conflict_count() == 3


# -- change packages ---------------------------------------------------------------------
def test_a_change_package_carries_only_what_changed_and_merges_like_the_file(tmp_path: Path) -> None:
    a, b = pair(tmp_path)
    edit(b, "event-0", title="B's title")
    b.delete_event("event-2")
    package = tmp_path / "b.briefer-changes"
    cs = changes_since(b, b.peer(a.workspace_id)["acked"], a.workspace_id)
    assert {k: sorted(v) for k, v in cs.records.items() if v} == {"event": ["event-0", "event-2"]}
    write_package(cs, package)
    merge_path(a, package)
    assert a.get_event("event-0").title == "B's title" and "event-2" not in a.all_uids("event")
    assert not merge_path(a, package).changed  # the same package twice changes nothing


def _package(tmp_path: Path) -> tuple[Workspace, Path]:
    a, b = pair(tmp_path)
    edit(b, "event-0", title="B's title")
    package = tmp_path / "b.briefer-changes"
    write_package(changes_since(b, 0, a.workspace_id), package)
    return a, package


def test_a_tampered_package_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    a, package = _package(tmp_path)
    with zipfile.ZipFile(package) as archive:
        manifest, payload = archive.read("manifest.json"), archive.read("changes.json")
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("manifest.json", manifest)
        archive.writestr("changes.json", payload.replace(b"B's title", b"Forged!!!"))
    a.close()
    before = dump(tmp_path / "amal.briefer")
    with Workspace.open(tmp_path / "amal.briefer") as ws, pytest.raises(ExchangeError, match="SHA-256 manifest"):
        merge_path(ws, package)
    assert dump(tmp_path / "amal.briefer") == before


def test_a_truncated_package_is_refused(tmp_path: Path) -> None:
    a, package = _package(tmp_path)
    package.write_bytes(package.read_bytes()[: package.stat().st_size // 2])
    with pytest.raises(ExchangeError, match="b.briefer-changes"):
        merge_path(a, package)


def test_a_package_for_another_workspace_is_refused(tmp_path: Path) -> None:
    a, b = pair(tmp_path)
    package = tmp_path / "p.briefer-changes"
    write_package(changes_since(b, 0, "11111111-2222-3333-4444-555555555555"), package)
    with pytest.raises(ExchangeError, match="made for another workspace"):
        merge_path(a, package)


# -- bad input -------------------------------------------------------------------------------
def test_the_same_workspace_is_refused(tmp_path: Path) -> None:
    a, _ = pair(tmp_path)
    with pytest.raises(ExchangeError, match="this workspace itself"):
        merge_path(a, a.path)
    a.close()
    twin = tmp_path / "twin.briefer"
    twin.write_bytes((tmp_path / "amal.briefer").read_bytes())
    with Workspace.open(tmp_path / "amal.briefer") as ws, pytest.raises(ExchangeError, match="same workspace"):
        merge_path(ws, twin)


def test_a_newer_workspace_is_refused_and_an_older_one_is_migrated_in_a_copy(tmp_path: Path) -> None:
    a, b = pair(tmp_path)
    b.close()
    newer = tmp_path / "newer.briefer"
    newer.write_bytes((tmp_path / "bashir.briefer").read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(WorkspaceError, match="newer Briefer"):
        merge_path(a, newer)
    older = _older(tmp_path / "older.briefer", "old-actor")
    before = older.read_bytes()
    report = merge_path(a, older)
    assert report.added["actor"] == 1 and older.read_bytes() == before


def test_a_damaged_file_is_refused(tmp_path: Path) -> None:
    a, _ = pair(tmp_path)
    junk = tmp_path / "junk.briefer-changes"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ExchangeError, match="junk.briefer-changes"):
        merge_path(a, junk)


def test_a_json_export_merges_by_uid_and_differences_are_conflicts(tmp_path: Path) -> None:
    a, b = pair(tmp_path)
    edit(b, "event-0", title="B's title")
    b.add_actor(Actor("From JSON", uid="json-actor"))
    export_json(b, tmp_path / "b.json")
    report = merge_path(a, tmp_path / "b.json")
    assert report.added["actor"] == 1
    assert [(c["uid"], c["field"]) for c in report.open_conflicts] == [("event-0", "title")]


def test_periods_travel_with_their_provenance(tmp_path: Path) -> None:
    from briefer.core.period import Period

    a, b = pair(tmp_path)
    b.add_period(Period("Battle of Baghouz", When.parse("2019-02-09/2019-03-23"), uid="period-baghouz"))
    report = merge_path(a, b.path)
    assert report.added["period"] == 1 and a.get_period("period-baghouz").name == "Battle of Baghouz"
    assert a.provenance("period", "period-baghouz").created.analyst == "Bashir"
    b.update_period(Period("Battle for Baghouz", When.parse("2019-02-09/2019-03-23"), uid="period-baghouz"))
    merge_path(a, b.path)
    assert a.get_period("period-baghouz").name == "Battle for Baghouz"
    a.delete_period("period-baghouz")
    merge_path(b, a.path)
    assert "period-baghouz" not in b.all_uids("period") and content(a) == content(b)


def test_a_merged_edit_of_links_dates_and_text_is_found_by_every_filter(tmp_path: Path) -> None:
    from briefer.core.filter import EventFilter
    from briefer.core.model import Participant, Role

    a, b = pair(tmp_path)
    e = b.get_event("event-0")
    b.update_event(replace(e, title="Assault on Hajin", when=When.parse("2018-12-14"), tags=("offensive",),
                           participants=(Participant("actor-sdf", Role.INITIATOR),),
                           citations=(replace(e.citations[0], quote="new quote"),
                                      Citation("source-sohr", 3, "second", uid="cite-new"))))
    merge_path(a, b.path)
    assert content(a)["event"]["event-0"] == content(b)["event"]["event-0"]
    found = lambda **f: a.event_uids(EventFilter(**f))  # noqa: E731
    assert "event-0" in found(start=When.parse("2018-12"), end=When.parse("2018-12"))
    assert "event-0" not in found(start=When.parse("2019-02-09"), end=When.parse("2019-02-09"))
    assert "event-0" in found(actors=("actor-sdf",), start=When.parse("2018-12"), end=When.parse("2018-12"))
    assert "event-0" not in found(actors=("actor-is",))
    assert "event-0" in found(text="Hajin") and "event-0" not in found(text="begins")
    assert "event-0" in found(tags=("offensive",)) and "event-0" in found(sources=("source-sohr",))
    created = {uid: p.created for uid, p in a.citation_provenance("event-0").items()}
    assert created["cite-0"].analyst == "Desk" and created["cite-new"].analyst == "Bashir"


def test_the_garbage_collector_runs_again_after_a_merge_even_a_refused_one(tmp_path: Path) -> None:
    import gc

    a, b = pair(tmp_path)
    merge_path(a, b.path)
    assert gc.isenabled()
    with pytest.raises(ExchangeError):
        merge_path(a, a.path)
    assert gc.isenabled()
