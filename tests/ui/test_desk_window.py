"""The window on a desk (a real PostgreSQL server, started by the tests): other analysts'
changes arrive by themselves and refresh only what they touch; a reader's window is
read-only and says so; a concurrent edit offers reload, overwrite or merge; a lost
connection leaves the window open read-only until it reconnects."""

from __future__ import annotations

from dataclasses import replace

import pytest

from briefer.core.model import Event
from briefer.core.when import When
from briefer.store import Workspace
from tests.ui.test_refresh import Resets


@pytest.fixture
def desk(pg_server):
    url = pg_server.new_desk()
    yield url
    pg_server.drop(url)


@pytest.fixture
def amal(desk):
    """Another analyst's session on the same desk."""
    ws = Workspace.open(desk)
    ws.analyst = "Amal"
    yield ws
    ws.close()


def titles(window) -> list[str]:
    model = window.table.model_
    return [model.index(row, 1).data() for row in range(model.rowCount())]


def test_other_analysts_changes_arrive_by_themselves_and_refresh_only_what_they_touch(window, qtbot, desk,
                                                                                    amal) -> None:
    assert window.open_path(desk)
    model, timeline, bar = window.table.model_, window.timeline, window.filter_bar
    amal.add_event(Event("Talks in Raqqa", When.parse("2019-01-20")))
    qtbot.waitUntil(lambda: titles(window) == ["Talks in Raqqa"])
    assert len(timeline.data) == 1 and bar.count.text() == "1 of 1 events"

    shelling = amal.add_event(Event("Shelling of Hajin", When.parse("2019-02-09")))
    qtbot.waitUntil(lambda: titles(window) == ["Talks in Raqqa", "Shelling of Hajin"])
    assert len(timeline.data) == 2 and bar.count.text() == "2 of 2 events"
    assert window.session.selection == []  # someone else's new event is not selected for you

    # changed in place: its row is repainted; neither table nor timeline is read again
    resets, columns = Resets(table=model), timeline.data
    amal.update_event(replace(amal.get_event(shelling.uid), title="Shelling of Hajin and Baghouz"))
    qtbot.waitUntil(lambda: titles(window) == ["Talks in Raqqa", "Shelling of Hajin and Baghouz"])
    assert resets.counts["table"] == 0 and timeline.data is columns
    timeline.go_to(When.parse("2019-02-09"))
    assert "Shelling of Hajin and Baghouz" in {g.title for lane in timeline.lane_layouts() for g in lane.glyphs}

    # its dates moved: it takes its new place in date order
    amal.update_event(replace(amal.get_event(shelling.uid), when=When.parse("2019-01-02")))
    qtbot.waitUntil(lambda: titles(window) == ["Shelling of Hajin and Baghouz", "Talks in Raqqa"])
    assert timeline.data.start.min() == When.parse("2019-01-02").earliest_ts

    amal.delete_event(shelling.uid)
    qtbot.waitUntil(lambda: titles(window) == ["Talks in Raqqa"])
    assert len(timeline.data) == 1 and bar.count.text() == "1 of 1 events"

    # a bulk import too large to list: the window reads everything again
    amal.add_events([Event(f"Report {i}", When.parse("2019-03")) for i in range(400)])
    qtbot.waitUntil(lambda: model.rowCount() == 401)
    assert len(timeline.data) == 401 and bar.count.text() == "401 of 401 events"


def test_the_window_does_not_hear_its_own_changes_twice(window, qtbot, desk, amal) -> None:
    assert window.open_path(desk)
    heard = []
    window.session.changed.connect(lambda changes: heard.append(window.session.remote))
    from briefer.ui import commands

    commands.apply(window.session, commands.add_events(window.session, [Event("Mine", When.parse("2019"))]))
    amal.add_event(Event("Theirs", When.parse("2018")))
    qtbot.waitUntil(lambda: titles(window) == ["Theirs", "Mine"])
    assert heard == [False, True]  # my edit once (local), theirs once (remote)


@pytest.fixture
def login(desk, pg_server):
    """`login(level)`: the desk's address for a new analyst with that role."""
    import uuid

    import psycopg

    from briefer.store.desk import grant, set_up_roles

    with Workspace.open(desk) as admin:
        set_up_roles(admin)

    def make(level: str) -> str:
        name = f"analyst_{level}_{uuid.uuid4().hex[:6]}"
        with psycopg.connect(pg_server.url("postgres"), autocommit=True) as conn:
            conn.execute(f'CREATE ROLE "{name}" LOGIN')
        with Workspace.open(desk) as admin:
            grant(admin, name, level)
        return desk.replace("user=briefer_test", f"user={name}")

    return make


