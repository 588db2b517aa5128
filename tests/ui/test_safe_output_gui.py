"""The window's outputs never overwrite the open workspace: File ▸ Export and Save a Copy say why."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefer.core.filter import EventFilter
from briefer.ui.export_dialog import ExportDialog


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: said.append(text))
    return said


@pytest.mark.parametrize("suffix", ["", "-wal"])
def test_export_onto_the_open_workspace_is_refused(qtbot, demo_workspace, monkeypatch: pytest.MonkeyPatch,
                                                  warnings: list[str], suffix: str) -> None:
    target = Path(f"{demo_workspace.path}{suffix}")
    events = demo_workspace.count_events()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(target), ""))
    dialog = ExportDialog(demo_workspace, EventFilter())
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.worker is None and bool(warnings), timeout=30000)
    assert any("choose another file name" in text and target.name in text for text in warnings), warnings
    assert demo_workspace.path.read_bytes().startswith(b"SQLite format 3")  # still the workspace, not JSON
    demo_workspace.close()
    from briefer.store import Workspace

    with Workspace.open(target.with_name(target.name.removesuffix("-wal"))) as again:
        assert again.count_events() == events > 0


def test_save_a_copy_onto_the_open_workspace_is_refused(window, demo_workspace, monkeypatch: pytest.MonkeyPatch,
                                                        warnings: list[str]) -> None:
    path = demo_workspace.path
    demo_workspace.close()
    window.open_path(str(path))
    before = path.read_bytes()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(path), ""))
    window.save_copy()
    assert len(warnings) == 1 and "is the open workspace" in warnings[0]
    assert path.read_bytes() == before
