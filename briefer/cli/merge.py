"""merge, peers, conflicts, copy and change packages: several analysts, one picture.

    briefer-cli -w MINE merge OTHER [--json] [--prefer mine|theirs]
    briefer-cli -w MINE export --changes-for PEER --out FILE.briefer-changes [--all]
    briefer-cli -w MINE peers [--prune] [--forget PEER]
    briefer-cli -w MINE conflicts [--resolve mine|theirs [ID...]] | copy NEW.briefer [FILTERS]

`merge` exits 3 while the workspace has open conflicts, 0 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..core.errors import BrieferError
from ..core.filter import EventFilter
from ..exchange.changes import export_package
from ..exchange.conflicts import resolve_conflicts
from ..exchange.merge import MergeReport, merge_path
from ..store import Workspace
from .filters import add_filter_arguments, filter_from_args

EXIT_CONFLICTS = 3


def register(sub: argparse._SubParsersAction) -> None:
    m = sub.add_parser("merge", help="merge another workspace, a Briefer JSON export or a change package into this one")
    m.add_argument("other", metavar="OTHER", help="a .briefer file, a Briefer JSON export or a .briefer-changes package")
    m.add_argument("--prefer", choices=["mine", "theirs"],
                   help="decide every conflict for this side (default: leave them open for review)")
    m.add_argument("--json", action="store_true", help="print the merge report as JSON")
    m.set_defaults(run=run_merge, reads=("other",))

    p = sub.add_parser("peers", help="this workspace's id and the workspaces it has exchanged with")
    p.add_argument("--json", action="store_true")
    p.add_argument("--prune", action="store_true",
                   help="drop the earlier versions no merge can need any more (record histories then say "
                        "who changed what when before the oldest peer's sync point, not which fields)")
    p.add_argument("--forget", metavar="PEER", action="append", default=[],
                   help="stop exchanging with this workspace (an analyst who left): its sync point no longer "
                        "holds back --prune; merging it later makes every difference a conflict")
    p.set_defaults(run=run_peers)

    c = sub.add_parser("conflicts", help="list the open conflicts and proposed duplicates, or decide them")
    c.add_argument("ids", nargs="*", type=int, metavar="ID", help="only these (default: all)")
    c.add_argument("--resolve", choices=["mine", "theirs"], help="decide the conflicts for this side")
    c.add_argument("--json", action="store_true")
    c.set_defaults(run=run_conflicts)

    cp = sub.add_parser("copy", help="make a copy to work on elsewhere that merges back three-way "
                                     "(of a desk too; with filters, only the events they match)")
    cp.add_argument("path", metavar="NEW.briefer")
    add_filter_arguments(cp)
    cp.set_defaults(run=run_copy, writes=("path",))


def add_change_package_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--changes-for", metavar="PEER",
                        help="write a change package for this peer (its workspace id or name; see `peers`)")
    parser.add_argument("--out", metavar="FILE", help="the package to write (with --changes-for)")
    parser.add_argument("--all", action="store_true",
                        help="with --changes-for: everything the peer is not known to have, not just what "
                             "changed since the last package")


def _when(stamp: Any) -> str:
    return f"{stamp[0].replace('T', ' ')} UTC by {stamp[1] or 'unknown'}" if stamp else "unknown"


def print_conflicts(conflicts: list[dict[str, Any]], out: Any = sys.stdout) -> None:
    for c in conflicts:
        print(f"  #{c['id']} {c['kind']} '{c['title']}' {c['field']}: mine {json.dumps(c['mine'], ensure_ascii=False)} "
              f"({_when(c['mine_by'])}) vs theirs {json.dumps(c['theirs'], ensure_ascii=False)} "
              f"({_when(c['theirs_by'])})", file=out)


def run_merge(args: argparse.Namespace, ws: Workspace) -> int:
    report: MergeReport = merge_path(ws, args.other, args.prefer)
    still_open = ws.open_conflict_count()
    if args.json:
        data = report.as_dict()
        data["open_conflicts_in_workspace"] = still_open
        print(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        print(f"merged {args.other}: {report.summary()}")
        if report.open_conflicts:
            print(f"{len(report.open_conflicts)} open conflicts (mine kept until decided; "
                  f"see `conflicts`, or merge with --prefer):")
            print_conflicts(report.open_conflicts)
        for p in report.proposals:
            print(f"  proposed: {p['kind']} '{p['theirs_name']}' may be '{p['mine_name']}' here ({p['why']}); "
                  f"#{p['id']}")
        for note in report.notes:
            print(f"  note: {note}")
    return EXIT_CONFLICTS if still_open else 0


def _find_peer(ws: Workspace, text: str) -> dict[str, Any]:
    peer = ws.find_peer(text)
    if peer is None or not peer["at"]:
        raise BrieferError(f"no peer '{text}' (see `briefer-cli -w {ws.path} peers`)")
    return peer


def run_peers(args: argparse.Namespace, ws: Workspace) -> int:
    forgotten = [_find_peer(ws, text) for text in args.forget]
    pruned = 0
    if forgotten or args.prune:
        with ws.transaction():
            for peer in forgotten:
                ws.forget_peer(peer["workspace"])
            if args.prune:
                pruned = len(ws.prune_history())
    peers = ws.peers()
    kept, floor = ws.history_size(), ws.history_floor()
    holder = next((p for p in peers if p["acked"] == floor), None)
    if args.json:
        print(json.dumps({"workspace": ws.workspace_id, "name": ws.name, "revision": ws.max_revision(),
                          "peers": peers, "forgotten": [p["workspace"] for p in forgotten],
                          "history": {"kept": kept, "pruned": pruned, "since": floor,
                                      "held_by": holder["workspace"] if holder and kept else None}},
                         ensure_ascii=False, indent=1))
        return 0
    for peer in forgotten:
        print(f"forgot {peer['name'] or peer['workspace']} ({peer['workspace']})")
    if args.prune:
        print(f"pruned {pruned} earlier version{'s' if pruned != 1 else ''}")
    print(f"this workspace: {ws.workspace_id} ({ws.name}), revision {ws.max_revision()}")
    if not peers:
        print("no exchanges yet")
    for p in peers:
        print(f"  {p['workspace']}  {p['name'] or '(no name)'}: last exchange {p['at'] or 'never'} UTC; "
              f"have theirs to {p['seen']}, they have ours to {p['acked']}")
    if kept:
        print(f"{kept} earlier version{'s' if kept != 1 else ''} kept for three-way merges"
              + (f", from revision {floor} on: {holder['name'] or holder['workspace']} has ours only up to there"
                 if holder else ""))
    return 0


def run_conflicts(args: argparse.Namespace, ws: Workspace) -> int:
    if args.resolve:
        done = resolve_conflicts(ws, args.resolve, args.ids or None)
        print(f"decided {done} conflict{'s' if done != 1 else ''} for {args.resolve}")
    conflicts = ws.conflicts("open")
    proposals = ws.conflicts("proposed")
    if args.ids:
        conflicts = [c for c in conflicts if c["id"] in args.ids]
    if args.json:
        print(json.dumps({"conflicts": conflicts, "proposals": proposals}, ensure_ascii=False, indent=1))
    else:
        print(f"{len(conflicts)} open conflicts")
        print_conflicts(conflicts)
        for p in proposals:
            print(f"  #{p['id']} proposed: {p['kind']} '{p['title']}' may be the same as {p['mine']}")
    return EXIT_CONFLICTS if ws.open_conflict_count() else 0


def run_copy(args: argparse.Namespace, ws: Workspace) -> int:
    target = Path(args.path)
    if target.exists():
        raise BrieferError(f"{target}: already exists; choose another name")
    wanted = filter_from_args(ws, args)
    part = None if wanted == EventFilter() else wanted
    new_id = ws.make_peer_copy(target, part)
    what = f"{ws.count_events(part)} of {ws.event_count()} events" if part is not None else "everything"
    print(f"copied {what} to {target} (workspace {new_id}); merge it back with: "
          f"briefer-cli -w {ws.path} merge {target}")
    return 0


def run_export_changes(args: argparse.Namespace, ws: Workspace) -> int:
    if not args.out:
        raise BrieferError("export --changes-for needs --out FILE.briefer-changes")
    out = Path(args.out)
    if out.exists() and out.resolve() == ws.path.resolve():
        raise BrieferError(f"{out}: is the workspace itself; give another file")
    peer = ws.find_peer(args.changes_for)
    if peer is None:
        if len(args.changes_for) != 36:
            raise BrieferError(f"no peer '{args.changes_for}' (see `briefer-cli -w {ws.path} peers`, or give "
                               "the other workspace's full id)")
        peer = ws.peer(args.changes_for)
    cs, manifest = export_package(ws, peer, out, everything=args.all)
    counts = ", ".join(f"{n} {k}s" for k, n in manifest["counts"].items() if n) or "no changes"
    print(f"wrote {out}: {counts} for {peer['name'] or peer['workspace']} (revisions {cs.since + 1}–{cs.until})")
    return 0
