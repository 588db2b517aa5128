"""Every edit of a workspace as an `Edit`: apply it, revert it, and learn what each touched.

Edits are snapshots: made before the change, they keep the records it will alter (the
events citing a source about to be deleted, the members of an actor about to go), so
reverting writes those records back whole.  Each of `apply` and `revert` is one store
transaction and returns the `ChangeSet` views refresh from.  The window's undo commands
wrap these; `briefer-cli` uses them too, so both edit a workspace the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Iterable, Optional, Sequence

from ..core.filter import EventFilter
from ..core.model import Actor, Document, Event, Source
from ..core.period import Period
from ..store import Workspace
from .changes import ChangeSet

Step = Callable[[Workspace], ChangeSet]


@dataclass
class Edit:
    """One user action: a name a person reads, and its two directions."""

    text: str
    _apply: Step
    _revert: Step

    def apply(self, ws: Workspace) -> ChangeSet:
        with ws.transaction():
            return self._apply(ws)

    def revert(self, ws: Workspace) -> ChangeSet:
        with ws.transaction():
            return self._revert(ws)


def quoted(text: str, limit: int = 40) -> str:
    return f"“{text if len(text) <= limit else text[:limit - 1] + '…'}”"


def _events_with(ws: Workspace, f: EventFilter) -> list[Event]:
    return ws.events_by_uids(ws.event_uids(f))


def _dates(event: Event) -> tuple[int, int]:
    return event.when.earliest_ts, event.when.latest_ts


def _links(event: Event) -> tuple[frozenset, frozenset]:
    """Which actors and sources an event names (what the panels count it under)."""
    return (frozenset(p.actor_uid for p in event.participants),
            frozenset(c.source_uid for c in event.citations))


def _left(ws: Workspace, events: Sequence[Event], into: dict[str, Event]) -> None:
    """Keep the events as an edit left them (read in its transaction): what its undo expects to find."""
    into.clear()
    into.update((e.uid, e) for e in ws.events_by_uids([e.uid for e in events]))


def _restore_events(ws: Workspace, events: Iterable[Event], left: dict[str, Event]) -> ChangeSet:
    """Write `events` back, each only over the version the edit left (else EditConflict:
    another analyst changed it since, and their change is kept)."""
    events = list(events)
    for event in events:
        ws.update_event(event, touch=False, expect=left.get(event.uid))
    return ChangeSet.of("events", changed=events)


def _restore_actors(ws: Workspace, actors: Iterable[Actor]) -> ChangeSet:
    actors = list(actors)
    for actor in actors:
        ws.update_actor(actor)
    return ChangeSet.of("actors", changed=actors)


def _adding(kind: str, noun: str, record, title: str) -> Edit:
    """Add one record (an actor, a source, a document, a period); reverting deletes it."""
    def apply(ws: Workspace) -> ChangeSet:
        getattr(ws, f"add_{noun}")(record)
        return ChangeSet.of(kind, added=[record])

    def revert(ws: Workspace) -> ChangeSet:
        getattr(ws, f"delete_{noun}")(record.uid)
        return ChangeSet.of(kind, removed=[record])

    return Edit(f"Add {noun} {quoted(title)}", apply, revert)


def _editing(kind: str, noun: str, old, new, title: str, overwrite: bool = False) -> Edit:
    """Write `new` over one record; reverting writes `old` back.  `overwrite`: even over
    another analyst's change made since `old` was read (else EditConflict)."""
    def apply(ws: Workspace) -> ChangeSet:
        getattr(ws, f"update_{noun}")(new, **({"overwrite": True} if overwrite else {}))
        return ChangeSet.of(kind, changed=[new])

    def revert(ws: Workspace) -> ChangeSet:
        getattr(ws, f"update_{noun}")(old)
        return ChangeSet.of(kind, changed=[old])

    return Edit(f"Edit {noun} {quoted(title)}", apply, revert)


# -- events ---------------------------------------------------------------------------
def add_events(events: Sequence[Event], text: Optional[str] = None) -> Edit:
    events = list(events)

    def apply(ws: Workspace) -> ChangeSet:
        ws.add_events(events)
        return ChangeSet.of("events", added=events)

    def revert(ws: Workspace) -> ChangeSet:
        for event in events:
            ws.delete_event(event.uid)
        return ChangeSet.of("events", removed=events)

    name = text or (f"Add event {quoted(events[0].title)}" if len(events) == 1 else f"Add {len(events)} events")
    return Edit(name, apply, revert)


