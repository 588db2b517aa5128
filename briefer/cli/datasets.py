"""import and export: datasets (ACLED, GDELT, CSV, TimelineJS, Timeline) and Briefer JSON.

    briefer-cli -w WS import [--format acled|gdelt|csv|timelinejs|timeline|json] FILE_OR_FOLDER...
                [--mapping FILE] [--encoding NAME] [--on-bad-rows import|abort] [--report FILE]
                [--actor-map FILE] [--json]

Several files, or a folder of them, are one import: one transaction, one report.
Actor names are matched to the workspace's actors: exact and remembered matches are
applied, the rest become new actors and are listed.  `--actor-map FILE` lets the analyst
choose: when FILE does not exist the proposals are written to it and nothing is imported;
edit it and run again, and its choices are applied (and remembered for the dataset).
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
from ..exchange.formats import (
    EXPORT_FORMATS, IMPORT_FORMATS, choose_formats, expand_inputs, export_events, open_reader,
)
from ..exchange.importing import propose_actors, run_import
from ..exchange.reconcile import ActorPlan, Decision, load_actor_map, save_actor_map, with_analyst_choice
from ..exchange.json_format import ExchangeError, import_json
from ..exchange.report import ImportReport
from ..store import Workspace
from .filters import add_filter_arguments, filter_from_args

SHOWN_PROBLEMS = 20


class UsageError(BrieferError):
    pass


def register(sub: argparse._SubParsersAction) -> None:
    imp = sub.add_parser("import", help="add events from a dataset file or a Briefer JSON export")
    imp.add_argument("files", nargs="*", metavar="FILE_OR_FOLDER")
    imp.add_argument("--format", choices=list(IMPORT_FORMATS), help="the file's format (guessed when left out)")
    imp.add_argument("--json", dest="json_opt", nargs="?", const=True, default=None, metavar="FILE",
                     help="print the result as one JSON object; `--json FILE` alone imports a Briefer JSON file")
    imp.add_argument("--mapping", metavar="FILE", help="column mapping (JSON) for --format csv")
    imp.add_argument("--encoding", metavar="NAME", help="read the file in this encoding instead of detecting it")
    imp.add_argument("--on-bad-rows", choices=["import", "abort"], default="import",
                     help="when some rows cannot be read: import the good rows (default) or nothing")
    imp.add_argument("--report", metavar="FILE", help="save the import report here (.txt or .csv)")
    imp.add_argument("--actor-map", metavar="FILE",
                     help="what each actor name becomes (JSON); when FILE does not exist, write the proposals "
                          "there and import nothing")
    # the actor map is read and written back by design: checked as an output (not the
    # workspace, not a dataset being imported), not as an input
    imp.set_defaults(run=run_import_command, reads=("files", "json_opt", "mapping"), writes=("report", "actor_map"))

    exp = sub.add_parser("export", help="write events to a file")
    exp.add_argument("file", nargs="?", metavar="FILE")
    exp.add_argument("--format", choices=list(EXPORT_FORMATS), help="default: json")
    exp.add_argument("--json", dest="json_opt", nargs="?", const=True, default=None, metavar="FILE",
                     help="print the result as JSON; `--json FILE` alone writes a Briefer JSON export")
    add_filter_arguments(exp)
    add_change_package_arguments(exp)
    exp.set_defaults(run=run_export_command, writes=("file", "json_opt", "out"))


def _file_and_output(args: argparse.Namespace, verb: str) -> tuple[list[str], Optional[str], bool]:
    """(files, format, json output) from the two readings of --json."""
    fmt, json_out = args.format, False
    paths = list(args.files) if hasattr(args, "files") else ([args.file] if args.file else [])
    if verb == "export" and len(paths) > 1:
        raise UsageError("export writes one FILE")
    if isinstance(args.json_opt, str):
        if not paths:
            paths = [args.json_opt]
            if fmt is None:
                fmt = "json"
            else:
                json_out = True
        else:  # `--json X FILE`: X cannot be a file too
            raise UsageError(f"{verb}: give the file once (--json takes no value when FILE is given)")
    elif args.json_opt is True:
        json_out = True
    if not paths:
        raise UsageError(f"{verb} needs a FILE")
    return paths, fmt, json_out


def _default_report_path(source: Path) -> Path:
    from ..demo import user_data_folder

    folder = user_data_folder() / "import-reports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{source.stem}-{datetime.now():%Y%m%d-%H%M%S}.txt"


def run_import_command(args: argparse.Namespace, ws: Workspace) -> int:
    paths, fmt, json_out = _file_and_output(args, "import")
    chosen, left_out = choose_formats(expand_inputs(paths), fmt, bool(args.mapping))
    files, formats = [p for p, _ in chosen], [f for _, f in chosen]
    if "json" in formats:
        if len(files) > 1:
            raise UsageError("import: Briefer JSON files are imported one at a time")
        result = import_json(ws, files[0])
        if json_out:
            print(json.dumps(result.as_dict()))
        else:
            print("added " + ", ".join(f"{n} {k}" for k, n in result.added.items()))
        return 0
    if args.mapping and set(formats) != {"csv"}:
        raise UsageError("--mapping is for --format csv")

    def open_all() -> list:
        return [open_reader(f, path, mapping=args.mapping, encoding=args.encoding) for f, path in zip(formats, files)]

    readers = open_all()
    plan = ActorPlan()
    if args.actor_map:
        map_path = Path(args.actor_map)
        if not map_path.exists():
            return _write_proposals(ws, map_path, readers, json_out)
        _, entries = load_actor_map(map_path)
        plan = ActorPlan(_chosen(ws, entries, map_path))
    report = ImportReport(file=str(files[0]) if len(files) == 1 else "")
    for reason in left_out:
        report.warn(None, f"left out: {reason}", "folder")
    run_import(ws, readers, on_bad_rows=args.on_bad_rows, report=report, progress=_progress_line(), actors=plan)
    if args.actor_map and report.committed:
        _add_new_names(Path(args.actor_map), entries, report)
    target = Path(args.report) if args.report else _default_report_path(files[0])
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


def _chosen(ws: Workspace, entries: dict[str, dict], map_path: Path) -> list[Decision]:
    chosen = []
    for name, entry in entries.items():
        try:
            chosen.append(with_analyst_choice(Decision(name, "new"), entry, ws.find_actor))
        except ExchangeError as error:
            raise ExchangeError(f"{map_path}: {error}") from None
    return chosen


def _write_proposals(ws: Workspace, map_path: Path, readers: list, json_out: bool) -> int:
    decisions = propose_actors(ws, readers)
    datasets = ", ".join(dict.fromkeys(d.dataset for d in decisions)) or ", ".join(r.format for r in readers)
    save_actor_map(map_path, datasets, decisions)
    counts = {c: sum(1 for d in decisions if d.choice == c) for c in ("existing", "member", "new")}
    if json_out:
        print(json.dumps({"actor_map": str(map_path), "names": len(decisions), **counts, "imported": False}))
    else:
        print(f"{len(decisions)} actor names: {counts['existing']} match an actor, {counts['member']} look like "
              f"branches of one, {counts['new']} are new.")
        print(f"The proposals are in {map_path}: check them, change what is wrong, and run the same import again. "
              "Nothing was imported.")
    return 0


def _add_new_names(map_path: Path, entries: dict[str, dict], report: ImportReport) -> None:
    """Names the map did not have are added to it with what the import did with them."""
    added = {a["name"]: a for a in report.actors if a["name"] not in entries}
    if not added:
        return
    dataset, _ = load_actor_map(map_path)
    decisions = [with_analyst_choice(Decision(name, "new"), entry, lambda _: None) if entry["choice"] == "new"
                 else Decision(name, entry["choice"], "", entry.get("actor", ""), entry.get("why", ""))
                 for name, entry in entries.items()]
    for name, a in added.items():
        decisions.append(Decision(name, "existing" if a["choice"] == "existing" else a["choice"], "",
                                  a.get("of") or a["actor"], a["why"]))
    try:
        save_actor_map(map_path, dataset, decisions)
    except BrieferError as error:
        print(f"briefer-cli: {error}", file=sys.stderr)


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
    if len(report.files) > 1:
        print(f"{len(report.files)} files ({report.format}):")
        for f in report.files:
            print(f"  {f} ({report.encodings.get(f, '?')})")
    else:
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
    unsure = [x for x in report.actors if x.get("suggestion")]
    if unsure:
        print(f"{len(unsure)} actor names were not matched for sure and became new actors "
              "(choose with --actor-map FILE):")
        for x in unsure[:SHOWN_PROBLEMS]:
            print(f"  {x['name']}  (perhaps {x['suggestion']})")
        if len(unsure) > SHOWN_PROBLEMS:
            print(f"  … {len(unsure) - SHOWN_PROBLEMS} more in the report")
    if report.warning_count:
        print(f"{report.warning_count} warnings (see the report)")
    if report.saved_to:
        print(f"report: {report.saved_to}")


def run_export_command(args: argparse.Namespace, ws: Workspace) -> int:
    if args.changes_for:  # a change package for a peer (cli/merge.py)
        return run_export_changes(args, ws)
    paths, fmt, json_out = _file_and_output(args, "export")
    path = paths[0]
    fmt = fmt or "json"
    count = export_events(fmt, ws, path, filter_from_args(ws, args))
    if json_out:
        print(json.dumps({"format": fmt, "file": str(path), "events": count}))
    else:
        print(f"exported {count} events")
    return 0
