"""Every change is attributed (analyst, time) and each record has a history: who changed
which fields, from what to what, when (both backends)."""

from __future__ import annotations

from dataclasses import replace

from briefer.core.model import Actor, ActorKind, Citation, Event, Participant, Source, SourceKind
from briefer.core.when import When
from briefer.store import HistoryEntry, Workspace


def test_an_events_history_says_who_changed_which_field_from_what_to_what(workspace) -> None:
    workspace.analyst = "Omar"
    event = workspace.add_event(Event("Shelling of Hajin", When.parse("2019-02-09")))
    workspace.analyst = "Amal"
    workspace.update_event(replace(workspace.get_event(event.uid), place="Hajin", summary="Artillery fire"))
    workspace.analyst = "Omar"
    workspace.update_event(replace(workspace.get_event(event.uid), title="Shelling of Hajin and Baghouz",
                                   when=When.parse("2019-02-10")))

    history = workspace.event_history(event.uid)
    assert [e.action for e in history] == ["changed", "changed", "created"]  # newest first
    assert [e.analyst for e in history] == ["Omar", "Amal", "Omar"]
    assert all(isinstance(e, HistoryEntry) and e.at.endswith("Z") and e.known for e in history)
    assert history[0].rev > history[1].rev > history[2].rev
    latest = {c.field: (c.old, c.new) for c in history[0].changes}
    assert latest == {"title": ("Shelling of Hajin", "Shelling of Hajin and Baghouz"),
                      "when": ("2019-02-09", "2019-02-10")}
    earlier = {c.field: (c.old, c.new) for c in history[1].changes}
    assert earlier == {"place": ("", "Hajin"), "summary": ("", "Artillery fire")}
    assert history[0].workspace == workspace.workspace_id and history[0].workspace_name == workspace.name
    assert history[0].changes[0].text() == "title: 'Shelling of Hajin' → 'Shelling of Hajin and Baghouz'"


def test_citations_actors_and_a_deletion_are_in_the_history(workspace) -> None:
    workspace.analyst = "Omar"
    actor = workspace.add_actor(Actor("SDF", ActorKind.ARMED_GROUP))
    source = workspace.add_source(Source("Reuters", SourceKind.NEWS_AGENCY, "B"))
    event = workspace.add_event(Event("Raid", When.parse("2019-02")))
    citation = Citation(source.uid, 2, "fighters entered the town")
    workspace.update_event(replace(workspace.get_event(event.uid), citations=(citation,),
                                   participants=(Participant(actor.uid),)))
    workspace.analyst = "Amal"
    workspace.delete_event(event.uid)

    history = workspace.event_history(event.uid)
    assert [(e.action, e.analyst) for e in history] == [("deleted", "Amal"), ("changed", "Omar"), ("created", "Omar")]
    fields = {c.field for c in history[1].changes}
    assert fields == {"actors", f"citation:{citation.uid}"}
    cited = next(c for c in history[1].changes if c.field.startswith("citation:"))
    assert cited.old is None and cited.new["quote"] == "fighters entered the town" and cited.label == "citation"


def test_actors_and_sources_have_a_history_too(workspace) -> None:
    workspace.analyst = "Omar"
    actor = workspace.add_actor(Actor("Syrian Democratic Forces", ActorKind.ARMED_GROUP))
    workspace.analyst = "Amal"
    workspace.update_actor(replace(workspace.get_actor(actor.uid), aliases=("SDF",)))
    source = workspace.add_source(Source("Reuters", SourceKind.NEWS_AGENCY, "B"))
    workspace.update_source(replace(workspace.get_source(source.uid), reliability="A"))

    actor_history = workspace.record_history("actor", actor.uid)
    assert [(e.action, e.analyst) for e in actor_history] == [("changed", "Amal"), ("created", "Omar")]
    assert [(c.field, c.old, c.new) for c in actor_history[0].changes] == [("aliases", [], ["SDF"])]
    source_history = workspace.record_history("source", source.uid)
    assert [(c.field, c.old, c.new) for c in source_history[0].changes] == [("reliability", "B", "A")]


def test_another_sessions_change_is_attributed_to_its_analyst(workspace) -> None:
    workspace.analyst = "Omar"
    if workspace.backend == "sqlite":
        from briefer.store.external import write_through
        write_through(workspace)
    event = workspace.add_event(Event("Talks in Raqqa", When.parse("2019")))
    with Workspace.open(str(workspace.path)) as other:
        other.analyst = "Amal"
        other.update_event(replace(other.get_event(event.uid), notes="postponed"))
    history = workspace.event_history(event.uid)
    assert (history[0].analyst, history[0].changes[0].field, history[0].changes[0].new) == ("Amal", "notes", "postponed")


def test_a_record_never_made_has_no_history(workspace) -> None:
    assert workspace.event_history("no-such-event") == []
