"""What one workspace hands another: a change set, read from a workspace file, a Briefer
JSON export or a change package, and written as a `.briefer-changes` package.

A change set holds, per record that changed on the sending side since the last exchange,
its fields now (or None: deleted), its fields as of that exchange (the base of the
three-way merge; left out when nobody kept it) and who made it, when, where.

A package is one zip file: `changes.json` and a `manifest.json` that names the sending
and receiving workspaces, the range of revisions and the SHA-256 and size of
`changes.json`.  A package whose contents do not match its manifest, or that is cut
short, is refused before anything is read into the workspace.  (It detects damage and
edits; it is not a signature: whoever can write the file can write a new manifest.)
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from .. import __version__
from ..core.errors import BrieferError
from ..core.fields import KINDS, actor_fields, document_fields, event_fields, source_fields
from ..core.model import Actor, ActorKind, Document, Source, SourceKind, now_utc
from ..core.when import When
from ..store import Workspace
from ..store.provenance import Stamp
from .json_format import ExchangeError, event_from_dict
from .json_format import _load as load_json_export

PACKAGE_FORMAT = "briefer-changes"
PACKAGE_VERSION = 1
PACKAGE_SUFFIX = ".briefer-changes"
_PAYLOAD = "changes.json"
_MANIFEST = "manifest.json"
UNKNOWN_BASE = "unknown"


@dataclass
class Change:
    fields: Optional[dict[str, Any]]          # None: deleted
    base: Any                                 # dict, None (did not exist) or UNKNOWN_BASE
    created: Optional[Stamp] = None
    modified: Optional[Stamp] = None          # for a deletion: when it was deleted

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"fields": self.fields,
                                "created": self.created.as_list() if self.created else None,
                                "modified": self.modified.as_list() if self.modified else None}
        if self.base != UNKNOWN_BASE:
            data["base"] = self.base
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Change":
        return cls(data["fields"], data["base"] if "base" in data else UNKNOWN_BASE,
                   Stamp.of(data.get("created")), Stamp.of(data.get("modified")))


@dataclass
class ChangeSet:
    source_id: str                 # the sending workspace ('' when a JSON export does not say)
    source_name: str
    target_id: str = ""            # a package: the workspace it was made for
    since: int = 0                 # the sender's revisions after this one are in here
    until: int = 0                 # ...up to this one
    acks: int = 0                  # the receiver's revisions up to this one are in the sender
    has_revisions: bool = True     # False: a JSON export (no sync point can be kept)
    label: str = ""                # what it was read from, for messages
    records: dict[str, dict[str, Change]] = field(default_factory=lambda: {k: {} for k in KINDS})

    @property
    def size(self) -> int:
        return sum(len(v) for v in self.records.values())


@contextmanager
def few_collections() -> Any:
    """No cyclic garbage collection while a merge or a package is made: they build hundreds of
    thousands of small objects that all live until the end, and the collector would walk
    them again and again (a quarter of a 10,000-event merge's CPU time); it runs after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# -- from a workspace ----------------------------------------------------------------------
def changes_since(ws: Workspace, since: int, target_id: str = "", acks: Optional[int] = None) -> ChangeSet:
    """What `ws` changed after its revision `since` up to its sync point (every revision up
    to it committed: on a desk, where transactions can commit out of order, a change that
    commits later with a lower revision then comes with the next package, never skipped),
    read in one snapshot: the records, their bases, who and when."""
    with few_collections():
        with ws.consistent_read() as synced:
            return _changes_since(ws, since, synced, target_id, acks)


def _changes_since(ws: Workspace, since: int, until: int, target_id: str, acks: Optional[int]) -> ChangeSet:
    cs = ChangeSet(ws.workspace_id, ws.name, target_id, since, max(since, until),
                   ws.peer(target_id)["seen"] if acks is None and target_id else (acks or 0))
    # one index range each: the changed records and their revisions
    live, deleted = ws.changed_rows_since(since, cs.until)
    for kind in KINDS:
        revs = {uid: (created, rev) for uid, (created, rev, _) in live.get(kind, {}).items()}
        gone = {uid: pair for uid, pair in deleted.get(kind, {}).items() if uid not in revs}
        uids = list(revs) + list(gone)
        if not uids:
            continue
        current = ws.current_fields(kind, list(revs), ids=[row for _, _, row in live[kind].values()]
                                    if kind == "event" and revs else None)
        bases = (ws.fields_at(kind, uids, since, revisions=revs, tombstones=gone) if since > 0
                 else {u: None for u in uids})
        stamps = ws.stamps([r for pair in (*revs.values(), *gone.values()) for r in pair])
        for uid in uids:
            created, rev = revs.get(uid) or gone.get(uid) or (None, None)
            cs.records[kind][uid] = Change(current.get(uid), bases.get(uid, UNKNOWN_BASE),
                                           stamps.get(created), stamps.get(rev))
    return cs


# -- from a Briefer JSON export --------------------------------------------------------------
def changes_from_json(data: dict[str, Any], path: Path) -> ChangeSet:
    """Every record of an export, with no base (an export keeps no history): a record that
    differs from this workspace's is a conflict, never a silent overwrite."""
    cs = ChangeSet(str(data.get("workspace_id") or ""), str(data.get("workspace") or path.stem),
                   has_revisions=False, label=str(path))
    where = ""
    try:
        for i, d in enumerate(data.get("actors", [])):
            where = f"actors[{i}]"
            a = Actor(d["name"], ActorKind.parse(d.get("kind", "other"), "actor kind"), d.get("description", ""),
                      tuple(d.get("aliases", ())), d.get("member_of"), d["uid"])
            cs.records["actor"][a.uid] = Change(actor_fields(a), UNKNOWN_BASE)
        for i, d in enumerate(data.get("sources", [])):
            where = f"sources[{i}]"
            s = Source(d["name"], SourceKind.parse(d.get("kind", "other"), "source kind"), d.get("reliability", "F"),
                       d.get("url", ""), d.get("notes", ""), d["uid"])
            cs.records["source"][s.uid] = Change(source_fields(s), UNKNOWN_BASE)
        for i, d in enumerate(data.get("documents", [])):
            where = f"documents[{i}]"
            doc = Document(d["source"], d["title"], d.get("text", ""),
                           When.parse(d["published"]) if d.get("published") else None, d.get("author", ""),
                           d.get("url", ""), "", d["uid"])
            cs.records["document"][doc.uid] = Change(document_fields(doc), UNKNOWN_BASE)
        for i, d in enumerate(data.get("events", [])):
            where = f"events[{i}] ('{d.get('title', '')}')"
            e = event_from_dict(d)
            cs.records["event"][e.uid] = Change(event_fields(e), UNKNOWN_BASE)
    except KeyError as error:
        raise ExchangeError(f"{path}: {where} lacks the field {error}") from None
    except (BrieferError, ValueError, TypeError, AttributeError) as error:
        raise ExchangeError(f"{path}: {where}: {error}") from None
    return cs


# -- packages ----------------------------------------------------------------------------------
def write_package(cs: ChangeSet, path: str | os.PathLike[str]) -> dict[str, Any]:
    """Write `cs` as one package file (whole or not at all); returns its manifest."""
    target = Path(path)
    with few_collections():
        payload = json.dumps({"records": {k: {u: c.as_json() for u, c in v.items()} for k, v in cs.records.items() if v}},
                             ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    manifest = {
        "format": PACKAGE_FORMAT, "version": PACKAGE_VERSION, "written_by": f"Briefer {__version__}",
        "created": now_utc().isoformat(timespec="seconds") + "Z",
        "from": cs.source_id, "from_name": cs.source_name, "to": cs.target_id,
        "since": cs.since, "until": cs.until, "acks": cs.acks,
        "counts": {k: len(v) for k, v in cs.records.items()},
        "payload": {"name": _PAYLOAD, "bytes": len(payload), "sha256": hashlib.sha256(payload).hexdigest()},
    }
    if target.is_dir():
        raise ExchangeError(f"{target}: is a folder; give the name of the package file to write")
    if target.exists() and not target.is_file():
        raise ExchangeError(f"{target}: is not a regular file")
    tmp = target.with_name(target.name + ".part")
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            archive.writestr(_MANIFEST, json.dumps(manifest, indent=1))
            archive.writestr(_PAYLOAD, payload)
        tmp.replace(target)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise ExchangeError(f"{target}: cannot be written ({error.strerror or error})") from None
    return manifest


def export_package(ws: Workspace, peer: dict[str, Any], path: str | os.PathLike[str],
                   everything: bool = False) -> tuple[ChangeSet, dict[str, Any]]:
    """Write what `peer` has not had from `ws` since the last package (`everything`: since
    the last exchange the peer confirmed) and remember that it went out."""
    since = peer["acked"] if everything else max(peer["acked"], peer["sent"])
    cs = changes_since(ws, since, peer["workspace"])
    with ws.transaction():
        manifest = write_package(cs, path)
        ws.set_peer(peer["workspace"], peer["name"], sent=cs.until)
    return cs, manifest


def is_package(path: Path) -> bool:
    return zipfile.is_zipfile(path)


def read_package(path: str | os.PathLike[str]) -> ChangeSet:
    """A package, checked against its manifest; ExchangeError says what is wrong with it."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if _MANIFEST not in names or _PAYLOAD not in names:
                raise ExchangeError(f"{path}: not a Briefer change package (no manifest or no changes in it)")
            manifest = json.loads(archive.read(_MANIFEST))
            payload = archive.read(_PAYLOAD)
    except (zipfile.BadZipFile, EOFError, zlib_error()) as error:
        raise ExchangeError(f"{path}: the change package is damaged or cut short ({error})") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ExchangeError(f"{path}: the change package's manifest is damaged") from None
    except OSError as error:
        raise ExchangeError(f"{path}: cannot be read ({error.strerror or error})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != PACKAGE_FORMAT:
        raise ExchangeError(f"{path}: not a Briefer change package")
    if int(manifest.get("version", 0)) > PACKAGE_VERSION:
        raise ExchangeError(f"{path}: written by a newer Briefer (package version {manifest.get('version')}); "
                            "update Briefer to read it")
    expected = manifest.get("payload") or {}
    if len(payload) != expected.get("bytes") or hashlib.sha256(payload).hexdigest() != expected.get("sha256"):
        raise ExchangeError(f"{path}: the changes do not match the package's SHA-256 manifest "
                            "(the file was altered or damaged); nothing was merged")
    try:
        records = json.loads(payload)["records"]
        cs = ChangeSet(manifest["from"], manifest.get("from_name", ""), manifest.get("to", ""),
                       int(manifest["since"]), int(manifest["until"]), int(manifest.get("acks", 0)), label=str(path))
        for kind, items in records.items():
            if kind not in cs.records:
                raise ExchangeError(f"{path}: records of an unknown kind '{kind}'")
            cs.records[kind] = {uid: Change.from_json(c) for uid, c in items.items()}
    except (KeyError, TypeError, ValueError) as error:
        raise ExchangeError(f"{path}: the change package is incomplete ({error})") from None
    return cs


def zlib_error() -> type[BaseException]:
    import zlib
    return zlib.error


def read_json_export(path: Path) -> dict[str, Any]:
    """A Briefer JSON export, checked as `import --json` checks it."""
    return load_json_export(path)
