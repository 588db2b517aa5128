"""File ▸ Export as an analyst uses it: the events shown or every event, in each format,
written in the background with progress and Cancel."""

from __future__ import annotations

import csv
import json
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefer.core.filter import EventFilter
from briefer.core.when import When
from briefer.store import Workspace
from briefer.ui.export_dialog import ExportDialog, ExportWorker

IN_2019 = EventFilter(start=When.parse("2019"))


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: said.append(("info", text)))
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(("warning", text)))
    return said


def save_to(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[str]:
    offered: list[str] = []

    def ask(_parent, _caption, suggested, _filter):
        offered.append(suggested)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    return offered


def make(qtbot, ws: Workspace, f: EventFilter, fmt: str) -> ExportDialog:
    dialog = ExportDialog(ws, f)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    return dialog


def save(qtbot, dialog: ExportDialog) -> None:
    """Press Save (the file dialog is answered by `save_to`) and wait for the writing to end."""
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=30000)


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_a_filter_exports_the_events_shown_by_default(qtbot, demo_workspace: Workspace, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch, messages) -> None:
    shown = demo_workspace.count_events(IN_2019)
    total = demo_workspace.event_count()
    assert 0 < shown < total
    dialog = make(qtbot, demo_workspace, IN_2019, "acled")
    assert dialog.scope_filter.isChecked()
    assert f"({shown:,})" in dialog.scope_filter.text() and f"({total:,})" in dialog.scope_all.text()
    target = tmp_path / "shown.csv"
    offered = save_to(monkeypatch, target)
    save(qtbot, dialog)
    assert offered[0].endswith(".csv")
    assert len(rows(target)) == shown
    assert messages == [("info", f"Wrote {shown:,} events to {target}")]


def test_every_event_can_be_chosen_instead(qtbot, demo_workspace: Workspace, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch, messages) -> None:
    dialog = make(qtbot, demo_workspace, IN_2019, "timelinejs")
    dialog.scope_all.setChecked(True)
    target = tmp_path / "all.json"
    save_to(monkeypatch, target)
    save(qtbot, dialog)
    assert len(json.loads(target.read_text(encoding="utf-8"))["events"]) == demo_workspace.event_count()


def test_without_a_filter_everything_is_offered(qtbot, demo_workspace: Workspace) -> None:
    dialog = make(qtbot, demo_workspace, EventFilter(), "json")
    assert dialog.scope_all.isChecked()


def test_geojson_holds_only_located_events(qtbot, demo_workspace: Workspace, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch, messages) -> None:
    dialog = make(qtbot, demo_workspace, EventFilter(), "geojson")
    target = tmp_path / "located.geojson"
    offered = save_to(monkeypatch, target)
    save(qtbot, dialog)
    assert offered[0].endswith(".geojson")
    features = json.loads(target.read_text(encoding="utf-8"))["features"]
    assert features and all(len(f["geometry"]["coordinates"]) == 2 for f in features)
    assert messages[0][1].startswith(f"Wrote {len(features):,} events")


def test_the_full_json_export_reads_back_into_a_new_workspace(qtbot, demo_workspace: Workspace, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch, messages) -> None:
    from briefer.exchange.json_format import import_json

    dialog = make(qtbot, demo_workspace, IN_2019, "json")
    dialog.scope_all.setChecked(True)
    target = tmp_path / "full.json"
    save_to(monkeypatch, target)
    save(qtbot, dialog)
    copy = Workspace.create(tmp_path / "copy.briefer")
    try:
        import_json(copy, target)
        assert copy.event_count() == demo_workspace.event_count()
    finally:
        copy.close()


def test_a_file_that_cannot_be_written_is_a_message_and_the_dialog_stays(qtbot, demo_workspace: Workspace,
                                                                         tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch,
                                                                         messages) -> None:
    dialog = make(qtbot, demo_workspace, EventFilter(), "acled")
    dialog.show()
    save_to(monkeypatch, tmp_path / "no" / "such" / "folder.csv")
    save(qtbot, dialog)
    assert [kind for kind, _ in messages] == ["warning"]
    assert "folder.csv" in messages[0][1] and "\n" not in messages[0][1]
    assert dialog.isVisible() and dialog.save_button.isEnabled()


def test_cancelling_the_file_choice_writes_nothing(qtbot, demo_workspace: Workspace, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch, messages) -> None:
    dialog = make(qtbot, demo_workspace, EventFilter(), "acled")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    dialog.accept()
    assert messages == [] and list(tmp_path.glob("*.csv")) == []


def test_cancel_while_writing_leaves_no_file_and_the_old_one_intact(qtbot, demo_workspace: Workspace,
                                                                     tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                     messages) -> None:
    gate = threading.Event()
    original = ExportWorker._progress

    def held(worker: ExportWorker, done: int, total: int) -> bool:
        original(worker, done, total)
        if done == 0:
            gate.wait(30)  # hold the worker until the user has pressed Cancel
        return not worker._cancel.is_set()

    monkeypatch.setattr(ExportWorker, "_progress", held)
    target = tmp_path / "events.csv"
    target.write_text("an older export\n", encoding="utf-8")
    dialog = make(qtbot, demo_workspace, EventFilter(), "acled")
    dialog.show()
    dialog.start_export(str(target))
    assert not dialog.save_button.isEnabled() and dialog.progress_bar.isVisible()
    dialog.reject()  # Cancel while writing: stops the export, keeps the dialog
    gate.set()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=30000)
    assert "cancelled" in dialog.status_label.text() and dialog.isVisible()
    assert target.read_text(encoding="utf-8") == "an older export\n"
    assert list(tmp_path.glob("*.briefer-tmp")) == [] and messages == []
    dialog.reject()
    assert not dialog.isVisible()


def test_progress_is_shown_while_writing(qtbot, demo_workspace: Workspace, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch, messages) -> None:
    seen: list[tuple[int, int]] = []
    original = ExportDialog._progressed

    def shown(dialog: ExportDialog, done: int, total: int) -> None:
        original(dialog, done, total)
        seen.append((done, total))
        assert dialog.progress_bar.isVisible() and f"{done:,} of {total:,}" in dialog.status_label.text()

    monkeypatch.setattr(ExportDialog, "_progressed", shown)
    dialog = make(qtbot, demo_workspace, EventFilter(), "timelinejs")
    dialog.show()
    save_to(monkeypatch, tmp_path / "all.json")
    save(qtbot, dialog)
    total = demo_workspace.event_count()
    assert seen and seen[-1] == (total, total)
    assert messages == [("info", f"Wrote {total:,} events to {tmp_path / 'all.json'}")]
