"""Light and dark: follow the OS unless the analyst chose one (kept in QSettings).

Qt 6.8+ reports and requests the colour scheme through `QStyleHints`.  Where the
platform theme honours the request (Windows, macOS, GNOME/KDE through their platform
themes) that is all it takes.  Where it cannot (a bare X11 session, Xvfb, a desktop
without a platform theme) the request changes nothing, so after every change we check
the palette the application actually got and, if it is the wrong shade, install
Fusion's palette of the right one ourselves.  "Follow the system" also follows the
OS switching while Briefer runs (`colorSchemeChanged`).
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QRectF, QSettings, Qt
from PySide6.QtGui import QActionGroup, QColor, QGuiApplication, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QProxyStyle, QStyle, QStyleOption, QWidget

SCHEMES = {"system": Qt.ColorScheme.Unknown, "light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}
LABELS = {"system": "Follow the system", "light": "Light", "dark": "Dark"}

_state = {"chosen": "system", "own_palette": False, "listening": False}


def dark_palette() -> QPalette:
    """Fusion in dark: the colours Qt's own dark themes use, with readable links."""
    p = QPalette()
    roles = QPalette.ColorRole
    window, base, text = QColor(45, 45, 48), QColor(30, 30, 32), QColor(230, 230, 230)
    for role, colour in ((roles.Window, window), (roles.WindowText, text), (roles.Base, base),
                         (roles.AlternateBase, QColor(40, 40, 43)), (roles.ToolTipBase, QColor(60, 60, 64)),
                         (roles.ToolTipText, text), (roles.PlaceholderText, QColor(140, 140, 140)),
                         (roles.Text, text), (roles.Button, QColor(55, 55, 58)), (roles.ButtonText, text),
                         (roles.BrightText, QColor(255, 90, 90)), (roles.Light, QColor(75, 75, 78)),
                         (roles.Midlight, QColor(62, 62, 65)), (roles.Mid, QColor(40, 40, 42)),
                         (roles.Dark, QColor(25, 25, 26)), (roles.Shadow, QColor(10, 10, 10)),
                         (roles.Highlight, QColor(42, 110, 187)), (roles.HighlightedText, QColor(255, 255, 255)),
                         (roles.Link, QColor(110, 170, 240)), (roles.LinkVisited, QColor(170, 140, 230))):
        p.setColor(role, colour)
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(disabled, role, QColor(120, 120, 120))
    p.setColor(disabled, roles.Highlight, QColor(70, 70, 72))
    return p


class BrieferStyle(QProxyStyle):
    """Fusion, with the edge of a check box or a radio button drawn light on a dark palette:
    Fusion draws it a shade darker than the window, which vanishes on a dark list or group
    (the article review's Accept boxes, the brief's Scope buttons could not be seen)."""

    EDGE = QColor(128, 128, 134)

    def __init__(self) -> None:
        super().__init__("Fusion")

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
                      widget: Optional[QWidget] = None) -> None:  # noqa: N802 - Qt's name
        super().drawPrimitive(element, option, painter, widget)
        kinds = QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorRadioButton
        if element in kinds and palette_is_dark(option.palette):
            painter.save()
            enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
            painter.setPen(self.EDGE if enabled else self.EDGE.darker(160))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if element == kinds[0]:
                painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
            else:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.drawEllipse(QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -1.5))
            painter.restore()


def palette_is_dark(palette: QPalette) -> bool:
    return palette.window().color().lightness() < 128


def wants_dark(name: Optional[str] = None) -> bool:
    """Whether the scheme `name` (default: the one in force) means dark right now."""
    name = name or _state["chosen"]
    if name == "system":
        return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    return name == "dark"


