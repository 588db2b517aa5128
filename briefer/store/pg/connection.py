"""Opening a desk (a PostgreSQL database), migrating its schema, and its transactions.

A desk is named by a libpq connection URI, `postgresql://[user@]host[:port]/database`
(with `?sslmode=…`, `?service=…` or `?host=/socket/folder` as libpq reads them).
Passwords are never taken from Briefer's settings or stored by it: libpq finds them in
`~/.pgpass` or a service file, as the desk's administrator set them up.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from typing import Any, Iterator, Optional
from urllib.parse import urlsplit

import psycopg

from ... import __version__
from ..errors import WorkspaceError
from .adapter import PgConn, _bind, translate
from .secrets import saved_password, wants_password
from .schema import MIGRATION_LOCK, MIGRATIONS, REVISION_CLAIM, REVISION_GATE, SCHEMA_VERSION, VERSION_TABLE

# A desk on the network that stops answering (a laptop's Wi-Fi gone, a server switched off)
# must not hold a window for TCP's quarter of an hour: libpq's keepalives notice a silent
# peer, `tcp_user_timeout` gives up on data it never acknowledged.  An address's own values win.
NETWORK_DEFAULTS = {"connect_timeout": "10", "keepalives": "1", "keepalives_idle": "10",
                    "keepalives_interval": "5", "keepalives_count": "3", "tcp_user_timeout": "20000"}


def _network_defaults(url: str) -> dict[str, str]:
    from psycopg.conninfo import conninfo_to_dict

    try:
        given = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        given = {}  # a malformed address: connect() says so, naming it
    return {k: v for k, v in NETWORK_DEFAULTS.items() if k not in given}


def _sync_floor(last: int, lowest_open: Optional[int]) -> int:
    """A sync point: the last revision, or just below the lowest one still claimed by an open
    transaction (every revision up to it has ended)."""
    return last if lowest_open is None else min(last, lowest_open - 1)


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
            # a window's queries read a page or count one filter: parallel workers cost more
            # to start (15-30 ms measured) than they save, and the server's cores serve the team
            raw.execute("SET max_parallel_workers_per_gather = 0")
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
        """Connect as libpq does (`.pgpass`, service files); when the server still asks for a
        password, with the one saved in the OS keyring (`secrets.py`), if any."""
        try:
            return self._connect()
        except psycopg.OperationalError as error:
            if not wants_password(error):
                raise WorkspaceError(f"{self.path.shown()}: cannot connect ({_first_line(error)})") from None
            password = saved_password(self._url)
            if password is None:
                raise WorkspaceError(
                    f"{self.path.shown()}: cannot connect ({_first_line(error)}); the server asks for a password: "
                    f"put it in ~/.pgpass, or save it in the OS keyring with: briefer-cli desk login URL") from None
        except psycopg.ProgrammingError as error:
            raise WorkspaceError(f"{self.path.shown()}: not a valid desk address ({_first_line(error)})") from None
        self._password = password  # for this session's other connections (live changes); never written
        try:
            return self._connect()
        except psycopg.OperationalError as error:
            self._password = None
            if wants_password(error):
                raise WorkspaceError(f"{self.path.shown()}: the password kept in the OS keyring was refused "
                                     f"({_first_line(error)}); save the right one with: briefer-cli desk login URL"
                                     ) from None
            raise WorkspaceError(f"{self.path.shown()}: cannot connect ({_first_line(error)})") from None

    _password: Optional[str] = None

    def _connect(self, application: str = "briefer") -> psycopg.Connection:
        """One more connection to this desk, as this session made its first."""
        extra = {"password": self._password} if self._password is not None else {}
        return psycopg.connect(self._url, autocommit=True, application_name=application,
                               **_network_defaults(self._url), **extra)

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

    @property
    def connection_lost(self) -> bool:
        """The server dropped this session's connection (or it was closed): reads fail until reopened."""
        return self.conn is None or self.conn.raw.closed

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

    # -- reading everything at once (taking a copy) ---------------------------------------
    @contextmanager
    def _read_snapshot(self) -> Iterator[tuple[int, int]]:
        """Reads inside see the desk as it was when the snapshot was taken (REPEATABLE READ),
        however many analysts commit meanwhile; nothing is written (READ ONLY).  Yields
        (sync point, last revision): every revision up to the sync point is in the snapshot;
        the snapshot may hold later ones too (up to the last), committed while a transaction
        with a lower revision was still open (`schema.py`, version 5)."""
        if self._depth:
            raise WorkspaceError(f"{self.path.shown()}: a copy cannot be taken in the middle of a change")
        with self._revision_gate():
            below = self._lowest_open_revision()  # read before the snapshot: whatever ends meanwhile is in it
            self.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            self._depth += 1
            try:
                last = self.max_revision() if self._provenance_ready() else 0  # takes the snapshot
            except BaseException:
                self._depth -= 1
                self._rollback(0, "")
                raise
        try:
            yield _sync_floor(last, below), last
        finally:
            self._depth -= 1
            self._rollback(0, "")

    def sync_point(self) -> int:
        """The highest revision N such that every revision up to N is committed (or was
        given up) and so visible to this session's next read."""
        if not self._provenance_ready():
            return 0
        with self._revision_gate():
            below = self._lowest_open_revision()
            last = self.max_revision()
        return _sync_floor(last, below)

    @contextmanager
    def _revision_gate(self) -> Iterator[None]:
        """No revision is made while inside (a moment: making one takes microseconds)."""
        self.conn.execute("SELECT pg_advisory_lock(?, 0)", (REVISION_GATE,))
        try:
            yield
        finally:
            try:
                self.conn.execute("SELECT pg_advisory_unlock(?, 0)", (REVISION_GATE,))
            except WorkspaceError:
                pass  # the connection is gone, and its locks with it

    def _lowest_open_revision(self) -> Optional[int]:
        """The lowest revision that a transaction still open on this desk holds (its claim)."""
        return self.conn.execute(
            "SELECT min(((l.classid::bigint - ?) << 31) + l.objid::bigint) FROM pg_locks l "
            "WHERE l.locktype = 'advisory' AND l.objsubid = 2 AND l.granted "
            "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            "AND l.classid::bigint BETWEEN ? AND ?",
            (REVISION_CLAIM, REVISION_CLAIM, REVISION_GATE - 1)).fetchone()[0]

    def new_revision(self, at: str, analyst: str, workspace: str, what: str = "") -> int:
        """A new revision, claimed by this transaction until it ends (see `_read_snapshot`)."""
        rev = int(self.conn.execute("SELECT briefer_new_revision(?, ?, ?, ?)", (at, analyst, workspace, what)
                                    ).fetchone()[0])
        self.__dict__.setdefault("_own_revisions", set()).add(rev)  # what this session wrote
        return rev

    def _stream(self, sql: str, params: Any, size: int) -> Iterator[list[tuple]]:
        """A query's rows, `size` at a time, through a server-side cursor (a million events
        are never held at once)."""
        text, lists, _ = translate(sql, single=False)
        values = _bind(tuple(params), lists) if lists else tuple(params)
        try:
            with self.conn.raw.cursor(name=f"briefer_stream_{self._depth}") as cursor:
                cursor.itersize = size
                cursor.execute(text, values)
                while rows := cursor.fetchmany(size):
                    yield rows
        except psycopg.Error as error:
            raise self.conn.error(error) from None

    def _columns(self, table: str) -> list[str]:
        """A table's stored columns (not the generated ones: the search vectors)."""
        return [r[0] for r in self.conn.raw.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = %s AND is_generated = 'NEVER' ORDER BY ordinal_position", (table,))]

    def _explain(self, error: sqlite3.Error) -> WorkspaceError:
        return WorkspaceError(f"{self.path.shown()}: {error}; nothing was changed")

    # -- meta and settings ---------------------------------------------------------------
    @property
    def name(self) -> str:
        return self.meta("name", self.path.database)

    def save_copy(self, target: Any, event_filter: Any = None) -> Any:
        """Write the desk (or the part `event_filter` selects) to a new `.briefer` file, in
        one consistent snapshot (see `store.copying`)."""
        from pathlib import Path

        from ..copying import write_copy
        write_copy(self, target, event_filter)
        return Path(target)

    def release_cache(self) -> None:
        """Nothing to hand back: the server manages its own memory."""



def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


__all__ = ["PgConnection", "DeskAddress"]
