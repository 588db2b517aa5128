"""Where Briefer's own files are (icons, fonts, demo data).

Installed, they are the package data `briefer.data` (the source tree's `resources/`,
mapped by setup.py) and found with importlib.resources; in the frozen app, PyInstaller's
copy; in a source checkout that was never installed, `resources/` itself.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

PACKAGE = "briefer.data"


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    try:
        installed = resources.files(PACKAGE)
    except ModuleNotFoundError:  # a source checkout that was never installed
        installed = None
    if isinstance(installed, Path) and (installed / "icons").is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
