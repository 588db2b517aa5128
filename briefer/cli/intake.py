"""intake: the article assistant from the command line.

Prints what the assistant proposes for a report (or, with --json, one object
scripts can read); nothing lands unless --accept-all says so.
"""

from __future__ import annotations

import argparse
import json

from ..core.errors import BrieferError
from ..intake.assistant import UNKNOWN_OUTLET, analyse
from ..intake.dates import parse_date_text
from ..intake.landing import accept, accept_all_choices
from ..intake.reading import read_article
from ..store import Workspace


def register(sub: argparse._SubParsersAction) -> None:
    cmd = sub.add_parser("intake", help="propose events, actors, dates and citations from a news report")
    cmd.add_argument("file", metavar="FILE", help="a .txt, .md, .html/.htm or .eml report")
    cmd.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    cmd.add_argument("--accept-all", action="store_true",
                     help="land every proposed event (with its actors, sources and citations)")
    cmd.add_argument("--outlet", metavar="NAME", help="the source that published the report (overrides what was found)")
    cmd.add_argument("--published", metavar="DAY", help="the publication day, e.g. 2019-02-09 or '9 Feb 2019' "
                                                        "(overrides what was found; relative dates follow it)")
    cmd.add_argument("--title", metavar="TEXT", help="the headline (overrides what was found)")
    cmd.add_argument("--author", metavar="NAME", help="the author (overrides what was found)")
    cmd.set_defaults(run=run_intake, reads=("file",))


def run_intake(args: argparse.Namespace, ws: Workspace) -> int:
    published = None
    if args.published:
        published = parse_date_text(args.published)
        if published is None:
            raise BrieferError(f"--published {args.published!r}: not a day (write it as 2019-02-09 or 9 Feb 2019)")
    article = read_article(args.file)
    if args.outlet:
        article.outlet = args.outlet
        article.notes.append("outlet: given with --outlet")
    if args.title:
        article.title = args.title
        article.notes.append("headline: given with --title")
    if args.author:
        article.author = args.author
    if published is not None:
        article.notes.append("publication date: given with --published")
    analysis = analyse(ws, article, published=published)
    result = analysis.to_json()
    if args.accept_all:
        if analysis.document.outlet == UNKNOWN_OUTLET:  # nothing lands without saying where it came from
            raise BrieferError(f"{args.file}: no outlet found in the report; name it with --outlet NAME "
                               "(nothing was added)")
        landed = accept(ws, analysis, accept_all_choices(analysis))
        result["landed"] = {"document": landed.document_uid, "document_added": landed.document_added,
                            "events": len(landed.events), "corroborated": len(landed.corroborated),
                            "actors": len(landed.actors),
                            "sources": len(landed.sources), "skipped": landed.skipped,
                            "undated": len(landed.undated), "notes": landed.notes}
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    _print_text(result)
    return 0


def _print_text(r: dict) -> None:
    doc = r["document"]
    print(f"Document  {doc['title']}")
    print(f"  outlet  {doc['outlet']}{'' if doc['outlet_known'] else '  (new source)'}")
    if doc["outlet"] == UNKNOWN_OUTLET:
        print("          no outlet found in the report: name it with --outlet NAME")
    print(f"  published  {doc['published'] or 'unknown: relative dates are not resolved'}")
    if doc["author"]:
        print(f"  author  {doc['author']}")
    if doc["already_stored"]:
        print("  this text is already stored (same content hash)")
    for note in doc["notes"]:
        if note.startswith(("the text is not", "an Arabic report", "no English parse", "a long text")):
            print(f"  note: {note}")
    print(f"\nActors ({len(r['actors'])})")
    for a in r["actors"]:
        seen = ", ".join(a["aliases_seen"])
        print(f"  {'known' if a['known'] else 'new  '}  {a['name']}  [{a['kind']}]  seen as: {seen}")
    if r["sources"]:
        print(f"\nSources ({len(r['sources'])})")
        for s in r["sources"]:
            print(f"  {'known' if s['known'] else 'new  '}  {s['name']}  [{s['kind']}]")
    print(f"\nDates ({len(r['dates'])})")
    for d in r["dates"]:
        print(f"  {d['text']!r} -> {d['when']}  ({d['rule']})")
    print(f"\nStatements ({len(r['citations'])})")
    for c in r["citations"]:
        via = f" via {c['source']}" if c["source"] else ""
        channel = f" ({c['channel']})" if c.get("channel") and c["channel"] != c["source"] else ""
        print(f"  {c['speaker']}{via}{channel}: \u201c{_cut(c['quote'], 100)}\u201d")
    for key, heading in (("events", "Events"), ("expectations", "Expectations and denials (not landed by --accept-all)")):
        _print_events(heading, r[key])
    _print_landed(r.get("landed"))


def _print_events(heading: str, events: list) -> None:
    print(f"\n{heading} ({len(events)})")
    for e in events:
        status = e["status"] + (f" by {e['claimed_by']}" if e["claimed_by"] else "")
        print(f"  {e['when'] or e['when_text']}  {e['title']}  [{status}]")
        details = []
        if e["place"]:
            details.append(f"place: {e['place']}")
        if e["actors"]:
            details.append("actors: " + ", ".join(f"{a['name']} ({a['role']})" for a in e["actors"]))
        details.append(f"source: {e['source']}")
        print("      " + "; ".join(details))
        if e["likely_duplicate_of"]:
            dup = e["likely_duplicate_of"]
            print(f"      likely already in the workspace: \u201c{dup['title']}\u201d ({dup['why']}); "
                  "--accept-all cites this report there")


def _print_landed(landed) -> None:
    if landed is not None and landed["document"] is None:
        print("\nNothing to land: no events were proposed (the document is not stored without one).")
    elif landed is not None:
        print(f"\nLanded {landed['events']} events, cited this report for {landed['corroborated']} workspace "
              f"events, {landed['actors']} new actors, {landed['sources']} new sources"
              f"{'' if landed['document_added'] else ' (document already stored)'}")
        for note in landed["notes"]:
            print(f"  {note}")
        for why in landed["skipped"]:
            print(f"  skipped: {why}")
    else:
        print("\nNothing was added: run with --accept-all to land these, or review them in the app.")


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