def test_a_reader_s_window_is_read_only_and_says_why(window, qtbot, desk, amal, login, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox, QToolButton

    event = amal.add_event(Event("Shelling of Hajin", When.parse("2019-02-09")))
    assert window.open_path(login("reader"))
    assert window.windowTitle().endswith("(read-only)")
    note = window.access.note
    assert note.isVisible() and "Read-only — reader" in note.text() and "reader" in note.toolTip()
    for action in (window.act_new_event, window.act_edit_event, window.act_delete, window.act_import_dataset,
                   window.act_import_article, window.act_periods, window.exchange.act_merge):
        assert not action.isEnabled(), action.text()
        assert action.toolTip().startswith("Read-only: your role on this desk is reader")
    for name in ("actor_add", "actor_delete", "source_add", "source_edit"):
        assert not window.findChild(QToolButton, name).isEnabled()
    assert window.act_export.isEnabled() and window.act_brief.isEnabled()  # reading is all there

    # what can still be tried (double-clicking an event) explains instead of opening the editor
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    row_id = window.session.ws.event_ids()[0]
    window.session.set_selection([row_id])
    assert not window.details.edit_button.isEnabled()
    window.edit_event(row_id)
    assert told and "your role on this desk is reader" in told[0]

    # a reader still sees the others' changes as they come
    amal.update_event(replace(amal.get_event(event.uid), title="Shelling of Baghouz"))
    qtbot.waitUntil(lambda: titles(window) == ["Shelling of Baghouz"])


def test_an_editor_s_window_may_edit(window, desk, login) -> None:
    assert window.open_path(login("editor"))
    assert not window.access.read_only and window.windowTitle() == f"{window.session.ws.name} — Briefer"
    assert window.act_new_event.isEnabled() and not window.access.note.isVisible()


@pytest.mark.parametrize("choice", ["reload", "overwrite", "merge"])
def test_an_event_saved_meanwhile_by_someone_else_offers_reload_overwrite_or_merge(window, qtbot, desk, amal,
                                                                                   monkeypatch, choice) -> None:
    from briefer.ui.edit_conflict import EditConflictDialog
    from briefer.ui.event_editor import EventEditor

    event = amal.add_event(Event("Shelling of Hajin", When.parse("2019-02-09"), country="Syria"))
    assert window.open_path(desk)
    ws = window.session.ws
    editor = EventEditor(window.session, ws.get_event(event.uid), window)
    qtbot.addWidget(editor)
    editor.place.setText("Hajin")  # mine: place and country
    editor.country.setText("SY")
    theirs = amal.update_event(replace(amal.get_event(event.uid), title="Shelling of Hajin and Baghouz",
                                       notes="two sources", country="Syrian Arab Republic"))
    # the window hears it while the editor is open (the table shows it): the save must still ask
    qtbot.waitUntil(lambda: titles(window) == ["Shelling of Hajin and Baghouz"])
    shown = []

    def decide(dialog) -> int:
        shown.append((dialog.heading.text(), [dialog.fields.topLevelItem(i).text(0)
                                              for i in range(dialog.fields.topLevelItemCount())]))
        dialog.buttons[choice].click()
        return dialog.result()

    monkeypatch.setattr(EditConflictDialog, "exec", decide)
    editor.accept()
    heading, rows = shown[0]
    at = amal.provenance("event", event.uid).modified.at[11:16]
    assert f"“Shelling of Hajin” was changed by Amal at {at} UTC" in heading
    assert rows == ["Title", "Place", "Country", "Notes"]
    stored = amal.get_event(event.uid)
    if choice == "reload":  # nothing written; the editor now shows their version, mine dropped
        assert stored == theirs and editor.result() == 0
        assert editor.title.text() == "Shelling of Hajin and Baghouz" and editor.place.text() == ""
        assert "Reloaded Amal" in editor.message.text()
        editor.place.setText("Hajin")  # and saving on their version goes through
        editor.accept()
        assert amal.get_event(event.uid).place == "Hajin" and amal.get_event(event.uid).notes == "two sources"
    elif choice == "overwrite":  # mine over theirs, whole; Undo brings theirs back
        assert (stored.title, stored.place, stored.country, stored.notes) == ("Shelling of Hajin", "Hajin", "SY", "")
        window.session.undo_stack.undo()
        assert amal.get_event(event.uid).title == "Shelling of Hajin and Baghouz"
    else:  # their changes kept, and mine where they differ from what I opened (both changed country: mine)
        assert (stored.title, stored.place, stored.country, stored.notes) == (
            "Shelling of Hajin and Baghouz", "Hajin", "SY", "two sources")
    qtbot.waitUntil(lambda: titles(window) == [amal.get_event(event.uid).title])


def test_going_back_to_editing_from_a_conflict_asks_again_on_the_next_save(window, qtbot, desk, amal,
                                                                            monkeypatch) -> None:
    from briefer.ui.edit_conflict import EditConflictDialog
    from briefer.ui.event_editor import EventEditor

    event = amal.add_event(Event("Talks in Raqqa", When.parse("2019-01-20")))
    assert window.open_path(desk)
    editor = EventEditor(window.session, window.session.ws.get_event(event.uid), window)
    qtbot.addWidget(editor)
    amal.update_event(replace(amal.get_event(event.uid), place="Raqqa"))
    answers, asked = ["back", "overwrite"], []

    def decide(dialog) -> int:
        asked.append(dialog.heading.text())
        answer = answers.pop(0)
        if answer == "back":
            dialog.reject()
        else:
            dialog.buttons[answer].click()
        return dialog.result()

    monkeypatch.setattr(EditConflictDialog, "exec", decide)
    editor.notes.setPlainText("postponed")
    editor.accept()
    assert len(asked) == 1 and editor.result() == 0 and amal.get_event(event.uid).notes == ""
    editor.notes.setPlainText("postponed twice")
    editor.accept()  # still their version over the one opened: asked again, not written over
    assert len(asked) == 2 and "“Talks in Raqqa” was changed by Amal" in asked[1]
    stored = amal.get_event(event.uid)
    assert (stored.notes, stored.place) == ("postponed twice", "") and editor.result() == 1
    window.session.undo_stack.undo()
    assert amal.get_event(event.uid).place == "Raqqa"  # theirs back, not the version Omar opened


def test_an_event_deleted_while_its_editor_is_open_is_not_saved_and_the_editor_says_why(window, qtbot, desk,
                                                                                         amal) -> None:
    from briefer.ui.event_editor import EventEditor

    event = amal.add_event(Event("Talks in Raqqa", When.parse("2019-01-20")))
    assert window.open_path(desk)
    editor = EventEditor(window.session, window.session.ws.get_event(event.uid), window)
    qtbot.addWidget(editor)
    amal.delete_event(event.uid)
    editor.notes.setPlainText("postponed")
    editor.accept()
    assert "'Talks in Raqqa' was deleted since you opened it; nothing was saved" in editor.message.text()
    assert editor.result() == 0 and amal.event_ids() == []


def _database(url: str) -> str:
    return url.split("?")[0].rsplit("/", 1)[1]


def test_a_lost_connection_leaves_the_window_open_read_only_until_it_reconnects(window, qtbot, desk, amal,
                                                                               pg_server) -> None:
    import psycopg

    from briefer.ui import commands

    amal.add_event(Event("Talks in Raqqa", When.parse("2019-01-20")))
    assert window.open_path(desk)
    link, session = window.link, window.session
    assert titles(window) == ["Talks in Raqqa"] and not window.act_reconnect.isVisible()
    with psycopg.connect(pg_server.url("postgres"), autocommit=True) as admin:
        # the desk's server drops this window's connections (a restart, a network cut) and refuses new ones
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> %s",
                      (_database(desk), amal.conn.raw.info.backend_pid))
        amal.add_event(Event("Shelling of Hajin", When.parse("2019-02-09")))  # not heard: the window is cut off
        admin.execute(f"ALTER DATABASE {_database(desk)} ALLOW_CONNECTIONS false")
        # an edit caught half-way: nothing of it lands, and it is not left on the undo stack
        with qtbot.waitSignal(link.connectionChanged, timeout=10000) as lost:
            window._guarded(lambda: commands.apply(session, commands.add_events(
                session, [Event(f"Report {i}", When.parse("2019-03")) for i in range(50)])))
        assert lost.args == [False] and session.undo_stack.count() == 0
        assert window.windowTitle().endswith("(offline, read-only)")
        assert "Offline — read-only" in window.access.note.text() and window.act_reconnect.isVisible()
        assert not window.act_new_event.isEnabled() and "connection to the desk was lost" in window.access.reason
        assert not window.filter_bar.isEnabled() and not window.timeline.lanes_box.isEnabled()
        assert titles(window) == ["Talks in Raqqa"]  # what was loaded stays on screen
        assert "lost" in window.statusBar().currentMessage()
        qtbot.waitUntil(lambda: "Still no connection" in window.statusBar().currentMessage(), timeout=10000)
        assert not link.online  # it keeps trying, and says so

        admin.execute(f"ALTER DATABASE {_database(desk)} ALLOW_CONNECTIONS true")
    with qtbot.waitSignal(link.connectionChanged, timeout=10000) as back:
        window.act_reconnect.trigger()
    assert back.args == [True] and not window.access.read_only and window.act_new_event.isEnabled()
    assert window.filter_bar.isEnabled() and window.timeline.lanes_box.isEnabled()
    assert not window.act_reconnect.isVisible() and window.windowTitle() == f"{session.ws.name} — Briefer"
    # everything was read again: what was missed while cut off is there; the half-made edit is not
    assert titles(window) == ["Talks in Raqqa", "Shelling of Hajin"] and session.ws.event_count() == 2
    amal.add_event(Event("Convoy leaves Baghouz", When.parse("2019-02-20")))  # and it listens again
    qtbot.waitUntil(lambda: titles(window)[-1] == "Convoy leaves Baghouz")


