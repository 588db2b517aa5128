"""Named views: a filter saved under a name and recalled later."""

from __future__ import annotations

import json
from dataclasses import asdict

from ..core.filter import EventFilter
from ..core.when import When
from .connection import Connection
from .errors import WorkspaceError


def filter_to_json(f: EventFilter) -> str:
    data = asdict(f)
    data["start"] = f.start.edtf if f.start else None
    data["end"] = f.end.edtf if f.end else None
    return json.dumps(data)


def filter_from_json(text: str) -> EventFilter:
    data = json.loads(text)
    for key in ("start", "end"):
        data[key] = When.parse(data[key]) if data.get(key) else None
    for key in ("actors", "sources", "event_types", "tags"):
        data[key] = tuple(data.get(key) or ())
    if data.get("uids") is not None:
        data["uids"] = tuple(data["uids"])
    return EventFilter(**data)


class ViewStore(Connection):
    def save_view(self, name: str, f: EventFilter) -> None:
        if not name.strip():
            raise WorkspaceError("a saved view needs a name")
        with self.transaction():
            self._clear_tombstones("view", [name.strip()])
            self._remember("view", name.strip())
            self.conn.execute("INSERT INTO saved_view(name, filter) VALUES (?, ?) "
                              "ON CONFLICT(name) DO UPDATE SET filter = excluded.filter",
                              (name.strip(), filter_to_json(f)))

    def views(self) -> dict[str, EventFilter]:
        return {name: filter_from_json(text)
                for name, text in self.conn.execute("SELECT name, filter FROM saved_view ORDER BY name")}

    def delete_view(self, name: str) -> None:
        with self.transaction():
            self._remember("view", name)
            self.conn.execute("DELETE FROM saved_view WHERE name = ?", (name,))
