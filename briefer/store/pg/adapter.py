"""The store's plain SQL, spoken to PostgreSQL.

The SQLite store writes its queries once, with `?` placeholders and a few SQLite
spellings; the PostgreSQL backend runs the same statements through `PgConn`, which
rewrites those spellings by a fixed set of rules (one cached rewrite per statement
text, never involving a value):

- `?` becomes `%s` (every value stays bound; `%` in the text is escaped);
- `x IN (SELECT value FROM json_each(?))` (a list passed as one JSON parameter)
  becomes `x = ANY(%s)` with the list bound as an array;
- `INSERT OR IGNORE` becomes `ON CONFLICT DO NOTHING`; `INSERT OR REPLACE` an upsert
  on the table's key (keys listed in `_KEYS`, from the schema, not from input);
- `COLLATE NOCASE` ordering becomes `lower(...)`, `INDEXED BY` hints are dropped;
- an INSERT into a table whose row id the caller reads (`lastrowid`) returns it.

Statements that have no such rewrite (the full-text index, the planner's hints, the
file's pragmas) are not sent here: `briefer.store.pg` overrides the methods using them.
"""

from __future__ import annotations

import json
import re
import sqlite3
from functools import lru_cache
from typing import Any, Iterable, Iterator, Optional, Sequence

import psycopg
from psycopg import errors as pg_errors

from ..errors import WorkspaceError

# the key of each table an INSERT OR REPLACE writes to, and its other columns come from the statement
_KEYS = {"meta": ("key",), "setting": ("key",), "tombstone": ("kind", "uid"), "peer": ("workspace",),
         "saved_view": ("name",), "import_actor_map": ("dataset", "key")}
# tables whose new row id a caller reads after a single INSERT
_RETURNING = {"actor": "id", "revision": "rev", "conflict": "id", "event": "id", "source": "id", "document": "id"}

_LIST = re.compile(r"\bIN\s*\(\s*SELECT\s+value\s+FROM\s+json_each\(\?\)\s*\)", re.IGNORECASE)
_NOCASE = re.compile(r"([\w.]+)\s+COLLATE\s+NOCASE", re.IGNORECASE)
_INDEXED_BY = re.compile(r"\s+INDEXED\s+BY\s+\w+", re.IGNORECASE)
_INSERT_OR = re.compile(r"^\s*INSERT\s+OR\s+(IGNORE|REPLACE)\s+INTO\s+(\w+)\s*\(([^)]*)\)", re.IGNORECASE)
_INSERT = re.compile(r"^\s*INSERT\s+INTO\s+(\w+)\s*\(", re.IGNORECASE)
_LIST_MARK = "\x00LIST\x00"


@lru_cache(maxsize=4096)
def translate(sql: str, single: bool = True) -> tuple[str, tuple[int, ...], bool]:
    """(PostgreSQL text, positions of list parameters, whether it returns the new row id)."""
    text = _LIST.sub(f"= ANY({_LIST_MARK})", sql)
    text = _NOCASE.sub(r"lower(\1)", text)
    text = _INDEXED_BY.sub("", text)
    suffix = ""
    returning = False
    match = _INSERT_OR.match(text)
    if match:
        how, table, columns = match.group(1).upper(), match.group(2), match.group(3)
        text = re.sub(r"^\s*INSERT\s+OR\s+\w+\s+INTO", "INSERT INTO", text, count=1, flags=re.IGNORECASE)
        if how == "IGNORE":
            suffix = " ON CONFLICT DO NOTHING"
        else:
            keys = _KEYS[table]
            rest = [c.strip() for c in columns.split(",") if c.strip() not in keys]
            sets = ", ".join(f"{c} = EXCLUDED.{c}" for c in rest)
            suffix = f" ON CONFLICT ({', '.join(keys)}) " + (f"DO UPDATE SET {sets}" if sets else "DO NOTHING")
    elif single:
        plain = _INSERT.match(text)
        if plain and plain.group(1) in _RETURNING and "RETURNING" not in text.upper():
            suffix = f" RETURNING {_RETURNING[plain.group(1)]}"
            returning = True
    out, lists, index, quoted = [], [], 0, False
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "'":
            quoted = not quoted
            out.append(ch)
        elif quoted:
            out.append("%%" if ch == "%" else ch)
        elif text.startswith(_LIST_MARK, i):
            out.append("%s")
            lists.append(index)
            index += 1
            i += len(_LIST_MARK)
            continue
        elif ch == "?":
            out.append("%s")
            index += 1
        elif ch == "%":
            out.append("%%")
        else:
            out.append(ch)
        i += 1
    return "".join(out).rstrip().rstrip(";") + suffix, tuple(lists), returning


