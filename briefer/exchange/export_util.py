"""What every export writer shares: a file that appears whole or not at all, and events
read a chunk at a time with progress and cancel."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence, TextIO

from ..core.errors import BrieferError
from ..core.model import Event
from ..store import Workspace

__all__ = ["ExportCancelled", "ExportProgress", "chunks", "written", "CHUNK"]

CHUNK = 1000

# progress(done, total) -> False to cancel
ExportProgress = Callable[[int, int], Optional[bool]]


class ExportCancelled(BrieferError):
    """The user cancelled an export; no file was written."""


@contextmanager
def written(target: Path, newline: Optional[str] = "") -> Iterator[TextIO]:
    """Write to TARGET.part and rename it to TARGET only when everything was written;
    on any failure or cancel the partial file is removed and TARGET is left as it was."""
    if target.is_dir():
        raise BrieferError(f"{target}: is a folder; give the name of the file to write")
    if target.exists() and not target.is_file():
        raise BrieferError(f"{target}: is not a regular file (a device or a pipe); give the name of a file")
    if not target.parent.is_dir():
        raise BrieferError(f"{target}: the folder {target.parent} does not exist")
    tmp = target.with_name(target.name + ".part")
    try:
        handle = open(tmp, "w", encoding="utf-8", newline=newline)
    except OSError as error:
        raise BrieferError(f"{target}: cannot be written ({error.strerror or error})") from None
    try:
        with handle:
            yield handle
        tmp.replace(target)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise BrieferError(f"{target}: cannot be written ({error.strerror or error})") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def chunks(ws: Workspace, ids: Sequence[int], progress: Optional[ExportProgress] = None) -> Iterator[list[Event]]:
    """The events of `ids`, CHUNK at a time; `progress` is told how far after each chunk."""
    total = len(ids)
    if progress is not None and progress(0, total) is False:
        raise ExportCancelled("export cancelled")
    for start in range(0, total, CHUNK):
        yield ws.events_by_ids(ids[start:start + CHUNK])
        if progress is not None and progress(min(start + CHUNK, total), total) is False:
            raise ExportCancelled("export cancelled")
