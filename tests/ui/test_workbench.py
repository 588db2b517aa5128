"""The analyst's day, through the widgets: create, add, cite, filter, merge, undo, reopen."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QMessageBox, QToolButton

from briefer.store import Workspace
from briefer.ui.actor_panel import ActorDialog
from briefer.ui.event_editor import EventEditor
from briefer.ui.event_table import TITLE, WHEN
from briefer.ui.source_panel import SourceDialog


def table_titles(window) -> list[str]:
    model = window.table.model()
    return [model.index(r, TITLE).data() for r in range(model.rowCount())]


def select_actors(window, names: list[str]) -> None:
    panel = window.actor_panel
    panel.view.clearSelection()
    proxy = panel.proxy
    for row in range(proxy.rowCount()):
        index = proxy.index(row, 0)
        if index.data() in names:
            panel.view.selectionModel().select(index, panel.view.selectionModel().SelectionFlag.Select
                                               | panel.view.selectionModel().SelectionFlag.Rows)


def add_event(window, qtbot, answer, title: str, when: str, actor: str, quote: str) -> None:
    def fill(editor: EventEditor) -> None:
        qtbot.keyClicks(editor.title, title)
        qtbot.keyClicks(editor.when, when)
        if actor:
            editor.actors.add_row(None)
            editor.actors.table.cellWidget(0, 0).setText(actor)
        editor.citations.add_row(None)
        source, _, credibility, quote_edit = (editor.citations.table.cellWidget(0, c) for c in range(4))
        source.setCurrentIndex(source.findText("Reuters (B)"))
        credibility.setCurrentIndex(credibility.findData(2))
        quote_edit.setText(quote)

    answer(EventEditor, fill)
    window.act_new_event.trigger()


def test_an_analysts_session_from_new_workspace_to_reopening(window, qtbot, answer, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "syria.briefer"
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "syria"), "")))
    window.act_new.trigger()  # File ▸ New Workspace…, named without the suffix
    assert window.session.ws.path == path
    assert window.windowTitle().startswith("syria")

    # an actor with an alias, a graded source
    answer(ActorDialog, lambda d: (d.name.setText("Islamic State"), d.aliases.setText("Daesh, ISIL")))
    qtbot.mouseClick(window.actor_panel.findChild(type(window.actor_panel.filter_toggle), "actor_add"),
                     Qt.MouseButton.LeftButton)
    answer(SourceDialog, lambda d: (d.name.setText("Reuters"), d.reliability.setCurrentIndex(
        d.reliability.findData("B"))))
    qtbot.mouseClick(window.source_panel.findChild(type(window.source_panel.filter_toggle), "source_add"),
                     Qt.MouseButton.LeftButton)
    assert window.session.ws.find_actor("daesh").name == "Islamic State"
    assert window.session.ws.find_source("Reuters").reliability == "B"

    # the event, cited, and a second one that does not involve IS
    add_event(window, qtbot, answer, "SDF pauses offensive on Baghouz", "2019-02-09", "Daesh",
              "the offensive is on hold while civilians leave")
    answer(SourceDialog, lambda d: d.name.setText("Local monitor"))
    window.source_panel.add_source()
    add_event(window, qtbot, answer, "Coalition reviews troop levels", "Jan 2019", "", "")
    event = window.session.ws.search_events(window.session.filter.with_(text="Baghouz"))[0]
    assert event.when.edtf == "2019-02-09"
    assert [(c.credibility, c.quote) for c in event.citations] == [(2, "the offensive is on hold while civilians leave")]
    assert table_titles(window) == ["Coalition reviews troop levels", "SDF pauses offensive on Baghouz"]

    # filter by typing the alias in the actor filter
    qtbot.keyClicks(window.filter_bar.actors, "Daesh")
    qtbot.keyClick(window.filter_bar.actors, Qt.Key.Key_Return)
    assert table_titles(window) == ["SDF pauses offensive on Baghouz"]
    assert window.filter_bar.count.text() == "1 of 2 events"
    window.filter_bar.clear_all()
    assert len(table_titles(window)) == 2

    # a duplicate actor, merged, then the merge undone
    answer(ActorDialog, lambda d: d.name.setText("ISIS"))
    window.actor_panel.add()
    isis = window.session.ws.find_actor("ISIS")
    troops = window.session.ws.search_events(window.session.filter.with_(text="troop"))[0]

    def link_isis(editor: EventEditor) -> None:
        editor.tabs.setCurrentIndex(1)
        editor.actors.add_button.click()
        qtbot.keyClicks(editor.actors.table.cellWidget(0, 0), "ISIS")

    answer(EventEditor, link_isis)
    window.table.selectRow(table_titles(window).index("Coalition reviews troop levels"))
    window.act_edit_event.trigger()
    assert window.session.undo_stack.undoText() == "Edit event “Coalition reviews troop levels”"
    assert window.session.ws.get_event(troops.uid).actor_uids == (isis.uid,)
    select_actors(window, ["Islamic State", "ISIS"])
    assert len(window.actor_panel.selected_uids()) == 2
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("Islamic State", True)))
    window.actor_panel.merge()
    ws = window.session.ws
    assert ws.find_actor("ISIS").name == "Islamic State"
    assert len(ws.actors()) == 1
    assert window.session.undo_stack.undoText() == "Merge actor ISIS into Islamic State"
    assert ws.get_event(troops.uid).actor_uids == (ws.find_actor("Islamic State").uid,)
    window.actor_panel.search.setText("isis")
    assert window.actor_panel.proxy.rowCount() == 1
    window.act_undo.trigger()
    assert ws.find_actor("ISIS").uid == isis.uid
    assert "ISIS" not in ws.find_actor("Daesh").aliases
    troops = ws.get_event(troops.uid)
    assert troops.actor_uids == (isis.uid,)

    # delete an event, then undo
    window.session.set_selection(ws.event_ids(window.session.filter.with_(text="Baghouz")))
    window.act_delete.trigger()
    assert table_titles(window) == ["Coalition reviews troop levels"]
    window.act_undo.trigger()
    assert table_titles(window) == ["Coalition reviews troop levels", "SDF pauses offensive on Baghouz"]

    # everything is on disk as left (there is no Save): close, then reopen the file from Open Recent
    window.close_workspace()
    assert window.windowTitle() == "Briefer" and window.table.model().rowCount() == 0
    # with no workspace, nothing offers to add an actor or a source (it raised AttributeError)
    for name in ("actor_add", "actor_edit", "source_add"):
        button = window.findChild(QToolButton, name)
        assert button is not None and not button.isEnabled(), name
    with Workspace.open(path) as again:
        assert again.find_actor("Daesh").name == "Islamic State"
        assert again.find_actor("ISIS").uid == isis.uid
        baghouz = again.search_events(window.session.filter.with_(text="Baghouz"))[0]
        assert baghouz.citations[0].quote == "the offensive is on hold while civilians leave"
        assert again.resolve_source("Reuters").reliability == "B"
        assert again.event_count() == 2
    window._fill_recent()
    next(a for a in window.recent_menu.actions() if a.text() == str(path)).trigger()
    assert window.windowTitle().startswith("syria")
    assert table_titles(window) == ["Coalition reviews troop levels", "SDF pauses offensive on Baghouz"]
    window.actor_panel.search.setText("daesh")
    assert window.actor_panel.proxy.rowCount() == 1
    window.filter_bar.actors.setText("Daesh")
    window.filter_bar.apply()
    assert table_titles(window) == ["SDF pauses offensive on Baghouz"]
    window.session.set_selection(window.session.ws.event_ids(window.session.filter), None)
    details = window.details.browser.toPlainText()
    assert "Reuters" in details and "the offensive is on hold while civilians leave" in details
    assert "Islamic State" in details


def test_the_date_field_says_what_it_understood_or_why_not(window, qtbot, tmp_path: Path) -> None:
    window.open_path(tmp_path / "w.briefer", create=True)
    editor = EventEditor(window.session, None, window)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.title, "Priest abducted in Raqqa")
    ok = editor.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(editor.when, "2013~")
    assert editor.when_label.text().startswith("c. 2013")
    assert ok.isEnabled()
    editor.when.clear()
    qtbot.keyClicks(editor.when, "4-9 Feb 2019")
    assert editor.when_label.text().startswith("4–9 Feb 2019")
    editor.when.clear()
    qtbot.keyClicks(editor.when, "soon")
    assert "soon" in editor.when_label.text()
    assert not ok.isEnabled()
    assert "date" in editor.message.text()
    editor.when.setText("2019-02-30")
    assert not ok.isEnabled()
    editor.when.setText("2019-02-09")
    editor.latitude.setText("north")
    assert "latitude 'north' is not a number" in editor.message.text()
    assert not ok.isEnabled()


def test_a_time_typed_at_a_utc_offset_is_kept_as_that_instant_and_said_in_utc(window, qtbot, tmp_path: Path) -> None:
    window.open_path(tmp_path / "w.briefer", create=True)
    editor = EventEditor(window.session, None, window)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.title, "Checkpoint attacked")
    qtbot.keyClicks(editor.when, "2019-02-09T14:00+03:00")
    assert editor.when_label.text() == "9 Feb 2019 11:00 UTC   (2019-02-09T11:00:00Z)"
    editor.when.setText("2019-02-09 01:30 +03:00")  # the day before, in UTC
    assert editor.when_label.text() == "8 Feb 2019 22:30 UTC   (2019-02-08T22:30:00Z)"
    editor.accept()
    saved = window.session.ws.events_by_ids(window.session.ws.event_ids())
    assert [e.when.edtf for e in saved] == ["2019-02-08T22:30:00Z"]

    editor = EventEditor(window.session, None, window)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.title, "Checkpoint attacked again")
    editor.when.setText("2019-02-09 14:00+15:00")
    assert "+15:00 is not a UTC offset" in editor.when_label.text()
    assert editor.message.text().startswith("date: ")
    assert not editor.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_the_event_editor_starts_in_the_title_and_keeps_its_width(window, qtbot, tmp_path: Path) -> None:
    window.open_path(tmp_path / "w.briefer", create=True)
    editor = EventEditor(window.session, None, window)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    assert editor.focusWidget() is editor.title  # what the analyst types first is the title
    width = editor.width()
    editor.when.setText("sometime between the second siege and whenever the corridor opens again " * 3)
    QApplication.processEvents()  # let the layout settle
    assert editor.width() <= width + 1 and editor.sizeHint().width() < 1200
    editor.summary.setFocus()
    qtbot.keyClick(editor.summary, Qt.Key.Key_Tab)
    assert editor.summary.toPlainText() == "" and not editor.summary.hasFocus()  # Tab moves on


def test_an_unknown_actor_in_the_editor_can_be_created_from_the_picker(window, qtbot, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    window.open_path(tmp_path / "w.briefer", create=True)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    editor = EventEditor(window.session, None, window)
    qtbot.addWidget(editor)
    editor.title.setText("Spokesman speaks")
    editor.when.setText("2019-02-09")
    editor.actors.add_row(None)
    editor.actors.table.cellWidget(0, 0).setText("Mustafa Bali")
    editor.accept()
    ws = window.session.ws
    bali = ws.resolve_actor("Mustafa Bali")
    assert ws.search_events()[0].actor_uids == (bali.uid,)


def test_search_text_that_cannot_be_searched_shows_a_message_and_keeps_the_view(window, qtbot,
                                                                                   demo_workspace) -> None:
    path = demo_workspace.path
    demo_workspace.close()
    window.open_path(path)
    before = window.table.model().rowCount()
    for text in ['"unbalanced (', "AND OR NOT", "-", "a*b* ) (", "NEAR(x y"]:
        window.filter_bar.text.setText(text)
        window.filter_bar.apply()  # never raises
    window.filter_bar.text.setText("***")
    window.filter_bar.apply()
    assert "no words to search" in window.filter_bar.message.text()
    assert window.table.model().rowCount() <= before
    window.filter_bar.text.setText("Baghouz")
    window.filter_bar.apply()
    assert window.filter_bar.message.text() == ""
    assert 0 < window.table.model().rowCount() < before


def test_the_table_sorts_dates_by_their_bounds_not_their_text(window, tmp_path: Path) -> None:
    from briefer.core.model import Event
    from briefer.core.when import When

    window.open_path(tmp_path / "w.briefer", create=True)
    ws = window.session.ws
    for title, edtf in [("year", "2019"), ("day", "2019-02-09"), ("early", "2018-12-31"), ("month", "2019-03")]:
        ws.add_event(Event(title, When.parse(edtf)))
    window.session.notify_changed()
    assert table_titles(window) == ["early", "year", "day", "month"]
    window.table.sortByColumn(WHEN, Qt.SortOrder.DescendingOrder)
    assert table_titles(window) == ["month", "day", "year", "early"]
    window.table.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    assert table_titles(window) == ["day", "early", "month", "year"]


def test_a_saved_view_is_recalled_by_name(window, demo_workspace) -> None:
    path = demo_workspace.path
    demo_workspace.close()
    window.open_path(path)
    window.filter_bar.actors.setText("Daesh")
    window.filter_bar.start.setText("2019")
    window.filter_bar.apply()
    wanted = window.table.model().rowCount()
    window.session.ws.save_view("IS in 2019", window.session.filter)
    window.filter_bar.refresh_choices()
    window.filter_bar.clear_all()
    assert window.table.model().rowCount() > wanted
    window.filter_bar._recall_view(window.filter_bar.views.findData("IS in 2019"))
    assert window.table.model().rowCount() == wanted
    assert window.filter_bar.actors.text() != ""


def test_a_file_that_is_not_a_workspace_gives_a_message_and_keeps_the_open_one(window, tmp_path: Path,
                                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: messages.append(text)))
    window.open_path(tmp_path / "good.briefer", create=True)
    bogus = tmp_path / "notes.briefer"
    bogus.write_text("shopping list\n")
    assert not window.open_path(bogus)
    assert messages and "notes.briefer" in messages[0]
    assert window.session.ws.path.name == "good.briefer"
    assert bogus.read_text() == "shopping list\n"


def test_layout_and_recent_files_come_back(qtbot, settings, tmp_path: Path) -> None:
    from briefer.ui.main_window import MainWindow

    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.open_path(tmp_path / "a.briefer", create=True)
    first.docks["Details"].hide()
    first.close()
    second = MainWindow(settings)
    qtbot.addWidget(second)
    assert second.recent_files()[0] == str(tmp_path / "a.briefer")
    assert settings.value("lastWorkspace") == str(tmp_path / "a.briefer")
    assert second.docks["Details"].isHidden()


def test_qt_calls_do_not_leak_references_to_none(qtbot) -> None:
    """PySide6 6.12.0 dropped a reference to None on every void Qt call and aborted the
    process after a few thousand; this catches such a release before users do."""
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for i in range(20000):
        label.setText("x")
        label.setEnabled(i % 2 == 0)
    assert sys.getrefcount(None) >= before - 100


def test_export_writes_the_events_shown_or_all(window, demo_workspace, tmp_path: Path) -> None:
    import json

    from briefer.ui.export_dialog import ExportDialog

    path = demo_workspace.path
    demo_workspace.close()
    window.open_path(path)
    window.filter_bar.text.setText("Baghouz")
    window.filter_bar.apply()
    shown = window.table.model().rowCount()
    dialog = ExportDialog(window.session.ws, window.session.filter, window)
    dialog.format.setCurrentIndex(dialog.format.findData("geojson"))
    assert dialog.scope_filter.isChecked()
    assert dialog.write(str(tmp_path / "shown.geojson")) <= shown
    features = json.loads((tmp_path / "shown.geojson").read_text())["features"]
    assert features and all("Baghouz" in json.dumps(f) for f in features)
    dialog.scope_all.setChecked(True)
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    assert dialog.write(str(tmp_path / "all.json")) == window.session.ws.event_count()


def test_a_large_result_is_read_a_window_at_a_time_and_shows_the_same(window, demo_workspace,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from briefer.ui import event_table

    path = demo_workspace.path
    demo_workspace.close()
    window.open_path(path)
    everything = table_titles(window)
    ids = [window.table.model().id_at(r) for r in range(len(everything))]
    monkeypatch.setattr(event_table, "LOAD_ALL_UP_TO", 5)
    monkeypatch.setattr(event_table, "PAGE", 4)
    window.session.notify_changed()
    model = window.table.model()
    assert model.windowed and model.ids == []
    assert table_titles(window) == everything
    window.session.set_selection([ids[17], ids[3]], None)
    assert sorted(window.table.selected_ids()) == sorted([ids[17], ids[3]])
    window.filter_bar.text.setText("Baghouz")
    window.filter_bar.apply()
    expected = [e.title for e in window.session.ws.search_events(window.session.filter)]
    assert 0 < len(expected) < len(everything)
    assert table_titles(window) == expected


def test_a_filter_change_reads_only_the_rows_shown_and_a_row_lookup_still_finds_any(
        window, demo_workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    """A filter change asks the store for the count and the rows on screen, not for every
    match in date order (at 1M events that was most of what a small filter cost the table);
    selecting an event still brings its row, wherever it stands."""
    path = demo_workspace.path
    demo_workspace.close()
    window.open_path(path)
    ws = window.session.ws
    asked: list[object] = []
    sorted_ids = ws.event_ids
    monkeypatch.setattr(ws, "event_ids", lambda *a, **k: asked.append(a) or sorted_ids(*a, **k))
    window.filter_bar.text.setText("Baghouz")
    window.filter_bar.apply()
    expected = [e.title for e in ws.search_events(window.session.filter)]
    assert len(expected) > 2
    assert asked == []  # nothing read beyond the count and the pages
    assert table_titles(window) == expected
    last = sorted_ids(window.session.filter)[-1]
    window.session.set_selection([last], None)
    assert window.table.selected_ids() == [last]
    assert window.table.selectionModel().selectedRows()[0].row() == len(expected) - 1



def test_clearing_a_filter_shows_the_rows_again_without_reading_them_but_an_edit_is_read(
        window, demo_workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    """Clearing a filter brings back the rows shown before it, already read (at 1M events the
    page's read was a third of what a clear cost the window); an edit made meanwhile is shown."""
    from dataclasses import replace

    from briefer.ui import commands

    path = demo_workspace.path
    demo_workspace.close()
    window.open_path(path)
    ws = window.session.ws
    everything = table_titles(window)
    window.filter_bar.text.setText("Baghouz")
    window.filter_bar.apply()
    assert 0 < len(table_titles(window)) < len(everything)
    reads: list[object] = []
    by_ids = ws.events_by_ids
    monkeypatch.setattr(ws, "events_by_ids", lambda ids: reads.append(ids) or by_ids(ids))
    window.filter_bar.text.setText("")
    window.filter_bar.apply()
    assert table_titles(window) == everything and reads == []
    window.filter_bar.text.setText("Baghouz")
    window.filter_bar.apply()
    event = window.table.model().event_at(0)
    commands.apply(window.session, commands.edit_event(window.session, event, replace(event, title="Renamed here")))
    window.filter_bar.text.setText("")
    window.filter_bar.apply()
    titles = table_titles(window)
    assert "Renamed here" in titles and event.title not in titles and reads


def test_save_a_copy_writes_a_workspace_that_opens_with_everything(window, demo_workspace, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    path = demo_workspace.path
    demo_workspace.close()
    window.open_path(path)
    copy = tmp_path / "copy.briefer"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(copy), "")))
    window.act_copy.trigger()
    assert window.session.ws.path == path  # still working in the original
    with Workspace.open(copy) as again:
        assert again.event_count() == window.session.ws.event_count()
        assert again.find_actor("Daesh").name == "Islamic State"


def test_a_small_window_keeps_titles_and_actor_names_readable(window, qtbot, tmp_path: Path) -> None:
    window.open_path(tmp_path / "w.briefer", create=True)
    window.show()
    window.resize(1000, 700)
    qtbot.waitExposed(window)
    QApplication.processEvents()
    floor = window.table.fontMetrics().horizontalAdvance("M") * 22
    assert window.table.columnWidth(TITLE) >= floor  # the table scrolls sideways rather than cut titles to "Isla…"
    panel = window.actor_panel
    panel.view.resize(150, 300)
    assert panel.view.isColumnHidden(1)  # in a narrow panel the aliases go before the names do
    panel.view.resize(600, 300)
    assert not panel.view.isColumnHidden(1)
    window.resize(1900, 1000)
    QApplication.processEvents()
    assert window.table.columnWidth(TITLE) >= floor
