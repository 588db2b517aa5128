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
    """The real files in ../shared/data.  Under CI a missing folder fails the test (a skip
    would hide that the real-data tests never ran); elsewhere they skip."""
    if not SHARED_DATA.is_dir():
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"{SHARED_DATA} is missing: the tests on real data cannot run (CI=true)")
        pytest.skip("../shared/data is not present")
    return SHARED_DATA
