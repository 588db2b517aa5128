"""Small widgets around the timeline: the legend strip of its toolbar, the export size and go-to-date dialogs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from PySide6.QtCore import QSize
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from ...core.errors import BrieferError
from ...core.when import When
from ..forms import build_form, fit_placeholder

if TYPE_CHECKING:
    from .view import TimelineView


class LegendStrip(QWidget):
    """The legend in the timeline's toolbar, so that it never hides an event; it shows
    as many of its items as there is room for."""

    def __init__(self, view: TimelineView) -> None:
        super().__init__(view)
        self.view = view
        self.setObjectName("timelineLegend")
        self.setToolTip("How dates are drawn: a point for a day or a time; a bar across the bounds of a month, "
                        "a year or an interval; ~ approximate (fading ends, dotted edge); ? uncertain (faint, "
                        "dashed edge); an arrow where an interval is open-ended")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(int(self.view.legend_width()) + 4, 22)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(0, 22)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setFont(self.view.font())
            self.view.paint_legend_items(painter, 2.0, self.height() / 2, float(self.width()),
                                         self.palette().color(QPalette.ColorRole.WindowText))
        finally:
            painter.end()


class ExportSizeDialog(QDialog):
    """Width and height of the exported picture, in pixels."""

    def __init__(self, parent: QWidget, kind: str, size: tuple[int, int]) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Export timeline as {kind.upper()}")
        self.width_box = QSpinBox(objectName="exportWidth", minimum=200, maximum=8000, suffix=" px")
        self.height_box = QSpinBox(objectName="exportHeight", minimum=150, maximum=8000, suffix=" px")
        self.width_box.setValue(size[0])
        self.height_box.setValue(size[1])
        form = QFormLayout(self)
        form.addRow("Width:", self.width_box)
        form.addRow("Height:", self.height_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen_size(self) -> tuple[int, int]:
        return self.width_box.value(), self.height_box.value()


class GoToDateDialog(QDialog):
    """A date to centre the timeline on; what it cannot read stays in the field, with the reason below."""

    def __init__(self, parent: QWidget, text: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Go to date")
        self.when: Optional[When] = None
        self.text = fit_placeholder(QLineEdit(text, objectName="goToDate",
                                              placeholderText="2019-02-09, Feb 2019, early Mar 2019, Q1 2019, c. 2013"))
        self.text.selectAll()
        self.error = build_form(self, [("Date:", self.text)], "goToDateError")
        self.text.textEdited.connect(lambda *_: self.error.hide())

    def accept(self) -> None:
        try:
            self.when = When.parse_friendly(self.text.text())
        except BrieferError as error:
            self.when = None
            self.error.setText(str(error))
            self.error.show()
            self.text.setFocus()
            return
        super().accept()
