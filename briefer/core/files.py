"""Writing a user's file so that nothing else is harmed: the one home of Briefer's safe writer.

Every file Briefer writes for a user (an export, a PDF brief, an import report, a copy of
the workspace, a column mapping, a timeline picture) goes through `output()`:

* the target may not be an open workspace, its `-wal`, `-shm` or `-journal` file, its
  migration backups (`NAME.vN.bak`), nor any input of the same command — compared by
  device and inode (so a hard link or a symlink is recognised) and by the resolved path
  (so a file that does not exist yet is recognised too);
* the bytes go to a temporary file made in the target's folder with `O_EXCL|O_NOFOLLOW`
  (`tempfile.mkstemp`), never a fixed name a symlink could be planted on; it is renamed
  over the target only when everything was written, so the target appears whole or not
  at all, and a symlink at the target's name is replaced, never followed;
* a temporary file left by a killed run (its process is gone) is removed by the next
  write to the same target.

The open workspaces are registered here by the store when it opens one, so that every
writer refuses them without each caller having to pass them along.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterable, Iterator, Optional, Union

from .errors import BrieferError

__all__ = [
    "OutputRefused", "check_output", "output", "replacing", "write_bytes", "write_text",
    "register_workspace", "unregister_workspace", "same_file", "TEMP_SUFFIX", "check_input", "read_bytes",
]

PathLike = Union[str, "os.PathLike[str]"]

TEMP_SUFFIX = ".briefer-tmp"
_NAME_IN_TEMP = 80  # keep the temporary name within the file system's 255 bytes
_WORKSPACE_COMPANIONS = ("-wal", "-shm", "-journal")
_BACKUP = re.compile(r"\.v\d+\.bak\Z")

_open_workspaces: dict[Path, int] = {}  # resolved path -> how many times it is open in this process


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_FILE_MODE = 0o666 & ~_umask()


class OutputRefused(BrieferError):
    """The chosen output would overwrite the workspace or an input; nothing was written."""


# -- knowing which files are which ------------------------------------------------------
def register_workspace(path: PathLike) -> None:
    """The store calls this when it opens a workspace: no output may overwrite it now."""
    key = Path(os.path.realpath(path))
    _open_workspaces[key] = _open_workspaces.get(key, 0) + 1


def unregister_workspace(path: PathLike) -> None:
    key = Path(os.path.realpath(path))
    count = _open_workspaces.get(key, 0) - 1
    if count > 0:
        _open_workspaces[key] = count
    else:
        _open_workspaces.pop(key, None)


def _identity(path: PathLike) -> Optional[tuple[int, int]]:
    try:
        info = os.stat(path)  # follows links: a link to the workspace is the workspace
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def same_file(a: PathLike, b: PathLike) -> bool:
    """True when A and B name the same file: one inode, or the same path once links are resolved."""
    ia, ib = _identity(a), _identity(b)
    if ia is not None and ia == ib:
        return True
    return os.path.realpath(a) == os.path.realpath(b)


def _workspace_role(target: Path, workspace: Path) -> Optional[str]:
    """What TARGET is to WORKSPACE ("the workspace", "its -wal file" …), or None."""
    if same_file(target, workspace):
        return "the open workspace"
    real_target, real_ws = Path(os.path.realpath(target)), Path(os.path.realpath(workspace))
    for suffix in _WORKSPACE_COMPANIONS:
        companion = real_ws.with_name(real_ws.name + suffix)
        if same_file(target, companion):
            return f"the workspace's {suffix} file"
    if real_target.parent == real_ws.parent and real_target.name.startswith(real_ws.name) \
            and _BACKUP.fullmatch(real_target.name[len(real_ws.name):]):
        return "a backup of the workspace"
    tid = _identity(target)
    if tid is not None:  # a hard link to a backup
        for backup in real_ws.parent.glob(f"{glob_escape(real_ws.name)}.v*.bak"):
            if _identity(backup) == tid:
                return "a backup of the workspace"
    return None


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def check_output(target: PathLike, inputs: Iterable[Optional[PathLike]] = (),
                 workspaces: Iterable[PathLike] = ()) -> Path:
    """Refuse TARGET (OutputRefused, naming it and why) when writing it would destroy an
    open or named workspace or one of INPUTS, or when it is a folder or a device."""
    target = Path(target)
    for ws in [*_open_workspaces, *(Path(w) for w in workspaces)]:
        role = _workspace_role(target, ws)
        if role is not None:
            raise OutputRefused(f"{target}: is {role} ({ws}); writing there would destroy it — "
                                "choose another file name")
    for source in inputs:
        if source is not None and str(source) != "" and same_file(target, source):
            raise OutputRefused(f"{target}: is also an input of this command ({source}); "
                                "choose another file name for the output")
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise BrieferError(f"{target}: cannot be written ({error.strerror or error})") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputRefused(f"{target}: is a folder; give the name of the file to write")
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise OutputRefused(f"{target}: is not a regular file (a device or a pipe); give the name of a file")
    if not target.parent.is_dir():
        raise BrieferError(f"{target}: cannot write it; the folder {target.parent} does not exist")
    return target


# -- temporary files ------------------------------------------------------------------
def _temp_prefix(target: Path) -> str:
    return f".{target.name[:_NAME_IN_TEMP]}."


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def clean_leftovers(target: Path) -> int:
    """Remove temporary files a killed Briefer left while writing TARGET; how many."""
    prefix = _temp_prefix(target)
    removed = 0
    try:
        names = os.listdir(target.parent)
    except OSError:
        return 0
    for name in names:
        if not (name.startswith(prefix) and name.endswith(TEMP_SUFFIX)):
            continue
        pid_text = name[len(prefix):].split(".", 1)[0]
        if not pid_text.isdigit() or int(pid_text) == os.getpid() or _alive(int(pid_text)):
            continue
        leftover = target.parent / name
        try:
            if stat.S_ISREG(os.lstat(leftover).st_mode):  # never a link or anything else
                leftover.unlink()
                removed += 1
        except OSError:
            pass
    return removed


def _new_temp(target: Path) -> tuple[int, Path]:
    clean_leftovers(target)
    try:
        # mkstemp opens with O_CREAT|O_EXCL|O_NOFOLLOW and a random name: nothing planted is followed
        fd, name = tempfile.mkstemp(prefix=f"{_temp_prefix(target)}{os.getpid()}.", suffix=TEMP_SUFFIX,
                                    dir=target.parent)
    except OSError as error:
        raise BrieferError(f"{target}: cannot be written ({error.strerror or error})") from None
    try:
        os.fchmod(fd, _FILE_MODE)
    except OSError:
        pass
    return fd, Path(name)


def _error(target: Path, error: OSError) -> BrieferError:
    if getattr(error, "errno", None) == 28:
        return BrieferError(f"{target}: the disk is full; the file was not written")
    return BrieferError(f"{target}: cannot be written ({error.strerror or error})")


@contextmanager
def output(target: PathLike, mode: str = "w", *, inputs: Iterable[Optional[PathLike]] = (),
           encoding: str = "utf-8", newline: Optional[str] = None) -> Iterator[IO]:
    """Open a temporary file beside TARGET for writing (MODE "w" text or "wb" bytes) and
    rename it to TARGET when the block ends without an error; on any error, cancel or
    kill the target is left as it was."""
    if mode not in ("w", "wb"):
        raise ValueError(mode)
    target = check_output(target, inputs)
    fd, tmp = _new_temp(target)
    try:
        if mode == "wb":
            handle: IO = os.fdopen(fd, "wb")
        else:
            handle = os.fdopen(fd, "w", encoding=encoding, newline=newline)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        check_output(target, inputs)  # nothing took its place meanwhile
        os.replace(tmp, target)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise _error(target, error) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def replacing(target: PathLike, *, inputs: Iterable[Optional[PathLike]] = (), check: bool = True) -> Iterator[Path]:
    """A new, empty temporary file beside TARGET for a writer that needs a path (SQLite's
    backup); renamed over TARGET when the block ends without an error, else removed.
    `check=False` is for the store's own files (its migration backup)."""
    target = Path(target)
    if check:
        check_output(target, inputs)
    fd, tmp = _new_temp(target)
    os.close(fd)
    try:
        yield tmp
        if check:
            check_output(target, inputs)
        os.replace(tmp, target)
    except OSError as error:
        _remove_with_companions(tmp)
        raise _error(target, error) from None
    except BaseException:
        _remove_with_companions(tmp)
        raise


