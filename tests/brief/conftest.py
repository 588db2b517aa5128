"""Helpers for reading built briefs back with pypdf."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pypdf
import pytest


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in pypdf.PdfReader(str(path)).pages]


def flat(text: str) -> str:
    """Extracted text with line breaks and runs of spaces folded: titles wrap."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))


@pytest.fixture
def fixed_time():
    from datetime import datetime

    return datetime(2019, 2, 10, 6, 0)
