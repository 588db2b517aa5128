"""`Workspace`: one open `.briefer` file and every question the app asks of it."""

from __future__ import annotations

import os
from pathlib import Path

from .actors import ActorStore
from .periods import PeriodStore
from .provenance import ProvenanceStore
from .query import QueryStore
from .sources import SourceStore
from .views import ViewStore

WORKSPACE_SUFFIX = ".briefer"


class Workspace(ProvenanceStore, ActorStore, SourceStore, QueryStore, ViewStore, PeriodStore):
    """Open with `Workspace.open(path)` or make one with `Workspace.create(path)`.

    Every public write is one transaction; reads see the last committed state.
    """

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> "Workspace":
        return cls(path)

    @classmethod
    def create(cls, path: str | os.PathLike[str]) -> "Workspace":
        return cls(path, create=True)
