"""`briefer-cli`: everything that makes sense unattended, for scripts as much as people.

Its surface is a contract: errors are one line on stderr and a non-zero exit, never
a traceback; `--json` output is one JSON document on stdout.  Each group of commands
lives in its own module with a `register(subparsers)` function, so that a service
adds its commands without touching the others.
"""

from __future__ import annotations

import argparse
import sys
from typing import Callable, Optional, Sequence

from .. import __version__
from ..core.errors import BrieferError
from ..store import Workspace
from . import brief, exchange, intake, merge, records

# Each module adds subcommands whose `run(args, ws)` returns an exit code.
COMMAND_MODULES = [records, exchange, brief, intake, merge]

EXIT_USAGE = 2
EXIT_ERROR = 1


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, no usage dump
        self.exit(EXIT_USAGE, f"briefer-cli: {message} (see briefer-cli --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="briefer-cli", description="Briefer from the command line.")
    parser.add_argument("--version", action="version", version=f"briefer-cli {__version__}")
    parser.add_argument("-w", "--workspace", metavar="PATH", help="the .briefer workspace file")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    run: Optional[Callable[..., int]] = getattr(args, "run", None)
    if run is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
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
