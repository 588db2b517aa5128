"""Opening, creating and migrating a workspace file, and its transactions.

Opening must never harm a file that is not ours: the header is read with plain file
I/O first (no SQLite connection, so no journal or WAL file appears), and only a file
that is a Briefer workspace this version can read is opened for writing.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import struct
import urllib.parse
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from .. import __version__
from ..core.files import register_workspace, replacing, unregister_workspace
from .errors import WorkspaceError
from .schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 1500


def read_header(path: Path) -> tuple[int, int]:
    """(application_id, user_version) of a file, or WorkspaceError if it is not SQLite."""
    try:
        if os.path.exists(path) and not os.path.isdir(path) and not os.path.isfile(path):
            raise WorkspaceError(f"{path}: is not a regular file (a pipe or a device), not a workspace file")
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a pipe put there meanwhile must not block
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise WorkspaceError(f"{path}: is not a regular file (a pipe or a device), not a workspace file")
            header = handle.read(100)
    except FileNotFoundError:
        raise WorkspaceError(f"{path}: no such workspace file") from None
    except IsADirectoryError:
        raise WorkspaceError(f"{path}: is a folder, not a workspace file") from None
    except PermissionError:
        raise WorkspaceError(f"{path}: permission denied") from None
    except OSError as error:
        raise WorkspaceError(f"{path}: cannot be read ({error.strerror})") from None
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise WorkspaceError(f"{path}: not a Briefer workspace (not an SQLite file)")
    user_version, application_id = struct.unpack(">I", header[60:64])[0], struct.unpack(">I", header[68:72])[0]
    return application_id, user_version


def _writable(path: Path) -> bool:
    """Can this process write the workspace: the file, and its folder (for the -wal and
    -shm files) unless both of those exist and are writable."""
    if not os.access(path, os.W_OK):
        return False
    if os.access(path.parent, os.W_OK | os.X_OK):
        return True
    companions = [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm")]
    return all(os.access(c, os.W_OK) for c in companions)


class Connection:
    """The SQLite connection of one open workspace and its transaction helpers."""

    backend = "sqlite"  # a desk's workspace (store.pg) says "postgresql"

    path: Path
    conn: sqlite3.Connection

    def __init__(self, path: str | os.PathLike[str], *, create: bool = False) -> None:
        self.path = Path(path)
        self._depth = 0
        self._wrote = False
        self.read_only = False  # opened read-only: the file or its folder cannot be written
        self.analyst = ""  # who edits (Preferences); empty: $BRIEFER_ANALYST or the OS user
        if create:
            if self.path.exists():
                raise WorkspaceError(f"{self.path}: already exists; open it instead or choose another name")
            if not self.path.parent.is_dir():
                raise WorkspaceError(f"{self.path.parent}: no such folder")
            try:  # a full disk or a kill half-way leaves no file, not an empty one
                self._connect()
                self._migrate(0)
                with self.transaction():
                    self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                    self._set_meta("created_by", f"Briefer {__version__}")
                    self._set_meta("name", self.path.stem)
            except BaseException as error:
                if getattr(self, "conn", None) is not None:
                    self.conn.close()
                for suffix in ("", "-wal", "-shm", "-journal"):
                    Path(str(self.path) + suffix).unlink(missing_ok=True)
                if isinstance(error, sqlite3.Error):
                    raise self._explain(error) from None
                raise
            register_workspace(self.path)
            return
        application_id, version = read_header(self.path)
        if application_id != APPLICATION_ID:
            raise WorkspaceError(f"{self.path}: not a Briefer workspace (an SQLite file of another program)")
        if version > SCHEMA_VERSION:
            raise WorkspaceError(
                f"{self.path}: written by a newer Briefer (format {version}; this version reads up to "
                f"{SCHEMA_VERSION}); update Briefer to open it"
            )
        self.read_only = not _writable(self.path)
        self._connect()
        try:
            if self.read_only and version < SCHEMA_VERSION:
                raise WorkspaceError(
                    f"{self.path}: the workspace is read-only and was written by an older Briefer (format "
                    f"{version}); it must be upgraded, which needs a writable file and folder — copy it "
                    "somewhere you can write")
            if not self.read_only:
                self._check_not_busy()
            if version < SCHEMA_VERSION:
                self._backup_before_migration(version)
                self._migrate(version)
        except sqlite3.DatabaseError as error:
            self.conn.close()
            raise WorkspaceError(f"{self.path}: the workspace file is damaged ({error})") from None
        except BaseException:
            self.conn.close()
            raise
        register_workspace(self.path)

    # -- lifecycle -------------------------------------------------------------------
    def _connect(self) -> None:
        if self.read_only:
            self._connect_read_only()
            return
        try:
            self.conn = sqlite3.connect(
                self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
            )
            self.conn.execute("PRAGMA foreign_keys = ON")
            mode = self.conn.execute("PRAGMA journal_mode").fetchone()[0]
            if mode != "wal":
                self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA cache_size = -65536")
        except sqlite3.OperationalError as error:
            raise self._explain(error) from None
        except sqlite3.DatabaseError as error:
            raise WorkspaceError(f"{self.path}: the workspace file is damaged ({error})") from None

    def _connect_read_only(self) -> None:
        """Open for reading only; with no -shm beside the file and a folder we may not write,
        SQLite cannot share the WAL index, so the file is read as it is (immutable)."""
        uri = "file:" + urllib.parse.quote(os.path.abspath(self.path)) + "?mode=ro"
        last: sqlite3.Error | None = None
        for extra in ("", "&immutable=1"):
            try:
                self.conn = sqlite3.connect(uri + extra, uri=True, isolation_level=None,
                                            timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
                self.conn.execute("SELECT count(*) FROM meta").fetchone()
                self.conn.execute("PRAGMA query_only = ON")
                return
            except sqlite3.OperationalError as error:
                last = error
                self.conn.close()
            except sqlite3.DatabaseError as error:
                self.conn.close()
                raise WorkspaceError(f"{self.path}: the workspace file is damaged ({error})") from None
        raise WorkspaceError(f"{self.path}: the workspace is read-only and cannot be read here ({last})")

    def _check_not_busy(self) -> None:
        """Refuse a workspace another process is writing to, before we change anything."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute("SELECT count(*) FROM meta").fetchone()
            self.conn.execute("ROLLBACK")
        except sqlite3.OperationalError as error:
            self.conn.close()
            raise self._explain(error) from None

    def _explain(self, error: sqlite3.Error) -> WorkspaceError:
        text = str(error)
        if "locked" in text or "busy" in text:
            return WorkspaceError(f"{self.path}: another Briefer is writing to this workspace; try again when it is done")
        if "readonly" in text or "read-only" in text:
            return WorkspaceError(f"{self.path}: the workspace file is read-only")
        if "disk is full" in text or "full" in text:
            return WorkspaceError(f"{self.path}: the disk is full; nothing was changed")
        if "disk I/O error" in text:
            return WorkspaceError(f"{self.path}: the disk could not be written (disk I/O error: is it full or "
                                  "failing?); nothing was changed")
        if "malformed" in text or "not a database" in text or "corrupt" in text:
            return WorkspaceError(f"{self.path}: the workspace file is damaged ({text})")
        return WorkspaceError(f"{self.path}: {text}")

    def close(self) -> None:
        if getattr(self, "conn", None) is not None:
            try:
                if self._wrote:  # keep the planner's statistics fresh, but never write on a read-only visit
                    self.conn.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass
            self.conn.close()
            self.conn = None  # type: ignore[assignment]
            unregister_workspace(self.path)

    def watch(self) -> None:
        """Other sessions' changes as they commit: a desk's (`store.pg`); a file has none."""
        return None

    def release_cache(self) -> None:
        """Hand back the page cache a read of every event filled (tens of MB at 1M events)."""
        self.conn.execute("PRAGMA shrink_memory")

    def __enter__(self) -> "Connection":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- migrations ------------------------------------------------------------------
    def _backup_before_migration(self, version: int) -> Path:
        backup = self.path.with_name(f"{self.path.name}.v{version}.bak")
        with replacing(backup, check=False) as tmp:  # the store's own file: never through a planted link
            target = sqlite3.connect(tmp)
            try:
                self.conn.backup(target)
            finally:
                target.close()
        return backup

    def _migrate(self, version: int) -> None:
        self._migrating = True  # no provenance stamps while the tables are not all there
        try:
            for number in range(version, SCHEMA_VERSION):
                with self.transaction():
                    MIGRATIONS[number](self.conn)
                    self.conn.execute(f"PRAGMA user_version = {number + 1}")
        finally:
            self._migrating = False

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    # -- transactions ----------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction per public write; nested calls become savepoints."""
        if self.read_only:
            raise WorkspaceError(f"{self.path}: the workspace is read-only (the file or its folder cannot be "
                                 "written); nothing was changed")
        depth = self._depth
        name = f"sp{depth}"
        try:
            self.conn.execute("BEGIN IMMEDIATE" if depth == 0 else f"SAVEPOINT {name}")
        except sqlite3.OperationalError as error:
            raise self._explain(error) from None
        self._depth += 1
        try:
            yield self.conn
        except sqlite3.OperationalError as error:  # disk full, read-only after all: say so
            self._depth = depth
            self._roll_back(depth, name)
            explained = self._explain(error)
            if str(explained) == f"{self.path}: {error}" or "disk I/O" in str(error):  # the caller's to judge
                raise
            raise explained from None
        except BaseException:
            self._depth = depth
            self._roll_back(depth, name)
            raise
        else:
            self._depth = depth
            try:
                if depth == 0:
                    self._before_commit()
                self.conn.execute("COMMIT" if depth == 0 else f"RELEASE {name}")
                # only a commit wrote anything: a savepoint released inside a transaction that is
                # then rolled back must not make close() write statistics into the file
                self._wrote = self._wrote or depth == 0
            except sqlite3.OperationalError as error:
                if depth == 0 and self.conn.in_transaction:  # a full disk at COMMIT has rolled back already
                    self.conn.execute("ROLLBACK")
                raise self._explain(error) from None

    def _roll_back(self, depth: int, name: str) -> None:
        """Undo the failed transaction or savepoint; SQLite may have rolled back already
        (a full disk does), and saying "no transaction is active" would hide why."""
        if not self.conn.in_transaction:
            return
        try:
            if depth == 0:
                self.conn.execute("ROLLBACK")
            else:
                self.conn.execute(f"ROLLBACK TO {name}")
                self.conn.execute(f"RELEASE {name}")
        except sqlite3.OperationalError:
            pass

    def _before_commit(self) -> None:
        """Last writes of a transaction (the provenance stamps); nothing here."""

    # -- reading everything at once (taking a copy) ---------------------------------------
    @contextmanager
    def _read_snapshot(self) -> Iterator[tuple[int, int]]:
        """Reads inside see one consistent state (a read transaction); nothing is written.
        Yields (sync point, last revision), the same here: a file has one writer at a time,
        so its revisions commit in order."""
        if self._depth:
            raise WorkspaceError(f"{self.path}: a copy cannot be taken in the middle of a change")
        self.conn.execute("BEGIN")
        self._depth += 1
        try:
            last = self.max_revision() if self._provenance_ready() else 0  # type: ignore[attr-defined]
            yield last, last
        finally:
            self._depth -= 1
            self.conn.execute("ROLLBACK")

    def _stream(self, sql: str, params: Any, size: int) -> Iterator[list[tuple]]:
        """A query's rows, `size` at a time, without holding them all."""
        cursor = self.conn.execute(sql, params)
        while rows := cursor.fetchmany(size):
            yield rows

    def _columns(self, table: str) -> list[str]:
        return [r[1] for r in self.conn.execute(f"PRAGMA table_info({table})")]

    # -- meta and settings -----------------------------------------------------------
    def _set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def meta(self, key: str, default: str = "") -> str:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return default if row is None else row[0]

    @property
    def name(self) -> str:
        return self.meta("name", self.path.stem)

    def setting(self, key: str, default: Any = None) -> Any:
        """A per-workspace setting (e.g. the brief's marking), JSON-decoded."""
        row = self.conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])

    def set_setting(self, key: str, value: Any) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT OR REPLACE INTO setting(key, value) VALUES (?, ?)", (key, json.dumps(value))
            )

    def save_copy(self, target: str | os.PathLike[str], event_filter: Any = None) -> Path:
        """Write a consistent copy of the workspace (File ▸ Save a Copy As), or of the part
        `event_filter` selects (`copying.py`); never over the workspace itself or its
        companion files, never through a symlink."""
        target = Path(target)
        if event_filter is not None:
            from .copying import write_copy
            write_copy(self, target, event_filter)
            return target
        try:
            with replacing(target) as tmp:
                copy = sqlite3.connect(tmp)
                try:
                    self.conn.backup(copy)
                finally:
                    copy.close()
        except sqlite3.Error as error:
            raise self._explain(error) from None
        return target
