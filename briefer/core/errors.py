"""The one error type of the core layer; front doors show its message to the user."""

from __future__ import annotations


class BrieferError(Exception):
    """A problem the user caused and can fix; the message is written for them."""


class WhenError(BrieferError, ValueError):
    """A date text that is not a date Briefer understands."""


class ValidationError(BrieferError, ValueError):
    """A field of a record holds a value it cannot hold; the message names the field."""