def edit_event(old: Event, new: Event, overwrite: bool = False) -> Edit:
    """Write `new` over `old`, the event as the user last saw it: if the event stored is no
    longer `old` (another analyst's change, even one this window has read since), nothing is
    written (EditConflict), unless `overwrite`.  Undo and redo check the same way: undo
    writes `old` back only over this edit's own version, redo `new` only over `old`."""
    saved: list[Event] = []  # as stored by the first write, so that redo writes the same and undo checks it

    def apply(ws: Workspace) -> ChangeSet:
        if saved:
            ws.update_event(saved[0], touch=False, expect=old)
        else:
            ws.update_event(new, overwrite=overwrite, expect=None if overwrite else old)
            saved.append(ws.get_event(new.uid))
        return ChangeSet.of("events", changed=[new], moved=[new] if moved else [], links_kept=links_kept)

    def revert(ws: Workspace) -> ChangeSet:
        ws.update_event(old, touch=False, expect=saved[0] if saved else new)
        return ChangeSet.of("events", changed=[old], moved=[old] if moved else [], links_kept=links_kept)

    moved = _dates(old) != _dates(new)
    links_kept = _links(old) == _links(new)

    return Edit(f"Edit event {quoted(new.title)}", apply, revert)


def delete_events(events: Sequence[Event], overwrite: bool = False) -> Edit:
    """Delete `events`, as the caller showed them: if another analyst changed one since,
    nothing is deleted (EditConflict), unless `overwrite`.  Undo adds back each event as it
    was when deleted."""
    events = list(events)
    deleted: list[Event] = []  # as deleted (theirs, when deleted anyway)

    def apply(ws: Workspace) -> ChangeSet:
        if deleted:  # a redo: what the undo added back, if no one changed it since
            gone = [ws.delete_event(event.uid, expect=event) for event in deleted]
        else:
            gone = [ws.delete_event(event.uid, overwrite=overwrite, expect=None if overwrite else event)
                    for event in events]
        deleted[:] = gone
        return ChangeSet.of("events", removed=gone)

    def revert(ws: Workspace) -> ChangeSet:
        ws.add_events(deleted)
        return ChangeSet.of("events", added=deleted)

    name = f"Delete event {quoted(events[0].title)}" if len(events) == 1 else f"Delete {len(events)} events"
    return Edit(name, apply, revert)


def creating_actors(edit: Edit, actors: Sequence[Actor]) -> Edit:
    """`edit` that first creates `actors` (new ones its event names): one step."""
    if not actors:
        return edit
    actors = list(actors)

    def apply(ws: Workspace) -> ChangeSet:
        for actor in actors:
            ws.add_actor(actor)
        return ChangeSet.of("actors", added=actors) | edit._apply(ws)

    def revert(ws: Workspace) -> ChangeSet:
        changes = edit._revert(ws)
        for actor in actors:
            ws.delete_actor(actor.uid)
        return changes | ChangeSet.of("actors", removed=actors)

    names = ", ".join(a.name for a in actors)
    return Edit(f"{edit.text} (new actor {names})", apply, revert)


# -- actors ---------------------------------------------------------------------------
def add_actor(actor: Actor) -> Edit:
    return _adding("actors", "actor", actor, actor.name)


def edit_actor(old: Actor, new: Actor, overwrite: bool = False) -> Edit:
    return _editing("actors", "actor", old, new, new.name, overwrite)


def delete_actor(ws: Workspace, actor: Actor) -> Edit:
    """Delete an actor, unlinking it from its events and its members; reverting puts the
    actor back as it was in the store, with its links and its members' affiliation."""
    actor = ws.get_actor(actor.uid)  # as stored: a caller's copy may be stale
    events = _events_with(ws, EventFilter(actors=(actor.uid,)))
    members = [a for a in ws.actors() if a.member_of == actor.uid]
    left: dict[str, Event] = {}

    def apply(ws: Workspace) -> ChangeSet:
        ws.delete_actor(actor.uid)
        _left(ws, events, left)
        return (ChangeSet.of("actors", removed=[actor], changed=members)
                | ChangeSet.of("events", changed=events))

    def revert(ws: Workspace) -> ChangeSet:
        ws.add_actor(actor)
        return ChangeSet.of("actors", added=[actor]) | _restore_events(ws, events, left) | _restore_actors(ws, members)

    return Edit(f"Delete actor {quoted(actor.name)}", apply, revert)


def merge_actors(ws: Workspace, keep: Actor, drop: Actor) -> Edit:
    """Fold `drop` into `keep`; reverting brings `drop` back with its names, links and members."""
    keep, drop = ws.get_actor(keep.uid), ws.get_actor(drop.uid)
    events = _events_with(ws, EventFilter(actors=(keep.uid, drop.uid)))
    members = [a for a in ws.actors() if a.member_of == drop.uid]
    left: dict[str, Event] = {}

    def apply(ws: Workspace) -> ChangeSet:
        ws.merge_actors(keep.uid, drop.uid)
        _left(ws, events, left)
        return (ChangeSet.of("actors", changed=[keep, *members], removed=[drop])
                | ChangeSet.of("events", changed=events))

    def revert(ws: Workspace) -> ChangeSet:
        ws.update_actor(keep)  # gives drop's names back first
        ws.add_actor(drop)
        return (ChangeSet.of("actors", changed=[keep], added=[drop]) | _restore_events(ws, events, left)
                | _restore_actors(ws, members))

    return Edit(f"Merge actor {drop.name} into {keep.name}", apply, revert)


