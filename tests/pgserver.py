"""A real PostgreSQL server for the tests and benchmarks, started in a temporary folder.

Debian's `postgresql` package (installed by `tools/setup.sh`) provides the binaries; the
server runs as an unprivileged user (initdb refuses root: as root it runs as `nobody`),
listens on a Unix socket in its own folder only (no TCP port), and is stopped and removed
when the session ends.  Each pytest-xdist worker starts its own; each test gets a fresh
database cloned from a template that already holds the extensions Briefer uses.
"""

from __future__ import annotations

import atexit
import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path
from typing import Optional
from urllib.parse import quote

SUPERUSER = "briefer_test"
TEMPLATE = "briefer_template"


def find_bindir() -> Optional[Path]:
    """The folder of initdb/pg_ctl: $BRIEFER_PG_BINDIR, Debian's newest version, or PATH."""
    wanted = os.environ.get("BRIEFER_PG_BINDIR")
    if wanted:
        return Path(wanted)
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


class PgServer:
    """One throwaway cluster: `start()`, `new_database()` per test, `stop()`."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.folder = Path(tempfile.mkdtemp(prefix="briefer-pg-"))
        self.data = self.folder / "data"
        self._as: dict = {}
        if os.geteuid() == 0:  # initdb refuses root: the server runs as nobody, in a folder it owns
            import pwd
            nobody = pwd.getpwnam("nobody")
            os.chown(self.folder, nobody.pw_uid, nobody.pw_gid)
            self._as = {"user": nobody.pw_uid, "group": nobody.pw_gid, "extra_groups": []}
        self.running = False
        self._desk_template: Optional[str] = None

    def _run(self, *args: str) -> None:
        result = subprocess.run([str(self.bindir / args[0]), *args[1:]], capture_output=True, text=True,
                                cwd=self.folder, **self._as)
        if result.returncode != 0:
            raise RuntimeError(f"{args[0]} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")

    def start(self, durable: bool = False) -> "PgServer":
        """Tests run without fsync and with a small cache; `durable` (the benchmarks) runs as
        a desk's server does by default: every commit on disk, Debian's 128 MB of shared buffers."""
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")
        settings = ("-c shared_buffers=128MB" if durable else
                    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=32MB")
        options = (f"-c listen_addresses='' -c unix_socket_directories='{self.folder}' -c max_connections=60 "
                   + settings)
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "log"), "-w", "-t", "60", "-o", options,
                  "start")
        self.running = True
        atexit.register(self.stop)
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {TEMPLATE}")
        with psycopg.connect(self.url(TEMPLATE), autocommit=True) as conn:
            for extension in ("unaccent", "pg_trgm"):
                conn.execute(f"CREATE EXTENSION IF NOT EXISTS {extension}")
        return self

    def url(self, database: str, user: str = SUPERUSER) -> str:
        return f"postgresql:///{database}?host={quote(str(self.folder), safe='')}&user={user}"

    def new_database(self, template: str = TEMPLATE) -> str:
        """A fresh, empty database (the extensions already in it): its postgresql:// URL."""
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name} TEMPLATE {template} STRATEGY FILE_COPY")
        return self.url(name)

    def new_desk(self) -> str:
        """A fresh database already holding an empty Briefer desk (cloned from one made
        with `Workspace.create` once per session), with a desk id of its own."""
        import psycopg

        if self._desk_template is None:
            from briefer.store import Workspace

            url = self.new_database()
            Workspace.create(url).close()
            self._desk_template = url.split("?")[0].rsplit("/", 1)[1]
        url = self.new_database(self._desk_template)
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("UPDATE meta SET value = %s WHERE key = 'workspace_id'", (str(uuid.uuid4()),))
        return url

    def password_login(self, role: str, password: str) -> None:
        """A login role the server admits only with its password (scram-sha-256 on the
        socket), where every other role is trusted: what a desk's analysts meet."""
        import psycopg
        from psycopg import sql

        hba = self.data / "pg_hba.conf"
        line = f"local all {role} scram-sha-256\n"
        text = hba.read_text()
        if line not in text:
            hba.write_text(line + text)
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone() is None:
                conn.execute(sql.SQL("CREATE ROLE {} LOGIN SUPERUSER").format(sql.Identifier(role)))
            conn.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(sql.Identifier(role), sql.Literal(password)))
            conn.execute("SELECT pg_reload_conf()")

    def drop(self, url: str) -> None:
        """Remove a test's database (its connections are closed by force)."""
        import psycopg

        name = url.split("?")[0].rsplit("/", 1)[1]
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        if self.running:
            self.running = False
            subprocess.run([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"],
                           capture_output=True, cwd=self.folder, **self._as)
        shutil.rmtree(self.folder, ignore_errors=True)
