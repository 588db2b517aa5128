"""Icons from resources/icons (SVG, so they stay sharp at 200% scaling).

The line art is drawn in a mid blue that reads well on light backgrounds; under a dark
palette the same drawings are rendered with lighter strokes, so they keep their contrast.
An icon takes the shade of the scheme in force when it is made.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer  # also makes packagers bring Qt's SVG support along

from ..resources import resource_path

# light-scheme colour -> the one used on dark backgrounds
DARK_COLOURS = {"#4a6fa5": "#8fb3e6", "#24364f": "#c9d6e8", "#6b7785": "#aab5c2", "#c0392b": "#ff7b6b"}
SIZES = (16, 20, 22, 24, 32, 48, 64, 96, 128)


def _dark_now() -> bool:
    app = QGuiApplication.instance()
    return app is not None and QGuiApplication.palette().window().color().lightness() < 128


def icon(name: str) -> QIcon:
    return _icon(name, _dark_now())


@lru_cache(maxsize=None)
def _icon(name: str, dark: bool) -> QIcon:
    path = resource_path("icons", f"{name}.svg")
    if not path.exists():
        raise FileNotFoundError(f"missing icon {path}")
    if not dark:
        return QIcon(str(path))
    svg = path.read_text(encoding="utf-8")
    for light, shade in DARK_COLOURS.items():
        svg = svg.replace(light, shade)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    result = QIcon()
    for size in SIZES:
        pixmap = QPixmap(QSize(size, size))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(pixmap)
    return result


def app_icon() -> QIcon:
    return _icon("briefer", False)  # the app's mark looks the same on any desktop
