"""The import dialog as an analyst uses it: choose, map, import in the background, read the report."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefer.store import Workspace
from briefer.ui.import_dialog import ACTORS_PAGE, RUN_PAGE, ImportDialog

FIXTURES = Path(__file__).resolve().parents[1] / "exchange" / "fixtures"
ACLED = FIXTURES / "acled_small.csv"


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def dialog(qtbot, workspace: Workspace, settings: QSettings) -> ImportDialog:
    d = ImportDialog(workspace, settings=settings)
    qtbot.addWidget(d)
    return d


def answer_bad_rows(monkeypatch: pytest.MonkeyPatch, import_good: bool) -> list[str]:
    asked: list[str] = []

    def exec_(box: QMessageBox) -> int:
        asked.append(box.text())
        return QMessageBox.StandardButton.Yes if import_good else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def to_actors(qtbot, dialog: ImportDialog) -> None:
    """Next on the file (or mapping) page: the actor names are read and shown."""
    dialog.next_button.click()
    assert dialog.pages.currentIndex() == ACTORS_PAGE
    qtbot.waitUntil(lambda: dialog.scanner is None, timeout=30000)
    assert dialog.next_button.text() == "Import" and dialog.next_button.isEnabled()


def run_to_end(qtbot, dialog: ImportDialog) -> None:
    to_actors(qtbot, dialog)
    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.worker is None and dialog.pages.currentIndex() == RUN_PAGE, timeout=30000)


def test_acled_file_imports_after_the_user_accepts_the_good_rows(qtbot, dialog: ImportDialog, workspace: Workspace,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 tmp_path: Path) -> None:
    asked = answer_bad_rows(monkeypatch, True)
    dialog.set_file(str(ACLED))
    assert dialog.chosen_format == "acled" and dialog.next_button.text() == "Next"
    to_actors(qtbot, dialog)
    with qtbot.waitSignal(dialog.imported, timeout=30000) as signal:
        dialog.next_button.click()
    assert asked and "2 of 6 rows could not be read" in asked[0]
    assert signal.args[0].added["events"] == 4
    qtbot.waitUntil(lambda: dialog.worker is None)
    assert workspace.count_events() == 4  # the dialog's own connection sees the worker's commit
    assert "line 7: latitude 'north' is not a number" in dialog.report_view.toPlainText()
    assert dialog.next_button.text() == "Close" and dialog.next_button.isEnabled()

    target = tmp_path / "saved-report.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog.save_report_button.click()
    assert target.read_text(encoding="utf-8").startswith("kind,line,where,reason")


def test_declining_the_bad_rows_imports_nothing(qtbot, dialog: ImportDialog, workspace: Workspace,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    answer_bad_rows(monkeypatch, False)
    dialog.set_file(str(ACLED))
    run_to_end(qtbot, dialog)
    assert workspace.count_events() == 0 and workspace.actors() == []
    assert dialog.report is not None and not dialog.report.committed
    assert "Nothing was imported" in dialog.status_label.text()


def big_acled(path: Path, rows: int) -> Path:
    lines = ["event_id_cnty,event_date,time_precision,event_type,actor1,actor2,location,notes,source"]
    lines += [f"BIG{i},2020-01-{i % 28 + 1:02d},1,Battles,Unit {i % 50},Unit {(i + 7) % 50},Place {i % 300},"
              f"\"Fighting near place {i % 300}, again\",Paper {i % 20}" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_cancel_during_the_import_leaves_the_workspace_as_it_was(qtbot, dialog: ImportDialog,
                                                                  workspace: Workspace, tmp_path: Path) -> None:
    dialog.set_file(str(big_acled(tmp_path / "big.csv", 8000)))
    to_actors(qtbot, dialog)
    dialog.next_button.click()
    assert dialog.cancel_button.text() == "Cancel import"
    with qtbot.waitSignal(dialog.worker.progressed, timeout=30000):
        pass
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=30000)
    assert dialog.report is not None and dialog.report.cancelled
    assert workspace.count_events() == 0 and workspace.actors() == [] and workspace.sources() == []
    assert "cancelled" in dialog.status_label.text()


def test_escape_during_the_import_cancels_it_and_says_so(qtbot, dialog: ImportDialog, workspace: Workspace,
                                                         tmp_path: Path) -> None:
    dialog.show()
    dialog.set_file(str(big_acled(tmp_path / "big.csv", 8000)))
    to_actors(qtbot, dialog)
    dialog.next_button.click()
    with qtbot.waitSignal(dialog.worker.progressed, timeout=30000):
        pass
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and "Cancelling" in dialog.status_label.text()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=30000)
    assert dialog.report is not None and dialog.report.cancelled and workspace.count_events() == 0


def test_a_generic_csv_is_mapped_with_a_preview_and_the_mapping_is_kept(qtbot, dialog: ImportDialog,
                                                                         workspace: Workspace,
                                                                         settings: QSettings,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    answer_bad_rows(monkeypatch, True)
    dialog.set_file(str(FIXTURES / "reports_mapped.csv"))
    assert dialog.chosen_format == "csv" and dialog.next_button.text() == "Next"
    dialog.next_button.click()
    assert dialog.pages.currentIndex() == 1
    assert dialog.preview_table.columnCount() == 9 and dialog.preview_table.rowCount() == 4
    assert dialog.preview_table.item(0, 2).text() == "Checkpoint attacked"
    guessed = dialog.current_mapping()
    assert guessed.columns["date"] == "Day" and guessed.columns["title"] == "Headline"
    combos = dialog.target_combos
    combos["place"].setCurrentText("Where")
    combos["actor:initiator"].setCurrentText("Who did it")
    combos["actor:target"].setCurrentText("Against whom")
    combos["external_id"].setCurrentText("Ref")
    dialog.separator_edit.setText("|")
    assert "→ Place" in dialog.preview_table.horizontalHeaderItem(3).text()
    dialog.save_mapping_as("Weekly reports")

    to_actors(qtbot, dialog)
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        dialog.next_button.click()
    attack = workspace.find_event_by_external_id("Ref" and "R-1")
    assert attack is not None and attack.place == "Stone Bridge" and len(attack.participants) == 2
    assert [workspace.get_source(c.source_uid).name for c in attack.citations][:2] == ["Eastland Monitor",
                                                                                        "Radio Harbour"]

    again = ImportDialog(workspace, settings=settings)
    qtbot.addWidget(again)
    again.set_file(str(FIXTURES / "reports_mapped.csv"))
    again.next_button.click()
    index = again.saved_combo.findText("Weekly reports")
    assert index > 0
    again.saved_combo.setCurrentIndex(index)
    again.saved_combo.activated.emit(index)
    assert again.current_mapping().columns == dialog.current_mapping().columns
    assert again.current_mapping().list_separator == "|"


def test_a_missing_file_cannot_be_imported(dialog: ImportDialog) -> None:
    dialog.set_file("/no/such/file.csv")
    assert not dialog.next_button.isEnabled()
    assert "no such file" in dialog.file_info.text()


def test_an_image_chosen_by_mistake_is_named_as_not_a_text_file(dialog: ImportDialog, tmp_path: Path) -> None:
    png = tmp_path / "map.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    dialog.set_file(str(png))
    assert "not a text file" in dialog.file_info.text()
    assert dialog.head_view.toPlainText() == ""


def test_a_mapping_saved_to_a_file_drives_the_command_line(qtbot, dialog: ImportDialog, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import json
    import subprocess
    import sys

    dialog.set_file(str(FIXTURES / "reports_mapped.csv"))
    dialog.next_button.click()
    dialog.target_combos["place"].setCurrentText("Where")
    dialog.target_combos["actor:initiator"].setCurrentText("Who did it")
    dialog.target_combos["external_id"].setCurrentText("Ref")
    dialog.separator_edit.setText("|")
    target = tmp_path / "weekly-mapping.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog._save_file()
    assert json.loads(target.read_text(encoding="utf-8"))["columns"]["place"] == "Where"

    ws_path = tmp_path / "cli.briefer"
    run = [sys.executable, "-m", "briefer.cli"]
    subprocess.run([*run, "init", str(ws_path)], check=True, capture_output=True, timeout=120)
    out = subprocess.run([*run, "-w", str(ws_path), "import", "--format", "csv", str(FIXTURES / "reports_mapped.csv"),
                          "--mapping", str(target), "--json"], check=True, capture_output=True, text=True, timeout=120)
    result = json.loads(out.stdout)
    assert result["added"]["events"] >= 2
    ws = Workspace.open(ws_path)
    try:
        attack = ws.find_event_by_external_id("R-1")
        assert attack is not None and attack.place == "Stone Bridge"
        assert ws.find_actor("Black Flag Movement") is not None
    finally:
        ws.close()


def syria_acled(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    from ..exchange.helpers import clash, write_acled

    return write_acled(path, [clash(*row) for row in rows])


def test_the_analyst_reconciles_actor_names_before_they_land_and_the_choice_is_remembered(
        qtbot, demo_workspace: Workspace, settings: QSettings, tmp_path: Path) -> None:
    ws = demo_workspace
    d = ImportDialog(ws, settings=settings)
    qtbot.addWidget(d)
    d.set_file(str(syria_acled(tmp_path / "syria.csv", [
        ("SY1", "QSD: Syrian Democratic Forces", "Islamic State (Syria)"),
        ("SY2", "Global Coalition Against Daesh", "Islamic State (Syria)"),
        ("SY3", "Military Forces of United States", "Operation Peace Spring")])))
    to_actors(qtbot, d)
    table = d.actor_choices.table
    rows = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    # suggestions first, then new actors, then the sure matches
    assert rows == [["Global Coalition Against Daesh", "the same as", "US-led coalition"],
                    ["Military Forces of United States", "the same as", "United States"],
                    ["Islamic State (Syria)", "a new branch of", "Islamic State"],
                    ["Operation Peace Spring", "a new actor", "Operation Peace Spring"],
                    ["QSD: Syrian Democratic Forces", "the same as", "Syrian Democratic Forces"]]
    assert "Suggested:" in table.item(0, 3).text() and "3 match an actor" in d.actor_choices.summary.text()
    d.actor_choices.set_choice("Military Forces of United States", "new", new_name="US Armed Forces")
    with qtbot.waitSignal(d.imported, timeout=30000) as signal:
        d.next_button.click()
    assert signal.args[0].added["actors"] == 3
    assert ws.find_actor("Islamic State (Syria)").member_of == ws.find_actor("Islamic State").uid
    forces = ws.find_actor("Military Forces of United States")
    assert forces.name == "US Armed Forces" and forces.uid != ws.find_actor("United States").uid
    event = ws.find_event_by_external_id("SY2")
    assert ws.find_actor("US-led coalition").uid in event.actor_uids
    qtbot.waitUntil(lambda: d.worker is None)

    again = ImportDialog(ws, settings=settings)
    qtbot.addWidget(again)
    again.set_file(str(syria_acled(tmp_path / "later.csv", [("SY9", "Global Coalition Against Daesh", "")])))
    to_actors(qtbot, again)
    assert again.actor_choices.table.item(0, 3).text() == "chosen for this dataset before"


def test_a_folder_is_imported_in_one_go_with_one_progress_bar_naming_the_file(
        qtbot, dialog: ImportDialog, workspace: Workspace, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    big_acled(folder / "a-january.csv", 3000)
    (folder / "b-february.csv").write_text(
        (folder / "a-january.csv").read_text(encoding="utf-8").replace("BIG", "FEB"), encoding="utf-8")
    dialog.set_files([str(folder)])
    assert "2 files, imported together" in dialog.file_info.text()
    to_actors(qtbot, dialog)
    seen: list[str] = []
    dialog.next_button.click()
    dialog.worker.progressed.connect(lambda f, text: seen.append(dialog.status_label.text()))
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=60000)
    assert dialog.report.committed and workspace.count_events() == 6000
    assert any("b-february.csv (2 of 2)" in text for text in seen)
    assert dialog.progress_bar.value() == 1000
    assert "a-january.csv" in dialog.report_view.toPlainText()


def test_the_actor_filter_lists_whole_names_however_narrow_its_field(window, qtbot, tmp_path: Path) -> None:
    """After an import, "Islamic State" and "Islamic State (Syria)" must be told apart in the
    actor filter's completion list: the list is as wide as the longest name, not the field."""
    from briefer.core.model import Actor, ActorKind
    from briefer.demo import create_demo_workspace

    path = tmp_path / "demo.briefer"
    ws = create_demo_workspace(path)
    ws.add_actor(Actor("Islamic State (Syria) - Wilayat al-Khayr Province", ActorKind.ARMED_GROUP))
    ws.close()
    window.resize(1280, 720)
    assert window.open_path(path)
    edit = window.filter_bar.actors
    completer = edit.completer()
    edit.setFocus()
    qtbot.keyClicks(edit, "islamic")
    qtbot.waitUntil(completer.popup().isVisible, timeout=5000)
    popup = completer.popup()
    longest = popup.fontMetrics().horizontalAdvance("Islamic State (Syria) - Wilayat al-Khayr Province")
    assert longest > edit.width()  # the field alone would cut it
    assert popup.width() >= longest + 10


