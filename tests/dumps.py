"""A workspace's content as text, for tests that must show nothing changed."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def dump(path: Path) -> list[str]:
    """Everything in a workspace file as SQL text: equal dumps mean nothing changed
    (page counters may change; content must not)."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()
