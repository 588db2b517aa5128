"""The import dialog's column-mapping step for a generic CSV: which column holds what,
with a preview of the first rows.  Mappings are kept by name in the settings and can
be saved to or loaded from JSON files, the same files `briefer-cli import --mapping`
takes.  A part of `ImportDialog` (kept here so that each file stays readable)."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QFileDialog, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QHeaderView,
    QInputDialog, QLabel, QLineEdit, QPushButton, QScrollArea, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ..core.errors import BrieferError
from ..core.model import Role
from ..exchange.csv_mapping import ROLE_TARGETS, TARGETS, ColumnMapping, guess_mapping, preview

__all__ = ["ColumnMappingStep"]

_NONE = "(none)"
_SETTINGS_KEY = "import/mappings"


class ColumnMappingStep:
    """The mapping page and what it does; mixed into `ImportDialog`."""

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
        # twenty rows of choices: scrolled, so that the dialog fits a 720-pixel-high laptop screen
        scroll = QScrollArea()
        scroll.setWidget(box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(box.sizeHint().width() + scroll.verticalScrollBar().sizeHint().width() + 4)
        columns.addWidget(scroll, 0)
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
                                        text=self._stem())
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
        name, _ = QFileDialog.getSaveFileName(self, "Save mapping", self._stem() + "-mapping.json",
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
        path = self.files[0][0] if self.files else ""
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

