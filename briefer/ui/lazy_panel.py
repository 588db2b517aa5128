"""A dock panel that recounts only while it is on screen.

Counting every actor's events or every source's citations takes a moment in a
workspace of a million events, and a panel behind another dock tab needs none of it:
it reloads when it comes on screen instead.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from .session import Session


class LazyPanel(QWidget):
    """Subclasses set `self.session`, implement `reload()`, and call `watch()` once built."""

    session: Session

    def reload(self) -> None:  # pragma: no cover - every panel has its own
        raise NotImplementedError

    def watch(self) -> None:
        self._stale = False
        self.session.workspaceChanged.connect(self._data_changed)
        self.session.dataChanged.connect(self._data_changed)
        self.reload()

    def _data_changed(self) -> None:
        if self.session.ws is None or self._on_screen():
            self.reload()
        else:
            self._stale = True

    def _on_screen(self) -> bool:
        # a dock tab behind another is moved off screen rather than hidden
        return self.isVisible() and not self.visibleRegion().isEmpty()

    def reload_if_stale(self) -> None:
        """Called when the panel may have come on screen (shown, or its dock tab raised)."""
        if self._stale and self._on_screen():
            self.reload()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        QTimer.singleShot(0, self, self.reload_if_stale)  # once the dock layout has placed the panel