def test_lanes_a_cut_desk_cannot_give_fall_back_to_one_lane_and_come_back(window, qtbot, desk, amal, pg_server,
                                                                         monkeypatch) -> None:
    """Lanes asked for in the moment the desk's connection is cut: the timeline is drawn in
    one lane, the window says the connection was lost (no error box), and the lanes chosen
    are read once it reconnects."""
    import psycopg

    from briefer.core.model import Actor, Participant, Role
    from briefer.ui import main_window

    boxes: list[str] = []
    monkeypatch.setattr(main_window, "show_error", lambda parent, title, error: boxes.append(str(error)))
    sdf = amal.add_actor(Actor("SDF"))
    amal.add_event(Event("Talks in Raqqa", When.parse("2019-01-20"), participants=(Participant(sdf.uid, Role.INITIATOR),)))
    assert window.open_path(desk)
    timeline = window.timeline
    with psycopg.connect(pg_server.url("postgres"), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> %s",
                      (_database(desk), amal.conn.raw.info.backend_pid))
    with qtbot.waitSignal(timeline.lanesFailed, timeout=5000):
        timeline.lanes_box.setCurrentIndex(timeline.lanes_box.findData("actor"))
    assert [lane.name for lane in timeline.data.lanes] == ["All events"]  # drawn, in one lane
    timeline.canvas.grab()
    assert "connection to the desk was lost" in window.statusBar().currentMessage() and boxes == []
    qtbot.waitUntil(lambda: window.link.online, timeout=15000)  # it reconnects by itself
    assert timeline.lane_mode == "actor" and timeline.lane_names() == ["SDF"]


