"""A desk's password, kept in the OS keyring where there is one — never in plain text.

Briefer never writes a password to its settings, recent files or messages.  Where the
server asks for one, libpq first looks in `~/.pgpass` and service files, as the desk's
administrator set them up.  Where those have none, Briefer asks the OS keyring (the
`keyring` package: Secret Service, macOS Keychain, Windows Credential Locker) for the one
saved with `briefer-cli desk login URL`.  A keyring that would store it in plain text
(the `keyrings.alt` file backends) is not used; without a usable keyring the password
stays where libpq reads it, and saving one says so.
"""

from __future__ import annotations

import getpass
from typing import Any, Optional

import psycopg
from psycopg.conninfo import conninfo_to_dict

from ..errors import WorkspaceError

SERVICE = "briefer-desk"
_NO_KEYRING = ("there is no OS keyring here (no Secret Service, Keychain or Credential Locker that the "
               "'keyring' package can use); keep the password in ~/.pgpass (mode 0600) or a service file instead")


def _keyring() -> Optional[Any]:
    """The `keyring` module when it can keep secrets safely here, else None."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a broken keyring configuration is no keyring
        return None
    if isinstance(backend, fail.Keyring) or type(backend).__module__.startswith("keyrings.alt"):
        return None
    return keyring


def keyring_available() -> bool:
    return _keyring() is not None


def account(url: str) -> str:
    """Who and where a saved password is for: 'user@host:port/database' as libpq reads the
    address (its defaults filled in), so that two spellings of one desk share it."""
    try:
        info = conninfo_to_dict(url)
    except psycopg.ProgrammingError as error:
        raise WorkspaceError(f"not a valid desk address ({str(error).strip()})") from None
    user = info.get("user") or getpass.getuser()
    host = info.get("host") or "localhost"
    port = info.get("port") or "5432"
    database = info.get("dbname") or user
    return f"{user}@{host}:{port}/{database}"


def saved_password(url: str) -> Optional[str]:
    """The password saved in the OS keyring for this desk, if any (None without a keyring)."""
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        return keyring.get_password(SERVICE, account(url))
    except Exception:  # noqa: BLE001 - a locked or failing keyring: as if none were saved
        return None


def save_password(url: str, password: str) -> str:
    """Keep the password in the OS keyring; returns the account it is saved under."""
    keyring = _keyring()
    if keyring is None:
        raise WorkspaceError(_NO_KEYRING)
    who = account(url)
    try:
        keyring.set_password(SERVICE, who, password)
    except Exception as error:  # noqa: BLE001 - the keyring's own errors, said plainly
        raise WorkspaceError(f"the OS keyring would not keep the password ({error})") from None
    return who


def forget_password(url: str) -> bool:
    """Remove a saved password; False when none was saved (or there is no keyring)."""
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        keyring.delete_password(SERVICE, account(url))
    except Exception:  # noqa: BLE001 - keyring.errors.PasswordDeleteError: nothing saved
        return False
    return True


def verify_password(url: str, password: str) -> None:
    """Connect once with it: a wrong password is said now, not at the next opening."""
    if not _keyring():
        raise WorkspaceError(_NO_KEYRING)
    try:
        from .connection import _network_defaults

        psycopg.connect(url, password=password, application_name="briefer-login", **_network_defaults(url)).close()
    except psycopg.OperationalError as error:
        text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        if wants_password(error):
            raise WorkspaceError(f"the desk refused this password ({text}); nothing was saved") from None
        raise WorkspaceError(f"cannot connect to check the password ({text}); nothing was saved") from None
    except psycopg.ProgrammingError as error:
        raise WorkspaceError(f"not a valid desk address ({str(error).strip()})") from None


def wants_password(error: psycopg.OperationalError) -> bool:
    """Whether a refused connection is the server asking for a password libpq did not have."""
    text = str(error)
    return "no password supplied" in text or "password authentication failed" in text


__all__ = ["keyring_available", "verify_password", "account", "saved_password", "save_password", "forget_password", "wants_password"]
