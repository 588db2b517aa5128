"""The front doors import first in a fresh interpreter: an import cycle fails only for whoever
imports the wrong module first (the window benchmark did, once)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("module", ["briefer.ui.main_window", "briefer.ui.preferences", "briefer.ui.timeline.hits"])
def test_imports_first(module: str) -> None:
    result = subprocess.run([sys.executable, "-c", f"import {module}"], cwd=ROOT, capture_output=True, text=True,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 0, result.stderr[-2000:]
