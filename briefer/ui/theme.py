"""Light and dark: follow the OS unless the analyst chose one (kept in QSettings).

Qt 6.8+ reports and sets the colour scheme through `QStyleHints`; with the Fusion
style that gives a proper dark palette everywhere, including on desktops that expose
no platform theme (there the OS reports "unknown" and light is used).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QActionGroup, QGuiApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QMenu, QWidget

SCHEMES = {"system": Qt.ColorScheme.Unknown, "light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}
LABELS = {"system": "Follow the system", "light": "Light", "dark": "Dark"}


def apply_scheme(name: str) -> None:
    hints = QGuiApplication.styleHints()
    scheme = SCHEMES.get(name, Qt.ColorScheme.Unknown)
    if scheme == Qt.ColorScheme.Unknown:
        hints.unsetColorScheme()
    else:
        hints.setColorScheme(scheme)


def current(settings: QSettings) -> str:
    value = settings.value("colorScheme", "system")
    return value if value in SCHEMES else "system"


def choose(settings: QSettings, name: str) -> None:
    settings.setValue("colorScheme", name)
    apply_scheme(name)


def is_dark(widget: QWidget) -> bool:
    return widget.palette().window().color().lightness() < 128


def scheme_menu(parent: QWidget, settings: QSettings) -> QMenu:
    menu = QMenu("Colour &Scheme", parent)
    group = QActionGroup(menu)
    for name, label in LABELS.items():
        action = menu.addAction(label)
        action.setCheckable(True)
        action.setChecked(current(settings) == name)
        action.triggered.connect(lambda *_, n=name: choose(settings, n))
        group.addAction(action)
    return menu


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget, settings: QSettings) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.settings = settings
        self.scheme = QComboBox(objectName="prefScheme")
        for name, label in LABELS.items():
            self.scheme.addItem(label, name)
        self.scheme.setCurrentIndex(self.scheme.findData(current(settings)))
        form = QFormLayout(self)
        form.addRow("Colour scheme:", self.scheme)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        choose(self.settings, self.scheme.currentData())
        super().accept()
