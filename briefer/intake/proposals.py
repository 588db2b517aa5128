"""What the assistant proposes, each with the text that supports it.

Proposals are plain mutable records: the review view edits them in place (a title, a
date, a role) before the analyst accepts them; nothing here touches the workspace.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Optional

from ..core.model import Role
from ..core.when import When, WhenError

__all__ = ["NOT_PROPOSED", "EventMatch", "DocumentProposal", "DateProposal", "ActorProposal", "SourceProposal", "CitationProposal",
           "ParticipantProposal", "EventProposal", "Analysis", "undated_when", "proposal_date_text"]

Span = tuple[int, int]


@dataclass
class DocumentProposal:
    title: str
    outlet: str  # the source's name as it will be stored
    outlet_known: bool
    outlet_uid: Optional[str]
    published: Optional[When]
    author: str = ""
    url: str = ""
    text: str = ""
    content_hash: str = ""
    existing_uid: Optional[str] = None  # the same text is already stored
    notes: list[str] = field(default_factory=list)


@dataclass
class DateProposal:
    id: str
    text: str
    span: Span
    when: When
    rule: str
    forward: bool = False


@dataclass
class ActorProposal:
    id: str
    name: str
    kind: str  # ActorKind value
    known: bool
    uid: Optional[str]  # the known actor's uid
    aliases_seen: list[str]
    spans: list[Span]
    title: str = ""


@dataclass
class SourceProposal:
    id: str
    name: str
    kind: str  # SourceKind value
    known: bool
    uid: Optional[str]
    spans: list[Span]
    why: str = ""


@dataclass
class CitationProposal:
    id: str
    speaker: str
    speaker_actor: Optional[str]  # ActorProposal id
    source: str  # source name ("" = the report itself)
    source_id: Optional[str]  # SourceProposal id
    quote: str
    span: Span
    rule: str
    channel: str = ""  # how it was said: "AFP" (told AFP), "Telegram" (in a statement on Telegram)


@dataclass
class ParticipantProposal:
    actor: str  # ActorProposal id
    role: Role


# Statuses offered as expectations (or denials), not proposed as events by default.
NOT_PROPOSED = ("expected", "conditional", "denied")


@dataclass
class EventMatch:
    """A workspace event the proposal likely tells again."""
    uid: str
    title: str
    when: When
    place: str
    actors: list[str]
    score: float
    why: str


@dataclass
class EventProposal:
    id: str
    title: str
    when: Optional[When]
    when_rule: str
    place: str
    participants: list[ParticipantProposal]
    quote: str
    span: Span
    source: str  # name of the source the claim comes through
    source_id: Optional[str]  # SourceProposal id, None = the document's outlet
    citations: list[str] = field(default_factory=list)  # CitationProposal ids
    date_id: Optional[str] = None
    summary: str = ""
    # how the report puts it: reported, claimed (by claimed_by), expected, conditional, denied
    status: str = "reported"
    status_why: str = ""
    claimed_by: str = ""
    # a workspace event this one likely tells again: offered as a citation to it (corroboration)
    match: Optional[EventMatch] = None
    corroborate: bool = False  # the analyst's choice: land as a citation to `match` instead of a new event
    by_hand: bool = False  # added by the analyst from words of the report the assistant did not propose

    @property
    def expectation(self) -> bool:
        """Offered apart, not proposed by default: what is expected, conditional or denied."""
        return self.status in NOT_PROPOSED


@dataclass
class Analysis:
    document: DocumentProposal
    dates: list[DateProposal]
    actors: list[ActorProposal]
    sources: list[SourceProposal]
    citations: list[CitationProposal]
    events: list[EventProposal]  # reported and claimed: proposed as events
    published_day: Optional[date] = None
    expectations: list[EventProposal] = field(default_factory=list)  # expected, conditional, denied

    @property
    def all_events(self) -> list[EventProposal]:
        return self.events + self.expectations

    def actor(self, pid: str) -> ActorProposal:
        return next(a for a in self.actors if a.id == pid)

    def source(self, pid: str) -> SourceProposal:
        return next(s for s in self.sources if s.id == pid)

    def citation(self, pid: str) -> CitationProposal:
        return next(c for c in self.citations if c.id == pid)

    def to_json(self) -> dict[str, Any]:
        """The shape `briefer-cli intake --json` prints."""
        actors = {a.id: a for a in self.actors}
        doc = self.document
        return {
            "document": {
                "title": doc.title, "outlet": doc.outlet, "outlet_known": doc.outlet_known,
                "published": doc.published.edtf if doc.published else None, "author": doc.author, "url": doc.url,
                "content_hash": doc.content_hash, "already_stored": doc.existing_uid is not None,
                "notes": list(doc.notes),
            },
            "actors": [{"id": a.id, "name": a.name, "kind": a.kind, "known": a.known, "aliases_seen": a.aliases_seen,
                        "title": a.title, "spans": [list(s) for s in a.spans]} for a in self.actors],
            "sources": [{"id": s.id, "name": s.name, "kind": s.kind, "known": s.known,
                         "spans": [list(x) for x in s.spans]} for s in self.sources],
            "dates": [{"id": d.id, "text": d.text, "when": d.when.edtf, "label": d.when.label, "rule": d.rule,
                       "span": list(d.span)} for d in self.dates],
            "events": [_event_json(e, actors, doc.published) for e in self.events],
            "expectations": [_event_json(e, actors, doc.published) for e in self.expectations],
            "citations": [{"id": c.id, "speaker": c.speaker, "source": c.source, "channel": c.channel,
                           "quote": c.quote, "span": list(c.span), "rule": c.rule} for c in self.citations],
        }


def _event_json(e: EventProposal, actors: dict[str, ActorProposal], published: Optional[When]) -> dict[str, Any]:
    lands = e.when if e.when is not None else undated_when(published)
    return {"id": e.id, "title": e.title, "when": e.when.edtf if e.when else None, "when_rule": e.when_rule,
            "lands_as": lands.edtf if lands else None, "when_text": proposal_date_text(e, published),
            "status": e.status, "status_why": e.status_why, "claimed_by": e.claimed_by,
            "actors": [{"name": actors[p.actor].name, "role": p.role.value} for p in e.participants],
            "place": e.place, "quote": e.quote, "source": e.source, "span": list(e.span),
            "citations": list(e.citations),
            "likely_duplicate_of": ({"event": e.match.uid, "title": e.match.title, "when": e.match.when.edtf,
                                     "score": e.match.score, "why": e.match.why} if e.match else None)}


def undated_when(published: Optional[When]) -> Optional[When]:
    """Where an event the report gives no date for lands: on or before the publication
    day (or month, when only the month is known); None without a publication date."""
    if published is None or published.interval:
        return None
    try:
        return When.before(published)
    except WhenError:
        return None


def proposal_date_text(proposal: EventProposal, published: Optional[When],
                       write: Callable[[When], str] = lambda when: when.label) -> str:
    """How the review and the command line show a proposal's date: its own, or for one the
    report gives no date, where it will land, said first so that a narrow column still shows it
    ("on or before 21 May 2013 (no date in the report)").  `write` writes a date (the window
    passes the analyst's order)."""
    if proposal.when is not None:
        return write(proposal.when)
    lands = undated_when(published)
    if lands is not None:
        return f"{write(lands)} (no date in the {'selection' if proposal.by_hand else 'report'})"
    return "no date in the report and no publication date — set one to accept it"
