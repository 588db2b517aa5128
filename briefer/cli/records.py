"""init, add, search and show: the workspace's records from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Optional

from ..core.errors import ValidationError
from ..core.model import (
    Actor, ActorKind, Citation, Confidence, Credibility, Event, Participant, Role, Source, SourceKind,
    CREDIBILITY_LABELS, RELIABILITY_LABELS,
)
from ..core.period import Period
from ..core.when import When
from ..demo import create_demo_workspace
from ..edit import operations
from ..store import Workspace
from .filters import add_filter_arguments, filter_from_args


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="create a new workspace file")
    p.add_argument("path", metavar="PATH")
    p.add_argument("--demo", action="store_true", help="fill it with the demo data")
    p.set_defaults(run=run_init, needs_workspace=False)

    add = sub.add_parser("add", help="add an actor, source, event or period").add_subparsers(
        dest="record", metavar="RECORD", required=True, parser_class=sub._parser_class)

    a = add.add_parser("actor", help="add an actor")
    a.add_argument("name")
    a.add_argument("--kind", default="other", help=", ".join(k.value for k in ActorKind))
    a.add_argument("--alias", action="append", default=[])
    a.add_argument("--member-of", metavar="NAME")
    a.add_argument("--description", default="")
    a.set_defaults(run=run_add_actor)

    s = add.add_parser("source", help="add a source")
    s.add_argument("name")
    s.add_argument("--kind", default="other", help=", ".join(k.value for k in SourceKind))
    s.add_argument("--reliability", default="F", metavar="A-F")
    s.add_argument("--url", default="")
    s.add_argument("--notes", default="")
    s.set_defaults(run=run_add_source)

    e = add.add_parser("event", help="add an event")
    e.add_argument("title")
    e.add_argument("--when", required=True, metavar="EDTF")
    e.add_argument("--summary", default="")
    e.add_argument("--place", default="")
    e.add_argument("--country", default="")
    e.add_argument("--lat", type=float)
    e.add_argument("--lon", type=float)
    e.add_argument("--actor", action="append", default=[], metavar="NAME[:ROLE]")
    e.add_argument("--source", action="append", default=[], metavar="NAME[:CREDIBILITY]")
    e.add_argument("--quote", default="", help="the quoted words, for every --source")
    e.add_argument("--type", dest="event_type", default="")
    e.add_argument("--tag", action="append", default=[])
    e.add_argument("--fatalities", type=int)
    e.add_argument("--confidence", default="moderate", help="low, moderate or high")
    e.add_argument("--json", action="store_true", help="print the new event as JSON")
    e.set_defaults(run=run_add_event)

    pe = add.add_parser("period", help="add a period (era): a named date range the timeline shades")
    pe.add_argument("name")
    pe.add_argument("--when", required=True, metavar="DATES", help="e.g. '9 Feb - 23 Mar 2019', 'Q1 2019'")
    pe.add_argument("--colour", default="", metavar="#RRGGBB")
    pe.add_argument("--notes", default="")
    pe.set_defaults(run=run_add_period)

    q = sub.add_parser("search", help="list events matching a filter, in date order")
    add_filter_arguments(q)
    q.add_argument("--limit", type=int, help="at most this many")
    q.add_argument("--json", action="store_true", help="a JSON array of events")
    q.set_defaults(run=run_search)

    sh = sub.add_parser("show", help="show one event")
    sh.add_argument("uid")
    sh.add_argument("--json", action="store_true")
    sh.set_defaults(run=run_show)


def run_init(args: argparse.Namespace, _: None) -> int:
    if args.demo:
        ws = create_demo_workspace(args.path)
    else:
        ws = Workspace.create(args.path)
    with ws:
        print(f"created {args.path} ({ws.event_count()} events)")
    return 0


def run_add_actor(args: argparse.Namespace, ws: Workspace) -> int:
    member = ws.resolve_actor(args.member_of).uid if args.member_of else None
    actor = Actor(args.name, ActorKind.parse(args.kind, "actor kind"), args.description, tuple(args.alias), member)
    operations.add_actor(actor).apply(ws)  # the same edit the window's Undo wraps
    print(actor.uid)
    return 0


def run_add_source(args: argparse.Namespace, ws: Workspace) -> int:
    source = Source(args.name, SourceKind.parse(args.kind, "source kind"), args.reliability, args.url, args.notes)
    operations.add_source(source).apply(ws)
    print(source.uid)
    return 0


def run_add_period(args: argparse.Namespace, ws: Workspace) -> int:
    period = Period(args.name, When.parse_friendly(args.when), args.colour, args.notes)
    operations.add_period(period).apply(ws)
    print(period.uid)
    return 0


def _split_suffix(text: str) -> tuple[str, Optional[str]]:
    """'Mustafa Bali:spokesperson' -> ('Mustafa Bali', 'spokesperson'); a name may hold ':'."""
    name, sep, suffix = text.rpartition(":")
    if sep and name.strip() and suffix.strip():
        return name.strip(), suffix.strip()
    return text.strip(), None


def run_add_event(args: argparse.Namespace, ws: Workspace) -> int:
    participants = []
    for item in args.actor:
        name, role = _split_suffix(item)
        if role is not None and ws.find_actor(item) is not None:
            name, role = item, None
        participants.append(Participant(ws.resolve_actor(name).uid, Role.parse(role or "mentioned", "role")))
    citations = []
    for item in args.source:
        name, grade = _split_suffix(item)
        if grade is not None and not grade.isdigit():
            name, grade = item, None
        citations.append(Citation(ws.resolve_source(name).uid, Credibility.parse(grade or 6), args.quote))
    if args.quote and not citations:
        raise ValidationError("--quote needs a --source that said it")
    event = Event(
        title=args.title, when=When.parse_friendly(args.when), summary=args.summary, place=args.place,
        country=args.country, latitude=args.lat, longitude=args.lon, event_type=args.event_type,
        tags=tuple(args.tag), fatalities=args.fatalities,
        confidence=Confidence.parse(args.confidence, "confidence"),
        participants=tuple(participants), citations=tuple(citations),
    )
    operations.add_events([event]).apply(ws)
    if args.json:
        print(json.dumps(event_summary(ws, event), ensure_ascii=False))
    else:
        print(event.uid)
    return 0


def event_summary(ws: Workspace, event: Event, actor_names: Optional[dict] = None,
                  sources: Optional[dict] = None) -> dict[str, Any]:
    """The JSON shape of an event for `search` and `show`."""
    actor_names = actor_names if actor_names is not None else {a.uid: a.name for a in ws.actors()}
    sources = sources if sources is not None else {s.uid: s for s in ws.sources()}
    return {
        "uid": event.uid, "title": event.title, "when": event.when.edtf, "label": event.when.label,
        "earliest": event.when.earliest.isoformat(), "latest": event.when.latest.isoformat(),
        "place": event.place, "country": event.country, "type": event.event_type, "tags": list(event.tags),
        "actors": [actor_names[p.actor_uid] for p in event.participants],
        "roles": [{"actor": actor_names[p.actor_uid], "role": p.role.value} for p in event.participants],
        "sources": [sources[u].name for u in event.source_uids],
        "citations": [{"source": sources[c.source_uid].name, "reliability": sources[c.source_uid].reliability,
                       "credibility": c.credibility, "quote": c.quote} for c in event.citations],
        "summary": event.summary, "fatalities": event.fatalities, "confidence": event.confidence.value,
    }


def run_search(args: argparse.Namespace, ws: Workspace) -> int:
    f = filter_from_args(ws, args)
    events = ws.search_events(f, limit=args.limit)
    actor_names = {a.uid: a.name for a in ws.actors()}
    sources = {s.uid: s for s in ws.sources()}
    if args.json:
        json.dump([event_summary(ws, e, actor_names, sources) for e in events], sys.stdout, ensure_ascii=False,
                  indent=1)
        print()
        return 0
    for e in events:
        actors = ", ".join(actor_names[p.actor_uid] for p in e.participants)
        print(f"{e.when.label:<22} {e.title}" + (f"  [{actors}]" if actors else "") + f"  {e.uid}")
    matched = len(events) if args.limit is None or len(events) < args.limit else ws.count_events(f)
    total = ws.count_events()
    shown = f"{len(events)} shown, " if matched != len(events) else ""
    print(f"{shown}{matched} of {total} events match", file=sys.stderr)
    return 0


def run_show(args: argparse.Namespace, ws: Workspace) -> int:
    event = ws.get_event(args.uid)
    data = event_summary(ws, event)
    names = ws.workspace_names()
    data["provenance"] = ws.provenance("event", event.uid).as_dict(names)
    cited = ws.citation_provenance(event.uid)
    for c, item in zip(event.citations, data["citations"]):
        item["provenance"] = cited[c.uid].as_dict(names) if c.uid in cited else None
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return 0
    print(f"{event.title}\n  when:    {event.when.label} ({event.when.edtf})")
    for key in ("place", "country", "type"):
        if data[key]:
            print(f"  {key + ':':<8} {data[key]}")
    for role in data["roles"]:
        print(f"  actor:   {role['actor']} ({role['role']})")
    for c in data["citations"]:
        print(f"  source:  {c['source']} [{c['reliability']}{c['credibility']}: "
              f"{RELIABILITY_LABELS[c['reliability']].lower()}, {CREDIBILITY_LABELS[c['credibility']].lower()}]"
              + (f" “{c['quote']}”" if c["quote"] else ""))
    if event.summary:
        print(f"\n{event.summary}")
    for label, stamp in (("created", data["provenance"]["created"]), ("changed", data["provenance"]["modified"])):
        if stamp:
            where = stamp["workspace_name"] or stamp["workspace"]
            print(f"  {label + ':':<8} {stamp['at'].replace('T', ' ').rstrip('Z')} UTC by {stamp['by'] or 'unknown'} "
                  f"in {where}")
    return 0
