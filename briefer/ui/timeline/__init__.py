"""The timeline: events over time in swimlanes, smooth at a million events."""

from .view import TimelineView

__all__ = ["TimelineView"]
