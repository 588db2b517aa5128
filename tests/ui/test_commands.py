"""Every undo command, through the window's undo stack: undo, redo, undo each leave the
workspace as it was, and the views hear what changed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from briefer.core.model import Actor, Document, Event, Participant, Source
from briefer.core.period import Period
from briefer.core.when import When
from briefer.ui import commands
from briefer.ui.session import Session
from tests.edit.test_operations import actor, content, event, source, ws  # noqa: F401 - the fixture

NEW = Actor("Tribal council")

COMMANDS = {
    "add_events": lambda s: commands.add_events(s, [Event("Camp reached", When.parse("2019-02-10"))]),
    "edit_event": lambda s: commands.edit_event(s, event(s.ws, "Corridors open"),
                                                replace(event(s.ws, "Corridors open"), title="Corridors closed")),
    "delete_events": lambda s: commands.delete_events(s, [event(s.ws, "Offensive paused")]),
    "creating_actors": lambda s: commands.creating_actors(
        commands.add_events(s, [Event("Truce", When.parse("2019-03"), participants=(Participant(NEW.uid),))]), [NEW]),
    "add_actor": lambda s: commands.add_actor(s, Actor("Coalition")),
    "edit_actor": lambda s: commands.edit_actor(s, actor(s.ws, "SDF"), replace(actor(s.ws, "SDF"), description="d")),
    "delete_actor": lambda s: commands.delete_actor(s, actor(s.ws, "SDF")),
    "merge_actors": lambda s: commands.merge_actors(s, actor(s.ws, "Islamic State"), actor(s.ws, "SDF")),
    "add_source": lambda s: commands.add_source(s, Source("Agency")),
    "edit_source": lambda s: commands.edit_source(s, source(s.ws, "Reuters"),
                                                  replace(source(s.ws, "Reuters"), reliability="A")),
    "delete_source": lambda s: commands.delete_source(s, source(s.ws, "Reuters")),
    "merge_sources": lambda s: commands.merge_sources(s, source(s.ws, "Wire"), source(s.ws, "Reuters")),
    "add_document": lambda s: commands.add_document(s, Document(source(s.ws, "Wire").uid, "Note", text="x")),
    "edit_document": lambda s: commands.edit_document(s, s.ws.documents()[0],
                                                      replace(s.ws.get_document(s.ws.documents()[0].uid), title="R")),
    "delete_document": lambda s: commands.delete_document(s, s.ws.documents()[0]),
    "add_period": lambda s: commands.add_period(s, Period("Hajin pocket", When.parse("2018-09/2018-12"))),
    "edit_period": lambda s: commands.edit_period(s, s.ws.periods()[0], replace(s.ws.periods()[0], name="B")),
    "delete_period": lambda s: commands.delete_period(s, s.ws.periods()[0]),
}


def test_every_command_of_the_module_has_a_round_trip_test() -> None:
    made = {name for name in dir(commands) if not name.startswith("_") and callable(getattr(commands, name))
            and getattr(commands, name).__module__ == commands.__name__} - {"apply", "StoreCommand"}
    assert made == set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_undo_redo_round_trip(qtbot, ws, name) -> None:  # noqa: F811 - the fixture
    session = Session()
    session.open(ws)
    heard = []
    session.changed.connect(heard.append)
    before = content(ws)
    commands.apply(session, COMMANDS[name](session))
    after = content(ws)
    assert after != before and heard[-1] and not heard[-1].everything
    stack = session.undo_stack
    assert stack.count() == 1 and stack.undoText()
    for _ in range(2):
        stack.undo()
        assert content(ws) == before
        stack.redo()
        assert content(ws) == after
    stack.undo()
    assert content(ws) == before
    assert len(heard) == 6 and all(heard)
    session.ws = None  # the fixture closes it


def test_undoing_an_actor_delete_in_the_window_gives_the_members_their_affiliation_back(qtbot, ws) -> None:  # noqa: F811
    session = Session()
    session.open(ws)
    sdf = actor(ws, "SDF")
    commands.apply(session, commands.delete_actor(session, sdf))
    assert actor(ws, "YPG").member_of is None
    session.undo_stack.undo()
    assert actor(ws, "YPG").member_of == sdf.uid and actor(ws, "YPJ").member_of == sdf.uid
    assert session.actors[actor(ws, "YPG").uid].member_of == sdf.uid  # the session's cache was let go
    session.ws = None


def test_an_undo_over_a_colleague_s_later_change_says_so_and_changes_nothing(window, tmp_path, monkeypatch) -> None:
    """A second window on the same file changed the event after my edit; this window has
    read their version since.  Undo must not write over it: a message, their change kept,
    and my step leaves the history (the edit before it can still be undone)."""
    from PySide6.QtWidgets import QMessageBox

    from briefer.core.filter import EventFilter
    from briefer.store import Workspace
    from briefer.store.external import write_through

    path = tmp_path / "shared.briefer"
    assert window.open_path(path, create=True)
    session = window.session
    commands.apply(session, commands.add_events(session, [Event("Raid", When.parse("2019-01"))]))
    mine = session.ws.events_by_uids(session.ws.event_uids(EventFilter()))[0]
    commands.apply(session, commands.edit_event(session, mine, replace(mine, place="Hajin")))
    write_through(session.ws)
    with Workspace.open(path) as amal:
        amal.analyst = "Amal"
        amal.update_event(replace(amal.get_event(mine.uid), title="Raid on Hajin"))
    session.ws.get_event(mine.uid)  # the window has read their version
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: told.append(text))
    window.act_undo.trigger()
    assert len(told) == 1 and told[0].startswith("Not undone: Edit event “Raid”.\nAmal changed “Raid” at ")
    assert "their change is kept" in told[0] and "Nothing was changed" in told[0]
    stored = session.ws.get_event(mine.uid)
    assert (stored.title, stored.place) == ("Raid on Hajin", "Hajin")
    assert session.undo_stack.count() == 1 and session.undo_stack.undoText() == "Add event “Raid”"
    assert not session.undo_stack.canRedo()
