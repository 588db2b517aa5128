"""`Workspace`: one open `.briefer` file and every question the app asks of it."""

from __future__ import annotations

import os
from pathlib import Path

from .actors import ActorStore
from .periods import PeriodStore
from .history import HistoryStore
from .query import QueryStore
from .sources import SourceStore
from .views import ViewStore

WORKSPACE_SUFFIX = ".briefer"


class Workspace(HistoryStore, ActorStore, SourceStore, QueryStore, ViewStore, PeriodStore):
    """Open with `Workspace.open(path)` or make one with `Workspace.create(path)`.

    Every public write is one transaction; reads see the last committed state.
    """

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> "Workspace":
        """A `.briefer` file, or a desk's PostgreSQL database named `postgresql://…`."""
        if is_desk(path) and cls is Workspace:
            from .pg.workspace import DeskWorkspace
            return DeskWorkspace(str(path))
        return cls(path)

    @classmethod
    def create(cls, path: str | os.PathLike[str]) -> "Workspace":
        """Make a new `.briefer` file, or the Briefer schema in an empty desk database."""
        if is_desk(path) and cls is Workspace:
            from .pg.workspace import DeskWorkspace
            return DeskWorkspace(str(path), create=True)
        return cls(path, create=True)


def is_desk(location: object) -> bool:
    """Whether a workspace location names a desk server rather than a file."""
    return isinstance(location, str) and location.startswith(DESK_SCHEMES)


DESK_SCHEMES = ("postgresql://", "postgres://")
