"""import and export: moving events in and out of a workspace."""

from __future__ import annotations

import argparse
import json

from ..exchange.json_format import export_json, import_json
from ..store import Workspace
from .filters import add_filter_arguments, filter_from_args


def register(sub: argparse._SubParsersAction) -> None:
    imp = sub.add_parser("import", help="add records from a file")
    imp.add_argument("file", nargs="?", metavar="FILE")
    imp.add_argument("--json", dest="json_file", metavar="FILE", help="a Briefer JSON export (same as --format json FILE)")
    imp.add_argument("--format", default="json", choices=["json"])
    imp.set_defaults(run=run_import)

    exp = sub.add_parser("export", help="write events to a file")
    exp.add_argument("file", nargs="?", metavar="FILE")
    exp.add_argument("--json", dest="json_file", metavar="FILE", help="everything, full fidelity (same as --format json FILE)")
    exp.add_argument("--format", default="json", choices=["json"])
    add_filter_arguments(exp)
    exp.set_defaults(run=run_export)


def _target(args: argparse.Namespace, verb: str) -> str:
    path = args.json_file or args.file
    if not path:
        raise SystemExit(f"briefer-cli: {verb} needs a FILE")
    return path


def run_import(args: argparse.Namespace, ws: Workspace) -> int:
    report = import_json(ws, _target(args, "import"))
    added = ", ".join(f"{n} {k}" for k, n in report.added.items())
    print(f"added {added}")
    return 0


def run_export(args: argparse.Namespace, ws: Workspace) -> int:
    count = export_json(ws, _target(args, "export"), filter_from_args(ws, args))
    print(f"exported {count} events")
    return 0
