"""Reading another analyst's workspace file for a merge without changing it.

A file this Briefer's format is opened read-only where it lies; an older one is copied
into a temporary folder and migrated there (the original is never touched); a newer one
is refused.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

from .connection import read_header
from .errors import WorkspaceError
from .schema import APPLICATION_ID, SCHEMA_VERSION
from .workspace import Workspace


class _ReadOnly(Workspace):
    def __init__(self, path: Path) -> None:  # noqa: D107 - no migration, no lock, no write
        self.path = path
        self._depth = 0
        self._wrote = False
        self.analyst = ""
        self.conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True, isolation_level=None,
                                    check_same_thread=False)
        self.conn.execute("SELECT count(*) FROM meta").fetchone()


@contextmanager
def open_other(path: str | os.PathLike[str]) -> Iterator[Workspace]:
    """The workspace file at `path`, to read from; WorkspaceError says why it cannot be."""
    path = Path(path)
    application_id, version = read_header(path)
    try:  # the header on disk lags behind a workspace still open elsewhere (its WAL): ask SQLite
        probe = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)
        try:
            application_id = probe.execute("PRAGMA application_id").fetchone()[0]
            version = probe.execute("PRAGMA user_version").fetchone()[0]
        finally:
            probe.close()
    except sqlite3.DatabaseError:
        pass
    if application_id != APPLICATION_ID:
        raise WorkspaceError(f"{path}: not a Briefer workspace (an SQLite file of another program)")
    if version > SCHEMA_VERSION:
        raise WorkspaceError(f"{path}: written by a newer Briefer (format {version}; this version reads up to "
                             f"{SCHEMA_VERSION}); update Briefer to merge it")
    if version == SCHEMA_VERSION:
        try:
            ws = _ReadOnly(path)
        except sqlite3.DatabaseError:
            pass
        else:
            try:
                yield ws
            finally:
                ws.close()
            return
    with tempfile.TemporaryDirectory(prefix="briefer-merge-") as folder:
        copy = Path(folder) / path.name
        try:
            source = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)
            try:
                target = sqlite3.connect(copy)
                source.backup(target)
                target.close()
            finally:
                source.close()
        except sqlite3.DatabaseError as error:
            if not copy.exists():
                shutil.copyfile(path, copy)
            else:
                raise WorkspaceError(f"{path}: the workspace file is damaged ({error})") from None
        ws = Workspace.open(copy)  # migrates the copy
        try:
            yield ws
        finally:
            ws.close()
