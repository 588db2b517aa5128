"""The store's one error type: what the user can act on (bad file, conflict, locked)."""

from __future__ import annotations

from ..core.errors import BrieferError


class WorkspaceError(BrieferError):
    """The workspace could not do what was asked; nothing was changed."""
