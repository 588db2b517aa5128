"""Periods (eras) of the workspace, listed and edited; each change is one undoable edit."""

from __future__ import annotations

from dataclasses import replace
from typing import Optional

from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox,
    QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ..core.errors import BrieferError
from ..core.period import Period
from ..core.when import When
from . import commands
from .forms import build_form
from .preferences import field_text, when_text
from .screen_fit import fit_to_screen
from .session import Session


class PeriodForm(QDialog):
    """Name, dates (any form Briefer reads: "9 Feb – 23 Mar 2019", "Q1 2019") and colour."""

    def __init__(self, parent: QWidget, period: Optional[Period] = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit period" if period else "New period")
        self.old = period
        self.period: Optional[Period] = None
        self.name = QLineEdit(period.name if period else "", objectName="periodName")
        self.dates = QLineEdit(field_text(period.when) if period else "", objectName="periodDates",
                               placeholderText="9 Feb – 23 Mar 2019, Q1 2019, 2019-02-09/2019-03-23")
        self.colour = QLineEdit(period.colour if period else "", objectName="periodColour",
                                placeholderText="#rrggbb (empty: the next of the palette)")
        self.notes = QLineEdit(period.notes if period else "", objectName="periodNotes")
        self.error = build_form(self, [("Name:", self.name), ("Dates:", self.dates), ("Colour:", self.colour),
                                       ("Notes:", self.notes)], "periodError")

    def accept(self) -> None:
        try:
            when = When.parse_friendly(self.dates.text())
            fields = dict(name=self.name.text().strip(), when=when, colour=self.colour.text().strip(),
                          notes=self.notes.text().strip())
            self.period = replace(self.old, **fields) if self.old else Period(**fields)
        except BrieferError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        super().accept()


class PeriodsDialog(QDialog):
    """The workspace's periods, earliest first: add, edit, delete (Undo takes each back)."""

    def __init__(self, session: Session, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Periods")
        self.resize(560, 340)
        self.table = QTableWidget(0, 3, objectName="periodTable")
        self.table.setHorizontalHeaderLabels(["Period", "Dates", "Notes"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda *_: self.edit())
        row = QHBoxLayout()
        for name, text, slot in (("add", "Add…", self.add), ("edit", "Edit…", self.edit),
                                 ("delete", "Delete", self.delete)):
            button = QPushButton(text, objectName=f"period_{name}")
            button.clicked.connect(lambda *_, s=slot: self._guarded(s))
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Periods are shaded on the timeline and go out with Briefer JSON and "
                                "TimelineJS (as eras)."))
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        session.changed.connect(self._changed)
        self.fill()

    def _guarded(self, slot) -> None:
        try:
            slot()
        except BrieferError as error:
            QMessageBox.warning(self, "Periods", str(error))

    def _changed(self, changes) -> None:
        if changes.touches("periods"):
            self.fill()

    def fill(self) -> None:
        self.periods = self.session.ws.periods() if self.session.ws else []
        self.table.setRowCount(len(self.periods))
        for r, period in enumerate(self.periods):
            for c, text in enumerate((period.name, when_text(period.when), period.notes)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def chosen(self) -> Optional[Period]:
        rows = self.table.selectionModel().selectedRows()
        return self.periods[rows[0].row()] if rows else None

    def add(self) -> None:
        form = PeriodForm(self)
        if fit_to_screen(form).exec() and form.period is not None:
            commands.apply(self.session, commands.add_period(self.session, form.period))

    def edit(self) -> None:
        period = self.chosen()
        if period is None:
            raise BrieferError("select the period to edit")
        form = PeriodForm(self, period)
        if fit_to_screen(form).exec() and form.period is not None and form.period != period:
            commands.apply(self.session, commands.edit_period(self.session, period, form.period))

    def delete(self) -> None:
        period = self.chosen()
        if period is None:
            raise BrieferError("select the period to delete")
        commands.apply(self.session, commands.delete_period(self.session, period))
