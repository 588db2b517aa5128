"""The panels around the timeline, used as an analyst uses them: actors, sources, documents,
the Delete key, colour schemes, dropping a file, the menus."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from briefer.core.filter import EventFilter
from briefer.ui.actor_panel import NAMES_ROLE, UID_ROLE
from briefer.ui.event_editor import EventEditor
from briefer.ui.event_table import TITLE
from briefer.ui.preferences import PreferencesDialog
from briefer.ui.source_panel import DocumentReader


def press_in_message_box(monkeypatch: pytest.MonkeyPatch, button_text: str) -> list[str]:
    """The next QMessageBox built by hand gets `button_text` pressed; returns what it said."""
    said: list[str] = []

    def exec_(box: QMessageBox) -> int:
        said.append(box.text() + " " + box.informativeText())
        next(b for b in box.buttons() if b.text() == button_text).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return said


def rows_of(view, column: int = 0, parent=None) -> list[str]:
    model = view.model()
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    return [model.index(r, column, parent).data() for r in range(model.rowCount(parent))]


def select_in(view, text: str) -> None:
    """Click the row showing `text` (searched through the whole tree)."""
    model = view.model()
    found = model.match(model.index(0, 0), Qt.ItemDataRole.DisplayRole, text, 1,
                        Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
    assert found, f"{text} is not shown"
    view.setCurrentIndex(found[0])
    view.selectionModel().select(found[0], view.selectionModel().SelectionFlag.ClearAndSelect
                                 | view.selectionModel().SelectionFlag.Rows)


def table_titles(window) -> list[str]:
    model = window.table.model()
    return [model.index(r, TITLE).data() for r in range(model.rowCount())]


# -- actors ---------------------------------------------------------------------------------
def test_the_actor_search_finds_names_and_aliases(demo, qtbot) -> None:
    panel = demo.actor_panel
    qtbot.keyClicks(panel.search, "daesh")
    assert rows_of(panel.view) == ["Islamic State"]
    panel.search.clear()
    panel.search.setText("قسد")  # typed with an Arabic keyboard
    assert rows_of(panel.view) == ["Syrian Democratic Forces"]
    panel.search.clear()
    assert len(rows_of(panel.view)) == len(demo.session.ws.actors())


def test_actors_are_listed_flat_by_kind_or_as_an_affiliation_tree_with_their_event_counts(demo) -> None:
    panel, ws = demo.actor_panel, demo.session.ws
    counts = ws.actor_event_counts()
    flat = panel.view.model()
    for row in range(flat.rowCount()):
        uid = flat.index(row, 0).data(UID_ROLE)
        assert flat.index(row, 2).data() == counts.get(uid, 0)
    panel.grouping.setCurrentIndex(panel.grouping.findData("kind"))
    groups = rows_of(panel.view)
    assert "Persons" in groups and "Armed groups" in groups
    persons = flat.index(groups.index("Persons"), 0)
    assert "Donald Trump" in rows_of(panel.view, 0, persons)
    panel.grouping.setCurrentIndex(panel.grouping.findData("tree"))
    top = rows_of(panel.view)
    assert "Islamic State" in top and "Abu Bakr al-Baghdadi" not in top
    islamic_state = flat.index(top.index("Islamic State"), 0)
    assert rows_of(panel.view, 0, islamic_state) == ["Abu Bakr al-Baghdadi"]
    # the search still reaches members inside the tree
    panel.search.setText("al-Baghdadi")
    assert rows_of(panel.view) == ["Islamic State"]
    assert "al-baghdadi" in panel.view.model().index(0, 0, panel.view.model().index(0, 0)).data(NAMES_ROLE)


def test_a_large_workspace_lists_its_actors_at_once_and_counts_them_in_the_background(demo, qtbot,
                                                                                       monkeypatch) -> None:
    """With a million events the counts take a second: the window must not wait for them,
    and they must arrive, also after grouping changes while they are being read."""
    from briefer.ui import actor_panel

    monkeypatch.setattr(actor_panel, "COUNT_IN_BACKGROUND_ABOVE", 0)
    panel, ws = demo.actor_panel, demo.session.ws
    counts = ws.actor_event_counts()
    with qtbot.waitSignal(panel.countsReady, timeout=10_000):
        panel.reload()
        flat = panel.view.model()
        assert flat.rowCount() == len(ws.actors())
        panel.grouping.setCurrentIndex(panel.grouping.findData("tree"))  # a second count overtakes the first
    qtbot.waitUntil(lambda: not panel._workers, timeout=10_000)
    top = rows_of(panel.view)
    islamic_state = flat.index(top.index("Islamic State"), 0)
    assert flat.index(top.index("Islamic State"), 2).data() == counts[flat.index(top.index("Islamic State"), 0)
                                                                        .data(UID_ROLE)]
    member = flat.index(0, 2, islamic_state)
    assert member.data() == counts[flat.index(0, 0, islamic_state).data(UID_ROLE)]


def test_counts_arriving_from_the_background_change_the_list_once_sorted_by_count(demo, qtbot) -> None:
    """Counts read in the background come for every actor at once: one change per list of
    rows (the proxy re-sorted and the view re-measured after each, 0.5 s for 300 actors),
    and a list sorted by count is in order once they are in."""
    panel, ws = demo.actor_panel, demo.session.ws
    panel.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    counts = {uid: 0 for uid in ws.actor_event_counts()}
    panel._counted(panel._count_generation, counts)
    changes: list[object] = []
    panel.model.dataChanged.connect(lambda *a: changes.append(a))
    counts = ws.actor_event_counts()
    panel._counted(panel._count_generation, counts)
    assert len(changes) == 1  # one flat list
    shown = [panel.view.model().index(r, 2).data() for r in range(panel.view.model().rowCount())]
    assert shown == sorted(counts.values(), reverse=True) and shown[0] > 0


def test_aliases_are_edited_in_place_and_a_taken_alias_is_refused(demo, qtbot, monkeypatch) -> None:
    panel, ws = demo.actor_panel, demo.session.ws
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: warnings.append(text)))
    trump_row = rows_of(panel.view).index("Donald Trump")
    aliases = panel.view.model().index(trump_row, 1)
    assert aliases.flags() & Qt.ItemFlag.ItemIsEditable
    panel.view.model().setData(aliases, "President Trump, Trump, POTUS 45")
    qtbot.waitUntil(lambda: ws.find_actor("POTUS 45") is not None)
    assert ws.find_actor("POTUS 45").name == "Donald Trump"
    assert demo.session.undo_stack.undoText() == "Edit actor “Donald Trump”"
    aliases = panel.view.model().index(rows_of(panel.view).index("Donald Trump"), 1)
    panel.view.model().setData(aliases, "Trump, SDF")  # SDF belongs to the Syrian Democratic Forces
    qtbot.waitUntil(lambda: bool(warnings))
    assert "SDF" in warnings[0]
    assert panel.view.model().index(rows_of(panel.view).index("Donald Trump"), 1).data() == (
        "President Trump, Trump, POTUS 45")
    assert ws.find_actor("SDF").name == "Syrian Democratic Forces"
    assert ws.find_actor("POTUS 45").name == "Donald Trump"
    demo.act_undo.trigger()
    assert ws.find_actor("POTUS 45") is None


def test_selected_actors_highlight_their_events_or_filter_to_them(demo) -> None:
    panel, ws = demo.actor_panel, demo.session.ws
    total = ws.event_count()
    trump = ws.find_actor("Trump")
    his = set(ws.event_ids(EventFilter(actors=(trump.uid,))))
    assert not panel.filter_toggle.isChecked()
    select_in(panel.view, "Donald Trump")
    assert set(demo.session.selection) == his  # highlighted: selected everywhere
    assert set(demo.table.selected_ids()) == his
    assert set(demo.timeline.selected_ids()) == his
    assert demo.table.model().rowCount() == total
    panel.filter_toggle.click()  # now a filter
    assert demo.filter_bar.actors.text() == "Donald Trump"
    assert demo.table.model().rowCount() == len(his)
    assert demo.filter_bar.count.text() == f"{len(his)} of {total} events"
    panel.filter_toggle.click()  # back to highlighting: the filter goes
    assert demo.filter_bar.actors.text() == ""
    assert demo.table.model().rowCount() == total
    # Clear in the filter bar lets go of the actor the panel filtered by; nothing brings it back
    panel.filter_toggle.click()
    assert demo.table.model().rowCount() == len(his)
    demo.filter_bar.clear_all()
    demo.filter_bar.apply()
    assert demo.table.model().rowCount() == total and panel.selected_uids() == []
    panel.search.setText("tru")
    panel.search.setText("")
    assert demo.filter_bar.actors.text() == "" and demo.table.model().rowCount() == total


def test_merging_several_actors_is_one_undo_step(demo, monkeypatch) -> None:
    panel, ws = demo.actor_panel, demo.session.ws
    before = {a.uid: a for a in ws.actors()}
    links = {uid: ws.event_ids(EventFilter(actors=(uid,))) for uid in before}
    panel.view.clearSelection()
    for name in ("United States", "Donald Trump", "Sean Ryan"):
        found = panel.view.model().match(panel.view.model().index(0, 0), Qt.ItemDataRole.DisplayRole, name, 1,
                                         Qt.MatchFlag.MatchExactly)
        panel.view.selectionModel().select(found[0], panel.view.selectionModel().SelectionFlag.Select
                                           | panel.view.selectionModel().SelectionFlag.Rows)
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("United States", True)))
    panel.merge()
    us = ws.find_actor("United States")
    assert ws.find_actor("Trump").uid == us.uid and ws.find_actor("Col. Sean Ryan").uid == us.uid
    assert len(ws.event_ids(EventFilter(actors=(us.uid,)))) == len(
        set(links[us.uid]) | set(links[ws.find_actor("Washington").uid]) | set(
            links[next(u for u, a in before.items() if a.name == "Donald Trump")])
        | set(links[next(u for u, a in before.items() if a.name == "Sean Ryan")]))
    assert demo.session.undo_stack.undoText() == "Merge 2 actors into United States"
    demo.act_undo.trigger()
    assert {a.uid: a for a in ws.actors()} == before
    assert {uid: ws.event_ids(EventFilter(actors=(uid,))) for uid in before} == links


def test_deleting_an_actor_that_events_use_asks_what_to_do(demo, monkeypatch) -> None:
    panel, ws = demo.actor_panel, demo.session.ws
    cantlie = ws.find_actor("John Cantlie")
    his = ws.event_ids(EventFilter(actors=(cantlie.uid,)))
    select_in(panel.view, "John Cantlie")
    said = press_in_message_box(monkeypatch, "Cancel")
    panel.delete()
    assert "2 event(s)" in said[0] and ws.find_actor("Cantlie") is not None
    press_in_message_box(monkeypatch, "Remove from events")
    panel.delete()
    assert ws.find_actor("Cantlie") is None
    assert all(cantlie.uid not in e.actor_uids for e in ws.events_by_ids(his))
    assert demo.session.undo_stack.undoText() == "Delete actor “John Cantlie”"
    demo.act_undo.trigger()
    assert ws.event_ids(EventFilter(actors=(cantlie.uid,))) == his
    select_in(panel.view, "John Cantlie")
    press_in_message_box(monkeypatch, "Merge into…")
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("Islamic State", True)))
    panel.delete()
    assert ws.find_actor("Cantlie").name == "Islamic State"


def test_the_delete_key_deletes_what_is_selected_in_the_focused_panel(demo, qtbot, monkeypatch) -> None:
    ws = demo.session.ws
    events = ws.event_count()
    panel = demo.actor_panel
    select_in(panel.view, "People's Protection Units")
    demo.session.set_selection(ws.event_ids()[:1], None)  # an event is selected too
    press_in_message_box(monkeypatch, "Remove from events")
    panel.view.setFocus()
    demo.act_delete.trigger()
    assert ws.find_actor("YPG") is None and ws.event_count() == events
    demo.table.setFocus()
    demo.act_delete.trigger()
    assert ws.event_count() == events - 1
    assert QKeySequence(QKeySequence.StandardKey.Delete) in demo.act_delete.shortcuts()


# -- sources and documents ------------------------------------------------------------------------
def test_sources_show_grade_citations_and_documents_and_selecting_one_filters(demo) -> None:
    panel, ws = demo.source_panel, demo.session.ws
    demo.docks["Sources"].raise_()  # the Sources tab
    counts = ws.source_citation_counts()
    model = panel.view.model()
    names = rows_of(panel.view)
    afp = model.index(names.index("Agence France-Presse"), 0)
    assert model.index(afp.row(), 1).data() == "B"
    assert model.index(afp.row(), 2).data() == counts[ws.find_source("Agence France-Presse").uid]
    assert rows_of(panel.view, 0, afp) == ["SDF take Hajin after three months of fighting"]
    assert panel.filter_toggle.isChecked()
    select_in(panel.view, "Amaq")
    amaq = ws.find_source("Amaq")
    assert set(table_titles(demo)) == {e.title for e in ws.search_events(EventFilter(sources=(amaq.uid,)))}
    assert demo.filter_bar.sources.text() == "Amaq"
    select_in(panel.view, "SDF take Hajin after three months of fighting")  # a document stands for its source
    assert demo.filter_bar.sources.text() == "Agence France-Presse"
    panel.filter_toggle.click()  # off: the source's events are highlighted among all
    assert demo.filter_bar.sources.text() == ""
    afp_events = set(ws.event_ids(EventFilter(sources=(ws.find_source("Agence France-Presse").uid,))))
    assert set(demo.session.selection) == afp_events == set(demo.table.selected_ids())
    assert demo.table.model().rowCount() == ws.event_count()


def test_a_document_shows_its_cited_passages_and_a_click_selects_the_event(demo, qtbot) -> None:
    panel, ws = demo.source_panel, demo.session.ws
    demo.docks["Sources"].raise_()
    select_in(panel.view, "Assault on last IS enclave waits for civilians to leave")
    panel.open_document()
    reader = panel.findChild(DocumentReader)
    qtbot.addWidget(reader)
    qtbot.waitExposed(reader)
    document = reader.browser.document()
    anchors: list[tuple[int, str]] = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().isAnchor():
                anchors.append((fragment.position() + 1, fragment.charFormat().anchorHref()))
            it += 1
        block = block.next()
    cited = ws.document_citations(ws.get_document(panel._selected("document")[0]).uid)
    assert {href for _, href in anchors} == {f"event:{uid}" for uid, *_ in cited}
    position, href = anchors[-1]
    cursor = QTextCursor(document)
    cursor.setPosition(position)
    reader.browser.setTextCursor(cursor)
    reader.browser.ensureCursorVisible()  # scrolled to, as a reader would
    point = reader.browser.cursorRect(cursor).center()
    with qtbot.waitSignal(demo.session.selectionChanged):
        qtbot.mouseClick(reader.browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    uid = href.split(":", 1)[1]
    assert [e.uid for e in ws.events_by_ids(demo.session.selection)] == [uid]


def test_deleting_a_cited_source_can_move_its_citations_to_another(demo, monkeypatch) -> None:
    panel, ws = demo.source_panel, demo.session.ws
    demo.docks["Sources"].raise_()
    arab = ws.find_source("The New Arab")
    citing = ws.event_uids(EventFilter(sources=(arab.uid,)))
    documents = ws.documents(arab.uid)
    reuters_before = ws.event_uids(EventFilter(sources=(ws.find_source("Reuters").uid,)))
    select_in(panel.view, "The New Arab")
    press_in_message_box(monkeypatch, "Move to…")
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("Reuters", True)))
    panel.delete()
    reuters = ws.find_source("Reuters")
    assert ws.find_source("The New Arab") is None
    assert set(citing) <= set(ws.event_uids(EventFilter(sources=(reuters.uid,))))
    assert [d.uid for d in ws.documents(reuters.uid)] == [d.uid for d in documents]
    assert demo.session.undo_stack.undoText() == "Merge source The New Arab into Reuters"
    demo.act_undo.trigger()
    assert ws.event_uids(EventFilter(sources=(arab.uid,))) == citing
    assert [d.uid for d in ws.documents(arab.uid)] == [d.uid for d in documents]
    assert ws.event_uids(EventFilter(sources=(reuters.uid,))) == reuters_before
    select_in(panel.view, "The New Arab")
    press_in_message_box(monkeypatch, "Delete with citations")
    panel.delete()
    assert ws.find_source("The New Arab") is None
    assert all(arab.uid not in e.source_uids for e in ws.events_by_uids(citing))


def test_a_panel_behind_its_tab_catches_up_when_raised(demo, answer) -> None:
    from briefer.ui.source_panel import SourceDialog

    demo.docks["Sources"].raise_()
    answer(SourceDialog, lambda d: d.name.setText("Kurdistan 24"))
    demo.source_panel.add_source()
    demo.docks["Actors"].raise_()
    demo.act_undo.trigger()  # the source goes while its panel is out of sight
    demo.docks["Sources"].raise_()
    assert "Kurdistan 24" not in rows_of(demo.source_panel.view)
    assert demo.source_panel.view.model().rowCount() == len(demo.session.ws.sources())


# -- the event editor ---------------------------------------------------------------------------
def test_the_editor_completes_actors_by_alias_and_tags(demo, qtbot) -> None:
    editor = EventEditor(demo.session, None, demo)
    qtbot.addWidget(editor)
    editor.actors.add_row(None)
    completer = editor.actors.table.cellWidget(0, 0).completer()
    completer.setCompletionPrefix("dae")
    assert completer.currentCompletion() == "Daesh"
    completer.setCompletionPrefix("قس")
    assert completer.currentCompletion() == "قسد"
    tags = editor.tags.completer()
    editor.tags.setText("hajin, bag")
    tags.setCompletionPrefix(tags.splitPath(editor.tags.text())[0])
    assert tags.currentCompletion() == "hajin, baghouz"  # completes the last tag, keeps the others


def test_an_event_and_the_actor_created_for_it_are_one_undo_step(demo, qtbot, monkeypatch) -> None:
    ws = demo.session.ws
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    editor = EventEditor(demo.session, None, demo)
    qtbot.addWidget(editor)
    editor.title.setText("Tribal elders meet in Hajin")
    editor.when.setText("Mar 2019")
    for name in ("Elders of Hajin", "elders of hajin", "SDF"):
        editor.actors.add_row(None)
        editor.actors.table.cellWidget(editor.actors.table.rowCount() - 1, 0).setText(name)
    total = ws.event_count()
    assert demo.filter_bar.count.text() == f"{total} of {total} events"
    editor.accept()
    assert demo.filter_bar.count.text() == f"{total + 1} of {total + 1} events"
    elders = ws.find_actor("Elders of Hajin")
    event = ws.search_events(EventFilter(text="elders"))[0]
    assert event.actor_uids == (elders.uid, ws.find_actor("SDF").uid)
    assert demo.session.undo_stack.undoText().startswith("Add event “Tribal elders meet in Hajin”")
    demo.act_undo.trigger()
    assert ws.find_actor("Elders of Hajin") is None
    assert not ws.search_events(EventFilter(text="elders"))
    assert demo.filter_bar.count.text() == f"{total} of {total} events"
    demo.act_redo.trigger()
    assert ws.find_actor("Elders of Hajin").uid == elders.uid


def test_table_and_timeline_share_one_selection(demo) -> None:
    table, model = demo.table, demo.table.model()
    table.selectRow(2)
    table.selectionModel().select(model.index(4, 0), table.selectionModel().SelectionFlag.Select
                                  | table.selectionModel().SelectionFlag.Rows)
    chosen = sorted([model.id_at(2), model.id_at(4)])
    assert sorted(demo.timeline.selected_ids()) == chosen
    assert sorted(demo.session.selection) == chosen
    demo.timeline.selectionChanged.emit([model.id_at(7)])  # as a click on the timeline reports it
    assert table.selected_ids() == [model.id_at(7)]


def test_a_filter_is_saved_under_a_name_and_recalled(demo, monkeypatch) -> None:
    bar = demo.filter_bar
    bar.tag.setCurrentIndex(bar.tag.findData("hostages"))
    wanted = table_titles(demo)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Hostages", True)))
    bar.save_view.click()
    assert bar.views.currentText() == "Hostages"
    bar.clear.click()
    assert len(table_titles(demo)) > len(wanted)
    bar.views.activated.emit(bar.views.findData("Hostages"))
    assert table_titles(demo) == wanted
    assert bar.tag.currentData() == "hostages"


# -- the window -----------------------------------------------------------------------------------
@pytest.fixture
def restore_scheme():
    yield
    from briefer.ui import theme

    theme.apply_scheme("system")


def lightest_stroke(icon) -> int:
    image = icon.pixmap(32, 32).toImage()
    return max(image.pixelColor(x, y).lightness() for x in range(32) for y in range(32)
               if image.pixelColor(x, y).alpha() > 200)


def test_the_colour_scheme_can_be_chosen_and_sticks(window, qtbot, settings, restore_scheme) -> None:
    from briefer.ui import icons, theme

    app = QApplication.instance()
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    schemes = next(a.menu() for a in view_menu.actions() if a.menu() and "Scheme" in a.text())
    next(a for a in schemes.actions() if a.text() == "Dark").trigger()
    assert theme.palette_is_dark(app.palette())
    qtbot.waitUntil(lambda: theme.is_dark(window))  # widgets take the new palette from the event loop
    assert lightest_stroke(icons.icon("add")) > lightest_stroke(icons._icon("add", False)) + 40  # icons lighten
    assert settings.value("colorScheme") == "dark"
    dialog = PreferencesDialog(window, settings)
    assert dialog.scheme.currentData() == "dark"
    dialog.scheme.setCurrentIndex(dialog.scheme.findData("light"))
    dialog.accept()
    qtbot.waitUntil(lambda: not theme.is_dark(window))
    assert settings.value("colorScheme") == "light"
    # "follow the system": whatever the OS reports, the palette matches it
    theme.choose(settings, "system")
    assert theme.palette_is_dark(app.palette()) == theme.wants_dark("system")


@pytest.mark.parametrize("kind", ["PE_IndicatorCheckBox", "PE_IndicatorRadioButton"])
@pytest.mark.parametrize("dark", [True, False])
def test_a_check_box_shows_its_edge_on_a_list_in_either_scheme(qapp, dark: bool, kind: str) -> None:
    """The article review's Accept boxes sit on a list's base colour: in dark, Fusion drew their
    edge a shade off that base, and they could not be seen (nor the brief's Scope buttons)."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QImage, QPainter, QPalette
    from PySide6.QtWidgets import QStyle, QStyleOptionButton

    from briefer.ui import theme

    style = theme.BrieferStyle()
    palette = theme.dark_palette() if dark else style.standardPalette()
    base = palette.color(QPalette.ColorRole.Base)
    image = QImage(20, 20, QImage.Format.Format_RGB32)
    image.fill(base)
    option = QStyleOptionButton()
    option.rect, option.palette = QRect(2, 2, 14, 14), palette
    option.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Off
    painter = QPainter(image)
    style.drawPrimitive(getattr(QStyle.PrimitiveElement, kind), option, painter)
    painter.end()
    edge = max(abs(image.pixelColor(x, 9).lightness() - base.lightness()) for x in (2, 3, 4))
    assert edge >= 40


def test_without_a_workspace_its_commands_are_off(window, tmp_path: Path) -> None:
    for action in (window.act_new_event, window.act_delete, window.act_brief, window.act_export, window.act_copy):
        assert not action.isEnabled()
    assert window.act_new.isEnabled() and window.act_open.isEnabled()
    window.open_path(tmp_path / "w.briefer", create=True)
    assert window.act_new_event.isEnabled()
    window.close_workspace()
    assert not window.act_new_event.isEnabled() and window.windowTitle() == "Briefer"


def test_dropping_a_workspace_on_the_window_opens_it(window, tmp_path: Path, demo_workspace) -> None:
    path = demo_workspace.path
    demo_workspace.close()
    for name, accepted in ((path, True), (tmp_path / "notes.txt", False)):
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(name))])
        enter = QDragEnterEvent(window.rect().center(), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        enter.ignore()
        window.dragEnterEvent(enter)
        assert enter.isAccepted() == accepted
    drop = QDropEvent(QPointF(window.rect().center()), Qt.DropAction.CopyAction, mime := QMimeData(),
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    window.dropEvent(drop)
    assert window.session.ws.path == path
    assert window.windowTitle() == "demo — Briefer"
    assert window.recent_files()[0] == str(path)


def test_the_menus_have_the_standard_commands_and_keys(window, monkeypatch) -> None:
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    assert list(menus) == ["File", "Edit", "View", "Help"]

    def texts(menu) -> list[str]:
        return [a.text().replace("&", "").rstrip("…") for a in menu.actions() if not a.isSeparator() and a.isVisible()]

    assert texts(menus["File"]) == ["New Workspace", "Open Workspace", "Open Recent", "Save a Copy As", "Import",
                                    "Export", "Brief", "Merge Workspace", "Exchange", "Close Workspace", "Quit"]
    edit = texts(menus["Edit"])
    for wanted in ("Undo", "Redo", "Delete", "Find", "Preferences"):
        assert wanted in edit
    view = texts(menus["View"])
    assert {"Events", "Actors", "Sources", "Details"} <= set(view)
    assert any("Zoom" in t for t in view) and any("Lane" in t or "lane" in t for t in view)
    keys = QKeySequence.StandardKey
    for action, key in ((window.act_new, keys.New), (window.act_open, keys.Open), (window.act_undo, keys.Undo),
                        (window.act_find, keys.Find), (window.act_copy, keys.SaveAs),
                        (window.act_close, keys.Close), (window.act_delete, keys.Delete)):
        assert action.shortcuts() == QKeySequence.keyBindings(key), action.text()
    # Redo: the platform's keys, and Ctrl+Y everywhere (X11 has only Ctrl+Shift+Z)
    assert set(QKeySequence.keyBindings(keys.Redo)) | {QKeySequence("Ctrl+Y")} == set(window.act_redo.shortcuts())
    # where the platform has no key for Quit or Preferences, the usual ones are there
    assert window.act_quit.shortcuts() == (QKeySequence.keyBindings(keys.Quit) or [QKeySequence("Ctrl+Q")])
    assert window.act_preferences.shortcuts() and window.act_redo.shortcuts()
    owners: dict[str, list[str]] = {}
    for action in window.findChildren(type(window.act_new)):
        for key in action.shortcuts():
            owners.setdefault(key.toString(), []).append(action.text())
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}  # no key does two things
    for action in window.findChildren(type(window.act_new)):
        if not action.icon().isNull():
            assert not action.icon().pixmap(32, 32).isNull()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda parent, title, text: shown.append(text)))
    window.act_about.trigger()
    import PySide6

    assert PySide6.__version__ in shown[0] and "Qt " in shown[0] and "Python " in shown[0]


