"""Every edit the window makes, as an undoable command with a name a person reads.

Commands are snapshots: before an edit they keep the records it will change (the
events that cite a source about to be deleted, the actor a merge will remove), so
undo writes those records back whole.  Each step is one store transaction, so the
file on disk is always the current state and a crash loses nothing.

`apply(session, command)` runs the edit first and only then puts it on the stack:
an edit the store refuses (a duplicate alias, say) raises `BrieferError` for the
caller to show, and never leaves a half-made entry in the undo history.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterable, Optional, Sequence

from PySide6.QtGui import QUndoCommand

from ..core.filter import EventFilter
from ..core.model import Actor, Document, Event, Source
from ..store import Workspace
from .session import Session

Step = Callable[[Workspace], None]


class StoreCommand(QUndoCommand):
    """An edit as two steps over the workspace; both run in one transaction."""

    def __init__(self, session: Session, text: str, redo_step: Step, undo_step: Step) -> None:
        super().__init__(text)
        self.session = session
        self._redo_step = redo_step
        self._undo_step = undo_step
        self._done_once = False

    def run_first(self) -> None:
        ws = self.session.ws
        with ws.transaction():
            self._redo_step(ws)
        self._done_once = True

    def redo(self) -> None:
        if self._done_once:  # `apply` already ran it; the stack calls redo on push
            self._done_once = False
        else:
            with self.session.ws.transaction():
                self._redo_step(self.session.ws)
        self.session.notify_changed()

    def undo(self) -> None:
        with self.session.ws.transaction():
            self._undo_step(self.session.ws)
        self.session.notify_changed()


def apply(session: Session, command: StoreCommand) -> None:
    """Run `command` now; on success it lands on the undo stack.  Raises what the store raised."""
    command.run_first()
    session.push(command)


def _events_with(ws: Workspace, f: EventFilter) -> list[Event]:
    return ws.events_by_uids(ws.event_uids(f))


def _restore_events(ws: Workspace, events: Iterable[Event]) -> None:
    for event in events:
        ws.update_event(event, touch=False)


def _quoted(text: str, limit: int = 40) -> str:
    return f"“{text if len(text) <= limit else text[:limit - 1] + '…'}”"


# -- events ---------------------------------------------------------------------------
def add_events(session: Session, events: Sequence[Event], text: Optional[str] = None) -> StoreCommand:
    events = list(events)
    uids = [e.uid for e in events]

    def redo(ws: Workspace) -> None:
        ws.add_events(events)

    def undo(ws: Workspace) -> None:
        for uid in uids:
            ws.delete_event(uid)

    name = text or (f"Add event {_quoted(events[0].title)}" if len(events) == 1 else f"Add {len(events)} events")
    return StoreCommand(session, name, redo, undo)


def edit_event(session: Session, old: Event, new: Event) -> StoreCommand:
    saved: list[Event] = []

    def redo(ws: Workspace) -> None:
        if saved:
            ws.update_event(saved[0], touch=False)
        else:
            saved.append(ws.update_event(new))

    def undo(ws: Workspace) -> None:
        ws.update_event(old, touch=False)

    return StoreCommand(session, f"Edit event {_quoted(new.title)}", redo, undo)


def delete_events(session: Session, events: Sequence[Event]) -> StoreCommand:
    events = list(events)

    def redo(ws: Workspace) -> None:
        for event in events:
            ws.delete_event(event.uid)

    def undo(ws: Workspace) -> None:
        ws.add_events(events)

    name = f"Delete event {_quoted(events[0].title)}" if len(events) == 1 else f"Delete {len(events)} events"
    return StoreCommand(session, name, redo, undo)


def creating_actors(command: StoreCommand, actors: Sequence[Actor]) -> StoreCommand:
    """`command` that first creates `actors` (new ones its event names): one undo step."""
    if not actors:
        return command
    actors = list(actors)
    redo_step, undo_step = command._redo_step, command._undo_step

    def redo(ws: Workspace) -> None:
        for actor in actors:
            ws.add_actor(actor)
        redo_step(ws)

    def undo(ws: Workspace) -> None:
        undo_step(ws)
        for actor in actors:
            ws.delete_actor(actor.uid)

    names = ", ".join(a.name for a in actors)
    return StoreCommand(command.session, f"{command.text()} (new actor {names})", redo, undo)


# -- actors ---------------------------------------------------------------------------
def add_actor(session: Session, actor: Actor) -> StoreCommand:
    return StoreCommand(session, f"Add actor {_quoted(actor.name)}",
                        lambda ws: ws.add_actor(actor), lambda ws: ws.delete_actor(actor.uid))


def edit_actor(session: Session, old: Actor, new: Actor) -> StoreCommand:
    return StoreCommand(session, f"Edit actor {_quoted(new.name)}",
                        lambda ws: ws.update_actor(new), lambda ws: ws.update_actor(old))


def delete_actor(session: Session, actor: Actor) -> StoreCommand:
    """Delete an actor, unlinking it from its events; undo puts actor and links back."""
    ws = session.ws
    events = _events_with(ws, EventFilter(actors=(actor.uid,)))
    members = [a for a in ws.actors() if a.member_of == actor.uid]

    def redo(ws: Workspace) -> None:
        ws.delete_actor(actor.uid)

    def undo(ws: Workspace) -> None:
        ws.add_actor(actor)
        _restore_events(ws, events)
        for member in members:
            ws.update_actor(member)

    return StoreCommand(session, f"Delete actor {_quoted(actor.name)}", redo, undo)


def merge_actors(session: Session, keep: Actor, drop: Actor) -> StoreCommand:
    """Fold `drop` into `keep`; undo brings `drop` back with its names, links and members."""
    ws = session.ws
    events = _events_with(ws, EventFilter(actors=(keep.uid, drop.uid)))
    members = [a for a in ws.actors() if a.member_of == drop.uid]

    def redo(ws: Workspace) -> None:
        ws.merge_actors(keep.uid, drop.uid)

    def undo(ws: Workspace) -> None:
        ws.update_actor(keep)  # gives drop's names back first
        ws.add_actor(drop)
        _restore_events(ws, events)
        for member in members:
            ws.update_actor(member)

    return StoreCommand(session, f"Merge actor {drop.name} into {keep.name}", redo, undo)


# -- sources and documents ----------------------------------------------------------------
def add_source(session: Session, source: Source) -> StoreCommand:
    return StoreCommand(session, f"Add source {_quoted(source.name)}",
                        lambda ws: ws.add_source(source), lambda ws: ws.delete_source(source.uid))


def edit_source(session: Session, old: Source, new: Source) -> StoreCommand:
    return StoreCommand(session, f"Edit source {_quoted(new.name)}",
                        lambda ws: ws.update_source(new), lambda ws: ws.update_source(old))


def delete_source(session: Session, source: Source) -> StoreCommand:
    """Delete a source, its documents and its citations; undo restores all three."""
    ws = session.ws
    events = _events_with(ws, EventFilter(sources=(source.uid,)))
    documents = [ws.get_document(d.uid) for d in ws.documents(source.uid)]

    def redo(ws: Workspace) -> None:
        ws.delete_source(source.uid)

    def undo(ws: Workspace) -> None:
        ws.add_source(source)
        for document in documents:
            ws.add_document(document)
        _restore_events(ws, events)

    return StoreCommand(session, f"Delete source {_quoted(source.name)}", redo, undo)


def merge_sources(session: Session, keep: Source, drop: Source) -> StoreCommand:
    """Move `drop`'s documents and citations to `keep`, then delete `drop`; undo puts all back."""
    ws = session.ws
    events = _events_with(ws, EventFilter(sources=(drop.uid,)))
    documents = [ws.get_document(d.uid) for d in ws.documents(drop.uid)]

    def redo(ws: Workspace) -> None:
        for document in documents:
            ws.update_document(replace(document, source_uid=keep.uid))
        for event in events:
            citations = tuple(replace(c, source_uid=keep.uid) if c.source_uid == drop.uid else c
                              for c in event.citations)
            ws.update_event(replace(event, citations=citations), touch=False)
        ws.delete_source(drop.uid)

    def undo(ws: Workspace) -> None:
        ws.add_source(drop)
        for document in documents:
            ws.update_document(document)
        _restore_events(ws, events)

    return StoreCommand(session, f"Merge source {drop.name} into {keep.name}", redo, undo)


def add_document(session: Session, document: Document) -> StoreCommand:
    return StoreCommand(session, f"Add document {_quoted(document.title)}",
                        lambda ws: ws.add_document(document), lambda ws: ws.delete_document(document.uid))


def edit_document(session: Session, old: Document, new: Document) -> StoreCommand:
    return StoreCommand(session, f"Edit document {_quoted(new.title)}",
                        lambda ws: ws.update_document(new), lambda ws: ws.update_document(old))


def delete_document(session: Session, document: Document) -> StoreCommand:
    ws = session.ws
    citing = [e for e in _events_with(ws, EventFilter(sources=(document.source_uid,)))
              if any(c.document_uid == document.uid for c in e.citations)]
    document = ws.get_document(document.uid)

    def redo(ws: Workspace) -> None:
        ws.delete_document(document.uid)

    def undo(ws: Workspace) -> None:
        ws.add_document(document)
        _restore_events(ws, citing)

    return StoreCommand(session, f"Delete document {_quoted(document.title)}", redo, undo)

