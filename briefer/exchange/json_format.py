"""Briefer's own JSON: everything in a workspace, with full fidelity, keyed by UUID.

Import is idempotent: a record whose UUID is already in the workspace is left as it
is, so importing the same file twice changes nothing.  The whole import is one
transaction: a bad record leaves the workspace exactly as it was.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Iterable, Optional

from .. import __version__
from ..core.errors import BrieferError
from ..core.filter import EventFilter
from ..core.model import (
    Actor, ActorKind, Citation, Confidence, Document, Event, Participant, Role, Source, SourceKind,
)
from ..core.period import Period
from ..core.when import When
from ..store import Workspace
from .export_util import ExportCancelled, ExportProgress, written

FORMAT = "briefer-workspace"
FORMAT_VERSION = 1


class ExchangeError(BrieferError):
    """A file to import that is not what it claims; the message names file and record."""


@dataclass
class ImportReport:
    added: dict[str, int] = field(default_factory=lambda: {"actors": 0, "sources": 0, "documents": 0, "events": 0})
    unchanged: dict[str, int] = field(default_factory=lambda: {"actors": 0, "sources": 0, "documents": 0, "events": 0})

    def as_dict(self) -> dict[str, Any]:
        return {"added": self.added, "unchanged": self.unchanged}


# -- to JSON ------------------------------------------------------------------------
def actor_to_dict(a: Actor) -> dict[str, Any]:
    return {"uid": a.uid, "name": a.name, "kind": a.kind.value, "description": a.description,
            "aliases": list(a.aliases), "member_of": a.member_of}


def source_to_dict(s: Source) -> dict[str, Any]:
    return {"uid": s.uid, "name": s.name, "kind": s.kind.value, "reliability": s.reliability,
            "url": s.url, "notes": s.notes}


def document_to_dict(d: Document) -> dict[str, Any]:
    return {"uid": d.uid, "source": d.source_uid, "title": d.title,
            "published": d.published.edtf if d.published else None, "author": d.author, "url": d.url,
            "text": d.text, "content_hash": d.content_hash}


def event_to_dict(e: Event) -> dict[str, Any]:
    return {
        "uid": e.uid, "title": e.title, "when": e.when.edtf, "summary": e.summary, "place": e.place,
        "latitude": e.latitude, "longitude": e.longitude, "country": e.country,
        "event_type": e.event_type, "sub_event_type": e.sub_event_type, "tags": list(e.tags),
        "fatalities": e.fatalities, "confidence": e.confidence.value, "notes": e.notes,
        "external_id": e.external_id,
        "actors": [{"actor": p.actor_uid, "role": p.role.value} for p in e.participants],
        "citations": [{"uid": c.uid, "source": c.source_uid, "document": c.document_uid,
                       "credibility": c.credibility, "quote": c.quote} for c in e.citations],
        "created": e.created.isoformat(), "updated": e.updated.isoformat(),
    }


def export_json(ws: Workspace, path: str | os.PathLike[str], f: Optional[EventFilter] = None,
                progress: Optional[ExportProgress] = None) -> int:
    """Write the workspace (or the events of a filter, with what they refer to) to `path`.
    Returns the number of events written.  `progress(done, total)` may return False to cancel."""
    if progress is not None and progress(0, 1) is False:
        raise ExportCancelled("export cancelled")
    events = ws.search_events(f or EventFilter())
    actors, sources = ws.actors(), ws.sources()
    documents = ws.documents()
    if f is not None and not f.is_empty:
        used_actors = {p.actor_uid for e in events for p in e.participants}
        # keep the actors the events name and the ones they are members of
        by_uid = {a.uid: a for a in actors}
        for uid in list(used_actors):
            parent = by_uid[uid].member_of
            while parent and parent not in used_actors:
                used_actors.add(parent)
                parent = by_uid[parent].member_of
        used_sources = {c.source_uid for e in events for c in e.citations}
        used_documents = {c.document_uid for e in events for c in e.citations if c.document_uid}
        actors = [a for a in actors if a.uid in used_actors]
        sources = [s for s in sources if s.uid in used_sources]
        documents = [d for d in documents if d.uid in used_documents]
    data = {
        "format": FORMAT, "version": FORMAT_VERSION, "exported_by": f"Briefer {__version__}",
        "workspace": ws.name, "workspace_id": ws.workspace_id,
        "actors": [actor_to_dict(a) for a in _parents_first(actors)],
        "sources": [source_to_dict(s) for s in sources],
        "documents": [document_to_dict(d) for d in documents],
        "events": [event_to_dict(e) for e in events],
        "periods": [{"uid": p.uid, "name": p.name, "when": p.when.edtf, "colour": p.colour, "notes": p.notes}
                    for p in ws.periods()],
    }
    if progress is not None and progress(len(events) // 2, len(events) or 1) is False:
        raise ExportCancelled("export cancelled")
    with written(Path(path), newline=None) as out:
        out.write(json.dumps(data, ensure_ascii=False, indent=1))
    return len(events)


def _parents_first(actors: list[Actor]) -> list[Actor]:
    """Order actors so that an actor comes after the one it is a member of."""
    by_uid = {a.uid: a for a in actors}
    done: dict[str, Actor] = {}

    def visit(a: Actor, trail: tuple[str, ...] = ()) -> None:
        if a.uid in done or a.uid in trail:
            return
        if a.member_of in by_uid:
            visit(by_uid[a.member_of], trail + (a.uid,))
        done[a.uid] = a

    for a in actors:
        visit(a)
    return list(done.values())


# -- from JSON ----------------------------------------------------------------------
def _load(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ExchangeError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise ExchangeError(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise ExchangeError(f"{path}: not valid JSON (line {error.lineno}: {error.msg})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ExchangeError(f"{path}: not a Briefer JSON export (no \"format\": \"{FORMAT}\")")
    if data.get("version", 0) > FORMAT_VERSION:
        raise ExchangeError(f"{path}: written by a newer Briefer (format version {data.get('version')})")
    return data


def _records(data: dict, key: str, path: Path) -> Iterable[tuple[int, dict]]:
    items = data.get(key, [])
    if not isinstance(items, list):
        raise ExchangeError(f"{path}: '{key}' is not a list")
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise ExchangeError(f"{path}: {key}[{index}] is not an object")
        yield index, item


def _opt_float(value: Any) -> Optional[float]:
    return None if value is None else float(value)


def import_json(ws: Workspace, path: str | os.PathLike[str]) -> ImportReport:
    """Add every record of a Briefer JSON file that the workspace lacks (by UUID)."""
    path = Path(path)
    data = _load(path)
    report = ImportReport()
    where = ""
    try:
        with ws.transaction():
            known_actors = {a.uid for a in ws.actors()}
            for i, d in _records(data, "actors", path):
                where = f"actors[{i}] ('{d.get('name', '')}')"
                if d["uid"] in known_actors:
                    report.unchanged["actors"] += 1
                    continue
                ws.add_actor(Actor(d["name"], ActorKind.parse(d.get("kind", "other"), "actor kind"),
                                   d.get("description", ""), tuple(d.get("aliases", ())), d.get("member_of"),
                                   d["uid"]))
                known_actors.add(d["uid"])
                report.added["actors"] += 1
            known_sources = {s.uid for s in ws.sources()}
            for i, d in _records(data, "sources", path):
                where = f"sources[{i}] ('{d.get('name', '')}')"
                if d["uid"] in known_sources:
                    report.unchanged["sources"] += 1
                    continue
                ws.add_source(Source(d["name"], SourceKind.parse(d.get("kind", "other"), "source kind"),
                                     d.get("reliability", "F"), d.get("url", ""), d.get("notes", ""), d["uid"]))
                report.added["sources"] += 1
            known_documents = {doc.uid for doc in ws.documents()}
            for i, d in _records(data, "documents", path):
                where = f"documents[{i}] ('{d.get('title', '')}')"
                if d["uid"] in known_documents:
                    report.unchanged["documents"] += 1
                    continue
                ws.add_document(Document(d["source"], d["title"], d.get("text", ""),
                                         When.parse(d["published"]) if d.get("published") else None,
                                         d.get("author", ""), d.get("url", ""), d.get("content_hash", ""), d["uid"]))
                report.added["documents"] += 1
            new_events = []
            for i, d in _records(data, "events", path):
                where = f"events[{i}] ('{d.get('title', '')}')"
                if _has_event(ws, d["uid"]):
                    report.unchanged["events"] += 1
                    continue
                new_events.append(event_from_dict(d))
            where = "events"
            report.added["events"] = ws.add_events(new_events)
            known_periods = {p.uid for p in ws.periods()}
            for i, d in _records(data, "periods", path):
                where = f"periods[{i}] ('{d.get('name', '')}')"
                if d["uid"] not in known_periods:
                    ws.add_period(Period(d["name"], When.parse(d["when"]), d.get("colour", ""), d.get("notes", ""),
                                         d["uid"]))
    except KeyError as error:
        raise ExchangeError(f"{path}: {where} lacks the field {error}") from None
    except (BrieferError, ValueError, TypeError) as error:
        raise ExchangeError(f"{path}: {where}: {error}") from None
    return report


def _has_event(ws: Workspace, uid: str) -> bool:
    try:
        ws.get_event(uid)
        return True
    except BrieferError:
        return False


def event_from_dict(d: dict[str, Any]) -> Event:
    kwargs: dict[str, Any] = {}
    if d.get("created"):
        kwargs["created"] = datetime.fromisoformat(d["created"])
    if d.get("updated"):
        kwargs["updated"] = datetime.fromisoformat(d["updated"])
    return Event(
        title=d["title"], when=When.parse(d["when"]), summary=d.get("summary", ""), place=d.get("place", ""),
        latitude=_opt_float(d.get("latitude")), longitude=_opt_float(d.get("longitude")),
        country=d.get("country", ""), event_type=d.get("event_type", ""),
        sub_event_type=d.get("sub_event_type", ""), tags=tuple(d.get("tags", ())),
        fatalities=d.get("fatalities"), confidence=Confidence.parse(d.get("confidence", "moderate"), "confidence"),
        notes=d.get("notes", ""), external_id=d.get("external_id", ""),
        participants=tuple(Participant(p["actor"], Role.parse(p.get("role", "mentioned"), "role"))
                           for p in d.get("actors", ())),
        citations=tuple(Citation(c["source"], c.get("credibility", 6), c.get("quote", ""), c.get("document"),
                                 c.get("uid") or Citation.__dataclass_fields__["uid"].default_factory())
                        for c in d.get("citations", ())),
        uid=d["uid"], **kwargs,
    )
