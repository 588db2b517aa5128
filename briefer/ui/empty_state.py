"""What the window shows with no workspace open: the ways to get one."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from . import icons


class EmptyState(QWidget):
    """New, Open, Open the demo, and the recent workspaces, each one click away."""

    openRequested = Signal(str)  # a recent workspace's path

    def __init__(self, new: Callable[[], None], open_: Callable[[], None], demo: Callable[[], None],
                 recent: Callable[[], list[str]]) -> None:
        super().__init__(objectName="emptyState")
        self._recent = recent
        title = QLabel("<h2>No workspace open</h2>")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel("A workspace is one file holding events, actors and sources. Start one, open one, "
                      "or look around the demo (the 2019 Baghouz offensive).")
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        for key, text, icon, slot in (("new", "New Workspace…", "new", new), ("open", "Open Workspace…", "open", open_),
                                      ("demo", "Open the Demo", "brief", demo)):
            button = QPushButton(icons.icon(icon), text, objectName=f"empty_{key}")
            button.clicked.connect(lambda *_, s=slot: s())
            buttons.addWidget(button)
            self.buttons[key] = button
        buttons.addStretch(1)
        self.recent_box = QVBoxLayout()
        self.recent_title = QLabel("<b>Recent</b>")
        self.recent_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column = QVBoxLayout()
        column.addWidget(title)
        column.addWidget(hint)
        column.addSpacing(12)
        column.addLayout(buttons)
        column.addSpacing(16)
        column.addWidget(self.recent_title)
        column.addLayout(self.recent_box)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        middle = QVBoxLayout()
        middle.addStretch(1)
        middle.addLayout(column)
        middle.addStretch(2)
        outer.addLayout(middle, 4)
        outer.addStretch(1)

    def refresh(self) -> None:
        """List the recent workspaces that still exist."""
        while self.recent_box.count():
            item = self.recent_box.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        paths = [p for p in self._recent() if Path(p).exists()]
        self.recent_title.setVisible(bool(paths))
        for path in paths[:6]:
            link = QPushButton(Path(path).stem, objectName="emptyRecent", flat=True)
            link.setToolTip(path)
            link.clicked.connect(lambda *_, p=path: self.openRequested.emit(p))
            self.recent_box.addWidget(link)
