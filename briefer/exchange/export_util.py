"""What every export writer shares: a file that appears whole or not at all, and events
read a chunk at a time with progress and cancel."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence, TextIO

from ..core.errors import BrieferError
from ..core.files import output
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
    """Write TARGET whole or not at all through the shared safe writer (`core.files`):
    never over the open workspace, never through a symlink; on any failure or cancel
    TARGET is left as it was."""
    with output(target, "w", newline=newline) as handle:
        yield handle  # type: ignore[misc]


def chunks(ws: Workspace, ids: Sequence[int], progress: Optional[ExportProgress] = None) -> Iterator[list[Event]]:
    """The events of `ids`, CHUNK at a time; `progress` is told how far after each chunk."""
    total = len(ids)
    if progress is not None and progress(0, total) is False:
        raise ExportCancelled("export cancelled")
    for start in range(0, total, CHUNK):
        yield ws.events_by_ids(ids[start:start + CHUNK])
        if progress is not None and progress(min(start + CHUNK, total), total) is False:
            raise ExportCancelled("export cancelled")