def _bind(params: Sequence[Any], lists: tuple[int, ...]) -> list[Any]:
    values = list(params)
    for k in lists:
        values[k] = json.loads(values[k]) if isinstance(values[k], str) else list(values[k])
    return values


class Result:
    """What the store reads from a statement: rows, `lastrowid`, `rowcount`."""

    def __init__(self, cursor: Optional[psycopg.Cursor], lastrowid: Optional[int] = None) -> None:
        self._cursor = cursor
        self.lastrowid = lastrowid
        self.rowcount = cursor.rowcount if cursor is not None else 0

    def _rows(self) -> bool:
        return self._cursor is not None and self._cursor.description is not None

    def fetchone(self) -> Optional[tuple]:
        return self._cursor.fetchone() if self._rows() else None

    def fetchall(self) -> list[tuple]:
        return self._cursor.fetchall() if self._rows() else []

    def __iter__(self) -> Iterator[tuple]:
        return iter(self._cursor) if self._rows() else iter(())


class PgConn:
    """A psycopg connection with the `execute`/`executemany` the store calls.

    Database errors come out as the `sqlite3` exception the shared store code already
    handles (a unique or foreign key violation is an `IntegrityError`), so that code is
    written once; the PostgreSQL error's text goes with it."""

    def __init__(self, conn: psycopg.Connection, where: str = "desk") -> None:
        self.raw = conn
        self.where = where

    def execute(self, sql: str, params: Iterable[Any] = ()) -> Result:
        text, lists, returning = translate(sql)
        try:
            cursor = self.raw.cursor()
            cursor.execute(text, _bind(tuple(params), lists) if lists else tuple(params), prepare=False)
        except psycopg.Error as error:
            raise self.error(error) from None
        if returning:
            row = cursor.fetchone()
            return Result(None, row[0] if row else None)
        return Result(cursor)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Result:
        text, lists, _ = translate(sql, single=False)
        data = [_bind(r, lists) for r in rows] if lists else list(rows)
        if not data:
            return Result(None)
        try:
            cursor = self.raw.cursor()
            cursor.executemany(text, data)
        except psycopg.Error as error:
            raise self.error(error) from None
        return Result(None)

    def close(self) -> None:
        self.raw.close()

    def error(self, error: psycopg.Error) -> Exception:
        """A constraint violation as the `sqlite3.IntegrityError` the shared code explains
        itself; anything else as a message for the user, naming the desk."""
        text = (getattr(error.diag, "message_primary", None) or str(error)).strip().splitlines()[0]
        if isinstance(error, psycopg.IntegrityError):
            return sqlite3.IntegrityError(text)
        if isinstance(error, (pg_errors.InsufficientPrivilege, pg_errors.ReadOnlySqlTransaction)):
            return WorkspaceError(f"{self.where}: your role may only read this desk; nothing was changed")
        if "NUL (0x00)" in text:
            return WorkspaceError(f"{self.where}: a text holds a NUL character, which a desk cannot store; "
                                  "nothing was changed")
        if isinstance(error, psycopg.OperationalError) or self.raw.closed:
            return WorkspaceError(f"{self.where}: the connection to the desk was lost ({text}); "
                                  "what was not saved was not changed")
        return WorkspaceError(f"{self.where}: the desk refused this ({text}); nothing was changed")


def as_sqlite_error(error: psycopg.Error) -> sqlite3.Error:
    """For the few callers outside `PgConn` (bulk COPY): the same rule, as sqlite3 errors."""
    text = (getattr(error.diag, "message_primary", None) or str(error)).strip()
    if isinstance(error, psycopg.IntegrityError):
        return sqlite3.IntegrityError(text)
    return sqlite3.OperationalError(text)
