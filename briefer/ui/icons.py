"""Icons from resources/icons (SVG, so they stay sharp at 200% scaling)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QIcon

from ..resources import resource_path


@lru_cache(maxsize=None)
def icon(name: str) -> QIcon:
    path = resource_path("icons", f"{name}.svg")
    if not path.exists():
        raise FileNotFoundError(f"missing icon {path}")
    return QIcon(str(path))


def app_icon() -> QIcon:
    return icon("briefer")
