"""Several analysts on one workspace at once: an edit made on a version someone else has
changed since is refused with who and when (both backends); on a desk, the other open
sessions hear what changed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from briefer.core.filter import EventFilter
from briefer.core.model import Actor, Event, Source, SourceKind
from briefer.core.when import When
from briefer.store import EditConflict, Workspace, WorkspaceError


@pytest.fixture
def two_analysts(workspace):
    """The same workspace open twice: Amal's session and Omar's."""
    workspace.analyst = "Omar"
    if workspace.backend == "sqlite":  # a new file's header is still in its WAL: write it through
        from briefer.store.external import write_through
        write_through(workspace)
    other = Workspace.open(str(workspace.path))
    other.analyst = "Amal"
    yield workspace, other
    other.close()


def test_an_edit_of_a_record_changed_meanwhile_is_refused_with_who_and_when(two_analysts) -> None:
    omar, amal = two_analysts
    event = omar.add_event(Event("Shelling of Hajin", When.parse("2019-02-09")))
    mine, theirs = omar.get_event(event.uid), amal.get_event(event.uid)
    amal.update_event(replace(theirs, title="Shelling of Hajin and Baghouz"))
    with pytest.raises(EditConflict) as caught:
        omar.update_event(replace(mine, place="Hajin"))
    message = str(caught.value)
    assert "changed by Amal at" in message and "reload, overwrite, or merge" in message
    assert caught.value.by == "Amal" and caught.value.uid == event.uid
    assert omar.get_event(event.uid).title == "Shelling of Hajin and Baghouz"  # nothing lost
    assert omar.get_event(event.uid).place == ""
    # reloading gives the new version, on which the edit goes through
    fresh = omar.get_event(event.uid)
    omar.update_event(replace(fresh, place="Hajin"))
    assert amal.get_event(event.uid).place == "Hajin"
    assert amal.get_event(event.uid).title == "Shelling of Hajin and Baghouz"


def test_an_edit_from_the_version_an_editor_opened_is_refused_after_the_session_heard_a_change(two_analysts
                                                                                              ) -> None:
    omar, amal = two_analysts
    event = omar.add_event(Event("Talks in Raqqa", When.parse("2019")))
    opened = omar.get_event(event.uid)  # Omar's editor
    amal.update_event(replace(amal.get_event(event.uid), title="Talks in Raqqa postponed"))
    assert [e.title for e in omar.search_events(EventFilter())] == ["Talks in Raqqa postponed"]  # his table hears it
    with pytest.raises(EditConflict) as caught:
        omar.update_event(replace(opened, place="Raqqa"), expect=opened)
    assert caught.value.by == "Amal" and "'Talks in Raqqa' was changed by Amal" in str(caught.value)
    assert amal.get_event(event.uid).place == "" and amal.get_event(event.uid).title == "Talks in Raqqa postponed"
    amal.delete_event(event.uid)
    with pytest.raises(WorkspaceError, match="'Talks in Raqqa' was deleted since you opened it; nothing was saved"):
        omar.update_event(replace(opened, place="Raqqa"), expect=opened)


def test_overwrite_is_a_choice_and_own_edits_never_conflict(two_analysts) -> None:
    omar, amal = two_analysts
    event = omar.add_event(Event("Talks in Raqqa", When.parse("2019")))
    mine = omar.get_event(event.uid)
    mine = omar.update_event(replace(mine, place="Raqqa"))
    mine = omar.update_event(replace(mine, summary="second edit of my own"))  # no conflict with myself
    amal.update_event(replace(amal.get_event(event.uid), title="Talks in Raqqa postponed"))
    omar.update_event(replace(mine, title="Talks in Raqqa held"), overwrite=True)
    assert amal.get_event(event.uid).title == "Talks in Raqqa held"


def test_deleting_a_record_changed_meanwhile_is_refused(two_analysts) -> None:
    omar, amal = two_analysts
    event = omar.add_event(Event("Raid near Hajin", When.parse("2019-01")))
    omar.get_event(event.uid)
    amal.update_event(replace(amal.get_event(event.uid), notes="confirmed by two sources"))
    with pytest.raises(EditConflict):
        omar.delete_event(event.uid)
    assert amal.get_event(event.uid).notes == "confirmed by two sources"


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_other_sessions_hear_what_changed(two_analysts) -> None:
    omar, amal = two_analysts
    with omar.watch() as watcher:
        event = amal.add_event(Event("Convoy leaves Baghouz", When.parse("2019-02-20")))
        actor = amal.add_actor(Actor("SDF"))
        heard = watcher.wait(timeout=10)
        while len(heard) < 2:
            more = watcher.wait(timeout=10)
            assert more, "the second change never arrived"
            heard += more
        assert heard[0].changed["event"] == [event.uid] and heard[0].analyst == "Amal"
        assert heard[1].changed["actor"] == [actor.uid]
        amal.delete_event(event.uid)
        (gone,) = watcher.wait(timeout=10)
        assert gone.deleted == {"event": [event.uid]}
        omar.add_event(Event("My own change", When.parse("2019")))  # a session does not hear itself
        assert watcher.wait(timeout=0.5) == []
        amal.add_events([Event(f"row {i}", When.parse("2019")) for i in range(400)])
        (bulk,) = watcher.wait(timeout=10)
        assert bulk.reload or len(bulk.changed["event"]) == 400


def test_a_file_has_no_live_changes(tmp_path) -> None:
    with Workspace.create(tmp_path / "w.briefer") as ws:
        assert ws.watch() is None


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_lost_connection_is_a_clear_message_and_nothing_is_half_written(workspace, pg_server) -> None:
    import psycopg

    workspace.add_actor(Actor("SDF"))
    pid = workspace.conn.raw.info.backend_pid
    with psycopg.connect(pg_server.url("postgres"), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    with pytest.raises(WorkspaceError, match="connection to the desk was lost"):
        workspace.add_events([Event(f"row {i}", When.parse("2019")) for i in range(50)])
    with pytest.raises(WorkspaceError, match="connection to the desk was lost"):
        workspace.actors()
    with Workspace.open(str(workspace.path)) as again:
        assert again.event_count() == 0 and [a.name for a in again.actors()] == ["SDF"]


def test_a_session_s_own_writes_by_other_paths_are_not_conflicts(two_analysts) -> None:
    omar, _ = two_analysts
    sdf, dup = omar.add_actor(Actor("SDF")), omar.add_actor(Actor("Syrian Democratic Forces"))
    from briefer.core.model import Participant
    event = omar.add_event(Event("Raid", When.parse("2019"), participants=(Participant(dup.uid),)))
    mine = omar.get_event(event.uid)
    omar.merge_actors(sdf.uid, dup.uid)  # changes the event's actors (a new version, written here)
    omar.update_event(replace(mine, title="Raid near Hajin", participants=()))
    omar.delete_event(event.uid)



@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_two_analysts_adding_at_once_while_a_third_filters_lose_nothing(workspace) -> None:
    """Two sessions bulk-add events at the same moment (ids from the desk's sequence, COPY
    in each one's own transaction) while a third pages through a filter: every event of
    both lands once, with its links, and the reader never sees a half-written batch."""
    import threading

    from briefer.core.filter import EventFilter
    from briefer.core.model import Participant

    actor = workspace.add_actor(Actor("SDF"))
    url = str(workspace.path)
    errors: list[BaseException] = []
    seen_counts: list[int] = []
    start = threading.Barrier(3)

    def add(name: str) -> None:
        try:
            with Workspace.open(url) as ws:
                ws.analyst = name
                start.wait()
                for batch in range(4):
                    ws.add_events([Event(f"{name} {batch}-{i}", When.parse("2019-02"),
                                         participants=(Participant(actor.uid),)) for i in range(250)])
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    def read() -> None:
        try:
            with Workspace.open(url) as ws:
                start.wait()
                for _ in range(20):
                    seen_counts.append(ws.count_events(EventFilter(actors=(actor.uid,), text="amal")))
                    ws.search_events(EventFilter(start=When.parse("2019"), text="omar"), limit=50)
        except BaseException as error:  # noqa: BLE001
            errors.append(error)

    threads = [threading.Thread(target=add, args=("Amal",)), threading.Thread(target=add, args=("Omar",)),
               threading.Thread(target=read)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors, errors
    assert workspace.event_count() == 2000
    assert workspace.count_events(EventFilter(actors=(actor.uid,))) == 2000
    assert workspace.count_events(EventFilter(text="omar")) == 1000
    assert all(count % 250 == 0 for count in seen_counts)  # whole batches only
    assert len(set(workspace.event_uids())) == 2000


def test_a_bulk_add_rolled_back_inside_a_transaction_leaves_later_writes_attributed(workspace) -> None:
    """A bulk add writes its rows with the transaction's revision; when it fails and is
    rolled back, that revision goes too, and what the transaction writes next is stamped
    with one that exists."""
    workspace.analyst = "Omar"
    first = workspace.add_event(Event("Shelling of Hajin", When.parse("2019-02-09")))
    with workspace.transaction():
        with pytest.raises(WorkspaceError):
            workspace.add_events([Event("Convoy", When.parse("2019")), first])  # the second exists already
        later = workspace.add_event(Event("Talks in Raqqa", When.parse("2019")))
    made = workspace.provenance("event", later.uid).created
    assert made is not None and made.analyst == "Omar"
    assert sorted(e.title for e in workspace.search_events(EventFilter())) == ["Shelling of Hajin", "Talks in Raqqa"]


@pytest.mark.parametrize("kind", ["actor", "source"])
def test_actors_and_sources_changed_meanwhile_are_refused_too(two_analysts, kind) -> None:
    omar, amal = two_analysts
    if kind == "actor":
        record = omar.add_actor(Actor("Syrian Democratic Forces"))
        get, update, delete, field = "get_actor", "update_actor", "delete_actor", "description"
    else:
        record = omar.add_source(Source("Reuters", SourceKind.NEWS_AGENCY, "B"))
        get, update, delete, field = "get_source", "update_source", "delete_source", "notes"
    mine = getattr(omar, get)(record.uid)
    getattr(amal, update)(replace(getattr(amal, get)(record.uid), **{field: "Amal's words"}))
    with pytest.raises(EditConflict) as caught:
        getattr(omar, update)(replace(mine, **{field: "Omar's words"}))
    assert str(caught.value).startswith(f"'{record.name}' was changed by Amal at ")
    assert str(caught.value).endswith(" UTC since you opened it — reload, overwrite, or merge fields")
    assert caught.value.kind == kind
    with pytest.raises(EditConflict):
        getattr(omar, delete)(record.uid)
    assert getattr(amal, get)(record.uid) is not None
    assert getattr(omar, get)(record.uid).__getattribute__(field) == "Amal's words"  # reloading shows theirs
    getattr(omar, update)(replace(mine, **{field: "Omar's words"}), overwrite=True)
    assert getattr(amal, get)(record.uid).__getattribute__(field) == "Omar's words"
    getattr(omar, update)(replace(mine, **{field: "again"}))  # my own last write is no conflict


def test_merge_fields_takes_their_changes_and_mine_and_names_the_clashes(two_analysts) -> None:
    omar, amal = two_analysts
    event = omar.add_event(Event("Shelling of Hajin", When.parse("2019-02-09")))
    mine = omar.get_event(event.uid)
    amal.update_event(replace(amal.get_event(event.uid), title="Shelling of Hajin and Baghouz", notes="Amal"))
    edited = replace(mine, place="Hajin", notes="Omar")
    with pytest.raises(EditConflict):
        omar.update_event(edited)
    merged = omar.merge_edit("event", edited)
    assert merged.record.title == "Shelling of Hajin and Baghouz"  # theirs, which I did not touch
    assert merged.record.place == "Hajin"  # mine, which they did not touch
    assert [(c.field, c.base, c.mine, c.theirs) for c in merged.clashes] == [("notes", "", "Omar", "Amal")]
    omar.update_event(merged.record)  # goes through now
    stored = amal.get_event(event.uid)
    assert (stored.title, stored.place, stored.notes) == ("Shelling of Hajin and Baghouz", "Hajin", "Omar")


def test_merge_fields_on_an_actor(two_analysts) -> None:
    omar, amal = two_analysts
    actor = omar.add_actor(Actor("Syrian Democratic Forces"))
    mine = omar.get_actor(actor.uid)
    amal.update_actor(replace(amal.get_actor(actor.uid), aliases=("SDF",)))
    merged = omar.merge_edit("actor", replace(mine, description="Kurdish-led alliance"))
    assert merged.clashes == ()
    assert (merged.record.aliases, merged.record.description) == (("SDF",), "Kurdish-led alliance")
    omar.update_actor(merged.record)
    assert amal.get_actor(actor.uid).aliases == ("SDF",)
