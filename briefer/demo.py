"""The demo workspace: the SDF's 2019 offensive on the last IS pocket, in Briefer's words.

The packaged file (`resources/demo/demo.json`) is never opened for writing: a user
always gets a fresh workspace built from it, in their own data folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from .exchange.json_format import import_json
from .resources import resource_path
from .store import Workspace

DEMO_FILE = "demo.json"


def demo_json() -> Path:
    return resource_path("demo", DEMO_FILE)


def create_demo_workspace(path: str | os.PathLike[str]) -> Workspace:
    """A new workspace at `path` holding the demo data."""
    ws = Workspace.create(path)
    try:
        import_json(ws, demo_json())
        ws.set_setting("brief.marking", "UNCLASSIFIED // FOR TRAINING")
    except BaseException:
        ws.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        raise
    return ws


def user_data_folder() -> Path:
    folder = Path(os.environ.get("BRIEFER_DATA_DIR") or user_data_dir("Briefer", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def fresh_demo_copy() -> Path:
    """Build a new demo workspace in the user's data folder and return its path."""
    folder = user_data_folder()
    path = folder / "Demo.briefer"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"Demo {n}.briefer"
    create_demo_workspace(path).close()
    return path
