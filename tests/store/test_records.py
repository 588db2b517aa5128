"""Actors, sources, documents and events as the rest of Briefer stores and reads them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from briefer.core.errors import ValidationError
from briefer.core.filter import EventFilter
from briefer.core.model import (
    Actor, ActorKind, Citation, Document, Event, Participant, Role, Source, SourceKind,
)
from briefer.core.when import When
from briefer.store import QueryError, Workspace, WorkspaceError, fts_query


@pytest.fixture
def sdf_world(workspace: Workspace) -> dict:
    ws = workspace
    isis = ws.add_actor(Actor("Islamic State", ActorKind.ARMED_GROUP, aliases=("ISIS", "ISIL", "Daesh")))
    sdf = ws.add_actor(Actor("Syrian Democratic Forces", ActorKind.ARMED_GROUP, aliases=("SDF",)))
    bali = ws.add_actor(Actor("Mustafa Bali", ActorKind.PERSON, member_of=sdf.uid))
    reuters = ws.add_source(Source("Reuters", SourceKind.NEWS_AGENCY, "B"))
    sohr = ws.add_source(Source("Syrian Observatory for Human Rights", SourceKind.NGO, "D"))
    pause = ws.add_event(Event(
        "SDF pauses offensive on Baghouz", When.parse("2019-02-09"), place="Baghouz", event_type="Battles",
        tags=("offensive",),
        participants=(Participant(sdf.uid, Role.INITIATOR), Participant(isis.uid, Role.TARGET),
                      Participant(bali.uid, Role.SPOKESPERSON)),
        citations=(Citation(reuters.uid, 2, "civilians are coming out"),),
    ))
    claim = ws.add_event(Event(
        "Monitor says priest held in Hajin pocket", When.parse("2019-02-03/2019-02-09"), place="Hajin",
        participants=(Participant(isis.uid, Role.INITIATOR),),
        citations=(Citation(sohr.uid, 5, "held in the Hajin pocket"),),
    ))
    killed = ws.add_event(Event("Priest reported killed", When.parse("2013?"), tags=("hostages",)))
    return dict(ws=ws, isis=isis, sdf=sdf, bali=bali, reuters=reuters, sohr=sohr, pause=pause, claim=claim,
                killed=killed)


def test_aliases_resolve_to_one_actor_whatever_the_case_or_accents(sdf_world: dict) -> None:
    ws, isis = sdf_world["ws"], sdf_world["isis"]
    for name in ("Daesh", "DAESH", "isis", "Islamic  State", "Dāesh"):
        assert ws.find_actor(name).uid == isis.uid


def test_an_alias_held_by_another_actor_is_an_error_naming_that_actor(sdf_world: dict) -> None:
    ws = sdf_world["ws"]
    with pytest.raises(WorkspaceError, match="belongs to the actor 'Islamic State'"):
        ws.add_actor(Actor("Some group", aliases=("daesh",)))
    with pytest.raises(WorkspaceError, match="belongs to the actor 'Syrian Democratic Forces'"):
        ws.update_actor(replace(sdf_world["isis"], aliases=("SDF",)))


def test_an_actor_cannot_be_a_member_of_its_own_member(sdf_world: dict) -> None:
    ws = sdf_world["ws"]
    with pytest.raises(WorkspaceError, match="cannot be a member"):
        ws.update_actor(replace(sdf_world["sdf"], member_of=sdf_world["bali"].uid))


def test_merge_moves_links_aliases_and_members(sdf_world: dict) -> None:
    ws = sdf_world["ws"]
    dup = ws.add_actor(Actor("IS", aliases=("Islamic State group",)))
    member = ws.add_actor(Actor("Emir", member_of=dup.uid))
    ws.add_event(Event("Dup event", When.parse("2019"), participants=(Participant(dup.uid, Role.INITIATOR),)))
    merged = ws.merge_actors(sdf_world["isis"].uid, dup.uid)
    assert {"IS", "Islamic State group", "Daesh"} <= set(merged.aliases)
    assert ws.find_actor("Islamic State group").uid == merged.uid
    assert ws.get_actor(member.uid).member_of == merged.uid
    assert ws.count_events(EventFilter(actors=(merged.uid,))) == 3
    with pytest.raises(WorkspaceError):
        ws.get_actor(dup.uid)


def test_event_round_trips_with_links_citations_and_tags(sdf_world: dict) -> None:
    ws, pause = sdf_world["ws"], sdf_world["pause"]
    stored = ws.get_event(pause.uid)
    assert stored == pause


def test_update_and_delete_event(sdf_world: dict) -> None:
    ws, pause = sdf_world["ws"], sdf_world["pause"]
    ws.update_event(replace(pause, title="SDF halt offensive", participants=pause.participants[:1]))
    assert ws.get_event(pause.uid).title == "SDF halt offensive"
    assert len(ws.get_event(pause.uid).participants) == 1
    assert ws.count_events(EventFilter(text="halt")) == 1
    removed = ws.delete_event(pause.uid)
    assert ws.count_events(EventFilter(text="halt")) == 0
    ws.add_event(removed)  # what an undo does
    assert ws.get_event(pause.uid) == removed


def test_unknown_actor_in_an_event_is_an_error_and_nothing_is_written(sdf_world: dict) -> None:
    ws = sdf_world["ws"]
    before = ws.event_count()
    with pytest.raises(WorkspaceError, match="no actor"):
        ws.add_events([
            Event("fine", When.parse("2019")),
            Event("broken", When.parse("2019"), participants=(Participant("no-such-uid"),)),
        ])
    assert ws.event_count() == before


@pytest.mark.parametrize(
    "make_filter, expected",
    [
        (lambda w: EventFilter(), {"pause", "claim", "killed"}),
        (lambda w: EventFilter(start=When.parse("2019-02-09"), end=When.parse("2019-02-09")), {"pause", "claim"}),
        (lambda w: EventFilter(start=When.parse("2019-02-01"), end=When.parse("2019-02-05")), {"claim"}),
        (lambda w: EventFilter(end=When.parse("2015")), {"killed"}),
        (lambda w: EventFilter(actors=(w["isis"].uid,)), {"pause", "claim"}),
        (lambda w: EventFilter(actors=(w["isis"].uid, w["sdf"].uid), actor_mode="all"), {"pause"}),
        (lambda w: EventFilter(sources=(w["sohr"].uid,)), {"claim"}),
        (lambda w: EventFilter(event_types=("Battles",)), {"pause"}),
        (lambda w: EventFilter(tags=("hostages",)), {"killed"}),
        (lambda w: EventFilter(min_reliability="C"), {"pause"}),
        (lambda w: EventFilter(min_reliability="D"), {"pause", "claim"}),
        (lambda w: EventFilter(text="baghouz"), {"pause"}),
        (lambda w: EventFilter(text="hajin pocket"), {"claim"}),
        (lambda w: EventFilter(text="offens*"), {"pause"}),
        (lambda w: EventFilter(uids=(w["killed"].uid,)), {"killed"}),
        (lambda w: EventFilter(actors=(w["isis"].uid,), text="priest", start=When.parse("2019")), {"claim"}),
    ],
)
def test_filters(sdf_world: dict, make_filter, expected: set[str]) -> None:
    ws = sdf_world["ws"]
    f = make_filter(sdf_world)
    uids = {k for k in ("pause", "claim", "killed") if sdf_world[k].uid in set(ws.event_uids(f))}
    assert uids == expected
    assert ws.count_events(f) == len(expected)


def test_results_come_in_date_order_and_page(sdf_world: dict) -> None:
    ws = sdf_world["ws"]
    titles = [e.title for e in ws.search_events()]
    assert titles[0] == "Priest reported killed"
    assert [e.title for e in ws.search_events(limit=1, offset=1)] == [titles[1]]


@pytest.mark.parametrize("text", ['"unbalanced', "AND", "OR NOT", "(baghouz", "baghouz)", "-baghouz", "title:x",
                                  "NEAR(a b)", "a AND (b OR", "*", "^x", "Baghouz*", "'", "\\"])
def test_fts_syntax_in_search_text_never_crashes(sdf_world: dict, text: str) -> None:
    ws = sdf_world["ws"]
    try:
        count = ws.count_events(EventFilter(text=text))
    except QueryError as error:
        assert "no words" in str(error)
    else:
        assert count >= 0


def test_fts_query_quotes_words_and_keeps_phrases_and_prefixes() -> None:
    assert fts_query('SDF AND "safe corridor" bagh*') == '"SDF" AND "AND" AND "safe corridor" AND "bagh"*'
    assert fts_query("   ") is None
    with pytest.raises(QueryError):
        fts_query("(((")


def test_documents_are_not_duplicated_by_the_same_text(workspace: Workspace) -> None:
    source = workspace.add_source(Source("Outlet"))
    first = workspace.add_document(Document(source.uid, "Report", "Line one.\r\nLine two.  \n"))
    again = workspace.add_document(Document(source.uid, "Report again", "Line one.\nLine two.\n"))
    assert again.uid == first.uid
    assert len(workspace.documents(source.uid)) == 1
    assert workspace.search_documents("two") == [first.uid]


def test_source_names_are_unique_and_found_by_url(workspace: Workspace) -> None:
    workspace.add_source(Source("Reuters", url="https://www.reuters.com"))
    with pytest.raises(WorkspaceError, match="already exists"):
        workspace.add_source(Source("REUTERS"))
    assert workspace.find_source("https://www.reuters.com").name == "Reuters"


def test_invalid_records_are_refused_with_the_field_named() -> None:
    with pytest.raises(ValidationError, match="reliability"):
        Source("X", reliability="G")
    with pytest.raises(ValidationError, match="credibility"):
        Citation("s", credibility=7)
    with pytest.raises(ValidationError, match="latitude"):
        Event("x", When.parse("2019"), latitude=91)
    with pytest.raises(ValidationError, match="event title"):
        Event(" ", When.parse("2019"))


def test_saved_views_and_settings_persist(new_location) -> None:
    path = new_location("v")
    with Workspace.create(path) as ws:
        f = EventFilter(start=When.parse("2019-02"), text="baghouz", tags=("a",))
        ws.save_view("February", f)
        ws.set_setting("brief.marking", "TLP:AMBER")
    with Workspace.open(path) as ws:
        assert ws.views()["February"] == f
        assert ws.setting("brief.marking") == "TLP:AMBER"


def test_periods_are_kept_on_both_backends(workspace) -> None:
    from briefer.core.period import Period

    period = workspace.add_period(Period("Battle of Baghouz", When.parse("2019-02-09/2019-03-23")))
    assert [p.uid for p in workspace.periods()] == [period.uid]
