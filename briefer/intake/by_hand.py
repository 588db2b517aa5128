"""A happening the assistant missed, added by the analyst from words of the report.

The analyst selects the words that tell it in the review; `event_from_text` turns them into a
proposal like the assistant's own, so that it is reviewed, checked against the workspace and
landed the same way (with its quote and the stored document as provenance).
"""

from __future__ import annotations

import unicodedata

from ..core.errors import BrieferError
from ..core.model import Role
from .duplicates import find_match
from .proposals import Analysis, EventProposal, ParticipantProposal

__all__ = ["event_from_text"]

_MAX_TITLE = 90  # characters of the selected words a new event's title starts with
_MAX_SELECTED = 5000  # characters: the words of one happening, not a whole report


def _in_word(c: str) -> bool:
    """A letter, digit, vowel mark or joining sign: a selection does not stop inside a word."""
    return c.isalnum() or unicodedata.category(c).startswith("M") or c in "'’-\u200c\u200d"


def selected_words(text: str, start: int, end: int) -> tuple[int, int]:
    """The selection without the blanks around it, widened to whole words (a mouse drag
    selects by character: "orthern Shield" is "Northern Shield")."""
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        while start > 0 and _in_word(text[start - 1]) and _in_word(text[start]):
            start -= 1
        while end < len(text) and _in_word(text[end]) and _in_word(text[end - 1]):
            end += 1
    return start, end


def _bare(words: str) -> str:
    """Words without the blanks and punctuation around them: the same words, selected twice."""
    return " ".join(words.split()).strip(" .,;:!?\"'“”‘’")


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def event_from_text(ws, analysis: Analysis, start: int, end: int) -> EventProposal:
    """A new proposal quoting the words between `start` and `end` (offsets in the document's
    text, widened to whole words): dated by the first date the assistant found in them, else by
    the date of an assistant proposal whose words hold them, else undated (landing "on or
    before" publication unless the analyst types a date); the actors
    named in them as mentioned; a statement that holds them (half of the words or more) as its
    citation, its speaker claiming it; the status of an assistant proposal it overlaps that is
    not plainly reported (a denial stays a denial); the workspace event it likely tells again.
    Added to the analysis's events (or expectations) and returned."""
    text = analysis.document.text
    start, end = selected_words(text, start, end)
    if start >= end:
        raise BrieferError("select the words of the report that tell the happening, then add it")
    if end - start > _MAX_SELECTED:
        raise BrieferError(f"the selection is {end - start:,} characters long: select the words of one happening "
                           f"(at most {_MAX_SELECTED:,})")
    span = (start, end)
    words = _bare(text[start:end])
    same = next((e for e in analysis.all_events if _bare(text[e.span[0]:e.span[1]]) == words), None)
    if same is not None:
        raise BrieferError(f"these words are already proposed as '{same.title}': tick it in the list")
    quote = " ".join(text[start:end].split())
    title = quote if len(quote) <= _MAX_TITLE else quote[:_MAX_TITLE].rsplit(" ", 1)[0] + " …"
    dates = sorted((d for d in analysis.dates if _overlap(d.span, span)), key=lambda d: d.span[0])
    date = dates[0] if dates else None
    # words with no date of their own, inside words the assistant dated: that date (the analyst sees why)
    holder = None if date else next((e for e in analysis.all_events if e.when is not None
                                     and e.span[0] <= start and end <= e.span[1]), None)
    if date is not None:
        when, rule = date.when, f"the date in the selected words ({date.text})"
    elif holder is not None:
        when, rule = holder.when, f"the date of the proposal whose words hold them ({holder.when_rule})"
    else:
        when, rule = None, "no date in the selected words"
    named = [a for a in analysis.actors if any(start <= s[0] and s[1] <= end for s in a.spans)]
    said = [c for c in analysis.citations if 2 * _overlap(c.span, span) >= min(end - start, c.span[1] - c.span[0])]
    statement = said[0] if len(said) == 1 else None  # one statement: the happening comes through its source
    outlet = analysis.document.outlet
    status, why, claimed_by = "reported", "added by the analyst from the selected words", ""
    told = next((e for e in analysis.all_events if _overlap(e.span, span) and e.status != "reported"), None)
    if told is not None:
        status, why, claimed_by = told.status, f"{told.status_why}; added by the analyst", told.claimed_by
    elif statement is not None and statement.speaker and statement.speaker.casefold() != outlet.casefold():
        status, why, claimed_by = "claimed", f"said by {statement.speaker}; added by the analyst", statement.speaker
    taken = {e.id for e in analysis.all_events}
    number = len(taken) + 1
    while f"event-{number}" in taken:
        number += 1
    proposal = EventProposal(
        f"event-{number}", title, when, rule,
        "", [ParticipantProposal(a.id, Role.MENTIONED) for a in named], quote, span,
        statement.source if statement else outlet, statement.source_id if statement else None,
        [c.id for c in said], date.id if date else None, status=status, status_why=why, claimed_by=claimed_by,
        by_hand=True)
    proposal.match = find_match(ws, proposal.when or analysis.document.published, title, quote, "",
                                [a.uid for a in named if a.uid], {})
    proposal.corroborate = proposal.match is not None
    (analysis.expectations if proposal.expectation else analysis.events).append(proposal)
    return proposal
