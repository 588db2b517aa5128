"""Who may do what on a desk: reader, editor and admin, as PostgreSQL roles.

Three group roles (NOLOGIN) carry the privileges; the desk's administrator makes each
analyst's login role a member of one of them (`briefer-cli desk grant`).  PostgreSQL
enforces them: a reader's session can read everything and write nothing, whatever
program it uses.

- `briefer_reader`: connect, read every table, follow live changes (LISTEN);
- `briefer_editor`: a reader who may add, change and delete records;
- `briefer_admin`: an editor who may grant and revoke these roles.

Role names are PostgreSQL's, shared by every database of the server: the group roles are
made once per server and granted the privileges of each desk set up with them.  Every
name goes into SQL as a quoted identifier (`psycopg.sql.Identifier`), never as text.
"""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg import sql

from ..errors import WorkspaceError

ROLES = {"reader": "briefer_reader", "editor": "briefer_editor", "admin": "briefer_admin"}


def _run(ws: Any, statement: sql.Composable, params: tuple = ()) -> Any:
    try:
        return ws.conn.raw.execute(statement, params)
    except psycopg.errors.InsufficientPrivilege as error:
        raise WorkspaceError(f"{ws.path.shown()}: only the desk's administrator may do this "
                             f"({str(error).strip().splitlines()[0]})") from None
    except psycopg.Error as error:
        raise WorkspaceError(f"{ws.path.shown()}: {str(error).strip().splitlines()[0]}") from None


def set_up_roles(ws: Any) -> list[str]:
    """Make the three group roles if the server lacks them and grant them this desk's
    privileges.  Returns the roles made now.  Needs a role that may create roles."""
    made = []
    database = ws.conn.raw.execute("SELECT current_database()").fetchone()[0]
    with ws.conn.raw.transaction():
        for role in ROLES.values():
            if _run(ws, sql.SQL("SELECT 1 FROM pg_roles WHERE rolname = %s"), (role,)).fetchone() is None:
                _run(ws, sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(role)))
                made.append(role)
        reader, editor, admin = (sql.Identifier(r) for r in ROLES.values())
        for statement in (
            sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(sql.Identifier(database), reader),
            sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(reader),
            sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA public TO {}").format(reader),
            sql.SQL("GRANT {} TO {}").format(reader, editor),
            sql.SQL("GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {}").format(editor),
            sql.SQL("REVOKE INSERT, UPDATE, DELETE ON schema_migration FROM {}").format(editor),
            sql.SQL("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {}").format(editor),
            sql.SQL("GRANT {} TO {} WITH ADMIN OPTION").format(editor, admin),
            sql.SQL("GRANT {} TO {} WITH ADMIN OPTION").format(reader, admin),
        ):
            _run(ws, statement)
    return made


def grant(ws: Any, login: str, level: str) -> None:
    """Make `login` a reader, editor or admin of the desks set up with these roles (and
    nothing more: the other two are revoked)."""
    if level not in ROLES:
        raise WorkspaceError(f"no desk role '{level}'; choose reader, editor or admin")
    with ws.conn.raw.transaction():
        if _run(ws, sql.SQL("SELECT 1 FROM pg_roles WHERE rolname = %s"), (login,)).fetchone() is None:
            raise WorkspaceError(f"{ws.path.shown()}: the server has no role '{login}'; "
                                 "its administrator makes login roles")
        for name, role in ROLES.items():
            if name != level:
                _run(ws, sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(role), sql.Identifier(login)))
        _run(ws, sql.SQL("GRANT {} TO {}").format(sql.Identifier(ROLES[level]), sql.Identifier(login)))


def access(ws: Any) -> str:
    """What this session may do on the desk: 'admin', 'editor' or 'reader'."""
    raw = ws.conn.raw
    if not raw.execute("SELECT has_table_privilege('event', 'INSERT')").fetchone()[0]:
        return "reader"
    admin = raw.execute(
        "SELECT rolsuper OR rolcreaterole OR EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g "
        "ON g.oid = m.roleid WHERE g.rolname = 'briefer_admin' AND m.member = r.oid) "
        "FROM pg_roles r WHERE rolname = current_user").fetchone()[0]
    return "admin" if admin else "editor"
