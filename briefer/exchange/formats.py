"""Which dataset formats Briefer reads and writes, and telling a file's format by its look.

The CLI and the import dialog both go through here, so a format added once is offered
in both.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Callable, Optional, Sequence

from ..core.filter import EventFilter
from ..store import Workspace
from .export_util import ExportProgress
from .importing import DatasetReader
from .json_format import ExchangeError

__all__ = ["IMPORT_FORMATS", "EXPORT_FORMATS", "open_reader", "detect_format", "export_events", "expand_inputs",
           "choose_formats"]

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
    reader = _open_reader(fmt, path, mapping, encoding)
    # how to open it again, for an import that reads in a child process
    reader.spec = (fmt, str(path), getattr(reader, "mapping", None) if fmt == "csv" else None, encoding)  # type: ignore[attr-defined]
    return reader


def _open_reader(fmt: str, path: str | os.PathLike[str], mapping: Optional[object],
                 encoding: Optional[str]) -> DatasetReader:
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


def _not_a_file(path: Path, mode: int) -> Optional[str]:
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a file; save the data to a file and import that"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a file"
    if not stat.S_ISREG(mode):
        return "is not a regular file"
    return None


def _stat(path: Path, missing: str) -> os.stat_result:
    try:
        return path.stat()
    except FileNotFoundError:
        raise ExchangeError(f"{path}: {missing}") from None
    except OSError as error:
        raise ExchangeError(f"{path}: {error.strerror or error}") from None


def check_input(path: str | os.PathLike[str]) -> None:
    """Refuse, by name, what no importer can read: a missing file, a folder, a named
    pipe or a device (reading them could wait forever or never end), an empty file."""
    path = Path(path)
    info = _stat(path, "no such file")
    problem = _not_a_file(path, info.st_mode)
    if problem:
        raise ExchangeError(f"{path}: {problem}")
    if info.st_size == 0:
        raise ExchangeError(f"{path}: the file is empty")


IMPORTABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".json", ".timeline")


def expand_inputs(paths: Sequence[str | os.PathLike[str]]) -> list[tuple[Path, bool]]:
    """The files an import of FILE_OR_FOLDER... reads, each with whether it came from a
    folder: files as given, and the dataset files (.csv, .tsv, .txt, .json, .timeline)
    directly in each folder, by name.  A folder with none, a pipe or a device is refused
    by name; a file given twice is read once."""
    found: dict[Path, bool] = {}
    for given in paths:
        path = Path(given)
        info = _stat(path, "no such file or folder")
        if stat.S_ISDIR(info.st_mode):
            inside = sorted((p for p in path.iterdir() if p.suffix.lower() in IMPORTABLE_SUFFIXES
                             and not p.name.startswith(".") and p.is_file()), key=lambda p: p.name.casefold())
            if not inside:
                raise ExchangeError(f"{path}: the folder holds no file Briefer can import "
                                    f"({', '.join(IMPORTABLE_SUFFIXES)})")
            for p in inside:
                found.setdefault(p, True)
            continue
        problem = _not_a_file(path, info.st_mode)
        if problem:
            raise ExchangeError(f"{path}: {problem}")
        found[path] = False
    return list(found.items())


def choose_formats(files: Sequence[tuple[Path, bool]], fmt: Optional[str],
                   mapping: bool) -> tuple[list[tuple[Path, str]], list[str]]:
    """([(file, format)], [why each folder file was left out]).  A file named by the user
    that cannot be imported is refused by name; one found in a folder (a README, a
    report, a file of another format) is left out and said so, unless none is left."""
    chosen, left_out = [], []
    for path, from_folder in files:
        try:
            guessed = detect_format(path)
            if fmt is not None and from_folder and guessed != fmt and not (fmt == "csv" and guessed in ("acled", "gdelt")):
                raise ExchangeError(f"{path}: not a {IMPORT_FORMATS[fmt]} file")
            if fmt is None and guessed is None:
                raise ExchangeError(f"{path}: cannot tell the file's format; give one with --format "
                                    f"({', '.join(IMPORT_FORMATS)})")
            if fmt is None and guessed == "csv" and not mapping:
                raise ExchangeError(f"{path}: not an ACLED or GDELT file; import it with --format csv --mapping FILE")
        except ExchangeError as error:
            if not from_folder:
                raise
            left_out.append(str(error))
            continue
        chosen.append((path, fmt or guessed))
    if not chosen:
        folders = ", ".join(dict.fromkeys(str(p.parent) for p, _ in files))
        raise ExchangeError(f"{folders}: the folder holds no file Briefer can import ({'; '.join(left_out[:3])})")
    return chosen, left_out


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
        except (ValueError, OSError):
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
