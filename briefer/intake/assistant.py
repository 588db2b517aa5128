"""The article assistant: from a report to proposals an analyst accepts or rejects.

`analyse` reads only; nothing enters the workspace until `landing.accept` is given
the analyst's choices.  The known names of the workspace are indexed once and kept
while the workspace's actors and sources stay the same, so a second article is
analysed without rebuilding anything.
"""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from datetime import date
from typing import Optional
from urllib.parse import urlparse

from ..core.model import content_hash, normalize_name
from ..core.when import When
from . import lexicon as L
from .arabic import arabic_dates, is_arabic
from .arabic_names import arabic_mentions
from .arabic_statements import arabic_statements
from .arabic_events import arabic_drafts
from .date_steps import date_steps
from .dated_words import dated_words
from .dates import anchor_dates, find_dates, future_reader
from .entities import Entity, Gazetteer, find_entities
from .events import draft_events, sentence_drafts
from .duplicates import find_match
from .parse import model_problem, parse_sentences
from .proposals import (ActorProposal, Analysis, CitationProposal, DateProposal, DocumentProposal, EventProposal,
                        ParticipantProposal, SourceProposal)
from .reading import Article, article_from_text, check_length
from .scripts import working_text
from .speakers import resolve_speakers
from .statements import find_statements
from .telling import fold_retellings
from .text import split_sentences

__all__ = ["analyse", "analyse_text", "UNKNOWN_OUTLET"]

UNKNOWN_OUTLET = "Unknown outlet"

_GAZETTEERS: dict[str, tuple[int, Gazetteer]] = {}


def gazetteer_for(ws) -> Gazetteer:
    """The workspace's names, rebuilt only when its actors or sources changed."""
    names = ws.actor_names()
    sources = ws.sources()
    signature = hash((tuple(names), tuple((s.uid, s.name, s.notes) for s in sources)))
    key = str(getattr(ws, "path", id(ws)))
    cached = _GAZETTEERS.get(key)
    if cached is not None and cached[0] == signature:
        return cached[1]
    gaz = Gazetteer(ws.actors(), sources)
    _GAZETTEERS[key] = (signature, gaz)
    return gaz


def analyse_text(ws, text: str, **metadata) -> Analysis:
    """Pasted text: the same reading rules as a .txt file."""
    return analyse(ws, article_from_text(text, **metadata))


def _outlet(ws, article: Article) -> tuple[str, bool, Optional[str], str]:
    """(name, known, uid, why) of the source the document belongs to."""
    name = " ".join((article.outlet or "").split())
    if name:
        found = ws.find_source(name)
        if found is not None:
            return found.name, True, found.uid, "outlet named in the report"
    host = (urlparse(article.url).hostname or "").lower().removeprefix("www.") if article.url else ""
    if host:
        for source in ws.sources():
            s_host = (urlparse(source.url).hostname or "").lower().removeprefix("www.")
            if s_host and (host == s_host or host.endswith("." + s_host)):
                return source.name, True, source.uid, f"the report's address is on {s_host}"
    if name:
        # Slugs such as "trt" or "sana" are acronyms of outlets.
        if name.islower() and len(name) <= 5 and " " not in name:
            name = name.upper()
        found = ws.find_source(name)
        if found is not None:
            return found.name, True, found.uid, "outlet named in the report"
        return name, False, None, "outlet named in the report; new source"
    if host:
        return host, False, None, "the report's web address; new source"
    return UNKNOWN_OUTLET, False, None, "no outlet found: name it before accepting"