def test_every_icon_the_window_uses_is_in_resources_and_draws() -> None:
    from briefer.resources import resource_path
    from briefer.ui import icons

    names = sorted(p.stem for p in resource_path("icons", "").glob("*.svg"))
    assert {"add", "edit", "delete", "merge", "filter", "source", "document", "actor", "group", "briefer"} <= set(names)
    for name in names:
        for size in (16, 32, 64):  # 100% and 200% scaling
            image = icons.icon(name).pixmap(size, size).toImage()
            assert not image.isNull() and image.width() == size
            assert any(image.pixelColor(x, y).alpha() for x in range(size) for y in range(size)), name


def test_the_event_table_shows_an_open_date_whole(demo) -> None:
    model, table = demo.table.model(), demo.table
    shown = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert "on or before Apr 2019" in shown
    assert table.columnWidth(0) > table.fontMetrics().horizontalAdvance("on or before 30 Sep 2019") + 8


def test_the_details_name_a_place_once(demo) -> None:
    session = demo.session
    withdrawal = next(e for e in session.ws.search_events() if e.place == e.country == "Syria")
    session.set_selection(session.ws.event_ids(EventFilter(uids=(withdrawal.uid,))))
    text = demo.details.browser.toPlainText()
    assert withdrawal.title in text and "Syria, Syria" not in text and "\nSyria\n" in text


def test_a_filter_that_hides_the_selected_event_takes_it_out_of_the_details(demo) -> None:
    """Selecting Raqqa, then searching "Baghouz": the details must not go on showing Raqqa."""
    ws = demo.session.ws
    raqqa = ws.event_ids(EventFilter(text="Raqqa"))
    baghouz = ws.event_ids(EventFilter(text="Baghouz"))
    assert raqqa and baghouz and not set(raqqa) & set(baghouz)
    demo.session.set_selection(raqqa[:1] + baghouz[:1])
    shown = ws.events_by_ids(raqqa[:1])[0].title
    assert shown in demo.details.browser.toPlainText()
    demo.filter_bar.text.setText("Baghouz")
    demo.filter_bar.apply()
    assert demo.session.selection == baghouz[:1]
    assert shown not in demo.details.browser.toPlainText()
