"""File ▸ Export: the current filter's events (or all of them) in a dataset format.

The writing itself is the exchange package's, the same code `briefer-cli export` runs.
It runs in a worker thread on its own connection, with a progress bar and Cancel, so
that exporting a million events never freezes the window; a cancelled or failed export
leaves no file behind (and an existing file of that name as it was).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QThread, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel, QMessageBox, QProgressBar, QRadioButton,
    QVBoxLayout, QWidget,
)

from ..core.errors import BrieferError
from ..core.filter import EventFilter
from ..exchange.export_util import ExportCancelled
from ..exchange.formats import EXPORT_FORMATS, EXPORT_SUFFIXES, export_events
from ..store import Workspace
from ..store.external import write_through
from .screen_fit import fit_to_screen

__all__ = ["ExportDialog", "ExportWorker", "export_dialog"]


class ExportWorker(QThread):
    """Writes one export on its own connection to the workspace file."""

    progressed = Signal(int, int)  # done, total
    done = Signal(int)  # events written
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, ws_path: Path, fmt: str, target: str, f: Optional[EventFilter],
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.ws_path, self.fmt, self.target, self.filter = ws_path, fmt, target, f
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._cancel.is_set()

    def run(self) -> None:  # noqa: D401 - Qt's name
        try:
            with Workspace.open(self.ws_path) as ws:
                count = export_events(self.fmt, ws, self.target, self.filter, progress=self._progress)
            self.done.emit(count)
        except ExportCancelled:
            self.cancelled.emit()
        except BrieferError as error:
            self.failed.emit(str(error))
        except OSError as error:
            self.failed.emit(f"{error.filename or self.target}: {error.strerror or error}")
        except Exception as error:  # a bug: say so rather than crash; no file was renamed into place
            self.failed.emit(f"the export failed ({type(error).__name__}: {error})")


class ExportDialog(QDialog):
    exported = Signal(str, int)  # path, events written

    def __init__(self, ws: Workspace, current: EventFilter, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.current = current
        self.worker: Optional[ExportWorker] = None
        self.target = ""
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
        self.progress_bar = QProgressBar(objectName="exportProgress")
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.hide()
        self.status_label = QLabel("", objectName="exportStatus")
        self.status_label.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow("&Format:", self.format)
        form.addRow("Events:", scope)
        form.addRow(self.progress_bar)
        form.addRow(self.status_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def chosen_filter(self) -> Optional[EventFilter]:
        return None if self.scope_all.isChecked() else self.current

    def write(self, path: str) -> int:
        """Export at once on this connection (no thread): for scripts and tests."""
        return export_events(self.format.currentData(), self.ws, path, self.chosen_filter())

    def accept(self) -> None:
        if self.worker is not None:
            return
        fmt = self.format.currentData()
        suffix = EXPORT_SUFFIXES[fmt]
        path, _ = QFileDialog.getSaveFileName(self, "Export events", f"{self.ws.name}{suffix}",
                                              f"{EXPORT_FORMATS[fmt]} (*{suffix})")
        if not path:
            return
        self.start_export(path)

    def start_export(self, path: str) -> None:
        self.target = path
        self._busy(True)
        self.status_label.setText(f"Writing {Path(path).name}…")
        self.progress_bar.setValue(0)
        write_through(self.ws)
        self.worker = ExportWorker(self.ws.path, self.format.currentData(), path, self.chosen_filter(), self)
        self.worker.progressed.connect(self._progressed)
        self.worker.done.connect(self._done)
        self.worker.cancelled.connect(self._cancelled)
        self.worker.failed.connect(self._failed)
        self.worker.start()

    def _busy(self, busy: bool) -> None:
        for widget in (self.format, self.scope_filter, self.scope_all, self.save_button):
            widget.setEnabled(not busy)
        self.progress_bar.setVisible(busy)

    def _finish_worker(self) -> None:
        if self.worker is not None:
            self.worker.wait()
            self.worker = None
        self._busy(False)

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        self.progress_bar.setValue(int(1000 * done / total) if total else 1000)
        self.status_label.setText(f"Writing {Path(self.target).name}… {done:,} of {total:,} events")

    @Slot(int)
    def _done(self, count: int) -> None:
        self._finish_worker()
        self.status_label.setText(f"Wrote {count:,} events to {self.target}")
        self.exported.emit(self.target, count)
        QMessageBox.information(self, "Export", f"Wrote {count:,} events to {self.target}")
        super().accept()

    @Slot()
    def _cancelled(self) -> None:
        self._finish_worker()
        self.status_label.setText("Export cancelled; no file was written.")

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._finish_worker()
        self.status_label.setText(f"Nothing was written: {message}")
        QMessageBox.warning(self, "Export", message)

    def reject(self) -> None:
        if self.worker is not None:  # Cancel while writing stops the export; the dialog stays
            self.status_label.setText("Cancelling…")
            self.worker.cancel()
            return
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.worker is not None:
            self.worker.cancel()
            self.worker.wait()
            self.worker = None
        super().closeEvent(event)


def export_dialog(parent: QWidget, ws: Workspace, current: EventFilter) -> None:
    fit_to_screen(ExportDialog(ws, current, parent)).exec()
