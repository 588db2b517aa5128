"""Opening a desk (a PostgreSQL database), migrating its schema, and its transactions.

A desk is named by a libpq connection URI, `postgresql://[user@]host[:port]/database`
(with `?sslmode=…`, `?service=…` or `?host=/socket/folder` as libpq reads them).
Passwords are never taken from Briefer's settings or stored by it: libpq finds them in
`~/.pgpass` or a service file, as the desk's administrator set them up.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from typing import Any, Iterator
from urllib.parse import urlsplit

import psycopg

from ... import __version__
from ..errors import WorkspaceError
from .adapter import PgConn
from .schema import MIGRATION_LOCK, MIGRATIONS, SCHEMA_VERSION, VERSION_TABLE

class DeskAddress(str):
    """Where a desk is (its URI, shown without any password), standing where a workspace
    file's path stands: its `name` is the database's."""

    def __new__(cls, url: str) -> "DeskAddress":
        parts = urlsplit(url)
        if parts.password is not None:  # never kept: not in titles, recent files or messages
            at = url.index("@", url.index("://") + 3)
            url = url[:url.index(":", url.index("://") + 3)] + url[at:]
        return super().__new__(cls, url)

    @property
    def parts(self):  # noqa: D401 - the URI split
        return urlsplit(str(self))

    @property
    def database(self) -> str:
        return self.parts.path.lstrip("/") or "postgres"

    @property
    def name(self) -> str:
        return self.database

    stem = name

    def shown(self) -> str:
        """The address for messages and titles (it never holds a password)."""
        return str(self)


class PgConnection:
    """Stands in for `store.connection.Connection` (a mixin placed before it)."""

    backend = "postgresql"

    def __init__(self, location: str, *, create: bool = False) -> None:
        self.path = DeskAddress(location)
        self._url = location  # as given, for this session's connections only; never stored
        self._depth = 0
        self._wrote = False
        self.analyst = ""
        raw = self._connect_raw()
        self.conn = PgConn(raw, self.path.shown())  # type: ignore[assignment]
        try:
            version = self._installed_version()
            if create:
                if version is not None:
                    raise WorkspaceError(f"{self.path.shown()}: already holds a Briefer desk; open it instead")
                self._migrate(0)
                with self.transaction():
                    self._set_meta("created_by", f"Briefer {__version__}")
                    self._set_meta("name", self.path.database)
                    import uuid
                    self._set_meta("workspace_id", str(uuid.uuid4()))
                return
            if version is None:
                raise WorkspaceError(f"{self.path.shown()}: not a Briefer desk (no Briefer schema); "
                                     f"create one with: briefer-cli desk init URL")
            if version > SCHEMA_VERSION:
                raise WorkspaceError(f"{self.path.shown()}: made by a newer Briefer (desk format {version}; this "
                                     f"version reads up to {SCHEMA_VERSION}); update Briefer to open it")
            if version < SCHEMA_VERSION:
                self._migrate(version)
        except BaseException:
            raw.close()
            raise

    def _connect_raw(self) -> psycopg.Connection:
        try:
            return psycopg.connect(self._url, autocommit=True, connect_timeout=10,
                                   application_name="briefer")
        except psycopg.OperationalError as error:
            raise WorkspaceError(f"{self.path.shown()}: cannot connect ({_first_line(error)})") from None
        except psycopg.ProgrammingError as error:
            raise WorkspaceError(f"{self.path.shown()}: not a valid desk address ({_first_line(error)})") from None

    def _installed_version(self) -> int | None:
        raw = self.conn.raw
        if raw.execute("SELECT to_regclass('schema_migration')").fetchone()[0] is None:
            return None
        return raw.execute("SELECT coalesce(max(version), 0) FROM schema_migration").fetchone()[0]

    def _migrate(self, version: int) -> None:
        raw = self.conn.raw
        try:
            with raw.transaction():
                raw.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
                raw.execute(VERSION_TABLE)
                done = raw.execute("SELECT coalesce(max(version), 0) FROM schema_migration").fetchone()[0]
                for number in range(max(version, done), SCHEMA_VERSION):
                    MIGRATIONS[number](raw)
                    raw.execute("INSERT INTO schema_migration(version) VALUES (%s)", (number + 1,))
        except psycopg.errors.InsufficientPrivilege as error:
            raise WorkspaceError(f"{self.path.shown()}: this role may not create the desk's tables "
                                 f"({_first_line(error)}); ask the desk's administrator") from None
        except psycopg.Error as error:
            raise WorkspaceError(f"{self.path.shown()}: the desk's schema could not be made "
                                 f"({_first_line(error)}); nothing was changed") from None

    @property
    def schema_version(self) -> int:
        return self._installed_version() or 0

    def close(self) -> None:
        if getattr(self, "conn", None) is not None:
            self.conn.close()
            self.conn = None  # type: ignore[assignment]

    # -- transactions ------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """One transaction per public write (READ COMMITTED); nested calls are savepoints.
        Whatever goes wrong, it is rolled back whole: nothing is half-written."""
        depth = self._depth
        name = f"sp{depth}"
        self.conn.execute("BEGIN" if depth == 0 else f"SAVEPOINT {name}")
        self._depth += 1
        copied = self.__dict__.setdefault("_copied_uids", [])
        entered = (getattr(self, "_tx_rev", None), len(copied))  # what a rollback to here takes back
        try:
            yield self.conn
            if depth == 0:
                self._before_commit()
            self._depth = depth
            self.conn.execute("COMMIT" if depth == 0 else f"RELEASE SAVEPOINT {name}")
            self._wrote = True
            if depth == 0:
                copied.clear()
        except sqlite3.Error as error:  # a violation the shared code did not explain itself
            self._depth = depth
            self._rollback(depth, name, entered)
            raise self._explain(error) from None
        except BaseException:
            self._depth = depth
            self._rollback(depth, name, entered)
            raise

    def _rollback(self, depth: int, name: str, entered: tuple[Any, int] = (None, 0)) -> None:
        """Undo the transaction or savepoint, and with it the revision and the list of
        copied events it made (a later commit must not stamp rows with a rolled-back revision)."""
        self._tx_rev = entered[0]
        del self.__dict__.setdefault("_copied_uids", [])[entered[1]:]
        try:
            if depth == 0:
                self.conn.execute("ROLLBACK")
            else:
                self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
        except WorkspaceError:
            pass  # the connection is gone: the server rolled back

    def _explain(self, error: sqlite3.Error) -> WorkspaceError:
        return WorkspaceError(f"{self.path.shown()}: {error}; nothing was changed")

    # -- meta and settings ---------------------------------------------------------------
    @property
    def name(self) -> str:
        return self.meta("name", self.path.database)

    def save_copy(self, target: Any) -> Any:
        raise WorkspaceError("taking a copy of a desk to a .briefer file is not available yet")

    def release_cache(self) -> None:
        """Nothing to hand back: the server manages its own memory."""



def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


__all__ = ["PgConnection", "DeskAddress"]