def test_the_window_reconnects_by_itself_after_its_connection_is_cut(window, qtbot, desk, amal, pg_server) -> None:
    import psycopg

    assert window.open_path(desk)
    with qtbot.waitSignals([window.link.connectionChanged, window.link.connectionChanged], timeout=15000):
        with psycopg.connect(pg_server.url("postgres"), autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> %s",
                          (_database(desk), amal.conn.raw.info.backend_pid))
    assert window.link.online and "Reconnected" in window.statusBar().currentMessage()
    amal.add_event(Event("Talks in Raqqa", When.parse("2019-01-20")))
    qtbot.waitUntil(lambda: titles(window) == ["Talks in Raqqa"])


def test_details_show_who_changed_what_and_when_and_follow_others_changes(window, qtbot, desk, amal) -> None:
    from briefer.ui import commands

    event = amal.add_event(Event("Shelling of Hajin", When.parse("2019-02-09")))
    assert window.open_path(desk)
    session = window.session
    window.session.ws.analyst = "Omar"
    session.set_selection(session.ws.event_ids())
    browser = window.details.browser
    history = lambda: browser.toPlainText().split("History", 1)[-1]  # noqa: E731
    assert "History" in browser.toPlainText() and "Amal created it" in history()
    mine = session.ws.get_event(event.uid)
    commands.apply(session, commands.edit_event(session, mine, replace(mine, place="Hajin")))
    assert "Omar changed:" in history() and "Place: (none) → 'Hajin'" in history()
    amal.update_event(replace(amal.get_event(event.uid), title="Shelling of Baghouz"))
    # another analyst's change: the panel reads the history again as it hears of it, newest first
    qtbot.waitUntil(lambda: "Amal changed:" in history())
    steps = history()
    assert steps.index("Amal changed:") < steps.index("Omar changed:") < steps.index("Amal created it")
    assert "Title: 'Shelling of Hajin' → 'Shelling of Baghouz'" in steps


