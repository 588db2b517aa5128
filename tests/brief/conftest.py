"""Helpers for reading built briefs back with pypdf."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in pypdf.PdfReader(str(path)).pages]


def flat(text: str) -> str:
    """Extracted text with line breaks and runs of spaces folded: titles wrap.  Nothing
    else is normalised: a ligature or a presentation form is what a reader's search sees."""
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def fixed_time():
    from datetime import datetime

    return datetime(2019, 2, 10, 6, 0)
