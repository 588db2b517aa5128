"""What only a desk (a workspace on PostgreSQL) has: roles, and who may do what.
The CLI and the window import these from here, never from `store.pg` itself."""

from __future__ import annotations

from typing import Any

from .errors import WorkspaceError


def _desk(ws: Any) -> Any:
    if getattr(ws, "backend", "sqlite") != "postgresql":
        raise WorkspaceError(f"{ws.path}: a workspace file has no roles; only a desk (postgresql://…) has")
    return ws


def set_up_roles(ws: Any) -> list[str]:
    from .pg.roles import set_up_roles as run
    return run(_desk(ws))


def grant(ws: Any, login: str, level: str) -> None:
    from .pg.roles import grant as run
    run(_desk(ws), login, level)


def access(ws: Any) -> str:
    """'admin', 'editor' or 'reader' on a desk; a file's user may do everything its file allows."""
    if getattr(ws, "backend", "sqlite") != "postgresql":
        return "admin"
    from .pg.roles import access as run
    return run(ws)
