"""GeoJSON of the events that have coordinates, for GIS tools (QGIS, kepler.gl, web maps).

One Point feature per located event (longitude first, as GeoJSON wants), with the
event's date as EDTF, its readable label and ISO bounds (so time sliders work), place,
types, fatalities, actors, sources and summary as properties.  Written a page of events
at a time, so exporting a million events needs no more memory than a thousand.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Optional

from ..core.filter import EventFilter
from ..core.model import Event
from ..store import Workspace
from .export_util import ExportProgress, chunks, written

__all__ = ["export_geojson", "feature"]


def feature(e: Event, actor_names: dict[str, str], source_names: dict[str, str]) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [e.longitude, e.latitude]},
        "properties": {
            "uid": e.uid, "title": e.title, "when": e.when.edtf, "label": e.when.label,
            "earliest": e.when.earliest.date().isoformat() if not e.when.open_start else None,
            "latest": e.when.latest.date().isoformat() if not e.when.open_end else None,
            "place": e.place, "country": e.country, "event_type": e.event_type,
            "sub_event_type": e.sub_event_type, "fatalities": e.fatalities,
            "actors": [{"name": actor_names.get(p.actor_uid, ""), "role": p.role.value} for p in e.participants],
            "sources": list(dict.fromkeys(source_names.get(c.source_uid, "") for c in e.citations)),
            "tags": list(e.tags), "summary": e.summary, "external_id": e.external_id,
        },
    }


def export_geojson(ws: Workspace, path: str | os.PathLike[str], f: Optional[EventFilter] = None,
                   progress: Optional[ExportProgress] = None) -> int:
    """Write the filter's located events (or all located events); returns how many."""
    target = Path(path)
    actor_names = {a.uid: a.name for a in ws.actors()}
    source_names = {s.uid: s.name for s in ws.sources()}
    ids = ws.event_ids(f or EventFilter())
    count = 0
    with written(target, newline=None) as handle:
        handle.write('{"type": "FeatureCollection", "features": [\n')
        for events in chunks(ws, ids, progress):
            for event in events:
                if event.latitude is None or event.longitude is None:
                    continue
                handle.write(("" if count == 0 else ",\n")
                             + json.dumps(feature(event, actor_names, source_names), ensure_ascii=False))
                count += 1
        handle.write("\n]}\n")
    return count
