"""The search filter options every command that reads events shares (search, brief, export)."""

from __future__ import annotations

import argparse

from ..core.filter import EventFilter
from ..core.model import Reliability
from ..core.when import When
from ..store import Workspace


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("filter")
    group.add_argument("--from", dest="date_from", metavar="EDTF", help="events that may have happened on or after this")
    group.add_argument("--to", dest="date_to", metavar="EDTF", help="events that may have happened on or before this")
    group.add_argument("--actor", action="append", default=[], metavar="NAME", help="name or alias (repeatable)")
    group.add_argument("--all-actors", action="store_true", help="require every --actor, not any of them")
    group.add_argument("--source", action="append", default=[], metavar="NAME", help="source name (repeatable)")
    group.add_argument("--type", dest="event_type", action="append", default=[], metavar="TYPE", help="event type")
    group.add_argument("--tag", action="append", default=[], metavar="TAG", help="tag (repeatable)")
    group.add_argument("--text", default="", metavar="QUERY", help="words to find in title, summary, notes, place")
    group.add_argument("--min-reliability", metavar="A-F", help="cited by a source graded this or better")


def filter_from_args(ws: Workspace, args: argparse.Namespace) -> EventFilter:
    """Build the filter; unknown actors or sources are errors that name them."""
    return EventFilter(
        start=When.parse_friendly(args.date_from) if args.date_from else None,
        end=When.parse_friendly(args.date_to) if args.date_to else None,
        actors=tuple(ws.resolve_actor(n).uid for n in args.actor),
        actor_mode="all" if args.all_actors else "any",
        sources=tuple(ws.resolve_source(n).uid for n in args.source),
        event_types=tuple(args.event_type),
        tags=tuple(args.tag),
        min_reliability=Reliability.parse(args.min_reliability) if args.min_reliability else None,
        text=args.text,
    )