def analyse(ws, article: Article, published: Optional[date] = None) -> Analysis:
    """Proposals for one article; `published` overrides the date found in it."""
    if published is not None:
        article = replace(article, published=published)
    check_length(article.text, article.path or "the text")
    original = article.text
    work = working_text(original, article.body_start)
    text = work.text  # the copy the rules read: same length and offsets (scripts' markup blanked, capitals cased)
    if article.published is None and work.script_date is not None:
        article = replace(article, published=work.script_date,
                          notes=list(article.notes) + ["publication date: the script's DATE= field"])
    pub_day = article.published
    pub = When.day(pub_day) if pub_day else None
    if pub is None and article.published_month is not None:  # "Date: 2013-07": the report's month
        pub = When.month(*article.published_month)
    outlet, outlet_known, outlet_uid, outlet_why = _outlet(ws, article)
    digest = content_hash(original)
    existing = ws.find_document_by_hash(digest)
    notes = list(article.notes) + [f"outlet: {outlet_why}"] + work.notes
    letters = [c for c in text if c.isalpha()]
    foreign = bool(letters) and sum(1 for c in letters if c.isascii()) < 0.5 * len(letters)
    arabic = foreign and is_arabic(text)
    if arabic:
        notes.append("an Arabic report: dates, the common actors (by their Arabic names), statements and events "
                     "are read by rules for Arabic; names they do not know are not proposed")
    elif foreign:
        notes.append("the text is not in English: only names the workspace knows were looked for; the "
                     "sentences naming them are offered as events to edit, dated by publication")
    if existing is not None:
        notes.append("this text is already stored: accepting adds events to that document, not a copy")
    document = DocumentProposal(article.title, outlet, outlet_known, outlet_uid, pub, article.author or work.byline,
                                article.url, original, digest, existing.uid if existing else None, notes)

    sentences = split_sentences(text)
    skipped = list(article.skipped)

    def in_body(start: int) -> bool:
        return start >= article.body_start and not any(a <= start < b for a, b in skipped)

    # a sentence opened by a dateline ("Published 17 November 2017 A car bomb ...") is body text
    body = [i for i, s in enumerate(sentences)
            if in_body(s.start) or (article.dateline is not None and article.dateline[0] <= s.start < article.dateline[1]
                                    and s.end > article.dateline[1])]
    starts = [s.start for s in sentences]
    parsed: dict = {}
    if not foreign:
        parsed, unparsed = parse_sentences(sentences, body)
        problem = model_problem()
        if problem:
            remedy = ("this built app does not carry it; Briefer installed with pip does" if getattr(sys, "frozen", False)
                      else "run Briefer's set-up to install the model")
            notes.append(f"no English parse ({problem}): names, speakers and roles come from the rules alone, "
                         f"so fewer are found (lower recall); {remedy}")
        elif unparsed:
            notes.append(f"a long text: {unparsed} of its {len(body)} sentences were read by the rules alone "
                         "(the parse stops after 100,000 characters or 3 seconds)")

    future_context = future_reader(text, sentences, parsed)

    gaz = gazetteer_for(ws)
    if arabic:
        dates = [d for d in arabic_dates(text, pub_day, month=None if pub_day else article.published_month)
                 if in_body(d.start)]
        entities, mentions = arabic_mentions(text, sentences, set(body), gaz, article.dateline)
        statements = arabic_statements(text, sentences, body, mentions, entities, outlet)
        drafts = arabic_drafts(text, sentences, body, dates, mentions, entities, statements, pub, outlet,
                               article.dateline)
    else:
        dates = [d for d in find_dates(text, pub_day, future_context=future_context) if in_body(d.start)]
        dates = anchor_dates(text, dates, starts, pub_day, in_body)
        title_line = {i for i, s in enumerate(sentences)
                      if s.start < article.body_start and s.text.strip() in article.title}
        entities, mentions = find_entities(text, sentences, gaz, skipped, only=set(body) | title_line, parsed=parsed,
                                           dateline=article.dateline)
        statements = find_statements(text, sentences, mentions, entities, outlet, parsed)
        resolve_speakers(statements, entities, mentions)  # "the group", "the military": the actor named before
        drafts = draft_events(text, sentences, body, dates, mentions, entities, statements, pub, parsed, outlet)
        drafts = fold_retellings(drafts, sentences, parsed)  # one proposal per happening told again
        drafts = date_steps(drafts, sentences, parsed)  # a step of the dated happening just before ("also"): its day
        # a happening told with a date of its own that no draft has, inside another's sentence
        drafts = dated_words(drafts, text, sentences, body, dates, parsed, lambda clauses: draft_events(
            text, sentences, body, dates, mentions, entities, statements, pub, parsed, outlet, clauses_of=clauses))
    if foreign and not drafts:
        drafts = sentence_drafts(text, sentences, body, mentions, entities, pub, article.title)

    shown = [d for d in dates if not d.vague and not d.duration]  # "in the coming weeks" only dates its clause
    date_props = [DateProposal(f"date-{i + 1}", d.text, (d.start, d.end), d.when, d.rule, d.forward)
                  for i, d in enumerate(shown)]
    date_ids = {(d.start, d.end): p.id for d, p in zip(shown, date_props)}

    carriers = {st.source_entity for st in statements if st.source_entity}  # entities words came through
    actor_props: list[ActorProposal] = []
    source_props: list[SourceProposal] = []
    actor_of: dict[str, str] = {}
    source_of: dict[str, str] = {}
    for e in entities:
        if e.actor:
            pid = f"actor-{len(actor_props) + 1}"
            actor_props.append(ActorProposal(pid, e.name, e.kind, e.known_actor is not None, e.known_actor,
                                             e.aliases_seen, e.spans, e.title))
            actor_of[e.id] = pid
        if e.source or e.id in carriers:
            if normalize_name(e.name) == normalize_name(outlet):
                continue
            pid = f"source-{len(source_props) + 1}"
            known = e.known_source is not None
            kind = e.source_kind if e.source_kind in _SOURCE_KINDS else _source_kind(e)
            source_props.append(SourceProposal(pid, e.name, kind, known, e.known_source, e.spans,
                                               "known source" if known else "carries a statement in the report"))
            source_of[e.id] = pid

    citation_props: list[CitationProposal] = []
    citation_of: dict[int, str] = {}
    for i, st in enumerate(statements):
        pid = f"citation-{len(citation_props) + 1}"
        citation_props.append(CitationProposal(
            pid, st.speaker, actor_of.get(st.speaker_entity or ""), st.source or outlet,
            source_of.get(st.source_entity or ""), st.quote, st.quote_span, st.rule, st.channel))
        citation_of[id(st)] = pid

    event_props: list[EventProposal] = []
    known_uid = {pid: a.uid for pid, a in ((a.id, a) for a in actor_props) if a.uid}
    match_cache: dict = {}
    for draft in drafts:
        participants = [ParticipantProposal(actor_of[eid], role) for eid, role in draft.participants if eid in actor_of]
        st = draft.statement
        source_name = (st.source or outlet) if st else outlet
        source_id = source_of.get(st.source_entity or "") if st else None
        event_props.append(EventProposal(
            f"event-{len(event_props) + 1}", draft.title, draft.when, draft.when_rule, draft.place, participants,
            draft.quote, (draft.clause.start, draft.clause.end), source_name, source_id,
            [citation_of[id(st)]] if st is not None else [],
            date_ids.get((draft.date.start, draft.date.end)) if draft.date else None,
            status=draft.status, status_why=draft.status_why, claimed_by=draft.claimed_by))
        proposal = event_props[-1]
        if len(event_props) <= _MAX_MATCHED:
            # one the report gives no date for is compared as of its publication, where it lands
            match = find_match(ws, proposal.when or pub, proposal.title, proposal.quote, proposal.place,
                               [known_uid[p.actor] for p in participants if p.actor in known_uid], match_cache)
            if match is not None:
                proposal.match = match
                proposal.corroborate = True  # offered as a citation to it; the analyst can make it a new event
    if text != original:  # quotes are the report's own words, not the working copy's
        for c in citation_props:
            c.quote = _restore(c.quote, text, original, c.span)
        for e in event_props:
            e.quote = _restore(e.quote, text, original, e.span)
    proposed = [e for e in event_props if not e.expectation]
    expectations = [e for e in event_props if e.expectation]
    return Analysis(document, date_props, actor_props, source_props, citation_props, proposed, pub_day, expectations)


def _restore(quote: str, text: str, original: str, span: tuple[int, int]) -> str:
    """The words of `original` where `quote` was taken from the working copy `text`."""
    a, b = span
    at = text.find(quote, max(0, a - len(quote)), min(len(text), b + len(quote)))
    if at >= 0:
        return original[at:at + len(quote)]
    if " ".join(text[a:b].split()).strip(" ,;") == quote:
        return " ".join(original[a:b].split()).strip(" ,;")
    return quote


_MAX_MATCHED = 2000  # proposals compared with the workspace's events (a long text: the first ones)


_SOURCE_KINDS = {"news_agency", "outlet", "ngo", "official", "social_media", "other"}


def _source_kind(entity: Entity) -> str:
    name = entity.name.lower()
    if normalize_name(entity.name) in L.NEWS_AGENCIES or re.search(r"\b(?:news|agency|press|times|post)\b", name):
        return "news_agency"
    if re.search(r"\b(?:observatory|watch|committee|network|centre|center|monitor|crescent|cross)\b", name):
        return "ngo"
    if re.search(r"\b(?:ministry|government|office|command|council|army|forces)\b", name):
        return "official"
    return "other"
