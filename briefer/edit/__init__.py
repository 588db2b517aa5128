"""Edits of a workspace that report what they changed (no Qt): shared by undo and the CLI."""

from .changes import NOTHING, ChangeSet, Changes
from .operations import Edit

__all__ = ["NOTHING", "ChangeSet", "Changes", "Edit"]
