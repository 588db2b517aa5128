"""Records as plain field dictionaries: what a merge compares, field by field.

Every kind of record a workspace keeps becomes a dict of JSON values under stable
field names (`event_fields`, `actor_fields`...), and back (`record_from_fields`).  The
store keeps earlier versions in this form (the base of a three-way merge), change
packages carry it, and the merge compares it: one shape for all three.

Set-like fields (tags, aliases, an event's actors) are sorted lists, compared element
by element; an event's citations are a dict by citation uid, each one a field of its
own ("citation:<uid>"), so that two analysts adding citations to one event combine.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Optional

from .filter import EventFilter
from .period import Period
from .model import (
    Actor, ActorKind, Citation, Confidence, Document, Event, Participant, Role, Source, SourceKind,
)
from .when import When

KINDS = ("actor", "source", "document", "event", "view", "period")  # the order a merge applies them in
KIND_PLURALS = {"actor": "actors", "source": "sources", "document": "documents", "event": "events",
                "view": "saved views", "period": "periods"}
SET_FIELDS = frozenset({"tags", "aliases", "actors"})
CITATION_PREFIX = "citation:"


def actor_fields(a: Actor) -> dict[str, Any]:
    return {"name": a.name, "kind": a.kind.value, "description": a.description,
            "aliases": sorted(a.aliases), "member_of": a.member_of}


def source_fields(s: Source) -> dict[str, Any]:
    return {"name": s.name, "kind": s.kind.value, "reliability": s.reliability, "url": s.url, "notes": s.notes}


def document_fields(d: Document) -> dict[str, Any]:
    return {"source": d.source_uid, "title": d.title, "text": d.text,
            "published": d.published.edtf if d.published else None, "author": d.author, "url": d.url}


def citation_fields(c: Citation) -> dict[str, Any]:
    return {"source": c.source_uid, "document": c.document_uid, "credibility": c.credibility, "quote": c.quote}


def event_fields(e: Event) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "title": e.title, "when": e.when.edtf, "summary": e.summary, "place": e.place,
        "coordinates": None if e.latitude is None or e.longitude is None else [e.latitude, e.longitude],
        "country": e.country, "event_type": e.event_type, "sub_event_type": e.sub_event_type,
        "tags": sorted(e.tags), "fatalities": e.fatalities, "confidence": e.confidence.value, "notes": e.notes,
        "external_id": e.external_id, "actors": sorted(f"{p.actor_uid} {p.role.value}" for p in e.participants),
    }
    for c in e.citations:
        fields[CITATION_PREFIX + c.uid] = citation_fields(c)
    return fields


def period_fields(p: Period) -> dict[str, Any]:
    return {"name": p.name, "when": p.when.edtf, "colour": p.colour, "notes": p.notes}


def period_from_fields(uid: str, f: dict[str, Any]) -> Period:
    return Period(f["name"], When.parse(f["when"]), f.get("colour", ""), f.get("notes", ""), uid)


def view_fields(f: EventFilter, to_json: Any) -> dict[str, Any]:
    return {"filter": to_json(f)}


def fields_of(record: Any) -> dict[str, Any]:
    if isinstance(record, Event):
        return event_fields(record)
    if isinstance(record, Actor):
        return actor_fields(record)
    if isinstance(record, Source):
        return source_fields(record)
    if isinstance(record, Document):
        return document_fields(record)
    raise TypeError(f"no fields for {type(record).__name__}")


def actor_from_fields(uid: str, f: dict[str, Any]) -> Actor:
    return Actor(f["name"], ActorKind(f["kind"]), f.get("description", ""), tuple(f.get("aliases", ())),
                 f.get("member_of"), uid)


def source_from_fields(uid: str, f: dict[str, Any]) -> Source:
    return Source(f["name"], SourceKind(f["kind"]), f.get("reliability", "F"), f.get("url", ""),
                  f.get("notes", ""), uid)


def document_from_fields(uid: str, f: dict[str, Any]) -> Document:
    return Document(f["source"], f["title"], f.get("text", ""),
                    When.parse(f["published"]) if f.get("published") else None, f.get("author", ""),
                    f.get("url", ""), "", uid)


def event_from_fields(uid: str, f: dict[str, Any], order: Optional[Event] = None,
                      created: Optional[datetime] = None, updated: Optional[datetime] = None) -> Event:
    """An Event from fields; `order` (an earlier version) keeps its actors' and citations' order."""
    participants = [Participant(*a.split(" ", 1)) for a in f.get("actors", ())]
    participants = [Participant(p.actor_uid, Role(p.role)) for p in participants]
    citations = [Citation(v["source"], v["credibility"], v.get("quote", ""), v.get("document"),
                          k[len(CITATION_PREFIX):])
                 for k, v in sorted((k, v) for k, v in f.items() if k.startswith(CITATION_PREFIX))]
    if order is not None:
        rank = {(p.actor_uid, p.role): i for i, p in enumerate(order.participants)}
        participants.sort(key=lambda p: rank.get((p.actor_uid, p.role), len(rank)))
        crank = {c.uid: i for i, c in enumerate(order.citations)}
        citations.sort(key=lambda c: crank.get(c.uid, len(crank)))
    coords = f.get("coordinates")
    extra: dict[str, Any] = {}
    if created is not None:
        extra["created"] = created
    if updated is not None:
        extra["updated"] = updated
    return Event(
        title=f["title"], when=When.parse(f["when"]), summary=f.get("summary", ""), place=f.get("place", ""),
        latitude=coords[0] if coords else None, longitude=coords[1] if coords else None,
        country=f.get("country", ""), event_type=f.get("event_type", ""), sub_event_type=f.get("sub_event_type", ""),
        tags=tuple(f.get("tags", ())), fatalities=f.get("fatalities"), confidence=Confidence(f.get("confidence", "moderate")),
        notes=f.get("notes", ""), external_id=f.get("external_id", ""), participants=tuple(participants),
        citations=tuple(citations), uid=uid, **extra)


def describe_field(field: str) -> str:
    """A field's name as a person reads it ("citation of BBC" is filled in by callers)."""
    if field.startswith(CITATION_PREFIX):
        return "citation"
    return field.replace("_", " ")


@dataclass(frozen=True)
class EditMerge:
    """Theirs with my changes (`fields`), and which fields came from where."""

    fields: dict[str, Any]
    mine: tuple[str, ...]     # fields taken from my edit (they differ from theirs)
    theirs: tuple[str, ...]   # fields their change brought (I left them as I read them)
    both: tuple[str, ...]     # fields both changed, differently: mine was kept (a clash)


def merge_edit_fields(base: Optional[dict[str, Any]], mine: dict[str, Any], theirs: dict[str, Any]) -> EditMerge:
    """One record saved by someone else ("theirs") while I edited it from `base`: theirs,
    with every field I changed from `base` put over it.  A field we both changed
    differently keeps mine (I am the one saving) and is named in `both`.  Without a base
    (the version I opened was not kept) every field that differs counts as changed by both.
    A field missing from a side is None there.  The one rule behind both answers to an
    edit conflict: the window's Merge Fields and `Workspace.merge_edit`."""
    unknown = object()
    merged, taken, kept, both = dict(theirs), [], [], []
    for name in dict.fromkeys([*theirs, *mine, *(base or {})]):
        m, t = mine.get(name), theirs.get(name)
        b = unknown if base is None else base.get(name)
        if m == t:
            continue
        if b == m:  # only they changed it
            kept.append(name)
            continue
        merged[name] = m
        taken.append(name)
        if b != t:
            both.append(name)
    return EditMerge(merged, tuple(taken), tuple(kept), tuple(both))
