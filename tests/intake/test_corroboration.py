"""Issue 13: a report that tells a workspace event again is offered as a citation to
it; expectations land with their status, shown so in the timeline and the brief."""

from __future__ import annotations

from datetime import date

from briefer.core.model import Actor, ActorKind, Citation, Event, Participant, Role, Source, SourceKind
from briefer.core.status import event_status, status_label
from briefer.core.when import When
from briefer.intake.assistant import analyse_text
from briefer.intake.landing import accept, accept_all_choices

REPORT = ("Headline: Brigade takes the silos\nOutlet: Desk Wire\n\n"
          "The Northern Shield Brigade seized the grain silos outside Tal Hamra on Monday after a night of "
          "shelling, residents said. The Northern Shield Brigade will attack Sahl camp next week, its commander "
          "said.")


def _workspace_with_the_event(ws) -> Event:
    brigade = ws.add_actor(Actor("Northern Shield Brigade", ActorKind.ARMED_GROUP))
    source = ws.add_source(Source("Valley Courier", SourceKind.OUTLET, "B"))
    return ws.add_event(Event("Northern Shield Brigade seizes grain silos near Tal Hamra",
                              When.day(date(2019, 3, 4)), place="Tal Hamra",
                              participants=(Participant(brigade.uid, Role.INITIATOR),),
                              citations=(Citation(source.uid, 2, "the brigade took the silos"),)))


def test_a_report_of_a_known_event_is_offered_as_a_citation_to_it(workspace) -> None:
    existing = _workspace_with_the_event(workspace)
    analysis = analyse_text(workspace, REPORT, published=date(2019, 3, 5))
    seized = next(e for e in analysis.events if "silos" in e.quote)
    assert seized.match is not None and seized.match.uid == existing.uid
    assert seized.corroborate  # offered instead of a new event
    assert "actor" in seized.match.why
    assert analysis.to_json()["events"][0]["likely_duplicate_of"]["event"] == existing.uid
    before = workspace.event_count()
    landed = accept(workspace, analysis, {seized.id: True})
    assert workspace.event_count() == before and landed.corroborated == [existing.uid]
    cited = workspace.get_event(existing.uid).citations
    assert len(cited) == 2 and "silos" in cited[1].quote and cited[1].document_uid == landed.document_uid
    # the same report again adds nothing
    again = analyse_text(workspace, REPORT, published=date(2019, 3, 5))
    landed = accept(workspace, again, {next(e for e in again.events if "silos" in e.quote).id: True})
    assert len(workspace.get_event(existing.uid).citations) == 2 and landed.skipped


def test_the_analyst_can_still_add_it_as_a_new_event(workspace) -> None:
    _workspace_with_the_event(workspace)
    analysis = analyse_text(workspace, REPORT, published=date(2019, 3, 5))
    seized = next(e for e in analysis.events if "silos" in e.quote)
    seized.corroborate = False
    before = workspace.event_count()
    accept(workspace, analysis, {seized.id: True})
    assert workspace.event_count() == before + 1


def test_an_event_of_another_period_or_other_actors_is_no_match(workspace) -> None:
    _workspace_with_the_event(workspace)
    later = analyse_text(workspace, REPORT, published=date(2019, 6, 5))
    assert all(e.match is None for e in later.all_events)


def test_an_event_known_only_to_its_year_or_open_ended_is_not_offered_as_the_same_event(workspace) -> None:
    """A workspace event dated "2019", "spring 2019" or "since Feb 2019" overlaps the report's day, but
    nothing says the report tells that event again: it is no match (as a report's own
    coarse dates are not matched).  A month is still close enough to be offered."""
    brigade = workspace.add_actor(Actor("Northern Shield Brigade", ActorKind.ARMED_GROUP))
    for when in (When.parse("2019"), When.parse("2019-21"), When.parse("2019-02/..")):
        workspace.add_event(Event("Northern Shield Brigade seizes grain silos near Tal Hamra", when,
                                  place="Tal Hamra", participants=(Participant(brigade.uid, Role.INITIATOR),)))
    analysis = analyse_text(workspace, REPORT, published=date(2019, 3, 5))
    seized = next(e for e in analysis.events if "silos" in e.quote)
    assert seized.match is None and not seized.corroborate


def test_an_expectation_lands_with_its_status_and_is_shown_so(workspace) -> None:
    analysis = analyse_text(workspace, REPORT, published=date(2019, 3, 5))
    expected = next(e for e in analysis.expectations if "attack Sahl camp" in e.quote)
    assert expected.status == "expected"
    assert expected.id not in accept_all_choices(analysis) or not accept_all_choices(analysis).get(expected.id)
    landed = accept(workspace, analysis, {expected.id: True})
    event = workspace.get_event(landed.events[0])
    assert event_status(event.tags) == "expected"
    assert status_label(event.tags, event.title).startswith("expected · ")
    from briefer.store.timeline import glyph_details

    row = workspace.conn.execute("SELECT id FROM event WHERE uid = ?", (event.uid,)).fetchone()[0]
    assert glyph_details(workspace, [row])[row][0].startswith("expected · ")


def test_accept_all_takes_the_proposed_events_not_the_expectations(workspace) -> None:
    analysis = analyse_text(workspace, REPORT, published=date(2019, 3, 5))
    choices = accept_all_choices(analysis)
    assert all(choices.get(e.id) for e in analysis.events)
    assert not any(choices.get(e.id) for e in analysis.expectations)
