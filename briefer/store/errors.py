"""The store's one error type: what the user can act on (bad file, conflict, locked)."""

from __future__ import annotations

from ..core.errors import BrieferError


class WorkspaceError(BrieferError):
    """The workspace could not do what was asked; nothing was changed."""


class EditConflict(WorkspaceError):
    """A record was changed by someone else since this session read it; nothing was
    written.  The caller offers to reload, overwrite (`overwrite=True`) or merge fields."""

    def __init__(self, kind: str, uid: str, title: str, by: str, at: str, deleting: bool = False) -> None:
        when = at[11:16] if len(at) >= 16 else at
        super().__init__(f"'{title}' was changed by {by or 'another analyst'} at {when} UTC since you opened it "
                         + ("— reload, or delete it anyway" if deleting else "— reload, overwrite, or merge fields"))
        self.kind, self.uid, self.title, self.by, self.at = kind, uid, title, by, at
        self.deleting = deleting
