"""`briefer-cli`: everything that makes sense unattended, for scripts as much as people.

Its surface is a contract: errors are one line on stderr and a non-zero exit, never
a traceback; `--json` output is one JSON document on stdout.  Each group of commands
lives in its own module with a `register(subparsers)` function, so that a service
adds its commands without touching the others.  A command names the arguments that are
files it reads (`reads=`) and writes (`writes=`) in its `set_defaults`; before it runs,
no output may be the workspace (or its -wal/-shm/backup files) or one of its inputs.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from typing import Callable, Optional, Sequence

from .. import __version__
from ..core.errors import BrieferError
from ..core.files import check_input, check_output
from ..store import Workspace
from .options import Parser as _Parser
from . import brief, desk, exchange, intake, merge, options, records

# Each module adds subcommands whose `run(args, ws)` returns an exit code.
COMMAND_MODULES = [records, exchange, brief, intake, merge, desk]

EXIT_USAGE = options.EXIT_USAGE
EXIT_ERROR = 1


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="briefer-cli", description="Briefer from the command line.")
    parser.add_argument("--version", action="version", version=f"briefer-cli {__version__}")
    parser.add_argument("-w", "--workspace", metavar="PATH",
                        help="the .briefer workspace file, or a desk: postgresql://HOST/DATABASE")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def _file_arguments(args: argparse.Namespace, key: str) -> list[str]:
    """The values of the arguments a command lists under `reads` or `writes` that name files."""
    values = (getattr(args, name, None) for name in getattr(args, key, ()))
    flat = [v for value in values for v in (value if isinstance(value, list) else [value])]  # FILE... arguments
    return [value for value in flat if isinstance(value, str) and value]


def check_outputs(args: argparse.Namespace) -> None:
    """Refuse, before anything is read or changed, an output that is the workspace, one of
    its companion files, or an input of the same command (by device and inode, after links)."""
    inputs = _file_arguments(args, "reads")
    for source in inputs:
        if os.path.exists(source) and not os.path.isdir(source) and not getattr(args, "checks_own_inputs", False):  # missing files and folders: the command's to name
            check_input(source)  # a pipe or a device would hang or never end
    workspaces = [args.workspace] if getattr(args, "workspace", None) else []
    for target in _file_arguments(args, "writes"):
        check_output(target, inputs=inputs, workspaces=workspaces)


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM ends the command like Ctrl-C: transactions roll back, temporary files go."""
    raise SystemExit(128 + signum)


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    run: Optional[Callable[..., int]] = getattr(args, "run", None)
    if run is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        previous = signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread: leave signals alone
        return _run(args, run)
    try:
        return _run(args, run)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _run(args: argparse.Namespace, run: Callable[..., int]) -> int:
    try:
        check_outputs(args)
        if getattr(args, "needs_workspace", True):
            if not args.workspace:
                print(f"briefer-cli: {args.command} needs a workspace: -w PATH", file=sys.stderr)
                return EXIT_USAGE
            with Workspace.open(args.workspace) as ws:
                return run(args, ws)
        return run(args, None)
    except BrieferError as error:
        print(f"briefer-cli: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("briefer-cli: interrupted; nothing was changed", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as error:
        name = f"{error.filename}: " if error.filename else ""
        print(f"briefer-cli: {name}{error.strerror or error}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
