"""`briefer-cli brief`: print a daily brief or a period summary to PDF, unattended."""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
from datetime import datetime, timezone
from pathlib import Path

from ..brief import BLUF_FILE_LIMIT, BriefError, BriefSettings, build_brief, load_settings, record_brief
from ..brief.settings import GROUPINGS, PAGE_SIZES, TEMPLATES
from ..core.when import Precision, When, WhenError
from ..store import Workspace
from .filters import add_filter_arguments, filter_from_args


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "brief", help="write a PDF brief (daily brief or period summary)",
        description="Write a PDF brief of the events matching the filter. The marking defaults to the "
                    "workspace's last brief, the title, desk, next-due and contact lines to the last brief of the "
                    "same template. A bottom line not given here is carried over from the brief it was written for, "
                    "and the PDF says so (--no-bluf leaves it out).")
    p.add_argument("--template", choices=list(TEMPLATES), default="daily",
                   help="daily: one day (--date) or the 24 h up to --cutoff; period: any filter and length "
                        "(a table of contents past three pages)")
    p.add_argument("--date", metavar="EDTF", help="the day a daily brief covers (e.g. 2019-02-09)")
    p.add_argument("--cutoff", metavar="TIME",
                   help="daily brief without --date: the end of the 24 h covered, in UTC unless an offset is given "
                        "(e.g. 2019-02-09T06:00 or 2019-02-09T09:00+03:00; default now)")
    p.add_argument("--marking", metavar="TEXT",
                   help='handling marking on every page, e.g. "UNCLASSIFIED // FOR OFFICIAL USE ONLY" or "TLP:AMBER"')
    p.add_argument("--title", metavar="TEXT", help="the brief's title")
    p.add_argument("--desk", metavar="TEXT", help="desk or author named in the header")
    bluf = p.add_mutually_exclusive_group()
    bluf.add_argument("--bluf", metavar="TEXT", help="bottom line up front (key judgements; lines starting '- ' are bullets)")
    bluf.add_argument("--bluf-file", metavar="FILE", help="read the bottom line from a UTF-8 text file (at most 1 MB)")
    bluf.add_argument("--no-bluf", action="store_true",
                      help="leave the bottom line out (the one remembered is not carried over into this brief)")
    p.add_argument("--next-due", metavar="TEXT", help='"next brief due" in the header, e.g. "11 Feb 2019 07:00"')
    p.add_argument("--contact", metavar="TEXT", help="releasability / contact line in the header")
    p.add_argument("--group-by", choices=list(GROUPINGS), help="how key events are grouped (default: day for daily, "
                                                                 "month for period)")
    p.add_argument("--page-size", choices=list(PAGE_SIZES), help="a4 or letter (default: the last brief's, else a4)")
    p.add_argument("--number", type=int, metavar="N", help="the brief's number (default: the last one + 1)")
    p.add_argument("--no-chart", action="store_true", help="leave the timeline chart out")
    p.add_argument("--out", required=True, metavar="FILE", help="the PDF to write")
    p.add_argument("--json", action="store_true", help="print what was written as JSON")
    add_filter_arguments(p)
    p.set_defaults(run=run_brief, reads=("bluf_file",), writes=("out",), checks_own_inputs=True)


