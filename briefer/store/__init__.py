"""The workspace file: schema, migrations and queries.  All SQL of Briefer lives here."""

from .errors import EditConflict, WorkspaceError
from .history import FieldChange, HistoryEntry
from .query import QueryError, fts_query
from .workspace import WORKSPACE_SUFFIX, Workspace

__all__ = ["Workspace", "WorkspaceError", "EditConflict", "HistoryEntry", "FieldChange", "QueryError", "fts_query", "WORKSPACE_SUFFIX"]
