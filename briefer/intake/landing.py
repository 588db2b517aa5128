"""Landing what the analyst accepted: one transaction, with provenance.

Accepted events enter with a citation of the stored document (and, when a statement
came through another source, a citation of that source with the quote); the actors
and sources they need are created on the way.  Everything happens in one
transaction, so a failure leaves the workspace exactly as it was; the document is
stored once per text (by its content hash).

An event the report gives no date for (`when` None) lands as "on or before the
publication day", and its note says so; with no publication date it does not land
until the analyst gives it a date.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Mapping, Optional, Sequence

from ..core.errors import BrieferError
from ..core.model import (Actor, ActorKind, Citation, Document, Event, Participant, Role, Source, SourceKind,
                          normalize_name)
from ..core.status import status_tag
from .proposals import ActorProposal, Analysis, EventProposal, ParticipantProposal, undated_when

__all__ = ["accept", "accept_all_choices", "merge_events", "merge_actor_proposals", "Landed", "DEFAULT_CREDIBILITY"]

DEFAULT_CREDIBILITY = 6  # "truth cannot be judged" until the analyst grades it


@dataclass
class Landed:
    document_uid: Optional[str] = None
    document_added: bool = False
    events: list[str] = field(default_factory=list)  # uids
    actors: list[str] = field(default_factory=list)  # uids of actors created
    sources: list[str] = field(default_factory=list)  # uids of sources created
    skipped: list[str] = field(default_factory=list)  # why a proposal did not land
    corroborated: list[str] = field(default_factory=list)  # uids of workspace events this report was cited for
    undated: list[str] = field(default_factory=list)  # uids of events landed as "on or before publication"
    notes: list[str] = field(default_factory=list)  # what the analyst should know about what landed

    @property
    def changed(self) -> bool:
        return bool(self.events or self.actors or self.sources or self.document_added or self.corroborated)


def accept_all_choices(analysis: Analysis) -> dict[str, bool]:
    """Every proposed event, actor, source and citation accepted (what `--accept-all`
    does); expectations (expected, conditional, denied) only when chosen one by one."""
    choices = {e.id: True for e in analysis.events}
    choices.update({a.id: True for a in analysis.actors})
    choices.update({s.id: True for s in analysis.sources})
    choices.update({c.id: True for c in analysis.citations})
    return choices


def merge_events(analysis: Analysis, ids: Sequence[str]) -> EventProposal:
    """Fold several proposals into the first: one happening reported in several sentences."""
    chosen = [e for e in analysis.all_events if e.id in ids]
    if len(chosen) < 2:
        raise BrieferError("select at least two events to merge")
    keep = chosen[0]
    for other in chosen[1:]:
        seen = {p.actor for p in keep.participants}
        keep.participants.extend(ParticipantProposal(p.actor, p.role) for p in other.participants if p.actor not in seen)
        keep.quote = f"{keep.quote} … {other.quote}"
        keep.span = (min(keep.span[0], other.span[0]), max(keep.span[1], other.span[1]))
        keep.citations.extend(c for c in other.citations if c not in keep.citations)
        keep.place = keep.place or other.place
        if keep.when is None:
            keep.when, keep.when_rule = other.when, other.when_rule
        (analysis.events if other in analysis.events else analysis.expectations).remove(other)
    return keep


def merge_actor_proposals(analysis: Analysis, ids: Sequence[str]) -> ActorProposal:
    """Two proposals that are one actor ("the Observatory" and "SOHR"): the first keeps
    the other's names and mentions, and takes its place in events and statements."""
    chosen = [a for a in analysis.actors if a.id in ids]
    if len(chosen) < 2:
        raise BrieferError("select at least two actors to merge")
    known = [a for a in chosen if a.known]
    if len({a.uid for a in known}) > 1:
        raise BrieferError("two actors the workspace already knows cannot be merged here; use the actor panel")
    keep = known[0] if known else chosen[0]
    for other in chosen:
        if other is keep:
            continue
        keep.aliases_seen.extend(n for n in other.aliases_seen if n not in keep.aliases_seen)
        if other.name not in keep.aliases_seen:
            keep.aliases_seen.append(other.name)
        keep.spans.extend(other.spans)
        for event in analysis.all_events:
            roles = {p.actor: p for p in event.participants}
            if other.id in roles:
                if keep.id in roles:
                    event.participants.remove(roles[other.id])
                else:
                    roles[other.id].actor = keep.id
        for citation in analysis.citations:
            if citation.speaker_actor == other.id:
                citation.speaker_actor = keep.id
                citation.speaker = keep.name
        analysis.actors.remove(other)
    keep.spans.sort()
    return keep


