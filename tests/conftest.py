"""Fixtures shared by every test: workspaces, the demo data and the real data in ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

settings.register_profile("ci", deadline=None, max_examples=200)
settings.register_profile("dev", deadline=None, max_examples=100)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the user's real data folder and settings."""
    monkeypatch.setenv("BRIEFER_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))


@pytest.fixture
def workspace(tmp_path: Path):
    from briefer.store import Workspace

    ws = Workspace.create(tmp_path / "test.briefer")
    yield ws
    ws.close()


@pytest.fixture
def demo_workspace(tmp_path: Path):
    from briefer.demo import create_demo_workspace

    ws = create_demo_workspace(tmp_path / "demo.briefer")
    yield ws
    ws.close()


@pytest.fixture
def shared_data() -> Path:
    """The real files in ../shared/data; tests using them skip only when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present")
    return SHARED_DATA


@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL server for this test process (each xdist worker has its own),
    started in a temporary folder and stopped at the end.  `tools/setup.sh` installs
    Debian's `postgresql` package; without it the desk tests cannot run, and under CI
    that is a failure, not a skip."""
    from tests.pgserver import PgServer, find_bindir

    bindir = find_bindir()
    if bindir is None or not (bindir / "initdb").exists():
        message = "PostgreSQL's initdb is not installed (Debian package 'postgresql'; tools/setup.sh installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    server = PgServer(bindir).start()
    yield server
    server.stop()


@pytest.fixture
def desk_url(pg_server) -> str:
    """The postgresql:// address of a fresh, empty database on the test server."""
    return pg_server.new_database()
