"""How a report puts an event: as fact (reported), as someone's claim, as something
expected, as a condition or possibility, or as denied.

Stored as one tag on the event ("status:expected"), so every backend, export and
merge carries it without a column of its own; an event with no such tag is reported.
The timeline and the brief show the statuses that are not plain facts before the
title ("expected · Talks resume in Geneva").
"""

from __future__ import annotations

from typing import Iterable, Optional

__all__ = ["STATUSES", "HAPPENED", "TAG_PREFIX", "status_tag", "event_status", "status_label"]

STATUSES = ("reported", "claimed", "expected", "conditional", "denied")
# told as having happened: as fact, or as a party's claim (proposed as events, not expectations)
HAPPENED = ("reported", "claimed")
TAG_PREFIX = "status:"
# shown before an event's title: what did not (yet) happen as a fact
_SHOWN = {"expected": "expected", "conditional": "conditional", "denied": "denied"}


def status_tag(status: str) -> Optional[str]:
    """The tag that stores a status (none for "reported", the default)."""
    if status not in STATUSES:
        raise ValueError(f"unknown event status {status!r}")
    return None if status == "reported" else TAG_PREFIX + status


def event_status(tags: Iterable[str]) -> str:
    for tag in tags:
        if tag.startswith(TAG_PREFIX) and tag[len(TAG_PREFIX):] in STATUSES:
            return tag[len(TAG_PREFIX):]
    return "reported"


def status_label(tags: Iterable[str], title: str) -> str:
    """The title as the timeline and the brief show it: "expected · <title>"."""
    shown = _SHOWN.get(event_status(tags))
    return f"{shown} · {title}" if shown else title