def accept(ws, analysis: Analysis, choices: Mapping[str, bool]) -> Landed:
    """Land the proposals whose id maps to True in `choices`; nothing else.

    New actors and sources needed by accepted events are created unless the analyst
    rejected them (then the event lands without that actor / that citation).
    """
    landed = Landed()
    events = [e for e in analysis.all_events if choices.get(e.id) is True]
    extra_actors = [a for a in analysis.actors if choices.get(a.id) is True]
    if not events and not extra_actors and choices.get("document") is not True:
        return landed
    doc = analysis.document
    if not doc.title.strip():
        raise BrieferError("the document has no headline: give it one before accepting")
    with ws.transaction():
        outlet = _outlet(ws, analysis, landed)
        stored = ws.find_document_by_hash(doc.content_hash) if doc.content_hash else None
        document = stored or ws.add_document(Document(outlet.uid, doc.title.strip(), doc.text, doc.published,
                                                      doc.author, doc.url, doc.content_hash))
        landed.document_uid = document.uid
        landed.document_added = stored is None
        already = {(title, ) for _uid, title, _cred, _quote in ws.document_citations(document.uid)}
        actor_uids: dict[str, str] = {}

        def actor_uid(pid: str) -> Optional[str]:
            if pid in actor_uids:
                return actor_uids[pid]
            proposal = analysis.actor(pid)
            if choices.get(pid) is False:
                return None
            if proposal.uid:
                actor_uids[pid] = proposal.uid
                return proposal.uid
            existing = ws.find_actor(proposal.name)
            if existing is None:
                aliases = tuple(a for a in proposal.aliases_seen
                                if normalize_name(a) != normalize_name(proposal.name) and ws.find_actor(a) is None)
                kind = ActorKind.parse(proposal.kind, "actor kind") if proposal.kind in {k.value for k in ActorKind} \
                    else ActorKind.OTHER
                description = f"{proposal.title} (from the report '{doc.title}')" if proposal.title else ""
                existing = ws.add_actor(Actor(proposal.name.strip(), kind, description, aliases))
                landed.actors.append(existing.uid)
            actor_uids[pid] = existing.uid
            return existing.uid

        source_uids: dict[str, Optional[str]] = {}

        def source_uid(pid: Optional[str]) -> Optional[str]:
            if pid is None:
                return None
            if pid in source_uids:
                return source_uids[pid]
            proposal = analysis.source(pid)
            uid: Optional[str] = None
            if choices.get(pid) is not False:
                if proposal.uid:
                    uid = proposal.uid
                else:
                    found = ws.find_source(proposal.name)
                    if found is None:
                        kind = SourceKind(proposal.kind) if proposal.kind in {k.value for k in SourceKind} \
                            else SourceKind.OTHER
                        found = ws.add_source(Source(proposal.name.strip(), kind, "F",
                                                     notes=f"First seen in '{doc.title}'"))
                        landed.sources.append(found.uid)
                    uid = found.uid
            source_uids[pid] = uid
            return uid

        for pid in (a.id for a in extra_actors):
            actor_uid(pid)
        new_events: list[Event] = []
        undated: list[int] = []  # indexes in new_events
        for proposal in events:
            when, when_note = proposal.when, proposal.when_rule
            if when is None:
                when = undated_when(doc.published)
                if when is None:
                    landed.skipped.append(f"'{proposal.title}': no date in the report and no publication date; "
                                          "give it one to accept it")
                    continue
                when_note = (f"no date in the selected words, so it is on or before the publication day "
                             f"({doc.published.label})" if proposal.by_hand else
                             f"{proposal.when_rule}; the report gives no date, so it is on or before "
                             f"the publication day ({doc.published.label})")
            if not proposal.title.strip():
                landed.skipped.append(f"{proposal.id}: no title")
                continue
            if (proposal.title.strip(),) in already:
                landed.skipped.append(f"'{proposal.title}': already taken from this document")
                continue
            if proposal.corroborate and proposal.match is not None:
                _corroborate(ws, analysis, proposal, outlet, document, choices, source_uid, landed)
                continue
            participants: list[Participant] = []
            for p in proposal.participants:
                uid = actor_uid(p.actor)
                if uid is not None and uid not in (x.actor_uid for x in participants):
                    participants.append(Participant(uid, p.role if isinstance(p.role, Role) else Role(p.role)))
            citations = _report_citations(analysis, proposal, outlet, document, choices, source_uid)
            if proposal.source_id and proposal.source_id not in {analysis.citation(c).source_id for c in proposal.citations}:
                uid = source_uid(proposal.source_id)
                if uid is not None and uid != outlet.uid:
                    citations.append(Citation(uid, DEFAULT_CREDIBILITY, proposal.quote))
            tag = status_tag(proposal.status)
            how = f" {proposal.status_why[:1].upper()}{proposal.status_why[1:]}." if proposal.status_why else ""
            if proposal.when is None:
                undated.append(len(new_events))
            new_events.append(Event(
                proposal.title.strip(), when, summary=proposal.summary, place=proposal.place.strip(),
                participants=tuple(participants), citations=tuple(citations),
                tags=("intake",) + ((tag,) if tag else ()),
                notes=f"From '{doc.title}'. Date: {when_note}.{how}"))
        ws.add_events(new_events)
        landed.events = [e.uid for e in new_events]
        landed.undated = [new_events[i].uid for i in undated]
        if undated:
            n = len(undated)
            landed.notes.append(f"{n} event{'s' if n != 1 else ''} with no date in the report landed as on or before "
                                f"the publication day ({doc.published.label}); {'their notes say' if n != 1 else 'its note says'} so")
    return landed


