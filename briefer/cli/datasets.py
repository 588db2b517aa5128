"""import and export: datasets (ACLED, GDELT, CSV, TimelineJS, Timeline) and Briefer JSON.

    briefer-cli -w WS import --format acled|gdelt|csv|timelinejs|timeline|json FILE
                [--mapping FILE] [--encoding NAME] [--on-bad-rows import|abort] [--report FILE] [--json]
    briefer-cli -w WS export --format acled|timelinejs|geojson|json FILE [filters]

The foundation's `import --json FILE` / `export --json FILE` keep working: given a
value and no other format, `--json` names a Briefer JSON file; otherwise it is the
flag asking for JSON output.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Optional

from ..core.errors import BrieferError
from .merge import add_change_package_arguments, run_export_changes
from ..exchange.formats import EXPORT_FORMATS, IMPORT_FORMATS, detect_format, export_events, open_reader
from ..exchange.importing import run_import
from ..exchange.json_format import ExchangeError, import_json
from ..exchange.report import ImportReport
from ..store import Workspace
from .filters import add_filter_arguments, filter_from_args

SHOWN_PROBLEMS = 20


class UsageError(BrieferError):
    pass


def register(sub: argparse._SubParsersAction) -> None:
    imp = sub.add_parser("import", help="add events from a dataset file or a Briefer JSON export")
    imp.add_argument("file", nargs="?", metavar="FILE")
    imp.add_argument("--format", choices=list(IMPORT_FORMATS), help="the file's format (guessed when left out)")
    imp.add_argument("--json", dest="json_opt", nargs="?", const=True, default=None, metavar="FILE",
                     help="print the result as one JSON object; `--json FILE` alone imports a Briefer JSON file")
    imp.add_argument("--mapping", metavar="FILE", help="column mapping (JSON) for --format csv")
    imp.add_argument("--encoding", metavar="NAME", help="read the file in this encoding instead of detecting it")
    imp.add_argument("--on-bad-rows", choices=["import", "abort"], default="import",
                     help="when some rows cannot be read: import the good rows (default) or nothing")
    imp.add_argument("--report", metavar="FILE", help="save the import report here (.txt or .csv)")
    imp.set_defaults(run=run_import_command, reads=("file", "json_opt", "mapping"), writes=("report",))

    exp = sub.add_parser("export", help="write events to a file")
    exp.add_argument("file", nargs="?", metavar="FILE")
    exp.add_argument("--format", choices=list(EXPORT_FORMATS), help="default: json")
    exp.add_argument("--json", dest="json_opt", nargs="?", const=True, default=None, metavar="FILE",
                     help="print the result as JSON; `--json FILE` alone writes a Briefer JSON export")
    add_filter_arguments(exp)
    add_change_package_arguments(exp)
    exp.set_defaults(run=run_export_command, writes=("file", "json_opt", "out"))


def _file_and_output(args: argparse.Namespace, verb: str) -> tuple[str, Optional[str], bool]:
    """(file, format, json output) from the two readings of --json."""
    fmt, path, json_out = args.format, args.file, False
    if isinstance(args.json_opt, str):
        if path is None:
            path = args.json_opt
            if fmt is None:
                fmt = "json"
            else:
                json_out = True
        else:  # `--json X FILE`: X cannot be a file too
            raise UsageError(f"{verb}: give the file once (--json takes no value when FILE is given)")
    elif args.json_opt is True:
        json_out = True
    if not path:
        raise UsageError(f"{verb} needs a FILE")
    return path, fmt, json_out


def _default_report_path(source: Path) -> Path:
    from ..demo import user_data_folder

    folder = user_data_folder() / "import-reports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{source.stem}-{datetime.now():%Y%m%d-%H%M%S}.txt"


def run_import_command(args: argparse.Namespace, ws: Workspace) -> int:
    path, fmt, json_out = _file_and_output(args, "import")
    if fmt is None:
        fmt = detect_format(path)  # a missing, empty or binary file is refused here, by name
        if fmt is None:
            raise ExchangeError(f"{path}: cannot tell the file's format; give one with --format "
                                f"({', '.join(IMPORT_FORMATS)})")
        if fmt == "csv" and not args.mapping:
            raise ExchangeError(f"{path}: not an ACLED or GDELT file; import it with --format csv --mapping FILE")
    if fmt == "json":
        result = import_json(ws, path)
        if json_out:
            print(json.dumps(result.as_dict()))
        else:
            print("added " + ", ".join(f"{n} {k}" for k, n in result.added.items()))
        return 0
    if args.mapping and fmt != "csv":
        raise UsageError("--mapping is for --format csv")
    reader = open_reader(fmt, path, mapping=args.mapping, encoding=args.encoding)
    report = ImportReport(file=str(path))
    run_import(ws, reader, on_bad_rows=args.on_bad_rows, report=report, progress=_progress_line())
    target = Path(args.report) if args.report else _default_report_path(Path(path))
    try:
        report.save(target)
    except BrieferError as error:
        print(f"briefer-cli: the report was not saved: {error}", file=sys.stderr)
    if json_out:
        print(json.dumps(report.as_dict(), ensure_ascii=False))
    else:
        _print_report(report)
    if not report.committed:
        print(f"briefer-cli: {report.summary()} (report: {report.saved_to})", file=sys.stderr)
        return 1
    return 0


def _progress_line():
    """On a terminal, a line on stderr that says how far the import is (Ctrl-C cancels it
    and changes nothing); in scripts and pipes, nothing."""
    if not sys.stderr.isatty():
        return None
    last = [-1]

    def show(fraction: float, report: ImportReport) -> None:
        percent = int(fraction * 100)
        if percent != last[0]:
            last[0] = percent
            end = "\n" if fraction >= 1.0 else ""
            print(f"\r{percent:3d}%  {report.rows_read:,} rows read (Ctrl-C cancels, nothing is changed)",
                  end=end, file=sys.stderr, flush=True)
    return show


def _print_report(report: ImportReport) -> None:
    a = report.added
    print(f"{report.file} ({report.format}, {report.encoding})")
    print(f"added {a['events']} events, {a['actors']} actors, {a['sources']} sources"
          + (f"; {report.unchanged} already in the workspace" if report.unchanged else "")
          + (f"; {report.merged} rows added actors to an earlier row's event" if report.merged else ""))
    if report.skipped_count:
        print(f"skipped {report.skipped_count} rows:")
        for p in report.skipped[:SHOWN_PROBLEMS]:
            print(f"  {p.place}: {p.reason}")
        if report.skipped_count > SHOWN_PROBLEMS:
            print(f"  … {report.skipped_count - SHOWN_PROBLEMS} more in the report")
    if report.warning_count:
        print(f"{report.warning_count} warnings (see the report)")
    if report.saved_to:
        print(f"report: {report.saved_to}")


def run_export_command(args: argparse.Namespace, ws: Workspace) -> int:
    if args.changes_for:  # a change package for a peer (cli/merge.py)
        return run_export_changes(args, ws)
    path, fmt, json_out = _file_and_output(args, "export")
    fmt = fmt or "json"
    count = export_events(fmt, ws, path, filter_from_args(ws, args))
    if json_out:
        print(json.dumps({"format": fmt, "file": str(path), "events": count}))
    else:
        print(f"exported {count} events")
    return 0
