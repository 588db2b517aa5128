"""The workspace file: schema, migrations and queries.  All SQL of Briefer lives here."""

from .errors import EditConflict, WorkspaceError
from .query import QueryError, fts_query
from .workspace import WORKSPACE_SUFFIX, Workspace

__all__ = ["Workspace", "WorkspaceError", "EditConflict", "QueryError", "fts_query", "WORKSPACE_SUFFIX"]