def test_the_actor_step_is_changed_in_the_table_itself(qtbot, demo_workspace: Workspace, settings: QSettings,
                                                        tmp_path: Path) -> None:
    from PySide6.QtWidgets import QComboBox, QLineEdit, QStyleOptionViewItem

    from briefer.ui.import_actors import ACTOR, CHOICE

    d = ImportDialog(demo_workspace, settings=settings)
    qtbot.addWidget(d)
    d.set_file(str(syria_acled(tmp_path / "s.csv", [("SY1", "Operation Peace Spring", "Hezbollah")])))
    to_actors(qtbot, d)
    table = d.actor_choices.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "Operation Peace Spring")
    delegate = table.itemDelegate()

    def edit(column: int, pick: str) -> None:
        index = table.model().index(row, column)
        editor = delegate.createEditor(table.viewport(), QStyleOptionViewItem(), index)
        delegate.setEditorData(editor, index)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.findText(pick))
        else:
            assert isinstance(editor, QLineEdit)
            editor.setText(pick)
        delegate.setModelData(editor, table.model(), index)

    edit(CHOICE, "a new branch of")
    assert d.actor_choices.missing_actor() == "Operation Peace Spring"  # a branch of whom?
    d.next_button.click()
    assert d.pages.currentIndex() == ACTORS_PAGE and "Choose the actor" in d.actor_choices.summary.text()
    edit(ACTOR, "Syrian Democratic Forces")
    assert table.item(row, 3).text() == "Chosen by you"
    with qtbot.waitSignal(d.imported, timeout=30000):
        d.next_button.click()
    spring = demo_workspace.find_actor("Operation Peace Spring")
    assert spring.member_of == demo_workspace.find_actor("Syrian Democratic Forces").uid
    qtbot.waitUntil(lambda: d.worker is None)
