"""Is a proposed event already in the workspace?  Then the report corroborates it.

A proposal is compared with the workspace's events of the same period (its dates,
widened by a few days either side): the actors they share, the place, and the words
of their titles and summaries.  A likely match is offered as "add this report as a
citation to E…" instead of a new event; the review shows the two side by side.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Optional, Sequence

from rapidfuzz import fuzz

from ..core.filter import EventFilter
from ..core.model import Event
from ..core.when import When
from .proposals import EventMatch
from .text import fold

__all__ = ["find_match", "MATCH_SCORE", "WINDOW_DAYS"]

WINDOW_DAYS = 3  # reports date one event a day or two apart
MATCH_SCORE = 0.55
_MAX_CANDIDATES = 300
_STOP = {"the", "a", "an", "of", "in", "on", "at", "to", "and", "by", "for", "with", "from", "was", "were", "is",
         "are", "has", "have", "had", "its", "their", "his", "her", "said", "says", "after", "near", "into"}


def _words(text: str) -> set[str]:
    return {fold(w) for w in re.findall(r"[^\W\d_][\w'’\-]+", text or "") if fold(w) not in _STOP}


def _event_words(event: Event, cache: dict) -> set[str]:
    """The words of a workspace event's title and summary, read once per analysis."""
    key = ("words", event.uid)
    words = cache.get(key)
    if words is None:
        words = cache[key] = _words(event.title) | _words(event.summary)
    return words


def _window(when: When) -> Optional[tuple[When, When]]:
    if when.interval and (when.start is None or when.end is None):
        return None  # an open interval ("since 2014") matches too much to mean anything
    lo, hi = when.earliest.date(), when.latest.date()
    if (hi - lo).days > 62:
        return None  # a year or a season: too coarse to say two reports tell one event
    return When.day(lo - timedelta(days=WINDOW_DAYS)), When.day(hi + timedelta(days=WINDOW_DAYS))


def find_match(ws, when: Optional[When], title: str, quote: str, place: str, actor_uids: Sequence[str],
               cache: Optional[dict] = None) -> Optional[EventMatch]:
    """The workspace event this proposal most likely tells again, or None."""
    if when is None:
        return None
    window = _window(when)
    if window is None:
        return None
    key = (window[0].edtf, window[1].edtf)
    cache = {} if cache is None else cache
    candidates = cache.get(key)
    if candidates is None:
        # an event known only to a year, a season or "since 2014" overlaps every window but
        # cannot be told to be the same event as a dated report: the proposal's own rule
        found = ws.search_events(EventFilter(start=window[0], end=window[1]), limit=_MAX_CANDIDATES)
        candidates = cache[key] = [(event, _event_words(event, cache)) for event in found
                                   if _window(event.when) is not None]
    if not candidates:
        return None
    mine = _words(title) | _words(quote)
    actors = set(actor_uids)
    best: Optional[tuple[float, Event, str]] = None
    for event, theirs in candidates:
        shared_words = mine & theirs
        words = len(shared_words) / max(1, min(len(mine), len(theirs)))
        words = max(words, fuzz.token_set_ratio(title, event.title) / 100 * 0.8)
        shared_actors = actors & set(event.actor_uids)
        actor_score = len(shared_actors) / max(1, min(len(actors), len(event.actor_uids))) if actors else 0.0
        same_place = bool(place and event.place and (fold(place) in fold(event.place) or fold(event.place) in fold(place)))
        score = 0.5 * words + 0.35 * actor_score + (0.15 if same_place else 0.0)
        if not shared_actors and not same_place:
            score = min(score, 0.5 * words)  # words alone rarely make two reports one event
        if best is None or score > best[0]:
            reasons = []
            if shared_actors:
                reasons.append(f"{len(shared_actors)} actor{'s' if len(shared_actors) > 1 else ''} in common")
            if same_place:
                reasons.append(f"the same place ({event.place})")
            if shared_words:
                reasons.append("shared words: " + ", ".join(sorted(shared_words)[:5]))
            best = (score, event, "; ".join(reasons))
    if best is None or best[0] < MATCH_SCORE:
        return None
    score, event, why = best
    names = [ws.get_actor(p.actor_uid).name for p in event.participants] if hasattr(ws, "get_actor") else []
    return EventMatch(event.uid, event.title, event.when, event.place, names, round(score, 2),
                 f"dated {event.when.label}, {why}" if why else f"dated {event.when.label}")