# -- sources and documents ----------------------------------------------------------------
def add_source(source: Source) -> Edit:
    return _adding("sources", "source", source, source.name)


def edit_source(old: Source, new: Source, overwrite: bool = False) -> Edit:
    return _editing("sources", "source", old, new, new.name, overwrite)


def delete_source(ws: Workspace, source: Source) -> Edit:
    """Delete a source, its documents and its citations; reverting restores all three."""
    source = ws.get_source(source.uid)
    events = _events_with(ws, EventFilter(sources=(source.uid,)))
    documents = [ws.get_document(d.uid) for d in ws.documents(source.uid)]
    left: dict[str, Event] = {}

    def apply(ws: Workspace) -> ChangeSet:
        ws.delete_source(source.uid)
        _left(ws, events, left)
        return (ChangeSet.of("sources", removed=[source]) | ChangeSet.of("documents", removed=documents)
                | ChangeSet.of("events", changed=events))

    def revert(ws: Workspace) -> ChangeSet:
        ws.add_source(source)
        for document in documents:
            ws.add_document(document)
        return (ChangeSet.of("sources", added=[source]) | ChangeSet.of("documents", added=documents)
                | _restore_events(ws, events, left))

    return Edit(f"Delete source {quoted(source.name)}", apply, revert)


def merge_sources(ws: Workspace, keep: Source, drop: Source) -> Edit:
    """Move `drop`'s documents and citations to `keep`, then delete `drop`; reverting puts all back."""
    drop = ws.get_source(drop.uid)
    events = _events_with(ws, EventFilter(sources=(drop.uid,)))
    documents = [ws.get_document(d.uid) for d in ws.documents(drop.uid)]
    left: dict[str, Event] = {}

    def apply(ws: Workspace) -> ChangeSet:
        for document in documents:
            ws.update_document(replace(document, source_uid=keep.uid))
        for event in events:
            citations = tuple(replace(c, source_uid=keep.uid) if c.source_uid == drop.uid else c
                              for c in event.citations)
            ws.update_event(replace(event, citations=citations), touch=False, expect=event)
        ws.delete_source(drop.uid)
        _left(ws, events, left)
        return (ChangeSet.of("sources", removed=[drop], changed=[keep]) | ChangeSet.of("documents", changed=documents)
                | ChangeSet.of("events", changed=events))

    def revert(ws: Workspace) -> ChangeSet:
        ws.add_source(drop)
        for document in documents:
            ws.update_document(document)
        return (ChangeSet.of("sources", added=[drop], changed=[keep]) | ChangeSet.of("documents", changed=documents)
                | _restore_events(ws, events, left))

    return Edit(f"Merge source {drop.name} into {keep.name}", apply, revert)


def add_document(document: Document) -> Edit:
    return _adding("documents", "document", document, document.title)


def edit_document(old: Document, new: Document) -> Edit:
    return _editing("documents", "document", old, new, new.title)


def delete_document(ws: Workspace, document: Document) -> Edit:
    document = ws.get_document(document.uid)
    citing = [e for e in _events_with(ws, EventFilter(sources=(document.source_uid,)))
              if any(c.document_uid == document.uid for c in e.citations)]
    left: dict[str, Event] = {}

    def apply(ws: Workspace) -> ChangeSet:
        ws.delete_document(document.uid)
        _left(ws, citing, left)
        return ChangeSet.of("documents", removed=[document]) | ChangeSet.of("events", changed=citing)

    def revert(ws: Workspace) -> ChangeSet:
        ws.add_document(document)
        return ChangeSet.of("documents", added=[document]) | _restore_events(ws, citing, left)

    return Edit(f"Delete document {quoted(document.title)}", apply, revert)


# -- periods ---------------------------------------------------------------------------
def add_period(period: Period) -> Edit:
    return _adding("periods", "period", period, period.name)


def edit_period(old: Period, new: Period) -> Edit:
    return _editing("periods", "period", old, new, new.name)


def delete_period(ws: Workspace, period: Period) -> Edit:
    period = ws.get_period(period.uid)

    def apply(ws: Workspace) -> ChangeSet:
        ws.delete_period(period.uid)
        return ChangeSet.of("periods", removed=[period])

    def revert(ws: Workspace) -> ChangeSet:
        ws.add_period(period)
        return ChangeSet.of("periods", added=[period])

    return Edit(f"Delete period {quoted(period.name)}", apply, revert)
