"""Shared by the exchange tests: where the fixtures are, and a workspace's content as text."""

from __future__ import annotations

import sqlite3
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


def dump(path: Path) -> list[str]:
    """Everything in a workspace file as SQL text: equal dumps mean nothing changed."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()