def test_details_show_an_event_s_history_on_a_file_too(window, tmp_path) -> None:
    from briefer.ui import commands

    assert window.open_path(tmp_path / "desk.briefer", create=True)
    session = window.session
    session.ws.analyst = "Omar"
    commands.apply(session, commands.add_events(session, [Event("Raid", When.parse("2019-01"))]))
    event = session.ws.get_event(session.ws.events_by_ids(session.ws.event_ids())[0].uid)
    commands.apply(session, commands.edit_event(session, event, replace(event, notes="two sources")))
    session.set_selection(session.ws.event_ids())
    text = window.details.browser.toPlainText()
    assert "Omar changed:\nNotes: (none) → 'two sources'" in text and "Omar created it" in text


def test_an_actor_saved_meanwhile_by_someone_else_is_merged_field_by_field(window, qtbot, desk, amal,
                                                                          monkeypatch) -> None:
    from briefer.core.model import Actor
    from briefer.ui.actor_panel import ActorDialog
    from briefer.ui.edit_conflict import EditConflictDialog

    sdf = amal.add_actor(Actor("SDF"))
    assert window.open_path(desk)
    panel = window.actor_panel
    panel.reload()
    panel.select_uid(sdf.uid)

    def fill(dialog) -> int:  # Omar adds a description while Amal adds an alias
        amal.update_actor(replace(amal.get_actor(sdf.uid), aliases=("Syrian Democratic Forces",)))
        # the window hears it while the dialog is open (the panel shows it): the save must still ask
        qtbot.waitUntil(lambda: window.session.actors[sdf.uid].aliases == ("Syrian Democratic Forces",))
        dialog.description.setPlainText("Kurdish-led alliance")
        dialog.accept()
        return dialog.result()

    asked = []

    def decide(dialog) -> int:
        asked.append(dialog.heading.text())
        dialog.buttons["merge"].click()
        return dialog.result()

    monkeypatch.setattr(ActorDialog, "exec", fill)
    monkeypatch.setattr(EditConflictDialog, "exec", decide)
    panel.edit()
    assert asked and "“SDF” was changed by Amal" in asked[0]
    stored = amal.get_actor(sdf.uid)
    assert stored.aliases == ("Syrian Democratic Forces",) and stored.description == "Kurdish-led alliance"


def test_a_source_saved_meanwhile_can_be_overwritten_and_undo_brings_theirs_back(window, qtbot, desk, amal,
                                                                                 monkeypatch) -> None:
    from briefer.core.model import Source
    from briefer.ui.edit_conflict import EditConflictDialog
    from briefer.ui.source_panel import SourceDialog
    from tests.ui.test_panels import select_in

    wire = amal.add_source(Source("Wire", reliability="C"))
    assert window.open_path(desk)
    panel = window.source_panel
    panel.reload()
    select_in(panel.view, "Wire")

    def fill(dialog) -> int:  # Omar grades it B while Amal grades it D
        amal.update_source(replace(amal.get_source(wire.uid), reliability="D"))
        dialog.reliability.setCurrentIndex(dialog.reliability.findData("B"))
        dialog.accept()
        return dialog.result()

    asked = []

    def decide(dialog) -> int:
        asked.append((dialog.heading.text(), dialog.fields.topLevelItem(0).text(2)))
        dialog.buttons["overwrite"].click()
        return dialog.result()

    monkeypatch.setattr(SourceDialog, "exec", fill)
    monkeypatch.setattr(EditConflictDialog, "exec", decide)
    panel.edit()
    assert len(asked) == 1 and "“Wire” was changed by Amal" in asked[0][0] and asked[0][1] == "D"
    assert amal.get_source(wire.uid).reliability == "B"
    window.session.undo_stack.undo()
    assert amal.get_source(wire.uid).reliability == "D"  # theirs, not the C Omar opened