def apply_scheme(name: str) -> None:
    """Ask the platform for `name` ("system", "light", "dark"), then make sure we got it."""
    app = QApplication.instance()
    if app is None:
        return
    name = name if name in SCHEMES else "system"
    _state["chosen"] = name
    hints = QGuiApplication.styleHints()
    if not _state["listening"]:
        hints.colorSchemeChanged.connect(lambda *_: _sync_palette())
        _state["listening"] = True
    scheme = SCHEMES[name]
    if scheme == Qt.ColorScheme.Unknown:
        hints.unsetColorScheme()
    else:
        hints.setColorScheme(scheme)
    _sync_palette()


def _sync_palette() -> None:
    app = QApplication.instance()
    if app is None:
        return
    if _state["own_palette"]:  # back to what the platform and style give, then look again
        app.setPalette(QPalette())
        _state["own_palette"] = False
    dark = wants_dark()
    if palette_is_dark(app.palette()) != dark:
        app.setPalette(dark_palette() if dark else app.style().standardPalette())
        _state["own_palette"] = True


def current(settings: QSettings) -> str:
    value = settings.value("colorScheme", "system")
    return value if value in SCHEMES else "system"


def choose(settings: QSettings, name: str) -> None:
    settings.setValue("colorScheme", name)
    apply_scheme(name)


def is_dark(widget: QWidget) -> bool:
    return palette_is_dark(widget.palette())


def error_colour(widget: Optional[QWidget] = None) -> str:
    """Red for messages, readable on the scheme in force (light red on dark, dark red on light)."""
    palette = widget.palette() if widget is not None else QApplication.palette()
    return "#ff8a7a" if palette_is_dark(palette) else "#b3261e"


def error_style(widget: Optional[QWidget] = None) -> str:
    return f"color: {error_colour(widget)};"


# The article review's marks over a report's text, per kind: background and text colour chosen
# together for each scheme.  Light: pastels under near-black ink; dark: deep tints under the dark
# palette's light ink (a pastel on a dark pane stood out as patches, the text between them as holes).
# The text outside the marks keeps the pane's own colours.
_MARKS = {
    False: {"date": ("#cfe3ff", "#1a1a1a"), "actor": ("#fff1b8", "#1a1a1a"), "citation": ("#d5f5d0", "#1a1a1a"),
            "event": ("#eeeeee", "#1a1a1a"), "source": ("#ead7f7", "#1a1a1a"), "focus": ("#ffb86b", "#1a1a1a")},
    True: {"date": ("#1f3f66", "#e6e6e6"), "actor": ("#5a4810", "#e6e6e6"), "citation": ("#24502b", "#e6e6e6"),
           "event": ("#35353b", "#e6e6e6"), "source": ("#4a2f66", "#e6e6e6"), "focus": ("#a65300", "#ffffff")},
}


def mark_colours(widget: Optional[QWidget] = None) -> dict[str, tuple[QColor, QColor]]:
    """kind -> (background, text) of the article review's marks, for the scheme `widget` shows."""
    palette = widget.palette() if widget is not None else QApplication.palette()
    return {kind: (QColor(back), QColor(ink)) for kind, (back, ink) in _MARKS[palette_is_dark(palette)].items()}


def scheme_menu(parent: QWidget, settings: QSettings) -> QMenu:
    menu = QMenu("Colour &Scheme", parent)
    group = QActionGroup(menu)
    for name, label in LABELS.items():
        action = menu.addAction(label)
        action.setObjectName(f"scheme_{name}")
        action.setCheckable(True)
        action.setChecked(current(settings) == name)
        action.triggered.connect(lambda *_, n=name: choose(settings, n))
        group.addAction(action)
    menu.aboutToShow.connect(lambda: [a.setChecked(a.objectName() == f"scheme_{current(settings)}")
                                      for a in menu.actions()])
    return menu


def analyst_name(settings: QSettings) -> str:
    """The name recorded with this analyst's changes: Preferences, else the OS user."""
    from ..store.provenance import default_analyst

    return str(settings.value("analyst", "") or "").strip() or default_analyst()
