"""File ▸ Export: the current filter's events (or all of them) in a dataset format.

The writing itself is the exchange package's, the same code `briefer-cli export` runs.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QMessageBox, QRadioButton, QVBoxLayout, QWidget,
)

from ..core.errors import BrieferError
from ..core.filter import EventFilter
from ..exchange.formats import EXPORT_FORMATS, EXPORT_SUFFIXES, export_events
from ..store import Workspace


class ExportDialog(QDialog):
    def __init__(self, ws: Workspace, current: EventFilter, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.current = current
        self.setWindowTitle("Export events")
        self.format = QComboBox(objectName="exportFormat")
        for key, label in EXPORT_FORMATS.items():
            self.format.addItem(label, key)
        shown = ws.count_events(current)
        total = ws.event_count()
        self.scope_filter = QRadioButton(f"The events shown ({shown:,})", objectName="exportShown")
        self.scope_all = QRadioButton(f"Every event ({total:,})", objectName="exportAll")
        (self.scope_all if current.is_empty else self.scope_filter).setChecked(True)
        scope = QVBoxLayout()
        scope.addWidget(self.scope_filter)
        scope.addWidget(self.scope_all)
        form = QFormLayout(self)
        form.addRow("&Format:", self.format)
        form.addRow("Events:", scope)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen_filter(self) -> Optional[EventFilter]:
        return None if self.scope_all.isChecked() else self.current

    def write(self, path: str) -> int:
        return export_events(self.format.currentData(), self.ws, path, self.chosen_filter())

    def accept(self) -> None:
        fmt = self.format.currentData()
        suffix = EXPORT_SUFFIXES[fmt]
        path, _ = QFileDialog.getSaveFileName(self, "Export events", f"{self.ws.name}{suffix}",
                                              f"{EXPORT_FORMATS[fmt]} (*{suffix})")
        if not path:
            return
        try:
            count = self.write(path)
        except (BrieferError, OSError) as error:
            QMessageBox.warning(self, "Export", str(error))
            return
        QMessageBox.information(self, "Export", f"Wrote {count:,} events to {path}")
        super().accept()


def export_dialog(parent: QWidget, ws: Workspace, current: EventFilter) -> None:
    ExportDialog(ws, current, parent).exec()
