"""The small form dialogs share one shape: labelled fields, a line saying in red what is wrong
(hidden until something is), and OK / Cancel."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from . import theme


def build_form(dialog: QDialog, rows: list[tuple[str, QWidget]], error_name: str) -> QLabel:
    """Lay `rows` out in `dialog` above its error line and OK / Cancel; returns the error line."""
    error = QLabel(objectName=error_name, wordWrap=True)
    error.setStyleSheet(theme.error_style(dialog))
    error.hide()
    form = QFormLayout(dialog)
    for label, widget in rows:
        form.addRow(label, widget)
    form.addRow(error)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    return error


def fit_placeholder(edit: QLineEdit) -> QLineEdit:
    """Make `edit` at least wide enough to show its whole example (placeholder), frame included."""
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 24)
    return edit
