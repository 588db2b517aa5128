"""File ▸ Import ▸ Dataset…: bring ACLED, GDELT, CSV, TimelineJS or Timeline files in.

Four steps on one dialog: choose one file, several, or a folder of exports (each
file's format is guessed, the encoding detected unless the user picks one); for a
generic CSV, map its columns with a preview of the first rows (mappings are kept by
name in the settings and can be saved to or loaded from JSON files, the same files
`briefer-cli import --mapping` takes); confirm what each actor name in the files
becomes (`import_actors.py`: an existing actor, a branch of one, or a new actor);
then the import runs in a worker thread on its own connection, with one progress bar
across the files naming the one being read, and Cancel.
When rows could not be read the user is asked whether to import the good ones; the
report (counts, every skipped row with its line and reason) is shown and can be saved.

The whole import, every file, is one transaction in the worker: Cancel, an error, or "No" to the
bad-rows question leaves the workspace as it was.  `imported` is emitted after a
commit so that the main window reloads its views.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import QSettings, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPlainTextEdit,
    QProgressBar, QPushButton, QStackedWidget, QVBoxLayout, QWidget,
)

from ..core.errors import BrieferError
from ..exchange.csv_mapping import ColumnMapping
from ..exchange.encoding import TextFile
from ..exchange.formats import IMPORT_FORMATS, choose_formats, expand_inputs
from ..exchange.report import ImportReport
from ..store import Workspace
from ..store.external import write_through
from .import_actors import ActorChoices
from .import_mapping import ColumnMappingStep
from .import_workers import ImportWorker, ScanWorker

__all__ = ["ImportDialog", "ImportWorker"]

FILE_PAGE, MAPPING_PAGE, RUN_PAGE, ACTORS_PAGE = range(4)

DATASET_FORMATS = {k: v for k, v in IMPORT_FORMATS.items()}
ENCODINGS = [("Detect", ""), ("UTF-8", "utf-8"), ("UTF-8 with BOM", "utf-8-sig"), ("UTF-16", "utf-16"),
             ("Windows-1252", "cp1252"), ("Latin-1 (ISO 8859-1)", "latin-1")]
FILE_FILTER = ("Datasets (*.csv *.tsv *.txt *.CSV *.json *.timeline);;CSV or TSV (*.csv *.tsv *.txt *.CSV);;"
               "JSON (*.json);;Timeline (*.timeline);;All files (*)")


class ImportDialog(ColumnMappingStep, QDialog):
    imported = Signal(object)  # ImportReport, after a commit: reload the views

    def __init__(self, ws: Workspace, parent: Optional[QWidget] = None,
                 settings: Optional[QSettings] = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.settings = settings or QSettings()
        self.report: Optional[ImportReport] = None
        self.worker: Optional[ImportWorker] = None
        self.scanner: Optional[ScanWorker] = None
        self.files: list[tuple[str, str]] = []  # (file, detected format)
        self.mapping = ColumnMapping()
        self._header: list[str] = []
        self.setObjectName("importDialog")
        self.setWindowTitle("Import dataset")
        self.resize(900, 620)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._run_page())
        self.actor_choices = ActorChoices()
        self.pages.addWidget(self.actor_choices)

        self.back_button = QPushButton("Back")
        self.next_button = QPushButton("Next")
        self.next_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel")
        self.back_button.clicked.connect(self._back)
        self.next_button.clicked.connect(self._next)
        self.cancel_button.clicked.connect(self._cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.back_button, self.next_button, self.cancel_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    # -- page 1: the file -------------------------------------------------------------
    def _file_page(self) -> QWidget:
        page = QWidget()
        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText("Choose files or a folder…  (several files: separate them with ;)")
        self.file_edit.editingFinished.connect(self._typed)
        browse = QPushButton("Files…")
        browse.setToolTip("Choose one file or several (they are imported together, all or nothing)")
        browse.clicked.connect(self._browse)
        folder = QPushButton("Folder…")
        folder.setToolTip("Import every dataset file in a folder, all or nothing")
        folder.clicked.connect(self._browse_folder)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(browse)
        row.addWidget(folder)
        self.format_combo = QComboBox()
        for key, label in DATASET_FORMATS.items():
            self.format_combo.addItem(label, key)
        self.format_combo.currentIndexChanged.connect(self._format_chosen)
        self._format_forced = False
        self._given: list[str] = []
        self.encoding_combo = QComboBox()
        for label, codec in ENCODINGS:
            self.encoding_combo.addItem(label, codec)
        self.file_info = QLabel("")
        self.file_info.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Files:", row)
        form.addRow("Format:", self.format_combo)
        form.addRow("Encoding:", self.encoding_combo)
        explain = QLabel(
            "Everything in the files is imported in one step: if you cancel, or something goes wrong in any "
            "file, the workspace stays as it was. Importing the same files again adds nothing new.")
        explain.setWordWrap(True)
        self.head_view = QPlainTextEdit()
        self.head_view.setReadOnly(True)
        self.head_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.head_view.setPlaceholderText("The file's first lines appear here.")
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.file_info)
        layout.addWidget(explain)
        layout.addWidget(QLabel("First lines:"))
        layout.addWidget(self.head_view, 1)
        return page

    def _browse(self) -> None:
        start = self.settings.value("import/last_folder", "", str) or str(Path.home())
        names, _ = QFileDialog.getOpenFileNames(self, "Import datasets", start, FILE_FILTER)
        if names:
            self.settings.setValue("import/last_folder", str(Path(names[0]).parent))
            self.set_files(names)

    def _browse_folder(self) -> None:
        start = self.settings.value("import/last_folder", "", str) or str(Path.home())
        name = QFileDialog.getExistingDirectory(self, "Import a folder of datasets", start)
        if name:
            self.settings.setValue("import/last_folder", name)
            self.set_files([name])

    def _typed(self) -> None:
        text = self.file_edit.text()
        if text != self._shown_files():
            self.set_files([part.strip() for part in text.split(";") if part.strip()])

    def _shown_files(self) -> str:
        return "; ".join(self._given)

    def set_file(self, name: str) -> None:
        """Choose one file to import; its format is guessed and shown."""
        self.set_files([name] if name else [])

    def set_files(self, names: list[str]) -> None:
        """Choose files and folders to import together; each file's format is guessed."""
        self._given = list(names)
        self.file_edit.setText(self._shown_files())
        self.files = []
        self.head_view.clear()
        self.file_info.setText("")
        if not names:
            self._update_buttons()
            return
        try:
            chosen, left_out = choose_formats(expand_inputs(names), None, True)
        except BrieferError as error:  # missing, empty, binary, a pipe, an empty folder: say so now
            message = str(error)
            self.file_info.setText(message.split(": ", 1)[-1] if len(names) == 1 else message)
            self._update_buttons()
            return
        self.files = [(str(p), f) for p, f in chosen]
        size = sum(Path(p).stat().st_size for p, _ in chosen)
        shown = f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{max(1, round(size / 1000))} KB"
        formats = list(dict.fromkeys(f for _, f in chosen))
        self.format_combo.blockSignals(True)
        self.format_combo.setCurrentIndex(self.format_combo.findData(formats[0]))
        self.format_combo.blockSignals(False)
        self._format_forced = False
        if len(chosen) == 1:
            self.file_info.setText(f"Looks like: {DATASET_FORMATS[formats[0]]} ({shown})")
        else:
            kinds = ", ".join(f"{DATASET_FORMATS[f]} ×{sum(1 for _, g in chosen if g == f)}" for f in formats)
            names_shown = ", ".join(p.name for p, _ in chosen[:4]) + (", …" if len(chosen) > 4 else "")
            self.file_info.setText(f"{len(chosen)} files, imported together ({kinds}; {shown}): {names_shown}"
                                   + (f"\nLeft out: {'; '.join(left_out)}" if left_out else ""))
        try:
            self.head_view.setPlainText("\n".join(line[:400] for line in TextFile(chosen[0][0]).head(12)))
        except BrieferError as error:  # not a text file: say so before the user presses Import
            self.file_info.setText(str(error).split(": ", 1)[-1])
            self.files = []
        except (OSError, LookupError):
            self.head_view.clear()
        self._update_buttons()

    def _format_chosen(self) -> None:
        self._format_forced = True
        self._update_buttons()

    def chosen_files(self) -> list[tuple[str, str]]:
        """(file, format) to import: as detected, or all in the format the user picked."""
        if self._format_forced or any(f == "csv" for _, f in self.files):
            return [(p, self.chosen_format) for p, _ in self.files]
        return list(self.files)

    @property
    def chosen_format(self) -> str:
        return self.format_combo.currentData()

    @property
    def chosen_encoding(self) -> Optional[str]:
        return self.encoding_combo.currentData() or None

    # -- page 3: running and the report -----------------------------------------------
    def _run_page(self) -> QWidget:
        page = QWidget()
        self.status_label = QLabel("")
        self.status_label.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1000)
        self.report_view = QPlainTextEdit()
        self.report_view.setReadOnly(True)
        self.save_report_button = QPushButton("Save report…")
        self.save_report_button.setEnabled(False)
        self.save_report_button.clicked.connect(self._save_report)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_report_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.status_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.report_view, 1)
        layout.addLayout(row)
        return page

    def _stem(self) -> str:
        return Path(self.files[0][0]).stem if self.files else "import"

    def _what(self) -> str:
        return Path(self.files[0][0]).name if len(self.files) == 1 else f"{len(self.files)} files"

    # -- page 4: the actors -----------------------------------------------------------
    def _enter_actors(self) -> None:
        """Read the files' actor names in the background and show what each becomes."""
        files = self.chosen_files()
        if files[0][1] == "json":
            self.start_import()
            return
        self.pages.setCurrentIndex(ACTORS_PAGE)
        self.actor_choices.summary.setText(f"Reading the actor names in {self._what()}…")
        self.actor_choices.table.setRowCount(0)
        write_through(self.ws)
        mapping = self.current_mapping() if files[0][1] == "csv" else None
        self.scanner = ScanWorker(self.ws.path, files, mapping, self.chosen_encoding, self)
        self.scanner.found.connect(self._scanned)
        self.scanner.failed.connect(self._scan_failed)
        self.scanner.start()
        self._update_buttons()

    @Slot(object)
    def _scanned(self, decisions: list) -> None:
        self.scanner = _ended(self.scanner)
        if not decisions:  # nothing to reconcile (a TimelineJS file, a CSV without actor columns)
            self.start_import()
            return
        self.actor_choices.show_decisions(decisions, self.ws.actors())
        self._update_buttons()

    @Slot(str)
    def _scan_failed(self, message: str) -> None:
        self.scanner = _ended(self.scanner)
        self.actor_choices.summary.setText(f"The files cannot be imported: {message}")
        self._update_buttons()

    def start_import(self) -> None:
        missing = self.actor_choices.missing_actor() if self.pages.currentIndex() == ACTORS_PAGE else None
        if missing:
            self.actor_choices.summary.setText(f"Choose the actor '{missing}' is the same as or a branch of, "
                                               "or make it a new actor.")
            return
        files = self.chosen_files()
        decisions = self.actor_choices.decisions() if self.pages.currentIndex() == ACTORS_PAGE else []
        mapping = self.current_mapping() if files[0][1] == "csv" else None
        self.pages.setCurrentIndex(RUN_PAGE)
        self.report_view.clear()
        self.status_label.setText(f"Importing {self._what()}…")
        self.progress_bar.setValue(0)
        write_through(self.ws)
        self.worker = ImportWorker(self.ws.path, files, mapping, self.chosen_encoding, decisions, self)
        self.worker.progressed.connect(self._progressed)
        self.worker.ask_bad_rows.connect(self._ask_bad_rows)
        self.worker.done.connect(self._done)
        self.worker.failed.connect(self._failed)
        self.worker.start()
        self._update_buttons()

    @Slot(float, str)
    def _progressed(self, fraction: float, text: str) -> None:
        self.progress_bar.setValue(int(fraction * 1000))
        self.status_label.setText(f"Importing {self._what()}… {text}")

    @Slot(object)
    def _ask_bad_rows(self, report: ImportReport) -> None:
        shown = "\n".join(f"{p.place}: {p.reason}" for p in report.skipped[:8])
        more = f"\n… and {report.skipped_count - 8:,} more" if report.skipped_count > 8 else ""
        good = report.rows_read - report.skipped_count
        box = QMessageBox(QMessageBox.Icon.Question, "Some rows could not be read",
                          f"{report.skipped_count:,} of {report.rows_read:,} rows could not be read.\n\n"
                          f"Import the {good:,} good rows and skip these?", parent=self)
        box.setDetailedText(shown + more)
        box.setInformativeText(shown.split("\n")[0] + (" …" if report.skipped_count > 1 else ""))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText("Import good rows")
        box.button(QMessageBox.StandardButton.No).setText("Import nothing")
        answer = box.exec() == QMessageBox.StandardButton.Yes
        if self.worker is not None:
            self.worker.answer(answer)

    @Slot(object)
    def _done(self, report: ImportReport) -> None:
        self.report = report
        self.progress_bar.setValue(1000 if report.committed else self.progress_bar.value())
        self.status_label.setText(report.summary())
        self.report_view.setPlainText(report.to_text())
        self.save_report_button.setEnabled(True)
        self.worker = _ended(self.worker)
        self._update_buttons()
        if report.committed:
            self.imported.emit(report)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.report = None
        self.status_label.setText(f"Nothing was imported: {message}")
        self.report_view.setPlainText(message)
        self.worker = _ended(self.worker)
        self._update_buttons()

    def _save_report(self) -> None:
        if self.report is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, "Save import report",
                                              self._stem() + "-import-report.txt",
                                              "Text (*.txt);;CSV of the skipped rows (*.csv)")
        if name:
            try:
                self.report.save(name)
            except BrieferError as error:
                QMessageBox.warning(self, "Save report", str(error))

    # -- navigation ---------------------------------------------------------------------
    def _update_buttons(self) -> None:
        page = self.pages.currentIndex()
        running = self.worker is not None
        finished = page == RUN_PAGE and not running
        self.back_button.setEnabled(page in (MAPPING_PAGE, ACTORS_PAGE) or (finished and self.report is None))
        if page == FILE_PAGE:
            self.next_button.setText("Import" if self.chosen_format == "json" else "Next")
            self.next_button.setEnabled(bool(self.files))
        elif page == MAPPING_PAGE:
            self.next_button.setText("Next")
            self.next_button.setEnabled("date" in self._mapped_targets())
        elif page == ACTORS_PAGE:
            self.next_button.setText("Import")
            self.next_button.setEnabled(self.scanner is None and self.actor_choices.table.rowCount() > 0)
        else:
            self.next_button.setText("Close")
            self.next_button.setEnabled(finished)
        self.cancel_button.setText("Cancel import" if running else "Cancel")
        self.cancel_button.setEnabled(not finished)

    def _back(self) -> None:
        if self.scanner is not None:
            self.scanner.cancel()
            self.scanner.wait()
            self.scanner = None
        csv_mapping = self.chosen_format == "csv"
        self.pages.setCurrentIndex(MAPPING_PAGE if csv_mapping and self.pages.currentIndex() != MAPPING_PAGE
                                   else FILE_PAGE)
        self._update_buttons()

    def _next(self) -> None:
        page = self.pages.currentIndex()
        if page == FILE_PAGE:
            if self.chosen_format == "csv":
                self.pages.setCurrentIndex(MAPPING_PAGE)
                self._enter_mapping()
                self._update_buttons()
            else:
                self._enter_actors()
        elif page == MAPPING_PAGE:
            self._enter_actors()
        elif page == ACTORS_PAGE:
            self.start_import()
        else:
            self.accept()

    def _cancel(self) -> None:
        if self.worker is not None:
            self.status_label.setText("Cancelling… nothing will be imported.")
            self.worker.cancel()
            return
        self.reject()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        for worker in (self.worker, self.scanner):
            if worker is not None:
                worker.cancel()
                worker.wait()
        super().closeEvent(event)

    def reject(self) -> None:
        if self.worker is not None:  # Escape while importing: cancel it, and say so, like the Cancel button
            self._cancel()
            return
        super().reject()


def _ended(thread: Optional[QThread]) -> None:
    """Let go of a worker that has said its last word only once its thread has returned: it
    emits its result just before `run` ends, and a QThread deleted (with this dialog) while
    still running aborts the whole program."""
    if thread is not None:
        thread.wait()
    return None
