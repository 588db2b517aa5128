"""The store's tests run against both backends: a `.briefer` file and a desk's PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def new_location(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Callable[[str], str]:
    """Make the location of a new workspace of the backend under test (a file path, or a
    fresh database's URL); `name` tells two apart in one test."""
    made: dict[str, str] = {}

    def make(name: str = "test") -> str:
        if name not in made:
            if backend == "sqlite":
                made[name] = str(tmp_path / f"{name}.briefer")
            else:
                made[name] = request.getfixturevalue("pg_server").new_database()
        return made[name]

    yield make
    if backend == "postgresql":
        for url in made.values():
            request.getfixturevalue("pg_server").drop(url)


@pytest.fixture
def workspace(backend: str, tmp_path: Path, request: pytest.FixtureRequest):
    """A new, empty workspace of the backend under test."""
    from briefer.store import Workspace

    if backend == "sqlite":
        ws = Workspace.create(tmp_path / "test.briefer")
        yield ws
        ws.close()
        return
    server = request.getfixturevalue("pg_server")
    url = server.new_desk()
    ws = Workspace.open(url)
    yield ws
    ws.close()
    server.drop(url)
