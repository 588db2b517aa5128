"""Shared by the exchange tests: where the fixtures are, and a workspace's content as text."""

from __future__ import annotations

from pathlib import Path

from ..dumps import dump  # noqa: F401 - the exchange tests import it from here

FIXTURES = Path(__file__).parent / "fixtures"