def _corroborate(ws, analysis: Analysis, proposal: EventProposal, outlet: Source, document, choices, source_uid,
                 landed: Landed) -> None:
    """The report tells a workspace event again: cite it there (the document with the
    quote, and the statements' sources), instead of adding a second event."""
    try:
        event = ws.get_event(proposal.match.uid)
    except BrieferError:
        landed.skipped.append(f"'{proposal.title}': the event it matched is gone; add it as a new event")
        return
    cited = list(event.citations)
    new = _report_citations(analysis, proposal, outlet, document, choices, source_uid)
    added = [c for c in new if not any(c.source_uid == x.source_uid and c.quote == x.quote
                                       and c.document_uid == x.document_uid for x in cited)]
    if not added:
        landed.skipped.append(f"'{proposal.title}': this report is already cited for '{event.title}'")
        return
    ws.update_event(replace(event, citations=tuple(cited + added)))
    landed.corroborated.append(event.uid)


def _report_citations(analysis: Analysis, proposal: EventProposal, outlet: Source, document, choices,
                      source_uid) -> list[Citation]:
    """The report's citations for one proposal: the stored document with the quote, and
    each accepted statement's source (other than the outlet) with the speaker's words."""
    citations = [Citation(outlet.uid, DEFAULT_CREDIBILITY, proposal.quote, document.uid)]
    for cid in proposal.citations:
        if choices.get(cid) is False:
            continue
        cite = analysis.citation(cid)
        uid = source_uid(cite.source_id)
        if uid is not None and uid != outlet.uid:
            citations.append(Citation(uid, DEFAULT_CREDIBILITY, _speaker_quote(cite.speaker, cite.quote)))
    return citations


def _speaker_quote(speaker: str, quote: str) -> str:
    return f"{speaker}: {quote}" if speaker else quote


def _outlet(ws, analysis: Analysis, landed: Landed) -> Source:
    doc = analysis.document
    name = doc.outlet.strip()
    if doc.outlet_uid:
        try:
            return ws.get_source(doc.outlet_uid)
        except BrieferError:
            pass
    if not name:
        raise BrieferError("the document has no outlet: name the source that published it")
    found = ws.find_source(name)
    if found is not None:
        return found
    source = ws.add_source(Source(name, SourceKind.OUTLET, "F", url=_site(doc.url),
                                  notes="Added by the article assistant; grade its reliability."))
    landed.sources.append(source.uid)
    return source


def _site(url: str) -> str:
    from urllib.parse import urlparse

    parsed = urlparse(url or "")
    return f"{parsed.scheme}://{parsed.netloc}" if parsed.scheme and parsed.netloc else ""
