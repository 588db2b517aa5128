"""A main window on a private settings file, and helpers to answer its dialogs."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest


@pytest.fixture
def settings(tmp_path: Path):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, settings):
    from briefer.ui.main_window import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.session.close()


@pytest.fixture
def demo(window, demo_workspace):
    """The main window with the demo workspace open."""
    path = demo_workspace.path
    demo_workspace.close()
    assert window.open_path(path)
    return window


@pytest.fixture
def answer(monkeypatch: pytest.MonkeyPatch):
    """`answer(DialogClass, fill)`: the next `exec()` of that dialog runs `fill(dialog)` and
    then presses OK, as a user would, instead of blocking the test."""

    def install(dialog_class: type, fill: Callable) -> None:
        def exec_(self) -> int:
            fill(self)
            self.accept()
            return self.result()

        monkeypatch.setattr(dialog_class, "exec", exec_)

    return install
