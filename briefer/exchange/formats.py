"""Which dataset formats Briefer reads and writes, and telling a file's format by its look.

The CLI and the import dialog both go through here, so a format added once is offered
in both.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Callable, Optional

from ..core.errors import BrieferError
from ..core.files import check_input as regular_file
from ..core.filter import EventFilter
from ..store import Workspace
from .export_util import ExportProgress
from .importing import DatasetReader
from .json_format import ExchangeError

__all__ = ["IMPORT_FORMATS", "EXPORT_FORMATS", "open_reader", "detect_format", "export_events"]

# name -> label shown to the user
IMPORT_FORMATS = {
    "acled": "ACLED CSV",
    "gdelt": "GDELT 1.0 / 2.0 events (tab-separated)",
    "csv": "CSV or TSV with a column mapping",
    "timelinejs": "TimelineJS JSON",
    "timeline": "Timeline app (.timeline)",
    "json": "Briefer JSON",
}

EXPORT_FORMATS = {
    "acled": "CSV in ACLED's columns",
    "timelinejs": "TimelineJS JSON",
    "geojson": "GeoJSON of located events",
    "json": "Briefer JSON (everything, full fidelity)",
}

EXPORT_SUFFIXES = {"acled": ".csv", "timelinejs": ".json", "geojson": ".geojson", "json": ".json"}


def open_reader(fmt: str, path: str | os.PathLike[str], *, mapping: Optional[object] = None,
                encoding: Optional[str] = None) -> DatasetReader:
    """A reader for a dataset file; `mapping` (a ColumnMapping or a path to one) is for "csv"."""
    check_input(path)
    if fmt == "acled":
        from .acled import AcledReader
        return AcledReader(path, encoding)
    if fmt == "gdelt":
        from .gdelt import GdeltReader
        return GdeltReader(path, encoding)
    if fmt == "csv":
        from .csv_mapping import ColumnMapping, MappedCsvReader
        if mapping is None:
            raise ExchangeError("a CSV import needs a column mapping (--mapping FILE, or make one in the import dialog)")
        if not isinstance(mapping, ColumnMapping):
            mapping = ColumnMapping.load(mapping)  # type: ignore[arg-type]
        return MappedCsvReader(path, mapping, encoding)
    if fmt == "timelinejs":
        from .timelinejs import TimelineJSReader
        return TimelineJSReader(path)
    if fmt == "timeline":
        from .thetimeline import TimelineFileReader
        return TimelineFileReader(path)
    raise ExchangeError(f"'{fmt}' is not a dataset format Briefer reads (one of: {', '.join(IMPORT_FORMATS)})")


def check_input(path: str | os.PathLike[str]) -> None:
    """Refuse, by name, what no importer can read: a missing file, a folder, a pipe or a
    device (reading one would hang or never end), an empty file."""
    try:
        path = regular_file(path)
    except BrieferError as error:
        raise ExchangeError(str(error)) from None
    if path.stat().st_size == 0:
        raise ExchangeError(f"{path}: the file is empty")


def detect_format(path: str | os.PathLike[str]) -> Optional[str]:
    """The format a file looks like, or None when it could be several.  A file no
    importer can read (missing, a folder, empty, binary) is refused by name."""
    check_input(path)
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(1 << 16)
    except OSError as error:
        raise ExchangeError(f"{path}: {error.strerror or error}") from None
    suffix = path.suffix.lower()
    from .encoding import looks_binary
    if looks_binary(head):
        raise ExchangeError(f"{path}: not a text file (it holds binary data, like an image or a spreadsheet)")
    if suffix == ".timeline":
        return "timeline"
    from .encoding import detect_encoding
    codec = detect_encoding(head)
    if codec.startswith("utf-16"):
        head = head[: len(head) - len(head) % 2]  # the sample may cut a character in two
    text = head.decode(codec, errors="replace").lstrip("\ufeff").lstrip()
    if text.startswith("{"):
        if '"briefer-workspace"' in text:
            return "json"
        if '"events"' in text or '"timeline"' in text:
            return "timelinejs"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, OSError, RecursionError):
            return None
        if isinstance(data, dict) and data.get("format") == "briefer-workspace":
            return "json"
        return "timelinejs" if isinstance(data, dict) and ("events" in data or "timeline" in data) else None
    if text.startswith("<?xml") or text.startswith("<timeline") or text.startswith("# Written by Timeline"):
        return "timeline"
    first = text.split("\n", 1)[0]
    from .acled import is_acled_header
    import csv
    try:
        header = next(csv.reader([first]), [])
    except csv.Error:
        header = []
    if is_acled_header(header):
        return "acled"
    cells = first.split("\t")
    if len(cells) in (57, 58, 61) and cells[0].strip().isdigit() and cells[1].strip().isdigit():
        return "gdelt"
    return "csv" if suffix in (".csv", ".tsv", ".txt") else None


def export_events(fmt: str, ws: Workspace, path: str | os.PathLike[str], f: Optional[EventFilter] = None,
                  progress: Optional[ExportProgress] = None) -> int:
    """Write the filter's events (or all) in a format; returns how many were written.
    `progress(done, total)` is told how far the writing is; returning False cancels
    (ExportCancelled, and no file is left behind)."""
    writer: Callable[..., int]
    if fmt == "acled":
        from .acled import export_acled as writer
    elif fmt == "timelinejs":
        from .timelinejs import export_timelinejs as writer
    elif fmt == "geojson":
        from .geojson import export_geojson as writer
    elif fmt == "json":
        from .json_format import export_json as writer
    else:
        raise ExchangeError(f"'{fmt}' is not a format Briefer writes (one of: {', '.join(EXPORT_FORMATS)})")
    return writer(ws, path, f, progress)
