"""The one error type of the core layer; front doors show its message to the user."""

from __future__ import annotations


class BrieferError(Exception):
    """A problem the user caused and can fix; the message is written for them."""


class WhenError(BrieferError, ValueError):
    """A date text that is not a date Briefer understands."""


class DateNotTaken(WhenError):
    """A date text Briefer understood but cannot take (30 Feb, a qualified time of day, a UTC
    offset out of range, "before" a season): its message is the answer to give, as it is."""


class ValidationError(BrieferError, ValueError):
    """A field of a record holds a value it cannot hold; the message names the field."""


def too_deep(where: object) -> str:
    """The message for a file nested deeper than Python can read (`[[[[…]]]]`, a MIME bomb)."""
    return f"{where}: nested too deeply to read (thousands of levels); not a file Briefer can take"
