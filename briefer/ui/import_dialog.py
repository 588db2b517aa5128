"""File ▸ Import ▸ Dataset…: bring an ACLED, GDELT, CSV, TimelineJS or Timeline file in.

Three steps on one dialog: choose the file (the format is guessed, the encoding
detected unless the user picks one); for a generic CSV, map its columns with a preview
of the first rows (mappings are kept by name in the settings and can be saved to or
loaded from JSON files, the same files `briefer-cli import --mapping` takes); then the
import runs in a worker thread on its own connection, with a progress bar and Cancel.
When rows could not be read the user is asked whether to import the good ones; the
report (counts, every skipped row with its line and reason) is shown and can be saved.

The whole import is one transaction in the worker: Cancel, an error, or "No" to the
bad-rows question leaves the workspace as it was.  `imported` is emitted after a
commit so that the main window reloads its views.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QSettings, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDialog, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QInputDialog, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QProgressBar, QPushButton,
    QStackedWidget, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ..core.errors import BrieferError
from ..core.model import Role
from ..exchange.csv_mapping import ROLE_TARGETS, TARGETS, ColumnMapping, guess_mapping, preview
from ..exchange.encoding import TextFile
from ..exchange.formats import IMPORT_FORMATS, detect_format, open_reader
from ..exchange.importing import run_import
from ..exchange.json_format import import_json
from ..exchange.report import ImportReport
from ..store import Workspace
from ..store.external import write_through

__all__ = ["ImportDialog", "ImportWorker"]

DATASET_FORMATS = {k: v for k, v in IMPORT_FORMATS.items()}
ENCODINGS = [("Detect", ""), ("UTF-8", "utf-8"), ("UTF-8 with BOM", "utf-8-sig"), ("UTF-16", "utf-16"),
             ("Windows-1252", "cp1252"), ("Latin-1 (ISO 8859-1)", "latin-1")]
FILE_FILTER = ("Datasets (*.csv *.tsv *.txt *.CSV *.json *.timeline);;CSV or TSV (*.csv *.tsv *.txt *.CSV);;"
               "JSON (*.json);;Timeline (*.timeline);;All files (*)")
_NONE = "(none)"
_SETTINGS_KEY = "import/mappings"


class ImportWorker(QThread):
    """Runs one import on its own connection to the workspace file."""

    progressed = Signal(float, str)
    ask_bad_rows = Signal(object)  # the ImportReport so far; answer with `answer(bool)`
    done = Signal(object)  # the ImportReport
    failed = Signal(str)

    def __init__(self, path: Path, fmt: str, file: str, mapping: Optional[ColumnMapping], encoding: Optional[str],
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.path, self.fmt, self.file, self.mapping, self.encoding = path, fmt, file, mapping, encoding
        self._cancel = threading.Event()
        self._answered = threading.Event()
        self._answer = False

    def cancel(self) -> None:
        self._cancel.set()
        self._answered.set()

    def answer(self, import_good_rows: bool) -> None:
        self._answer = import_good_rows
        self._answered.set()

    def _decide(self, report: ImportReport) -> bool:
        self._answered.clear()
        self.ask_bad_rows.emit(report)
        self._answered.wait()
        return self._answer and not self._cancel.is_set()

    def run(self) -> None:  # noqa: D401 - Qt's name
        try:
            with Workspace.open(self.path) as ws:
                if self.fmt == "json":
                    result = import_json(ws, self.file)
                    report = ImportReport(file=self.file, format="Briefer JSON", committed=True)
                    report.added = {k: result.added.get(k, 0) for k in ("events", "actors", "sources")}
                    report.unchanged = result.unchanged.get("events", 0)
                    self.done.emit(report)
                    return
                reader = open_reader(self.fmt, self.file, mapping=self.mapping, encoding=self.encoding)
                report = ImportReport(file=self.file)
                run_import(ws, reader, on_bad_rows=self._decide, report=report,
                           cancel=self._cancel.is_set,
                           progress=lambda f, r: self.progressed.emit(f, f"{r.rows_read:,} rows read"))
            self.done.emit(report)
        except BrieferError as error:
            self.failed.emit(str(error))
        except OSError as error:
            self.failed.emit(f"{error.filename or self.file}: {error.strerror or error}")
        except Exception as error:  # a bug: the transaction was rolled back; say so rather than crash
            self.failed.emit(f"the import failed and nothing was changed ({type(error).__name__}: {error})")


class ImportDialog(QDialog):
    imported = Signal(object)  # ImportReport, after a commit: reload the views

    def __init__(self, ws: Workspace, parent: Optional[QWidget] = None,
                 settings: Optional[QSettings] = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.settings = settings or QSettings()
        self.report: Optional[ImportReport] = None
        self.worker: Optional[ImportWorker] = None
        self.mapping = ColumnMapping()
        self._header: list[str] = []
        self.setObjectName("importDialog")
        self.setWindowTitle("Import dataset")
        self.resize(900, 620)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._run_page())

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
        self.file_edit.setPlaceholderText("Choose a file…")
        self.file_edit.editingFinished.connect(lambda: self.set_file(self.file_edit.text()))
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(browse)
        self.format_combo = QComboBox()
        for key, label in DATASET_FORMATS.items():
            self.format_combo.addItem(label, key)
        self.format_combo.currentIndexChanged.connect(self._update_buttons)
        self.encoding_combo = QComboBox()
        for label, codec in ENCODINGS:
            self.encoding_combo.addItem(label, codec)
        self.file_info = QLabel("")
        self.file_info.setWordWrap(True)
        form = QFormLayout()
        form.addRow("File:", row)
        form.addRow("Format:", self.format_combo)
        form.addRow("Encoding:", self.encoding_combo)
        explain = QLabel(
            "Everything in the file is imported in one step: if you cancel, or something goes wrong, the "
            "workspace stays as it was. Importing the same file again adds nothing new.")
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
        name, _ = QFileDialog.getOpenFileName(self, "Import dataset", start, FILE_FILTER)
        if name:
            self.settings.setValue("import/last_folder", str(Path(name).parent))
            self.set_file(name)

    def set_file(self, name: str) -> None:
        """Choose the file to import; its format is guessed and shown."""
        self.file_edit.setText(name)
        path = Path(name)
        if not name or not path.is_file():
            self.file_info.setText(f"{name}: no such file" if name else "")
            self._update_buttons()
            return
        try:
            fmt = detect_format(path)
        except BrieferError as error:  # empty, binary, unreadable: say so before the user presses Import
            self.head_view.clear()
            self.file_info.setText(str(error).split(": ", 1)[-1])
            self._update_buttons()
            return
        size = path.stat().st_size
        shown = f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{max(1, round(size / 1000))} KB"
        if fmt is not None:
            self.format_combo.setCurrentIndex(self.format_combo.findData(fmt))
            self.file_info.setText(f"Looks like: {DATASET_FORMATS[fmt]} ({shown})")
        else:
            self.file_info.setText(f"The format could not be guessed ({shown}); choose it.")
        try:
            self.head_view.setPlainText("\n".join(line[:400] for line in TextFile(path).head(12)))
        except BrieferError as error:  # not a text file: say so before the user presses Import
            self.head_view.clear()
            self.file_info.setText(str(error).split(": ", 1)[-1])
        except (OSError, LookupError):
            self.head_view.clear()
        self._update_buttons()

    @property
    def chosen_format(self) -> str:
        return self.format_combo.currentData()

    @property
    def chosen_encoding(self) -> Optional[str]:
        return self.encoding_combo.currentData() or None

    # -- page 2: the column mapping ---------------------------------------------------
    def _mapping_page(self) -> QWidget:
        page = QWidget()
        self.saved_combo = QComboBox()
        self.saved_combo.setMinimumWidth(200)
        self.saved_combo.activated.connect(self._use_saved)
        save_named = QPushButton("Save mapping…")
        save_named.clicked.connect(self._save_named)
        load_file = QPushButton("Load from file…")
        load_file.clicked.connect(self._load_file)
        save_file = QPushButton("Save to file…")
        save_file.clicked.connect(self._save_file)
        top = QHBoxLayout()
        top.addWidget(QLabel("Saved mappings:"))
        top.addWidget(self.saved_combo)
        top.addWidget(save_named)
        top.addStretch(1)
        top.addWidget(load_file)
        top.addWidget(save_file)

        self.delimiter_combo = QComboBox()
        for label, value in (("Detect", ""), ("Comma", ","), ("Semicolon", ";"), ("Tab", "\t"), ("Bar |", "|")):
            self.delimiter_combo.addItem(label, value)
        self.header_check = QCheckBox("First row names the columns")
        self.header_check.setChecked(True)
        self.date_order_combo = QComboBox()
        for label, value in (("day/month/year", "dmy"), ("month/day/year", "mdy"), ("year/month/day", "ymd")):
            self.date_order_combo.addItem(label, value)
        self.separator_edit = QLineEdit(";")
        self.separator_edit.setMaximumWidth(50)
        self.delimiter_combo.currentIndexChanged.connect(self._refresh_preview)
        self.header_check.toggled.connect(self._refresh_preview)
        options = QHBoxLayout()
        options.addWidget(QLabel("Separator:"))
        options.addWidget(self.delimiter_combo)
        options.addWidget(self.header_check)
        options.addWidget(QLabel("Dates like 03/04/2019 are:"))
        options.addWidget(self.date_order_combo)
        options.addWidget(QLabel("Lists in a cell split by:"))
        options.addWidget(self.separator_edit)
        options.addStretch(1)

        self.target_combos: dict[str, QComboBox] = {}
        box = QGroupBox("Which column holds what")
        grid = QFormLayout(box)
        grid.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for target, label in {**TARGETS, **ROLE_TARGETS}.items():
            combo = QComboBox()
            combo.setMinimumContentsLength(14)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.currentIndexChanged.connect(self._mark_preview_columns)
            self.target_combos[target] = combo
            grid.addRow(label + ":", combo)
        self.mapping_error = QLabel("")
        self.mapping_error.setStyleSheet("color: #c0392b;")

        self.preview_table = QTableWidget()
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.preview_info = QLabel("")

        scroll_holder = QWidget()
        columns = QHBoxLayout(scroll_holder)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addWidget(box, 0)
        right = QVBoxLayout()
        right.addWidget(self.preview_info)
        right.addWidget(self.preview_table, 1)
        columns.addLayout(right, 1)

        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addLayout(options)
        layout.addWidget(scroll_holder, 1)
        layout.addWidget(self.mapping_error)
        return page

    def _saved_mappings(self) -> dict[str, str]:
        raw = self.settings.value(_SETTINGS_KEY, "{}", str) or "{}"
        try:
            data = json.loads(raw)
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def _fill_saved(self) -> None:
        self.saved_combo.clear()
        self.saved_combo.addItem("—", None)
        for name in sorted(self._saved_mappings()):
            self.saved_combo.addItem(name, name)

    def _use_saved(self) -> None:
        name = self.saved_combo.currentData()
        if not name:
            return
        try:
            self.apply_mapping(ColumnMapping.from_dict(json.loads(self._saved_mappings()[name]), name))
        except (BrieferError, ValueError, KeyError) as error:
            self.mapping_error.setText(str(error))

    def save_mapping_as(self, name: str) -> None:
        """Keep the current mapping under a name in the settings (offered next time)."""
        saved = self._saved_mappings()
        saved[name] = self.current_mapping().to_json()
        self.settings.setValue(_SETTINGS_KEY, json.dumps(saved))
        self.settings.sync()
        self._fill_saved()
        self.saved_combo.setCurrentIndex(self.saved_combo.findData(name))

    def _save_named(self) -> None:
        name, ok = QInputDialog.getText(self, "Save mapping", "Name for this mapping:",
                                        text=Path(self.file_edit.text()).stem)
        if ok and name.strip():
            self.save_mapping_as(name.strip())

    def _load_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Load mapping", "", "Mapping (*.json);;All files (*)")
        if name:
            try:
                self.apply_mapping(ColumnMapping.load(name))
            except BrieferError as error:
                self.mapping_error.setText(str(error))

    def _save_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Save mapping", Path(self.file_edit.text()).stem + "-mapping.json",
                                              "Mapping (*.json)")
        if name:
            try:
                self.current_mapping().save(name)
            except BrieferError as error:
                self.mapping_error.setText(str(error))

    def _enter_mapping(self) -> None:
        self._fill_saved()
        self._refresh_preview()
        if not self.mapping.columns and self._header:
            self.apply_mapping(guess_mapping(self._header), keep_options=True)

    def _refresh_preview(self) -> None:
        path = self.file_edit.text()
        probe = ColumnMapping(delimiter=self.delimiter_combo.currentData() or "",
                              has_header=self.header_check.isChecked())
        try:
            header, rows, delimiter, encoding = preview(path, probe, 20, self.chosen_encoding)
        except BrieferError as error:
            self.preview_info.setText(str(error))
            return
        self._header = header
        self.preview_info.setText(
            f"First {len(rows)} rows · separator {'tab' if delimiter == chr(9) else repr(delimiter)} · {encoding}")
        self.preview_table.clear()
        self.preview_table.setColumnCount(len(header))
        self.preview_table.setRowCount(len(rows))
        self.preview_table.setHorizontalHeaderLabels(header)
        for r, row in enumerate(rows):
            for c, value in enumerate(row[:len(header)]):
                self.preview_table.setItem(r, c, QTableWidgetItem(value))
        for combo in self.target_combos.values():
            current = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_NONE)
            combo.addItems(header)
            combo.setCurrentIndex(max(0, combo.findText(current)))
            combo.blockSignals(False)
        self._mark_preview_columns()

    def _mark_preview_columns(self) -> None:
        """Show, above each preview column, what it is mapped to."""
        labels = {**TARGETS, **ROLE_TARGETS}
        used: dict[str, list[str]] = {}
        for target, combo in self.target_combos.items():
            if combo.currentText() != _NONE and combo.currentText():
                used.setdefault(combo.currentText(), []).append(labels[target])
        for c, name in enumerate(self._header):
            item = QTableWidgetItem(f"{name}\n→ {', '.join(used[name])}" if name in used else name)
            self.preview_table.setHorizontalHeaderItem(c, item)
        self.mapping_error.setText("" if "date" in self._mapped_targets() else "Choose the column that holds the date.")
        self._update_buttons()

    def _mapped_targets(self) -> set[str]:
        return {t for t, c in self.target_combos.items() if c.currentText() not in ("", _NONE)}

    def apply_mapping(self, mapping: ColumnMapping, keep_options: bool = False) -> None:
        """Show a mapping in the controls (guessed, saved or loaded)."""
        if not keep_options:
            self.delimiter_combo.setCurrentIndex(max(0, self.delimiter_combo.findData(mapping.delimiter)))
            self.header_check.setChecked(mapping.has_header)
            self.date_order_combo.setCurrentIndex(max(0, self.date_order_combo.findData(mapping.date_order)))
            self.separator_edit.setText(mapping.list_separator)
            self._refresh_preview()
        self.mapping = mapping
        for target, combo in self.target_combos.items():
            column = mapping.columns.get(target, "")
            if target.startswith("actor:"):
                role = target.split(":", 1)[1]
                column = next((a["column"] for a in mapping.actors if a.get("role", "mentioned") == role), "")
            combo.setCurrentIndex(max(0, combo.findText(column)) if column else 0)
        self._mark_preview_columns()

    def current_mapping(self) -> ColumnMapping:
        columns, actors = {}, []
        for target, combo in self.target_combos.items():
            column = combo.currentText()
            if column in ("", _NONE):
                continue
            if target.startswith("actor:"):
                actors.append({"column": column, "role": Role(target.split(":", 1)[1]).value})
            else:
                columns[target] = column
        return ColumnMapping(columns=columns, actors=actors, delimiter=self.delimiter_combo.currentData() or "",
                             has_header=self.header_check.isChecked(), date_order=self.date_order_combo.currentData(),
                             list_separator=self.separator_edit.text() or ";", id_prefix=self.mapping.id_prefix,
                             source=self.mapping.source)

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

    def start_import(self) -> None:
        fmt = self.chosen_format
        mapping = self.current_mapping() if fmt == "csv" else None
        self.pages.setCurrentIndex(2)
        self.report_view.clear()
        self.status_label.setText(f"Importing {Path(self.file_edit.text()).name}…")
        self.progress_bar.setValue(0)
        write_through(self.ws)
        self.worker = ImportWorker(self.ws.path, fmt, self.file_edit.text(), mapping, self.chosen_encoding, self)
        self.worker.progressed.connect(self._progressed)
        self.worker.ask_bad_rows.connect(self._ask_bad_rows)
        self.worker.done.connect(self._done)
        self.worker.failed.connect(self._failed)
        self.worker.start()
        self._update_buttons()

    @Slot(float, str)
    def _progressed(self, fraction: float, text: str) -> None:
        self.progress_bar.setValue(int(fraction * 1000))
        self.status_label.setText(f"Importing {Path(self.file_edit.text()).name}… {text}")

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
        self.worker = None
        self._update_buttons()
        if report.committed:
            self.imported.emit(report)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.report = None
        self.status_label.setText(f"Nothing was imported: {message}")
        self.report_view.setPlainText(message)
        self.worker = None
        self._update_buttons()

    def _save_report(self) -> None:
        if self.report is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, "Save import report",
                                              Path(self.file_edit.text()).stem + "-import-report.txt",
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
        finished = page == 2 and not running
        have_file = Path(self.file_edit.text()).is_file() if self.file_edit.text() else False
        self.back_button.setEnabled(page in (1,) or (finished and self.report is None))
        if page == 0:
            self.next_button.setText("Next" if self.chosen_format == "csv" else "Import")
            self.next_button.setEnabled(have_file)
        elif page == 1:
            self.next_button.setText("Import")
            self.next_button.setEnabled("date" in self._mapped_targets())
        else:
            self.next_button.setText("Close")
            self.next_button.setEnabled(finished)
        self.cancel_button.setText("Cancel import" if running else "Cancel")
        self.cancel_button.setEnabled(not finished)

    def _back(self) -> None:
        page = self.pages.currentIndex()
        self.pages.setCurrentIndex(0 if page == 1 else (1 if self.chosen_format == "csv" else 0))
        self._update_buttons()

    def _next(self) -> None:
        page = self.pages.currentIndex()
        if page == 0:
            if self.chosen_format == "csv":
                self.pages.setCurrentIndex(1)
                self._enter_mapping()
                self._update_buttons()
            else:
                self.start_import()
        elif page == 1:
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
        if self.worker is not None:
            self.worker.cancel()
            self.worker.wait()
        super().closeEvent(event)

    def reject(self) -> None:
        if self.worker is not None:  # Escape while importing: cancel it, and say so, like the Cancel button
            self._cancel()
            return
        super().reject()
