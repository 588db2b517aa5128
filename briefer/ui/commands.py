"""Every edit the window makes, as an undoable command with a name a person reads.

The edits themselves are Qt-free (`briefer.edit`): each keeps a snapshot of what it will
change and, applied or reverted, reports a `ChangeSet`.  A command here wraps one edit
for the undo stack and hands its change set to the session, so that each view refreshes
only what the edit touched.  Each step is one store transaction, so the file on disk is
always the current state and a crash loses nothing.

`apply(session, command)` runs the edit first and only then puts it on the stack:
an edit the store refuses (a duplicate alias, say) raises `BrieferError` for the
caller to show, and never leaves a half-made entry in the undo history.  An undo or
redo the store refuses (another analyst changed the event since) changes nothing: the
session's `refused` signal carries the message the window shows, and the step leaves
the history (it could never be undone or redone again).
"""

from __future__ import annotations

from typing import Optional, Sequence

from PySide6.QtGui import QUndoCommand

from ..core.errors import BrieferError
from ..core.model import Actor, Document, Event, Source
from ..core.period import Period
from ..edit import ChangeSet, Edit
from ..edit import operations as ops
from ..store import EditConflict
from .session import Session


class StoreCommand(QUndoCommand):
    """An `Edit` on the undo stack."""

    def __init__(self, session: Session, edit: Edit) -> None:
        super().__init__(edit.text)
        self.session = session
        self.edit = edit
        self._first: Optional[ChangeSet] = None  # what `apply` already did, for the stack's first redo

    def run_first(self) -> None:
        self._first = self.edit.apply(self.session.ws)

    def redo(self) -> None:
        if self._first is not None:  # `apply` already ran it; the stack calls redo on push
            changes, self._first = self._first, None
        else:
            changes = self._step(self.edit.apply, "redone")
        if changes is not None:
            self.session.notify_changed(changes)

    def undo(self) -> None:
        changes = self._step(self.edit.revert, "undone")
        if changes is not None:
            self.session.notify_changed(changes)

    def _step(self, step, done: str) -> Optional[ChangeSet]:
        """Run one direction; if the store refuses it (nothing written), say why and drop the
        step from the history (QUndoStack removes an obsolete command)."""
        try:
            return step(self.session.ws)
        except BrieferError as error:
            self.setObsolete(True)
            self.session.refused.emit(_refusal(self.text(), done, error))
            return None


def _refusal(step: str, done: str, error: BrieferError) -> str:
    """What the user reads when an undo or redo was refused."""
    if isinstance(error, EditConflict):
        at = error.at[11:16] if len(error.at) >= 16 else error.at
        why = (f"{error.by or 'another analyst'} changed “{error.title}”" + (f" at {at} UTC" if at else "")
               + " since; their change is kept")
    else:
        why = str(error)
    return f"Not {done}: {step}.\n{why}.\nNothing was changed; this step leaves the undo history."


def apply(session: Session, command: StoreCommand) -> None:
    """Run `command` now; on success it lands on the undo stack.  Raises what the store raised."""
    command.run_first()
    session.push(command)


# -- events ---------------------------------------------------------------------------
def add_events(session: Session, events: Sequence[Event], text: Optional[str] = None) -> StoreCommand:
    return StoreCommand(session, ops.add_events(events, text))


def edit_event(session: Session, old: Event, new: Event) -> StoreCommand:
    """Refused (EditConflict) unless the event stored is still `old`, as the user last saw it (ops.edit_event)."""
    return StoreCommand(session, ops.edit_event(old, new))


def delete_events(session: Session, events: Sequence[Event], overwrite: bool = False) -> StoreCommand:
    return StoreCommand(session, ops.delete_events(events, overwrite))


def creating_actors(command: StoreCommand, actors: Sequence[Actor]) -> StoreCommand:
    """`command` that first creates `actors` (new ones its event names): one undo step."""
    return StoreCommand(command.session, ops.creating_actors(command.edit, actors)) if actors else command


# -- actors ---------------------------------------------------------------------------
def add_actor(session: Session, actor: Actor) -> StoreCommand:
    return StoreCommand(session, ops.add_actor(actor))


def edit_actor(session: Session, old: Actor, new: Actor) -> StoreCommand:
    return StoreCommand(session, ops.edit_actor(old, new))


def delete_actor(session: Session, actor: Actor) -> StoreCommand:
    """Delete an actor, unlinking it from its events; undo puts actor, links and members' affiliation back."""
    return StoreCommand(session, ops.delete_actor(session.ws, actor))


def merge_actors(session: Session, keep: Actor, drop: Actor) -> StoreCommand:
    """Fold `drop` into `keep`; undo brings `drop` back with its names, links and members."""
    return StoreCommand(session, ops.merge_actors(session.ws, keep, drop))


# -- sources and documents ----------------------------------------------------------------
def add_source(session: Session, source: Source) -> StoreCommand:
    return StoreCommand(session, ops.add_source(source))


def edit_source(session: Session, old: Source, new: Source) -> StoreCommand:
    return StoreCommand(session, ops.edit_source(old, new))


def delete_source(session: Session, source: Source) -> StoreCommand:
    """Delete a source, its documents and its citations; undo restores all three."""
    return StoreCommand(session, ops.delete_source(session.ws, source))


def merge_sources(session: Session, keep: Source, drop: Source) -> StoreCommand:
    """Move `drop`'s documents and citations to `keep`, then delete `drop`; undo puts all back."""
    return StoreCommand(session, ops.merge_sources(session.ws, keep, drop))


def add_document(session: Session, document: Document) -> StoreCommand:
    return StoreCommand(session, ops.add_document(document))


def edit_document(session: Session, old: Document, new: Document) -> StoreCommand:
    return StoreCommand(session, ops.edit_document(old, new))


def delete_document(session: Session, document: Document) -> StoreCommand:
    return StoreCommand(session, ops.delete_document(session.ws, document))


# -- periods ---------------------------------------------------------------------------
def add_period(session: Session, period: Period) -> StoreCommand:
    return StoreCommand(session, ops.add_period(period))


def edit_period(session: Session, old: Period, new: Period) -> StoreCommand:
    return StoreCommand(session, ops.edit_period(old, new))


def delete_period(session: Session, period: Period) -> StoreCommand:
    return StoreCommand(session, ops.delete_period(session.ws, period))
