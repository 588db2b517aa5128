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


def keyring_available() -> bool:
    """Whether the OS keyring can keep a desk's password here (never a plain-text one)."""
    from .pg.secrets import keyring_available as run
    return run()


def save_password(url: str, password: str) -> str:
    """Check the password against the desk, then keep it in the OS keyring; returns the
    account ('user@host:port/database') it is kept under."""
    from .pg.secrets import save_password as save, verify_password
    verify_password(url, password)
    return save(url, password)


def forget_password(url: str) -> bool:
    from .pg.secrets import forget_password as run
    return run(url)


def password_account(url: str) -> str:
    """'user@host:port/database': whose password for which desk the keyring keeps."""
    from .pg.secrets import account
    return account(url)