def _remove_with_companions(tmp: Path) -> None:
    for suffix in ("", *_WORKSPACE_COMPANIONS):
        Path(str(tmp) + suffix).unlink(missing_ok=True)


def write_bytes(target: PathLike, data: bytes, *, inputs: Iterable[Optional[PathLike]] = ()) -> Path:
    with output(target, "wb", inputs=inputs) as handle:
        handle.write(data)
    return Path(target)


def write_text(target: PathLike, text: str, *, inputs: Iterable[Optional[PathLike]] = (),
               encoding: str = "utf-8", newline: Optional[str] = None) -> Path:
    with output(target, "w", inputs=inputs, encoding=encoding, newline=newline) as handle:
        handle.write(text)
    return Path(target)


# -- reading a user's file ------------------------------------------------------------
def check_input(path: PathLike, what: str = "file") -> Path:
    """Refuse an input that is not a regular file before anyone opens it: opening a pipe
    waits for a writer forever, and a device (/dev/zero) never ends."""
    path = Path(path)
    try:
        info = os.stat(path)  # stat never blocks, even on a pipe
    except FileNotFoundError:
        raise BrieferError(f"{path}: no such {what}") from None
    except OSError as error:
        raise BrieferError(f"{path}: cannot be read ({error.strerror or error})") from None
    if stat.S_ISDIR(info.st_mode):
        raise BrieferError(f"{path}: is a folder, not a {what}")
    if stat.S_ISFIFO(info.st_mode):
        raise BrieferError(f"{path}: is a named pipe (FIFO), not a file; save the data to a file and use that")
    if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode):
        raise BrieferError(f"{path}: is a device, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise BrieferError(f"{path}: is not a regular file (a socket?); give a {what}")
    return path


def read_bytes(path: PathLike, limit: int, what: str = "file") -> bytes:
    """The bytes of a regular file of at most LIMIT bytes, else a BrieferError naming it.
    The file is opened without blocking, so a pipe swapped in after the check is refused too."""
    path = check_input(path, what)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise BrieferError(f"{path}: cannot be read ({error.strerror or error})") from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise BrieferError(f"{path}: is not a regular file (a pipe or a device); give a {what}")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise BrieferError(f"{path}: is larger than {limit:,} bytes, more than a {what} Briefer reads")
    return data
