"""Accepting proposals: only what was accepted lands, with provenance, in one transaction."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from briefer.core.errors import BrieferError
from briefer.core.model import Source, SourceKind
from briefer.intake.assistant import analyse, analyse_text
from briefer.intake.landing import accept, accept_all_choices, merge_events
from briefer.intake.reading import read_article


def dump(ws) -> list[str]:
    return list(ws.conn.iterdump())


def test_nothing_lands_without_acceptance(workspace, fixtures: Path) -> None:
    before = dump(workspace)
    analysis = analyse(workspace, read_article(fixtures / "dam_talks.txt"))
    assert analysis.events
    landed = accept(workspace, analysis, {})
    assert not landed.changed
    assert dump(workspace) == before


def test_accepted_events_land_with_citations_to_the_stored_document(workspace, fixtures: Path) -> None:
    analysis = analyse(workspace, read_article(fixtures / "dam_talks.txt"))
    quote_event = next(e for e in analysis.events if "thieves" in e.quote)
    seized = next(e for e in analysis.events if "seized" in e.quote)
    landed = accept(workspace, analysis, {quote_event.id: True, seized.id: True})
    assert len(landed.events) == 2 and landed.document_added
    document = workspace.get_document(landed.document_uid)
    assert document.title == "Talks over northern dam stall as militia keeps its guns"
    assert workspace.get_source(document.source_uid).name == "Valley Courier"
    event = workspace.get_event(landed.events[0])
    assert event.citations[0].document_uid == document.uid
    assert event.citations[0].quote == quote_event.quote
    # the statement came through the news agency: it is cited too, with the speaker
    agency = workspace.find_source("Harbour News Agency")
    assert agency is not None and agency.kind is SourceKind.NEWS_AGENCY
    second = next(c for c in event.citations if c.source_uid == agency.uid)
    assert second.quote.startswith("Idris Hallaq: We held this dam")
    hallaq = workspace.find_actor("Idris Hallaq")
    assert hallaq is not None and "Commander Idris Hallaq" in hallaq.aliases
    brigade_event = workspace.get_event(landed.events[1])
    assert brigade_event.when.edtf == "2018"
    assert workspace.find_actor("Northern Shield Brigade").uid in brigade_event.actor_uids
    # rejected proposals did not land: the mediator's foundation is in no accepted event
    assert workspace.find_actor("Lakes Foundation") is None
    assert workspace.count_events() == 2


def test_the_same_text_twice_is_one_document(workspace, fixtures: Path) -> None:
    analysis = analyse(workspace, read_article(fixtures / "dam_talks.txt"))
    accept(workspace, analysis, accept_all_choices(analysis))
    count = workspace.count_events()
    again = analyse(workspace, read_article(fixtures / "dam_talks.txt"))
    assert again.document.existing_uid is not None
    landed = accept(workspace, again, accept_all_choices(again))
    assert not landed.document_added and not landed.events
    assert len(workspace.documents()) == 1 and workspace.count_events() == count
    assert all("already taken" in why for why in landed.skipped)


def test_known_outlet_by_name_or_address(workspace, fixtures: Path) -> None:
    courier = workspace.add_source(Source("Valley Courier", SourceKind.OUTLET, "B",
                                          url="https://valleycourier.example"))
    by_name = analyse(workspace, read_article(fixtures / "dam_talks.txt"))
    assert by_name.document.outlet_known and by_name.document.outlet_uid == courier.uid
    html = read_article(fixtures / "dam_talks.html")
    html.outlet = ""
    by_url = analyse(workspace, html)
    assert by_url.document.outlet_uid == courier.uid


def test_rejecting_an_actor_keeps_it_out_of_an_accepted_event(workspace, fixtures: Path) -> None:
    analysis = analyse(workspace, read_article(fixtures / "dam_talks.txt"))
    event = next(e for e in analysis.events if "thieves" in e.quote)
    hallaq = next(a for a in analysis.actors if a.name == "Idris Hallaq")
    landed = accept(workspace, analysis, {event.id: True, hallaq.id: False})
    assert workspace.find_actor("Idris Hallaq") is None
    assert workspace.get_event(landed.events[0]).participants == ()


def test_a_failure_leaves_the_workspace_as_it_was(workspace, fixtures: Path, monkeypatch) -> None:
    analysis = analyse(workspace, read_article(fixtures / "dam_talks.txt"))
    before = dump(workspace)

    def broken(events):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(workspace, "add_events", broken)
    with pytest.raises(sqlite3.OperationalError):
        accept(workspace, analysis, accept_all_choices(analysis))
    assert dump(workspace) == before


def test_merge_two_proposals_into_one(workspace, fixtures: Path) -> None:
    analysis = analyse(workspace, read_article(fixtures / "dam_talks.txt"))
    # (the brigade's refusal, a statement of what it will not do, is no event: the seizure carries its name)
    first = next(e for e in analysis.events if "thieves" in e.quote)
    second = next(e for e in analysis.events if "seized" in e.quote)
    merged = merge_events(analysis, [first.id, second.id])
    assert merged is first and second not in analysis.events
    assert "thieves" in merged.quote
    names = {analysis.actor(p.actor).name for p in merged.participants}
    assert {"Northern Shield Brigade", "Idris Hallaq"} <= names
    with pytest.raises(BrieferError):
        merge_events(analysis, [first.id])


def test_edited_proposals_land_as_edited(workspace) -> None:
    analysis = analyse_text(workspace, "Headline: Bridge closed\nDate: 2 June 2022\nOutlet: Town Crier\n\n"
                                       "The River Guard closed the old bridge on Tuesday.")
    event = analysis.events[0]
    assert event.when.edtf == "2022-05-31"
    event.title = "River Guard closes the old bridge"
    event.place = "Old bridge"
    landed = accept(workspace, analysis, {event.id: True})
    stored = workspace.get_event(landed.events[0])
    assert (stored.title, stored.place, stored.when.edtf) == ("River Guard closes the old bridge", "Old bridge",
                                                               "2022-05-31")