def _read_bluf(path: str) -> str:
    """The bottom-line file: a regular UTF-8 text file of at most 1 MB (a pipe or a
    device would block or never end; a bigger file is the wrong file)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise BriefError(f"{path}: cannot read the bottom-line file ({error.strerror or error})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise BriefError(f"{path}: is a folder, not a bottom-line file")
        if not stat.S_ISREG(info.st_mode):
            raise BriefError(f"{path}: is not a regular file (a pipe or a device); give a text file for --bluf-file")
        if info.st_size > BLUF_FILE_LIMIT:
            raise BriefError(f"{path}: the bottom-line file holds {info.st_size:,} bytes, more than 1 MB")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            raw = handle.read(BLUF_FILE_LIMIT + 1)
    finally:
        os.close(fd)
    if len(raw) > BLUF_FILE_LIMIT:
        raise BriefError(f"{path}: the bottom-line file is larger than 1 MB")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BriefError(f"{path}: the bottom-line file is not UTF-8 text") from None


def _check_not_empty(args: argparse.Namespace) -> None:
    """An option given with an empty value is a mistake (a script's unset variable), not "no value"."""
    for option, value in (("--date", args.date), ("--cutoff", args.cutoff), ("--from", args.date_from),
                          ("--to", args.date_to), ("--bluf-file", args.bluf_file)):
        if value is not None and not value.strip():
            raise BriefError(f"{option}: the value is empty; give a date (or leave the option out)"
                             if option != "--bluf-file" else f"{option}: the file name is empty")


def _cutoff(text: str) -> datetime:
    """A cut-off time: UTC unless it names its offset (2019-02-09T09:00+03:00)."""
    try:
        moment = datetime.fromisoformat(text.strip().replace(" ", "T"))
    except ValueError:
        raise BriefError(f"--cutoff '{text}' is not a date and time such as 2019-02-09T06:00") from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment


def _when(option: str, text: str) -> When:
    try:
        return When.parse_friendly(text)
    except WhenError as error:
        raise BriefError(f"{option}: {error}") from None


def settings_from_args(ws: Workspace, args: argparse.Namespace) -> BriefSettings:
    """The workspace's last brief settings, overridden by what was given on the command line."""
    _check_not_empty(args)
    if args.template == "daily" and (args.date_from or args.date_to):
        raise BriefError("the daily template covers one day: use --date (or --cutoff), or --template period "
                         "with --from/--to")
    if args.template == "period" and (args.date or args.cutoff):
        raise BriefError("--date and --cutoff are for the daily template; a period summary takes --from/--to")
    if args.date and args.cutoff:
        raise BriefError("give either --date or --cutoff, not both")
    base = load_settings(ws, args.template)
    changes: dict = {"template": args.template, "chart": not args.no_chart}
    if args.date:
        day = _when("--date", args.date)
        if day.interval or day.precision.value < Precision.DAY.value:
            raise BriefError(f"--date '{args.date}' is not one day; a daily brief covers one day "
                             "(use --template period for longer)")
        changes["day"] = day
    if args.cutoff:
        changes["cutoff"] = _cutoff(args.cutoff)
    for key in ("marking", "title", "desk", "page_size", "number", "next_due", "contact"):
        value = getattr(args, key)
        if value is not None:
            changes[key] = value
    changes["group_by"] = args.group_by or ""
    if args.bluf is not None:
        changes.update(bluf=args.bluf.replace("\\n", "\n"), bluf_carried=False)
    elif args.bluf_file:
        changes.update(bluf=_read_bluf(args.bluf_file), bluf_carried=False)
    elif args.no_bluf:
        changes["omit_bluf"] = True
    return base.with_(**changes)


def run_brief(args: argparse.Namespace, ws: Workspace) -> int:
    settings = settings_from_args(ws, args)
    for option, text in (("--from", args.date_from), ("--to", args.date_to)):
        if text:
            _when(option, text)  # a bad date is named by its option
    scope = filter_from_args(ws, args)
    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise BriefError(f"{out}: the brief is a PDF; give a file name ending in .pdf")
    result = build_brief(ws, settings, scope, out)
    if getattr(ws, "read_only", False):  # the PDF is written; there is nowhere to remember its number and settings
        print("briefer-cli: note: the workspace is read-only; this brief's number and settings were not "
              "remembered", file=sys.stderr)
    else:
        record_brief(ws, settings, result.number, result.day, result.cutoff)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        toc = ", with contents" if result.has_toc else ""
        events = f"{result.events} events" + (f" ({result.new} new, {result.continuing} continuing)"
                                              if result.continuing or not result.new else "")
        print(f"wrote {result.path}: {result.pages} page{'s' if result.pages != 1 else ''}, "
              f"{events}, {result.references} sources cited{toc}")
    if result.bluf_carried_from:
        print(f"briefer-cli: warning: the bottom line was carried over from {result.bluf_carried_from}; give "
              "--bluf or --bluf-file for today's, or --no-bluf to leave it out", file=sys.stderr)
    for warning in result.warnings:
        print(f"briefer-cli: note: {warning}", file=sys.stderr)
    return 0

