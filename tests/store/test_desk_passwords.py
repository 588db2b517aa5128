"""A desk's password is never kept in plain text: libpq's ~/.pgpass, or the OS keyring
where there is one (checked against the server before it is kept); without a keyring,
Briefer says where to put it.  Against a real server that asks for the password."""

from __future__ import annotations

import os
import subprocess
import sys

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from briefer.store import Workspace, WorkspaceError
from briefer.store.desk import forget_password, save_password

ROLE, PASSWORD = "amal_pw", "correct horse battery staple"


class _SessionKeyring(KeyringBackend):
    """A keyring held in this test process's memory (an OS keyring needs a desktop
    session's D-Bus, which CI has not): `keyring`'s own backend interface."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str):
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError
        if self.kept.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def protected_desk(pg_server):
    pg_server.password_login(ROLE, PASSWORD)
    url = pg_server.new_desk()
    yield url.replace("user=briefer_test", f"user={ROLE}")
    pg_server.drop(url)


@pytest.fixture
def os_keyring():
    before = keyring.get_keyring()
    kept = _SessionKeyring()
    keyring.set_keyring(kept)
    yield kept
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring():
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def test_a_password_kept_in_the_os_keyring_opens_the_desk(protected_desk: str, os_keyring) -> None:
    with pytest.raises(WorkspaceError, match="asks for a password.*~/.pgpass.*desk login"):
        Workspace.open(protected_desk)
    with pytest.raises(WorkspaceError, match="refused this password .*; nothing was saved"):
        save_password(protected_desk, "wrong")
    assert os_keyring.kept == {}
    save_password(protected_desk, PASSWORD)
    assert list(os_keyring.kept.values()) == [PASSWORD]
    with Workspace.open(protected_desk) as ws:
        assert PASSWORD not in str(ws.path)
        with ws.watch() as watcher:  # the session's second connection uses it too
            with Workspace.open(protected_desk) as other:
                from briefer.core.model import Actor
                other.add_actor(Actor("SDF"))
            assert watcher.wait(timeout=10)
    assert forget_password(protected_desk) and not forget_password(protected_desk)
    with pytest.raises(WorkspaceError, match="asks for a password"):
        Workspace.open(protected_desk)


def test_a_changed_password_in_the_keyring_is_a_clear_message(protected_desk: str, os_keyring) -> None:
    save_password(protected_desk, PASSWORD)
    from briefer.store.pg.secrets import SERVICE, account
    os_keyring.set_password(SERVICE, account(protected_desk), "since changed")
    with pytest.raises(WorkspaceError, match="password kept in the OS keyring was refused.*desk login"):
        Workspace.open(protected_desk)


def test_without_a_keyring_nothing_is_kept_and_the_message_says_where_to_put_it(protected_desk: str,
                                                                                 no_keyring) -> None:
    with pytest.raises(WorkspaceError, match="no OS keyring here.*~/.pgpass"):
        save_password(protected_desk, PASSWORD)
    result = subprocess.run([sys.executable, "-m", "briefer.cli", "desk", "login", protected_desk, "--password-stdin"],
                            input=PASSWORD + "\n", capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "no OS keyring here" in result.stderr and PASSWORD not in result.stderr + result.stdout
