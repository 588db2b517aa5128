"""Dialogs fit the screen they open on: a 1280×720 laptop sees their buttons.

`fit_to_screen(dialog)` clamps a dialog to the screen's available area (less a margin
for the window frame) and, when its content cannot shrink that far, puts the content
in a scroll area with the dialog's buttons kept below it, always in sight.  The window
calls it on every dialog it opens.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFrame, QScrollArea, QVBoxLayout, QWidget

FRAME_MARGIN = 40  # title bar and borders the window manager adds


def available_area(widget: QWidget) -> QRect:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 720)
    return area.adjusted(0, 0, 0, -FRAME_MARGIN)


def fit_to_screen(dialog: QDialog) -> QDialog:
    """Clamp `dialog` to the screen, its content scrolling when it needs more room."""
    area = available_area(dialog)
    layout = dialog.layout()
    if layout is not None and not dialog.property("brieferScrolls"):
        need = layout.totalMinimumSize()
        if need.height() > area.height() or need.width() > area.width():
            _scroll_content(dialog)
    dialog.setMaximumSize(max(area.width(), dialog.minimumWidth()), max(area.height(), dialog.minimumHeight()))
    width = min(max(dialog.width(), dialog.sizeHint().width()), area.width())
    height = min(max(dialog.height(), dialog.sizeHint().height()), area.height())
    dialog.resize(width, height)
    return dialog


def _scroll_content(dialog: QDialog) -> None:
    """Move the dialog's layout into a scroll area; button boxes at its top level stay below it."""
    layout = dialog.layout()
    buttons = [item.widget() for item in (layout.itemAt(i) for i in range(layout.count()))
               if isinstance(item.widget(), QDialogButtonBox)]
    for box in buttons:
        layout.removeWidget(box)
    inner = QWidget()
    inner.setLayout(layout)  # takes the layout, and its widgets, off the dialog
    scroll = QScrollArea(objectName="dialogScroll")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    scroll.setWidget(inner)
    outer = QVBoxLayout(dialog)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll, 1)
    if buttons:
        row = QVBoxLayout()
        row.setContentsMargins(9, 0, 9, 9)
        for box in buttons:
            row.addWidget(box)
        outer.addLayout(row)
    dialog.setProperty("brieferScrolls", True)
